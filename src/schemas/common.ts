import { z } from 'astro/zod';
// A leaf module shared with pages: the check and the build agree on what a language code is.
import { canonicalTag, isKnownLanguage, LANGUAGE_CODE } from '../shared/language-tags.ts';

/** Lower-case words joined by hyphens: the shape of every file and folder name a writer creates. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Whether text has something a reader can see: a letter, digit, mark of
 * punctuation or symbol. `.trim()` leaves zero-width spaces and joiners,
 * so a title of "\u200B" would pass a length check and show as nothing.
 */
export function hasVisibleText(text: string): boolean {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(text);
}

/** A zod refinement refusing text with nothing visible in it, worded for the field (see {@link hasVisibleText}). */
export function visibleText(field: string, showsAs: string, fix: string) {
  return (text: string, ctx: z.core.$RefinementCtx<string>): void => {
    if (text.length && !hasVisibleText(text)) {
      const allowed = `a ${field} with visible words`;
      ctx.addIssue({ code: 'custom', message: allowed, params: { problem: `has only invisible characters, which show as ${showsAs}`, allowed, fix } });
    }
  };
}

/** A slug that names another article or a category. */
export const slugSchema = z
  .string()
  .regex(KEBAB_CASE, 'a slug in lower-case words joined by hyphens, like "reset-your-password"');

/**
 * A calendar date written as YYYY-MM-DD. YAML turns an unquoted date into a
 * Date object and leaves an impossible one ("2025-02-30") as a string, so
 * both forms arrive here; either way the result is a real calendar day.
 */
export const calendarDateSchema = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'a real date written as YYYY-MM-DD, like 2026-03-14' });
        return z.NEVER;
      }
      return value;
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    if (!match || !date || date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) {
      ctx.addIssue({ code: 'custom', message: 'a real date written as YYYY-MM-DD, like 2026-03-14' });
      return z.NEVER;
    }
    return date;
  });

/** A CSS hex colour, the one form every writer's colour picker gives. */
export const hexColourSchema = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a hex colour like "#1d4ed8"');

/**
 * A language code as writers type it in site.yaml, file names and contact
 * channels: lower case, canonical ("cy", not "cym"), and a language the
 * platform knows, so a typo fails the check instead of naming a language
 * no one reads.
 */
export const languageCodeSchema = z.string().superRefine((code, ctx) => {
  const allowed = 'a lower-case language code like "en", "cy", "ar" or "pt-br"';
  if (!LANGUAGE_CODE.test(code)) {
    ctx.addIssue({ code: 'custom', message: allowed });
    return;
  }
  const canonical = canonicalTag(code)?.toLowerCase();
  if (!canonical || !isKnownLanguage(code)) ctx.addIssue({ code: 'custom', message: `${allowed} (this one is not a language code)` });
  else if (canonical !== code) ctx.addIssue({ code: 'custom', message: `the short form of the code, "${canonical}", which browsers and search engines use` });
});
