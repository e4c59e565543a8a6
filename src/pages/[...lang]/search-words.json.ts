import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { languageParams, usePageLanguage } from '../../data/page-language.ts';
import { buildVocabulary } from '../../shared/search/vocabulary.ts';
import { splitTranslationName } from '../../shared/translations.ts';

/** One vocabulary per language, beside that language's search page: "Did you mean" suggests words of the reader's language. */
export const getStaticPaths = (async () => (await languageParams()).map(({ lang, code }) => ({ params: { lang }, props: { code } }))) satisfies GetStaticPaths;

/**
 * Every word search can find in a language, with how many articles use it:
 * what a typo is corrected towards and what tells a typo from a real word.
 * The articles' words, keywords and synonyms; not the phone references,
 * which would add a word per article for a few agents (search tells a typed
 * reference apart from a typo by the field it matches instead).
 */
export const GET: APIRoute = async ({ params, props }) => {
  const code = (props as { code: string }).code;
  const { page, center } = await usePageLanguage({ params, locals: {} as App.Locals }, code);
  const entries = page.isDefault
    ? await getCollection('articles', (entry) => !entry.data.draft)
    : await getCollection('articleTranslations', (entry) => !entry.data.draft && splitTranslationName(entry.id.split('/')[1] ?? '').lang === code && center.bySlug.get(splitTranslationName(entry.id.split('/')[1] ?? '').slug)?.translation !== undefined);
  const documents = entries.map((entry) => [entry.data.title, entry.data.description, ...entry.data.keywords, entry.body ?? ''].join('\n'));
  documents.push(center.synonymGroups.flat().join(' '));
  return new Response(JSON.stringify(buildVocabulary(documents)), { headers: { 'Content-Type': 'application/json' } });
};
