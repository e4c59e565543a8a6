/**
 * Template syntax in Markdown from static site generators: Docusaurus and
 * MkDocs admonitions, Hugo shortcodes, Jekyll Liquid tags, MDX imports and
 * components. Each is converted where Markdown has a safe equivalent
 * (admonitions → callouts, highlight → fenced code, figure → image,
 * ref/link → a link the importer resolves) and reported with its line
 * either way; anything else stays in the text, visible, and is reported:
 * never silently dropped or half-rendered.
 */
import type { SourceVersion } from '../model.ts';

type Note = NonNullable<SourceVersion['notes']>[number];

const ADMONITION_TYPES: Record<string, 'note' | 'tip' | 'warning'> = {
  note: 'note', info: 'note', secondary: 'note', abstract: 'note', summary: 'note', example: 'note', quote: 'note', question: 'note', faq: 'note', todo: 'note', seealso: 'note',
  tip: 'tip', hint: 'tip', success: 'tip', check: 'tip', done: 'tip',
  caution: 'warning', warning: 'warning', danger: 'warning', important: 'warning', attention: 'warning', error: 'warning', failure: 'warning', bug: 'warning',
};
const CALLOUT_SHORTCODES = new Set(['notice', 'alert', 'hint', 'callout', 'admonition', 'note', 'tip', 'warning', 'info', 'caution', 'danger', 'important']);

function calloutOpen(kind: string, title: string | undefined): string {
  const type = ADMONITION_TYPES[kind.toLowerCase()] ?? 'note';
  const escaped = title?.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<div class="admonition admonition-${type}"${escaped ? ` data-title="${escaped}"` : ''}>`;
}

function attribute(args: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\S+))`).exec(args);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function firstArgument(args: string): string | undefined {
  const match = /^\s*(?:"([^"]*)"|'([^']*)'|([^\s=]+)(?!\s*=))/.exec(args);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** Converts template syntax in a Markdown body; `firstLine` is the file line the body starts on. */
