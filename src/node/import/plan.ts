/**
 * Turns a help center read from an export into the files Handrail needs:
 * articles and translations, categories and their translations, images,
 * and redirects from every old address. Nothing is written here; see
 * write.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ImportState } from '../../schemas/import-state.ts';
import { AssetStore } from './assets.ts';
import { prepareHtml, prepareMarkdown, toMarkdown, type CalloutStyle } from './convert.ts';
import { MAX_CONTENT_BYTES } from '../check/file-safety.ts';
import { articleFile } from './frontmatter.ts';
import type { SourceHelpCenter, SourceVersion } from './model.ts';
import { categoryYaml, describe, fitTitle, unique } from './plan-fields.ts';
import { newAddress, rewriteVersionLinks, type LinkContext } from './plan-links.ts';
import { planRedirects } from './plan-redirects.ts';
import type { PlannedArticle, PlannedVersion } from './planned.ts';
import { lineOf, type Finding } from './report.ts';
import { SlugAllocator, slugify } from './slug.ts';
import { isoDate, languageTag } from './text.ts';

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
    const title = fitTitle(mainVersion.title, origin, findings, `Untitled article ${article.id}`);
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
      const versionTitle = fitTitle(version.title, version.origin, findings, title);
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

  const links: LinkContext = { center, hosts, byId, categorySlugs, categoryById, isDefault, assets };

  const files: PlannedFile[] = [];
  const allVersions = planned.flatMap((p) => [{ p, v: p.main }, ...p.translations.map((t) => ({ p, v: t }))]);
  for (const { p, v } of allVersions) {
    const where = { file: `${v.file}.md`, source: v.version.origin };
    const local: Finding[] = [];
    const note = (f: Omit<Finding, 'file' | 'source'>) => local.push({ ...where, ...f });
    for (const f of v.prepared.findings) note({ kind: f.kind, message: f.message, received: f.received, fix: f.fix, near: f.near });
    for (const f of v.version.notes ?? []) local.push({ ...where, kind: f.kind, message: f.message, received: f.received, fix: f.fix, near: f.near, source: f.sourceLine ? `${v.version.origin}:${f.sourceLine}` : v.version.origin });
    rewriteVersionLinks(links, p, v, note);
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
    if (Buffer.byteLength(content) > MAX_CONTENT_BYTES) {
      note({ kind: 'article-too-large', message: `is ${(Buffer.byteLength(content) / 1e6).toFixed(1)} MB, over the 1 MB the check and the build accept`, allowed: 'at most 1 MB', fix: 'Split it into several articles (one question each), then run npm run check.' });
    }
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
  const redirects = planRedirects(center, planned, categorySlugs, (target, locale) => newAddress(links, target, locale), isDefault);
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
