/** Lower-case words of a text, apostrophes removed ("can't" → "cant"). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether a phrase occurs in a text as whole words; a trailing "s" on the last word also counts. */
function containsPhrase(textWords: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= textWords.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      const word = textWords[i + j]!;
      const wanted = phrase[j]!;
      const isLast = j === phrase.length - 1;
      if (word !== wanted && !(isLast && (word === `${wanted}s` || word === `${wanted}es`))) continue outer;
    }
    return true;
  }
  return false;
}

const splitGroups = new WeakMap<string[][], Map<string, string[]>>();

/** The words of every term, split once per set of groups: every article asks with the same groups. */
function wordsOfTerms(groups: string[][]): Map<string, string[]> {
  let found = splitGroups.get(groups);
  if (!found) splitGroups.set(groups, (found = new Map(groups.flat().map((term) => [term, words(term)]))));
  return found;
}

/**
 * The synonyms an article should also be found by: for every group with a
 * term in the text, the group's other terms. Indexed with the article, so a
 * search for "money back" finds the article that says "refund".
 */
export function synonymsFor(text: string, groups: string[][]): string[] {
  const textWords = words(text);
  const found = new Set<string>();
  const termWords = wordsOfTerms(groups);
  for (const group of groups) {
    const present = group.filter((term) => containsPhrase(textWords, termWords.get(term) ?? words(term)));
    if (present.length === 0) continue;
    for (const term of group) if (!present.includes(term)) found.add(term);
  }
  return [...found];
}

/** What an article is found by besides its own words, one Pagefind metadata field each. */
export interface SearchFields {
  /** The writer's keywords and tags: how customers word the topic. */
  keywords: string;
  /** Other words of the synonym groups the article's title, description, keywords and headings use. */
  synonyms: string;
  /** The phone reference, so an agent can type it to find the page a caller is on. */
  reference: string;
}

/**
 * The metadata an article is indexed with. Pagefind (1.5 and later)
 * searches metadata and weighs it by field (see `RANKING`), but never
 * quotes it in an excerpt, so these help ranking without a keyword list
 * or a reference code ever showing as a result's snippet.
 */
export function searchFieldsFor(
  article: { title: string; description: string; keywords: string[]; tags: string[]; headings: string[] },
  groups: string[][],
  reference: string,
): SearchFields {
  const source = [article.title, article.description, ...article.keywords, ...article.tags, ...article.headings].join(' . ');
  return {
    keywords: [...new Set([...article.keywords, ...article.tags])].join(', '),
    synonyms: synonymsFor(source, groups).join(', '),
    reference,
  };
}
