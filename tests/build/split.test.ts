/**
 * A build split into parts (one per language, as CI jobs would run them)
 * and joined with --finish makes the same site as a whole build: the same
 * files with the same bytes, one search index that finds every part's
 * pages, a sitemap of every part's pages, and clear refusals when the
 * parts do not make one site. The content is the valid fixture (English
 * default, Welsh, Arabic right to left; "Pay an invoice" untranslated)
 * with an Arabic translation, so every part has a page of its own to find,
 * and old addresses, so the default language's part has redirect pages
 * (one of them file-like) and the finish a `_redirects` to write.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { projectRoot } from '../../src/node/project-paths.ts';
import { siteFiles as filesOf } from '../../src/node/join-parts.ts';
import { BUILD_MARKER } from '../../src/node/publish.ts';
import { buildContent, runBuild } from './build-content.ts';
import { searchBuiltSite } from './pagefind-search.ts';
import { fixtureContent } from '../unit/fixture-content.ts';

const ARABIC_WELCOME = `---
title: أهلاً بك
description: ما الذي يقدمه مركز المساعدة هذا.
translated_from: 2026-01-15
---

اقرأ عن [دفع فاتورة](/articles/pay-an-invoice/).

## الخطوات الأولى

مرحباً بالقراء الجدد في مركز المساعدة.
`;

const REDIRECTS = `redirects:
  - from: /hc/en-us/articles/360001234-Welcome
    to: /articles/welcome/
  - from: /docs/pay.html
    to: /articles/pay-an-invoice/
`;

const LANGUAGES = ['en', 'cy', 'ar'];

/** Digest of a built file, with the one difference that is allowed normalised. */
async function digestOf(dir: string, name: string): Promise<string> {
  let bytes = await readFile(path.join(dir, name));
  // Normalised: the publish marker records when the build was published (publishBuild); it is
  // not served, and a whole build and a finish are published at different moments.
  if (name === BUILD_MARKER) bytes = Buffer.from(bytes.toString('utf8').replace(/"built":"[^"]+"/, '"built":"(time)"'));
  return createHash('sha256').update(bytes).digest('hex');
}

/** Files a part may share with another: assets named by their content, and public/ files, copied into every part. */
async function sharableFiles(): Promise<Set<string>> {
  return new Set((await filesOf(path.join(projectRoot, 'public'))).concat(BUILD_MARKER));
}

describe('a build split into parts', { concurrency: false }, () => {
  let root: string;
  let content: string;
  let whole: string;
  let split: string;
  const part = (code: string) => path.join(root, `part-${code}`);
  const cacheDirs: string[] = [];
  /** Names this content's cache folders. */
  let hash: string;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'handrail-split-'));
    content = await fixtureContent();
    await writeFile(path.join(content, 'articles/getting-started/welcome.ar.md'), ARABIC_WELCOME);
    await writeFile(path.join(content, 'redirects.yaml'), REDIRECTS);
    hash = createHash('sha1').update(content).digest('hex').slice(0, 12);
    cacheDirs.push(path.join(projectRoot, '.handrail/cache', hash), ...LANGUAGES.map((code) => path.join(projectRoot, '.handrail/cache', `${hash}-part-${code}`)));

    whole = path.join(root, 'whole');
    buildContent(content, whole);
    for (const code of LANGUAGES) {
      const { status, output } = runBuild(content, ['--part', code, '--no-finish', '--out', part(code)]);
      assert.equal(status, 0, output);
      assert.match(output, new RegExp(`✓ Built the part ${code} into`));
    }
    split = path.join(root, 'split');
    const finished = runBuild(content, ['--finish', ...LANGUAGES.map(part), '--out', split]);
    assert.equal(finished.status, 0, finished.output);
    assert.match(finished.output, /✓ Joined 3 parts \(en, cy, ar\)/);
    assert.match(finished.output, /✓ Search index: \d+ pages\./);
  });

  after(async () => {
    for (const dir of cacheDirs) await rm(dir, { recursive: true, force: true });
    await rm(root, { recursive: true, force: true });
    await rm(content, { recursive: true, force: true });
  });

  test('each part renders only its own language’s pages; only the default language’s has the pages the site has once', async () => {
    const sharable = await sharableFiles();
    const own = new Map<string, string[]>();
    for (const code of LANGUAGES) {
      own.set(code, (await filesOf(part(code))).filter((name) => !name.startsWith('_astro/') && !sharable.has(name) && name !== `handrail-part-${code}.json`));
    }
    for (const code of ['cy', 'ar']) {
      const files = own.get(code)!;
      assert.deepEqual(files.filter((name) => !name.startsWith(`${code}/`)), [], `the ${code} part writes only under /${code}/`);
      assert.ok(files.includes(`${code}/articles/welcome/index.html`) && files.includes(`${code}/articles/pay-an-invoice/index.html`), `${code}: its translation and its fallback page`);
    }
    const english = own.get('en')!;
    assert.deepEqual(english.filter((name) => /^(cy|ar)\//.test(name)), [], 'the English part writes nothing under /cy/ or /ar/');
    for (const once of ['404.html', 'offline/index.html', 'sitemap.xml', 'robots.txt', 'brand/favicon.svg', 'brand/icon-192.png', 'hc/en-us/articles/360001234-Welcome/index.html', 'docs/pay.html/index.html']) {
      assert.ok(english.includes(once), `the default language's part has ${once}`);
    }
    // Parts never write the same path, except the same assets and public files.
    for (const [a, b] of [['en', 'cy'], ['en', 'ar'], ['cy', 'ar']] as const) {
      const overlap = own.get(a)!.filter((name) => own.get(b)!.includes(name));
      assert.deepEqual(overlap, [], `${a} and ${b} write different pages`);
    }
    // A part keeps its own Astro cache, but the check's results where `npm run check` keeps them, which CI hands to each part.
    for (const code of LANGUAGES) {
      const own = path.join(projectRoot, '.handrail/cache', `${hash}-part-${code}`);
      assert.ok(existsSync(own), `the ${code} part's Astro cache`);
      assert.ok(!existsSync(path.join(own, 'handrail-check')), `the ${code} part reads and writes the shared check results`);
    }
    assert.ok(existsSync(path.join(projectRoot, '.handrail/cache', hash, 'handrail-check')));
    // Nothing over the whole site is made by a part: the finish makes it once.
    for (const code of LANGUAGES) {
      for (const once of ['pagefind/pagefind-entry.json', 'sw.js', 'offline-manifest.json', '_headers', '_redirects']) {
        assert.ok(!existsSync(path.join(part(code), once)), `the ${code} part has no ${once}`);
      }
    }
  });

  test('the joined site is the whole build: the same files, the same bytes', async () => {
    const [wholeFiles, splitFiles] = [await filesOf(whole), await filesOf(split)];
    assert.deepEqual(splitFiles, wholeFiles);
    const differing = [];
    for (const name of wholeFiles) if ((await digestOf(whole, name)) !== (await digestOf(split, name))) differing.push(name);
    assert.deepEqual(differing, []);
    assert.ok(wholeFiles.includes('pagefind/pagefind-entry.json') && wholeFiles.includes('sw.js') && wholeFiles.includes('_redirects'));
    // The file-like old address was moved to the file itself by the finish, as in a whole build.
    assert.ok(splitFiles.includes('docs/pay.html') && !splitFiles.includes('docs/pay.html/index.html'));
  });

  test('search over the joined site: one index with every language, and a query finds each part’s page', async () => {
    const entry = JSON.parse(await readFile(path.join(split, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    assert.deepEqual(Object.keys(entry.languages).sort(), ['ar', 'cy', 'en-gb']);
    const found = await searchBuiltSite(split, [
      { lang: 'en-gb', query: 'invoice' },
      { lang: 'cy', query: 'croeso' },
      { lang: 'ar', query: 'مرحباً' },
    ]);
    assert.ok(found[0]!.includes('/articles/pay-an-invoice/'), found[0]!.join());
    assert.deepEqual(found[1], ['/cy/articles/welcome/']);
    assert.deepEqual(found[2], ['/ar/articles/welcome/']);
  });

  test('the sitemap lists every part’s pages, and each is in the joined site', async () => {
    const sitemap = await readFile(path.join(split, 'sitemap.xml'), 'utf8');
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    for (const expected of ['/', '/articles/welcome/', '/articles/pay-an-invoice/', '/cy/', '/cy/articles/welcome/', '/ar/', '/ar/articles/welcome/']) {
      assert.ok(paths.includes(expected), `${expected} in the sitemap:\n${paths.join('\n')}`);
    }
    for (const address of paths) assert.ok(existsSync(path.join(split, address, 'index.html')), `${address} is built`);
  });

  test('`astro build` with HANDRAIL_PART makes the same part as --part', async () => {
    const out = path.join(root, 'astro-cy');
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: projectRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: content, HANDRAIL_PART: 'cy', HANDRAIL_OUT_DIR: out },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    const expected = (await filesOf(part('cy'))).filter((name) => name !== BUILD_MARKER);
    assert.deepEqual(await filesOf(out), expected);
    for (const name of expected) assert.equal(await digestOf(out, name), await digestOf(part('cy'), name), name);
  });

  test('`astro build` alone makes the whole site `npm run build` makes, finishing in its own last hook', async () => {
    // npm run build runs the search index and offline steps after Astro's process has ended
    // (FINISH_LATER_VARIABLE); astro build runs them in its last hook. One build either way.
    const out = path.join(root, 'astro-whole');
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: projectRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: content, HANDRAIL_OUT_DIR: out, HANDRAIL_PART: '', HANDRAIL_FINISH_AFTER_ASTRO: '' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /✓ Search index: \d+ pages\./, 'astro build indexes search itself');
    const expected = (await filesOf(whole)).filter((name) => name !== BUILD_MARKER);
    assert.ok(!expected.some((name) => name.startsWith('handrail-')), `no build record is published: ${expected.filter((name) => name.startsWith('handrail-')).join(', ')}`);
    assert.deepEqual(await filesOf(out), expected);
    for (const name of expected) assert.equal(await digestOf(out, name), await digestOf(whole, name), name);
  });

  test('refusals name the problem and the fix, and publish nothing', async () => {
    const out = path.join(root, 'refused');
    const refused = (args: string[]) => {
      const result = runBuild(content, [...args, '--out', out]);
      assert.notEqual(result.status, 0, result.output);
      assert.doesNotMatch(result.output, /\n\s+at .+:\d+:\d+/, 'no stack trace');
      assert.ok(!existsSync(out), 'nothing published');
      return result.output;
    };
    assert.match(refused(['--finish', part('en'), part('cy')]), /The part ar is missing: content\/site\.yaml declares en, cy, ar, and --finish was given en, cy\. Build it with `npm run build -- --part ar --no-finish --out <folder>`/);
    assert.match(refused(['--finish', part('en'), part('cy'), part('ar'), part('cy')]), /The part cy is there twice: .*part-cy\/handrail-part-cy\.json and .*part-cy\/handrail-part-cy\.json/);

    // A part built from other code: its stylesheet differs from the other parts'.
    const stale = path.join(root, 'stale-cy');
    await cp(part('cy'), stale, { recursive: true, dereference: true });
    const css = (await filesOf(stale)).find((name) => name.startsWith('_astro/') && name.endsWith('.css'))!;
    await writeFile(path.join(stale, css), `${await readFile(path.join(stale, css), 'utf8')}\n/* changed */\n`);
    assert.match(refused(['--finish', part('en'), stale, part('ar')]), new RegExp(`Two parts hold different files at ${css.replace(/[.]/g, '\\.')}: .*part-en/${css.replace(/[.]/g, '\\.')} and .*stale-cy/`));

    // A folder that is not a part.
    assert.match(refused(['--finish', part('en'), part('cy'), part('ar'), content]), /holds no part: it has no handrail-part-<language>\.json/);
    assert.match(refused(['--part', 'fr', '--no-finish']), /--part fr is not a language of content\/site\.yaml\. A part is one declared language: en, cy, ar\./);
    assert.match(refused(['--part', 'cy']), /--part cy builds one language's pages only.*add --no-finish/);
  });
});
