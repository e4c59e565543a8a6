import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { Root, Nodes } from 'mdast';

/** A link, image or component found in an article body, with its file line. */
export interface BodyReference {
  kind: 'link' | 'image' | 'component';
  /** URL for links and images, component name for components. */
  value: string;
  line?: number;
  column?: number;
  /** For components: attribute name → value (true for a bare attribute, null for an expression). */
  attributes?: Record<string, string | true | null>;
  /** For images: the alt text. */
  alt?: string;
  /** For links: the visible text. */
  text?: string;
}

/** What the checker needs to know about an article body. */
export interface BodyScan {
  /** Heading ids as Astro will generate them. */
  headingIds: string[];
  /** Headings in order, for the outline checks. */
  headings: { depth: number; text: string; line?: number }[];
  references: BodyReference[];
  tree: Root;
}

/** The error thrown for text that is not valid Markdown or MDX. */
export class MarkdownSyntaxError extends Error {
  line?: number;
  column?: number;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.name = 'MarkdownSyntaxError';
    this.line = line;
    this.column = column;
  }
}

/** Plain text of a node, the way a heading's id is derived from it. */
export function nodeText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') {
    return node.value;
  }
  if ('children' in node) return (node.children as Nodes[]).map(nodeText).join('');
  return '';
}

/**
 * Parses an article body the way the build will (GFM, plus MDX for .mdx)
 * and collects headings, links, images and components. `lineOffset` is added
 * to every line so positions are file lines, not body lines.
 */
export function scanBody(body: string, format: 'md' | 'mdx', lineOffset = 0): BodyScan {
  let tree: Root;
  try {
    tree = fromMarkdown(body, {
      extensions: format === 'mdx' ? [gfm(), mdxjs()] : [gfm()],
      mdastExtensions: format === 'mdx' ? [gfmFromMarkdown(), mdxFromMarkdown()] : [gfmFromMarkdown()],
    });
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    const rawReason = place.reason ?? place.message ?? String(error);
    // Some MDX errors carry their position only in the text: "… (2:1-2:21)".
    const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(rawReason);
    const line = place.line ?? place.place?.start?.line ?? place.place?.line ?? (inText ? Number(inText[1]) : undefined);
    const column = place.column ?? place.place?.start?.column ?? place.place?.column ?? (inText ? Number(inText[2]) : undefined);
    const reason = inText ? rawReason.slice(0, inText.index).trimEnd() : rawReason;
    throw new MarkdownSyntaxError(reason, line !== undefined ? line + lineOffset : undefined, column);
  }
  const slugger = new GithubSlugger();
  const headingIds: string[] = [];
  const headings: BodyScan['headings'] = [];
  const references: BodyReference[] = [];
  const at = (node: Nodes) => ({
    line: node.position ? node.position.start.line + lineOffset : undefined,
    column: node.position?.start.column,
  });
  visit(tree, (node: Nodes) => {
    switch (node.type) {
      case 'heading': {
        const text = nodeText(node);
        headingIds.push(slugger.slug(text));
        headings.push({ depth: node.depth, text, line: at(node).line });
        break;
      }
      case 'link':
        references.push({ kind: 'link', value: node.url, text: nodeText(node), ...at(node) });
        break;
      case 'definition':
        references.push({ kind: 'link', value: node.url, ...at(node) });
        break;
      case 'image':
        references.push({ kind: 'image', value: node.url, alt: node.alt ?? '', ...at(node) });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        if (!node.name) break;
        const attributes: Record<string, string | true | null> = {};
        for (const attribute of node.attributes) {
          if (attribute.type !== 'mdxJsxAttribute') continue;
          const value = attribute.value;
          attributes[attribute.name] = value === null || value === undefined ? true : typeof value === 'string' ? value : null;
        }
        references.push({ kind: 'component', value: node.name, attributes, ...at(node) });
        if (typeof attributes.href === 'string') references.push({ kind: 'link', value: attributes.href, ...at(node) });
        break;
      }
    }
  });
  return { headingIds, headings, references, tree };
}
