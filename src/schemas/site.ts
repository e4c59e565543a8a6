import { z } from 'astro/zod';
import { isValidTimeZone } from '../shared/hours.ts';
import { hexColourSchema } from './common.ts';

const themeColoursSchema = z.strictObject({
  /** Links, buttons and focus rings. */
  accent: hexColourSchema,
  /** Text on accent-coloured buttons. */
  accentText: hexColourSchema.default('#ffffff'),
});

/** Site-wide settings (`content/site.yaml`). */
export const siteSchema = z.strictObject({
  /** The help center's name, shown in the header and page titles. */
  name: z.string().trim().min(1, 'a name of 1 to 60 characters').max(60, 'a name of at most 60 characters'),
  /** The promise made on the home page, in one sentence. */
  tagline: z.string().trim().min(1, 'one sentence').max(160, 'a sentence of at most 160 characters'),
  /** Path of the logo under public/, or leave it out to show the name only. */
  logo: z
    .strictObject({
      /** Path under public/, e.g. /logo.svg. */
      src: z.string().startsWith('/', 'a path under public/ starting with "/", like "/logo.svg"'),
      /** What the logo says, usually the business name. */
      alt: z.string().trim().min(1, 'text that says what the logo shows, usually the business name'),
    })
    .optional(),
  /** Where the site is published, without the sub-path: https://help.example.com */
  url: z.url({ message: 'a full address starting with https://, like "https://help.example.com"' }),
  /** The sub-path the site lives under, e.g. "/help/". Use "/" for the root. */
  basePath: z
    .string()
    .regex(/^\/(?:[a-z0-9._-]+\/)*$/, 'a path that starts and ends with "/", like "/" or "/help/"')
    .default('/'),
  /** The business's time zone (IANA name): opening hours and notices are written in it. */
  timeZone: z.string().refine(isValidTimeZone, 'an IANA time zone name like "Europe/London" or "America/New_York"'),
  /** Language of the content, as a BCP 47 tag. */
  locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a language tag like "en" or "en-GB"').default('en'),
  /** The repository writers edit; used for "Edit this page" links. */
  repository: z.strictObject({
    /** Web address of the repository, e.g. https://github.com/acme/help */
    url: z.url({ message: 'a full address, like "https://github.com/acme/help"' }),
    /** The branch that is published. */
    branch: z.string().trim().min(1).default('main'),
  }),
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

/** Site settings after defaults are applied. */
export type SiteData = z.output<typeof siteSchema>;

/** What each field means and how to fix it, for error messages. */
export const siteFieldHelp = {
  name: 'Write the help center\'s name, e.g. name: "Acme Help".',
  tagline: 'Write one sentence, e.g. tagline: "Answers to common questions, and real people when you need them."',
  logo: 'Write logo: { src: /logo.svg, alt: "Acme" } or remove the logo line.',
  url: 'Write the full address, e.g. url: https://help.example.com',
  basePath: 'Write basePath: / for the root, or basePath: /help/ for a sub-path.',
  locale: 'Write a language tag, e.g. locale: en',
  timeZone: 'Write the time zone your opening hours are in, e.g. timeZone: Europe/London (see the "TZ identifier" column of the IANA time zone list).',
  repository: 'Write repository: { url: https://github.com/acme/help, branch: main }.',
  theme: 'Write theme colours as hex, e.g. accent: "#1d4ed8".',
} satisfies Record<keyof typeof siteSchema.shape, string>;
