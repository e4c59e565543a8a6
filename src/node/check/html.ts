import { toHast } from 'mdast-util-to-hast';
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx';
import { VFile } from 'vfile';
import { definitions } from 'mdast-util-definitions';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { EXIT, visit } from 'unist-util-visit';
import { attributeName, articleHtmlSchema, findDisallowedHtml, isAllowedHref, isSameSitePath, parseRawHtml, type HtmlFinding } from '../markdown/html-allowlist.ts';
import { isLocalImport, relativePicture } from '../markdown/article-code.ts';
import { mdxToHtml } from '../markdown/mdx-to-html.ts';
import { checkSitePath } from '../../schemas/web-address.ts';
import type { Problem } from '../../shared/problems.ts';
import { isWriterComponent } from '../../shared/writer-components.ts';

// Why an element is refused and what to do instead, for the elements writers most often try.
const ELEMENT_ADVICE: Record<string, { why: string; fix: string }> = {
  script: { why: 'it runs code', fix: 'Remove it: articles cannot run code.' },
  style: { why: 'it changes the site\'s styles', fix: 'Remove it: the site\'s own styles keep articles readable in dark mode, at any zoom and with readers\' own colours.' },
  link: { why: 'it loads files into the page', fix: 'Remove it: link to a page with [text](https://…) instead.' },
  meta: { why: 'it changes how the page behaves', fix: 'Remove it: the site sets the page details itself.' },
  base: { why: 'it changes where every link on the page goes', fix: 'Remove it.' },
  iframe: { why: 'it shows another website inside the page', fix: 'Link to it instead, like [Watch the video](https://…). An embed from your own video host needs a setting reviewed by a developer (see CONTRIBUTING.md).' },
  object: { why: 'it shows another document or program inside the page', fix: 'Link to it instead.' },
  embed: { why: 'it shows another document or program inside the page', fix: 'Link to it instead.' },
  form: { why: 'it collects what readers type and sends it somewhere', fix: 'Link to the contact page (/contact/) instead.' },
  input: { why: 'it is a form field', fix: 'Remove it; for a checklist write "- [ ] step" in Markdown.' },
  button: { why: 'it is a form button', fix: 'Remove it: write the words on the screen in **bold** instead.' },
  textarea: { why: 'it is a form field', fix: 'Remove it.' },
  select: { why: 'it is a form field', fix: 'Remove it.' },
  svg: { why: 'it is a picture drawn by code', fix: 'Save it as a file in public/images/ and show it with ![what it shows](/images/<file>.svg).' },
  math: { why: 'it is a formula drawn by code', fix: 'Write the formula in words, or as a picture in public/images/.' },
  video: { why: 'it plays media in the page', fix: 'Link to the video instead.' },
  audio: { why: 'it plays media in the page', fix: 'Link to the recording instead.' },
  img: { why: 'this picture cannot be shown', fix: 'Use ![what it shows](/images/<file>) for a picture in public/images/.' },
};

const ALLOWED_ELEMENTS = `Markdown, and these HTML elements: ${(articleHtmlSchema.tagNames ?? []).filter((t) => !['input', 'section', 'div', 'figure', 'figcaption', 'caption'].includes(t)).map((t) => `<${t}>`).join(' ')}`;

function allowedAttributes(element: string): string {
  const names = [...(articleHtmlSchema.attributes?.[element] ?? []), ...(articleHtmlSchema.attributes?.['*'] ?? [])].map((entry) => attributeName(typeof entry === 'string' ? entry : entry[0]));
  return names.length ? `on <${element}>: ${[...new Set(names)].join(', ')}` : `no attributes on <${element}>`;
}

const LINK_ALLOWED = 'https://, http://, mailto: or tel: addresses, or a path from the site root like /articles/<slug>/';

