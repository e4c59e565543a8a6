import assert from 'node:assert/strict';
import { readdir, rm, writeFile, readFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ArticleCheckCache, readFresh, type ReadOptions } from '../../src/node/check/article-cache.ts';
import { isTranslationFile } from '../../src/node/check/articles.ts';
import { claimFromBack } from '../../src/node/check/parallel-read.ts';
import { checkContent, type ContentCheckResult } from '../../src/node/check/index.ts';
import { publicDir } from '../../src/node/project-paths.ts';
import { FIXTURES, fixtureContent } from './fixture-content.ts';

const TODAY = new Date('2026-11-28T12:00:00Z');

/** Checks a content folder, through a cache kept in `cacheFile` when given, and returns the result with the cache's counts. */
async function check(contentDir: string, cacheFile?: string): Promise<{ result: ContentCheckResult; counts?: ArticleCheckCache['counts'] }> {
  const paths = { root: path.dirname(contentDir), contentDir, publicDir };
  const articleCache = cacheFile ? await ArticleCheckCache.open(cacheFile, paths) : undefined;
  const result = await checkContent(paths, { today: TODAY, articleCache });
  await articleCache?.save();
  return { result, counts: articleCache?.counts };
}

/** What a writer is told, and what pages are built from: comparable between a cached and a fresh check. */
function outcome(result: ContentCheckResult) {
  return {
    problems: result.problems,
    articles: result.articles.map(({ file, slug, category, format, data, scan, bodyLineOffset }) => ({
      file,
      slug,
      category,
      format,
      data,
      bodyLineOffset,
      scan: scan && { headingIds: scan.headingIds, headings: scan.headings, references: scan.references },
    })),
    translations: result.languages.translations.map((t) => t.file),
  };
}

async function articleFiles(contentDir: string): Promise<string[]> {
  const dir = path.join(contentDir, 'articles');
  return (await readdir(dir, { recursive: true })).filter((f) => /\.mdx?$/.test(f)).map((f) => path.join(dir, f));
}

/** Runs `body` on a fresh copy of a fixture and a cache file beside it, then removes both. */
async function withFixture(brokenCase: string | undefined, body: (contentDir: string, cacheFile: string) => Promise<void>): Promise<void> {
  const contentDir = await fixtureContent(brokenCase);
  const cacheFile = `${contentDir}.check.v8`;
  try {
    await body(contentDir, cacheFile);
  } finally {
    await rm(contentDir, { recursive: true, force: true });
    await rm(cacheFile, { force: true });
  }
}

const BROKEN_CASES = await readdir(path.join(FIXTURES, 'broken'));

