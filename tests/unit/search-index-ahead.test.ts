import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { indexSite, prepareIndex } from '../../src/node/integration/pagefind.ts';

/**
 * The search index a build begins from the last build's pages while Astro
 * renders (scripts/build.ts) must be the index of this build's pages, byte
 * for byte, whatever changed in between; and index files linked to the
 * last site's must leave that site as it was.
 */

const WORDS = ['refund', 'parcel', 'invoice', 'password', 'delivery', 'warranty', 'voucher', 'account', 'address', 'receipt', 'battery', 'helmet'];
const article = (word: string, extra = '') =>
  `<!DOCTYPE html><html lang="en"><head><title>About the ${word}</title></head><body><nav>Menu</nav><main data-pagefind-body><h1>About the ${word}</h1><p>How to manage your ${word}, step by step.${extra}</p></main></body></html>`;
/** A site of twelve articles and a home page without a search region, with some pages replaced or left out. */
function pages(changes: Record<string, string | null> = {}): Record<string, string> {
  const site: Record<string, string> = { 'index.html': '<!DOCTYPE html><html lang="en"><head><title>Help</title></head><body><h1>Help</h1></body></html>' };
  for (const word of WORDS) site[`articles/${word}/index.html`] = article(word);
  for (const [name, html] of Object.entries(changes)) {
    if (html === null) delete site[name];
    else site[name] = html;
  }
  return site;
}

const roots: string[] = [];
async function writeSite(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'handrail-index-ahead-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

/** Every file of a site's search index, with its bytes' digest. */
async function indexFiles(site: string): Promise<Map<string, string>> {
  const dir = path.join(site, 'pagefind');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return files;
}

/** The index of a site indexed afresh, every page read from disk. */
async function freshIndex(files: Record<string, string>): Promise<Map<string, string>> {
  const site = await writeSite(files);
  const result = await indexSite(site);
  assert.deepEqual(result.errors, []);
  assert.equal(result.reused, undefined);
  return indexFiles(site);
}

after(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe('a search index begun from the last build', { concurrency: false }, () => {
  test('finished with the one page that changed, it is the index of the new pages', async () => {
    const changed = pages({ 'articles/parcel/index.html': article('parcel', ' Parcels left with a neighbour count as delivered.'), 'index.html': '<html lang="en"><body>New home</body></html>' });
    const prepared = prepareIndex(await writeSite(pages()));
    const site = await writeSite(changed);
    const result = await indexSite(site, { prepared });
    assert.deepEqual(result.errors, []);
    assert.equal(result.pageCount, 12);
    assert.equal(result.reused, 11, 'only the changed article is read again');
    const fresh = await freshIndex(changed);
    assert.notDeepEqual(await freshIndex(pages()), fresh, 'the change is in the index');
    assert.deepEqual(await indexFiles(site), fresh);
  });

  test('a page written again while Pagefind reads it is read again, whatever the new build holds', async () => {
    const cache = await writeSite(pages());
    // prepareIndex digests the pages before its first pause, and Pagefind reads them after it:
    // the page Pagefind reads is not the one digested, as when Astro writes it meanwhile.
    const prepared = prepareIndex(cache);
    writeFileSync(path.join(cache, 'articles/refund/index.html'), article('refund', ' Written again meanwhile.'));
    const site = await writeSite(pages());
    const result = await indexSite(site, { prepared });
    assert.equal(result.reused, 11, 'the page read meanwhile is handed over again');
    assert.deepEqual(await indexFiles(site), await freshIndex(pages()));
  });

  test('pages whose paths hold glob characters are kept in place too', async () => {
    const odd = { 'articles/{a,b}[1]/index.html': article('bracket'), 'articles/what?/index.html': article('question') };
    const changed = { ...odd, 'articles/what?/index.html': article('question', ' Asked again.') };
    const prepared = prepareIndex(await writeSite(pages(odd)));
    const site = await writeSite(pages(changed));
    const result = await indexSite(site, { prepared });
    assert.deepEqual(result.errors, []);
    assert.equal(result.pageCount, 14);
    assert.equal(result.reused, 13);
    assert.deepEqual(await indexFiles(site), await freshIndex(pages(changed)));
  });

  for (const [name, changes] of [
    ['an article added', { 'articles/zebra/index.html': article('zebra') }],
    ['an article removed', { 'articles/helmet/index.html': null }],
    ['an article no longer searchable', { 'articles/voucher/index.html': '<html lang="en"><body><p>Moved</p></body></html>' }],
    ['a quarter of the articles and more changed', Object.fromEntries(WORDS.slice(0, 4).map((word) => [`articles/${word}/index.html`, article(word, ' Changed.')]))],
  ] as const) {
    test(`with ${name}, it is dropped and every page indexed afresh`, async () => {
      const prepared = prepareIndex(await writeSite(pages()));
      const site = await writeSite(pages(changes));
      const result = await indexSite(site, { prepared });
      assert.deepEqual(result.errors, []);
      assert.equal(result.reused, undefined);
      assert.deepEqual(await indexFiles(site), await freshIndex(pages(changes)));
    });
  }

  test('nothing is begun without the last build’s pages, or without a search region in them', async () => {
    let started = 0;
    const beforeStart = () => started++;
    assert.equal(await prepareIndex(path.join(tmpdir(), 'handrail-no-such-folder'), beforeStart), undefined);
    assert.equal(await prepareIndex(await writeSite({ 'index.html': '<html lang="en"><body>Home</body></html>' }), beforeStart), undefined);
    assert.equal(started, 0, 'the build keeps its priority when nothing is begun');
    const ready = await prepareIndex(await writeSite(pages()), beforeStart);
    assert.equal(started, 1, 'told once, before Pagefind starts');
    await indexSite(await writeSite(pages()), { prepared: Promise.resolve(ready) });
  });
});

describe('index files the last site has byte for byte', { concurrency: false }, () => {
  test('are linked to it, the rest written, and the last site is left as it was', async () => {
    const previous = await writeSite(pages());
    assert.deepEqual((await indexSite(previous)).errors, []);
    const before = await indexFiles(previous);
    const changed = pages({ 'articles/refund/index.html': article('refund', ' Refunds take five days.') });
    const site = await writeSite(changed);
    assert.deepEqual((await indexSite(site, { previousSite: previous })).errors, []);

    assert.deepEqual(await indexFiles(site), await freshIndex(changed));
    assert.deepEqual(await indexFiles(previous), before, 'the last site is unchanged');
    let linked = 0;
    let written = 0;
    for (const file of (await indexFiles(site)).keys()) {
      const [mine, theirs] = await Promise.all([stat(path.join(site, 'pagefind', file)), stat(path.join(previous, 'pagefind', file)).catch(() => undefined)]);
      if (theirs && mine.ino === theirs.ino) linked++;
      else written++;
    }
    // Eleven unchanged articles' fragments and Pagefind's own scripts; the changed fragment, the word index and the metadata are new.
    assert.ok(linked >= 11, `unchanged files linked, got ${linked}`);
    assert.ok(written >= 3, `changed files written, got ${written}`);
  });
});
