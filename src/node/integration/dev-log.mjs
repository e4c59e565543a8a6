// @ts-check
/**
 * The dev server's log as Astro writes it, less two kinds of line: the
 * requests the preview's search index makes to render articles for itself
 * (one per article at start; a writer should see their own page views, not
 * a thousand lines of indexing), and Astro's own report of a front matter
 * that fails its schema ("**title**: **title**: Required") while the content
 * check is showing the same problem with file, line and fix. A JavaScript
 * file because Astro loads its logger with a plain import (the `logger` option).
 */
import nodeDestination from 'astro/logger/node';

// Shared with the integration (dev-state.ts): the paths it is fetching right now.
const KEY = Symbol.for('handrail.dev-state');
// eslint-disable-next-line no-control-regex -- Astro colours the status code.
const COLOURS = /\u001b\[[0-9;]*m/g;

/**
 * A log destination: Astro's own, with the indexer's requests left out.
 * @param {Record<string, unknown> | undefined} config
 */
export default function devLog(config) {
  const destination = nodeDestination(config);
  return {
    /** @param {{ level: string; label: string | null; message: string }} event */
    write(event) {
      const state = /** @type {any} */ (globalThis)[KEY];
      /** @type {Set<string> | undefined} */
      const quiet = state?.quietPaths;
      const hasCheckErrors = state?.problems?.some((/** @type {{ severity: string }} */ p) => p.severity === 'error');
      if (hasCheckErrors && event.level === 'error' && /does not match collection schema/.test(String(event.message))) return;
      if (quiet?.size && event.level === 'info' && !event.label) {
        const path = /^\[\d{3}\] (\S+)/.exec(String(event.message).replace(COLOURS, ''))?.[1];
        if (path && quiet.delete(path)) return;
      }
      destination.write(/** @type {any} */ (event));
    },
  };
}
