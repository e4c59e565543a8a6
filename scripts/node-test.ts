/**
 * `node --test` on the given files, at least two files at a time. Node runs
 * one file fewer at a time than the machine has cores, which on a two-core
 * machine (CI's) is one: the unit tests then took 108 s, and 76 s two at a
 * time, since many of them wait on a child process or the disk.
 * Options go to node ahead of the patterns, in `--name=value` form:
 * `npm run test:unit -- --test-concurrency=1 --test-name-pattern=hours`.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const args = process.argv.slice(2);
const concurrency = args.some((arg) => arg.startsWith('--test-concurrency')) ? [] : [`--test-concurrency=${Math.max(2, availableParallelism() - 1)}`];
// Options ahead of the file patterns: node takes the ones after them for patterns.
const options = args.filter((arg) => arg.startsWith('--'));
const patterns = args.filter((arg) => !arg.startsWith('--'));
const result = spawnSync(process.execPath, ['--test', ...concurrency, ...options, ...patterns], { stdio: 'inherit' });
process.exit(result.status ?? 1);
