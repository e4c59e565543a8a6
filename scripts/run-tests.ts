/**
 * `npm test`: unit tests, build tests (fixtures that must fail, a sub-path
 * build), the dev server tests, the demo built by `astro build` alone (so
 * the browser tests prove it makes the whole site: search, offline, contact),
 * then the browser tests against it. Stops at the first group that fails and
 * says which.
 */
import { spawnSync } from 'node:child_process';
import { BUILD_NOW_VARIABLE } from '../src/node/build-clock.ts';
import { projectRoot } from '../src/node/project-paths.ts';
import { TEST_NOW } from '../tests/helpers/test-now.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// The demo is built as of the moment the browser tests' pages take as now: a notice that has
// ended since, or an article due for review since, is still as the tests expect it.
const asOfTestNow = { ...process.env, [BUILD_NOW_VARIABLE]: TEST_NOW.toISOString() };
const steps: [string, string[], NodeJS.ProcessEnv?][] = [
  ['Type check (astro check, TypeScript strict)', ['run', 'typecheck']],
  ['Unit tests (schemas, content check, hours, lib)', ['run', 'test:unit']],
  ['Collector tests (listening service, reports, durability)', ['run', 'test:collector']],
  ['Build tests (bad content fails safely, sub-path build)', ['run', 'test:build']],
  ['Dev server tests (search, content problems in the page)', ['run', 'test:dev']],
  ['Build the demo help center with `astro build` alone', ['run', 'astro', '--', 'build'], asOfTestNow],
  ['Browser tests (every page, journeys, accessibility)', ['run', 'test:browser']],
];
const seconds = (since: number) => `${Math.round((performance.now() - since) / 1000)} s`;
const start = performance.now();
const took: string[] = [];
for (const [title, args, env = process.env] of steps) {
  console.log(`\n▶ ${title}`);
  const began = performance.now();
  const result = spawnSync(npm, args, { cwd: projectRoot, stdio: 'inherit', env });
  took.push(`  ${seconds(began).padStart(6)}  ${title}`);
  if (result.status !== 0) {
    console.error(`\n✗ ${title}: failed (exit ${result.status}) after ${seconds(began)}.`);
    process.exit(result.status ?? 1);
  }
}
// Time per group, so a suite creeping towards CI's limit shows where.
console.log(`\n✓ All test groups passed in ${seconds(start)}:\n${took.join('\n')}`);
