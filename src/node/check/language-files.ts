import path from 'node:path';
import type { SiteData } from '../../schemas/site.ts';
import { englishLanguageName, isKnownLanguage } from '../../shared/language-tags.ts';
import type { Problem } from '../../shared/problems.ts';
import { suggestClosest } from '../../shared/suggest.ts';
import { relative, type ContentPaths } from './files.ts';
import type { ArticleCheckCache } from './article-cache.ts';

/** What every language rule needs: where content lives, the declared languages, and where problems go. */
export interface LanguageContext {
  paths: ContentPaths;
  /** Undefined when site.yaml itself is broken; its own problem is reported, and language names are not judged. */
  site?: SiteData;
  problems: Problem[];
  /** What earlier checks found in each translated article, reused while the file and its original's name are unchanged. */
  articleCache?: ArticleCheckCache;
}

/** How a file that carries a language code in its name is named and what it translates. */
export interface LanguageFile {
  /** The file as reported, e.g. content/articles/billing/refunds.cy.md. */
  file: string;
  /** The code in its name, e.g. "cy". */
  lang: string;
  /** The file name it should have with another code, for the fix. */
  renameTo(code: string): string;
  /** The default-language original it translates; none where the default language may have one too (interface strings). */
  original?: string;
}

/** The declared languages other than the default, as writers read them in a message: "cy (Welsh), ar (Arabic)". */
export function describeLanguages(site: SiteData, includeDefault = false): string {
  const listed = includeDefault ? site.languages : site.languages.slice(1);
  return listed.map((language) => `${language.code} (${englishLanguageName(language.code)})`).join(', ') || 'none besides the default';
}

/**
 * Checks the language code in a translation's file name: lower case, not
 * the default language, and declared in site.yaml, with the closest
 * declared code suggested for a typo. True when the file may be used.
 */
export function checkFileLanguage(ctx: LanguageContext, target: LanguageFile): boolean {
  const { site, problems } = ctx;
  if (!site) return false;
  const { file, lang } = target;
  const declared = site.languages.map((language) => language.code);
  const defaultLanguage = site.languages[0]!;
  const settings = relative(ctx.paths, path.join(ctx.paths.contentDir, 'site.yaml'));
  if (lang !== lang.toLowerCase()) {
    problems.push({
      file,
      message: `has the language code "${lang}" in capitals`,
      received: lang,
      allowed: 'lower-case codes, like "cy" or "pt-br"',
      fix: `Rename the file to ${target.renameTo(lang.toLowerCase())}.`,
      severity: 'error',
    });
    return false;
  }
  if (lang === defaultLanguage.code && target.original) {
    problems.push({
      file,
      message: `is named as a translation into ${englishLanguageName(defaultLanguage.code)}, the site's default language`,
      received: lang,
      allowed: describeLanguages(site),
      fix: `The ${englishLanguageName(defaultLanguage.code)} text belongs in ${target.original}: keep one of the two files and remove the other.`,
      severity: 'error',
    });
    return false;
  }
  if (declared.includes(lang)) return true;
  const guess = suggestClosest(lang, declared.filter((code) => code !== defaultLanguage.code || !target.original));
  problems.push({
    file,
    message: `is in the language "${lang}", which ${settings} does not declare`,
    received: lang,
    allowed: describeLanguages(site, !target.original),
    fix: guess
      ? `Did you mean "${guess}"? Rename the file to ${target.renameTo(guess)}.`
      : isKnownLanguage(lang)
        ? `To publish in ${englishLanguageName(lang)}, add { code: ${lang} } to languages in ${settings}; otherwise remove the file.`
        : `"${lang}" is not a language code. Rename the file with the code of a language listed in ${settings}, e.g. ${target.renameTo(declared[1] ?? defaultLanguage.code)}.`,
    severity: 'error',
  });
  return false;
}
