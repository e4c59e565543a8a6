/**
 * Help Scout Docs: pages saved from the Docs API v1 —
 * `/collections` (`{"collections": {"items": [...]}}`),
 * `/collections/{id}/categories`, and full articles, either one per file
 * from `/articles/{id}` (`{"article": {...}}`) or as lists holding full
 * articles. Article refs without `text` are ignored when the full article
 * is also there.
 *
 * Mapping: a Help Scout category becomes a Handrail category (a collection
 * is a whole site section, usually far larger than a page); an article in
 * several categories goes to the first, an article in none to a category
 * named after its collection. `related` and `keywords` carry over.
 */
import type { Finding } from '../report.ts';
import type { OldTarget, SourceArticle, SourceCategory, SourceHelpCenter } from '../model.ts';
import { findExportFile, hostOf, num, readExportPages, str, type ExportPage } from './export-files.ts';

type Row = Record<string, unknown>;

const ARTICLE_PATH = /^\/article\/(\d+)(?:-[^/]*)?\/?$/i;
const CATEGORY_PATH = /^\/category\/(\d+)(?:-[^/]*)?\/?$/i;
const COLLECTION_PATH = /^\/collection\/(\d+)(?:-[^/]*)?\/?$/i;

function itemsOf(page: ExportPage, field: string): Row[] {
  const value = page.data[field];
  if (Array.isArray(value)) return value.filter((v): v is Row => !!v && typeof v === 'object');
  if (value && typeof value === 'object') {
    const items = (value as Row).items;
    if (Array.isArray(items)) return items.filter((v): v is Row => !!v && typeof v === 'object');
    if (field === 'article') return [value as Row];
  }
  return [];
}

