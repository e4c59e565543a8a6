import { z } from 'astro/zod';
import { isValidTimeZone } from '../shared/hours.ts';
// language-tags.ts is a leaf module shared with pages, so the check and the
// build agree on which way a language reads and what it calls itself.
import { canonicalTag, englishLanguageName, isKnownLanguage, nativeLanguageName, textDirection } from '../shared/language-tags.ts';
import { hexColourSchema, languageCodeSchema } from './common.ts';
import { checkSitePath, checkWebAddress, refineWith } from './web-address.ts';

const themeColoursSchema = z.strictObject({
  /** Links, buttons and focus rings. */
  accent: hexColourSchema,
  /** Text on accent-coloured buttons. */
  accentText: hexColourSchema.default('#ffffff'),
});

/** One language the help center is written in, as the writer writes it. */
export const languageFields = z
  .strictObject({
    /** The code in file names and addresses: refunds.cy.md, /cy/articles/refunds/. */
    code: languageCodeSchema,
    /** The full tag for dates, numbers and <html lang>, e.g. "en-GB"; defaults to the code. */
    locale: z.string().optional(),
    /** How the language names itself in the language picker, e.g. "Cymraeg"; defaults from the code. */
    name: z.string().trim().min(1, 'a name of 1 to 40 characters').max(40, 'a name of at most 40 characters').optional(),
    /** Which way it reads; defaults from the language (rtl for Arabic, Hebrew, Persian, Urdu, …). */
    dir: z.enum(['ltr', 'rtl']).optional(),
  })
  .superRefine((language, ctx) => {
    if (language.locale === undefined) return;
    const canonical = canonicalTag(language.locale);
    const sameLanguage = canonical && new Intl.Locale(canonical).language === language.code.split('-')[0];
    if (!canonical || !isKnownLanguage(language.locale) || !sameLanguage) {
      const base = language.code.split('-')[0];
      ctx.addIssue({ code: 'custom', path: ['locale'], message: `a language tag for ${englishLanguageName(language.code)}: "${base}", or "${base}-" and a country code in capitals` });
    }
  });

/** A language with every default filled in: what pages and the checker use. */
export interface Language {
  /** Lower-case code used in file names and addresses, e.g. "cy" or "pt-br". */
  code: string;
  /** BCP 47 tag for `lang`, `hreflang`, dates and numbers, e.g. "en-GB" or "pt-BR". */
  locale: string;
  /** The language's own name for itself, e.g. "Cymraeg". */
  name: string;
  /** Reading direction. */
  dir: 'ltr' | 'rtl';
}

/** Fills in a language's locale, name and direction from its code. */
export function resolveLanguage(language: z.output<typeof languageFields>): Language {
  const locale = canonicalTag(language.locale ?? language.code) ?? language.code;
  return { code: language.code, locale, name: language.name ?? nativeLanguageName(language.code), dir: language.dir ?? textDirection(locale) };
}

/** The fields of `content/site.yaml`, before languages are resolved (their keys feed "did you mean"). */
export const siteFields = z.strictObject({
  /** The help center's name, shown in the header and page titles. */
  name: z.string().trim().min(1, 'a name of 1 to 60 characters').max(60, 'a name of at most 60 characters'),
  /** The promise made on the home page, in one sentence. */
  tagline: z.string().trim().min(1, 'one sentence').max(160, 'a sentence of at most 160 characters'),
  /** Path of the logo under public/, or leave it out to show the name only. */
  logo: z
    .strictObject({
      /** Path under public/, e.g. /logo.svg. */
      src: z.string().superRefine(refineWith(checkSitePath)),
      /** A version for the dark theme, e.g. /logo-dark.svg (light lines on dark); leave out to use `src` in both. */
      dark: z.string().superRefine(refineWith(checkSitePath)).optional(),
      /** What the logo says, usually the business name. */
      alt: z.string().trim().min(1, 'text that says what the logo shows, usually the business name'),
    })
    .optional(),
  /** Show only the logo in the header, without the name beside it (when the logo already says the name). */
  logoOnly: z.boolean().default(false),
  /** The name under the installed app's icon; leave out for the name without "Help" or "Support" at the end. */
  shortName: z.string().trim().min(1, 'a short name of 1 to 20 characters').max(20, 'a short name of at most 20 characters').optional(),
  /** Where the site is published, without the sub-path: https://help.example.com */
  url: z.string().superRefine(refineWith((value) => checkWebAddress(value, { pathAllowed: false }))),
  /** The sub-path the site lives under, e.g. "/help/". Use "/" for the root. */
  basePath: z
    .string()
    // No "." or ".." part: "/../" made links to "/../articles/" and a _headers rule "/../*" that matches no page, so no page got the security headers.
    .regex(/^\/(?:(?!\.\.?\/)[a-z0-9._-]+\/)*$/, 'a path that starts and ends with "/", like "/" or "/help/", with no "." or ".." part')
    .default('/'),
  /** The business's time zone (IANA name): opening hours and notices are written in it. */
  timeZone: z.string().refine(isValidTimeZone, 'an IANA time zone name like "Europe/London" or "America/New_York"'),
  /** Language of a one-language site, as a BCP 47 tag; a site in several languages lists them in `languages` instead. */
  locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a language tag like "en" or "en-GB"').optional(),
  /** The languages the help center is written in; the first is the default, which every article is written in first. */
  languages: z.array(languageFields).min(1, 'at least one language').optional(),
  /** Whether the default language also gets its own prefix (/en/articles/…) instead of living at the root (/articles/…). */
  prefixDefaultLanguage: z.boolean().default(false),
  /** The repository writers edit; used for "Edit this page" links. */
  repository: z.strictObject({
    /** Web address of the repository, e.g. https://github.com/acme/help */
    url: z.string().superRefine(refineWith(checkWebAddress)),
    /** The branch that is published; it becomes part of the edit link. */
    branch: z
      .string()
      .regex(/^(?!.*\.\.)(?!\/)[A-Za-z0-9._/-]+(?<!\/)$/, 'a branch name like "main": letters, digits, ".", "_", "-" and "/"')
      .default('main'),
    /** Whether articles show an "Edit this page" link to their file here (for help centers written in the open). */
    editLinks: z.boolean().default(false),
  }),
  /**
   * Where the listening collector (npm run listen) runs, e.g.
   * https://listen.example.com: pages send votes, unanswered searches and
   * contacts to <collector>/v1/events, and the Content-Security-Policy lets
   * them reach that origin only. Leave it out and pages send nothing.
   */
  collector: z.string().superRefine(refineWith(checkWebAddress)).optional(),
  /** Brand colours, checked for contrast. */
  theme: z
    .strictObject({
      /** Colours used in the light theme. */
      light: themeColoursSchema,
      /** Colours used in the dark theme. */
      dark: themeColoursSchema,
    })
    .default({
      light: { accent: '#1d4ed8', accentText: '#ffffff' },
      dark: { accent: '#93c5fd', accentText: '#0b1220' },
    }),
});

