/**
 * Makes help-center HTML safe and plain before it becomes Markdown: an
 * allowlist of elements and attributes (nothing executable survives),
 * editor debris removed (inline styles, <font>, empty paragraphs, runs of
 * &nbsp;, Word markup, tracking parameters), embeds turned into links, and
 * callouts recognised. Everything removed that a writer might miss is
 * reported.
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { classesOf, element, isElement, plainText, rewriteElements, stringProperty, text, BLOCK_TAGS } from './hast.ts';

/** What the cleaner reports; the caller adds the file. */
export interface CleanFinding {
  kind: 'unsafe-content' | 'embed';
  message: string;
  received?: string;
  fix: string;
}

/** The callout types Handrail's <Callout> takes. */
export type CalloutType = 'note' | 'tip' | 'warning';

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

const CALLOUT_WORDS: Array<[RegExp, CalloutType]> = [
  [/(warning|warn|caution|danger|error|important|alert-danger|alert-error|red|yellow|orange)/, 'warning'],
  [/(tip|hint|success|green)/, 'tip'],
  [/(note|info|notice|information|blue|grey|gray|callout|admonition|alert|panel|highlight|secondary)/, 'note'],
];

// Class names that mark a box as a callout, in the editors and themes
// help centers use: Zendesk themes ("callout", "alert alert-warning",
// "note"), Intercom ("intercom-interblocks-callout"), Help Scout
// ("callout-yellow"), Docusaurus and MkDocs ("admonition admonition-tip").
const CALLOUT_CLASS = /^(?:intercom-interblocks-callout|callout|alert|admonition|notice|note|tip|hint|warning|caution|danger|important|info|information|panel|hs-callout)(?:$|[-_])/;

/** Labels that open a callout written as text ("Note:", "**Warning:**"), in the languages help centers use most. */
const LABELS: Record<string, CalloutType> = {
  note: 'note', notes: 'note', info: 'note', information: 'note', remember: 'note', 'please note': 'note', nb: 'note', 'n.b.': 'note',
  tip: 'tip', hint: 'tip', 'pro tip': 'tip', 'good to know': 'tip',
  warning: 'warning', caution: 'warning', important: 'warning', attention: 'warning', danger: 'warning',
  remarque: 'note', nota: 'note', hinweis: 'note', opmerking: 'note', notera: 'note',
  astuce: 'tip', conseil: 'tip', tipp: 'tip', consejo: 'tip', dica: 'tip', suggerimento: 'tip',
  avertissement: 'warning', achtung: 'warning', warnung: 'warning', wichtig: 'warning', advertencia: 'warning', aviso: 'warning', importante: 'warning', avviso: 'warning', let_op: 'warning', 'let op': 'warning',
};

/** The callout type a class list or colour suggests. */
function calloutTypeOf(words: string): CalloutType {
  for (const [pattern, type] of CALLOUT_WORDS) if (pattern.test(words)) return type;
  return 'note';
}

/** Intercom marks callouts by background colour only. */
function intercomCalloutType(style: string): CalloutType {
  const colour = /background-color:\s*#?([0-9a-f]{6})/i.exec(style)?.[1]?.toLowerCase();
  if (!colour) return 'note';
  const r = parseInt(colour.slice(0, 2), 16);
  const g = parseInt(colour.slice(2, 4), 16);
  const b = parseInt(colour.slice(4, 6), 16);
  if (r > 200 && g < 150) return 'warning'; // red
  if (r > 200 && g > 180 && b < 190) return 'warning'; // yellow, orange
  if (g > r && g > b) return 'tip'; // green
  return 'note';
}

/** A label at the start of a block ("Note:", "Warning —"), and the rest of the text. */
export function calloutLabel(textValue: string): { type: CalloutType; label: string } | undefined {
  const match = /^\s*([\p{L}][\p{L} ._]{0,18}?)\s*[:：—–-]/u.exec(textValue);
  if (!match) return undefined;
  const label = match[1]!.trim();
  const type = LABELS[label.toLowerCase()];
  return type ? { type, label } : undefined;
}

function isEmptyBlock(node: Element): boolean {
  if (isElement(node, 'img', 'hr', 'br', 'handrail-html', 'iframe')) return false;
  const hasMedia = (el: Element): boolean => el.children.some((c) => isElement(c, 'img', 'hr', 'handrail-html', 'table') || (c.type === 'element' && hasMedia(c)));
  return !hasMedia(node) && plainText(node) === '';
}

