import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { Plugin } from 'vite';
import { contentStoreFromDisk, STORE_MODULE_ID } from '../../src/node/integration/content-store-module.ts';

type LoadHook = { order: string; handler: (id: string) => { code: string; meta: object } | null };

test('the content store module reads the store file in a build, and leaves every other case to Astro', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'handrail-store-'));
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
  await rm(dir, { recursive: true, force: true });
});
