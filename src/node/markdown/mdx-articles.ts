import { unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import type { Root, RootContent } from 'mdast';
import type {} from 'mdast-util-mdx';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';

type MarkdownConfig = AstroConfig['markdown'];
type Shared = Parameters<MarkdownConfig['processor']['createRenderer']>[0];
type Renderer = Awaited<ReturnType<MarkdownConfig['processor']['createRenderer']>>;

/** Tabs, spaces and line breaks only: the space between components on one line. */
const BLANK = /^[\t\n\f\r ]*$/;

/**
 * A paragraph that holds nothing but components (`<Image … />` on a line of
 * its own, or two side by side) is not a paragraph: MDX's compiler lifts the
 * components out (its remark-mark-and-unravel step), so a figure is never
 * drawn inside a `<p>`. The same here, before the guard turns them into HTML.
 */
export function remarkUnravelComponents() {
  return (tree: Root): void => {
    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const isComponent = (child: RootContent) => child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression';
      const components = node.children.filter(isComponent);
      const onlyComponents = components.length > 0 && node.children.every((child) => isComponent(child) || (child.type === 'text' && BLANK.test(child.value)));
      if (!onlyComponents) return;
      const lifted = components.map((child) => ({ ...child, type: child.type === 'mdxJsxTextElement' ? 'mdxJsxFlowElement' : 'mdxFlowExpression' }) as RootContent);
      parent.children.splice(index, 1, ...lifted);
      return index;
    });
  };
}

/**
 * The renderer for `.mdx` articles: the site's Markdown processor (the same
 * plugins, guard, sanitizer and typography as `.md`) reading MDX syntax.
 * Articles hold no code (the guard refuses imports, exports and
 * expressions, and turns writer components into plain HTML), so an MDX
 * article needs no compiling: it is rendered to HTML once, in the content
 * layer, and stored with the entry like a `.md` one — a rebuild renders
 * only the articles whose text changed.
 */
export async function createMdxArticleRenderer(markdown: Pick<MarkdownConfig, 'processor'>, shared: Shared): Promise<Renderer> {
  const { options } = markdown.processor as { options: Parameters<typeof unified>[0] & object };
  return unified({ ...options, remarkPlugins: [remarkMdx, remarkUnravelComponents, ...(options.remarkPlugins ?? [])] }).createRenderer(shared);
}
