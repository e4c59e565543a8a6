import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { startStaticServer } from '../../src/node/static-server.ts';
import { generateHelpCenter, seededRandom } from '../../bench/lib/generate.ts';
import { budget, byteKind, compressedSize, kb } from '../../bench/lib/measure.ts';
import { checkContent } from '../../src/node/check/index.ts';
import { publicDir } from '../../src/node/project-paths.ts';

const digest = (files: Map<string, string>) => createHash('sha256').update(JSON.stringify([...files])).digest('hex');

describe('benchmark generator', () => {
  test('is deterministic: the same size and seed give the same files', () => {
    assert.equal(digest(generateHelpCenter(300).files), digest(generateHelpCenter(300).files));
    assert.notEqual(digest(generateHelpCenter(300, 1).files), digest(generateHelpCenter(300, 2).files));
    assert.deepEqual([seededRandom(7)(), seededRandom(7)()], [seededRandom(7)(), seededRandom(7)()]);
  });

  test('makes the requested number of valid articles with real shapes', async () => {
    const { files } = generateHelpCenter(240);
    const articles = [...files.keys()].filter((f) => f.startsWith('articles/'));
    assert.equal(articles.length, 240);
    const text = [...files.values()].join('\n');
    for (const shape of ['<Steps>', '<Callout', '| Option | Price | Time |', '- [ ] ', '](/articles/', 'related: [']) assert.ok(text.includes(shape), shape);
    const dir = await mkdtemp(path.join(tmpdir(), 'handrail-gen-'));
    for (const [relative, body] of files) {
      await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
      await writeFile(path.join(dir, relative), body);
    }
    await writeFile(path.join(dir, 'site.yaml'), 'name: Bench\ntagline: A generated help center.\nurl: https://bench.example\ntimeZone: Europe/London\nrepository:\n  url: https://github.com/example/bench\n');
    await writeFile(path.join(dir, 'contact.yaml'), 'channels:\n  - { id: phone, kind: phone, label: Phone, value: "+44 20 7946 0000", alwaysOpen: true }\n  - { id: email, kind: email, label: Email, value: help@bench.example }\n');
    const result = await checkContent({ root: path.dirname(dir), contentDir: dir, publicDir });
    assert.deepEqual(result.problems.filter((p) => p.severity === 'error'), []);
    assert.equal(result.articles.length, 240);
  });
});

describe('benchmark byte counts', () => {
  test('match the files served: gzip of exactly what the server sends', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'handrail-bytes-'));
    const html = `<!doctype html><title>x</title>${'<p>Help is here.</p>'.repeat(200)}`;
    await writeFile(path.join(dir, 'index.html'), html);
    await writeFile(path.join(dir, 'image.png'), Buffer.alloc(1234, 7));
    const server = await startStaticServer({ root: dir, base: '/', port: 0 });
    try {
      const page = new Uint8Array(await (await fetch(server.url)).arrayBuffer());
      assert.equal(page.length, Buffer.byteLength(html));
      const size = compressedSize(page, 'text/html; charset=utf-8');
      assert.ok(size < page.length / 10, `compressed ${size} of ${page.length}`);
      assert.equal(size, gzipSync(page, { level: 6 }).length);
      assert.equal(gunzipSync(gzipSync(page, { level: 6 })).toString(), html);
      const image = new Uint8Array(await (await fetch(`${server.url}image.png`)).arrayBuffer());
      assert.equal(compressedSize(image, 'image/png'), 1234, 'images are sent as they are');
    } finally {
      await server.close();
    }
  });

  test('resources are sorted into the budget kinds', () => {
    assert.equal(byteKind('document', 'text/html'), 'html');
    assert.equal(byteKind('script', 'text/javascript'), 'js');
    assert.equal(byteKind('fetch', 'application/javascript'), 'js');
    assert.equal(byteKind('stylesheet', 'text/css'), 'css');
    assert.equal(byteKind('font', 'font/woff2'), 'font');
    assert.equal(byteKind('image', 'image/svg+xml'), 'image');
    assert.equal(byteKind('fetch', 'application/json'), 'other');
  });

  test('budgets pass at the limit and fail above it', () => {
    assert.deepEqual(budget('JS', 3000, 3000, kb), { name: 'JS', measured: '3.0 KB', limit: '≤ 3.0 KB', passed: true });
    assert.equal(budget('JS', 3001, 3000, kb).passed, false);
  });
});
