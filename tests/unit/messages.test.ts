import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localDateTimeToMs, noticeWindow } from '../../src/shared/announcements.ts';
import { formatAnnotation, formatProblem, sortProblems, summariseProblems, type Problem } from '../../src/shared/problems.ts';
import { editDistance, suggestClosest } from '../../src/shared/suggest.ts';
import { recordSearch, readVisitContext, updateVisitContext, VISIT_CONTEXT_KEY, type KeyValueStore } from '../../src/shared/visit-context.ts';
import { splitFrontmatter } from '../../src/node/check/yaml-source.ts';

const problem: Problem = {
  file: 'content/articles/billing/refunds.md',
  line: 3,
  column: 1,
  field: 'title',
  message: 'is too long (94 characters)',
  received: 'x'.repeat(94),
  allowed: 'a title of at most 80 characters',
  fix: 'Shorten it.',
  severity: 'error',
};

describe('problem wording', () => {
  test('file:line:column, field, received, allowed and fix', () => {
    assert.equal(
      formatProblem(problem),
      [
        'content/articles/billing/refunds.md:3:1 error: "title": is too long (94 characters)',
        `    Received: "${'x'.repeat(57)}…" (94 characters)`,
        '    Allowed:  a title of at most 80 characters',
        '    Fix:      Shorten it.',
      ].join('\n'),
    );
  });

  test('GitHub annotation on the pull request line', () => {
    assert.equal(
      formatAnnotation({ ...problem, received: 'short' }),
      '::error file=content/articles/billing/refunds.md,line=3,col=1::"title": is too long (94 characters)%0AReceived: "short"%0AAllowed: a title of at most 80 characters%0AFix: Shorten it.',
    );
  });

  test('sorted by file and line, and counted', () => {
    const list = [{ ...problem, line: 9 }, { ...problem, file: 'content/a.yaml', severity: 'warning' as const }, problem];
    assert.deepEqual(sortProblems(list).map((p) => `${p.file}:${p.line}`), ['content/a.yaml:3', 'content/articles/billing/refunds.md:3', 'content/articles/billing/refunds.md:9']);
    assert.equal(summariseProblems(list), '2 errors and 1 warning');
  });
});

describe('suggestions', () => {
  test('edit distance and closest match', () => {
    assert.equal(editDistance('tittle', 'title'), 1);
    assert.equal(suggestClosest('tittle', ['title', 'description']), 'title');
    assert.equal(suggestClosest('xyz', ['title', 'description']), undefined);
  });

  test('two swapped neighbouring letters count as one edit', () => {
    assert.equal(editDistance('yc', 'cy'), 1);
    assert.equal(editDistance('qurey', 'query'), 1);
    assert.equal(suggestClosest('yc', ['cy', 'ar']), 'cy');
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});

describe('front matter split', () => {
  test('keeps body line numbers', () => {
    const { frontmatter, body, bodyStartLine } = splitFrontmatter('---\ntitle: A\n---\n\nHello');
    assert.equal(frontmatter, 'title: A');
    assert.equal(body, '\nHello');
    assert.equal(bodyStartLine, 4);
    assert.equal(splitFrontmatter('No front matter').frontmatter, null);
  });
});

describe('visit context', () => {
  const memory = (): KeyValueStore & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  };

  test('records searches, newest last, without repeats, at most five', () => {
    const store = memory();
    for (const q of ['refund', 'Refund', 'a', 'b', 'c', 'd', 'e']) recordSearch(store, q, q === 'e' ? 0 : 2);
    assert.deepEqual(readVisitContext(store).searches?.map((s) => s.query), ['a', 'b', 'c', 'd', 'e']);
    recordSearch(store, '   ', 0);
    assert.equal(readVisitContext(store).searches?.length, 5);
  });

  test('merges changes and survives broken or blocked storage', () => {
    const store = memory();
    updateVisitContext(store, { tried: 'restarting' });
    updateVisitContext(store, { missing: 'prices' });
    assert.deepEqual(readVisitContext(store), { searches: [], tried: 'restarting', missing: 'prices' });
    store.data.set(VISIT_CONTEXT_KEY, '{not json');
    assert.deepEqual(readVisitContext(store), { searches: [] });
    const blocked: KeyValueStore = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    assert.deepEqual(updateVisitContext(blocked, { tried: 'x' }), { searches: [], tried: 'x' });
    assert.deepEqual(readVisitContext(undefined), { searches: [] });
  });
});

describe('notices', () => {
  const notice = { severity: 'warning' as const, title: 'Phones down', message: 'Use chat.', start: '2026-03-29 00:30', end: '2026-03-29 03:00' };
  test('times are read in the site time zone, across the clock change', () => {
    // London: 00:30 is GMT; 03:00 is after the change to BST.
    assert.equal(new Date(localDateTimeToMs(notice.start, 'Europe/London')).toISOString(), '2026-03-29T00:30:00.000Z');
    assert.equal(new Date(localDateTimeToMs(notice.end, 'Europe/London')).toISOString(), '2026-03-29T02:00:00.000Z');
  });
  test('a notice without an end has an open window', () => {
    assert.deepEqual(noticeWindow({ ...notice, end: undefined }, 'Europe/London'), { start: Date.parse('2026-03-29T00:30:00Z'), end: undefined });
    assert.deepEqual(noticeWindow(notice, 'America/New_York'), { start: Date.parse('2026-03-29T04:30:00Z'), end: Date.parse('2026-03-29T07:00:00Z') });
  });
});
