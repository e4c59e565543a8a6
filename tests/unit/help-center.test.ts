import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  articleCrumbs,
  articleJsonLd,
  breadcrumbJsonLd,
  categoryNeighbours,
  pagerNeighbours,
  countByCategory,
  editUrl,
  formatDate,
  groupByLetter,
  publishedOnly,
  relatedArticles,
  serializeJsonLd,
  sortArticles,
  tableOfContents,
  type ArticleSummary,
} from '../../src/shared/help-center.ts';
import { parseInternalLink, routes, withBase } from '../../src/shared/routes.ts';
import { sitemapEntries, sitemapXml } from '../../src/shared/sitemap.ts';
import { articleSchema } from '../../src/schemas/article.ts';

function article(slug: string, data: Record<string, unknown> = {}): ArticleSummary {
  const { category = 'billing', ...frontmatter } = data;
  const parsed = articleSchema.parse({ title: slug.replace(/-/g, ' '), description: `About ${slug}.`, ...frontmatter });
  return { ...parsed, slug, category: category as string, sourcePath: `content/articles/${category}/${slug}.md` };
}

describe('article schema', () => {
  test('fills defaults', () => {
    const data = articleSchema.parse({ title: 'Refunds', description: 'Money back.' });
    assert.deepEqual(data, { title: 'Refunds', description: 'Money back.', tags: [], keywords: [], featured: false, order: 100, draft: false, related: [], redirect_from: [] });
  });

  test('accepts a YAML date and a quoted date string, rejects an impossible one', () => {
    assert.equal(articleSchema.parse({ title: 'a', description: 'b', updated: new Date('2026-03-14') }).updated?.toISOString(), '2026-03-14T00:00:00.000Z');
    assert.equal(articleSchema.parse({ title: 'a', description: 'b', updated: '2026-03-14' }).updated?.toISOString(), '2026-03-14T00:00:00.000Z');
    assert.equal(articleSchema.safeParse({ title: 'a', description: 'b', updated: '2026-02-30' }).success, false);
    assert.equal(articleSchema.safeParse({ title: 'a', description: 'b', updated: '14/03/2026' }).success, false);
  });
});

describe('lists', () => {
  test('sort by order, then title', () => {
    const sorted = sortArticles([article('b-second', { order: 2 }), article('zebra', { order: 1 }), article('apple', { order: 2 })]);
    assert.deepEqual(sorted.map((a) => a.slug), ['zebra', 'apple', 'b-second']);
  });

  test('drafts are not published', () => {
    assert.deepEqual(publishedOnly([article('a'), article('b', { draft: true })]).map((a) => a.slug), ['a']);
  });

  test('A–Z groups by first letter, symbols and digits first under #', () => {
    const groups = groupByLetter([{ title: 'banana' }, { title: '2-step codes' }, { title: 'Apple' }, { title: 'émile' }, { title: 'avocado' }]);
    assert.deepEqual(groups.map((g) => [g.letter, g.id, g.articles.map((a) => a.title)]), [
      ['#', 'letter-other', ['2-step codes']],
      ['A', 'letter-a', ['Apple', 'avocado']],
      ['B', 'letter-b', ['banana']],
      ['E', 'letter-e', ['émile']],
    ]);
  });

  test('counts per category and neighbours within a category', () => {
    const list = [article('a'), article('b'), article('c', { category: 'orders' })];
    assert.deepEqual([...countByCategory(list)], [['billing', 2], ['orders', 1]]);
    assert.deepEqual(categoryNeighbours(list[1]!, list.slice(0, 2)), { previous: list[0], next: undefined });
    assert.deepEqual(categoryNeighbours(list[2]!, list.slice(0, 2)), {});
  });

  test('the pager never repeats a related article: it steps over it to the nearest other', () => {
    const list = [article('a'), article('b'), article('c'), article('d'), article('e')];
    assert.deepEqual(pagerNeighbours(list[2]!, list, []), { previous: list[1], next: list[3] });
    assert.deepEqual(pagerNeighbours(list[2]!, list, [{ slug: 'b' }, { slug: 'd' }]), { previous: list[0], next: list[4] });
    assert.deepEqual(pagerNeighbours(list[2]!, list, [{ slug: 'a' }, { slug: 'b' }, { slug: 'd' }, { slug: 'e' }]), { previous: undefined, next: undefined });
    assert.deepEqual(pagerNeighbours(article('z'), list, []), {});
  });

  test('related keeps the writer order and drops drafts', () => {
    const all = new Map([article('a'), article('b', { draft: true }), article('c')].map((a) => [a.slug, a]));
    assert.deepEqual(relatedArticles(article('x', { related: ['c', 'b', 'a'] }), all).map((a) => a.slug), ['c', 'a']);
  });
});

