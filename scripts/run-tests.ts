/**
 * `npm test`: unit tests, build tests (fixtures that must fail, a sub-path
 * build), the dev server tests, the demo built by `astro build` alone (so
 * the browser tests prove it makes the whole site: search, offline, contact),
 * then the browser tests against it. Stops at the first group that fails and
 * says which.
 */
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../src/node/project-paths.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps: [string, string[]][] = [
  ['Type check (astro check, TypeScript strict)', ['run', 'typecheck']],
  ['Unit tests (schemas, content check, hours, lib)', ['run', 'test:unit']],
  ['Collector tests (listening service, reports, durability)', ['run', 'test:collector']],
  ['Build tests (bad content fails safely, sub-path build)', ['run', 'test:build']],
  ['Dev server tests (search, content problems in the page)', ['run', 'test:dev']],
  ['Build the demo help center with `astro build` alone', ['run', 'astro', '--', 'build']],
  ['Browser tests (every page, journeys, accessibility)', ['run', 'test:browser']],
];
const seconds = (since: number) => `${Math.round((performance.now() - since) / 1000)} s`;
const start = performance.now();
const took: string[] = [];
for (const [title, args] of steps) {
  console.log(`\n▶ ${title}`);
  const began = performance.now();
  const result = spawnSync(npm, args, { cwd: projectRoot, stdio: 'inherit', env: process.env });
  took.push(`  ${seconds(began).padStart(6)}  ${title}`);
  if (result.status !== 0) {
    console.error(`\n✗ ${title}: failed (exit ${result.status}) after ${seconds(began)}.`);
    process.exit(result.status ?? 1);
  }
}
// Time per group, so a suite creeping towards CI's limit shows where.
console.log(`\n✓ All test groups passed in ${seconds(start)}:\n${took.join('\n')}`);
