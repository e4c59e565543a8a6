/**
 * Turns a help center read from an export into the files Handrail needs:
 * articles and translations, categories and their translations, images,
 * and redirects from every old address. Nothing is written here; see
 * write.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DESCRIPTION_MAX, TITLE_MAX } from '../../schemas/article.ts';
import type { ImportState } from '../../schemas/import-state.ts';
import { AssetStore } from './assets.ts';
import { prepareHtml, prepareMarkdown, resolveReferences, toMarkdown, type CalloutStyle, type PreparedBody } from './convert.ts';
import { articleFile, yamlBlock } from './frontmatter.ts';
import type { OldTarget, SourceArticle, SourceHelpCenter, SourceVersion } from './model.ts';
import { lineOf, type Finding } from './report.ts';
import { SlugAllocator, slugify } from './slug.ts';
import { firstSentence, isoDate, languageTag, shortenAtWord, squashSpace } from './text.ts';

// Alt texts editors fill in by themselves, which say nothing about the picture.
const GENERIC_ALT = /^(image|picture|photo|screenshot|screen shot|graphic|icon|img|figure|diagram|untitled|alt|\d+|[\w-]+\.(png|jpe?g|gif|svg|webp))$/i;

/** Longest category title (src/schemas/category.ts). */
const CATEGORY_TITLE_MAX = 60;

/** How the plan is made. */
export interface PlanOptions {
  /** The content folder (absolute). */
  contentDir: string;
  /** The project root (absolute): file paths in the plan are relative to it. */
  root: string;
  /** The public folder (absolute). */
  publicDir: string;
  /** Extra hosts of the old help center (a custom domain), lower case. */
  oldHosts: string[];
  /** Callouts as <Callout> in .mdx, or as quotes in .md. */
  callouts: CalloutStyle;
  /** Where the source's labels go. */
  labels: 'keywords' | 'tags';
  /** Publish articles the source showed to a restricted audience only. */
  publishRestricted: boolean;
  /** The state of the last run, if any. */
  state?: ImportState;
}

/** One text file to write. */
export interface PlannedFile {
  /** Path relative to the project root, forward slashes. */
  path: string;
  content: string;
  /** What it was made from ("article 360001234 (fr)"). */
  from: string;
}

/** What an import will write and report. */
export interface ImportPlan {
  files: PlannedFile[];
  assets: AssetStore;
  redirects: Array<{ from: string; to: string }>;
  findings: Finding[];
  /** Slugs given, for the state file. */
  articleSlugs: Record<string, { slug: string; category: string }>;
  categorySlugs: Record<string, { slug: string }>;
  counts: { articles: number; translations: number; categories: number; categoryTranslations: number; drafts: number };
}

interface PlannedVersion {
  version: SourceVersion;
  lang: string | undefined; // undefined for the default language
  title: string;
  prepared: PreparedBody;
  file: string; // without extension
}

interface PlannedArticle {
  article: SourceArticle;
  slug: string;
  category: string;
  main: PlannedVersion;
  translations: PlannedVersion[];
  draft: boolean;
}

const posix = (p: string) => p.split(path.sep).join('/');

