import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { bundleBrowserScript, keptBundleFile } from '../../src/node/integration/browser-bundle.ts';
import { projectRoot } from '../../src/node/project-paths.ts';

/**
 * The scripts bundled outside Astro's pages (before first paint, the
 * service worker) are kept between builds and reused only while every file
 * that went into them is unchanged.
 */
describe('bundles kept between builds', () => {
  const dir = path.join(projectRoot, '.handrail', `bundle-test-${process.pid}`);
  const entry = path.relative(projectRoot, path.join(dir, 'entry.ts'));
  const helper = path.join(dir, 'helper.ts');
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(keptBundleFile(entry), { force: true });
    await rm(keptBundleFile(entry, { GREETING: '"hi"' }), { force: true });
  });

  test('a bundle is reused while its modules are unchanged, and made again when one imported module changes', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(projectRoot, entry), "import { word } from './helper.ts';\ndocument.title = word();\n");
    await writeFile(helper, "export const word = (): string => 'first';\n");
    const first = await bundleBrowserScript(entry);
    assert.match(first, /["'`]first["'`]/);
    assert.doesNotMatch(first, /import /, 'one classic script');

    // Reused: what is kept is what comes back, with nothing bundled.
    const kept = JSON.parse(await readFile(keptBundleFile(entry), 'utf8')) as { inputs: [string, string][]; code: string };
    assert.ok(kept.inputs.some(([file]) => file === path.relative(projectRoot, helper)), 'the imported module is one of the inputs');
    await writeFile(keptBundleFile(entry), JSON.stringify({ ...kept, code: 'kept copy' }));
    assert.equal(await bundleBrowserScript(entry), 'kept copy');

    // The imported module changes: bundled again, and kept again.
    await writeFile(helper, "export const word = (): string => 'second';\n");
    const second = await bundleBrowserScript(entry);
    assert.match(second, /["'`]second["'`]/);
    assert.equal(JSON.parse(await readFile(keptBundleFile(entry), 'utf8')).code, second);
  });

  test('other constants are another bundle; a kept file that cannot be read is bundled again', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(projectRoot, entry), 'declare const GREETING: string;\ndocument.title = GREETING;\n');
    const withGreeting = await bundleBrowserScript(entry, { GREETING: '"hi"' });
    assert.match(withGreeting, /["'`]hi["'`]/);
    assert.notEqual(keptBundleFile(entry, { GREETING: '"hi"' }), keptBundleFile(entry));
    await writeFile(keptBundleFile(entry, { GREETING: '"hi"' }), '{ half a file');
    assert.equal(await bundleBrowserScript(entry, { GREETING: '"hi"' }), withGreeting);
  });
});
