import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { imageSize } from '../image-size.ts';
import { publicDir } from '../project-paths.ts';
import { readLanguagePrefixes, readSiteStrings } from '../site-settings.ts';
import { createTranslator } from '../../shared/strings.ts';
import { rehypeArticleSanitize } from './html-allowlist.ts';
import { rehypeHandrail } from './rehype-handrail.ts';
import { remarkArticleGuard, type ArticleGuardOptions } from './remark-article-guard.ts';
import { remarkSmartPunctuation } from './remark-smart-punctuation.ts';

/**
 * The site's Markdown processor, for astro.config.mjs and for the threads
 * that render articles beside Astro's (src/node/markdown/render-pool.ts):
 * one place, so every thread renders an article to the same HTML.
 *
 * Articles are data: the guard refuses anything in an article that would
 * run (MDX imports, exports, expressions, unknown components, picture paths
 * the build would import) and turns MDX into plain markup; the sanitizer
 * then applies the one HTML allowlist to .md and .mdx alike. The same
 * processor serves both: .mdx articles are read with MDX syntax and rendered
 * to HTML in the content layer like .md ones, never compiled to code
 * (src/node/integration/article-rendering.ts).
 *
 * Articles name their callouts and tables in their own language, with the
 * site's wording from content/translations/<lang>.yaml over Handrail's (as
 * the rest of the page does); translations link to pages in their language.
 */
export function siteMarkdownProcessor(base: string) {
  const siteStrings = readSiteStrings();
  const prefixes = readLanguagePrefixes();
  const translatorOf = (code: string) => createTranslator(code, siteStrings);
  const calloutTitlesOf = (code: string) => {
    const { t } = translatorOf(code);
    return { note: t('callout.note'), tip: t('callout.tip'), warning: t('callout.warning') };
  };
  // Originals are in the default language (English when site.yaml declares none).
  const defaultCode = prefixes[0]?.code ?? 'en';
  const languages = prefixes.map(({ code, prefix }) => ({ code, prefix, tableLabel: translatorOf(code).t('table.label') }));
  const guard: ArticleGuardOptions = {
    calloutTitles: calloutTitlesOf(defaultCode),
    calloutTitlesByLanguage: Object.fromEntries(prefixes.map(({ code }) => [code, calloutTitlesOf(code)])),
    imageSize: (src: string) => imageSize(publicDir, src),
  };
  return unified({
    gfm: false,
    // Curly quotes and dashes by a plain pass over the text, not Astro's
    // smartypants (a natural-language parser, a tenth of the build's CPU).
    smartypants: false,
    remarkPlugins: [remarkSmartPunctuation, remarkGfm, [remarkArticleGuard, guard]],
    rehypePlugins: [rehypeArticleSanitize, [rehypeHandrail, { base, tableLabel: translatorOf(defaultCode).t('table.label'), publicDir, languages }]],
  });
}
