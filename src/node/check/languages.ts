import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import type { announcementsSchema } from '../../schemas/announcements.ts';
import type { CategoryData } from '../../schemas/category.ts';
import type { ContactData } from '../../schemas/contact.ts';
import type { SynonymsData } from '../../schemas/synonyms.ts';
import {
  articleTranslationFieldHelp,
  articleTranslationSchema,
  categoryTranslationFieldHelp,
  categoryTranslationSchema,
  INHERITED_ARTICLE_FIELDS,
  type AnnouncementTranslationsData,
  type ArticleTranslationData,
  type CategoryTranslationData,
  type ContactTranslationData,
} from '../../schemas/translations.ts';
import type { Catalog } from '../../shared/i18n.ts';
import type { Problem } from '../../shared/problems.ts';
import { englishLanguageName } from '../../shared/language-tags.ts';
import { suggestClosest } from '../../shared/suggest.ts';
import { splitTranslationName, translationFreshness, type TranslationFreshness } from '../../shared/translations.ts';
import { readArticleFile, type CheckedArticle, type CheckedArticleFile, type FrontMatterSpec } from './articles.ts';
import { checkComponents } from './components.ts';
import { exists, listFiles, relative, type ContentPaths } from './files.ts';
import { checkFileLanguage, type LanguageContext } from './language-files.ts';
import { checkLinks } from './links.ts';
import { problemsFromZod } from './schema-problems.ts';
import { checkAnnouncementTranslations, checkContactTranslations, checkSynonymTranslations } from './translated-data.ts';
import { checkUiStrings } from './ui-strings.ts';
import { parseYamlSource } from './yaml-source.ts';

/** A translated article as the checker read it, with the original it follows. */
export interface CheckedTranslation extends CheckedArticleFile<ArticleTranslationData> {
  lang: string;
  original: CheckedArticle;
  freshness: TranslationFreshness;
}

/** What the language rules compare translations with: the originals, already checked. */
export interface Originals {
  bySlug: Map<string, CheckedArticle>;
  redirects: Map<string, CheckedArticle>;
  categories: Map<string, CategoryData>;
  contact?: ContactData;
  announcements?: z.output<typeof announcementsSchema>;
}

/** Git's knowledge of the content, when the check runs in a repository. */
export interface History {
  /** When a file (path from the project root) last changed. */
  lastChanged?(file: string): Date | undefined;
  /** The date of a commit named in translated_from; undefined when git does not know it. */
  commitDate?(hash: string): Date | undefined;
  /** Whether the clone is shallow, so an unknown commit may just be missing here. */
  isShallow?(): boolean;
}

/** Everything in the content that is in another language, once checked. */
export interface LanguagesResult {
  translations: CheckedTranslation[];
  categoryTranslations: Map<string, Map<string, CategoryTranslationData>>;
  contactTranslations: Record<string, ContactTranslationData>;
  announcementTranslations: Record<string, AnnouncementTranslationsData>;
  /** Each language's own synonym groups (synonyms.<lang>.yaml), for its search. */
  synonyms: Record<string, SynonymsData>;
  uiStrings: Record<string, Catalog>;
}

/**
 * Every translation and every language setting: translated articles and
 * categories beside their originals, contact and notice translations, each
 * language's synonyms, and the site's interface strings. One call from the
 * content check.
 */
export async function checkLanguages(ctx: LanguageContext, translationFiles: string[], originals: Originals, history: History = {}): Promise<LanguagesResult> {
  return {
    translations: await checkArticleTranslations(ctx, translationFiles, originals, history),
    categoryTranslations: await checkCategoryTranslations(ctx, originals.categories),
    contactTranslations: await checkContactTranslations(ctx, originals.contact),
    announcementTranslations: await checkAnnouncementTranslations(ctx, originals.announcements?.notices),
    synonyms: await checkSynonymTranslations(ctx),
    uiStrings: await checkUiStrings(ctx),
  };
}

