import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import config from '../../astro.config.mjs';
import { createMdxArticleRenderer } from '../../src/node/markdown/mdx-articles.ts';
import { hostileArticle } from '../fixtures/hostile/article.ts';
import { markdownDefinitions, markdownImportPayloads, markdownPayloads, mdxCodePayloads, mdxHtmlPayloads } from '../fixtures/hostile/payloads.ts';

/**
 * The render pipeline alone, without the content check: the very Markdown
 * processor astro.config.mjs gives Astro (which also renders .mdx, reading MDX syntax), fed
 * every payload. What comes out is judged by rules written here, not by
 * the allowlist module, so a mistake in the allowlist cannot hide itself.
 */
type Renderer = { render(content: string, options: { fileURL: URL }): Promise<{ code: string }> };
const processor = (config.markdown as unknown as { processor: { createRenderer(shared: object): Promise<Renderer> } }).processor;
const mdxRenderer = () => createMdxArticleRenderer(config.markdown as Parameters<typeof createMdxArticleRenderer>[0], {}) as Promise<Renderer>;

const FORBIDDEN_ELEMENTS = ['script', 'style', 'iframe', 'object', 'embed', 'form', 'button', 'textarea', 'select', 'link', 'meta', 'base', 'svg', 'math', 'video', 'audio', 'source', 'template', 'noscript', 'map', 'area', 'marquee', 'isindex', 'x-widget', 'picture'];

/** Everything in rendered HTML that could run, load from elsewhere or take over the page. */
function liveThings(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    if (FORBIDDEN_ELEMENTS.includes(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (/^on/i.test(name)) found.push(`${name} on <${node.tagName}>`);
      if (['style', 'srcSet', 'poster', 'background', 'ping', 'target', 'formAction', 'action', 'xLinkHref', 'name', 'dataEndpoint'].includes(name)) found.push(`${name} on <${node.tagName}>`);
      if (name === 'id' && !/^(?:user-content-fn(?:ref)?-[\w-]+|footnote-label)$/.test(text)) found.push(`id="${text}"`);
      if (name === 'src' && !/^\/[^/\\]/.test(text)) found.push(`src="${text}"`);
      if (name === 'src' && /(?:^|\/)\.\.?(?:\/|$)/.test(decodeURIComponent(text))) found.push(`src="${text}"`);
      if (name === 'href' && !/^(?:https?:\/\/|mailto:|tel:|#|\/[^/\\])/.test(text)) found.push(`href="${text}"`);
      if (name === 'href' && /(?:^|\/)\.\.?(?:\/|$)/i.test(decodeURIComponent(text))) found.push(`href="${text}"`);
    }
  });
  if (/javascript:|vbscript:|__pwned/i.test(html.replace(/<[^>]*>/g, (tag) => tag).replace(/>[^<]*</g, '><'))) found.push('code in an attribute');
  return found;
}

describe('the render pipeline alone neutralises every payload', () => {
  test(`.md: ${markdownPayloads.length} payloads and a hidden reference definition`, async () => {
    const renderer = await processor.createRenderer({});
    const article = hostileArticle('Hostile', markdownPayloads, markdownDefinitions);
    const body = article.text.split('---\n').slice(2).join('---\n');
    const { code } = await renderer.render(body, { fileURL: new URL('file:///content/articles/billing/hostile.md') });
    assert.deepEqual(liveThings(code), []);
    assert.doesNotMatch(code, /evil\.example\/(?:track|x|p|v|a|i|bg)\./, 'nothing is loaded from another site');
    assert.match(code, /Reset your password/, 'the text around the payloads is kept');
  });

  test(`.mdx: ${mdxHtmlPayloads.length} lower-case elements and component misuses render to plain markup`, async () => {
    const renderer = await mdxRenderer();
    const article = hostileArticle('Hostile', mdxHtmlPayloads.filter((p) => p.category !== 'component misuse'));
    const body = article.text.split('---\n').slice(2).join('---\n');
    const { code } = await renderer.render(body, { fileURL: new URL('file:///content/articles/billing/hostile.mdx') });
    assert.deepEqual(liveThings(code), []);
    assert.doesNotMatch(code, /__pwned|evil\.example|javascript|onerror|onclick|class="x"/i);
    // A form field becomes what GFM task lists render: a disabled checkbox.
    const inputs = code.match(/<input[^>]*>/g) ?? [];
    for (const input of inputs) assert.match(input, /^<input type="checkbox" disabled>$/);
    assert.match(code, /Reset your password/, 'the text around the payloads is kept');
  });

  const refused = [
    ...mdxCodePayloads.map((p) => ({ ...p, format: 'mdx' as const })),
    ...markdownImportPayloads.map((p) => ({ ...p, format: 'md' as const })),
    { category: 'component misuse', text: mdxHtmlPayloads.find((p) => p.category === 'component misuse')!.text, format: 'mdx' as const },
  ];
  for (const payload of refused) {
    test(`refused at build, with the writer's message: ${payload.text}`, async () => {
      const file = `/content/articles/billing/hostile.${payload.format}`;
      const body = `Text before.\n\n${payload.text}\n`;
      const attempt =
        payload.format === 'mdx'
          ? (await mdxRenderer()).render(body, { fileURL: new URL(`file://${file}`) })
          : (await processor.createRenderer({})).render(body, { fileURL: new URL(`file://${file}`) });
      await assert.rejects(attempt, (error: Error) => {
        assert.match(error.message, /was not built: it holds something that would run as code\./);
        assert.match(error.message, /:3:\d+ error: /, 'names the line');
        assert.match(error.message, /Fix: {6}/);
        return true;
      });
    });
  }
});
