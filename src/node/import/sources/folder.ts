/**
 * A folder of Markdown (or HTML) files with front matter, as Jekyll,
 * Docusaurus, MkDocs and Hugo keep them. The generator is recognised from
 * its config file; it decides the old addresses and which front-matter
 * fields mean title, order, draft and category.
 *
 * Mapping: the first folder level is the category (Docusaurus
 * `_category_.json`, Hugo `_index.md` give its title and order); deeper
 * folders join it. Jekyll's `category`/`categories` front matter wins over
 * the folder. `name.fr.md` beside `name.md` is its French translation.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { Finding } from '../report.ts';
import type { OldTarget, SourceArticle, SourceCategory, SourceHelpCenter, SourceVersion } from '../model.ts';
import { convertTemplateSyntax } from './template-syntax.ts';
import { isoDateTime } from '../text.ts';
import { isExportFile } from './export-files.ts';

/** The generators a folder can come from. */
export type FolderStyle = 'docusaurus' | 'mkdocs' | 'hugo' | 'jekyll' | 'plain';

type Front = Record<string, unknown>;

const SKIP_DIRS = new Set(['node_modules', '_site', 'public', 'static', 'assets', 'i18n', 'site', 'build', '.git', '.docusaurus', 'resources', 'layouts', 'themes', '_includes', '_layouts', '_data', '_sass']);
const ARTICLE_EXT = /\.(md|mdx|markdown|html?)$/i;
const LANG_SUFFIX = /\.([a-z]{2}(?:-[a-z0-9]{2,4})?)$/i;

/** Recognises the generator from the files around the folder. */
export function detectStyle(root: string): FolderStyle {
  const near = (name: string) => existsSync(path.join(root, name)) || existsSync(path.join(root, '..', name));
  if (near('docusaurus.config.js') || near('docusaurus.config.ts') || near('docusaurus.config.mjs')) return 'docusaurus';
  if (near('mkdocs.yml') || near('mkdocs.yaml')) return 'mkdocs';
  if (near('hugo.toml') || near('hugo.yaml') || near('config.toml')) return 'hugo';
  if (near('_config.yml') || near('Gemfile')) return 'jekyll';
  return 'plain';
}

/** Front matter (YAML between `---`, or Hugo's TOML between `+++`) and where the body starts. */
export function splitFront(text: string): { front: Front; body: string; bodyLine: number; error?: string } {
  const match = /^(---|\+\+\+)\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { front: {}, body: text, bodyLine: 1 };
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  try {
    const data = match[1] === '+++' ? parseToml(match[2]!) : parseYaml(match[2]!);
    return { front: data && typeof data === 'object' ? (data as Front) : {}, body: text.slice(match[0].length), bodyLine };
  } catch (error) {
    return { front: {}, body: text.slice(match[0].length), bodyLine, error: String((error as Error).message).split('\n')[0] };
  }
}

const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.map(s).filter((x): x is string => !!x) : typeof v === 'string' ? v.split(/[,\s]+/).filter(Boolean) : []);
const dateOf = (v: unknown) => (v instanceof Date ? isoDateTime(v) : s(v));
const humanise = (name: string) => {
  const words = name.replace(/^\d+[-_.]/, '').replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function walk(dir: string, root: string, out: string[], findings: Finding[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const file = path.relative(root, full).split(path.sep).join('/');
    if (entry.isSymbolicLink()) {
      // A link can lead anywhere on this machine (/etc/passwd, ~/.ssh): it is never followed.
      if (ARTICLE_EXT.test(entry.name) || statSafe(full)?.isDirectory()) findings.push({ kind: 'read-error', file, message: 'is a symbolic link, which the import does not follow', fix: 'Replace the link with the file (or folder) itself if it belongs to the help center, then run the import again.' });
    } else if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, root, out, findings);
    } else if (entry.isFile() && ARTICLE_EXT.test(entry.name)) out.push(file);
  }
}