/**
 * Site-wide settings (`content/site.yaml`), with the languages resolved:
 * `languages` always lists at least the default language, and `locale` is
 * the default language's tag, so one-language code keeps reading
 * `site.locale`. The old one-language `locale: en-GB` keeps working and
 * means `languages: [{ code: en, locale: en-GB }]`.
 */
export const siteSchema = siteFields
  .superRefine((site, ctx) => {
    if (site.locale !== undefined && site.languages !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['locale'], message: 'either locale (a one-language site) or languages, not both' });
    }
    const seen = new Set<string>();
    site.languages?.forEach((language, i) => {
      if (seen.has(language.code)) ctx.addIssue({ code: 'custom', path: ['languages', i, 'code'], message: 'a language listed only once' });
      seen.add(language.code);
    });
  })
  .transform(({ locale, languages, ...site }) => {
    const resolved = (languages ?? [{ code: new Intl.Locale(locale ?? 'en').language, locale: locale ?? 'en' }]).map(resolveLanguage);
    return { ...site, languages: resolved, locale: resolved[0]!.locale };
  });

/** Site settings after defaults are applied. */
export type SiteData = z.output<typeof siteSchema>;

/** What each field means and how to fix it, for error messages. */
export const siteFieldHelp = {
  name: 'Write the help center\'s name, e.g. name: "Acme Help".',
  tagline: 'Write one sentence, e.g. tagline: "Answers to common questions, and real people when you need them."',
  logo: 'Write logo: { src: /logo.svg, dark: /logo-dark.svg, alt: "Acme" } (dark is optional) or remove the logo line.',
  logoOnly: 'Write logoOnly: true to show only the logo in the header, or false to show the name beside it.',
  shortName: 'Write a short name for the app icon, e.g. shortName: Acme.',
  url: 'Write the full address, e.g. url: https://help.example.com',
  basePath: 'Write basePath: / for the root, or basePath: /help/ for a sub-path.',
  locale:
    'Write a language tag, e.g. locale: en-GB. For several languages, remove locale and list them instead: languages: [{ code: en, locale: en-GB }, { code: cy }] (the first is the default).',
  languages:
    'List each language with its lower-case code, the default first, e.g. languages: [{ code: en, locale: en-GB }, { code: cy }, { code: ar }]. name (as the picker shows it) and dir (ltr or rtl) are optional.',
  prefixDefaultLanguage: 'Write prefixDefaultLanguage: false to keep the default language at /articles/…, or true to publish it at /en/articles/….',
  timeZone: 'Write the time zone your opening hours are in, e.g. timeZone: Europe/London (see the "TZ identifier" column of the IANA time zone list).',
  repository: 'Write repository: { url: https://github.com/acme/help, branch: main }, and editLinks: true for "Edit this page" links on articles.',
  collector: 'Write the address of your collector, e.g. collector: https://listen.example.com, or remove the line to send nothing.',
  theme: 'Write theme colours as hex, e.g. accent: "#1d4ed8".',
  'languages.code': 'Write the lower-case code of the language, e.g. code: cy for Welsh or code: pt-br for Brazilian Portuguese.',
  'languages.locale': 'Write the full tag of the same language, e.g. locale: en-GB for code: en, or leave it out.',
  'languages.name': 'Write the name the language calls itself, e.g. name: Cymraeg, or leave it out.',
  'languages.dir': 'Write dir: rtl or dir: ltr, or leave it out to use the language\'s own direction.',
} satisfies Record<keyof typeof siteFields.shape, string> & Partial<Record<`languages.${keyof typeof languageFields.shape}`, string>>;
