/** Small helpers for walking and editing HTML trees (hast). */
import type { Element, ElementContent, Parents, Root, RootContent, Text } from 'hast';
import { toText } from 'hast-util-to-text';

declare const matched: unique symbol;
/**
 * An element that passed {@link isElement}. The brand keeps TypeScript from
 * concluding, when the test fails, that the node is no element at all: it
 * may be an element with another tag name.
 */
export type MatchedElement = Element & { readonly [matched]: true };

/** Whether a node is an element, optionally one of the given tag names. */
export function isElement(node: RootContent | Root | undefined | null, ...names: string[]): node is MatchedElement {
  return !!node && node.type === 'element' && (names.length === 0 || names.includes(node.tagName));
}

/** The class names of an element, lower case. */
export function classesOf(element: Element): string[] {
  const value: unknown = element.properties.className;
  if (Array.isArray(value)) return value.map((c) => String(c).toLowerCase());
  if (typeof value === 'string') return value.toLowerCase().split(/\s+/).filter(Boolean);
  return [];
}

/** A property as a string, or undefined. */
export function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join(' ');
  return undefined;
}

/** The plain text of a node, white space collapsed. */
export function plainText(node: Root | Element): string {
  return toText(node, { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();
}

/** A new element. */
export function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** A new text node. */
export function text(value: string): Text {
  return { type: 'text', value };
}

/** Elements whose content is a block of its own, not part of a line of text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
  'handrail-callout', 'handrail-html', 'center',
]);

/**
 * Visits every element depth-first, parents before children. The visitor
 * may return a replacement list for the element (an empty list removes it);
 * replacements are visited too.
 */
export function rewriteElements(parent: Parents, visitor: (element: Element, parent: Parents) => ElementContent[] | undefined): void {
  const out: Array<RootContent> = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    const replacement = visitor(child, parent);
    if (replacement === undefined) {
      rewriteElements(child, visitor);
      out.push(child);
    } else {
      const holder: Element = element('template-holder', {}, replacement);
      rewriteElements(holder, visitor);
      out.push(...holder.children);
    }
  }
  parent.children = out as typeof parent.children;
}

/** Every element in document order, with its parent. */
export function allElements(root: Parents): Array<{ element: Element; parent: Parents }> {
  const found: Array<{ element: Element; parent: Parents }> = [];
  const walk = (parent: Parents) => {
    for (const child of parent.children) {
      if (child.type === 'element') {
        found.push({ element: child, parent });
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}
