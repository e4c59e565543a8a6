import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articlePageKey, listPageKey, siteKey } from '../../src/data/page-keys.ts';
import type { ArticleSummary } from '../../src/shared/help-center.ts';

const article = (slug: string, title: string, extra: Partial<ArticleSummary> = {}): ArticleSummary =>
  ({ slug, title, description: `About ${title}.`, category: 'billing', sourcePath: `content/articles/billing/${slug}.md`, order: 0, related: [], draft: false, keywords: [], tags: [], redirect_from: [], ...extra }) as unknown as ArticleSummary;

function center(articles: ArticleSummary[]) {
  return {
    bySlug: new Map(articles.map((a) => [a.slug, a])),
    byCategory: new Map([['billing', articles]]),
    references: new Map(articles.map((a, i) => [a.slug, `B${i}`])),
  };
}

describe('incremental build keys', () => {
  const site = { site: { name: 'Help', timeZone: 'Europe/London' }, contact: { channels: [{ value: '020 7946 0321' }] }, notices: [], synonymGroups: [['refund', 'money back']], categories: [{ slug: 'billing', title: 'Billing' }] };
  const a = article('a', 'Refunds', { related: ['c'] });
  const b = article('b', 'Invoices');
  const c = article('c', 'Payments');
  const closure = { severity: 'warning', title: 'Phones closed', message: 'Phone lines are closed for training.', start: '2026-03-02 09:00', end: '2026-03-02 12:00' };
  const key = (list: ArticleSummary[], of = list[0]!, digest = 'd1', s = siteKey(site as never), today = new Date('2026-01-01')) => articlePageKey(of, digest, center(list), s, today);

  test('the same data gives the same key', () => {
    assert.equal(key([a, b, c]), key([a, b, c]));
  });

  test('a page\'s key changes with anything it shows', () => {
    const base = key([a, b, c]);
    assert.notEqual(key([a, b, c], a, 'd2'), base, 'its own file');
    assert.notEqual(key([{ ...a, title: 'Refunds and returns' }, b, c]), base, 'its front matter');
    assert.notEqual(key([a, { ...b, title: 'Bills' }, c]), base, 'the next article\'s title');
    assert.notEqual(key([a, b, { ...c, title: 'Paying' }]), base, 'a related article\'s title');
    assert.notEqual(key([b, a, c], a), base, 'its neighbours');
    // The pager steps over related articles: c is related to a, so [a, c, b] shows the same pager (next: b).
    assert.equal(key([a, c, b]), base, 'a related article moving next to it');
    assert.notEqual(key([a, b, c], a, 'd1', siteKey({ ...site, contact: { channels: [{ value: '020 7946 0999' }] } } as never)), base, 'the contact details');
    assert.notEqual(key([a, b, c], a, 'd1', siteKey({ ...site, notices: [closure] } as never)), base, 'a notice');
    // content/translations/*.yaml: interface wording, callout titles and table labels, and the site's name in a language.
    assert.equal(key([a, b, c], a, 'd1', siteKey(site as never, {})), base, 'no strings files is no change');
    assert.notEqual(key([a, b, c], a, 'd1', siteKey(site as never, { cy: { 'callout.tip': 'Cyngor da' } })), base, 'a strings file');
    assert.notEqual(
      siteKey(site as never, { cy: { 'callout.tip': 'Cyngor da' } }),
      siteKey(site as never, { cy: { 'callout.tip': 'Awgrym' } }),
      'an override changing its wording',
    );
    assert.notEqual(siteKey({ ...site, site: { name: 'Cymorth' } } as never), siteKey({ ...site, site: { name: 'Help' } } as never), 'the site name in the page language');
    const due = article('a', 'Refunds', { related: ['c'], review_by: new Date('2026-06-01') } as Partial<ArticleSummary>);
    assert.notEqual(key([due, b, c], due, 'd1', undefined, new Date('2026-07-01')), key([due, b, c], due, 'd1', undefined, new Date('2026-05-01')), 'passing its review date');
  });

  test('a notice starting or ending between builds changes every page\'s key, and nothing else about time does', () => {
    const at = (when: string) => siteKey({ ...site, notices: [closure] } as never, {}, Date.parse(when));
    // 09:00 and 12:00 in London on 2 March are 09:00 and 12:00 UTC (no summer time yet).
    const before = at('2026-03-02T08:59:00Z');
    const during = at('2026-03-02T09:01:00Z');
    const after = at('2026-03-02T12:01:00Z');
    assert.notEqual(before, during, 'the notice has started: pages no longer hide it');
    assert.notEqual(during, after, 'the notice has ended: pages leave it out');
    assert.equal(at('2026-03-02T09:30:00Z'), during, 'within the same state the key is the same');
    assert.equal(at('2026-05-01T00:00:00Z'), after, 'a later build of ended notices reuses pages');
  });

  test('a list page\'s key changes with what it lists, never with an article\'s body', () => {
    const s = siteKey(site as never);
    const base = listPageKey(s, 'en', [a, b, c]);
    assert.equal(listPageKey(s, 'en', [a, b, c]), base);
    assert.notEqual(listPageKey(s, 'en', [{ ...a, title: 'Refunds and returns' }, b, c]), base, 'a listed title');
    assert.notEqual(listPageKey(s, 'en', [{ ...a, description: 'Money back.' }, b, c]), base, 'a listed description');
    assert.notEqual(listPageKey(s, 'en', [b, a, c]), base, 'the order');
    assert.notEqual(listPageKey(s, 'cy', [a, b, c]), base, 'the language');
    assert.notEqual(listPageKey(siteKey({ ...site, categories: [{ slug: 'billing', title: 'Bills' }] } as never), 'en', [a, b, c]), base, 'a category title');
  });

  test('a change elsewhere leaves the key alone', () => {
    const list = [a, b, c, article('d', 'Deliveries'), article('e', 'Exchanges')];
    assert.equal(key(list), key([...list.slice(0, 4), { ...list[4]!, title: 'Swaps' }]));
  });
});