export function convertTemplateSyntax(body: string, firstLine: number, title: string): { markdown: string; notes: Note[] } {
  const notes: Note[] = [];
  const lines = body.split(/\r?\n/);
  const out: string[] = [];
  let fence: string | undefined;
  const converted = (line: number, what: string, received: string) => notes.push({ kind: 'tag-converted', message: `had ${what}, converted`, received: received.trim().slice(0, 80), sourceLine: line });
  const unconverted = (line: number, what: string, received: string, fix: string) => notes.push({ kind: 'tag-unconverted', message: `has ${what} that Handrail cannot run; it was left in the text`, received: received.trim().slice(0, 80), fix, near: received.trim().slice(0, 40), sourceLine: line });
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const at = firstLine + i;
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = undefined;
      out.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      out.push(line);
      continue;
    }
    // MDX imports and exports: Handrail's components need no import, others do not exist.
    if (/^(import|export)\s/.test(line) && /\bfrom\s+['"]|^export\s+(const|default|function)/.test(line)) {
      converted(at, 'an MDX import or export line, removed (Handrail components need no import)', line);
      continue;
    }
    // Docusaurus ":::note Title" … ":::".
    const docusaurus = /^\s*:::(\w+)(?:\[(.*)\]|\s+(.*))?\s*$/.exec(line);
    if (docusaurus) {
      converted(at, `a :::${docusaurus[1]} admonition`, line);
      out.push('', calloutOpen(docusaurus[1]!, (docusaurus[2] ?? docusaurus[3])?.trim() || undefined), '');
      continue;
    }
    if (/^\s*:::\s*$/.test(line)) {
      out.push('', '</div>', '');
      continue;
    }
    // MkDocs "!!! warning "Title"" with an indented body.
    const mkdocs = /^(\s*)(?:!!!|\?\?\?\+?)\s*(\w+)(?:\s+"([^"]*)")?\s*$/.exec(line);
    if (mkdocs) {
      converted(at, `a !!! ${mkdocs[2]} admonition`, line);
      const indent = mkdocs[1]!.length + 4;
      const inner: string[] = [];
      while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || lines[i + 1]!.search(/\S/) >= indent)) inner.push(lines[++i]!.slice(indent));
      while (inner.length && !inner[inner.length - 1]!.trim()) inner.pop();
      out.push('', calloutOpen(mkdocs[2]!, mkdocs[3]), '', ...inner, '', '</div>', '');
      continue;
    }
    // Hugo paired shortcodes that are callouts or code.
    const hugoOpen = /^\s*\{\{[<%]\s*(\w+)\s*(.*?)\s*[>%]\}\}\s*$/.exec(line);
    if (hugoOpen && CALLOUT_SHORTCODES.has(hugoOpen[1]!.toLowerCase())) {
      const args = hugoOpen[2]!;
      const kind = attribute(args, 'type') ?? attribute(args, 'color') ?? firstArgument(args) ?? hugoOpen[1]!;
      converted(at, `a ${hugoOpen[1]} shortcode`, line);
      out.push('', calloutOpen(ADMONITION_TYPES[kind.toLowerCase()] ? kind : hugoOpen[1]!, attribute(args, 'title')), '');
      continue;
    }
    const hugoClose = /^\s*\{\{[<%]\s*\/\s*(\w+)\s*[>%]\}\}\s*$/.exec(line);
    if (hugoClose && CALLOUT_SHORTCODES.has(hugoClose[1]!.toLowerCase())) {
      out.push('', '</div>', '');
      continue;
    }
    if (hugoOpen?.[1] === 'highlight' || /^\s*\{%\s*highlight\s+(\w+).*%\}\s*$/.test(line)) {
      const language = hugoOpen ? firstArgument(hugoOpen[2]!) ?? '' : /highlight\s+(\w+)/.exec(line)![1]!;
      converted(at, 'a highlight block', line);
      out.push(`\`\`\`${language}`);
      while (i + 1 < lines.length && !/^\s*(\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}|\{%\s*endhighlight\s*%\})\s*$/.test(lines[i + 1]!)) out.push(lines[++i]!);
      i++;
      out.push('```');
      continue;
    }
    // Liquid blocks whose content goes (comments) or stays (raw).
    if (/^\s*\{%-?\s*comment\s*-?%\}/.test(line)) {
      converted(at, 'a {% comment %} block, removed', line);
      while (i < lines.length && !/\{%-?\s*endcomment\s*-?%\}/.test(lines[i]!)) i++;
      continue;
    }
    line = line.replace(/\{%-?\s*(end)?raw\s*-?%\}/g, (tag) => {
      converted(at, 'a {% raw %} tag, removed (its text kept)', tag);
      return '';
    });
    // Jekyll callout includes: {% include note.html content="…" %}.
    const include = /^\s*\{%-?\s*include\s+(\w+)(?:\.html)?\s*(.*?)-?%\}\s*$/.exec(line);
    if (include && CALLOUT_SHORTCODES.has(include[1]!.toLowerCase())) {
      converted(at, `an {% include ${include[1]} %}`, line);
      out.push('', calloutOpen(include[1]!, attribute(include[2]!, 'title')), '', attribute(include[2]!, 'content') ?? '', '', '</div>', '');
      continue;
    }
    // Inline forms with a safe equivalent.
    line = line.replace(/\{\{[<%]\s*(?:rel)?ref\s+"([^"]+)"\s*[>%]\}\}/g, (tag, target: string) => {
      converted(at, 'a ref shortcode, made a link', tag);
      return target;
    });
    line = line.replace(/\{%-?\s*(?:link|post_url)\s+(\S+)\s*-?%\}/g, (tag, target: string) => {
      converted(at, 'a {% link %} tag, made a link', tag);
      return target;
    });
    line = line.replace(/\{\{\s*["']([^"']+)["']\s*\|\s*(?:relative_url|absolute_url)\s*\}\}/g, (tag, target: string) => {
      converted(at, 'a relative_url filter', tag);
      return target;
    });
    line = line.replace(/\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}/g, (tag) => {
      converted(at, `${tag}, removed (addresses are rewritten)`, tag);
      return '';
    });
    line = line.replace(/\{\{-?\s*page\.title\s*-?\}\}/g, (tag) => {
      converted(at, `${tag}, replaced with the title`, tag);
      return title;
    });
    line = line.replace(/\{\{[<%]\s*(figure|img|image)\s+(.*?)\s*[>%]\}\}/g, (tag, _name: string, args: string) => {
      converted(at, 'a figure shortcode, made an image', tag);
      const caption = attribute(args, 'caption');
      return `![${attribute(args, 'alt') ?? attribute(args, 'title') ?? ''}](${attribute(args, 'src') ?? ''})${caption ? `\n\n*${caption}*` : ''}`;
    });
    line = line.replace(/\{\{[<%]\s*(youtube|vimeo)\s+(?:id=)?["']?([\w-]+)["']?\s*[>%]\}\}/g, (tag, site: string, id: string) => {
      notes.push({ kind: 'embed', message: `had an embedded ${site === 'youtube' ? 'YouTube' : 'Vimeo'} video; it is now a link to it`, received: tag, fix: 'Check the link text says what readers will find.', sourceLine: at });
      return site === 'youtube' ? `[Watch the video on YouTube](https://www.youtube.com/watch?v=${id})` : `[Watch the video on Vimeo](https://vimeo.com/${id})`;
    });
    // MDX comments go; other expressions and template tags stay, reported.
    line = line.replace(/\{\/\*[\s\S]*?\*\/\}/g, (tag) => {
      converted(at, 'an MDX comment, removed', tag);
      return '';
    });
    for (const tag of line.match(/\{%-?[\s\S]*?-?%\}|\{\{[<%][\s\S]*?[>%]\}\}|\{\{[\s\S]*?\}\}/g) ?? []) {
      unconverted(at, tag.startsWith('{{<') || tag.startsWith('{{%') ? 'a Hugo shortcode' : 'a Liquid tag', tag, 'Replace it with plain text or Markdown, or remove it.');
    }
    for (const tag of line.match(/<([A-Z][A-Za-z0-9]*)\b[^>]*>/g) ?? []) {
      const name = /<([A-Z][A-Za-z0-9]*)/.exec(tag)![1]!;
      if (['Callout', 'Steps', 'Image'].includes(name)) continue;
      unconverted(at, `an MDX component <${name}>`, tag, 'Its text was kept; rewrite it as Markdown (tabs become headings, for example).');
    }
    out.push(line);
  }
  return { markdown: out.join('\n'), notes };
}
