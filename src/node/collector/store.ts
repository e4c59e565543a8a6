/**
 * The collector's storage, behind one small interface so that SQLite (one
 * file, no server, plenty for one help center) can be swapped for a shared
 * database when a business outgrows it. README "Listening to customers"
 * says what a PostgreSQL implementation has to do; the contract is here.
 *
 * Two kinds of data:
 * - raw events, one row each, kept for the retention period (comments live
 *   only here, so they go with them);
 * - daily aggregates (counts per day, article, query, channel), written once
 *   a day is over and kept for good. They hold no free text a reader wrote
 *   except search queries, which are what the reports are for.
 */
import type { ListeningEvent } from '../../schemas/events.ts';
import type { ListeningData } from './listening-data.ts';

/** An accepted event with what the collector adds: when, from which site, and a key that merges repeats. */
export interface ReceivedEvent {
  /** The validated event. */
  event: ListeningEvent;
  /** When the collector received it (server clock). */
  receivedAt: Date;
  /** The help center that sent it: the request's `Origin`, e.g. "https://help.example.com". */
  site: string;
  /**
   * Same reader, same subject, same day → same key; a later event with the
   * key replaces the earlier one (a vote changed, a reason added). Built
   * from a salt that lives in memory for one day only, then is forgotten;
   * the store clears keys of finished days. Leave out to store every event.
   */
  dedupeKey?: string;
}

/** A calendar day in UTC, "YYYY-MM-DD": the unit of retention and aggregates. */
export type Day = string;

/** The storage contract. Every method is async so a networked database fits it. */
export interface EventStore {
  /**
   * Stores one event, atomically: when the promise resolves it is durable
   * (it survives the process being killed and, with SQLite's synchronous=FULL,
   * a power cut); when it rejects nothing of it was stored.
   */
  add(received: ReceivedEvent): Promise<void>;
  /**
   * Closes every day before `today` that has raw events and is not closed:
   * writes its daily aggregates and clears its dedupe keys, in one
   * transaction. Safe to run any number of times. Returns the days closed.
   */
  closeDays(today: Day): Promise<Day[]>;
  /** Deletes raw events of closed days before `before` (aggregates stay). Returns how many. */
  prune(before: Day): Promise<number>;
  /**
   * Everything a report needs for days `from`..`to` inclusive, from one
   * consistent snapshot: aggregates of closed days plus the same counts
   * computed live for open ones, and the comments still kept.
   */
  read(from: Day, to: Day): Promise<ListeningData>;
  /** Resolves if the store can answer queries (for the health endpoint). */
  check(): Promise<void>;
  /** Writes a consistent copy of the whole store to `file` while it stays in use. */
  backup(file: string): Promise<void>;
  /** Finishes pending work and releases the database. */
  close(): Promise<void>;
}

/** The UTC day of an instant. */
export function dayOf(instant: Date): Day {
  return instant.toISOString().slice(0, 10);
}

/** The day `days` days after `day` (negative goes back). */
export function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}
