import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { chromium } from '@playwright/test';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { auditPage, formatReport } from '../../src/node/audit/audit.ts';
import { chromiumLaunchOptions } from '../../src/node/chromium.ts';
import { startStaticServer } from '../../src/node/static-server.ts';
import { projectRoot } from '../../src/node/project-paths.ts';
import { fixtureContent } from '../unit/fixture-content.ts';

/** Runs scripts/build.ts on a content folder; returns exit code and output. */
function build(contentDir: string, outDir: string) {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--out', outDir], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HANDRAIL_CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const REDIRECTS = `# Old addresses of the Zendesk help center
redirects:
  - from: /hc/en-us/articles/360001234-Welcome-to-Fixture
    to: /articles/welcome/
  - from: /hc/en-us/articles/360001234
    to: /articles/welcome/
  - from: /hc/cy/articles/360001234-Croeso
    to: /cy/articles/welcome/
  - from: /hc/fr/articles/360005678-Réglages
    to: /categories/billing/
  - from: /docs/pay.html
    to: /articles/pay-an-invoice/#top
  - from: /hc/en-us
    to: /
`;

describe('redirects in the build', { concurrency: false }, () => {
  test('every old address becomes a redirect page and a line of _redirects', async () => {
    const contentDir = await fixtureContent();
    await writeFile(path.join(contentDir, 'redirects.yaml'), REDIRECTS);
    const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-redirects-')), 'site');
    const { status, output } = build(contentDir, outDir);
    assert.equal(status, 0, output);
    assert.match(output, /✓ Redirects: 7 old addresses, each a page and a line of _redirects\./);
    // Every destination has a page, the Welsh one included (an untranslated article falls back to the original's text).
    assert.doesNotMatch(output, /destination.* no page in this build/);
    assert.ok(existsSync(path.join(outDir, 'cy/articles/welcome/index.html')), 'the Welsh destination is built');

    assert.equal(
      await readFile(path.join(outDir, '_redirects'), 'utf8'),
      [
        "# Made by the build from content/redirects.yaml and the articles' redirect_from; edit those, not this file.",
        '/articles/hello/ /articles/welcome/ 301',
        '/docs/pay.html /articles/pay-an-invoice/#top 301',
        '/hc/cy/articles/360001234-Croeso /cy/articles/welcome/ 301',
        '/hc/en-us / 301',
        '/hc/en-us/articles/360001234 /articles/welcome/ 301',
        '/hc/en-us/articles/360001234-Welcome-to-Fixture /articles/welcome/ 301',
        '/hc/fr/articles/360005678-R%C3%A9glages /categories/billing/ 301',
        '',
      ].join('\n'),
    );

    const pages = {
      'hc/en-us/articles/360001234-Welcome-to-Fixture/index.html': ['/articles/welcome/', 'Welcome'],
      'hc/en-us/articles/360001234/index.html': ['/articles/welcome/', 'Welcome'],
      'hc/cy/articles/360001234-Croeso/index.html': ['/cy/articles/welcome/', 'Welcome'],
      'hc/fr/articles/360005678-Réglages/index.html': ['/categories/billing/', 'Billing'],
      // A file-like old address is served as that file, not as a folder.
      'docs/pay.html': ['/articles/pay-an-invoice/#top', 'Pay an invoice'],
      'hc/en-us/index.html': ['/', 'Fixture Help'],
    } as const;
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const [file, [to, title]] of Object.entries(pages)) {
      const html = await readFile(path.join(outDir, file), 'utf8');
      assert.ok(html.includes(`<meta http-equiv="refresh" content="0; url=${to}">`), `${file}: meta refresh to ${to}`);
      assert.ok(html.includes(`<link rel="canonical" href="https://help.fixture.example${to}">`), `${file}: canonical`);
      assert.ok(html.includes('<meta name="robots" content="noindex">'), `${file}: noindex`);
      assert.match(html, /<h1[^>]*>This page has moved<\/h1>/, file);
      assert.ok(html.includes(`<a href="${to}">Go to “${title}”</a>`), `${file}: a visible link to ${to} named “${title}”`);
      const report = await validator.validateString(html, file);
      assert.ok(report.valid, `${file}: ${JSON.stringify(report.results.flatMap((r) => r.messages.map((m) => m.message)))}`);
    }
    assert.equal(existsSync(path.join(outDir, 'docs/pay.html/index.html')), false);
    // Save for offline leaves them out: each only forwards to a page it saves anyway.
    const offline = JSON.parse(await readFile(path.join(outDir, 'offline-manifest.json'), 'utf8')) as { files: Array<{ url: string }> };
    const urls = offline.files.map((f) => f.url);
    assert.ok(urls.includes('/articles/welcome/'));
    assert.deepEqual(urls.filter((url) => url.startsWith('/hc/') || url.startsWith('/docs/') || url === '/articles/hello/'), []);
    // Accessible as a page, for a reader whose browser does not follow the refresh: axe, as on every page.
    const server = await startStaticServer({ root: outDir, base: '/', port: 0, host: '127.0.0.1' });
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage();
      const stub = '/hc/fr/articles/360005678-R%C3%A9glages/';
      await page.route(`**${stub}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '') });
      });
      await page.goto(new URL(stub, server.url).href);
      await page.getByRole('link', { name: 'Go to “Billing”' }).waitFor();
      const violations = await auditPage(page, stub);
      assert.deepEqual(violations.map((v) => v.id), [], formatReport([{ path: stub, theme: 'light', width: 1280, violations }]));
      // With the refresh, the reader lands on the new page.
      const forwarded = await browser.newPage();
      await forwarded.goto(new URL('/hc/en-us/articles/360001234/', server.url).href);
      await forwarded.waitForURL(/\/articles\/welcome\/$/);
    } finally {
      await browser.close();
      await server.close();
    }
    // redirect_from keeps its own page, as before.
    assert.match(await readFile(path.join(outDir, 'articles/hello/index.html'), 'utf8'), /<meta http-equiv="refresh" content="0; url=\/articles\/welcome\/">/);
  });

  test('an old address over a real page stops the build, naming both', async () => {
    const contentDir = await fixtureContent();
    await writeFile(path.join(contentDir, 'redirects.yaml'), 'redirects:\n  - from: /articles/pay-an-invoice\n    to: /articles/welcome/\n');
    const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'handrail-redirects-')), 'site');
    const { status, output } = build(contentDir, outDir);
    assert.equal(status, 1, output);
    assert.match(output, /redirects\.yaml:2 error: "redirects\[0\]\.from": is the address of the article .*articles\/billing\/pay-an-invoice\.mdx, so the redirect would replace a page that exists/);
    assert.doesNotMatch(output, /^\s+at .*\(.*:\d+:\d+\)$/m, 'no stack trace');
  });
});
