import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { COMPILE_CACHE_LIMIT_MB, compileCacheLimit, trimCompileCache } from '../../src/node/compile-cache.ts';

const MB = 1024 * 1024;
const DAY = 24 * 60 * 60;

/** Writes an entry of `size` bytes, written `age` days ago and, when `readAge` is given, last read that many days ago (else never read since). */
async function entry(dir: string, name: string, size: number, age: number, readAge?: number): Promise<string> {
  const file = path.join(dir, 'v24-x64-test', name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.alloc(size, 1));
  const now = Date.now() / 1000;
  const written = now - age * DAY;
  await utimes(file, readAge === undefined ? written : Math.max(written + 60, now - readAge * DAY), written);
  return file;
}

describe("Node's compiled-code cache", () => {
  test('under its limit, nothing is removed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'handrail-compile-cache-'));
    const unread = await entry(dir, 'a1', 2 * MB, 3);
    assert.equal(await trimCompileCache(dir, 3 * MB), undefined);
    assert.ok(existsSync(unread));
    await rm(dir, { recursive: true });
  });

  test('over its limit, the entries never read since written go, and the ones builds read stay', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'handrail-compile-cache-'));
    const old = await entry(dir, 'b1', 2 * MB, 5);
    const recent = await entry(dir, 'b2', 1 * MB, 0);
    const kept = [await entry(dir, 'b3', MB / 2, 30, 0), await entry(dir, 'b4', MB / 2, 1, 1)];
    const trimmed = await trimCompileCache(dir, 2 * MB);
    assert.deepEqual(trimmed, { files: 2, bytes: 3 * MB, before: 4 * MB });
    assert.equal(existsSync(old) || existsSync(recent), false);
    for (const file of kept) assert.ok(existsSync(file), `${path.basename(file)} was read by a build and stays`);
    await rm(dir, { recursive: true });
  });

  test('when the unread are not enough, the entries read longest ago go, until it holds half its limit', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'handrail-compile-cache-'));
    // Astro's own modules: written long ago, read by every build; and a module read last week, written later.
    const everyBuild = await entry(dir, 'c1', MB, 30, 0);
    const lastWeek = await entry(dir, 'c2', MB, 8, 7);
    const others = [];
    for (let day = 6; day >= 2; day--) others.push(await entry(dir, `c${10 - day}`, MB, day, day - 1));
    const trimmed = await trimCompileCache(dir, 4 * MB);
    assert.deepEqual(trimmed, { files: 5, bytes: 5 * MB, before: 7 * MB });
    assert.equal(existsSync(lastWeek), false, 'read a week ago: the first to go');
    assert.ok(existsSync(everyBuild), 'written a month ago but read by every build: kept');
    assert.deepEqual(others.map((file) => existsSync(file)), [false, false, false, false, true], 'then by when last read');
    await rm(dir, { recursive: true });
  });

  test('where reads are not recorded (noatime), the oldest go until it holds half its limit, not all', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'handrail-compile-cache-'));
    const files = [];
    for (let age = 6; age >= 1; age--) files.push(await entry(dir, `d${age}`, MB, age));
    const trimmed = await trimCompileCache(dir, 4 * MB);
    assert.deepEqual(trimmed, { files: 4, bytes: 4 * MB, before: 6 * MB });
    assert.deepEqual(files.map((file) => existsSync(file)), [false, false, false, false, true, true], 'the four oldest removed');
    await rm(dir, { recursive: true });
  });

  test('a missing folder is no error', async () => {
    assert.equal(await trimCompileCache(path.join(tmpdir(), 'handrail-no-such-cache', String(process.pid)), 1), undefined);
  });

  test('HANDRAIL_COMPILE_CACHE_MB sets the limit; anything but a positive number keeps the default', () => {
    assert.equal(compileCacheLimit('64'), 64 * MB);
    assert.equal(compileCacheLimit('0.5'), MB / 2);
    for (const value of [undefined, '', '0', '-3', 'lots']) assert.equal(compileCacheLimit(value), COMPILE_CACHE_LIMIT_MB * MB, String(value));
  });
});