/** Reads a Help Scout Docs export folder. */
export function readHelpScout(root: string): SourceHelpCenter {
  const findings: Finding[] = [];
  const pages = readExportPages(root, findings);
  const collections = new Map<string, Row & { origin: string }>();
  const hsCategories = new Map<string, Row & { origin: string }>();
  const articleRows = new Map<string, Row & { origin: string }>();
  for (const page of pages) {
    for (const row of itemsOf(page, 'collections')) if (str(row.id)) collections.set(str(row.id)!, { ...row, origin: `${page.file}: collection ${str(row.id)}` });
    for (const row of itemsOf(page, 'categories')) if (str(row.id)) hsCategories.set(str(row.id)!, { ...row, origin: `${page.file}: category ${str(row.id)}` });
    for (const row of [...itemsOf(page, 'articles'), ...itemsOf(page, 'article')]) {
      const id = str(row.id);
      if (!id) continue;
      // A full article (with text) wins over a reference to it.
      if (!articleRows.has(id) || typeof row.text === 'string') articleRows.set(id, { ...row, origin: `${page.file}: article ${id}` });
    }
  }
  const hosts = new Set<string>();
  for (const row of [...articleRows.values(), ...collections.values()]) {
    const host = hostOf(row.publicUrl);
    if (host) hosts.add(host);
  }
  const articles: SourceArticle[] = [];
  const usedCollections = new Set<string>();
  for (const [id, row] of articleRows) {
    if (typeof row.text !== 'string') {
      findings.push({ kind: 'read-error', file: row.origin.split(':')[0]!, message: `article ${id} has no text in the export (only a reference), so it was not imported`, fix: `Save GET /v1/articles/${id} into the export folder too.`, source: row.origin });
      continue;
    }
    const categoryIds = Array.isArray(row.categories) ? row.categories.map(str).filter((c): c is string => !!c && hsCategories.has(c)) : [];
    const collection = str(row.collectionId) ?? '';
    const categoryId = categoryIds[0] ?? `collection:${collection}`;
    if (!categoryIds.length) usedCollections.add(collection);
    const number = str(row.number);
    const collectionRow = collections.get(collection);
    articles.push({
      id,
      categoryId,
      versions: [{
        locale: 'en',
        title: str(row.name) ?? '',
        body: row.text,
        format: 'html',
        draft: str(row.status) !== 'published',
        updated: str(row.updatedAt),
        oldUrls: [...(str(row.publicUrl) ? [str(row.publicUrl)!] : []), ...(number ? [`/article/${number}`, ...(str(row.slug) ? [`/article/${number}-${str(row.slug)}`] : [])] : [])],
        origin: row.origin,
      }],
      labels: [],
      keywords: Array.isArray(row.keywords) ? row.keywords.filter((k): k is string => typeof k === 'string') : [],
      tags: [],
      featured: false,
      restricted: str(collectionRow?.visibility) === 'private' ? 'the people who can see the private collection' : undefined,
      related: Array.isArray(row.related) ? row.related.map(str).filter((r): r is string => !!r) : [],
    });
  }
  const categories: SourceCategory[] = [];
  for (const [id, row] of hsCategories) {
    const collection = collections.get(str(row.collectionId) ?? '');
    const number = str(row.number);
    categories.push({
      id,
      title: str(row.name) ?? `Category ${id}`,
      description: str(row.description),
      order: [num(collection?.order) ?? 0, num(row.order) ?? 0],
      oldUrls: [...(str(row.publicUrl) ? [str(row.publicUrl)!] : []), ...(number ? [`/category/${number}`, ...(str(row.slug) ? [`/category/${number}-${str(row.slug)}`] : [])] : [])],
      translations: [],
      origin: row.origin,
    });
  }
  for (const id of usedCollections) {
    const row = collections.get(id);
    categories.push({ id: `collection:${id}`, title: str(row?.name) ?? 'General', description: str(row?.description), order: [num(row?.order) ?? 0, -1], oldUrls: [], translations: [], origin: row?.origin ?? 'collections' });
  }
  const collectionNumbers = new Map([...collections.entries()].map(([id, row]) => [str(row.number) ?? '', id]));
  const categoryNumbers = new Map([...hsCategories.entries()].map(([id, row]) => [str(row.number) ?? '', id]));
  const articleNumbers = new Map([...articleRows.entries()].map(([id, row]) => [str(row.number) ?? '', id]));
  const extraRedirects: SourceHelpCenter['extraRedirects'] = [];
  for (const [id, row] of collections) {
    const number = str(row.number);
    const urls = [...(str(row.publicUrl) ? [str(row.publicUrl)!] : []), ...(number ? [`/collection/${number}`] : [])];
    for (const url of urls) extraRedirects.push({ from: url, to: usedCollections.has(id) ? { kind: 'category', id: `collection:${id}` } : { kind: 'home' } });
  }
  return {
    source: 'helpscout',
    root,
    defaultLocale: 'en',
    hosts: [...hosts],
    articles,
    categories,
    extraRedirects,
    findings,
    parseOldPath(path: string): OldTarget | undefined {
      let m = ARTICLE_PATH.exec(path);
      if (m) {
        const id = articleNumbers.get(m[1]!);
        return id ? { kind: 'article', id } : { kind: 'article', id: `number:${m[1]}` };
      }
      m = CATEGORY_PATH.exec(path);
      if (m) {
        const id = categoryNumbers.get(m[1]!);
        return id ? { kind: 'category', id } : undefined;
      }
      m = COLLECTION_PATH.exec(path);
      if (m) {
        const id = collectionNumbers.get(m[1]!);
        return id && usedCollections.has(id) ? { kind: 'category', id: `collection:${id}` } : { kind: 'home' };
      }
      if (path === '/' || path === '') return { kind: 'home' };
      if (/^\/contact\/?$/i.test(path)) return { kind: 'contact' };
      if (/^\/search\/?$/i.test(path)) return { kind: 'search' };
      if (/\.(png|jpe?g|gif|webp|svg|pdf|zip|docx?|xlsx?|csv|txt)$/i.test(path)) return { kind: 'file', url: path };
      return undefined;
    },
    locateFile(url: string): string | undefined {
      return findExportFile(root, url);
    },
  };
}
