import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/node/project-paths.ts';

/** Runs scripts/build.ts on a content folder with the given arguments; returns its exit code and everything it printed. */
export function runBuild(contentDir: string, args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: contentDir, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * Builds a content folder with `scripts/build.ts --out`, asserts it succeeded
 * and returns everything it printed. Verbose unless told otherwise: Astro's
 * page list says which pages came from the cache.
 */
export function buildContent(contentDir: string, outDir: string, options: { verbose?: boolean } = {}): string {
  const { status, output } = runBuild(contentDir, ['--out', outDir], options.verbose === false ? { HANDRAIL_VERBOSE: '' } : { HANDRAIL_VERBOSE: '1' });
  assert.equal(status, 0, output);
  return output;
}
