/**
 * Grouping of what readers typed: "Refunds", "refund " and "réfund" are one
 * content gap. Deliberately simple and predictable (a writer should be able
 * to guess why two queries were grouped), so no stemming beyond plurals.
 */

// Words that end in "s" without being plurals, for the English rule below.
const ENGLISH_KEEP = new Set(['news', 'does', 'this', 'always', 'series', 'species', 'various', 'perhaps', 'lens', 'yes', 'plus', 'gas', 'bus', 'its', 'his', 'has', 'was', 'whereas', 'sometimes']);
// Languages whose regular plural is a final "s" on the singular.
const FINAL_S_LANGUAGES = new Set(['fr', 'es', 'pt', 'ca']);

/** The singular of a trivial plural in the reader's language; other words unchanged. */
export function singular(word: string, lang: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const base = lang.split('-')[0];
  if (base === 'en') {
    if (ENGLISH_KEEP.has(word) || /(?:ss|us|is)$/.test(word)) return word;
    if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`; // batteries → battery
    if (/(?:ches|shes|xes|sses|zzes)$/.test(word)) return word.slice(0, -2); // boxes → box, addresses → address
    if (word.endsWith('s')) return word.slice(0, -1); // refunds → refund, shoes → shoe
    return word;
  }
  if (base && FINAL_S_LANGUAGES.has(base) && /[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The grouping key of a query: case and accents folded, punctuation and
 * repeated spaces collapsed, trivial plurals made singular. Word order is
 * kept: "card refund" and "refund card" may not mean the same.
 */
export function normaliseQuery(query: string, lang: string): string {
  return query
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => singular(word, lang))
    .join(' ');
}

// Small words that say nothing about the topic, for matching queries to categories.
const ENGLISH_STOPWORDS = new Set(
  'a an and are as at be by can could do for from get how i if in is it me my of on or our so that the their there this to was we what when where which who why will with you your'.split(' '),
);

/** The words of a query that carry its topic (English stopwords dropped). */
export function topicWords(key: string, lang: string): string[] {
  const words = key.split(' ').filter(Boolean);
  return lang.startsWith('en') ? words.filter((word) => !ENGLISH_STOPWORDS.has(word)) : words;
}
