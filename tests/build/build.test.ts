import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { projectRoot } from '../../src/node/project-paths.ts';
import { fixtureContent } from '../unit/fixture-content.ts';

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
    assert.match(welcome, /<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Step, When">/);
    assert.match(welcome, /<nav class="toc" aria-labelledby="toc-heading">/, 'three headings give a table of contents');
    const invoice = await readFile(path.join(outDir, 'articles/pay-an-invoice/index.html'), 'utf8');
    assert.match(invoice, /<div class="callout callout--tip" role="note"><p class="callout__title">Tip<\/p>/);
    assert.match(invoice, /<div class="steps">\s*<ol>/);
    assert.doesNotMatch(invoice, /<nav class="toc"/, 'one heading gives no table of contents');
  });
});
