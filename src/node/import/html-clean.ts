/**
 * Makes help-center HTML safe and plain before it becomes Markdown: an
 * allowlist of elements and attributes (nothing executable survives),
 * editor debris removed (inline styles, <font>, empty paragraphs, runs of
 * &nbsp;, Word markup, tracking parameters), embeds turned into links, and
 * callouts recognised. Everything removed that a writer might miss is
 * reported.
 */
import type { Element, Parents, Root } from 'hast';
import { CALLOUT_CLASS, calloutTypeOf, intercomCalloutType, labelledCallouts } from './callouts.ts';
import { embedLabel, embedSource } from './embeds.ts';
import { classesOf, element, plainText, rewriteElements, stringProperty, text, BLOCK_TAGS } from './hast.ts';
import { tidyStructure } from './html-tidy.ts';

/** What the cleaner reports; the caller adds the file. */
export interface CleanFinding {
  kind: 'unsafe-content' | 'embed';
  message: string;
  received?: string;
  fix: string;
}

// Elements dropped with everything inside: they never carry reader-facing text.
const DROP = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'base', 'head', 'title', 'applet', 'param', 'input', 'select', 'textarea', 'button', 'canvas', 'map', 'area', 'svg', 'math']);
// Elements that can run code or load another page: reported, then dropped or turned into a link.
const EMBEDS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'video', 'audio']);
// Attributes kept, per element; every other attribute (style, class, id, data-*, on*) goes.
const KEEP: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  td: ['colSpan', 'rowSpan'],
  th: ['colSpan', 'rowSpan'],
  ol: ['start'],
  code: ['className'],
  'handrail-callout': ['dataType', 'dataTitle'],
};
// Query parameters that only track the reader.
const TRACKING_PARAMS = /^(utm_[a-z]+|mc_cid|mc_eid|_hsenc|_hsmi|fbclid|gclid|msclkid|_ga|_gl|icid|ref_src)$/i;

/** Whether a URL would run code when followed. */
export function isScriptUrl(url: string): boolean {
  // Browsers ignore control characters and white space inside the scheme.
  const scheme = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return scheme.startsWith('javascript:') || scheme.startsWith('vbscript:') || (scheme.startsWith('data:') && !/^data:image\/(png|jpe?g|gif|webp);base64,/.test(scheme));
}

/** A URL without tracking parameters; other URLs come back unchanged. */
export function stripTracking(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt === -1) return url;
  const hashAt = url.indexOf('#', queryAt);
  const query = url.slice(queryAt + 1, hashAt === -1 ? undefined : hashAt);
  const kept = query.split('&').filter((pair) => pair && !TRACKING_PARAMS.test(decodeURIComponentSafe(pair.split('=')[0] ?? '')));
  return url.slice(0, queryAt) + (kept.length ? `?${kept.join('&')}` : '') + (hashAt === -1 ? '' : url.slice(hashAt));
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Options for {@link cleanHtml}. */
export interface CleanOptions {
  /** Called for each thing removed or changed that a writer should know about. */
  report(finding: CleanFinding): void;
}

/**
 * Cleans a parsed HTML fragment in place: drops what is unsafe or
 * meaningless, keeps text and structure. Callouts become
 * `<handrail-callout data-type data-title>` elements for the converter.
 */