/** Where an embed pointed, as an absolute http(s) URL, or undefined. */
function embedSource(node: Element): string | undefined {
  let src = stringProperty(node, 'src') ?? stringProperty(node, 'data');
  if (!src) {
    const source = node.children.find((c): c is Element => isElement(c, 'source') && !!stringProperty(c, 'src'));
    src = source ? stringProperty(source, 'src') : undefined;
  }
  if (!src) return undefined;
  if (src.startsWith('//')) src = `https:${src}`;
  if (!/^https?:\/\//i.test(src) && !src.startsWith('/')) return undefined;
  // A link to the player page, not the bare player, is what a reader can use.
  const youtube = /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]+)/i.exec(src);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /^https?:\/\/player\.vimeo\.com\/video\/(\d+)/i.exec(src);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return src;
}

function embedLabel(node: Element, src: string): string {
  const title = stringProperty(node, 'title')?.trim();
  if (title) return title;
  let host = '';
  try {
    host = new URL(src, 'https://old.invalid').hostname.replace(/^www\./, '');
  } catch {
    // Unparseable: fall through to the generic label.
  }
  const site = /youtube|youtu\.be/.test(host) ? 'YouTube' : /vimeo/.test(host) ? 'Vimeo' : /loom/.test(host) ? 'Loom' : /wistia/.test(host) ? 'Wistia' : host && host !== 'old.invalid' ? host : '';
  const kind = isElement(node, 'audio') ? 'Listen to the recording' : 'Watch the video';
  return site ? `${kind} on ${site}` : kind;
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

  normaliseText(root, false);
  fixListNesting(root);
  tightenListItems(root);
  splitDoubleBreaks(root);
  dropEmptyBlocks(root);
  labelledCallouts(root);
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

/**
 * Callouts written as text: a quote or paragraph that opens with a label
 * ("Note:", "**Warning:**"). The label sets the type; a label that is not
 * the type's own name ("Important") becomes the title.
 */
function labelledCallouts(root: Root): void {
  rewriteElements(root, (node, parent) => {
    if (!isElement(node, 'blockquote', 'p')) return undefined;
    if (isElement(parent as Element, 'handrail-callout', 'li', 'td', 'th', 'blockquote')) return undefined;
    const first = node.tagName === 'blockquote' ? node.children.find((c): c is Element => c.type === 'element') ?? node : node;
    const opening = first.children.find((c) => c.type !== 'text' || c.value.trim());
    // A paragraph counts only when the label is bold: "Note: the shop…" in running text is not a callout.
    const labelNode = isElement(opening, 'strong', 'b') ? opening : node.tagName === 'blockquote' ? first : undefined;
    if (!labelNode) return undefined;
    const found = calloutLabel(plainText(labelNode as Element));
    if (!found) return undefined;
    removeLabel(first, found.label);
    const body = node.tagName === 'blockquote' ? node.children : [node];
    const isOwnName = found.label.toLowerCase() === found.type;
    return [element('handrail-callout', { dataType: found.type, ...(isOwnName ? {} : { dataTitle: found.label }) }, body)];
  });
}

/** Removes "Label:" from the start of a block, whether bold or plain. */
function removeLabel(block: Element, label: string): void {
  const pattern = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:：—–-]\\s*`, 'u');
  const strip = (parent: Element): boolean => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      if (child.type === 'text') {
        if (!child.value.trim()) continue;
        if (pattern.test(child.value)) {
          child.value = child.value.replace(pattern, '');
          return true;
        }
        // "Note" in bold, the colon outside it.
        const bare = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'u');
        if (bare.test(child.value)) {
          child.value = '';
          return true;
        }
        return false;
      }
      if (child.type === 'element') {
        const done = strip(child);
        if (done) {
          if (!plainText(child)) parent.children.splice(i, 1);
          const next = parent.children[i];
          if (next?.type === 'text') next.value = next.value.replace(/^\s*[:：—–-]\s*/u, '');
          return true;
        }
        return false;
      }
    }
    return false;
  };
  strip(block);
}

/** Whether an element holds block content (paragraphs, lists, tables…), not just a line of text. */
export function hasBlockContent(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && (BLOCK_TAGS.has(c.tagName) || hasBlockContent(c)));
}
