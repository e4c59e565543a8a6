import { words } from './synonyms.ts';

/** Most words the vocabulary keeps; the rarest go first past this. */
export const VOCABULARY_LIMIT = 20_000;

/** Markdown and MDX syntax that is not words a customer would type. */
function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}

/**
 * Every word that can be found, with the number of articles it appears in:
 * what "Did you mean …?" corrects typos towards. Built once per build and
 * fetched only when a search finds nothing.
 */
export function buildVocabulary(documents: string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const document of documents) {
    for (const word of new Set(words(plainText(document)))) {
      if (word.length < 3 || /^\d+$/.test(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const kept = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, VOCABULARY_LIMIT);
  return Object.fromEntries(kept.sort((a, b) => a[0].localeCompare(b[0])));
}
