import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { afterEach, describe, test } from 'node:test';
import { extraThreads, THREADS_VARIABLE } from '../../src/node/threads.ts';

describe('worker threads a build step adds', () => {
  const saved = process.env[THREADS_VARIABLE];
  afterEach(() => {
    if (saved === undefined) delete process.env[THREADS_VARIABLE];
    else process.env[THREADS_VARIABLE] = saved;
  });

  test('one per core beyond the first, at most three, unless HANDRAIL_THREADS says', () => {
    delete process.env[THREADS_VARIABLE];
    assert.equal(extraThreads(), Math.max(0, Math.min(availableParallelism() - 1, 3)));
    process.env[THREADS_VARIABLE] = '0';
    assert.equal(extraThreads(), 0, 'HANDRAIL_THREADS=0: one core only');
    process.env[THREADS_VARIABLE] = ' 2 ';
    assert.equal(extraThreads(), 2);
    process.env[THREADS_VARIABLE] = '64';
    assert.equal(extraThreads(), 8, 'at most eight');
    process.env[THREADS_VARIABLE] = 'many';
    assert.equal(extraThreads(), Math.max(0, Math.min(availableParallelism() - 1, 3)), 'a value that is not a number is ignored');
  });
});
