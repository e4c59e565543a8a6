import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { Plugin } from 'vite';
import { contentStoreFromDisk, STORE_MODULE_ID } from '../../src/node/integration/content-store-module.ts';

type LoadHook = { order: string; handler: (id: string) => { code: string; meta: object } | null };

test('the content store module reads the store file in a build, and leaves every other case to Astro', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'handrail-store-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'data-store.json');
  const plugin: Plugin = contentStoreFromDisk(pathToFileURL(file));
  const load = plugin.load as unknown as LoadHook;
  assert.equal(plugin.apply, 'build', 'the dev server keeps the module it reloads');
  assert.equal(load.order, 'pre', "before Astro's own plugin");

  assert.equal(load.handler(STORE_MODULE_ID), null, 'no store file yet: Astro gives an empty store');
  await writeFile(file, JSON.stringify([['collection'], 'entries']));
  assert.equal(load.handler('\0astro:content'), null);

  const loaded = load.handler(STORE_MODULE_ID)!;
  assert.deepEqual(loaded.meta, { astroIncremental: { kind: 'content-data' } }, 'left out of the pages’ code hashes, as Astro’s is');
  // The code gives what Astro's module gave: the store, parsed.
  const module = path.join(dir, 'store.mjs');
  await writeFile(module, loaded.code);
  const { default: store } = (await import(pathToFileURL(module).href)) as { default: unknown };
  assert.deepEqual(store, [['collection'], 'entries']);
});

test('a store file gone or broken by the time the pages need it ends the build with what happened, not an empty site', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'handrail-store-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'data-store.json');
  await writeFile(file, '[]');
  const code = (contentStoreFromDisk(pathToFileURL(file)).load as unknown as LoadHook).handler(STORE_MODULE_ID)!.code;
  const module = path.join(dir, 'store.mjs');
  // Astro imports the module inside a try/catch that would turn any error into an empty store.
  await writeFile(module, code);
  await writeFile(path.join(dir, 'astro-like.mjs'), "let store = 'empty'; try { store = (await import('./store.mjs')).default; } catch {} console.log(JSON.stringify(store));\n");
  for (const [damage, reason] of [[() => rm(file), /ENOENT/], [() => writeFile(file, '[{"half'), /JSON/]] as const) {
    await damage();
    const run = spawnSync(process.execPath, [path.join(dir, 'astro-like.mjs')], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stdout);
    assert.equal(run.stdout, '', 'no empty store was used');
    assert.match(run.stderr, new RegExp(`The content store ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be read while the pages were built`));
    assert.match(run.stderr, reason);
    assert.match(run.stderr, /build again once it has finished\./);
  }
});
