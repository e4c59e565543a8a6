/**
 * An article while its import is planned: its new slug and category, and
 * each language version's prepared body. Shared by the planning modules.
 */
import type { PreparedBody } from './convert.ts';
import type { SourceArticle, SourceVersion } from './model.ts';

/** One language version of an article, with its new title and file. */
export interface PlannedVersion {
  version: SourceVersion;
  /** The language code of a translation; undefined for the default language. */
  lang: string | undefined;
  title: string;
  prepared: PreparedBody;
  /** Path from the project root, without the extension (decided once the body is converted). */
  file: string;
}

/** An article with its new place and every version. */
export interface PlannedArticle {
  article: SourceArticle;
  slug: string;
  category: string;
  main: PlannedVersion;
  translations: PlannedVersion[];
  draft: boolean;
}
