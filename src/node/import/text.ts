/** Small text helpers shared by the conversion and the plan. */

/** Collapses runs of white space (no-break spaces included) into one space and trims. */
export function squashSpace(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
}

/**
 * Shortens text to at most `max` characters at a word boundary, dropping
 * trailing punctuation that would dangle ("Reset your password, then" → "Reset your password").
 * `ellipsis` adds "…" (within the limit) to show that text was cut.
 */
export function shortenAtWord(text: string, max: number, ellipsis = false): string {
  const clean = squashSpace(text);
  if (clean.length <= max) return clean;
  const room = ellipsis ? max - 1 : max;
  let cut = clean.slice(0, room + 1);
  const space = cut.lastIndexOf(' ');
  cut = space > room / 2 ? cut.slice(0, space) : cut.slice(0, room);
  cut = cut.replace(/[\s,;:\-–—(/&]+$/u, '').replace(/\b(and|or|but|the|a|an|to|of|for|with|in|on|that|which|your|our)$/i, '').replace(/[\s,;:\-–—(/&]+$/u, '');
  return ellipsis ? `${cut}…` : cut;
}

/**
 * The first sentence of a text, by the language's own rules
 * (`Intl.Segmenter`), at most `max` characters.
 */
export function firstSentence(text: string, locale: string, max: number): string {
  const clean = squashSpace(text);
  if (!clean) return '';
  let language = 'en';
  try {
    language = Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    // An odd locale code from an export: English sentence rules are close enough.
  }
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  let sentence = '';
  for (const { segment } of segmenter.segment(clean)) {
    sentence += segment;
    // A very short first "sentence" ("Hi!", "Note:") says nothing on its own.
    if (sentence.trim().length >= 25) break;
  }
  return shortenAtWord(sentence, max, true);
}

/** The YYYY-MM-DD day of an ISO date-time (or of Unix seconds), in UTC; undefined when it is not a date. */
export function isoDate(value: string | number | undefined): string | undefined {
  return isoDateTime(value)?.slice(0, 10);
}

/**
 * An ISO date-time from what an export holds (a Date, an ISO string, Unix
 * seconds), or undefined when it is no plausible date: an export's
 * "updated_at": 1e300 made toISOString() throw "Invalid time value" and
 * stopped the whole import, and year 99999 would be written as "+099999-…".
 */
export function isoDateTime(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  return year >= 1970 && year <= 9999 ? date.toISOString() : undefined;
}

/** A Handrail language tag from a source locale: lower case, hyphens ("pt_BR" → "pt-br"). */
export function languageTag(locale: string): string {
  return locale.trim().replace(/_/g, '-').toLowerCase();
}
