import { editDistance } from '../suggest.ts';
import { words } from './synonyms.ts';

/**
 * Words that carry no topic in a help question ("how do I …", "my card was
 * …", "hasn't … yet", "hi, I was wondering if …"): question words, pronouns,
 * auxiliaries and their contractions (typed without the apostrophe), and
 * chat fillers. English; they are searched only as part of the whole
 * question.
 */
export const STOP_WORDS = new Set(
  ('a able about after again already also am an and any anymore anything are arent as at be been before being but by can cannot cant could couldnt ' +
    'did didnt do does doesnt doing dont even ever for from get got had hadnt has hasnt have havent having hello help here hey hi hiya how ' +
    'i id if ill im in into is isnt it its ive just keep keeps know like many me much my myself need no not now of off ok on once only or ' +
    'our out please pls plz possible really should shouldnt so some something still than thank thanks that the their them then there these they this ' +
    'those through to too tried try trying up very want wanted wanting was wasnt way we were werent what whats when where which while who why will with wonder wondering wont would ' +
    'wouldnt yet you youre your yours').split(' '),
);

/**
 * Question openings that say what kind of answer is wanted, and words such
 * an answer uses: "how much …" is answered by a page of prices. English.
 */
export const QUESTION_HINTS: { opening: string[]; words: string[] }[] = [{ opening: ['how', 'much'], words: ['cost', 'price'] }];

/**
 * Everyday phrases for money and account problems, and the word help
 * articles use for each: "they took money twice" is a charge, "get my
 * money back" a refund, "can't get in" or "locked out" signing in. A
 * phrase's words are searched as that word instead. English.
 */
export const PHRASES: { phrase: string[]; means: string }[] = [
  ...['taken', 'took', 'take', 'taking', 'deducted'].map((verb) => ({ phrase: [verb, 'money'], means: 'charged' })),
  { phrase: ['money', 'taken'], means: 'charged' },
  { phrase: ['money', 'back'], means: 'refund' },
  { phrase: ['locked', 'out'], means: 'sign' },
  { phrase: ['get', 'in'], means: 'sign' },
  { phrase: ['get', 'into'], means: 'sign' },
  { phrase: ['log', 'into'], means: 'sign' },
  { phrase: ['logged', 'out'], means: 'sign' },
];

/** Which languages' questions these rules read: English, and a help center that never said. */
function isEnglish(lang: string | undefined): boolean {
  return !lang || /^en\b/i.test(lang);
}

/** What a customer's question asks about, in the help center's words. */
export interface RewrittenQuery {
  /** Topic words: small words, fillers and their typos dropped, everyday phrases in the articles' words; typed order, no repeats. */
  terms: string[];
  /** Words an answer to the question's opening uses (see `QUESTION_HINTS`); any one of them counts. */
  hints: string[];
}

/**
 * A small word typed wrong ("hwo", "teh", "waht"): one edit from a stop
 * word of three letters or more, and not a word of the help center (nor
 * the start of one). Without a vocabulary nothing is taken for one.
 */
export function isMistypedStopWord(word: string, vocabulary: Record<string, number> | undefined): boolean {
  if (!vocabulary || word.length < 3 || vocabulary[word] !== undefined) return false;
  for (const stop of STOP_WORDS) if (stop.length >= 3 && Math.abs(stop.length - word.length) <= 1 && editDistance(word, stop) === 1) return !Object.keys(vocabulary).some((k) => k.startsWith(word));
  return false;
}

/**
 * Rewrites a customer's question into what to search: the words that carry
 * its topic, with "how do i", "why is my", "can't", "please" and their
 * typos left out, everyday money and account phrases in the articles'
 * words (`PHRASES`), and hints from its opening (`QUESTION_HINTS`). Pure;
 * the search page and the header's suggestions both search through it.
 * The phrase, opening and typo rules are English; in another language only
 * the question's own words are kept (less one-letter ones).
 */
export function rewriteQuery(query: string, options: { vocabulary?: Record<string, number>; lang?: string } = {}): RewrittenQuery {
  const all = words(query);
  const isSmall = (w: string) => w.length < 2 && !/\d/.test(w);
  if (!isEnglish(options.lang)) return { terms: [...new Set(all.filter((w) => !isSmall(w) && !STOP_WORDS.has(w)))], hints: [] };
  const replaced: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const match = PHRASES.find(({ phrase }) => phrase.every((w, j) => all[i + j] === w));
    if (match) {
      replaced.push(match.means);
      i += match.phrase.length - 1;
    } else replaced.push(all[i]!);
  }
  const terms = replaced.filter((w) => !isSmall(w) && !STOP_WORDS.has(w) && !isMistypedStopWord(w, options.vocabulary));
  const opens = (opening: string[]) => all.some((_, i) => opening.every((w, j) => all[i + j] === w));
  const hints = QUESTION_HINTS.filter((h) => opens(h.opening)).flatMap((h) => h.words);
  return { terms: [...new Set(terms)], hints };
}