describe('table of contents', () => {
  const h = (depth: number, text: string) => ({ depth, text, slug: text.toLowerCase() });
  test('appears with three or more h2 headings, with h3s nested', () => {
    assert.deepEqual(tableOfContents([h(2, 'A'), h(3, 'A1'), h(2, 'B'), h(4, 'deep'), h(2, 'C')]).map((x) => x.text), ['A', 'A1', 'B', 'C']);
  });
  test('not with fewer', () => {
    assert.deepEqual(tableOfContents([h(2, 'A'), h(3, 'A1'), h(3, 'A2'), h(2, 'B')]), []);
  });
});

describe('metadata', () => {
  test('breadcrumbs and JSON-LD', () => {
    const a = article('get-a-refund', { updated: '2026-05-01', keywords: ['money back'] });
    const crumbs = articleCrumbs('Help center', { slug: 'billing', title: 'Billing', description: 'd', order: 1 }, a);
    assert.deepEqual(crumbs.map((c) => c.path), ['/', '/categories/billing/', '/articles/get-a-refund/']);
    const absolute = (p: string) => `https://help.example.com/help${p}`;
    const list = breadcrumbJsonLd(crumbs, absolute) as { itemListElement: { position: number; item: string }[] };
    assert.deepEqual(list.itemListElement.map((i) => [i.position, i.item]), [
      [1, 'https://help.example.com/help/'],
      [2, 'https://help.example.com/help/categories/billing/'],
      [3, 'https://help.example.com/help/articles/get-a-refund/'],
    ]);
    const ld = articleJsonLd(a, absolute('/articles/get-a-refund/'), 'Acme') as Record<string, unknown>;
    assert.equal(ld['@type'], 'Article');
    assert.equal(ld.dateModified, '2026-05-01');
    assert.equal(ld.keywords, 'money back');
    assert.equal(serializeJsonLd({ a: '</script>' }), '{"a":"\\u003c/script>"}');
  });

  test('dates and edit links', () => {
    assert.equal(formatDate(new Date('2026-10-02'), 'en-GB'), '2 October 2026');
    assert.equal(editUrl({ url: 'https://github.com/acme/help/', branch: 'main' }, 'content/articles/billing/refunds.md'), 'https://github.com/acme/help/edit/main/content/articles/billing/refunds.md');
  });
});

describe('routes and sitemap', () => {
  test('base paths are joined once', () => {
    assert.equal(withBase('/', '/articles/a/'), '/articles/a/');
    assert.equal(withBase('/help/', '/articles/a/'), '/help/articles/a/');
    assert.equal(withBase('/help/', 'relative'), 'relative');
  });

  test('internal links are classified', () => {
    assert.deepEqual(parseInternalLink('/articles/refunds/#how-long'), { type: 'article', slug: 'refunds', hash: 'how-long' });
    assert.deepEqual(parseInternalLink('/categories/billing'), { type: 'category', slug: 'billing', hash: undefined });
    assert.deepEqual(parseInternalLink('/images/a.png'), { type: 'file', path: '/images/a.png' });
    assert.deepEqual(parseInternalLink('/contact'), { type: 'page', path: '/contact/', hash: undefined });
    assert.equal(parseInternalLink('https://example.com/'), undefined);
    assert.equal(parseInternalLink('//example.com/'), undefined);
    assert.equal(routes.article('x'), '/articles/x/');
  });

  test('the sitemap lists fixed pages, categories and published articles only', () => {
    const entries = sitemapEntries([{ slug: 'billing', title: 'B', description: 'd', order: 1 }], [article('a', { updated: '2026-01-02' }), article('b', { draft: true })]);
    assert.deepEqual(entries.map((e) => e.path), ['/', '/a-z/', '/search/', '/contact/', '/accessibility/', '/privacy/', '/categories/billing/', '/articles/a/']);
    const xml = sitemapXml([{ loc: 'https://x.example/a?b&c', lastmod: '2026-01-02' }]);
    assert.match(xml, /<url><loc>https:\/\/x\.example\/a\?b&amp;c<\/loc><lastmod>2026-01-02<\/lastmod><\/url>/);
  });
});
