/**
 * Front-matter fields an import writes that the source may not give in a
 * form the schemas take: titles shortened to fit, descriptions made from
 * the first sentence, category files. Each change is reported.
 */
import { DESCRIPTION_MAX, TITLE_MAX } from '../../schemas/article.ts';
import { yamlBlock } from './frontmatter.ts';
import type { PlannedVersion } from './planned.ts';
import type { Finding } from './report.ts';
import { firstSentence, shortenAtWord, squashSpace } from './text.ts';

/** Longest category title (src/schemas/category.ts). */
const CATEGORY_TITLE_MAX = 60;

/** Labels or tags once each, compared without case, with spacing tidied. */
export function unique(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values.map((v) => squashSpace(v)).filter(Boolean)) {
    const key = value.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(value);
    }
  }
  return out;
}

/** A title that fits the schema, reported when it had to be shortened. */
export function fitTitle(title: string, origin: string, findings: Finding[], fallback?: string): string {
  const clean = squashSpace(title);
  if (!clean && fallback) {
    // An empty title would be refused by the check with nothing to go on; a placeholder names the article until a writer titles it.
    findings.push({ kind: 'title-missing', file: origin, field: 'title', message: `had no title; it was given "${fallback}"`, allowed: 'the question or task, in the customer\'s words', fix: 'Write a real title.', source: origin });
    return fallback;
  }
  if (clean.length <= TITLE_MAX) return clean;
  const short = shortenAtWord(clean, TITLE_MAX);
  findings.push({ kind: 'title-shortened', file: origin, message: `had a title over ${TITLE_MAX} characters; it was shortened at a word boundary`, received: clean, allowed: `at most ${TITLE_MAX} characters`, fix: `Check the new title "${short}" still says what the article answers.`, source: origin });
  return short;
}

/** The source's own description, or the first sentence of the body (reported: a writer should check it). */
export function describe(v: PlannedVersion, findings: Finding[], where: { file: string; source: string }): string {
  const own = squashSpace(v.version.description ?? '');
  if (own) return shortenAtWord(own, DESCRIPTION_MAX, true);
  const sentence = firstSentence(v.prepared.openingText, v.version.locale, DESCRIPTION_MAX) || v.title;
  findings.push({ ...where, kind: 'description-generated', field: 'description', message: 'had no description; one was made from the first sentence', received: sentence, fix: 'Check this: one sentence on what the article answers, in the customer\'s words.' });
  return sentence;
}

/** A category file (or a category translation) as YAML; a missing description is made from its article titles, and reported. */
export function categoryYaml(title: string, description: string | undefined, order: number | undefined, articleTitles: string[], file: string, origin: string, findings: Finding[], lang: string | undefined): string {
  let fitted = squashSpace(title);
  if (fitted.length > CATEGORY_TITLE_MAX) {
    const short = shortenAtWord(fitted, CATEGORY_TITLE_MAX);
    findings.push({ kind: 'title-shortened', file, field: 'title', message: `had a title over ${CATEGORY_TITLE_MAX} characters; it was shortened`, received: fitted, fix: `Check "${short}" still names the category.`, source: origin });
    fitted = short;
  }
  let text = squashSpace(description ?? '');
  if (!text) {
    // Nothing to say from the source: the articles it holds say what it covers.
    const named = articleTitles.slice(0, 3);
    text = named.length ? shortenAtWord(`${named.join('; ')}${articleTitles.length > 3 ? '; and more' : ''}.`, DESCRIPTION_MAX, true) : fitted;
    findings.push({ kind: 'description-generated', file, field: 'description', message: `had no description; one was made from ${named.length ? 'its article titles' : 'its title'}`, received: text, fix: 'Check this: one sentence on what the category covers.', source: origin });
  } else text = shortenAtWord(text, DESCRIPTION_MAX, true);
  const data: Record<string, unknown> = { title: fitted, description: text };
  if (order !== undefined && lang === undefined) data.order = order;
  return yamlBlock(data);
}
