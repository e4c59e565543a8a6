import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { renderCsvFiles } from '../../src/node/collector/report/csv.ts';
import { renderHtml } from '../../src/node/collector/report/html.ts';
import { markdownReader, renderMarkdown } from '../../src/node/collector/report/markdown.ts';
import { buildReport, reportStart, shellSafeTitle, type ListeningReport } from '../../src/node/collector/report/model.ts';
import { normaliseQuery } from '../../src/node/collector/report/normalise.ts';
import { readContentIndex } from '../../src/node/collector/site-content.ts';
import { openSqliteStore, type SqliteStore } from '../../src/node/collector/sqlite-store.ts';
import type { ListeningEvent } from '../../src/schemas/events.ts';
import { scratchDir, SITE } from './helpers.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const TO = '2026-11-22';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const FORMULA = '=HYPERLINK("https://evil.example","click")';
const FENCE_BREAKER = 'It says:\n```\n# not a heading @octocat [link](https://evil.example)\n```';

/** A small help center: two categories, three articles. */
function writeContent(): string {
  const root = scratchDir();
  const content = path.join(root, 'content');
  const file = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(content, relative)), { recursive: true });
    writeFileSync(path.join(content, relative), text);
  };
  file('site.yaml', 'name: Test\nurl: https://help.example.com\n');
  file('categories/billing.yaml', 'title: Payments and refunds\ndescription: Paying, refunds, gift cards and invoices.\n');
  file('categories/repairs.yaml', 'title: Repairs\ndescription: Servicing, punctures and brakes.\n');
  file('categories/repairs.cy.yaml', 'title: Atgyweirio\n');
  file('articles/billing/get-a-refund.md', '---\ntitle: Get a refund\ndescription: x\nkeywords: [money back]\n---\nBody\n');
  file('articles/billing/get-a-refund.cy.md', '---\ntitle: Cael ad-daliad\ndescription: x\n---\nBody\n');
  file('articles/billing/ways-to-pay.md', '---\ntitle: Ways to pay\ndescription: x\nkeywords: [card, paypal]\n---\nBody\n');
  file('articles/repairs/fix-a-puncture.md', '---\ntitle: Fix a puncture\ndescription: x\ntags: [tyres]\n---\nBody\n');
  return content;
}

async function add(store: SqliteStore, day: string, event: ListeningEvent, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await store.add({ event, receivedAt: new Date(`${day}T12:00:00Z`), site: SITE });
}

/** Three weeks of events with a known answer for every section. */
async function seed(store: SqliteStore): Promise<void> {
  const search = (query: string, resultCount = 0, lang = 'en'): ListeningEvent => ({ type: 'search', query, lang, resultCount });
  // One gap typed four ways (case, accents, spaces, plural), the week before and this week.
  await add(store, '2026-11-10', search('refund gift card'));
  await add(store, '2026-11-20', search('Refund gift cards'), 2);
  await add(store, '2026-11-21', search('réfund   GIFT card'));
  await add(store, '2026-11-22', search('refund gift card'), 2);
  await add(store, '2026-11-22', search('e-bike battery range'), 2);
  await add(store, '2026-11-22', search('"$(rm -rf ~)"; echo `id` | tee !x'));
  await add(store, '2026-11-22', search('brakes squeal', 3), 4);
  // Shares every topic word with an existing article: a keyword is missing, not an article.
  await add(store, '2026-11-22', search('Money back'));
  // Votes: puncture 3 of 4 "no", refund 5 of 10, ways-to-pay 1 of 1 (too few to rank).
  const vote = (article: string, answer: 'yes' | 'no', extra: Partial<Extract<ListeningEvent, { type: 'vote' }>> = {}): ListeningEvent => ({ type: 'vote', article, lang: 'en', vote: answer, ...extra });
  await add(store, '2026-11-21', vote('fix-a-puncture', 'no', { reason: 'missing-information', comment: XSS }));
  await add(store, '2026-11-21', vote('fix-a-puncture', 'no', { reason: 'missing-information', comment: FENCE_BREAKER }), 1);
  await add(store, '2026-11-22', vote('fix-a-puncture', 'no', { reason: 'inaccurate', comment: FORMULA }));
  await add(store, '2026-11-22', vote('fix-a-puncture', 'yes'));
  await add(store, '2026-11-20', vote('get-a-refund', 'no'), 5);
  await add(store, '2026-11-20', vote('get-a-refund', 'yes'), 5);
  await add(store, '2026-11-22', vote('ways-to-pay', 'no', { reason: 'broken-link' }));
  // Contacts: after the refund article (phone ×3, email ×1) and after a search.
  await add(store, '2026-11-22', { type: 'contact', channel: 'phone', lang: 'en', article: 'get-a-refund' }, 3);
  await add(store, '2026-11-22', { type: 'contact', channel: 'email', lang: 'en', article: 'get-a-refund' });
  await add(store, '2026-11-22', { type: 'contact', channel: 'chat', lang: 'en', query: 'Refund gift card' }, 2);
}

