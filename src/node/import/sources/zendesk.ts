/**
 * Zendesk Guide: the Help Center API's JSON, as list pages saved from
 * `/api/v2/help_center/{locale}/articles|sections|categories`, translation
 * lists (`/articles/{id}/translations`) and `/locales`, in any file names.
 * Both offset (`next_page`) and cursor (`meta`, `links`) pages are read.
 *
 * Mapping: Handrail has one level of categories, Zendesk two (categories
 * holding sections). Sections become Handrail categories: they are what a
 * reader opens to find an article and hold a page's worth of articles each,
 * while Zendesk categories are few and broad (a Handrail category per
 * Zendesk category would put dozens of unrelated articles on one page).
 * Categories order them (a category's sections stay together, in order)
 * and their addresses redirect to their only section, or to the home page.
 * Nested sections (Guide Enterprise) are merged into their top section.
 */
import type { Finding } from '../report.ts';
import type { OldTarget, SourceArticle, SourceCategory, SourceHelpCenter, SourceVersion } from '../model.ts';
import { findExportFile, hostOf, listOf, num, readExportPages, str, type ExportPage } from './export-files.ts';

type Row = Record<string, unknown>;

interface Localised {
  locale: string;
  title: string;
  body: string;
  draft: boolean;
  updated?: string;
  htmlUrl?: string;
  outdated: boolean;
  origin: string;
}

const LOCALE = '([a-z]{2,3}(?:-[a-z0-9]{2,8})*)';
const ARTICLE_PATH = new RegExp(`^/hc(?:/${LOCALE})?/articles/(\\d+)(?:-[^/]*)?/?$`, 'i');
const SECTION_PATH = new RegExp(`^/hc(?:/${LOCALE})?/sections/(\\d+)(?:-[^/]*)?/?$`, 'i');
const CATEGORY_PATH = new RegExp(`^/hc(?:/${LOCALE})?/categories/(\\d+)(?:-[^/]*)?/?$`, 'i');
const HOME_PATH = new RegExp(`^/hc(?:/${LOCALE})?/?$`, 'i');
const REQUEST_PATH = new RegExp(`^/hc(?:/${LOCALE})?/requests/new/?$`, 'i');
const SEARCH_PATH = new RegExp(`^/hc(?:/${LOCALE})?/search/?$`, 'i');
const ATTACHMENT_PATH = /^\/(?:hc\/(?:[a-z-]+\/)?article_attachments\/|attachments\/token\/)/i;

function localised(row: Row, origin: string): Localised | undefined {
  const locale = str(row.locale);
  if (!locale) return undefined;
  return {
    locale: locale.toLowerCase(),
    title: str(row.title) ?? str(row.name) ?? '',
    body: str(row.body) ?? '',
    draft: row.draft === true,
    // edited_at is the last change to the text; updated_at also moves when only settings change.
    updated: str(row.edited_at) ?? str(row.updated_at),
    htmlUrl: str(row.html_url),
    outdated: row.outdated === true,
    origin,
  };
}

