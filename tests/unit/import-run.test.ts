import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { redirectsSchema } from '../../src/schemas/redirects.ts';
import { formatRedirectsFile, encodePath } from '../../src/shared/redirects.ts';
import { formatSummary, runImport } from '../../src/node/import/run.ts';
import { exportZendesk } from '../../src/node/import/zendesk-export.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'handrail-import-'));
  return path.join(root, 'content');
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.name.endsWith('-report.md')) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

describe('npm run import (Zendesk fixture)', () => {
  test('imports articles, translations, categories, images and redirects, and counts problems by kind', () => {
    const content = project();
    const { summary } = runImport({ source: 'zendesk', input: path.join(fixtures, 'zendesk'), contentDir: content, oldHosts: ['help.lumen.example'] });
    assert.equal(summary.articles, 36);
    assert.equal(summary.translations, 8);
    assert.equal(summary.categories, 4);
    assert.equal(summary.images, 1, 'the inline image has the same bytes as the attachment, so it is stored once');
    assert.equal(summary.files, 1);
    const kinds = Object.fromEntries(summary.problems.map((p) => [p.kind, p.count]));
    assert.equal(kinds['read-error'], 1, 'the cut-short page is reported');
    assert.equal(kinds.restricted, 2);
    assert.equal(kinds['title-shortened'], 1);
    assert.match(formatSummary(summary), /^Imported from zendesk: 36 articles/);
    const fr = readFileSync(path.join(content, 'articles/getting-started/pair-your-lamp-with-the-app.fr.md'), 'utf8');
    assert.match(fr, /^title: Associer votre lampe à l’application$/m);
    assert.match(fr, /\[l’association\]\(\/fr\/articles\/pair-your-lamp-with-the-app\/\)/);
    assert.ok(existsSync(path.join(path.dirname(content), 'public/images/zendesk/app-settings.png')));
  });

  test('writes a valid redirects.yaml with Zendesk addresses with and without the slug, and a _redirects file from it', () => {
    const content = project();
    runImport({ source: 'zendesk', input: path.join(fixtures, 'zendesk'), contentDir: content });
    const data = redirectsSchema.parse(parse(readFileSync(path.join(content, 'redirects.yaml'), 'utf8')));
    const to = new Map(data.redirects.map((r) => [r.from, r.to]));
    assert.equal(to.get('/hc/en-us/articles/1000-Pair-your-lamp-with-the-app'), '/articles/pair-your-lamp-with-the-app/');
    assert.equal(to.get('/hc/en-us/articles/1000'), '/articles/pair-your-lamp-with-the-app/');
    assert.equal(to.get('/hc/articles/1000'), '/articles/pair-your-lamp-with-the-app/');
    assert.equal(to.get('/hc/fr/articles/1000'), '/fr/articles/pair-your-lamp-with-the-app/');
    assert.equal(to.get('/hc/en-us/sections/200000004'), '/categories/troubleshooting/', 'a nested section leads to its parent');
    assert.equal(to.get('/hc/en-us/articles/360000100018'), undefined, 'drafts get no redirect');
    const file = formatRedirectsFile(data.redirects, { base: '/help/' });
    assert.match(file, /^\/hc\/en-us\/articles\/1000 \/help\/articles\/pair-your-lamp-with-the-app\/ 301$/m);
  });

  test('running twice changes nothing and duplicates nothing; an edited file is kept and reported', () => {
    const content = project();
    const input = path.join(fixtures, 'zendesk');
    runImport({ source: 'zendesk', input, contentDir: content });
    const first = snapshot(path.dirname(content));
    const again = runImport({ source: 'zendesk', input, contentDir: content });
    assert.deepEqual(snapshot(path.dirname(content)), first);
    assert.equal(again.summary.created, 0);
    const edited = path.join(content, 'articles/getting-started/return-a-lamp.md');
    appendFileSync(edited, '\nA line the writer added.\n');
    const third = runImport({ source: 'zendesk', input, contentDir: content });
    assert.match(readFileSync(edited, 'utf8'), /A line the writer added\./);
    assert.ok(third.findings.some((f) => f.kind === 'edited-kept' && f.file.endsWith('return-a-lamp.md')));
    const forced = runImport({ source: 'zendesk', input, contentDir: content, force: true });
    assert.doesNotMatch(readFileSync(edited, 'utf8'), /A line the writer added\./);
    assert.equal(forced.summary.kept, 0);
  });

  test('a dry run writes nothing, and a hand-written redirect is kept', () => {
    const content = project();
    const input = path.join(fixtures, 'zendesk');
    runImport({ source: 'zendesk', input, contentDir: content, dryRun: true });
    assert.equal(existsSync(path.join(content, 'redirects.yaml')), false, 'a dry run writes nothing');
    mkdirSync(content, { recursive: true });
    writeFileSync(path.join(content, 'redirects.yaml'), '# mine\nredirects:\n  - from: /hc/en-us/articles/1000\n    to: /contact/\n');
    const outcome = runImport({ source: 'zendesk', input, contentDir: content });
    const text = readFileSync(path.join(content, 'redirects.yaml'), 'utf8');
    assert.match(text, /^# mine/);
    assert.match(text, /from: \/hc\/en-us\/articles\/1000\n {4}to: \/contact\//);
    assert.ok(outcome.findings.some((f) => f.kind === 'redirect-conflict'));
  });
});

describe('redirects', () => {
  test('old paths are percent-encoded once, as browsers send them', () => {
    assert.equal(encodePath('/hc/fr/articles/1-Réglages'), '/hc/fr/articles/1-R%C3%A9glages');
    assert.equal(encodePath('/hc/fr/articles/1-R%c3%a9glages'), '/hc/fr/articles/1-R%C3%A9glages');
  });

  test('the schema refuses a host, a query, a duplicate and an address that is not Handrail\'s', () => {
    assert.equal(redirectsSchema.safeParse({ redirects: [{ from: 'https://x.com/a', to: '/' }] }).success, false);
    assert.equal(redirectsSchema.safeParse({ redirects: [{ from: '/a?b=1', to: '/' }] }).success, false);
    assert.equal(redirectsSchema.safeParse({ redirects: [{ from: '/a', to: '/articles/x' }] }).success, false);
    assert.equal(redirectsSchema.safeParse({ redirects: [{ from: '/a', to: '/' }, { from: '/a', to: '/contact/' }] }).success, false);
    assert.equal(redirectsSchema.safeParse({ redirects: [{ from: '/a', to: '/fr/articles/x/#steps' }], extra: 1 }).success, false);
  });
});

describe('scripts/zendesk-export.ts against a local mock server', () => {
  test('follows next_page and cursor links, retries on 429, sends the token only to the help center, and saves attachments', async () => {
    const seen: Array<{ url: string; auth?: string }> = [];
    let limited = false;
    const server = createServer((req, res) => {
      const url = req.url ?? '';
      seen.push({ url, auth: req.headers.authorization });
      const json = (data: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      if (url.startsWith('/api/v2/help_center/locales')) return json({ locales: ['en-us'], default_locale: 'en-us' });
      if (url.includes('/categories')) return json({ categories: [{ id: 1, name: 'C' }], next_page: null });
      if (url.includes('/sections')) return json({ sections: [{ id: 2, name: 'S', category_id: 1 }], meta: { has_more: false }, links: { next: null } });
      if (url.includes('/articles.json') && !url.includes('page=2')) {
        if (!limited) {
          limited = true;
          res.writeHead(429, { 'retry-after': '0' });
          return res.end();
        }
        return json({ articles: [{ id: 10, body: `<img src="${base}/hc/article_attachments/5/a.png"><img src="https://cdn.example.invalid/x.png">` }], next_page: `${base}/api/v2/help_center/en-us/articles.json?page=2` });
      }
      if (url.includes('page=2')) return json({ articles: [{ id: 11, body: '' }], next_page: null });
      if (url.startsWith('/hc/article_attachments/5/a.png')) {
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(Buffer.from([1, 2, 3]));
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const out = mkdtempSync(path.join(tmpdir(), 'handrail-export-'));
    try {
      const result = await exportZendesk({ baseUrl: `http://127.0.0.1:${port}`, out, authorization: 'Basic dGVzdA==', maxRetryWait: 0 });
      assert.equal(result.articles, 2);
      assert.equal(result.files, 1);
      assert.ok(existsSync(path.join(out, 'articles-en-us-2.json')));
      assert.deepEqual([...readFileSync(path.join(out, 'files/127.0.0.1/hc/article_attachments/5/a.png'))], [1, 2, 3]);
      assert.ok(seen.every((r) => r.auth === 'Basic dGVzdA=='));
      assert.ok(!seen.some((r) => r.url.includes('cdn.example.invalid')));
    } finally {
      server.close();
    }
    await assert.rejects(exportZendesk({ baseUrl: 'http://example.zendesk.com', out }), /not an https address/);
  });
});

describe('hostile and odd export files', () => {
  test('deep nesting, repeated ids, rows without id or locale, a BOM and JSON that is not a page: each is reported, the rest imported', () => {
    const input = mkdtempSync(path.join(tmpdir(), 'handrail-zendesk-odd-'));
    const article = (id: number | null, fields: Record<string, unknown> = {}) => ({ id, title: `Article ${id}`, body: '<p>Hello there.</p>', locale: 'en-us', source_locale: 'en-us', section_id: 1, ...fields });
    const deep = `<p>Before &lt;script&gt;</p><p>${'<b>'.repeat(5000)}deep <i>text</i>${'</b>'.repeat(5000)}</p><p>After</p>`;
    // Attachments: a web page and an SVG with a hidden script are never copied into public/; a PDF is.
    mkdirSync(path.join(input, 'hc/article_attachments/7'), { recursive: true });
    writeFileSync(path.join(input, 'hc/article_attachments/7/page.html'), '<script>alert(1)</script>');
    writeFileSync(path.join(input, 'hc/article_attachments/7/logo.svg'), '<svg><a xlink:href="java&#x09;script:alert(1)"><text>x</text></a></svg>');
    writeFileSync(path.join(input, 'hc/article_attachments/7/manual.pdf'), '%PDF-1.4');
    const attachments = '<p><a href="/hc/article_attachments/7/page.html">The form</a> <a href="/hc/article_attachments/7/manual.pdf">The manual</a></p><p><img src="/hc/article_attachments/7/logo.svg" alt="Logo"></p>';
    writeFileSync(path.join(input, 'sections.json'), JSON.stringify({ sections: [{ id: 1, name: 'Getting started', locale: 'en-us', source_locale: 'en-us' }] }));
    writeFileSync(path.join(input, 'articles-1.json'), JSON.stringify({ articles: [article(1, { body: attachments }), article(2), article(3, { title: 'Deep', body: deep, html_url: 'javascript:alert(1)' }), article(4, { locale: null }), article(null), article(5, { title: null }), article(6, { title: 'Huge', body: `<p>${'All the words. '.repeat(70_000)}</p>` })] }));
    // Page 2 repeats article 1 unchanged (overlapping pages) and article 2 with other text.
    writeFileSync(path.join(input, 'articles-2.json'), `\uFEFF${JSON.stringify({ articles: [article(1, { body: attachments }), article(2, { title: 'Another article' })] })}`);
    writeFileSync(path.join(input, 'stray.json'), 'null');
    const content = project();
    const { findings, summary } = runImport({ source: 'zendesk', input, contentDir: content });
    const lines = findings.map((f) => `${f.kind} ${f.file}: ${f.message}`);
    assert.deepEqual(lines.filter((l) => /^(row-skipped|duplicate-id|nesting-flattened|read-error|image-unsafe|title-missing|article-too-large)/.test(l)).sort(), [
      'article-too-large content/articles/getting-started/huge.md: is 1.1 MB, over the 1 MB the check and the build accept',
      'duplicate-id articles-2.json: has article 2 (en-us) a second time, with different text; this later one was imported, the one in articles-1.json was not',
      'image-unsafe content/articles/getting-started/article-1.md: links to a .html file, which a browser would run as a page or script on your site; it was not copied, and the link still points at the old site',
      'image-unsafe content/articles/getting-started/article-1.md: shows an SVG with scripts or event handlers, which would run on your site; it was not copied',
      'nesting-flattened content/articles/getting-started/deep.md: had HTML elements nested 5001 levels deep (at most 100 can be read safely), so only its text was imported, as plain paragraphs',
      'read-error stray.json: is JSON but not a page of the export: it holds no list of articles, sections or categories',
      'row-skipped articles-1.json: has an article with no id, which was not imported',
      'row-skipped articles-1.json: has an article with no locale, which was not imported',
      'title-missing content/articles/getting-started/untitled-article-5.md: had no title; it was given "Untitled article 5"',
    ]);
    assert.equal(summary.articles, 5, 'articles 1, 2, 3, 5 and 6; the page with a byte order mark was read');
    assert.equal(summary.files, 1, 'the PDF is copied; the web page is not');
    assert.deepEqual(readdirSync(path.join(path.dirname(content), 'public'), { recursive: true }).map(String).filter((f) => /\.(html|svg)$/.test(f)), []);
    const text = readFileSync(path.join(content, 'articles/getting-started/deep.md'), 'utf8');
    assert.match(text, /\n\nBefore \\<script>\n\ndeep text\n\nAfter\n/, 'the text is kept, still escaped');
    assert.ok(existsSync(path.join(content, 'articles/getting-started/another-article.md')));
    const redirects = (parse(readFileSync(path.join(content, 'redirects.yaml'), 'utf8')) as { redirects: { from: string }[] }).redirects;
    assert.ok(redirectsSchema.safeParse({ redirects }).success, 'an html_url of javascript:… makes no redirect (it used to write from: alert(1))');
    assert.deepEqual(redirects.filter((r) => r.from.includes('alert')), []);
  });

  test('Intercom: impossible dates no longer stop the import ("Invalid time value"); a row without id and a repeated id are reported', () => {
    const input = mkdtempSync(path.join(tmpdir(), 'handrail-intercom-odd-'));
    const article = (id: string | null, fields: Record<string, unknown> = {}) => ({ type: 'article', id, title: `Article ${id}`, body: '<p>Hello there.</p>', parent_id: 'c1', state: 'published', ...fields });
    writeFileSync(path.join(input, 'collections.json'), JSON.stringify({ type: 'list', data: [{ type: 'collection', id: 'c1', name: 'Basics' }] }));
    writeFileSync(path.join(input, 'articles.json'), JSON.stringify({ type: 'list', data: [article('1', { updated_at: 1e300 }), article('2', { updated_at: -99999999999999 }), article('3', { updated_at: 1767225600 }), article(null), article('1', { title: 'Other text' })] }));
    const content = project();
    const { findings, summary } = runImport({ source: 'intercom', input, contentDir: content });
    assert.equal(summary.articles, 3);
    assert.doesNotMatch(readFileSync(path.join(content, 'articles/basics/article-1.md'), 'utf8'), /updated:/, 'no date rather than a wrong one');
    assert.match(readFileSync(path.join(content, 'articles/basics/article-3.md'), 'utf8'), /updated: 2026-01-01/);
    assert.deepEqual(findings.filter((f) => f.kind === 'row-skipped' || f.kind === 'duplicate-id').map((f) => `${f.kind} ${f.file}: ${f.message}`).sort(), [
      'duplicate-id articles.json: has article 1 a second time, with different text; the first one (articles.json) was imported, this one was not',
      'row-skipped articles.json: has an article with no id, which was not imported',
    ]);
  });

  test('a folder import never reads outside the export: links to /etc and ../ paths are refused, a UTF-16 file is reported', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'handrail-secret-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'root:x:0:0:secret');
    writeFileSync(path.join(outside, 'secret.png'), 'not really a picture: a secret');
    const input = path.join(mkdtempSync(path.join(tmpdir(), 'handrail-folder-odd-')), 'docs');
    mkdirSync(path.join(input, 'guide/img'), { recursive: true });
    writeFileSync(path.join(input, 'guide/img/ok.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    symlinkSync(path.join(outside, 'secret.png'), path.join(input, 'guide/img/linked.png'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(input, 'guide/leak.md'));
    const climb = path.relative(path.join(input, 'guide'), path.join(outside, 'secret.png'));
    writeFileSync(path.join(input, 'guide/start.md'), `---\ntitle: Start here\n---\n\nThe first steps with the product.\n\n![A picture](img/ok.png)\n\n![Outside](${climb})\n\n![Linked](img/linked.png)\n`);
    writeFileSync(path.join(input, 'guide/wide.md'), Buffer.from('\ufeff# Wide\n', 'utf16le'));
    const content = project();
    const { findings } = runImport({ source: 'folder', input, contentDir: content });
    const publicFiles = readdirSync(path.join(path.dirname(content), 'public'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    assert.deepEqual(publicFiles, ['ok.png'], 'only the picture inside the export is copied');
    assert.ok(!existsSync(path.join(content, 'articles/guide/leak.md')), 'a linked article is never read');
    for (const file of readdirSync(content, { recursive: true }).map(String)) {
      if (/\.(md|yaml)$/.test(file) && !file.startsWith('.import')) assert.doesNotMatch(readFileSync(path.join(content, file), 'utf8'), /root:x|not really/, file);
    }
    assert.deepEqual(findings.filter((f) => f.kind === 'read-error').map((f) => `${f.file}: ${f.message}`), [
      'guide/leak.md: is a symbolic link, which the import does not follow',
      'guide/wide.md: is not UTF-8 text (it is UTF-16), so it was not imported',
    ]);
  });
});