describe('report: query grouping', () => {
  test('case, accents, punctuation, spaces and simple plurals group together; word order does not', () => {
    const key = normaliseQuery('refund gift card', 'en');
    for (const q of ['Refund Gift Cards', '  réfund   GIFT card ', 'refund, gift-card!']) assert.equal(normaliseQuery(q, 'en'), key, q);
    assert.notEqual(normaliseQuery('card gift refund', 'en'), key);
    assert.equal(normaliseQuery('Batteries', 'en'), 'battery');
    assert.equal(normaliseQuery('addresses', 'en'), 'address');
    assert.equal(normaliseQuery('boxes', 'en'), 'box');
    assert.equal(normaliseQuery('news status class', 'en'), 'news status class');
    assert.equal(normaliseQuery('Facturas', 'es'), 'factura');
    assert.equal(normaliseQuery('Rechnungen', 'de'), 'rechnungen');
  });

  test('a suggested title is safe to paste into a shell', () => {
    assert.equal(shellSafeTitle('"$(rm -rf ~)"; echo `id` | tee !x'), 'Rm -rf ~ echo id tee x'.replace('~', '').replace(/\s+/g, ' '));
    assert.doesNotMatch(shellSafeTitle('a"b$c`d\\e!f'), /["$`\\!]/);
    assert.equal(shellSafeTitle('how do I get my money back?'), 'How do I get my money back?');
  });
});

describe('report: from a seeded database', () => {
  let report: ListeningReport;
  let dbFile: string;
  let contentDir: string;
  before(async () => {
    dbFile = path.join(scratchDir(), 'listening.sqlite');
    const store = openSqliteStore(dbFile);
    await seed(store);
    await store.closeDays('2026-11-22');
    const data = await store.read(reportStart(TO, 28), TO);
    await store.close();
    contentDir = writeContent();
    report = buildReport(data, { to: TO, days: 28, minVotes: 3, content: readContentIndex(contentDir, path.dirname(contentDir)), generatedAt: new Date('2026-11-22T18:00:00Z') });
  });

  test('zero-result searches are grouped, ranked by count, with the spelling most used and a ready command', () => {
    const [first, second] = report.zeroResults;
    assert.equal(first?.count, 6);
    assert.equal(first?.label, 'refund gift card');
    assert.deepEqual(first?.spellings.map((s) => s.count), [3, 2, 1]);
    assert.equal(first?.suggestion?.command, 'npm run new -- "Refund gift card" --category billing');
    assert.equal(first?.nearest, undefined, 'one word of three in common is not an answer');
    assert.equal(first?.lastSeen, '2026-11-22');
    assert.equal(second?.label, 'e-bike battery range');
    assert.equal(second?.suggestion?.category, undefined, 'no category mentions e-bikes');
    assert.equal(second?.suggestion?.command, 'npm run new -- "E-bike battery range" --category CATEGORY');
    assert.equal(report.zeroResults.length, 4);
    assert.equal(report.zeroResults.find((g) => g.key === 'money back')?.nearest?.slug, 'get-a-refund');
    assert.deepEqual(report.notOpened.map((g) => [g.label, g.count]), [['brakes squeal', 4]]);
  });

  test('articles are ranked by "not helpful" share, with reasons; few votes are listed apart', () => {
    assert.deepEqual(report.articles.map((a) => [a.slug, a.no, a.yes]), [['fix-a-puncture', 3, 1], ['get-a-refund', 5, 5]]);
    assert.deepEqual(report.articles[0]?.reasons, [{ reason: 'missing-information', count: 2 }, { reason: 'inaccurate', count: 1 }]);
    assert.equal(report.articles[0]?.article?.file, 'content/articles/repairs/fix-a-puncture.md');
    assert.equal(report.articles[0]?.url, 'https://help.example.com/articles/fix-a-puncture/');
    assert.deepEqual(report.fewVotes.map((a) => a.slug), ['ways-to-pay']);
  });

  test('contacts are ranked by source with their channels', () => {
    assert.deepEqual(report.contactArticles.map((c) => [c.label, c.count, c.channels]), [['Get a refund', 4, [{ channel: 'phone', count: 3 }, { channel: 'email', count: 1 }]]]);
    assert.deepEqual(report.contactSearches.map((c) => [c.label, c.count]), [['Refund gift card', 2]]);
  });

  test('trends compare seven-day windows and find the rising gaps', () => {
    assert.equal(report.trends.length, 8);
    const [previous, last] = report.trends.slice(-2);
    assert.deepEqual(previous, { from: '2026-11-09', to: '2026-11-15', noResults: 1, notOpened: 0, helpful: 0, notHelpful: 0, contacts: 0 });
    assert.deepEqual(last, { from: '2026-11-16', to: '2026-11-22', noResults: 9, notOpened: 4, helpful: 6, notHelpful: 9, contacts: 6 });
    assert.deepEqual(report.rising.map((r) => [r.group.label, r.thisWeek, r.lastWeek]), [['refund gift card', 5, 1], ['e-bike battery range', 2, 0], ['Money back', 1, 0], ['"$(rm -rf ~)"; echo `id` | tee !x', 1, 0]]);
  });

  test('the first actions name the biggest gap, the least helpful article and the commonest reason to call', () => {
    const text = report.actions.map((parts) => parts.map((p) => (typeof p === 'string' ? p : `[${p.reader}]`)).join(''));
    assert.deepEqual(text, [
      'Readers searched for [refund gift card] 6 times and found nothing: start an article.',
      'Fix “Fix a puncture” (content/articles/repairs/fix-a-puncture.md): 3 of 4 readers said it did not help, most often “missing information”.',
      '4 readers contacted a person after reading “Get a refund”: find out what they still needed.',
    ]);
  });

  test('HTML shows comments as escaped text and can run no script', () => {
    const html = renderHtml(report);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;'));
    assert.doesNotMatch(html, /<script|<img|onerror=alert\(2\)>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.ok(html.includes('&quot;$(rm -rf ~)&quot;; echo `id` | tee !x'));
  });

  test('Markdown keeps reader text inert: code spans for queries, a longer fence for comments', () => {
    const md = renderMarkdown(report);
    assert.ok(md.includes('````text\n'), 'the fence is longer than the ``` inside a comment');
    assert.ok(md.includes(`\n${FENCE_BREAKER}\n`));
    assert.ok(md.includes(XSS), 'inside a code block HTML is shown, not run');
    for (const line of md.split('\n').filter((l) => l.includes('<script>'))) assert.ok(!line.startsWith('|'), 'no HTML outside a code block');
    assert.ok(md.includes('| 1 | ` refund gift card ` | en | 6 |'));
    assert.ok(md.includes(markdownReader('"$(rm -rf ~)"; echo `id` | tee !x')));
    assert.ok(md.includes('``  "$(rm -rf ~)"; echo `id` \\| tee !x  ``') || md.includes('`` "$(rm -rf ~)"; echo `id` \\| tee !x ``'));
    assert.ok(md.includes('` npm run new -- "Refund gift card" --category billing ` |'));
    assert.ok(md.includes('` Money back ` | en | 1 | — | 2026-11-22 | ` npm run new -- "Money back" --category billing `<br>or add the words to `content/articles/billing/get-a-refund.md` |'));
    assert.ok(md.includes('CATEGORY: no category\'s words matched the query; use one of `billing`, `repairs`.'));
  });

  test('CSV quotes every text cell and defuses formulas', () => {
    const files = renderCsvFiles(report);
    assert.deepEqual(Object.keys(files).sort(), ['articles.csv', 'comments.csv', 'contacts.csv', 'not-opened.csv', 'trends.csv', 'zero-results.csv']);
    const comments = files['comments.csv']!;
    assert.ok(comments.includes(`"'=HYPERLINK(""https://evil.example"",""click"")"`));
    assert.ok(comments.startsWith('\uFEFF"day","article"'));
    assert.ok(files['zero-results.csv']!.includes('1,"en","refund gift card",6,"Refund gift cards (2); réfund   GIFT card (1)","2026-11-22","npm run new -- ""Refund gift card"" --category billing",""\r\n'));
    assert.ok(files['zero-results.csv']!.includes('4,"en","""$(rm -rf ~)""; echo `id` | tee !x",1,"","2026-11-22","npm run new -- ""Rm -rf echo id tee x"" --category CATEGORY",""'));
  });

  test('npm run report gives the same report from the database and from its export', () => {
    const env = { ...process.env, HANDRAIL_CONTENT_DIR: contentDir };
    const run = (args: string[]) => spawnSync(process.execPath, ['scripts/report.ts', ...args], { cwd: projectRoot, env, encoding: 'utf8' });
    const fromDb = path.join(scratchDir(), 'db');
    const db = run(['--db', dbFile, '--to', TO, '--min-votes', '3', '--out', fromDb]);
    assert.equal(db.status, 0, db.stderr);
    assert.equal(db.stderr, '', 'no warnings');
    assert.match(db.stdout, /Listening report, 2026-10-26 to 2026-11-22: 10 searches found nothing \(4 different\), 9 “not helpful” votes, 6 contacts\./);
    const exportFile = path.join(scratchDir(), 'export.json');
    const exported = spawnSync(process.execPath, ['scripts/listen.ts', 'export', exportFile, '--days', '56'], { cwd: projectRoot, env: { ...env, HANDRAIL_COLLECTOR_DB: dbFile }, encoding: 'utf8' });
    assert.equal(exported.status, 0, exported.stderr);
    const fromExport = path.join(scratchDir(), 'export');
    const viaExport = run(['--from', exportFile, '--to', TO, '--min-votes', '3', '--out', fromExport]);
    assert.equal(viaExport.status, 0, viaExport.stderr);
    const withoutStamp = (file: string) => readFileSync(file, 'utf8').replace(/on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/, '');
    assert.equal(withoutStamp(path.join(fromExport, 'report.md')), withoutStamp(path.join(fromDb, 'report.md')));
    for (const name of ['report.html', 'zero-results.csv', 'articles.csv', 'comments.csv']) assert.ok(readFileSync(path.join(fromDb, name), 'utf8').length > 0);
  });

  test('npm run report says what to do when there is no database or the export is not one', () => {
    const missing = spawnSync(process.execPath, ['scripts/report.ts', '--db', path.join(scratchDir(), 'none.sqlite')], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^Could not open the listening database at .*none\.sqlite: .*\nIs the collector's database elsewhere\? Set HANDRAIL_COLLECTOR_DB or pass --db, or report from an export with --from\.\n$/);
    const bogus = path.join(scratchDir(), 'bogus.json');
    writeFileSync(bogus, '{"format":"something-else"}');
    const wrong = spawnSync(process.execPath, ['scripts/report.ts', '--from', bogus], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /bogus\.json is not a Handrail listening export \(at format: .*\)\. Make one with npm run listen -- export <file>\./);
  });
});
