// @ts-check
/**
 * The dev server's log as Astro writes it, less the lines for the requests
 * the preview's search index makes to render articles for itself (one per
 * article at start): a writer should see their own page views, not a
 * thousand lines of indexing. A JavaScript file because Astro loads its
 * logger with a plain import (see the `logger` option).
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
      /** @type {Set<string> | undefined} */
      const quiet = /** @type {any} */ (globalThis)[KEY]?.quietPaths;
      if (quiet?.size && event.level === 'info' && !event.label) {
        const path = /^\[\d{3}\] (\S+)/.exec(String(event.message).replace(COLOURS, ''))?.[1];
        if (path && quiet.delete(path)) return;
      }
      destination.write(/** @type {any} */ (event));
    },
  };
}
