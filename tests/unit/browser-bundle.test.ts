import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { bundleBrowserScript, keptBundleFile } from '../../src/node/integration/browser-bundle.ts';
import { projectRoot } from '../../src/node/project-paths.ts';

/** Where a bundle is kept; always somewhere here, where this module's source can be read. */
function keptFile(entry: string, define?: Record<string, string>): string {
  const file = keptBundleFile(entry, define);
  assert.ok(file, 'a kept bundle has a place');
  return file;
}

/**
 * The scripts bundled outside Astro's pages (before first paint, the
 * service worker) are kept between builds and reused only while every file
 * that went into them is unchanged.
 */
describe('bundles kept between builds', () => {
  const dir = path.join(projectRoot, '.handrail', `bundle-test-${process.pid}`);
  const entry = path.relative(projectRoot, path.join(dir, 'entry.ts'));
  const helper = path.join(dir, 'helper.ts');
  const constants = path.join(dir, 'constants.ts');
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(keptFile(entry), { force: true });
    await rm(keptFile(entry, { GREETING: '"hi"' }), { force: true });
  });

  test('a bundle is reused while its modules are unchanged, and made again when one imported module changes', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(projectRoot, entry), "import { word } from './helper.ts';\ndocument.title = word();\n");
    await writeFile(helper, "export const word = (): string => 'first';\n");
    const first = await bundleBrowserScript(entry);
    assert.match(first, /["'`]first["'`]/);
    assert.doesNotMatch(first, /import /, 'one classic script');

    // Reused: what is kept is what comes back, with nothing bundled.
    const kept = JSON.parse(await readFile(keptFile(entry), 'utf8')) as { inputs: [string, string][]; code: string };
    assert.ok(kept.inputs.some(([file]) => file === path.relative(projectRoot, helper)), 'the imported module is one of the inputs');
    await writeFile(keptFile(entry), JSON.stringify({ ...kept, code: 'kept copy' }));
    assert.equal(await bundleBrowserScript(entry), 'kept copy');

    // The imported module changes: bundled again, and kept again.
    await writeFile(helper, "export const word = (): string => 'second';\n");
    const second = await bundleBrowserScript(entry);
    assert.match(second, /["'`]second["'`]/);
    assert.equal(JSON.parse(await readFile(keptFile(entry), 'utf8')).code, second);
  });

  test('a module whose only export is inlined still counts: changing it bundles again', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(projectRoot, entry), "import { LIMIT } from './constants.ts';\ndocument.title = String(LIMIT);\n");
    await writeFile(constants, 'export const LIMIT = 111;\n');
    assert.match(await bundleBrowserScript(entry), /111/);
    await writeFile(constants, 'export const LIMIT = 222;\n');
    const again = await bundleBrowserScript(entry);
    assert.match(again, /222/);
    assert.doesNotMatch(again, /111/);
  });

  test('other constants are another bundle; a kept file that cannot be read is bundled again', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(projectRoot, entry), 'declare const GREETING: string;\ndocument.title = GREETING;\n');
    const withGreeting = await bundleBrowserScript(entry, { GREETING: '"hi"' });
    assert.match(withGreeting, /["'`]hi["'`]/);
    assert.notEqual(keptFile(entry, { GREETING: '"hi"' }), keptFile(entry));
    await writeFile(keptFile(entry, { GREETING: '"hi"' }), '{ half a file');
    assert.equal(await bundleBrowserScript(entry, { GREETING: '"hi"' }), withGreeting);
  });
});