/** Front matter of a translation: fields it takes from the original are named as such, then the schema runs on the rest. */
function translationSpec(ctx: LanguageContext, file: string, originalFile: () => string): FrontMatterSpec<ArticleTranslationData> {
  return {
    schema: articleTranslationSchema,
    fields: Object.keys(articleTranslationSchema.shape),
    help: articleTranslationFieldHelp,
    kind: 'translation front matter',
    inspect(data, source) {
      const rest = { ...data };
      for (const field of INHERITED_ARTICLE_FIELDS) {
        if (!(field in data)) continue;
        ctx.problems.push({
          file,
          line: source.lineOf([field]),
          field,
          message: `is taken from the original (${originalFile()}), so a translation cannot set it`,
          received: data[field],
          fix: 'Remove the line. To change it in every language, change it in the original.',
          severity: 'error',
        });
        delete rest[field];
      }
      return rest;
    },
  };
}

/** Whether the default-language file of a translation exists beside it (read or not). */
async function originalFileExists(translation: string, slug: string): Promise<boolean> {
  const dir = path.dirname(translation);
  return (await exists(path.join(dir, `${slug}.md`))) || (await exists(path.join(dir, `${slug}.mdx`)));
}

/**
 * Reads a translated article's file: its front matter as a translation's
 * (fields it takes from `originalFile` are named as such), its body as any
 * article's. The spec's own problems go where the file's other problems go.
 */
export function readTranslationFile(paths: ContentPaths, absolute: string, originalFile: string, into: Problem[], bytes?: Buffer): Promise<CheckedArticleFile<ArticleTranslationData> | undefined> {
  return readArticleFile(paths, absolute, into, translationSpec({ paths, problems: into }, relative(paths, absolute), () => originalFile), bytes);
}

/** What a translation's file name says: its original's slug and file (the one expected when there is none), its language and folder. */
function translationOf(paths: ContentPaths, absolute: string, bySlug: Originals['bySlug']) {
  const ext = path.extname(absolute);
  const folder = path.basename(path.dirname(absolute));
  const { slug, lang = '' } = splitTranslationName(path.basename(absolute, ext));
  const original = bySlug.get(slug);
  const expected = relative(paths, path.join(paths.contentDir, 'articles', original?.category ?? folder, `${slug}${original?.format === 'mdx' ? '.mdx' : '.md'}`));
  return { ext, folder, slug, lang, original, expected, originalFile: original?.file ?? expected };
}

async function checkArticleTranslations(ctx: LanguageContext, files: string[], originals: Originals, history: History): Promise<CheckedTranslation[]> {
  // Translations the cache does not hold are read on every core, as originals are (src/node/check/parallel-read.ts).
  await ctx.articleCache?.readInParallel(
    ctx.paths,
    files.map((absolute) => ({ absolute, originalFile: translationOf(ctx.paths, absolute, originals.bySlug).originalFile })),
  );
  try {
    return await checkEachTranslation(ctx, files, originals, history);
  } finally {
    await ctx.articleCache?.close();
  }
}

