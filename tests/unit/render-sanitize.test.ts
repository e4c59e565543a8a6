import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import config from '../../astro.config.mjs';
import { hostileArticle } from '../fixtures/hostile/article.ts';
import { markdownDefinitions, markdownImportPayloads, markdownPayloads, mdxCodePayloads, mdxHtmlPayloads } from '../fixtures/hostile/payloads.ts';

/**
 * The render pipeline alone, without the content check: the very Markdown
 * processor astro.config.mjs gives Astro (and @astrojs/mdx extends), fed
 * every payload. What comes out is judged by rules written here, not by
 * the allowlist module, so a mistake in the allowlist cannot hide itself.
 */
type Renderer = { render(content: string, options: { fileURL: URL }): Promise<{ code: string }> };
type MdxRenderer = { process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<{ code: string }> };
const processor = (config.markdown as unknown as { processor: { createRenderer(shared: object): Promise<Renderer>; createMdxRenderer(shared: object, mdx: object): Promise<MdxRenderer> } }).processor;

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

  test(`.mdx: ${mdxHtmlPayloads.length} lower-case elements and component misuses compile to plain markup`, async () => {
    const renderer = await processor.createMdxRenderer({}, { srcDir: new URL('file:///content/') });
    const article = hostileArticle('Hostile', mdxHtmlPayloads.filter((p) => p.category !== 'component misuse'));
    const body = article.text.split('---\n').slice(2).join('---\n');
    const { code } = await renderer.process(body, '/content/articles/billing/hostile.mdx', {});
    assert.deepEqual(code.match(/^import .*$/gm), ['import {Fragment as _Fragment, jsx as _jsx, jsxs as _jsxs} from "astro/jsx-runtime";'], 'the only import is the JSX runtime');
    assert.doesNotMatch(code, /__pwned|evil\.example|javascript|onerror|onclick|style:|dangerouslySetInnerHTML|className: "x"/i);
    assert.doesNotMatch(code, /_jsx\(_components\.(?:script|iframe|form)\b/);
    // A form field becomes what GFM task lists render: a disabled checkbox.
    for (const input of code.match(/_jsx\(_components\.input, \{[^}]*\}/g) ?? []) assert.match(input, /type: "checkbox",\s*disabled: true/);
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
          ? (await processor.createMdxRenderer({}, { srcDir: new URL('file:///content/') })).process(body, file, {})
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
