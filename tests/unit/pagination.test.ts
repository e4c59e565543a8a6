import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageParam, pagePath, pagerNumbers, paginate, PAGE_SIZE } from '../../src/shared/pagination.ts';
import { sitemapEntries } from '../../src/shared/sitemap.ts';
import { articleSchema } from '../../src/schemas/article.ts';

describe('pagination', () => {
  test('splits into pages of the page size; an empty list has one page', () => {
    const pages = paginate(Array.from({ length: 120 }, (_, i) => i));
    assert.deepEqual(pages.map((p) => [p.number, p.total, p.items.length]), [[1, 3, 50], [2, 3, 50], [3, 3, 20]]);
    assert.deepEqual(paginate([]), [{ number: 1, total: 1, items: [] }]);
    assert.equal(PAGE_SIZE, 50);
  });

  test('page 1 keeps the list address', () => {
    assert.equal(pagePath('/categories/billing/', 1), '/categories/billing/');
    assert.equal(pagePath('/categories/billing/', 3), '/categories/billing/page/3/');
    assert.equal(pageParam(1), undefined);
    assert.equal(pageParam(2), 'page/2');
  });

  test('the pager shows first, last and the neighbourhood of the current page', () => {
    assert.deepEqual(pagerNumbers(1, 1), [1]);
    assert.deepEqual(pagerNumbers(1, 4), [1, 2, 3, 4]);
    assert.deepEqual(pagerNumbers(10, 20), [1, null, 8, 9, 10, 11, 12, null, 20]);
    assert.deepEqual(pagerNumbers(2, 20), [1, 2, 3, 4, null, 20]);
  });

  test('the sitemap lists every page of a big category and the letter pages of a big A–Z', () => {
    const articles = Array.from({ length: 320 }, (_, i) => ({
      ...articleSchema.parse({ title: `${String.fromCharCode(97 + (i % 3))} article ${i}`, description: 'd' }),
      slug: `a-${i}`,
      category: i < 120 ? 'billing' : 'orders',
      sourcePath: '',
    }));
    const paths = sitemapEntries([{ slug: 'billing', title: 'B', description: 'd', order: 1 }], articles).map((e) => e.path);
    assert.ok(paths.includes('/categories/billing/page/3/'));
    assert.ok(!paths.includes('/categories/billing/page/4/'));
    assert.ok(paths.includes('/a-z/a/page/3/'));
    assert.ok(paths.includes('/a-z/c/'));
  });
});
