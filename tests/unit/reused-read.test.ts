import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { readHead, readReused } from '../../src/node/integration/reused-read.ts';

const dir = await mkdtemp(path.join(tmpdir(), 'handrail-reused-read-'));
after(() => rm(dir, { recursive: true, force: true }));

describe('reading built files into one buffer', () => {
  test('each read gives the whole file, small after large and larger than the buffer', async () => {
    const files = { small: Buffer.from('<p>short</p>'), large: Buffer.alloc(3_000_000, 'a'), empty: Buffer.alloc(0), medium: Buffer.from('x'.repeat(70_000)) };
    for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes);
    for (const name of ['small', 'large', 'small', 'empty', 'medium', 'large'] as const) {
      assert.ok(readReused(path.join(dir, name)).equals(files[name]), name);
    }
  });

  test('a page\'s head is read as text, or the whole page when it has none', async () => {
    await writeFile(path.join(dir, 'page.html'), '<html><head><meta http-equiv="content-security-policy" content="default-src \'self\'"></head><body><p>é</p></body></html>');
    await writeFile(path.join(dir, 'stub.html'), '<meta http-equiv="refresh" content="0; url=/">');
    assert.equal(readHead(path.join(dir, 'page.html')), '<html><head><meta http-equiv="content-security-policy" content="default-src \'self\'">');
    assert.equal(readHead(path.join(dir, 'stub.html')), '<meta http-equiv="refresh" content="0; url=/">');
  });
});
