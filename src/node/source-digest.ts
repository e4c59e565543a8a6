import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './project-paths.ts';

/** Source folders whose code reaches pages as scripts, directly or loaded on demand. */
const SCRIPT_SOURCES = ['src/browser', 'src/shared', 'src/translations'];

let cached: string | undefined;

/**
 * A digest of every file that becomes a page's scripts. Astro's incremental
 * build keeps a page while its own modules are unchanged, but scripts loaded
 * on demand (`?on-demand`, src/node/integration/on-demand.ts) are outside that
 * graph: a change to one renames the shared script file, and a kept page would
 * still ask for the old name, which the new build no longer has. Page keys
 * include this digest, so such a change renders every page again.
 */
export function scriptSourcesDigest(root = projectRoot): string {
  if (cached && root === projectRoot) return cached;
  const hash = createHash('sha256');
  for (const folder of SCRIPT_SOURCES) {
    const files = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  const digest = hash.digest('base64url').slice(0, 22);
  if (root === projectRoot) cached = digest;
  return digest;
}
