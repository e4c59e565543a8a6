import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { BUILD_MARKER, recoverAndClean } from '../../src/node/publish.ts';

/** A pid no process has: above Linux's pid_max. */
const GONE = 2 ** 22 + 7;

async function project() {
  const root = await mkdtemp(path.join(tmpdir(), 'handrail-tidy-'));
  const scratchRoot = path.join(root, '.handrail');
  const builds = path.join(scratchRoot, 'builds');
  await mkdir(builds, { recursive: true });
  const keep = async (id: string, record: string | undefined) => {
    await mkdir(path.join(builds, id));
    await writeFile(path.join(builds, id, BUILD_MARKER), '{}\n');
    if (record !== undefined) await writeFile(path.join(builds, `${id}.json`), record);
  };
  return { root, scratchRoot, builds, keep, outDir: path.join(root, 'dist') };
}

test('the build dist shows is kept even when its record is unreadable', async () => {
  const p = await project();
  await p.keep(`1-${GONE}`, ''); // a record cut short
  await symlink(path.join('.handrail/builds', `1-${GONE}`), p.outDir, 'dir');
  const done = await recoverAndClean(p.outDir, p);
  assert.deepEqual(done, []);
  assert.ok(existsSync(path.join(p.outDir, BUILD_MARKER)));
});

test('builds nothing shows and no running build owns are removed; running ones are kept', async () => {
  const p = await project();
  await p.keep(`1-${GONE}`, JSON.stringify({ out: p.outDir, pid: GONE }));
  await p.keep(`2-${GONE}`, JSON.stringify({ out: path.join(p.root, 'elsewhere'), pid: GONE }));
  await p.keep(`3-${process.ppid}`, JSON.stringify({ out: path.join(p.root, 'elsewhere'), pid: process.ppid }));
  await writeFile(path.join(p.builds, `4-${GONE}.json.tmp`), '{"out":');
  await symlink(path.join('.handrail/builds', `1-${GONE}`), p.outDir, 'dir');
  const done = await recoverAndClean(p.outDir, p);
  assert.deepEqual((await readdir(p.builds)).sort(), [`1-${GONE}`, `1-${GONE}.json`, `3-${process.ppid}`, `3-${process.ppid}.json`]);
  assert.deepEqual(done, [`removed .handrail/builds/2-${GONE}, which nothing is published from`]);
});
