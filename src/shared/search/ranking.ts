/**
 * How Pagefind weighs a match in each metadata field (Pagefind 1.5 and
 * later search metadata). A field's boost is its weight × the rarity of the
 * query words it matched × the share of the query it covers, squared, so a
 * field that holds the whole query counts far more than one stray word.
 *
 * - `title`: Pagefind's own default; the h1 is also weighted in the body.
 * - `keywords`: the writer's words for the topic, nearly as telling as the title.
 * - `synonyms`: found by machine from the synonym groups, so less telling.
 * - `description`: the summary, also indexed (weighted) as body text.
 * - `reference`: a phone reference is unique; typing one must find its page.
 * - `updated`: a date says nothing about the topic.
 */
export const META_WEIGHTS = {
  title: 5,
  keywords: 4,
  synonyms: 2,
  description: 1,
  reference: 10,
  updated: 0,
} as const;

/** The metadata field holding an article's phone reference. */
export const REFERENCE_FIELD = 'reference';

/** The options every search in the help center passes to `pagefind.options()`. */
export const PAGEFIND_OPTIONS = {
  ranking: { metaWeights: META_WEIGHTS },
} as const;
