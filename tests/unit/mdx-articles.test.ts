import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import config from '../../astro.config.mjs';
import { createMdxArticleRenderer } from '../../src/node/markdown/mdx-articles.ts';

/**
 * .mdx articles are rendered to HTML by the site's Markdown processor reading
 * MDX syntax (no compiling): writer components become their markup, and the
 * page gets the same headings as from a .md file.
 */
type Rendered = { code: string; metadata: { headings: Array<{ depth: number; slug: string; text: string }> } };
const renderer = createMdxArticleRenderer(config.markdown as Parameters<typeof createMdxArticleRenderer>[0], {}) as Promise<{ render(body: string, options: { fileURL: URL }): Promise<Rendered> }>;
const render = async (body: string) => (await renderer).render(body, { fileURL: new URL('file:///content/articles/billing/card.mdx') });

describe('.mdx articles render to HTML in the content layer', () => {
  test('writer components become their HTML; a component alone on a line is not wrapped in a paragraph', async () => {
    const { code } = await render('<Callout type="tip" title="Before you start">Have your card ready.</Callout>\n\n<Image src="/images/card.svg" alt="The card\'s back" /> <Image src="/images/pin.svg" decorative />\n\n<Steps>\n\n1. Sign in.\n2. Choose **Cards**.\n\n</Steps>\n');
    assert.match(code, /^<div class="callout callout--tip" role="note"><p class="callout__title">Before you start<\/p>Have your card ready\.<\/div>/, 'on one line, its text is inline, as MDX reads it');
    assert.match(code, /<\/div>\n<figure class="figure"><img src="\/images\/card\.svg" alt="The card(?:'|&#x27;)s back"[^>]*><\/figure>\n?<figure class="figure" role="none"><img src="\/images\/pin\.svg" alt=""[^>]*><\/figure>/, 'a decorative picture without a caption is not announced as a figure');
    assert.doesNotMatch(code, /<p>\s*<figure/);
    assert.match(code, /<div class="steps">\s*<ol>\s*<li>Sign in\.<\/li>\s*<li>Choose <strong>Cards<\/strong>\.<\/li>\s*<\/ol>\s*<\/div>/);
  });

  test('headings, comments and curly quotes as in .md', async () => {
    const { code, metadata } = await render('## If it\'s "declined"\n\n{/* a note for other writers */}\n\nCall us.\n');
    assert.deepEqual(metadata.headings.map((h) => [h.depth, h.slug, h.text]), [[2, 'if-its-declined', 'If it’s “declined”']]);
    assert.doesNotMatch(code, /note for other writers/);
    assert.match(code, /<p>Call us\.<\/p>/);
  });
});
