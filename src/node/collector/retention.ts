/**
 * The daily housekeeping: finished days become aggregates (and lose their
 * dedupe keys), then raw events past the retention period are deleted.
 * The collector runs it at start and every hour; `npm run listen -- prune`
 * runs it by hand. Running it twice changes nothing the second time.
 */
import { addDays, dayOf, type Day, type EventStore } from './store.ts';

/** What one run did. */
export interface MaintenanceResult {
  /** Days whose aggregates were written. */
  closedDays: Day[];
  /** Raw events deleted. */
  pruned: number;
  /** Raw events from before this day are gone. */
  keptFrom: Day;
}

/** Closes finished days, then deletes raw events older than `retentionDays`. */
export async function runMaintenance(store: EventStore, now: Date, retentionDays: number): Promise<MaintenanceResult> {
  const today = dayOf(now);
  const closedDays = await store.closeDays(today);
  const keptFrom = addDays(today, -retentionDays);
  const pruned = await store.prune(keptFrom);
  return { closedDays, pruned, keptFrom };
}
