import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { checkContent } from '../../src/node/check/index.ts';
import { allRedirects } from '../../src/node/check/redirects.ts';
import { redirectPageParam } from '../../src/shared/redirects.ts';
import { redirectSourcesOf, redirectsSummary, writeRedirectsFile } from '../../src/node/integration/redirects-file.ts';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { publicDir } from '../../src/node/project-paths.ts';
import { formatProblem } from '../../src/shared/problems.ts';
import { fixtureContent } from './fixture-content.ts';

/** The valid fixture with a content/redirects.yaml (and any other files) laid on top. */
async function check(files: Record<string, string>) {
  const contentDir = await fixtureContent();
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(contentDir, name)), { recursive: true });
    await writeFile(path.join(contentDir, name), text);
  }
  const result = await checkContent({ root: path.dirname(contentDir), contentDir, publicDir });
  const prefix = `${path.basename(contentDir)}/`;
  const problems = result.problems.map((p) => ({ ...p, file: p.file.replace(prefix, 'content/') }));
  return { ...result, problems, text: problems.map(formatProblem).join('\n\n').replaceAll(prefix, 'content/') };
}

describe('content/redirects.yaml and content/.import/', () => {
  test('a valid redirects file and the importer\'s records are accepted', async () => {
    const big = `# Import report\n\n${'- a finding with its file and line\n'.repeat(40_000)}`; // over 1 MB
    const result = await check({
      'redirects.yaml': [
        'redirects:',
        '  - from: /hc/en-us/articles/360001234-Welcome',
        '    to: /articles/welcome/',
        '  - from: /hc/en-us/articles/360001234',
        '    to: /articles/welcome/#first-steps',
        '  - from: /hc/cy/articles/360001234',
        '    to: /cy/articles/welcome/',
        '  - from: /hc/en-us/sections/200-Billing',
        '    to: /categories/billing/',
        '  - from: /hc/en-us',
        '    to: /',
        '',
      ].join('\n'),
      '.import/zendesk.json': '{"version":1,"articles":{}}',
      '.import/zendesk-report.md': big,
    });
    assert.equal(result.text, '');
    assert.equal(result.redirects.length, 5);
    const all = allRedirects(result.redirects, result.articles, '/help/');
    assert.deepEqual(all.at(-1), { from: '/help/articles/hello/', to: '/articles/welcome/' }, 'redirect_from is a redirect too, under the base path');
    assert.equal(all.length, 6);
  });

  test('a bad redirects file names the file, line, field, what was received and the fix', async () => {
    const { text, problems } = await check({
      'redirects.yaml': [
        'redirects:',
        '  - from: https://help.example.com/hc/en-us/articles/1',
        '    to: /articles/welcome/',
        '  - from: /hc/en-us/articles/2',
        '    to: /articles/no-such-article/',
        '  - from: /articles/pay-an-invoice',
        '    to: /articles/welcome/',
        '  - from: /hc/en-us/articles/3',
        '    to: /articles/hello/',
        '  - from: /old/a b',
        '    to: /',
        '  - from: /old/a%20b/',
        '    to: /',
        '  - form: /typo',
        '    to: /',
        '',
      ].join('\n'),
    });
    assert.ok(problems.every((p) => p.file === 'content/redirects.yaml' && p.severity === 'error'), text);
    assert.match(
      text,
      /^content\/redirects\.yaml:2 error: "redirects\[0\]\.from": is not valid\n {4}Received: "https:\/\/help\.example\.com\/hc\/en-us\/articles\/1"\n {4}Allowed: {2}a root-relative path like "\/hc\/en-us\/articles\/360001234-Reset-password", without a host, "\?" or "#"\n {4}Fix: {6}Write the old path only, starting with "\/"/,
    );
    assert.match(text, /redirects\.yaml:10 error: "redirects\[4\]\.from": is not valid\n {4}Received: "\/old\/a b"/);
    assert.match(text, /redirects\.yaml:14 error: "redirects\[6\]\.form": is not a field of redirects\n {4}Received: "\/typo"\n {4}Allowed: {2}from, to\n {4}Fix: {6}Did you mean "from"\?/);
  });

  test('old addresses over real pages, and destinations that lead nowhere, name both sides', async () => {
    const { text } = await check({
      'redirects.yaml': [
        'redirects:',
        '  - from: /hc/en-us/articles/2',
        '    to: /articles/welcom/',
        '  - from: /articles/pay-an-invoice',
        '    to: /articles/welcome/',
        '  - from: /hc/en-us/articles/3',
        '    to: /articles/hello/',
        '  - from: /articles/hello/',
        '    to: /articles/welcome/',
        '  - from: /old/café',
        '    to: /',
        '  - from: /old/caf%C3%A9/',
        '    to: /',
        '  - from: /contact',
        '    to: /',
        '  - from: /_astro/app.js',
        '    to: /',
        '  - from: /docs/:version/install',
        '    to: /',
        '  - from: /docs/%2e%2e/../../outside',
        '    to: /',
        '',
      ].join('\n'),
    });
    assert.match(text, /redirects\.yaml:3 error: "redirects\[0\]\.to": leads to a page that does not exist\n {4}Received: "\/articles\/welcom\/"\n.*\n {4}Fix: {6}Did you mean "\/articles\/welcome\/"\?/);
    assert.match(text, /redirects\.yaml:4 error: "redirects\[1\]\.from": is the address of the article content\/articles\/billing\/pay-an-invoice\.mdx, so the redirect would replace a page that exists/);
    assert.match(text, /redirects\.yaml:7 error: "redirects\[2\]\.to": leads to an old address of content\/articles\/getting-started\/welcome\.md, a second redirect\n.*\n {4}Fix: {6}Lead it straight to \/articles\/welcome\/\./);
    assert.match(text, /redirects\.yaml:8 error: "redirects\[3\]\.from": is already an old address of content\/articles\/getting-started\/welcome\.md \(in its redirect_from\)\n.*\n.*\n {4}Fix: {6}List it once: remove it here or from the redirect_from of content\/articles\/getting-started\/welcome\.md\./);
    assert.match(text, /redirects\.yaml:12 error: "redirects\[5\]\.from": is the same address as redirects\[4\]\.from, written another way/);
    assert.match(text, /redirects\.yaml:14 error: "redirects\[6\]\.from": is the address of the page \/contact\/, which every help center has/);
    assert.match(text, /redirects\.yaml:16 error: "redirects\[7\]\.from": is a file the build writes for the site itself/);
    assert.match(text, /redirects\.yaml:18 error: "redirects\[8\]\.from": has a "\*" or a part starting with ":", which hosts that read _redirects take as a pattern matching other addresses\n {4}Received: "\/docs\/:version\/install"/);
    assert.match(text, /redirects\.yaml:20 error: "redirects\[9\]\.from": has a "\." or "\.\." part, or an empty one \("\/\/"\), which a browser never sends as it is/);
  });

  test('a redirect page is built at the old path under the base path, or not at all', () => {
    assert.equal(redirectPageParam('/hc/en-us/articles/1-Reset'), 'hc/en-us/articles/1-Reset');
    assert.equal(redirectPageParam('/hc/fr/articles/1-R%C3%A9glages/'), 'hc/fr/articles/1-Réglages');
    assert.equal(redirectPageParam('/help/old/page', '/help/'), 'old/page');
    assert.equal(redirectPageParam('/hc/en-us', '/help/'), undefined, 'outside the base path: only _redirects');
    assert.equal(redirectPageParam('/help', '/help/'), undefined, 'the base itself is the home page');
    assert.equal(redirectPageParam('/bad%zz'), 'bad%zz');
    assert.equal(redirectPageParam('/docs/../../outside'), undefined, 'never a page outside its place');
    assert.equal(redirectPageParam('/docs/%2E%2E/x'), undefined);
    assert.equal(redirectPageParam(`/hc/ja/articles/1-${'%E3%83%98'.repeat(80)}`), undefined, 'too long for a folder name: only _redirects');
    assert.equal(redirectPageParam(`/hc/ja/articles/1-${'%E3%83%98'.repeat(70)}`), `hc/ja/articles/1-${'ヘ'.repeat(70)}`);
    assert.equal(redirectPageParam('/x%00y'), undefined, 'a NUL is no file name the build can write');
    assert.equal(redirectPageParam('/a%0Ab'), undefined);
  });

  test('an old address with an encoded control character is refused: %00 crashed the build, %0A would split a _redirects line', async () => {
    const { problems, text } = await check({ 'redirects.yaml': 'redirects:\n  - from: /x%00y\n    to: /articles/welcome/\n  - from: /old%0A/new\n    to: /\n  - from: /caf%C3%A9\n    to: /\n' });
    assert.deepEqual(problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.field}: ${p.message}`), [
      'content/redirects.yaml:2 redirects[0].from: has a control character in it (written %00 to %1F or %7F), which no real address has',
      'content/redirects.yaml:4 redirects[1].from: has a control character in it (written %00 to %1F or %7F), which no real address has',
    ], text);
    assert.match(text, /Fix: {6}Write the path as the browser showed it in the address bar, or remove this redirect\./);
  });

  test('under a sub-path: old paths stay at the root, pages and destinations move under it', async () => {
    const result = await check({ 'redirects.yaml': 'redirects:\n  - from: /hc/en-us/articles/1\n    to: /articles/welcome/\n  - from: /help/old-faq\n    to: /categories/billing/\n' });
    assert.equal(result.text, '');
    const siteDir = await mkdtemp(path.join(tmpdir(), 'handrail-redirects-file-'));
    const written = await writeRedirectsFile(siteDir, '/help/', redirectSourcesOf(result, '/help/'), new Set(['articles/welcome/', 'categories/billing/']));
    assert.equal(
      await readFile(path.join(siteDir, '_redirects'), 'utf8'),
      [
        "# Made by the build from content/redirects.yaml and the articles' redirect_from; edit those, not this file.",
        '/hc/en-us/articles/1 /help/articles/welcome/ 301',
        '/help/articles/hello/ /help/articles/welcome/ 301',
        '/help/old-faq /help/categories/billing/ 301',
        '',
      ].join('\n'),
    );
    assert.deepEqual(written, { lines: 3, withoutPage: ['/hc/en-us/articles/1'], missing: [] });
    // A site's own rules (public/_redirects, copied in by Astro) stay, first.
    await writeFile(path.join(siteDir, '_redirects'), '/shop https://shop.example.com 302\n');
    await writeRedirectsFile(siteDir, '/help/', redirectSourcesOf(result, '/help/'));
    const combined = await readFile(path.join(siteDir, '_redirects'), 'utf8');
    assert.match(combined, /^\/shop https:\/\/shop\.example\.com 302\n\n# Made by the build/);
    await writeRedirectsFile(siteDir, '/help/', redirectSourcesOf(result, '/help/'));
    assert.equal(await readFile(path.join(siteDir, '_redirects'), 'utf8'), combined, 'written again into the same folder: the same file');
    assert.deepEqual(redirectsSummary(written, '/help/'), [
      '✓ Redirects: 3 old addresses, each a page and a line of _redirects.',
      "  1 old address has no page (e.g. /hc/en-us/articles/1): outside /help/, or too long for a folder name. Only a host that reads _redirects at the site's root serves it.",
    ]);
  });
});