async function checkEachTranslation(ctx: LanguageContext, files: string[], originals: Originals, history: History): Promise<CheckedTranslation[]> {
  const { paths, problems } = ctx;
  const { bySlug } = originals;
  const found: CheckedTranslation[] = [];
  const seen = new Map<string, CheckedTranslation>();
  for (const absolute of files) {
    const file = relative(paths, absolute);
    const { ext, folder, slug, lang, original, expected, originalFile } = translationOf(paths, absolute, bySlug);
    const readTranslation = (into: Problem[], bytes?: Buffer) => readTranslationFile(paths, absolute, originalFile, into, bytes);
    const read = ctx.articleCache ? await ctx.articleCache.readTranslation(paths, absolute, problems, originalFile, readTranslation) : await readTranslation(problems);
    const isDeclared = checkFileLanguage(ctx, { file, lang, original: original?.file ?? expected, renameTo: (code) => `${path.dirname(file)}/${slug}.${code}${ext}` });
    if (!original && (await originalFileExists(absolute, slug))) {
      // The original is there but could not be read: its own problems say why,
      // and a second "does not exist" would send the writer the wrong way.
    } else if (!original) {
      const guess = suggestClosest(slug, [...bySlug.values()].filter((a) => a.category === folder).map((a) => a.slug)) ?? suggestClosest(slug, bySlug.keys());
      const target = guess ? bySlug.get(guess)! : undefined;
      problems.push({
        file,
        message: `is a translation of ${expected}, which does not exist`,
        received: slug,
        fix: target
          ? `Did you mean "${guess}"? A translation has its original's file name: rename it to ${path.dirname(target.file)}/${guess}.${lang}${ext}.`
          : `Write the original ${expected} first (every article starts in the default language), or remove the translation.`,
        severity: 'error',
      });
    } else if (original.category !== folder) {
      problems.push({
        file,
        message: `is in the folder "${folder}", but its original is ${original.file}`,
        received: folder,
        allowed: original.category,
        fix: `Move it to ${path.dirname(original.file)}/${slug}.${lang}${ext}: a translation sits next to its original.`,
        severity: 'error',
      });
    }
    if (!read || !original || !isDeclared || original.category !== folder) continue;
    const key = `${slug}.${lang}`;
    const twin = seen.get(key);
    if (twin) {
      problems.push({ file, message: `is a second ${englishLanguageName(lang)} translation of ${original.file}, after ${twin.file}`, received: path.basename(file), fix: 'Keep one of the two files.', severity: 'error' });
      continue;
    }
    if (original.data.draft && !read.data.draft) {
      problems.push({ file, message: `translates a draft (${original.file}), so it is not published either`, fix: 'Publish the original first (remove draft: true there), or mark this translation draft: true too.', severity: 'warning' });
    }
    const freshness = freshnessOf(read, original, history);
    reportOutdated(ctx, read, original, freshness, history);
    const translation: CheckedTranslation = { ...read, lang, original, freshness };
    seen.set(key, translation);
    found.push(translation);
  }
  // One link map per language, not per translation: a big site has thousands of each.
  const linkTargets = new Map<string, Map<string, CheckedArticle>>();
  for (const translation of found) {
    let targets = linkTargets.get(translation.lang);
    if (!targets) {
      targets = new Map(originals.bySlug);
      for (const other of found) if (other.lang === translation.lang) targets.set(other.slug, asArticle(other));
      linkTargets.set(translation.lang, targets);
    }
    await checkTranslationBody(ctx, translation, targets, originals);
  }
  return found;
}

/** When the original changed, as its page says, compared with when the translation followed it. */
function freshnessOf(translation: CheckedArticleFile<ArticleTranslationData>, original: CheckedArticle, history: History): TranslationFreshness {
  const from = translation.data.translated_from;
  return translationFreshness({
    originalUpdated: original.data.updated ?? history.lastChanged?.(original.file),
    translatedFrom: from && 'date' in from ? from.date : from && history.commitDate ? history.commitDate(from.commit) : undefined,
    translationUpdated: translation.data.updated,
    translationChanged: history.lastChanged?.(translation.file),
  });
}

function reportOutdated(ctx: LanguageContext, translation: CheckedArticleFile<ArticleTranslationData>, original: CheckedArticle, freshness: TranslationFreshness, history: History): void {
  const from = translation.data.translated_from;
  const line = translation.lineOf(['translated_from']);
  if (from && 'commit' in from && history.commitDate && !history.commitDate(from.commit)) {
    // A shallow clone (some hosts build from one) lacks older commits: say so, but do not stop the build.
    ctx.problems.push(
      history.isShallow?.()
        ? { file: translation.file, line, field: 'translated_from', message: 'names a commit this shallow clone does not have, so whether the translation is out of date is not known', received: from.commit, fix: 'Build from the full history (git fetch --unshallow; fetch-depth: 0 on GitHub Actions), or write the date you translated it instead.', severity: 'warning' }
        : { file: translation.file, line, field: 'translated_from', message: 'names a commit that is not in this repository', received: from.commit, fix: 'Copy the commit from "git log" of the original, or write the date you translated it, e.g. translated_from: 2026-03-14.', severity: 'error' },
    );
    return;
  }
  if (!freshness.isOutdated || !freshness.originalUpdated || !freshness.translatedAt) return;
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const since = { translated_from: 'translated_from', updated: 'updated', git: 'its last change in git', unknown: '' }[freshness.basis];
  ctx.problems.push({
    file: translation.file,
    line: freshness.basis === 'translated_from' || freshness.basis === 'updated' ? translation.lineOf([freshness.basis]) : undefined,
    field: freshness.basis === 'translated_from' || freshness.basis === 'updated' ? freshness.basis : undefined,
    message: `may be out of date: ${original.file} changed on ${day(freshness.originalUpdated)}, after this translation (${since} ${day(freshness.translatedAt)}); readers are told so`,
    fix: `Bring the translation up to date, then set translated_from: ${day(freshness.originalUpdated)}.`,
    rule: 'translation-outdated',
    severity: 'warning',
  });
}

