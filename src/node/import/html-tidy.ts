/**
 * Structure fixes after the allowlist: the habits of help-center editors
 * that Markdown would keep as noise (no-break spaces, lists nested the
 * wrong way, a <p> in every list item, <br><br> as paragraphs, empty
 * paragraphs and headings used as spacing).
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { element, isElement, plainText, BLOCK_TAGS } from './hast.ts';

/** Runs every structure fix on a cleaned fragment, in the order each relies on. */
export function tidyStructure(root: Root): void {
  normaliseText(root, false);
  fixListNesting(root);
  tightenListItems(root);
  splitDoubleBreaks(root);
  dropEmptyBlocks(root);
}

function isEmptyBlock(node: Element): boolean {
  if (isElement(node, 'img', 'hr', 'br', 'handrail-html', 'iframe')) return false;
  const hasMedia = (el: Element): boolean => el.children.some((c) => isElement(c, 'img', 'hr', 'handrail-html', 'table') || (c.type === 'element' && hasMedia(c)));
  return !hasMedia(node) && plainText(node) === '';
}

/** Turns no-break and zero-width spaces into plain ones (or nothing), so Markdown collapses them. */
function normaliseText(parent: Parents, inPre: boolean): void {
  for (const child of parent.children) {
    if (child.type === 'text') {
      child.value = child.value.replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, '').replace(/[\u00a0\u202f]/g, ' ');
      if (!inPre) child.value = child.value.replace(/ {2,}/g, ' ');
    } else if (child.type === 'element') normaliseText(child, inPre || child.tagName === 'pre');
  }
}

/** `<ul><li>a</li><ul>…</ul></ul>`: the stray list belongs to the item before it. */
function fixListNesting(parent: Parents): void {
  for (const child of parent.children) if (child.type === 'element') fixListNesting(child);
  if (!isElement(parent as Element, 'ul', 'ol')) return;
  const out: ElementContent[] = [];
  for (const child of (parent as Element).children) {
    if (isElement(child, 'ul', 'ol')) {
      const previous = [...out].reverse().find((c): c is Element => isElement(c, 'li'));
      if (previous) previous.children.push(child);
      else out.push(element('li', {}, [child]));
    } else if (child.type === 'text' && !child.value.trim()) {
      out.push(child);
    } else if (!isElement(child, 'li')) {
      out.push(element('li', {}, [child]));
    } else out.push(child);
  }
  (parent as Element).children = out;
}

/**
 * Editors (Intercom's among them) wrap every list item's text in a <p>;
 * kept, each list would become a loose list with blank lines between
 * items. A single paragraph in an item is just its text.
 */
function tightenListItems(parent: Parents): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    tightenListItems(child);
    if (child.tagName !== 'li') continue;
    const blocks = child.children.filter((c) => c.type === 'element' && !['ul', 'ol'].includes(c.tagName) && BLOCK_TAGS.has(c.tagName));
    const only = blocks[0];
    if (blocks.length === 1 && isElement(only, 'p') && child.children.indexOf(only) === child.children.findIndex((c) => c.type === 'element')) {
      child.children.splice(child.children.indexOf(only), 1, ...only.children);
    }
  }
}

/** `text<br><br>text` is two paragraphs written with the wrong tool; breaks at the edges of a block mean nothing. */
function splitDoubleBreaks(parent: Parents): void {
  for (const child of parent.children) if (child.type === 'element') splitDoubleBreaks(child);
  const out: Array<(typeof parent.children)[number]> = [];
  for (const child of parent.children) {
    if (!isElement(child, 'p')) {
      out.push(child);
      continue;
    }
    const parts: ElementContent[][] = [[]];
    const kids = child.children;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i]!;
      if (isElement(kid, 'br')) {
        let j = i + 1;
        while (j < kids.length && kids[j]!.type === 'text' && !(kids[j] as { value: string }).value.trim()) j++;
        if (isElement(kids[j], 'br')) {
          parts.push([]);
          i = j;
          while (isElement(kids[i + 1], 'br')) i++;
          continue;
        }
      }
      parts[parts.length - 1]!.push(kid);
    }
    for (const part of parts) {
      while (part.length && (isElement(part[0], 'br') || (part[0]!.type === 'text' && !(part[0] as { value: string }).value.trim()))) part.shift();
      while (part.length && (isElement(part[part.length - 1], 'br') || (part[part.length - 1]!.type === 'text' && !(part[part.length - 1] as { value: string }).value.trim()))) part.pop();
      if (part.length) out.push(element('p', {}, part));
    }
  }
  parent.children = out as typeof parent.children;
}

/** Empty paragraphs, headings and wrappers (`<p>&nbsp;</p>`, `<h2><br></h2>`) are spacing, not content. */
function dropEmptyBlocks(parent: Parents): void {
  for (const child of parent.children) if (child.type === 'element') dropEmptyBlocks(child);
  parent.children = parent.children.filter((child) => {
    if (child.type !== 'element') return true;
    if (['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'li', 'strong', 'b', 'em', 'i', 'handrail-callout'].includes(child.tagName)) {
      return !isEmptyBlock(child) || !!child.properties.dataAnchor;
    }
    if (['ul', 'ol'].includes(child.tagName)) return child.children.some((c) => c.type === 'element');
    return true;
  }) as typeof parent.children;
}
