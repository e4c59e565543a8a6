import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { checkContent } from '../../src/node/check/index.ts';
import { addressesAtRef, commitDate, isShallowRepository, lastChangedDates, releaseRef } from '../../src/node/git-history.ts';
import { formatProblem } from '../../src/shared/problems.ts';
import { projectRoot, publicDir } from '../../src/node/project-paths.ts';
import { FIXTURES, fixtureContent } from './fixture-content.ts';

const today = new Date('2026-11-22');

describe('publishing checks', () => {
  test('every problem in one run, each with file, line and fix', async () => {
    const contentDir = await fixtureContent('publishing-problems');
    const result = await checkContent({ root: path.dirname(contentDir), contentDir, publicDir }, { today });
    const lines = result.problems.map((p) => `${p.severity} ${p.file.split('/').slice(-2).join('/')}:${p.line ?? ''} ${p.field ?? ''} ${p.message}`);
    const text = result.problems.map(formatProblem).join('\n');
    const expected = [
      'error getting-started/welcome.md:2 title is the same as the title of',
      'error getting-started/welcome.md:4 redirect_from[0] is the address of an existing article',
      'error getting-started/welcome.md:4 redirect_from[1] already redirects to',
      'warning getting-started/welcome.md:5 review_by is past',
      'error billing/start-here.mdx:7 src <Image> shows a file that does not exist in public/',
      'error getting-started/welcome.md:8  links to an article that does not exist',
      'error getting-started/welcome.md:8  links to a heading that is not in',
    ];
    for (const start of expected) assert.ok(lines.some((l) => l.startsWith(start)), `missing "${start}" in:\n${lines.join('\n')}`);
    assert.match(text, /Fix: {6}Add the file as public\/images\/missing\.png/);
    assert.match(text, /Fix: {6}Check the article is still right, then set a new review_by date/);
  });

  test('a link to an old address is advice to link to the new one', async () => {
    const contentDir = await fixtureContent();
    await writeFile(path.join(contentDir, 'articles/billing/pay-an-invoice.mdx'), '---\ntitle: Pay an invoice\ndescription: Ways to pay.\n---\n\n## Ways to pay\n\nSee [the welcome](/articles/hello/).\n');
    const result = await checkContent({ root: path.dirname(contentDir), contentDir, publicDir });
    assert.deepEqual(result.problems.map((p) => [p.severity, p.message]), [['warning', 'links to an old address that now redirects to /articles/welcome/']]);
  });

  test('an address of the last release must still exist or redirect', async () => {
    const contentDir = await fixtureContent();
    const result = await checkContent(
      { root: path.dirname(contentDir), contentDir, publicDir },
      { previousAddresses: new Set(['welcome', 'hello', 'pay-an-invoice', 'gone-for-good']), previousRelease: 'release-1' },
    );
    assert.equal(result.problems.length, 1);
    assert.match(formatProblem(result.problems[0]!), /the address \/articles\/gone-for-good\/ was published in release-1 and no longer exists\n {4}Received: "gone-for-good"\n {4}Fix: {6}Add redirect_from: \[gone-for-good\]/);
  });
});

describe('git history', () => {
  function git(cwd: string, ...args: string[]) {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: process.env.GIT_DATE, GIT_COMMITTER_DATE: process.env.GIT_DATE } });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  }

  test('dates, release addresses and renames come from git', async () => {
    const repo = await mkdtemp(path.join(tmpdir(), 'handrail-git-'));
    await cp(path.join(FIXTURES, 'valid'), path.join(repo, 'content'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.email', 'writer@example.com');
    git(repo, 'config', 'user.name', 'Writer');
    process.env.GIT_DATE = '2026-01-10T12:00:00Z';
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'First release');
    git(repo, 'tag', 'release-1');
    process.env.GIT_DATE = '2026-02-20T12:00:00Z';
    const invoice = path.join(repo, 'content/articles/billing/pay-an-invoice.mdx');
    await writeFile(invoice, `${await readFile(invoice, 'utf8')}\nMore.\n`);
    await rename(path.join(repo, 'content/articles/getting-started/welcome.md'), path.join(repo, 'content/articles/getting-started/start.md'));
    // Its translation moves with it; a translation is no address of its own in the release list.
    await rename(path.join(repo, 'content/articles/getting-started/welcome.cy.md'), path.join(repo, 'content/articles/getting-started/start.cy.md'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'Edit and rename');
    delete process.env.GIT_DATE;

    const dates = lastChangedDates(repo, path.join(repo, 'content/articles'));
    assert.equal(dates.get('content/articles/billing/pay-an-invoice.mdx')?.toISOString(), '2026-02-20T12:00:00.000Z');
    assert.equal(dates.get('content/articles/getting-started/start.md')?.toISOString(), '2026-02-20T12:00:00.000Z');

    assert.deepEqual(releaseRef(repo, {}), { ref: 'release-1', reason: 'the latest release tag' });
    assert.deepEqual(releaseRef(repo, { HANDRAIL_RELEASE_REF: 'main' }), { ref: 'main', reason: 'HANDRAIL_RELEASE_REF' });
    const addresses = addressesAtRef(repo, 'release-1', path.join(repo, 'content/articles'));
    assert.deepEqual([...(addresses ?? [])].sort(), ['hello', 'pay-an-invoice', 'welcome']);
    const first = git(repo, 'rev-list', '--max-parents=0', 'HEAD').trim();
    assert.equal(commitDate(repo, first.slice(0, 7))?.toISOString(), '2026-01-10T12:00:00.000Z');
    assert.equal(commitDate(repo, 'deadbee'), undefined);
    assert.equal(isShallowRepository(repo), false);

    const contentDir = path.join(repo, 'content');
    const result = await checkContent({ root: repo, contentDir, publicDir }, { previousAddresses: addresses, previousRelease: 'release-1' });
    // welcome.md became start.md with no redirect; "hello" still redirects (start.md kept its redirect_from).
    assert.deepEqual(result.problems.map((p) => p.received), ['welcome']);
  });
});

describe('npm run check', () => {
  test('prints every problem and, on GitHub Actions, an annotation for each', async () => {
    const contentDir = await fixtureContent('publishing-problems');
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/check-content.ts'), '--content', contentDir], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: 'true', HANDRAIL_RELEASE_REF: '' },
    });
    assert.equal(result.status, 1);
    const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
    assert.equal(annotations.length, 7, result.stdout);
    assert.ok(annotations.some((a) => /^::error file=.*\/articles\/billing\/start-here\.mdx,line=7,col=1::"src": <Image> shows a file that does not exist in public\//.test(a)), annotations.join('\n'));
    assert.ok(annotations.some((a) => a.startsWith('::warning ') && a.includes('"review_by": is past')));
    assert.match(result.stderr, /✗ 3 articles in 2 categories: 6 errors and 1 warning\./);
  });
});
