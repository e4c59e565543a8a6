import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadHelpCenter } from '../data/help-center.ts';
import { buildVocabulary } from '../shared/search/vocabulary.ts';

/**
 * Every word search can find, with how many articles use it: what "Did you
 * mean …?" corrects towards and what tells a typo from a real word. That is
 * the articles' words, keywords, synonyms and phone references (an agent
 * types those), since all of them are indexed.
 */
export const GET: APIRoute = async () => {
  const { synonymGroups, references } = await loadHelpCenter();
  const entries = await getCollection('articles', (entry) => !entry.data.draft);
  const documents = entries.map((entry) => [entry.data.title, entry.data.description, ...entry.data.keywords, entry.body ?? ''].join('\n'));
  documents.push(synonymGroups.flat().join(' '));
  for (const reference of references.values()) documents.push(reference);
  return new Response(JSON.stringify(buildVocabulary(documents)), { headers: { 'Content-Type': 'application/json' } });
};
