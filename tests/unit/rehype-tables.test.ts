/**
 * Table regions in rendered Markdown are named after what each table is
 * about (its caption, or the heading above it), so an article with several
 * tables of the same columns does not give screen readers several regions
 * with one name (axe landmark-unique).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { rehypeHandrail } from '../../src/node/markdown/rehype-handrail.ts';

const table = (caption = '') => `<table>${caption ? `<caption>${caption}</caption>` : ''}<thead><tr><th>Way you paid</th><th>Refund time</th></tr></thead><tbody><tr><td>Card</td><td>3 days</td></tr></tbody></table>`;

/** The accessible names of the table regions, in document order. */
function regionNames(html: string): string[] {
  const tree = fromHtml(html, { fragment: true });
  rehypeHandrail({ base: '/', tableLabel: 'Table' })(tree as never);
  return [...toHtml(tree).matchAll(/<div class="table-scroll" role="region" tabindex="0" aria-label="([^"]*)"/g)].map((m) => m[1]!);
}

describe('table regions', () => {
  test('tables with the same columns under different headings are named after their headings', () => {
    assert.deepEqual(regionNames(`<h2>Online orders</h2>${table()}<h2>Shop purchases</h2><p>In the shop:</p>${table()}<h3>Gift cards</h3>${table()}`), [
      'Table: Online orders',
      'Table: Shop purchases',
      'Table: Gift cards',
    ]);
  });

  test('a caption names its table before any heading does', () => {
    assert.deepEqual(regionNames(`<h2>Refunds</h2>${table('Refund times by card')}${table()}`), ['Table: Refund times by card', 'Table: Refunds']);
  });

  test('two tables under one heading are numbered, so every name is unique', () => {
    const names = regionNames(`<h2>Refund times</h2>${table()}${table()}`);
    assert.deepEqual(names, ['Table: Refund times', 'Table: Refund times (2)']);
  });

  test('a table inside a block (a callout) takes the heading before the block', () => {
    assert.deepEqual(regionNames(`<h2>Deposits</h2><div class="callout"><p>Note</p>${table()}</div>`), ['Table: Deposits']);
  });

  test('with no caption or heading, the column headers name it', () => {
    assert.deepEqual(regionNames(table()), ['Table: Way you paid, Refund time']);
  });
});
