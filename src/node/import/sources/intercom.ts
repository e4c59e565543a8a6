/**
 * Intercom Articles: list pages saved from `GET /articles` and
 * `GET /help_center/collections` (and, on older workspaces,
 * `/help_center/sections`), `{"type": "list", "data": [...], "pages": {...}}`,
 * in any file names. Translations come from each article's
 * `translated_content`.
 *
 * Mapping: top-level collections are what the Intercom home page lists,
 * so each becomes a Handrail category; sub-collections and sections are
 * headings inside a collection's page, so their articles join the
 * top-level collection's category.
 */
import type { Finding } from '../report.ts';
import type { OldTarget, SourceArticle, SourceCategory, SourceHelpCenter, SourceVersion } from '../model.ts';
import { findExportFile, hostOf, listOf, num, readExportPages, str } from './export-files.ts';
import { isoDateTime } from '../text.ts';

type Row = Record<string, unknown>;

const ARTICLE_PATH = /^(?:\/[^/]+)?\/([a-z]{2}(?:-[a-z0-9]+)?)\/articles\/(\d+)(?:-[^/]*)?\/?$/i;
const COLLECTION_PATH = /^(?:\/[^/]+)?\/([a-z]{2}(?:-[a-z0-9]+)?)\/collections\/(\d+)(?:-[^/]*)?\/?$/i;
const HOME_PATH = /^(?:\/[^/]+)?\/([a-z]{2}(?:-[a-z0-9]+)?)\/?$/i;

function contentOf(value: unknown): Row | undefined {
  return value && typeof value === 'object' ? (value as Row) : undefined;
}

