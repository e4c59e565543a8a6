import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadHelpCenter } from '../data/help-center.ts';
import { buildVocabulary } from '../shared/search/vocabulary.ts';

/** The words of every published article, for the search page's "Did you mean …?". */
export const GET: APIRoute = async () => {
  const { synonymGroups } = await loadHelpCenter();
  const entries = await getCollection('articles', (entry) => !entry.data.draft);
  const documents = entries.map((entry) => [entry.data.title, entry.data.description, ...entry.data.keywords, entry.body ?? ''].join('\n'));
  documents.push(synonymGroups.flat().join(' '));
  return new Response(JSON.stringify(buildVocabulary(documents)), { headers: { 'Content-Type': 'application/json' } });
};
