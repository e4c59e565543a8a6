import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadHelpCenter } from '../data/help-center.ts';
import { buildVocabulary } from '../shared/search/vocabulary.ts';

/**
 * Every word search can find, with how many articles use it: what a typo is
 * corrected towards and what tells a typo from a real word. The articles'
 * words, keywords and synonyms; not the phone references, which would add a
 * word per article for a few agents (search tells a typed reference apart
 * from a typo by the field it matches instead).
 */
export const GET: APIRoute = async () => {
  const { synonymGroups } = await loadHelpCenter();
  const entries = await getCollection('articles', (entry) => !entry.data.draft);
  const documents = entries.map((entry) => [entry.data.title, entry.data.description, ...entry.data.keywords, entry.body ?? ''].join('\n'));
  documents.push(synonymGroups.flat().join(' '));
  return new Response(JSON.stringify(buildVocabulary(documents)), { headers: { 'Content-Type': 'application/json' } });
};
