import type { Properties } from 'hast';
import { h } from 'hastscript';
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type {} from 'mdast-util-mdx';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit, SKIP } from 'unist-util-visit';
import { isWriterComponent } from '../../shared/writer-components.ts';
import type { Size } from '../image-size.ts';

/** What the conversion needs from the site. */
export interface MdxToHtmlOptions {
  /** Callout titles when the writer gives none, from the UI strings. */
  calloutTitles: Record<'note' | 'tip' | 'warning', string>;
  /** The intrinsic size of a picture in public/, to scale a given width. */
  imageSize?: (src: string) => Size | undefined;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * An mdast node that remark-rehype turns into exactly one HTML element:
 * it has no handler of its own, so `data.hName` and `data.hProperties`
 * decide the element (mdast-util-to-hast's unknown-node rule).
 */
interface HtmlElementNode {
  type: 'handrailElement';
  data: { hName: string; hProperties: Properties };
  children: RootContent[];
}

function element(tagName: string, properties: Properties, children: RootContent[], from: Nodes): RootContent {
  const node: HtmlElementNode = { type: 'handrailElement', data: { hName: tagName, hProperties: properties }, children };
  return Object.assign(node, from.position ? { position: from.position } : {}) as unknown as RootContent;
}

/** Literal attribute values; bare attributes are true. Expressions and spreads were refused before this runs, and are dropped. */
function literalAttributes(node: JsxElement): Record<string, string | true> {
  const attributes: Record<string, string | true> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    if (attribute.value === null || attribute.value === undefined) attributes[attribute.name] = true;
    else if (typeof attribute.value === 'string') attributes[attribute.name] = attribute.value;
  }
  return attributes;
}

function text(value: string): RootContent {
  return { type: 'text', value };
}

/** A writer component as the plain HTML it stands for: the same markup the site's CSS styles. */
function writerComponent(node: JsxElement, options: MdxToHtmlOptions): RootContent {
  const attributes = literalAttributes(node);
  const children = node.children as RootContent[];
  switch (node.name) {
    case 'Callout': {
      const type = attributes.type === 'tip' || attributes.type === 'warning' ? attributes.type : 'note';
      const title = typeof attributes.title === 'string' ? attributes.title : options.calloutTitles[type];
      return element('div', { className: ['callout', `callout--${type}`], role: 'note' }, [element('p', { className: ['callout__title'] }, [text(title)], node), ...children], node);
    }
    case 'Steps':
      return element('div', { className: ['steps'] }, children, node);
    default: {
      // Image
      const src = typeof attributes.src === 'string' ? attributes.src : '';
      const properties: Properties = { src, alt: attributes.decorative !== undefined ? '' : typeof attributes.alt === 'string' ? attributes.alt : '' };
      const width = typeof attributes.width === 'string' && /^\d+$/.test(attributes.width) ? Number(attributes.width) : undefined;
      const height = typeof attributes.height === 'string' && /^\d+$/.test(attributes.height) ? Number(attributes.height) : undefined;
      const intrinsic = width && !height ? options.imageSize?.(src) : undefined;
      if (width) Object.assign(properties, { width, height: height ?? (intrinsic ? Math.round((width * intrinsic.height) / intrinsic.width) : undefined) });
      const figure: RootContent[] = [element('img', properties, [], node)];
      const hasCaption = typeof attributes.caption === 'string';
      if (hasCaption) figure.push(element('figcaption', {}, [text(attributes.caption as string)], node));
      // A decorative picture with no caption is no figure: without role="none" screen readers meet an empty, unnamed "figure".
      return element('figure', { className: ['figure'], ...(attributes.decorative !== undefined && !hasCaption ? { role: 'none' } : {}) }, figure, node);
    }
  }
}

/** A comment-only expression, `{/* a note for other writers *\/}`: MDX's way to write a comment. It compiles to nothing. */
export function isCommentOnly(node: { data?: { estree?: { body?: unknown[] } | null } }): boolean {
  return Array.isArray(node.data?.estree?.body) && node.data.estree.body.length === 0;
}

/**
 * Turns an MDX tree into one that compiles to markup only: writer
 * components become their HTML, lower-case elements become HTML elements
 * (which the sanitizer then checks like raw HTML in .md), and comments
 * go. Anything else that could run (imports, exports, expressions) must
 * have been refused before this runs; what is left of it is removed.
 */
export function mdxToHtml(tree: Root, options: MdxToHtmlOptions): void {
  visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    let replacement: RootContent;
    if (node.name && isWriterComponent(node.name)) replacement = writerComponent(node, options);
    else if (node.name && /^[a-z][a-z0-9-]*$/.test(node.name)) {
      // hastscript maps HTML attribute names to hast properties (class → className, onclick → onClick).
      const properties = h(node.name, literalAttributes(node)).properties;
      replacement = element(node.name, properties, node.children as RootContent[], node);
    } else {
      // Unknown components, fragments, <a.b> and <svg:rect>: the guard refuses them; never render them.
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    parent.children.splice(index, 1, replacement);
    // Visit the new node's children (the component's content) next.
    return index;
  });
}
