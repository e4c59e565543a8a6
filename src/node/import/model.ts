/**
 * What every source reader produces: a help center in a neutral shape, so
 * conversion, slugs, links, redirects and writing are written once.
 */
import type { Finding } from './report.ts';

/** The importers `npm run import` offers. */
export type SourceName = 'zendesk' | 'intercom' | 'helpscout' | 'folder';

/** One language version of an article. */
export interface SourceVersion {
  /** The locale as the source writes it ("en-us", "pt-BR", "fr"). */
  locale: string;
  title: string;
  /** The body, HTML or Markdown as `format` says. */
  body: string;
  format: 'html' | 'markdown';
  /** The source's own summary, when it has one. */
  description?: string;
  draft: boolean;
  /** ISO date-time of the last change. */
  updated?: string;
  /** Addresses this version was published at: full URLs or root-relative paths. */
  oldUrls: string[];
  /** Marked out of date at the source (Zendesk's `outdated`). */
  outdated?: boolean;
  /** Where it came from, for findings: "articles-1.json: article 360001234 (fr)". */
  origin: string;
  /** What the reader already found in this version (template tags…), with `near` text to find the line. */
  notes?: Array<{ kind: Finding['kind']; message: string; received?: string; fix?: string; near?: string; sourceLine?: number }>;
}

/** One article with all its language versions. */
export interface SourceArticle {
  /** Stable id at the source (Zendesk article id, file path for folders). */
  id: string;
  /** Source id of the category it belongs to, after nested sections are folded. */
  categoryId: string;
  /** All language versions; the reader puts the source-language one first. */
  versions: SourceVersion[];
  /** Labels, keywords and tags as the source names them; the plan decides where they go. */
  labels: string[];
  keywords: string[];
  tags: string[];
  /** Position within its category, when the source orders articles by hand. */
  order?: number;
  featured: boolean;
  /** Why the article must not be published as it is (a restricted audience). */
  restricted?: string;
  /** Source ids of related articles. */
  related: string[];
}

/** One category with its translations. */
export interface SourceCategory {
  id: string;
  title: string;
  description?: string;
  /** Position on the home page; the plan turns it into a rank. */
  order: number[];
  /** Addresses of this category and of everything folded into it. */
  oldUrls: string[];
  translations: Array<{ locale: string; title: string; description?: string; oldUrls: string[] }>;
  origin: string;
}

/** Where an old link points, in the source's own terms. */
export type OldTarget =
  | { kind: 'article'; id: string; locale?: string; hash?: string }
  | { kind: 'category'; id: string; locale?: string }
  | { kind: 'home'; locale?: string }
  | { kind: 'contact' }
  | { kind: 'search' }
  | { kind: 'file'; url: string };

/** A help center read from an export, ready to be planned and written. */
export interface SourceHelpCenter {
  source: SourceName;
  /** The folder or file the export was read from (absolute). */
  root: string;
  /** The help center's default locale, as the source writes it. */
  defaultLocale: string;
  /** Hosts of the old help center, lower case: links to them are internal. */
  hosts: string[];
  articles: SourceArticle[];
  categories: SourceCategory[];
  /** Old addresses that are neither an article nor a category (home pages, empty sections). */
  extraRedirects: Array<{ from: string; to: OldTarget }>;
  /** Reads a root-relative path of the old site (no host); undefined when it is not a help-center page. */
  parseOldPath(path: string): OldTarget | undefined;
  /** Resolves a link that is not absolute (folder imports: "../billing/refunds.md"). */
  resolveRelative?(href: string, article: SourceArticle, version: SourceVersion): OldTarget | undefined;
  /** Finds the file behind an image or attachment URL in the export, as an absolute path. */
  locateFile(url: string, article: SourceArticle, version: SourceVersion): string | undefined;
  /** Problems met while reading. */
  findings: Finding[];
}