/** A translation as the link and component checks see an article: its body, with the original's front matter and its own draft state. */
function asArticle(translation: CheckedTranslation): CheckedArticle {
  return { ...translation, data: { ...translation.original.data, draft: translation.original.data.draft || translation.data.draft } };
}

/**
 * Components, accessibility and links in a translation's body. Writers
 * link to /articles/<slug>/ in every language and readers get their own
 * language's version when it exists, so `targets` holds those versions: a
 * #heading in such a link must be a heading of that translation.
 */
function checkTranslationBody(ctx: LanguageContext, translation: CheckedTranslation, targets: Map<string, CheckedArticle>, originals: Originals): Promise<void> {
  const article = asArticle(translation);
  checkComponents(article, ctx.problems);
  return checkLinks(ctx.paths, article, targets, originals.redirects, originals.categories, ctx.problems);
}

/** categories/<slug>.<lang>.yaml: beside an existing category, in a declared language, words only. */
async function checkCategoryTranslations(ctx: LanguageContext, categories: Map<string, CategoryData>): Promise<Map<string, Map<string, CategoryTranslationData>>> {
  const { paths, problems } = ctx;
  const result = new Map<string, Map<string, CategoryTranslationData>>();
  for (const absolute of await listFiles(path.join(paths.contentDir, 'categories'))) {
    const ext = path.extname(absolute);
    const { slug, lang } = splitTranslationName(path.basename(absolute, ext));
    if (!lang || (ext !== '.yaml' && ext !== '.yml')) continue;
    const file = relative(paths, absolute);
    const original = relative(paths, path.join(paths.contentDir, 'categories', `${slug}.yaml`));
    const isDeclared = checkFileLanguage(ctx, { file, lang, original, renameTo: (code) => `${path.dirname(file)}/${slug}.${code}${ext}` });
    if (!categories.has(slug)) {
      const guess = suggestClosest(slug, categories.keys());
      problems.push({
        file,
        message: `is a translation of ${original}, which does not exist`,
        received: slug,
        allowed: [...categories.keys()].join(', '),
        fix: guess ? `Did you mean "${guess}"? Rename it to ${path.dirname(file)}/${guess}.${lang}${ext}.` : 'Rename it after an existing category, or remove it.',
        severity: 'error',
      });
    }
    const data = readCategoryTranslation(ctx, file, await readFile(absolute, 'utf8'), original);
    if (!data || !isDeclared || !categories.has(slug)) continue;
    if (!result.has(lang)) result.set(lang, new Map());
    result.get(lang)!.set(slug, data);
  }
  return result;
}

/** A category translation's YAML: `order` is named as the original's, the rest validated by the schema. */
function readCategoryTranslation(ctx: LanguageContext, file: string, text: string, original: string): CategoryTranslationData | undefined {
  const source = parseYamlSource(text, file);
  ctx.problems.push(...source.problems);
  if (source.problems.length) return undefined;
  const data = { ...((source.data ?? {}) as Record<string, unknown>) };
  if ('order' in data) {
    ctx.problems.push({ file, line: source.lineOf(['order']), field: 'order', message: `is taken from the original (${original}), so a translation cannot set it`, received: data.order, fix: 'Remove the line. To move the category in every language, change order in the original.', severity: 'error' });
    delete data.order;
  }
  const result = categoryTranslationSchema.safeParse(data);
  if (result.success) return result.data;
  ctx.problems.push(...problemsFromZod(result.error.issues, { file, source, data, knownKeys: { '': Object.keys(categoryTranslationSchema.shape) }, help: categoryTranslationFieldHelp, kind: 'category translation' }));
  return undefined;
}