export function cleanHtml(root: Root, options: CleanOptions): void {
  const { report } = options;
  // Comments (Word's conditional comments included) never reach the reader.
  const dropComments = (parent: Parents) => {
    parent.children = parent.children.filter((c) => c.type !== 'comment' && c.type !== 'doctype') as typeof parent.children;
    for (const child of parent.children) if (child.type === 'element') dropComments(child);
  };
  dropComments(root);

  rewriteElements(root, (node) => {
    const tag = node.tagName.toLowerCase();
    if (tag === 'script') {
      report({ kind: 'unsafe-content', message: 'had a <script>, which was removed', received: plainText(node).slice(0, 60) || '<script>', fix: 'Nothing to do, unless the script showed something readers need: then describe it in words.' });
      return [];
    }
    if (DROP.has(tag)) return [];
    // Word's namespaced markup (<o:p>, <st1:place>): the text stays, the tag goes.
    if (tag.includes(':')) return [...node.children];
    if (EMBEDS.has(tag)) {
      const src = embedSource(node);
      report({
        kind: 'embed',
        message: src ? `had an embedded ${tag === 'iframe' ? 'frame' : tag}; it is now a link to it` : `had an embedded ${tag} with no address, which was removed`,
        received: src ?? `<${tag}>`,
        fix: 'Check the link text says what readers will find; embeds are not carried over, because they run another site\'s code in your pages.',
      });
      if (!src || isScriptUrl(src)) return [];
      return [element('p', {}, [element('a', { href: src }, [text(embedLabel(node, src))])])];
    }
    const classes = classesOf(node);
    const style = stringProperty(node, 'style') ?? '';
    // Callout boxes by class name.
    if (['div', 'p', 'aside', 'section', 'blockquote', 'span'].includes(tag) && classes.some((c) => CALLOUT_CLASS.test(c)) && plainText(node)) {
      const type = classes.includes('intercom-interblocks-callout') ? intercomCalloutType(style) : calloutTypeOf(classes.join(' '));
      const title = stringProperty(node, 'dataTitle') ?? stringProperty(node, 'dataCalloutTitle');
      const children = tag === 'p' || tag === 'span' ? [element('p', {}, node.children)] : node.children;
      return [element('handrail-callout', { dataType: type, ...(title ? { dataTitle: title } : {}) }, children)];
    }
    // Attributes: the allowlist, with unsafe URLs reported.
    const keep = KEEP[tag] ?? [];
    const eventHandlers = Object.keys(node.properties).filter((name) => /^on[a-z]/i.test(name));
    if (eventHandlers.length) {
      report({ kind: 'unsafe-content', message: `had event handlers (${eventHandlers.map((n) => n.toLowerCase()).join(', ')}), which were removed`, received: `<${tag}>`, fix: 'Nothing to do: pages never run code from articles.' });
    }
    const properties: Element['properties'] = {};
    for (const name of keep) {
      const value = node.properties[name];
      if (value === undefined || value === null) continue;
      if (name === 'className') {
        const language = classes.map((c) => /^(?:language|lang|brush)[-:]\s*([a-z0-9+#-]+)/.exec(c)?.[1]).find(Boolean);
        if (language) properties.className = [`language-${language}`];
        continue;
      }
      properties[name] = value;
    }
    for (const name of ['href', 'src'] as const) {
      const url = properties[name];
      if (typeof url !== 'string') continue;
      if (isScriptUrl(url)) {
        report({ kind: 'unsafe-content', message: `had a ${name === 'href' ? 'link' : 'source'} that runs code, which was removed`, received: url.slice(0, 60), fix: 'Nothing to do, unless the link mattered: then link to a page instead.' });
        delete properties[name];
      } else properties[name] = stripTracking(url.trim());
    }
    // Anchors (<a id>, <a name>) and headings keep their id for the link map, as data.
    const id = stringProperty(node, 'id') ?? (tag === 'a' ? stringProperty(node, 'name') : undefined);
    if (id) properties.dataAnchor = id;
    node.properties = properties;
    if (tag === 'a' && properties.href === undefined && !id) return [...node.children];
    // Presentational and structural wrappers add nothing in Markdown.
    if (['font', 'span', 'center', 'u', 'ins', 'mark', 'small', 'big', 'abbr', 'acronym', 'cite', 'nobr', 'bdi', 'bdo', 'time', 'label', 'legend', 'fieldset', 'form', 'header', 'footer', 'main', 'article', 'section', 'nav', 'hgroup'].includes(tag)) {
      return [...node.children];
    }
    return undefined;
  });

  tidyStructure(root);
  labelledCallouts(root);
}

/** Whether an element holds block content (paragraphs, lists, tables…), not just a line of text. */
export function hasBlockContent(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && (BLOCK_TAGS.has(c.tagName) || hasBlockContent(c)));
}
