// @ts-check
/**
 * The log of `astro build` and `astro sync`: Astro's own warnings and
 * errors, and with HANDRAIL_VERBOSE=1 its page list too (each page, and
 * whether it was reused from the cache). The setting is read here, when the
 * log starts, rather than given as the logger's level: Astro keeps its
 * configuration in the content store's digest, so a level that followed
 * the variable emptied the cache, and a verbose rebuild showed every page
 * rendered again instead of the reuse it was asked to show. A JavaScript
 * file because Astro loads its logger with a plain import (the `logger` option).
 */
import nodeDestination from 'astro/logger/node';

/** @param {Record<string, unknown> | undefined} config */
export default function buildLog(config) {
  const destination = nodeDestination(config);
  const isVerbose = Boolean(process.env.HANDRAIL_VERBOSE);
  return {
    /** @param {{ level: string }} event */
    write(event) {
      if (isVerbose || event.level === 'warn' || event.level === 'error') destination.write(/** @type {any} */ (event));
    },
  };
}