function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** Slugs of articles and categories already in the content folder, which an import must not take. */
function existingSlugs(contentDir: string): { articles: Map<string, string>; categories: Set<string> } {
  const articles = new Map<string, string>();
  const categories = new Set<string>();
  const articlesDir = path.join(contentDir, 'articles');
  if (existsSync(articlesDir)) {
    for (const entry of readdirSync(articlesDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
      const slug = entry.name.replace(/\.mdx?$/, '').replace(/\.[a-z]{2,3}(?:-[a-z0-9]+)*$/, '');
      articles.set(slug, posix(path.relative(path.dirname(contentDir), path.join(entry.parentPath, entry.name))));
    }
  }
  const categoriesDir = path.join(contentDir, 'categories');
  if (existsSync(categoriesDir)) {
    for (const name of readdirSync(categoriesDir)) {
      const match = /^([a-z0-9-]+)\.ya?ml$/.exec(name);
      if (match) categories.add(match[1]!);
    }
  }
  return { articles, categories };
}

/** Makes the plan. */
export function planImport(center: SourceHelpCenter, options: PlanOptions): ImportPlan {
  const findings: Finding[] = [...center.findings];
  const contentRel = posix(path.relative(options.root, options.contentDir)) || '.';
  const inContent = (...parts: string[]) => [contentRel, ...parts].filter((p) => p !== '.').join('/');
  const assets = new AssetStore(posix(path.relative(options.root, options.publicDir)) || 'public', center.source);
  const state = options.state;
  const owned = new Set(Object.keys(state?.files ?? {}));
  const existing = existingSlugs(options.contentDir);
  const defaultLocale = center.defaultLocale.toLowerCase();
  const hosts = new Set([...center.hosts, ...options.oldHosts].map((h) => h.toLowerCase()));
  const isDefault = (locale: string) => locale.toLowerCase() === defaultLocale;

  // Categories, in the order the old home page showed them.
  const categories = [...center.categories].sort((a, b) => compareOrder(a.order, b.order) || compareIds(a.id, b.id));
  const categorySlugs = new Map<string, string>();
  const categoryAllocator = new SlugAllocator();
  for (const category of categories) {
    const kept = state?.categories[category.id]?.slug;
    if (kept) categoryAllocator.reserve(kept);
  }
  for (const category of categories) {
    const slug = state?.categories[category.id]?.slug ?? categoryAllocator.allocate(slugify(category.title) || `category-${slugify(category.id)}`, [], category.id);
    categorySlugs.set(category.id, slug);
  }

  // Articles: slugs first (every link needs every slug), oldest id first so the first run is deterministic.
  const articles = [...center.articles].sort((a, b) => compareIds(a.id, b.id));
  const allocator = new SlugAllocator();
  for (const [slug, file] of existing.articles) if (!owned.has(file)) allocator.reserve(slug);
  for (const article of articles) {
    const kept = state?.articles[article.id]?.slug;
    if (kept) allocator.reserve(kept);
  }
  const planned: PlannedArticle[] = [];
  for (const article of articles) {
    const category = categorySlugs.get(article.categoryId);
    if (!category) continue; // the reader reports articles without a category
    const mainVersion = article.versions.find((v) => isDefault(v.locale)) ?? article.versions[0];
    if (!mainVersion) continue;
    const origin = mainVersion.origin;
    const title = fitTitle(mainVersion.title, origin, findings);
    let slug = state?.articles[article.id]?.slug;
    if (!slug) {
      const base = slugify(title);
      if (!base) {
        findings.push({ kind: 'slug-fallback', file: origin, message: 'has a title with no letters a file name can use, so its address uses its id', received: title, fix: 'Rename the file to words in Latin letters (and add the old name to redirect_from).', source: origin });
      }
      slug = allocator.allocate(base || `article-${slugify(article.id) || 'item'}`, [category], article.id);
    }
    const prepare = (version: SourceVersion, versionTitle: string) => (version.format === 'html' ? prepareHtml(version.body, versionTitle) : prepareMarkdown(version.body, versionTitle));
    const lang = (v: SourceVersion) => (v === mainVersion ? undefined : languageTag(v.locale));
    const file = (v: SourceVersion) => inContent('articles', category, lang(v) ? `${slug}.${lang(v)}` : slug!);
    const main: PlannedVersion = { version: mainVersion, lang: undefined, title, prepared: prepare(mainVersion, title), file: file(mainVersion) };
    if (!isDefault(mainVersion.locale)) {
      findings.push({ kind: 'no-default-language', file: `${main.file}.md`, message: `has no version in the default language (${center.defaultLocale}); the ${mainVersion.locale} version was imported as the main file`, fix: `Translate it into ${center.defaultLocale}, or leave it if readers of every language should see this version.`, source: origin });
    }
    const translations: PlannedVersion[] = [];
    for (const version of article.versions) {
      if (version === mainVersion || languageTag(version.locale) === languageTag(mainVersion.locale)) continue;
      const versionTitle = fitTitle(version.title, version.origin, findings);
      translations.push({ version, lang: lang(version), title: versionTitle, prepared: prepare(version, versionTitle), file: file(version) });
    }
    let draft = mainVersion.draft;
    if (article.restricted && !options.publishRestricted) {
      draft = true;
      findings.push({ kind: 'restricted', file: `${main.file}.md`, message: `was shown only to ${article.restricted} at the source, so it was imported as a draft`, fix: 'Publish it (remove draft: true) only if everyone may read it; run the import with --publish-restricted to publish all such articles.', source: origin });
    }
    planned.push({ article, slug, category, main, translations, draft });
  }
  const byTitle = new Map<string, PlannedArticle>();
  for (const p of planned) {
    const key = p.main.title.toLowerCase();
    const first = byTitle.get(key);
    if (first) {
      findings.push({ kind: 'title-duplicate', file: `${p.main.file}.md`, field: 'title', message: `has the same title as ${first.main.file}.md`, received: p.main.title, fix: 'Give each article its own title, so customers can tell them apart in search results.', source: p.main.version.origin });
    } else byTitle.set(key, p);
  }
  const byId = new Map(planned.map((p) => [p.article.id, p]));
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const articleSlugs: ImportPlan['articleSlugs'] = {};
  for (const p of planned) articleSlugs[p.article.id] = { slug: p.slug, category: p.category };

  // Addresses of the old site → new addresses.
  const prefix = (locale: string | undefined) => (locale && !isDefault(locale) ? `/${languageTag(locale)}` : '');
  const addressOf = (target: OldTarget, fromLocale: string | undefined): { href: string; lostHash?: string } | undefined => {
    switch (target.kind) {
      case 'article': {
        const p = byId.get(target.id);
        if (!p) return undefined;
        const locale = target.locale ?? fromLocale;
        const version = locale && !isDefault(locale) ? p.translations.find((t) => t.lang === languageTag(locale)) : undefined;
        const chosen = version ?? p.main;
        let href = `${version ? `/${version.lang}` : ''}/articles/${p.slug}/`;
        if (target.hash) {
          const id = chosen.prepared.anchors.get(target.hash) ?? (chosen.prepared.headingIds.includes(target.hash) ? target.hash : undefined);
          if (id) href += `#${id}`;
          else return { href, lostHash: target.hash };
        }
        return { href };
      }
      case 'category': {
        const slug = categorySlugs.get(target.id);
        if (!slug) return undefined;
        const category = categoryById.get(target.id);
        const translated = target.locale && category?.translations.some((t) => languageTag(t.locale) === languageTag(target.locale!));
        return { href: `${translated ? prefix(target.locale) : ''}/categories/${slug}/` };
      }
      case 'home':
        return { href: `${prefix(target.locale)}/` };
      case 'contact':
        return { href: '/contact/' };
      case 'search':
        return { href: '/search/' };
      case 'file':
        return undefined;
    }
  };

  /** The old site's path for a URL, when it is on the old site. */
  const oldPath = (href: string, base: string | undefined): { path: string; hash?: string; absolute: string } | undefined => {
    let url: URL;
    try {
      url = new URL(href, base ?? 'https://old.invalid/');
    } catch {
      return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    const onOldSite = url.hostname === 'old.invalid' || hosts.has(url.hostname.toLowerCase()) || (base !== undefined && new URL(base).hostname === url.hostname);
    if (!onOldSite) return undefined;
    const absolute = url.hostname === 'old.invalid' ? url.pathname + url.search + url.hash : url.href;
    return { path: url.pathname, hash: url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined, absolute };
  };

  const files: PlannedFile[] = [];
  const allVersions = planned.flatMap((p) => [{ p, v: p.main }, ...p.translations.map((t) => ({ p, v: t }))]);
  for (const { p, v } of allVersions) {
    const where = { file: `${v.file}.md`, source: v.version.origin };
    const local: Finding[] = [];
    const note = (f: Omit<Finding, 'file' | 'source'>) => local.push({ ...where, ...f });
    for (const f of v.prepared.findings) note({ kind: f.kind, message: f.message, received: f.received, fix: f.fix, near: f.near });
    for (const f of v.version.notes ?? []) local.push({ ...where, kind: f.kind, message: f.message, received: f.received, fix: f.fix, near: f.near, source: f.sourceLine ? `${v.version.origin}:${f.sourceLine}` : v.version.origin });
    const base = v.version.oldUrls.find((u) => /^https?:\/\//.test(u));
    const fromLocale = v.lang ? v.version.locale : undefined;
    resolveReferences(v.prepared, {
      link: (href, linkText) => {
        const trimmed = href.trim();
        if (trimmed.startsWith('#')) {
          const anchor = decodeURIComponentSafe(trimmed.slice(1));
          if (!anchor) return null;
          const id = v.prepared.anchors.get(anchor) ?? (v.prepared.headingIds.includes(anchor) ? anchor : undefined);
          if (id) return `#${id}`;
          note({ kind: 'anchor-lost', message: 'links to a place on the page that has no heading any more; the link was removed, its text kept', received: trimmed, fix: 'Link to a heading on the page, or leave the text as it is.', near: linkText });
          return null;
        }
        if (/^(mailto|tel|sms):/i.test(trimmed)) return trimmed;
        if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:/i.test(trimmed)) return trimmed;
        const relative = !/^(https?:)?\/\//i.test(trimmed) && !trimmed.startsWith('/');
        const found = relative && center.resolveRelative ? center.resolveRelative(trimmed, p.article, v.version) : undefined;
        const old = found || (relative && center.resolveRelative) ? undefined : oldPath(trimmed, base);
        if (!found && !old && !(relative && center.resolveRelative)) return trimmed; // another site
        let target: OldTarget | undefined = found ?? (old ? center.parseOldPath(old.path) : undefined);
        if (target && target.kind === 'article' && !target.hash && old?.hash) target = { ...target, hash: old.hash };
        if (target?.kind === 'file') {
          const fileUrl = old?.absolute ?? target.url;
          const file = center.locateFile(fileUrl, p.article, v.version);
          if (file) {
            const address = assets.addFile(file, /\.(png|jpe?g|gif|webp|svg|avif)$/i.test(file) ? 'images' : 'files', `${v.version.origin}: ${fileUrl}`);
            if (typeof address === 'string') return address;
          }
          note({ kind: 'file-missing', message: 'links to a file that is not in the export; the link still points at the old site', received: target.url, fix: 'Add the file to public/files/ and link to it there, or remove the link before the old site closes.', near: linkText });
          return old?.absolute.startsWith('http') ? old.absolute : trimmed;
        }
        const address = target ? addressOf(target, fromLocale) : undefined;
        if (address) {
          if (address.lostHash) note({ kind: 'anchor-lost', message: 'links to a place in another article that has no heading any more; the link now goes to the top of the article', received: trimmed, fix: 'Link to one of that article\'s headings if it helps.', near: linkText });
          return address.href;
        }
        note({
          kind: 'link-unresolved',
          message: relative && center.resolveRelative ? 'links to a page that is not part of this import' : 'links to a page of the old help center that is not in this export',
          received: trimmed,
          fix: 'Link to the new article that replaces it, or remove the link before the old site closes.',
          near: linkText,
        });
        return old?.absolute ?? trimmed;
      },
      image: (src, alt) => {
        const fileName = decodeURIComponentSafe(src.split(/[?#]/)[0]!.split('/').pop() ?? '');
        if (!alt.trim() || GENERIC_ALT.test(alt.trim()) || alt.trim() === fileName) {
          note({ kind: 'image-no-alt', message: alt.trim() ? 'has an image whose alt text does not say what it shows' : 'has an image without alt text', received: alt.trim() || (src.startsWith('data:') ? 'an inline image' : src), fix: 'Describe what the image shows in the [square brackets].', near: src.startsWith('data:') ? undefined : src });
        }
        if (src.startsWith('data:')) {
          const address = assets.addDataUrl(src, `${p.slug}-image`, v.version.origin);
          if (typeof address === 'string') return address;
          note({ kind: 'image-unsafe', message: `has ${address.refused}, which was not copied`, fix: 'Save the picture as a PNG in public/images/ and show it from there.' });
          return '';
        }
        const file = center.locateFile(src, p.article, v.version);
        if (file) {
          const address = assets.addFile(file, 'images', `${v.version.origin}: ${src}`);
          if (typeof address === 'string') return address;
          note({ kind: 'image-unsafe', message: `shows ${address.refused}; it was not copied`, received: src, fix: 'Save the picture as PNG or a clean SVG in public/images/ and show it from there.', near: src });
          return src;
        }
        const old = oldPath(src, base);
        const shown = old?.absolute.startsWith('http') ? old.absolute : src;
        note({ kind: 'image-missing', message: 'shows an image that is not in the export; it still loads from the old site', received: src, fix: 'Download it into public/images/ and change the address, before the old site closes.', near: src });
        return shown;
      },
    });
    const { markdown, format, fellBack } = toMarkdown(v.prepared, options.callouts);
    if (fellBack) note({ kind: 'callout-as-quote', message: 'has callouts that were written as quotes, because the page could not be made valid MDX', fix: 'Turn the quotes into <Callout> by hand if you want the boxes (rename the file to .mdx).' });
    const description = describe(v, findings, where);
    const frontmatter = v.lang
      ? { title: v.title, description, updated: isoDate(v.version.updated), draft: v.version.draft || p.draft }
      : {
          title: v.title,
          description,
          tags: options.labels === 'tags' ? unique([...p.article.tags, ...p.article.labels]) : unique(p.article.tags),
          keywords: options.labels === 'keywords' ? unique([...p.article.keywords, ...p.article.labels]) : unique(p.article.keywords),
          updated: isoDate(v.version.updated),
          featured: p.article.featured,
          order: p.article.order,
          draft: p.draft,
          // A published article may not point at a draft (the checker refuses it), so drafts are left out.
          related: p.article.related.map((id) => byId.get(id)).filter((r): r is PlannedArticle => !!r && r.slug !== p.slug && (p.draft || !r.draft)).map((r) => r.slug),
        };
    if (!v.version.body.trim() || !markdown.trim()) note({ kind: 'empty-article', message: 'has no text', fix: 'Write the article, or delete it and redirect its address to another one.' });
    if (v.version.outdated) note({ kind: 'translation-outdated', message: 'was marked as outdated at the source: the original changed after it was translated', fix: 'Compare it with the main article and update the translation.' });
    const filePath = `${v.file}.${format}`;
    const content = articleFile(frontmatter, markdown);
    for (const f of local) {
      f.file = filePath;
      const line = f.near ? lineOf(content, f.near) : undefined;
      if (line) f.line = line;
      delete f.near;
    }
    findings.push(...local);
    files.push({ path: filePath, content, from: `article ${p.article.id}${v.lang ? ` (${v.version.locale})` : ''}` });
  }

  // Categories that have articles; the rest would be empty pages.
  const used = new Set(planned.map((p) => p.category));
  const categorySlugsOut: ImportPlan['categorySlugs'] = {};
  let categoryTranslations = 0;
  categories.forEach((category, index) => {
    const slug = categorySlugs.get(category.id)!;
    if (!used.has(slug)) return;
    categorySlugsOut[category.id] = { slug };
    const file = inContent('categories', `${slug}.yaml`);
    if (existing.categories.has(slug) && !owned.has(file)) {
      findings.push({ kind: 'category-shared', file, message: `already existed, so the imported "${category.title}" articles were put in it and the file was left as it is`, source: category.origin });
      return;
    }
    const titles = planned.filter((p) => p.category === slug && !p.draft).map((p) => p.main.title);
    const content = categoryYaml(category.title, category.description, index + 1, titles, file, category.origin, findings, undefined);
    files.push({ path: file, content, from: `category ${category.id}` });
    for (const translation of category.translations) {
      if (isDefault(translation.locale)) continue;
      const lang = languageTag(translation.locale);
      const translatedTitles = planned.filter((p) => p.category === slug && !p.draft).flatMap((p) => p.translations.filter((t) => t.lang === lang).map((t) => t.title));
      const translationFile = inContent('categories', `${slug}.${lang}.yaml`);
      files.push({ path: translationFile, content: categoryYaml(translation.title, translation.description, undefined, translatedTitles, translationFile, category.origin, findings, lang), from: `category ${category.id} (${translation.locale})` });
      categoryTranslations++;
    }
  });

  // Findings made before the file's extension was known name the .md path; point them at the real file.
  const written = new Map(files.map((f) => [f.path.replace(/\.mdx?$/, ''), f.path]));
  const byOrigin = new Map(allVersions.map(({ v }) => [v.version.origin, written.get(v.file) ?? `${v.file}.md`]));
  for (const finding of findings) {
    const real = written.get(finding.file.replace(/\.mdx?$/, '')) ?? byOrigin.get(finding.file);
    if (real) finding.file = real;
  }
  const redirects = planRedirects(center, planned, categorySlugs, addressOf, isDefault);
  return {
    files,
    assets,
    redirects,
    findings,
    articleSlugs,
    categorySlugs: categorySlugsOut,
    counts: {
      articles: planned.length,
      translations: planned.reduce((n, p) => n + p.translations.length, 0),
      categories: Object.keys(categorySlugsOut).length,
      categoryTranslations,
      drafts: planned.filter((p) => p.draft).length,
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

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values.map((v) => squashSpace(v)).filter(Boolean)) {
    const key = value.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(value);
    }
  }
  return out;
}

/** A title that fits the schema, reported when it had to be shortened. */
function fitTitle(title: string, origin: string, findings: Finding[]): string {
  const clean = squashSpace(title);
  if (clean.length <= TITLE_MAX) return clean;
  const short = shortenAtWord(clean, TITLE_MAX);
  findings.push({ kind: 'title-shortened', file: origin, message: `had a title over ${TITLE_MAX} characters; it was shortened at a word boundary`, received: clean, allowed: `at most ${TITLE_MAX} characters`, fix: `Check the new title "${short}" still says what the article answers.`, source: origin });
  return short;
}

/** The source's own description, or the first sentence of the body (reported: a writer should check it). */
function describe(v: PlannedVersion, findings: Finding[], where: { file: string; source: string }): string {
  const own = squashSpace(v.version.description ?? '');
  if (own) return shortenAtWord(own, DESCRIPTION_MAX, true);
  const sentence = firstSentence(v.prepared.openingText, v.version.locale, DESCRIPTION_MAX) || v.title;
  findings.push({ ...where, kind: 'description-generated', field: 'description', message: 'had no description; one was made from the first sentence', received: sentence, fix: 'Check this: one sentence on what the article answers, in the customer\'s words.' });
  return sentence;
}

function categoryYaml(title: string, description: string | undefined, order: number | undefined, articleTitles: string[], file: string, origin: string, findings: Finding[], lang: string | undefined): string {
  let fitted = squashSpace(title);
  if (fitted.length > CATEGORY_TITLE_MAX) {
    const short = shortenAtWord(fitted, CATEGORY_TITLE_MAX);
    findings.push({ kind: 'title-shortened', file, field: 'title', message: `had a title over ${CATEGORY_TITLE_MAX} characters; it was shortened`, received: fitted, fix: `Check "${short}" still names the category.`, source: origin });
    fitted = short;
  }
  let text = squashSpace(description ?? '');
  if (!text) {
    // Nothing to say from the source: the articles it holds say what it covers.
    const named = articleTitles.slice(0, 3);
    text = named.length ? shortenAtWord(`${named.join('; ')}${articleTitles.length > 3 ? '; and more' : ''}.`, DESCRIPTION_MAX, true) : fitted;
    findings.push({ kind: 'description-generated', file, field: 'description', message: `had no description; one was made from ${named.length ? 'its article titles' : 'its title'}`, received: text, fix: 'Check this: one sentence on what the category covers.', source: origin });
  } else text = shortenAtWord(text, DESCRIPTION_MAX, true);
  const data: Record<string, unknown> = { title: fitted, description: text };
  if (order !== undefined && lang === undefined) data.order = order;
  return yamlBlock(data);
}

function planRedirects(
  center: SourceHelpCenter,
  planned: PlannedArticle[],
  categorySlugs: Map<string, string>,
  addressOf: (target: OldTarget, locale: string | undefined) => { href: string } | undefined,
  isDefault: (locale: string) => boolean,
): Array<{ from: string; to: string }> {
  const out = new Map<string, string>();
  const add = (url: string, to: string) => {
    let from: string;
    try {
      from = new URL(url, 'https://old.invalid').pathname;
    } catch {
      return;
    }
    if (from === to || from === '/' || out.has(from)) return;
    out.set(from, to);
  };
  for (const p of planned) {
    // A draft had no public address, and redirecting to an unpublished page would only move the 404.
    if (p.draft) continue;
    for (const url of p.main.version.oldUrls) add(url, `/articles/${p.slug}/`);
    for (const t of p.translations) {
      if (t.version.draft) continue;
      for (const url of t.version.oldUrls) add(url, `/${t.lang}/articles/${p.slug}/`);
    }
  }
  const used = new Set(planned.filter((p) => !p.draft).map((p) => p.category));
  for (const category of center.categories) {
    const slug = categorySlugs.get(category.id);
    const to = slug && used.has(slug) ? `/categories/${slug}/` : '/';
    for (const url of category.oldUrls) add(url, to);
    for (const t of category.translations) {
      if (isDefault(t.locale)) continue;
      const lang = languageTag(t.locale);
      for (const url of t.oldUrls) add(url, slug && used.has(slug) ? `/${lang}/categories/${slug}/` : `/${lang}/`);
    }
  }
  for (const extra of center.extraRedirects) {
    const address = addressOf(extra.to, undefined);
    if (address) add(extra.from, address.href);
  }
  return [...out.entries()].map(([from, to]) => ({ from, to })).sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.from < b.from ? -1 : 1));
}
