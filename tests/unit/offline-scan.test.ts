import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { addOfflineSupport, scanBuiltFiles } from '../../src/node/integration/offline.ts';
import type { OfflineManifest } from '../../src/shared/offline.ts';

const page = (title: string) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
const SITE: Record<string, string> = {
  'index.html': page('Help'),
  'articles/get-a-refund/index.html': page('Get a refund'),
  // A redirect page of an old address: never in the offline copy.
  'hc/en-us/articles/1/index.html': '<!DOCTYPE html><html lang="en"><head><meta http-equiv="refresh" content="0; url=/articles/get-a-refund/"></head></html>',
  '_astro/app.0a1b2c3d.js': 'console.log(1)',
  'pagefind/fragment/en_1a2b3c.pf_fragment': 'fragment',
};

const roots: string[] = [];
async function site(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'handrail-offline-scan-'));
  roots.push(root);
  for (const [name, text] of Object.entries(SITE)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}
const manifestOf = async (root: string) => JSON.parse(await readFile(path.join(root, 'offline-manifest.json'), 'utf8')) as OfflineManifest;

after(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe('the offline step reads files while Pagefind indexes', () => {
  test('files read ahead give the same release and copy as files read at the end', async () => {
    const [plain, ahead] = [await site(), await site()];
    const fresh = await addOfflineSupport(plain, '/');
    const scanned = await scanBuiltFiles(ahead, (name) => name.startsWith('pagefind/'));
    assert.deepEqual([...scanned.keys()].map((file) => path.relative(ahead, file)).sort(), Object.keys(SITE).filter((name) => !name.startsWith('pagefind/')).sort(), 'every file but the skipped folder');
    const reused = await addOfflineSupport(ahead, '/', [], scanned);
    assert.equal(reused.release, fresh.release);
    assert.deepEqual(await manifestOf(ahead), await manifestOf(plain));
    assert.ok(!(await manifestOf(ahead)).files.some((file) => file.url.startsWith('/hc/')), 'the redirect page is left out, as when read at the end');
  });

  test('a file read ahead is not read again, and a file written since is read at the end', async () => {
    const [plain, ahead] = [await site(), await site()];
    const scanned = await scanBuiltFiles(ahead, () => false);
    // Changed after the scan: the offline step trusts the scan (the build writes nothing there in between) …
    await writeFile(path.join(ahead, 'index.html'), page('Changed'));
    // … and reads a file the scan never saw.
    await writeFile(path.join(ahead, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n');
    await writeFile(path.join(plain, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n');
    assert.equal((await addOfflineSupport(ahead, '/', [], scanned)).release, (await addOfflineSupport(plain, '/')).release);
  });
});