describe('the content check kept between runs', () => {
  const cases = ['', ...BROKEN_CASES];
  for (const name of cases) {
    test(`${name || 'valid'}: the second run reads every article from the cache and says exactly what a fresh check says`, async () => {
      await withFixture(name || undefined, async (contentDir, cacheFile) => {
        const fresh = outcome((await check(contentDir)).result);
        const first = await check(contentDir, cacheFile);
        const second = await check(contentDir, cacheFile);
        assert.deepEqual(outcome(first.result), fresh);
        assert.deepEqual(outcome(second.result), fresh);
        assert.equal(second.counts!.read, 0, 'nothing is read again while no file changed');
        assert.equal(second.counts!.reused, first.counts!.read);
      });
    });
  }

  test('a changed article is read again, and its problem is still reported on every later run', async () => {
    await withFixture(undefined, async (contentDir, cacheFile) => {
      // Originals and translations alike.
      const all = await articleFiles(contentDir);
      assert.ok(all.some((f) => f.endsWith('.cy.md')), 'the fixture has a translation');
      await check(contentDir, cacheFile);
      const welcome = path.join(contentDir, 'articles/getting-started/welcome.md');
      await appendFile(welcome, '\nSee [the prices](/articles/prices/).\n');
      const changed = await check(contentDir, cacheFile);
      assert.equal(changed.counts!.read, 1, 'only the changed article is read');
      assert.equal(changed.counts!.reused, all.length - 1);
      const again = await check(contentDir, cacheFile);
      assert.equal(again.counts!.read, 0);
      for (const run of [changed, again]) {
        const problem = run.result.problems.find((p) => p.rule === 'broken-link');
        assert.ok(problem, 'the broken link is reported');
        assert.match(problem.file, /welcome\.md$/);
        assert.equal(problem.received, '/articles/prices/');
      }
      // The same file from a cached check and a fresh one: the same line and column.
      assert.deepEqual(again.result.problems, (await check(contentDir)).result.problems);
    });
  });

  test('a problem across files is found when only the other file changed: a link and a related article to an article removed', async () => {
    await withFixture(undefined, async (contentDir, cacheFile) => {
      // welcome.md names pay-an-invoice in related (line 5) and links to it.
      assert.match(await readFile(path.join(contentDir, 'articles/getting-started/welcome.md'), 'utf8'), /related: \[pay-an-invoice\][\s\S]*\(\/articles\/pay-an-invoice\/#ways-to-pay\)/);
      const before = await check(contentDir, cacheFile);
      assert.deepEqual(before.result.problems.filter((p) => p.severity === 'error'), []);
      // Only the linked article changes: it is removed (its translation, if any, goes with it).
      for (const file of await articleFiles(contentDir)) if (path.basename(file).startsWith('pay-an-invoice.')) await rm(file);
      const after = await check(contentDir, cacheFile);
      assert.equal(after.counts!.read, 0, 'welcome.md and its translation are read from the cache');
      const broken = after.result.problems.filter((p) => p.file.endsWith('welcome.md'));
      assert.ok(broken.some((p) => p.rule === 'broken-link' && p.received === '/articles/pay-an-invoice/#ways-to-pay'), JSON.stringify(broken, null, 2));
      const related = broken.find((p) => p.rule === 'related');
      assert.ok(related, 'the related article that no longer exists is reported');
      assert.equal(related.line, 5, 'with the line of the related entry, as a fresh check gives it');
      assert.deepEqual(after.result.problems, (await check(contentDir)).result.problems);
    });
  });

  test('a translation is read again when its original is renamed, since its messages name the original', async () => {
    await withFixture('translation-inherited-field', async (contentDir, cacheFile) => {
      const first = await check(contentDir, cacheFile);
      const inherited = first.result.problems.find((p) => p.message.includes('is taken from the original'));
      assert.ok(inherited, 'the fixture sets a field a translation takes from its original');
      const welcome = path.join(contentDir, 'articles/getting-started/welcome.md');
      const renamed = path.join(contentDir, 'articles/getting-started/welcome.mdx');
      await writeFile(renamed, await readFile(welcome, 'utf8'));
      await rm(welcome);
      const second = await check(contentDir, cacheFile);
      assert.equal(second.counts!.read, 2, 'the renamed original and its translation');
      const fresh = (await check(contentDir)).result;
      assert.deepEqual(second.result.problems, fresh.problems);
      assert.ok(second.result.problems.some((p) => p.message.includes('is taken from the original (') && p.message.includes('welcome.mdx')));
    });
  });

  test('a change to site.yaml reads every article again', async () => {
    await withFixture(undefined, async (contentDir, cacheFile) => {
      const first = await check(contentDir, cacheFile);
      await appendFile(path.join(contentDir, 'site.yaml'), '\n# edited\n');
      const second = await check(contentDir, cacheFile);
      assert.equal(second.counts!.reused, 0);
      assert.equal(second.counts!.read, first.counts!.read);
    });
  });

  test('an unreadable cache file is ignored', async () => {
    await withFixture(undefined, async (contentDir, cacheFile) => {
      await writeFile(cacheFile, 'not a cache');
      const { result, counts } = await check(contentDir, cacheFile);
      assert.equal(counts!.reused, 0);
      assert.deepEqual(outcome(result), outcome((await check(contentDir)).result));
    });
  });
});

describe('articles read on more than one core', () => {
  /** Checks with worker threads reading the articles no cache holds, as a cold build of a large site does. */
  async function checkInParallel(contentDir: string, options: ReadOptions) {
    const paths = { root: path.dirname(contentDir), contentDir, publicDir };
    const articleCache = ArticleCheckCache.forOneCheck({ workersFrom: 1, ...options });
    const result = await checkContent(paths, { today: TODAY, articleCache });
    return { result, counts: articleCache.counts };
  }

  // Where the workers and the check's thread meet depends on timing, not on what the articles hold: the
  // valid site and the cases whose findings span articles run that way too; every case runs all in workers,
  // which is what carries each kind of finding across from a worker.
  const MEETING_CASES = new Set(['', 'broken-link', 'draft-linked']);
  for (const name of ['', ...BROKEN_CASES]) {
    test(`${name || 'valid'}: workers reading the articles say exactly what one thread says`, async () => {
      await withFixture(name || undefined, async (contentDir) => {
        const fresh = outcome((await check(contentDir)).result);
        const all = await articleFiles(contentDir);
        // Every article from a worker, then the two sides meeting wherever they meet, with one and two workers.
        const allInWorkers = await checkInParallel(contentDir, { workers: 1, workersFirst: true });
        assert.deepEqual(outcome(allInWorkers.result), fresh);
        assert.equal(allInWorkers.counts.inWorkers, allInWorkers.counts.read, 'with the workers first, every article and translation read was read by a worker');
        if (!name) assert.equal(allInWorkers.counts.read, all.length, `all ${all.length} files, ${all.filter(isTranslationFile).length} of them translations`);
        if (!MEETING_CASES.has(name)) return;
        for (const workers of [1, 2]) {
          const { result, counts } = await checkInParallel(contentDir, { workers });
          assert.deepEqual(outcome(result), fresh, `${workers} worker(s)`);
          assert.equal(counts.read, allInWorkers.counts.read, 'each article is read once, by one side or the other');
        }
      });
    });
  }

  test('a worker reads an article as the check does, and sends it in the form the cache keeps', async () => {
    await withFixture(undefined, async (contentDir) => {
      const paths = { root: path.dirname(contentDir), contentDir, publicDir };
      const [file] = (await articleFiles(contentDir)).filter((f) => f.endsWith('welcome.md'));
      const read = await readFresh(paths, { absolute: file! });
      assert.ok(read?.entry.article, 'the article is read');
      assert.equal(read.entry.article.slug, 'welcome');
      assert.ok(!('tree' in (read.entry.article.scan ?? {})), 'without its syntax tree, which workers do not send');
      // A translation is read as one: its key names its original, whose name its messages quote.
      const translation = (await articleFiles(contentDir)).find((f) => f.endsWith('welcome.cy.md'))!;
      const translated = await readFresh(paths, { absolute: translation, originalFile: 'content/articles/getting-started/welcome.md' });
      assert.ok(translated?.entry.article, 'the translation is read');
      assert.notEqual(translated.key, (await readFresh(paths, { absolute: translation }))!.key, 'its key is not an original\'s');
      assert.equal(await readFresh(paths, { absolute: path.join(contentDir, 'articles/missing.md') }), undefined, 'a file that cannot be read: nothing');
    });
  });

  test('the workers and the check never claim the same article', () => {
    const claims = new Int32Array(new SharedArrayBuffer(12));
    claims[2] = 10;
    // The workers take from the back: 9, 8, 7 …; the check's thread has reached index 4 (front 5).
    assert.deepEqual([claimFromBack(claims), claimFromBack(claims), claimFromBack(claims)], [9, 8, 7]);
    claims[1] = 5;
    assert.deepEqual([claimFromBack(claims), claimFromBack(claims), claimFromBack(claims)], [6, 5, -1], 'they stop where the check has been');
    assert.equal(claims[0], 0, 'the lock is free again');
  });
});
