import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { projectRoot } from '../../src/node/project-paths.ts';
import { FIXTURES, fixtureContent } from '../unit/fixture-content.ts';

/** Runs scripts/build.ts on a content folder; returns exit code and output. */
function build(contentDir: string, outDir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--out', outDir], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: contentDir, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

describe('build', { concurrency: false }, () => {
  test('bad content fails the build with the writer-facing message and leaves the previous site intact', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'handrail-dist-'));
    // A previous Handrail build: --out replaces only folders that carry the marker.
    await writeFile(path.join(outDir, 'index.html'), 'previous site');
    await writeFile(path.join(outDir, '.handrail-build'), '{}\n');
    for (const brokenCase of ['unknown-key', 'invalid-mdx', 'bad-phone']) {
      const { status, output } = build(await fixtureContent(brokenCase), outDir);
      assert.equal(status, 1, output);
      assert.match(output, /error: /);
      assert.match(output, /Fix: {6}/);
      assert.match(output, /Nothing was written to .*: the previous site is unchanged\./);
      assert.doesNotMatch(output, /^\s+at .*\(.*:\d+:\d+\)$/m, 'no stack trace');
      assert.equal(await readFile(path.join(outDir, 'index.html'), 'utf8'), 'previous site');
      assert.deepEqual((await readdir(outDir)).sort(), ['.handrail-build', 'index.html']);
    }
  });

  test('a valid site builds under a sub-path with every link and file inside it', async () => {
    const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-sub-')), 'site');
    await mkdir(outDir);
    const { status, output } = build(await fixtureContent(), outDir, { HANDRAIL_BASE: '/help/' });
    assert.equal(status, 0, output);
    const files = await htmlFiles(outDir);
    assert.ok(files.length >= 8, `expected every page, got ${files.length}`);
    const broken: string[] = [];
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      for (const [, attribute, url] of html.matchAll(/\s(href|src|action)="(\/[^"]*)"/g)) {
        if (!url!.startsWith('/help/')) {
          broken.push(`${path.relative(outDir, file)}: ${attribute}="${url}" is outside /help/`);
          continue;
        }
        const target = decodeURIComponent(url!.slice('/help/'.length).split(/[?#]/)[0]!);
        const candidates = [path.join(outDir, target), path.join(outDir, target, 'index.html')];
        if (!candidates.some((candidate) => existsSync(candidate) && !candidate.endsWith(path.sep))) {
          broken.push(`${path.relative(outDir, file)}: ${url} does not exist`);
        }
      }
    }
    assert.deepEqual(broken, []);

    // Valid HTML on every page (.htmlvalidate.mjs says which style rules are off and why).
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const invalid: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const message of report.results.flatMap((r) => r.messages)) {
        invalid.push(`${path.relative(outDir, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    assert.deepEqual(invalid, []);
    const sitemap = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8');
    assert.match(sitemap, /<loc>https:\/\/help\.fixture\.example\/help\/articles\/welcome\/<\/loc>/);
    const robots = await readFile(path.join(outDir, 'robots.txt'), 'utf8');
    assert.match(robots, /Sitemap: https:\/\/help\.fixture\.example\/help\/sitemap\.xml/);
    assert.ok(existsSync(path.join(outDir, 'pagefind', 'pagefind.js')), 'search index written');
  });

  test('Markdown renders accessibly: labelled task lists, table headers, writer components', async () => {
    const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-md-')), 'site');
    const { status, output } = build(await fixtureContent(), outDir);
    assert.equal(status, 0, output);
    const welcome = await readFile(path.join(outDir, 'articles/welcome/index.html'), 'utf8');
    assert.match(welcome, /<label class="task-label"><input type="checkbox" disabled[^>]*> Read this page<\/label>/);
    // Pagefind skips <label>s, so the item's text is also given to it to index.
    assert.match(welcome, /<li[^>]* data-pagefind-index-attrs="data-search-text" data-search-text="Read this page"/);
    assert.match(welcome, /<th scope="col">Step<\/th>/);
    assert.match(welcome, /<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Next steps">/, 'a table is named after the heading above it');
    assert.match(welcome, /<nav class="toc" aria-labelledby="toc-heading"[^>]*>/, 'three headings give a table of contents');
    const invoice = await readFile(path.join(outDir, 'articles/pay-an-invoice/index.html'), 'utf8');
    assert.match(invoice, /<div class="callout callout--tip" role="note"><p class="callout__title">Tip<\/p>/);
    assert.match(invoice, /<div class="steps">\s*<ol>/);
    assert.doesNotMatch(invoice, /<nav class="toc"/, 'one heading gives no table of contents');
  });

  test('a component in a .md file fails the build with the rename fix; renamed to .mdx, it is published', async () => {
    const content = await fixtureContent('md-component');
    const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-md-component-')), 'site');
    const failed = build(content, outDir);
    assert.equal(failed.status, 1, failed.output);
    assert.match(failed.output, /card-fees\.md:8 error: uses the <Callout> component, which works only in \.mdx files/);
    assert.match(failed.output, /Fix: {6}Rename the file to card-fees\.mdx/);
    assert.doesNotMatch(failed.output, /^\s+at .*\(.*:\d+:\d+\)$/m, 'no stack trace');

    const article = path.join(content, 'articles/billing/card-fees.md');
    await rename(article, article.replace(/\.md$/, '.mdx'));
    const built = build(content, outDir);
    assert.equal(built.status, 0, built.output);
    const html = await readFile(path.join(outDir, 'articles/card-fees/index.html'), 'utf8');
    assert.match(html, /<div class="callout callout--warning" role="note"><p class="callout__title">Before you pay<\/p>/);
  });

  test('an article renamed from .md to .mdx, or edited, shows in the next build (nothing stale is kept)', async () => {
    // The same content folder each time, so the second build finds the first one's stored content.
    const content = await fixtureContent();
    await cp(path.join(FIXTURES, 'renamed'), content, { recursive: true });
    const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-renamed-')), 'site');
    const page = () => readFile(path.join(outDir, 'articles/card-fees/index.html'), 'utf8');
    const editLink = (html: string) => /<p class="edit-link">\s*<a href="([^"]+)"/.exec(html)?.[1] ?? '';

    let result = build(content, outDir);
    assert.equal(result.status, 0, result.output);
    assert.match(editLink(await page()), /card-fees\.md$/);

    const md = path.join(content, 'articles/billing/card-fees.md');
    await rename(md, md.replace(/\.md$/, '.mdx'));
    result = build(content, outDir);
    assert.equal(result.status, 0, result.output);
    assert.match(editLink(await page()), /card-fees\.mdx$/, 'the page comes from the renamed file');
    assert.match(await page(), /Only for cards issued outside the UK\./);

    const mdx = md.replace(/\.md$/, '.mdx');
    await writeFile(mdx, (await readFile(mdx, 'utf8')).replace('outside the UK', 'outside Europe'));
    result = build(content, outDir);
    assert.equal(result.status, 0, result.output);
    assert.match(await page(), /Only for cards issued outside Europe\./);
  });

  test('a successful build prints a short summary, not pages of warnings', async () => {
    const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-quiet-')), 'site');
    const { status, output } = build(await fixtureContent(), outDir);
    assert.equal(status, 0, output);
    assert.doesNotMatch(output, /MODULE_LEVEL_DIRECTIVE|use astro:head-inject/);
    assert.doesNotMatch(output, /WARN/, 'no warnings: the fixture leaves out the optional settings files, which is fine');
    assert.doesNotMatch(output, /index\.html \(\+\d+ms\)/, 'no line per page');
    assert.match(output, /✓ Content checked: 2 articles in 2 categories/);
    assert.match(output, /✓ Search index: /);
    assert.match(output, /✓ Built .* in \d+\.\d s\./);
    const lines = output.split('\n').filter((line) => line.trim());
    assert.ok(lines.length <= 12, `a short summary, got ${lines.length} lines:\n${output}`);
  });

  test('HANDRAIL_BUILD_NOW builds the site as of another moment; a value that is not a date is refused before anything is built', async () => {
    // A notice of last January: a build of today leaves it out, a build as of its middle shows it.
    const content = await fixtureContent();
    const title = 'Workshop closed for stocktaking';
    await writeFile(path.join(content, 'announcements.yaml'), `notices:\n  - severity: info\n    title: ${title}\n    message: We reopen on Monday.\n    start: "2026-01-10 08:00"\n    end: "2026-01-20 17:00"\n`);
    const root = await mkdtemp(path.join(tmpdir(), 'handrail-build-now-'));
    const home = async (site: string) => readFile(path.join(site, 'index.html'), 'utf8');

    const then = build(content, path.join(root, 'then'), { HANDRAIL_BUILD_NOW: '2026-01-15T12:00:00Z' });
    assert.equal(then.status, 0, then.output);
    assert.match(then.output, /✓ Built as of 2026-01-15T12:00:00\.000Z \(HANDRAIL_BUILD_NOW\), not the current time/);
    assert.ok((await home(path.join(root, 'then'))).includes(title), 'the notice is on the page built as of its middle');

    const today = build(content, path.join(root, 'today'), { HANDRAIL_BUILD_NOW: '' });
    assert.equal(today.status, 0, today.output);
    assert.doesNotMatch(today.output, /Built as of/);
    assert.ok(!(await home(path.join(root, 'today'))).includes(title), 'a build of today leaves the ended notice out');

    const refused = build(content, path.join(root, 'refused'), { HANDRAIL_BUILD_NOW: 'next tuesday' });
    assert.equal(refused.status, 2, refused.output);
    assert.match(refused.output, /✗ HANDRAIL_BUILD_NOW=next tuesday is not an ISO date and time with its offset from UTC\. Give one like 2026-12-01T09:00:00Z/);
    assert.equal(existsSync(path.join(root, 'refused')), false, 'nothing was written');
    // `astro build` alone: the same message from Handrail's hook, without a stack trace.
    const alone = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: projectRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: content, HANDRAIL_OUT_DIR: path.join(root, 'alone'), HANDRAIL_BUILD_NOW: 'next tuesday' },
      encoding: 'utf8',
    });
    const aloneOutput = `${alone.stdout}\n${alone.stderr}`;
    assert.notEqual(alone.status, 0, aloneOutput);
    assert.match(aloneOutput, /HANDRAIL_BUILD_NOW=next tuesday is not an ISO date and time/);
    assert.doesNotMatch(aloneOutput, /Stack trace|^\s+at .*:\d+:\d+\)?$/m, 'no stack trace');
    assert.equal(existsSync(path.join(root, 'alone')), false, 'nothing was written');
    await rm(root, { recursive: true, force: true });
  });

  test("a build keeps Node's compiled-code cache within its limit: what no build read goes, what builds read stays", async () => {
    // Its own cache folder, so that no other build trims it meanwhile: an entry no build has read (as every
    // build leaves for its own scratch folder's code) and one read since it was written, over a 3 MB limit.
    const cache = await mkdtemp(path.join(tmpdir(), 'handrail-compile-cache-'));
    const [unread, read] = [path.join(cache, 'v-test', 'deadbeef'), path.join(cache, 'v-test', 'cafef00d')];
    await mkdir(path.dirname(unread), { recursive: true });
    for (const file of [unread, read]) await writeFile(file, Buffer.alloc(2 * 1024 * 1024, 1));
    const longAgo = Date.now() / 1000 - 7 * 24 * 60 * 60;
    await utimes(unread, longAgo, longAgo);
    await utimes(read, longAgo + 60, longAgo);
    const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-compile-cache-')), 'site');
    const { status, output } = build(await fixtureContent(), outDir, { HANDRAIL_COMPILE_CACHE_DIR: cache, HANDRAIL_COMPILE_CACHE_MB: '3' });
    const [unreadKept, readKept] = [existsSync(unread), existsSync(read)];
    const entries = (await readdir(cache, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
    await rm(cache, { recursive: true, force: true });
    assert.equal(status, 0, output);
    assert.match(output, /✓ Tidied up Node's compiled-code cache \(.*\/\): 4 MB, over its 3 MB limit; removed 2 MB, first what no build had read\./);
    assert.equal(unreadKept, false, 'the unread entry was removed');
    assert.ok(readKept, 'the entry a build read stays');
    assert.ok(entries > 2, `the build kept its own compiled code there too (${entries} files)`);
  });

  test('the page code reads the content store from its file instead of carrying a copy of it (astro build alone)', async (t) => {
    // Astro's own module for the store quotes the whole file, articles and all (44 MB at 10,000 articles),
    // and Vite bundled it into the page code at every build.
    const root = await mkdtemp(path.join(tmpdir(), 'handrail-store-module-'));
    t.after(() => rm(root, { recursive: true, force: true }));
    const record = path.join(root, 'bundled.json');
    const run = spawnSync(process.execPath, [path.join(projectRoot, 'tests/build/astro-build-recording.ts'), record], {
      cwd: projectRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: await fixtureContent(), HANDRAIL_OUT_DIR: path.join(root, 'site') },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    const bundled = Object.entries(JSON.parse(await readFile(record, 'utf8')) as Record<string, string>);
    assert.ok(bundled.length > 0, 'the pages were built with the content store');
    for (const [environment, code] of bundled) {
      const storeFile = /readFileSync\(("[^"]+data-store\.json")/.exec(code)?.[1];
      assert.ok(storeFile, `${environment}: the module reads the store file:\n${code.slice(0, 300)}`);
      assert.ok(code.length < 1000, `${environment}: the module is ${code.length} characters`);
      // The file holds the articles (and the module would have, quoted): the pages show them.
      const store = await readFile(JSON.parse(storeFile) as string, 'utf8');
      assert.match(store, /Read about \[paying an invoice\]/);
      assert.doesNotMatch(code, /paying an invoice/);
    }
    assert.match(await readFile(path.join(root, 'site/articles/welcome/index.html'), 'utf8'), /Read about <a href="\/articles\/pay-an-invoice\/#ways-to-pay">paying an invoice<\/a>/);
    // The page code stays on the build machine: nothing published names the store's folder.
    const storeFolder = path.dirname(JSON.parse(/readFileSync\(("[^"]+")/.exec(bundled[0]![1])![1]!) as string);
    const published = (await readdir(path.join(root, 'site'), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const naming: string[] = [];
    for (const entry of published) {
      if ((await readFile(path.join(entry.parentPath, entry.name))).includes(storeFolder)) naming.push(path.join(entry.parentPath, entry.name));
    }
    assert.ok(published.length > 20, `${published.length} files published`);
    assert.deepEqual(naming, []);
  });
});