/** Reads an Intercom Articles export folder. */
export function readIntercom(root: string): SourceHelpCenter {
  const findings: Finding[] = [];
  const pages = readExportPages(root, findings);
  const articleRows: Array<Row & { origin: string }> = [];
  const groups = new Map<string, Row & { origin: string }>();
  for (const page of pages) {
    const rows = [...listOf(page, 'data'), ...listOf(page, 'items')];
    for (const row of rows) {
      const type = str(row.type);
      const origin = `${page.file}: ${type ?? 'item'} ${str(row.id)}`;
      if (type === 'article' || ('body' in row && 'title' in row)) articleRows.push({ ...row, origin });
      else if (type === 'collection' || type === 'section' || ('name' in row && !('body' in row))) groups.set(str(row.id) ?? '', { ...row, origin });
    }
    if (str(page.data.type) === 'article') articleRows.push({ ...page.data, origin: `${page.file}: article ${str(page.data.id)}` });
  }
  const hosts = new Set<string>();
  const localeCounts = new Map<string, number>();
  for (const row of articleRows) {
    const locale = str(row.default_locale);
    if (locale) localeCounts.set(locale, (localeCounts.get(locale) ?? 0) + 1);
    const host = hostOf(row.url);
    if (host) hosts.add(host);
  }
  const defaultLocale = [...localeCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'en';
  const topOf = (id: string): string => {
    const seen = new Set<string>();
    let current = id;
    for (;;) {
      const parent = str(groups.get(current)?.parent_id);
      if (!parent || !groups.has(parent) || seen.has(parent)) return current;
      seen.add(current);
      current = parent;
    }
  };
  const categories: SourceCategory[] = [];
  for (const [id, group] of groups) {
    if (topOf(id) !== id) {
      findings.push({ kind: 'category-flattened', file: group.origin.split(':')[0]!, message: `"${str(group.name) ?? id}" is inside another collection; its articles were put in the category made from "${str(groups.get(topOf(id))?.name) ?? topOf(id)}"`, source: group.origin });
      continue;
    }
    const translated = contentOf(group.translated_content) ?? {};
    const nested = [...groups.keys()].filter((other) => topOf(other) === id);
    categories.push({
      id,
      title: str(group.name) ?? `Collection ${id}`,
      description: str(group.description),
      order: [num(group.order) ?? 0],
      oldUrls: nested.map((g) => str(groups.get(g)?.url)).filter((u): u is string => !!u).concat(nested.map((g) => `/${defaultLocale}/collections/${g}`)),
      translations: Object.entries(translated)
        .filter(([locale, content]) => locale !== 'type' && locale !== defaultLocale && contentOf(content) && str(contentOf(content)!.name))
        .map(([locale, content]) => ({ locale, title: str(contentOf(content)!.name)!, description: str(contentOf(content)!.description), oldUrls: nested.map((g) => `/${locale}/collections/${g}`) })),
      origin: group.origin,
    });
  }
  const articles: SourceArticle[] = [];
  const seen = new Set<string>();
  for (const row of articleRows) {
    const id = str(row.id);
    const file = row.origin.split(':')[0]!;
    if (!id) {
      findings.push({ kind: 'row-skipped', file, message: 'has an article with no id, which was not imported', received: str(row.title) ?? 'an article without a title', fix: 'Export this page again, or add the missing id by hand and run the import again.', source: file });
      continue;
    }
    if (seen.has(id)) {
      // Overlapping pages repeat an article unchanged; different text under one id loses this copy.
      const first = articleRows.find((other) => str(other.id) === id)!;
      if (first !== row && (str(first.title) !== str(row.title) || str(first.body) !== str(row.body))) {
        findings.push({ kind: 'duplicate-id', file, message: `has article ${id} a second time, with different text; the first one (${first.origin.split(':')[0]}) was imported, this one was not`, received: `"${str(row.title) ?? ''}", and before it "${str(first.title) ?? ''}"`, fix: 'Check which version is current; if both are articles, one was exported under the wrong id: export again.', source: row.origin });
      }
      continue;
    }
    seen.add(id);
    const parent = str(row.parent_id) ?? (Array.isArray(row.parent_ids) ? str(row.parent_ids[0]) : undefined);
    if (!parent || !groups.has(parent)) {
      findings.push({ kind: 'read-error', file: row.origin.split(':')[0]!, message: `article ${id} is in no collection that is in the export, so it was not imported`, fix: 'Put it in a collection in Intercom, or export the collections list too, then run the import again.', source: row.origin });
      continue;
    }
    const locale = str(row.default_locale) ?? defaultLocale;
    const version = (content: Row, lang: string, origin: string): SourceVersion => ({
      locale: lang,
      title: str(content.title) ?? '',
      body: str(content.body) ?? '',
      description: str(content.description),
      format: 'html',
      draft: str(content.state) === 'draft',
      updated: typeof content.updated_at === 'number' ? isoDateTime(content.updated_at) : str(content.updated_at),
      oldUrls: [...(str(content.url) ? [str(content.url)!] : []), `/${lang}/articles/${id}`],
      origin,
    });
    const versions = [version(row, locale, row.origin)];
    for (const [lang, content] of Object.entries(contentOf(row.translated_content) ?? {})) {
      const value = contentOf(content);
      if (lang === 'type' || lang === locale || !value || !str(value.title)) continue;
      versions.push(version(value, lang, `${row.origin} (${lang})`));
    }
    const tagList = contentOf(row.tags)?.tags;
    articles.push({
      id,
      categoryId: topOf(parent),
      versions,
      labels: [],
      keywords: [],
      tags: Array.isArray(tagList) ? tagList.map((t) => str(contentOf(t)?.name)).filter((t): t is string => !!t) : [],
      featured: false,
      related: [],
    });
  }
  const locales = new Set(articles.flatMap((a) => a.versions.map((v) => v.locale)));
  return {
    source: 'intercom',
    root,
    defaultLocale,
    hosts: [...hosts],
    articles,
    categories,
    extraRedirects: [...locales].map((l) => ({ from: `/${l}/`, to: { kind: 'home', locale: l === defaultLocale ? undefined : l } as OldTarget })),
    findings,
    parseOldPath(path: string): OldTarget | undefined {
      let m = ARTICLE_PATH.exec(path);
      if (m) return { kind: 'article', id: m[2]!, locale: m[1] };
      m = COLLECTION_PATH.exec(path);
      if (m) return groups.has(m[2]!) ? { kind: 'category', id: topOf(m[2]!), locale: m[1] } : undefined;
      m = HOME_PATH.exec(path);
      if (m) return { kind: 'home', locale: m[1] === defaultLocale ? undefined : m[1] };
      return undefined;
    },
    locateFile(url: string): string | undefined {
      return findExportFile(root, url);
    },
  };
}
