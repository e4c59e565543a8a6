import type { MessageContext } from './contact.ts';

import { VISIT_CONTEXT_KEY } from './visit-keys.ts';

export { VISIT_CONTEXT_EVENT, VISIT_CONTEXT_KEY } from './visit-keys.ts';
/** How many searches to remember; older ones drop off. */
const MAX_SEARCHES = 5;

type VisitContext = Pick<MessageContext, 'searches' | 'tried' | 'missing'>;

/** The minimal Storage this module needs, so tests can pass a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Reads the visit context; a broken or missing store gives an empty one. */
export function readVisitContext(store: KeyValueStore | undefined): VisitContext {
  try {
    const raw = store?.getItem(VISIT_CONTEXT_KEY);
    const parsed = raw ? (JSON.parse(raw) as VisitContext) : {};
    const context: VisitContext = { searches: Array.isArray(parsed.searches) ? parsed.searches : [] };
    if (typeof parsed.tried === 'string') context.tried = parsed.tried;
    if (typeof parsed.missing === 'string') context.missing = parsed.missing;
    return context;
  } catch {
    return { searches: [] };
  }
}

/** Merges a change into the visit context and saves it. Storage may be full or blocked: then the change lives only on this page. */
export function updateVisitContext(store: KeyValueStore | undefined, change: Partial<VisitContext>): VisitContext {
  const next = { ...readVisitContext(store), ...change };
  try {
    store?.setItem(VISIT_CONTEXT_KEY, JSON.stringify(next));
  } catch {
    // Private mode or quota: the context still reaches this page's links.
  }
  return next;
}

/** Records a search; the same query again replaces its earlier entry. */
export function recordSearch(store: KeyValueStore | undefined, query: string, results: number): VisitContext {
  const trimmed = query.trim();
  const current = readVisitContext(store);
  if (!trimmed) return current;
  const searches = [...(current.searches ?? []).filter((s) => s.query.toLowerCase() !== trimmed.toLowerCase()), { query: trimmed, results }];
  return updateVisitContext(store, { searches: searches.slice(-MAX_SEARCHES) });
}