function statSafe(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Options for {@link readFolder}. */
export interface FolderOptions {
  /** The path the old site served this folder under ("/docs"); default per generator. */
  oldBase?: string;
  style?: FolderStyle;
}

/** Reads a folder of Markdown or HTML files. */
export function readFolder(root: string, options: FolderOptions = {}): SourceHelpCenter {
  const findings: Finding[] = [];
  const style = options.style ?? detectStyle(root);
  const base = (options.oldBase ?? (style === 'docusaurus' ? '/docs' : '')).replace(/\/+$/, '');
  const files: string[] = [];
  if (existsSync(root) && statSync(root).isDirectory()) walk(root, root, files, findings);
  else findings.push({ kind: 'read-error', file: root, message: 'is not a folder', fix: 'Give the folder that holds the Markdown files (for Docusaurus, docs/).' });

  const categoryInfo = new Map<string, { title?: string; description?: string; order?: number }>();
  const byFile = new Map<string, SourceArticle>();
  const byOldPath = new Map<string, OldTarget>();
  const articles: SourceArticle[] = [];
  const normalise = (p: string) => p.toLowerCase().replace(/\.html?$/, '').replace(/\/(index|readme)$/, '').replace(/\/+$/, '') || '/';
  const stripNumber = (segment: string) => (style === 'docusaurus' ? segment.replace(/^\d+[-_.]/, '') : segment);

  // Category files first: their titles and order.
  for (const file of files) {
    const parts = file.split('/');
    if (parts.length < 2) continue;
    const folder = parts[0]!;
    const name = parts[parts.length - 1]!;
    if (parts.length === 2 && /^_index\.(md|markdown)$/i.test(name)) {
      const { front } = splitFront(readFileSync(path.join(root, file), 'utf8'));
      categoryInfo.set(folder, { title: s(front.title), description: s(front.description), order: n(front.weight) });
    }
  }
  for (const folder of new Set(files.map((f) => f.split('/')[0]!))) {
    for (const name of ['_category_.json', '_category_.yml', '_category_.yaml']) {
      const file = path.join(root, folder, name);
      if (!existsSync(file)) continue;
      try {
        const data = (name.endsWith('.json') ? JSON.parse(readFileSync(file, 'utf8')) : parseYaml(readFileSync(file, 'utf8'))) as Front;
        const link = data.link && typeof data.link === 'object' ? (data.link as Front) : {};
        categoryInfo.set(folder, { title: s(data.label), description: s(data.description) ?? s(link.description), order: n(data.position) });
      } catch (error) {
        findings.push({ kind: 'read-error', file: `${folder}/${name}`, message: `could not be read: ${String((error as Error).message).split('\n')[0]}`, fix: 'Fix the file, or delete it (the folder name becomes the category title).' });
      }
    }
  }

  const translations: Array<{ file: string; lang: string; baseFile: string }> = [];
  for (const file of files) {
    const name = file.split('/').pop()!;
    if (/^_index\.(md|markdown)$/i.test(name) || /^_category_/.test(name)) continue;
    const stem = file.replace(ARTICLE_EXT, '');
    const lang = LANG_SUFFIX.exec(stem)?.[1];
    if (lang && files.some((other) => other !== file && other.replace(ARTICLE_EXT, '') === stem.slice(0, -lang.length - 1))) {
      translations.push({ file, lang: lang.toLowerCase(), baseFile: files.find((other) => other.replace(ARTICLE_EXT, '') === stem.slice(0, -lang.length - 1))! });
      continue;
    }
    const version = readVersion(root, file, 'en', findings);
    if (!version) continue;
    const { front } = version;
    const parts = file.split('/');
    const frontCategory = style === 'jekyll' ? s(front.category) ?? list(front.categories)[0] : undefined;
    const categoryId = frontCategory ? `front:${frontCategory.toLowerCase()}` : parts.length > 1 ? parts[0]! : '';
    if (frontCategory && !categoryInfo.has(categoryId)) categoryInfo.set(categoryId, { title: humanise(frontCategory) });
    if (parts.length > 2) {
      findings.push({ kind: 'category-flattened', file, message: `is in a sub-folder; it was put in the category "${parts[0]}"`, source: file });
    }
    const numbered = /^(\d+)[-_.]/.exec(parts[parts.length - 1]!)?.[1];
    const order = n(front.sidebar_position) ?? n(front.weight) ?? n(front.nav_order) ?? n(front.order) ?? (numbered ? Number(numbered) : undefined);
    const old = oldAddresses(file, front, style, base, stripNumber);
    const article: SourceArticle = {
      id: file.replace(ARTICLE_EXT, ''),
      categoryId,
      versions: [{ ...version.version, oldUrls: old }],
      labels: [],
      keywords: list(front.keywords),
      tags: list(front.tags),
      order,
      featured: front.featured === true,
      related: [],
    };
    articles.push(article);
    byFile.set(file, article);
    for (const url of old) byOldPath.set(normalise(url), { kind: 'article', id: article.id });
  }
  for (const t of translations) {
    const article = byFile.get(t.baseFile);
    const version = readVersion(root, t.file, t.lang, findings);
    if (!article || !version) continue;
    const old = oldAddresses(t.file.replace(new RegExp(`\\.${t.lang}(?=\\.\\w+$)`, 'i'), ''), version.front, style, base, stripNumber).map((u) => `/${t.lang}${u}`);
    article.versions.push({ ...version.version, oldUrls: old });
    byFile.set(t.file, article);
    for (const url of old) byOldPath.set(normalise(url), { kind: 'article', id: article.id, locale: t.lang });
  }

  const categories: SourceCategory[] = [];
  for (const id of new Set(articles.map((a) => a.categoryId))) {
    const info = categoryInfo.get(id) ?? {};
    const title = info.title ?? (id ? humanise(id.replace(/^front:/, '')) : 'General');
    const url = id && !id.startsWith('front:') ? `${base}/${stripNumber(id)}/` : undefined;
    if (url) byOldPath.set(normalise(url), { kind: 'category', id });
    categories.push({ id, title, description: info.description, order: [info.order ?? 1000], oldUrls: url && style !== 'docusaurus' ? [url] : [], translations: [], origin: id || root });
  }

  const folders = ['static', 'public', 'assets', '.', '../static', '../public'];
  return {
    source: 'folder',
    root,
    defaultLocale: 'en',
    hosts: [],
    articles,
    categories,
    extraRedirects: base ? [{ from: `${base}/`, to: { kind: 'home' } }] : [],
    findings,
    parseOldPath(oldPath: string): OldTarget | undefined {
      let decoded = oldPath;
      try {
        decoded = decodeURI(oldPath);
      } catch {
        // Keep it as it is.
      }
      const found = byOldPath.get(normalise(decoded));
      if (found) return found;
      if (normalise(decoded) === normalise(base || '/')) return { kind: 'home' };
      if (/\.[a-z0-9]{2,4}$/i.test(decoded) && !/\.html?$/i.test(decoded)) return { kind: 'file', url: oldPath };
      return undefined;
    },
    resolveRelative(href: string, article: SourceArticle, version: SourceVersion): OldTarget | undefined {
      const [withoutHash = '', hash] = href.split('#', 2);
      const target = decodeURIComponentSafe(withoutHash.split('?')[0] ?? '');
      const fromFile = version.origin;
      if (!target) return hash ? undefined : undefined;
      const fromHere = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), target));
      // Jekyll's {% link %} and some writers give the path from the site's root.
      const fromRoot = path.posix.normalize(target.replace(/^\/+/, ''));
      const resolved = fromHere;
      const stems = [fromHere, fromRoot].flatMap((p) => [p, p.replace(/\.(md|mdx|markdown)$/i, '')]);
      const candidates = stems.flatMap((p) => [p, `${p}.md`, `${p}.mdx`, `${p}.markdown`, `${p}.html`, `${p}/index.md`, `${p}/README.md`, `${p}/_index.md`]);
      for (const candidate of candidates) {
        const linked = byFile.get(candidate);
        if (linked) {
          const lang = linked.versions.find((v) => v.origin === candidate)?.locale;
          return { kind: 'article', id: linked.id, locale: lang && lang !== 'en' ? lang : undefined, hash: hash ? decodeURIComponentSafe(hash) : undefined };
        }
      }
      if (isExportFile(root, path.join(root, resolved))) return { kind: 'file', url: path.join(root, resolved) };
      // A link written as the old address, relative to this page's old address.
      const own = article.versions[0]?.oldUrls[0];
      if (own) {
        const viaUrl = new URL(withoutHash, `https://old.invalid${own.endsWith('/') ? own : `${own}/../`}`).pathname;
        const found = byOldPath.get(normalise(viaUrl));
        if (found && found.kind === 'article') return { ...found, hash: hash ? decodeURIComponentSafe(hash) : undefined };
        if (found) return found;
      }
      return undefined;
    },
    locateFile(url: string, _article: SourceArticle, version: SourceVersion): string | undefined {
      // A file found by resolveRelative, as its path on this machine.
      if (path.isAbsolute(url) && url.startsWith(root + path.sep)) return isExportFile(root, url) ? url : undefined;
      let pathname = url;
      try {
        const parsed = new URL(url, 'https://old.invalid/');
        if (parsed.hostname !== 'old.invalid') return undefined;
        pathname = decodeURIComponentSafe(parsed.pathname);
      } catch {
        return undefined;
      }
      // Each candidate with the folder it must stay inside: a site folder (Docusaurus' ../static) for a path from the root, the export for a relative one.
      const candidates: Array<[string, string]> = url.startsWith('/')
        ? [...folders.map((f): [string, string] => [path.join(root, f), path.join(root, f, pathname)]), ...(base && pathname.startsWith(`${base}/`) ? folders.map((f): [string, string] => [path.join(root, f), path.join(root, f, pathname.slice(base.length))]) : [])]
        : [[root, path.join(root, path.dirname(version.origin), decodeURIComponentSafe(url.split(/[?#]/)[0]!))]];
      return candidates.find(([inside, c]) => isExportFile(inside, c))?.[1];
    },
  };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The addresses a file had on the old site, by the generator's rules. */
function oldAddresses(file: string, front: Front, style: FolderStyle, base: string, stripNumber: (s: string) => string): string[] {
  const urls: string[] = [];
  const parts = file.replace(ARTICLE_EXT, '').split('/').map(stripNumber);
  // Jekyll publishes a collection folder ("_docs") without its underscore.
  if (style === 'jekyll' && parts[0]?.startsWith('_') && parts.length > 1) parts[0] = parts[0].slice(1);
  const last = parts[parts.length - 1]!.toLowerCase();
  if (last === 'index' || last === 'readme' || last === '_index') parts.pop();
  const folder = parts.slice(0, -1).join('/');
  const explicit = style === 'jekyll' ? s(front.permalink) : style === 'hugo' ? s(front.url) : undefined;
  const slug = s(front.slug);
  if (explicit) urls.push(explicit.startsWith('/') ? explicit : `/${explicit}`);
  else if (slug && style === 'docusaurus') urls.push(slug.startsWith('/') ? `${base}${slug}` : `${base}/${[folder, slug].filter(Boolean).join('/')}`);
  else if (slug && style === 'hugo') urls.push(`${base}/${[folder, slug].filter(Boolean).join('/')}/`);
  else if (style === 'docusaurus') urls.push(`${base}/${s(front.id) && parts.length ? [...parts.slice(0, -1), s(front.id)].join('/') : parts.join('/')}`);
  else if (style === 'jekyll') urls.push(`${base}/${parts.join('/')}${parts.length ? '.html' : ''}`);
  else urls.push(`${base}/${parts.join('/')}${parts.length ? '/' : ''}`);
  for (const alias of [...list(front.aliases), ...list(front.redirect_from)]) urls.push(alias.startsWith('/') ? alias : `/${alias}`);
  return urls;
}

function readVersion(root: string, file: string, locale: string, findings: Finding[]): { version: SourceVersion; front: Front } | undefined {
  const bytes = readFileSync(path.join(root, file));
  if (!isUtf8(bytes)) {
    // Read as UTF-8 anyway, a UTF-16 or Latin-1 file becomes "�" and NUL characters in the article and its description.
    findings.push({ kind: 'read-error', file, message: `is not UTF-8 text${bytes[0] === 0xff && bytes[1] === 0xfe ? ' (it is UTF-16)' : ''}, so it was not imported`, fix: 'Save it as UTF-8 (in VS Code: "Save with Encoding", then "UTF-8"), then run the import again.' });
    return undefined;
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const { front, body, bodyLine, error } = splitFront(text);
  if (error) {
    findings.push({ kind: 'read-error', file, line: 2, message: `has front matter that could not be read: ${error}`, fix: 'Fix the front matter; the file was imported without it.' });
  }
  const isHtml = /\.html?$/i.test(file);
  const heading = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1];
  const htmlHeading = isHtml ? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(body)?.[1]?.replace(/<[^>]+>/g, '') : undefined;
  const title = s(front.title) ?? s(front.sidebar_label) ?? s(front.linkTitle) ?? heading ?? htmlHeading ?? humanise(file.split('/').pop()!.replace(ARTICLE_EXT, ''));
  const converted = isHtml ? { markdown: body, notes: [] } : convertTemplateSyntax(body, bodyLine, title);
  const lastUpdate = front.last_update && typeof front.last_update === 'object' ? (front.last_update as Front).date : undefined;
  return {
    front,
    version: {
      locale,
      title,
      body: converted.markdown,
      format: isHtml ? 'html' : 'markdown',
      description: s(front.description) ?? s(front.summary) ?? s(front.excerpt),
      draft: front.draft === true || front.published === false,
      updated: dateOf(lastUpdate) ?? dateOf(front.lastmod) ?? dateOf(front.last_modified_at) ?? dateOf(front.updated) ?? dateOf(front.date),
      oldUrls: [],
      origin: file,
      notes: converted.notes,
    },
  };
}
