import type { Problem } from '../../shared/problems.ts';

/** What the dev server knows about the content right now. */
export interface DevState {
  /** Problems from the latest content check; any error replaces every page with the problem list. */
  problems: Problem[];
  /** The project root, to place the first problem's file for the error overlay. */
  root: string;
  /** Paths the search indexer is fetching right now: their request lines are left out of the log (dev-log.mjs). */
  quietPaths: Set<string>;
  /** Goes up whenever the content the pages are rendered from changes; each page carries the number it was rendered with. */
  contentVersion: number;
}

/**
 * The header the preview's search indexer (dev-search.ts) sends with its own
 * requests for article pages. While the content has errors they are answered
 * with a plain 503 before Astro sees them: a page would throw the problem
 * list, which Astro logs again for every page indexed and sends to every
 * open page's overlay (one can land on a page that has just reloaded after
 * the fix, and stay there).
 */
export const INDEXER_REQUEST_HEADER = 'x-handrail-search-index';

// The integration runs in Node; the dev middleware runs in Vite's module
// runner, which loads its own copy of every module, and the log destination
// is loaded by Astro on its own. All run in one process, so they meet on a
// global registered under a shared symbol.
const KEY = Symbol.for('handrail.dev-state');

/** The dev server's shared state (one per process). */
export function devState(): DevState {
  const holder = globalThis as typeof globalThis & { [KEY]?: DevState };
  holder[KEY] ??= { problems: [], root: '', quietPaths: new Set(), contentVersion: 0 };
  return holder[KEY];
}
