import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/node/project-paths.ts';

/**
 * Builds a content folder with `scripts/build.ts --out`, asserts it succeeded
 * and returns everything it printed. Verbose: Astro's page list says which
 * pages came from the cache.
 */
export function buildContent(contentDir: string, outDir: string): string {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--out', outDir], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: contentDir, HANDRAIL_VERBOSE: '1' },
    encoding: 'utf8',
  });
  const output = `${result.stdout}\n${result.stderr}`;
  assert.equal(result.status, 0, output);
  return output;
}