/** How far a path climbs above where it starts ("../../x" climbs 2), so we can say where it leads. */
function climb(path: string): number {
  let depth = 0;
  let lowest = 0;
  for (const raw of path.split(/[?#]/, 1)[0]!.split(/[/\\]/)) {
    let segment = raw;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // a broken escape is an ordinary name
    }
    if (segment === '..') lowest = Math.min(lowest, --depth);
    else if (segment && segment !== '.') depth++;
  }
  return -lowest;
}

/** Why a link is refused, by what it looks like. */
function linkProblem(value: string): Pick<Problem, 'message' | 'allowed' | 'fix'> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  if (scheme?.toLowerCase() === 'mailto' && !/[\u0000-\u0020\u007f]/.test(value)) {
    return {
      message: 'is an email link that also writes to other addresses (cc, bcc, or more than one), or is not an email address',
      allowed: 'mailto: with one address, optionally ?subject=…&body=…',
      fix: `Link to one address only, like mailto:${value.replace(/^mailto:/i, '').split(/[?,]/, 1)[0] || 'help@example.com'}; readers would not see who else gets their message.`,
    };
  }
  if (scheme || /^[\s\u0000-\u001f]/.test(value) || /script:|data:/i.test(value.replace(/[\s\u0000-\u001f]/g, ''))) {
    return { message: 'links to an address that could run code or open data, not a web page', allowed: LINK_ALLOWED, fix: 'Link to a web page (https://…) instead: a link cannot run code or open data.' };
  }
  if (value.startsWith('//') || value.startsWith('/\\')) {
    return { message: 'links to another site without saying https://', allowed: LINK_ALLOWED, fix: 'Write the whole address, starting with https://.' };
  }
  if (!value.startsWith('/')) {
    // An article lives at content/articles/<category>/, two folders below the content folder.
    const outside = climb(value) > 2;
    const ext = /\.(mdx?)$/.exec(value.split(/[?#]/, 1)[0]!);
    return {
      message: outside ? 'is a relative link that leads outside the content folder' : 'is a relative link, which will not work on the published site',
      allowed: LINK_ALLOWED,
      fix: ext ? `Link to the article's address: /articles/${value.split(/[?#]/, 1)[0]!.split('/').pop()!.replace(/\.mdx?$/, '')}/.` : 'Write the address from the site root, starting with "/".',
    };
  }
  if (climb(value) > 0) {
    return { message: 'leads outside public/ once its ".." parts are resolved', allowed: LINK_ALLOWED, fix: 'Link only to pages of this site and files in public/, written from the site root without "..".' };
  }
  return { message: 'has ".", "..", a backslash or an invisible character in its path', allowed: LINK_ALLOWED, fix: 'Write the path from the site root directly, without "./", "../" or "\\".' };
}

function problemFor(file: string, finding: HtmlFinding, lineOffset: number): Problem {
  const where = { file, line: finding.line !== undefined ? finding.line + lineOffset : undefined, column: finding.column, severity: 'error' as const };
  const { element, attribute, value } = finding;
  if (!attribute) {
    const advice = ELEMENT_ADVICE[element] ?? { why: 'it is not one of the elements articles can use', fix: 'Use Markdown instead (**bold**, lists, tables, > quotes), or remove the tag and keep the text inside it.' };
    return { ...where, message: `<${element}> is not allowed in an article: ${advice.why}`, received: `<${element}>`, allowed: ALLOWED_ELEMENTS, fix: advice.fix };
  }
  const received = value === '' ? attribute : `${attribute}="${value}"`;
  if (/^on/i.test(attribute)) {
    return { ...where, field: attribute, message: `the "${attribute}" attribute on <${element}> runs code`, received, allowed: allowedAttributes(element), fix: `Remove ${attribute}="…": articles cannot run code.` };
  }
  if (attribute === 'style') {
    return { ...where, field: attribute, message: `the "style" attribute on <${element}> is not allowed`, received, allowed: allowedAttributes(element), fix: 'Remove style="…": the site\'s own styles keep articles readable in dark mode, at any zoom and with readers\' own colours.' };
  }
  if (attribute === 'href') return { ...where, field: attribute, received: value, ...linkProblem(value ?? '') };
  if (attribute === 'src' && element === 'img' && value !== undefined && isLocalImport(value)) {
    return { ...where, field: attribute, ...relativePicture(value) };
  }
  if (attribute === 'src' && element === 'img') {
    const elsewhere = /^[a-z][a-z0-9+.-]*:|^\/[\\/]/i.test(value ?? '');
    return {
      ...where,
      field: attribute,
      message: `shows a picture whose address ${elsewhere ? 'is not a file of this site' : checkSitePath(value ?? '')?.problem ?? 'is not allowed'}`,
      received: value,
      allowed: 'a picture in public/images/, written as /images/<file>',
      fix: elsewhere
        ? 'Save the picture in public/images/ and write /images/<file name>. Pictures from other sites would let them follow your readers.'
        : 'Write the path from public/ directly, like /images/<file name>, without "..".',
    };
  }
  return { ...where, field: attribute, message: `the "${attribute}" attribute on <${element}> is not allowed`, received, allowed: allowedAttributes(element), fix: `Remove ${attribute}="…".` };
}

/**
 * HTML in an article that the sanitizer would remove or change: raw HTML
 * in .md, lower-case elements in .mdx, and Markdown links and pictures to
 * addresses the allowlist refuses. Each problem names the element or
 * attribute and its line, so nothing disappears from a page unexplained.
 */
export function checkArticleHtml(file: string, tree: Root, body: string, format: 'md' | 'mdx', lineOffset: number, options: { fast?: boolean } = {}): Problem[] {
  if (options.fast !== false && !hasMarkup(tree)) return addressFindings(tree).map((finding) => problemFor(file, finding, lineOffset));
  const copy = structuredClone(tree);
  if (format === 'mdx') mdxToHtml(copy, { calloutTitles: { note: 'Note', tip: 'Tip', warning: 'Warning' } });
  const hast = parseRawHtml(toHast(copy, { allowDangerousHtml: true }) as HastRoot, new VFile(body));
  // In .md a writer component (<Callout>, <Steps>, <Image> — which HTML reads
  // as <img>) is reported once, by the check for components in Markdown files.
  const components = format === 'md' ? componentLines(tree) : [];
  const findings = findDisallowedHtml(hast).filter((f) => !components.some(([from, to]) => f.line !== undefined && f.line >= from && f.line <= to));
  return findings.map((finding) => problemFor(file, finding, lineOffset));
}

/** Line ranges of raw HTML in a .md body written as a component (a PascalCase tag such as <Callout>; <SCRIPT> is still HTML). */
function componentLines(tree: Root): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  visit(tree, 'html', (node) => {
    if (/^<\/?[A-Z][a-z]/.test(node.value) && node.position) ranges.push([node.position.start.line, node.position.end.line]);
  });
  return ranges;
}

/** Whether an article has any HTML or lower-case JSX of its own; most have none. */
function hasMarkup(tree: Root): boolean {
  let found = false;
  visit(tree, (node) => {
    // Writer components become allowlisted markup by construction (mdx-to-html.ts); only their picture address can be refused.
    const isOther = (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && !(node.name && isWriterComponent(node.name));
    if (node.type === 'html' || isOther) {
      found = true;
      return EXIT;
    }
    return undefined;
  });
  return found;
}

/**
 * The fast path for Markdown without HTML: everything it turns into is on
 * the allowlist except the addresses, so only those can be refused, by the
 * same rules the sanitizer applies (and to the address as the HTML will
 * carry it, after normalizeUri, as remark-rehype writes it). Building and
 * sanitizing the whole tree would cost ten times more.
 */
function addressFindings(tree: Root): HtmlFinding[] {
  const definition = definitions(tree);
  const findings: HtmlFinding[] = [];
  visit(tree, (node) => {
    const where = { line: node.position?.start.line, column: node.position?.start.column };
    let url: string | undefined;
    if (node.type === 'link' || node.type === 'image') url = node.url;
    else if (node.type === 'linkReference' || node.type === 'imageReference') url = definition(node.identifier)?.url;
    else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Image') {
      const src = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'src')?.value;
      if (typeof src === 'string' && !isSameSitePath(src)) findings.push({ ...where, element: 'img', attribute: 'src', value: src });
      return;
    }
    if (url === undefined) return;
    const value = normalizeUri(url);
    if ((node.type === 'link' || node.type === 'linkReference') && !isAllowedHref(value)) findings.push({ ...where, element: 'a', attribute: 'href', value });
    if ((node.type === 'image' || node.type === 'imageReference') && !isSameSitePath(value)) findings.push({ ...where, element: 'img', attribute: 'src', value });
  });
  return findings;
}