/** Reads a Zendesk Guide export folder. */
export function readZendesk(root: string): SourceHelpCenter {
  const findings: Finding[] = [];
  const pages = readExportPages(root, findings);
  const articleMeta = new Map<string, Row & { origin: string }>();
  const articleText = new Map<string, Map<string, Localised>>();
  const sections = new Map<string, Row & { origin: string }>();
  const sectionText = new Map<string, Map<string, Localised>>();
  const zCategories = new Map<string, Row & { origin: string }>();
  const categoryText = new Map<string, Map<string, Localised>>();
  let defaultLocale: string | undefined;
  const hosts = new Set<string>();
  const sourceLocales = new Map<string, number>();

  const addText = (store: Map<string, Map<string, Localised>>, id: string, row: Row, origin: string, preferExisting: boolean) => {
    const text = localised(row, origin);
    if (!text) return;
    const byLocale = store.get(id) ?? new Map<string, Localised>();
    if (!preferExisting || !byLocale.has(text.locale)) byLocale.set(text.locale, text);
    store.set(id, byLocale);
    const host = hostOf(text.htmlUrl);
    if (host) hosts.add(host);
  };
  const readPage = (page: ExportPage) => {
    if (typeof page.data.default_locale === 'string') defaultLocale = page.data.default_locale.toLowerCase();
    const single = page.data.article;
    const articles = [...listOf(page, 'articles'), ...(single && typeof single === 'object' ? [single as Row] : [])];
    for (const row of articles) {
      const id = str(row.id);
      const locale = str(row.locale);
      if (!id || !locale) {
        // Every article the Help Center API lists has both; without them there is no file to write or address to redirect.
        findings.push({
          kind: 'row-skipped',
          file: page.file,
          message: `has an article with no ${id ? 'locale' : 'id'}, which was not imported`,
          received: str(row.title) ?? (id ? `article ${id}` : 'an article without a title'),
          fix: 'Export this page again (npm run zendesk-export), or add the missing field by hand and run the import again.',
          source: page.file,
        });
        continue;
      }
      const origin = `${page.file}: article ${id} (${locale})`;
      const earlier = articleText.get(id)?.get(locale.toLowerCase());
      if (earlier && (earlier.title !== (str(row.title) ?? '') || earlier.body !== (str(row.body) ?? ''))) {
        // Overlapping pages repeat an article unchanged (harmless); different text under one id loses one of them.
        findings.push({
          kind: 'duplicate-id',
          file: page.file,
          message: `has article ${id} (${locale}) a second time, with different text; this later one was imported, the one in ${earlier.origin.split(':')[0]} was not`,
          received: `"${str(row.title) ?? ''}", and before it "${earlier.title}"`,
          fix: 'Check which version is current; if both are articles, one was exported under the wrong id: export again.',
          source: origin,
        });
      }
      const source = str(row.source_locale)?.toLowerCase();
      if (!articleMeta.has(id) || (source && str(row.locale)?.toLowerCase() === source)) articleMeta.set(id, { ...row, origin });
      if (source && !articleText.has(id)) sourceLocales.set(source, (sourceLocales.get(source) ?? 0) + 1);
      addText(articleText, id, row, origin, false);
    }
    for (const row of listOf(page, 'sections')) {
      const id = str(row.id);
      if (!id) continue;
      if (!sections.has(id) || str(row.locale) === str(row.source_locale)) sections.set(id, { ...row, origin: `${page.file}: section ${id}` });
      addText(sectionText, id, { ...row, body: row.description }, `${page.file}: section ${id}`, false);
    }
    for (const row of listOf(page, 'categories')) {
      const id = str(row.id);
      if (!id) continue;
      if (!zCategories.has(id) || str(row.locale) === str(row.source_locale)) zCategories.set(id, { ...row, origin: `${page.file}: category ${id}` });
      addText(categoryText, id, { ...row, body: row.description }, `${page.file}: category ${id}`, false);
    }
    for (const row of listOf(page, 'translations')) {
      const id = str(row.source_id);
      const type = str(row.source_type)?.toLowerCase();
      if (!id || !type) continue;
      const origin = `${page.file}: ${type} ${id} (${String(row.locale)})`;
      // An article list's own text wins over a translation list of the same locale: it is the live version.
      if (type === 'article') addText(articleText, id, row, origin, true);
      else if (type === 'section') addText(sectionText, id, row, origin, true);
      else if (type === 'category') addText(categoryText, id, row, origin, true);
    }
  };
  pages.forEach(readPage);
  defaultLocale ??= [...sourceLocales.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'en-us';
  const locale = defaultLocale;

  // Sections → Handrail categories; nested sections fold into their top section.
  const topOf = (id: string): string => {
    const seen = new Set<string>();
    let current = id;
    for (;;) {
      const parent = str(sections.get(current)?.parent_section_id);
      if (!parent || !sections.has(parent) || seen.has(parent)) return current;
      seen.add(current);
      current = parent;
    }
  };
  const textIn = (store: Map<string, Map<string, Localised>>, id: string, lang: string) => store.get(id)?.get(lang) ?? [...(store.get(id)?.values() ?? [])][0];
  const sectionUrls = (id: string) => {
    const urls: string[] = [];
    for (const text of sectionText.get(id)?.values() ?? []) {
      if (text.locale !== locale) continue;
      if (text.htmlUrl) urls.push(text.htmlUrl);
      urls.push(`/hc/${text.locale}/sections/${id}`);
    }
    return urls;
  };
  const categories: SourceCategory[] = [];
  const sectionsOfCategory = new Map<string, string[]>();
  for (const [id, section] of sections) {
    const top = topOf(id);
    if (top !== id) {
      findings.push({ kind: 'category-flattened', file: section.origin.split(':')[0]!, message: `section "${str(section.name) ?? id}" is inside another section; its articles were put in the category made from "${str(sections.get(top)?.name) ?? top}"`, source: section.origin });
      continue;
    }
    const zCategory = zCategories.get(str(section.category_id) ?? '');
    const main = textIn(sectionText, id, locale);
    const nested = [...sections.keys()].filter((other) => other !== id && topOf(other) === id);
    const categoryKey = str(section.category_id) ?? '';
    sectionsOfCategory.set(categoryKey, [...(sectionsOfCategory.get(categoryKey) ?? []), id]);
    categories.push({
      id,
      title: main?.title ?? str(section.name) ?? `Section ${id}`,
      description: stripTags(main?.body ?? str(section.description) ?? ''),
      order: [num(zCategory?.position) ?? 0, num(zCategory?.id) ?? 0, num(section.position) ?? 0],
      oldUrls: [id, ...nested].flatMap(sectionUrls),
      translations: [...(sectionText.get(id)?.values() ?? [])]
        .filter((t) => t.locale !== locale)
        .map((t) => ({ locale: t.locale, title: t.title, description: stripTags(t.body), oldUrls: [...(t.htmlUrl ? [t.htmlUrl] : []), ...[id, ...nested].map((s) => `/hc/${t.locale}/sections/${s}`)] })),
      origin: section.origin,
    });
  }

  const articles: SourceArticle[] = [];
  for (const [id, byLocale] of articleText) {
    const meta = articleMeta.get(id);
    const sectionId = str(meta?.section_id);
    if (!meta || !sectionId || !sections.has(sectionId)) {
      const origin = meta?.origin ?? [...byLocale.values()][0]?.origin ?? `article ${id}`;
      findings.push({ kind: 'read-error', file: origin.split(':')[0]!, message: meta ? `article ${id} is in section ${sectionId ?? '(none)'}, which is not in the export, so it was not imported` : `article ${id} has translations but no article record, so it was not imported`, fix: 'Export the sections list (and the article list) too, then run the import again.', source: origin });
      continue;
    }
    const sourceLocale = str(meta.source_locale)?.toLowerCase();
    const versions: SourceVersion[] = [...byLocale.values()]
      .sort((a, b) => Number(b.locale === sourceLocale) - Number(a.locale === sourceLocale) || a.locale.localeCompare(b.locale))
      .map((text) => ({
        locale: text.locale,
        title: text.title,
        body: text.body,
        format: 'html' as const,
        draft: text.draft,
        updated: text.updated,
        outdated: text.outdated && text.locale !== sourceLocale,
        oldUrls: [
          ...(text.htmlUrl ? [text.htmlUrl] : []),
          `/hc/${text.locale}/articles/${id}`,
          // Zendesk sends /hc/articles/<id> to the reader's language; here, to the default one.
          ...(text.locale === locale ? [`/hc/articles/${id}`] : []),
        ],
        origin: text.origin,
      }));
    const segment = meta.user_segment_id;
    articles.push({
      id,
      categoryId: topOf(sectionId),
      versions,
      labels: Array.isArray(meta.label_names) ? meta.label_names.filter((l): l is string => typeof l === 'string') : [],
      keywords: [],
      tags: [],
      order: num(meta.position),
      featured: meta.promoted === true,
      restricted: segment !== null && segment !== undefined ? `the user segment ${String(segment)}` : undefined,
      related: [],
    });
  }
  // Only a hand-made order means anything: when every article of a section has the same position, leave order out.
  const positions = new Map<string, Set<number | undefined>>();
  for (const a of articles) positions.set(a.categoryId, (positions.get(a.categoryId) ?? new Set()).add(a.order));
  for (const a of articles) if ((positions.get(a.categoryId)?.size ?? 0) <= 1) a.order = undefined;

  const extraRedirects: SourceHelpCenter['extraRedirects'] = [];
  const locales = new Set<string>([locale, ...[...articleText.values()].flatMap((m) => [...m.keys()])]);
  for (const l of locales) extraRedirects.push({ from: `/hc/${l}`, to: { kind: 'home', locale: l === locale ? undefined : l } });
  extraRedirects.push({ from: '/hc', to: { kind: 'home' } });
  for (const [id] of zCategories) {
    const inside = sectionsOfCategory.get(id) ?? [];
    const to: OldTarget = inside.length === 1 ? { kind: 'category', id: inside[0]! } : { kind: 'home' };
    for (const text of categoryText.get(id)?.values() ?? []) {
      const target: OldTarget = to.kind === 'category' ? { ...to, locale: text.locale } : { kind: 'home', locale: text.locale === locale ? undefined : text.locale };
      if (text.htmlUrl) extraRedirects.push({ from: text.htmlUrl, to: target });
      extraRedirects.push({ from: `/hc/${text.locale}/categories/${id}`, to: target });
    }
  }

  return {
    source: 'zendesk',
    root,
    defaultLocale: locale,
    hosts: [...hosts],
    articles,
    categories,
    extraRedirects,
    findings,
    parseOldPath(path: string): OldTarget | undefined {
      let decoded = path;
      try {
        decoded = decodeURI(path);
      } catch {
        // Keep the raw path: the patterns only need the ASCII parts.
      }
      let m = ARTICLE_PATH.exec(decoded);
      if (m) return { kind: 'article', id: m[2]!, locale: m[1]?.toLowerCase() };
      m = SECTION_PATH.exec(decoded);
      if (m) return sections.has(m[2]!) ? { kind: 'category', id: topOf(m[2]!), locale: m[1]?.toLowerCase() } : undefined;
      m = CATEGORY_PATH.exec(decoded);
      if (m) {
        const inside = sectionsOfCategory.get(m[2]!) ?? [];
        if (!zCategories.has(m[2]!)) return undefined;
        return inside.length === 1 ? { kind: 'category', id: inside[0]!, locale: m[1]?.toLowerCase() } : { kind: 'home', locale: m[1]?.toLowerCase() === locale ? undefined : m[1]?.toLowerCase() };
      }
      m = HOME_PATH.exec(decoded);
      if (m) return { kind: 'home', locale: m[1]?.toLowerCase() === locale ? undefined : m[1]?.toLowerCase() };
      if (REQUEST_PATH.test(decoded)) return { kind: 'contact' };
      if (SEARCH_PATH.test(decoded)) return { kind: 'search' };
      if (ATTACHMENT_PATH.test(decoded)) return { kind: 'file', url: path };
      return undefined;
    },
    locateFile(url: string): string | undefined {
      return findExportFile(root, url);
    },
  };
}

/** Zendesk section and category descriptions may hold a little HTML; a Handrail description is plain text. */
function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}
