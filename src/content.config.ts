import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { categorySchema } from './schemas/category.ts';
import { siteSchema } from './schemas/site.ts';
import { contactSchema } from './schemas/contact.ts';
import { announcementsSchema } from './schemas/announcements.ts';
import { synonymsSchema } from './schemas/synonyms.ts';
import { accessibilitySchema } from './schemas/accessibility.ts';
import { redirectsSchema } from './schemas/redirects.ts';
import { announcementTranslationsSchema, articleTranslationSchema, categoryTranslationSchema, contactTranslationSchema, uiStringsSchema } from './schemas/translations.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { contentDir, OPTIONAL_SETTINGS_FILES } from './node/project-paths.ts';
import { optionalGlob } from './node/optional-glob.ts';

// The content checker (scripts/check-content.ts) runs before the build with
// the same schemas and reports problems with file, line and fix; these
// collections only load what it has already accepted.

// A file name with a second dot is a translation (refunds.cy.md, billing.cy.yaml):
// slugs never contain one. Translations load into collections of their own.
const TRANSLATION = '*.*.{md,mdx,yaml,yml}';

const articles = defineCollection({
  loader: glob({
    pattern: ['*/*.{md,mdx}', `!*/${TRANSLATION}`],
    base: `${contentDir}/articles`,
    // The id is the file's path, extension included ("billing/refunds.mdx"):
    // Astro keeps an entry while its id and text are unchanged, so an id
    // without the extension kept serving the old .md page (its rendered HTML,
    // its file path) after the file was renamed to .mdx. The slug is the file
    // name without the extension (src/data/help-center.ts).
    generateId: ({ entry }) => entry,
  }),
  schema: articleSchema,
});

const categories = defineCollection({
  loader: glob({ pattern: ['*.{yaml,yml}', `!${TRANSLATION}`], base: `${contentDir}/categories` }),
  schema: categorySchema,
});

/** Translated articles, by "billing/refunds.cy". */
const articleTranslations = defineCollection({
  loader: optionalGlob({ pattern: '*/*.*.{md,mdx}', base: `${contentDir}/articles`, generateId: ({ entry }) => entry.replace(/\.mdx?$/, '') }),
  schema: articleTranslationSchema,
});

/** Translated categories, by "billing.cy". */
const categoryTranslations = defineCollection({
  loader: optionalGlob({ pattern: '*.*.{yaml,yml}', base: `${contentDir}/categories`, generateId: ({ entry }) => entry.replace(/\.ya?ml$/, '') }),
  schema: categoryTranslationSchema,
});

/** Contact words per language (contact.cy.yaml), by language code. */
const contactTranslations = defineCollection({
  loader: optionalGlob({ pattern: 'contact.*.{yaml,yml}', base: contentDir, generateId: ({ entry }) => entry.split('.')[1] ?? entry }),
  schema: contactTranslationSchema,
});

/** Notice words per language (announcements.cy.yaml), by language code. */
const announcementTranslations = defineCollection({
  loader: optionalGlob({ pattern: 'announcements.*.{yaml,yml}', base: contentDir, generateId: ({ entry }) => entry.split('.')[1] ?? entry }),
  schema: announcementTranslationsSchema,
});

/** Each language's own synonym groups (synonyms.cy.yaml), by language code. */
const synonymTranslations = defineCollection({
  loader: optionalGlob({ pattern: 'synonyms.*.{yaml,yml}', base: contentDir, generateId: ({ entry }) => entry.split('.')[1] ?? entry }),
  schema: synonymsSchema,
});

/** The site's own interface strings per language (translations/cy.yaml), by language code. */
const uiStrings = defineCollection({
  loader: optionalGlob({ pattern: '*.{yaml,yml}', base: `${contentDir}/translations`, generateId: ({ entry }) => entry.replace(/\.ya?ml$/, '') }),
  schema: uiStringsSchema,
});

const settings = defineCollection({
  loader: glob({ pattern: 'site.yaml', base: contentDir, generateId: () => 'site' }),
  schema: siteSchema,
});

const contact = defineCollection({
  loader: glob({ pattern: 'contact.yaml', base: contentDir, generateId: () => 'contact' }),
  schema: contactSchema,
});

/**
 * A settings file the content folder may leave out: with no file, no entry.
 * The glob loader would warn on every build and every save that it found no
 * file, which reads like something is wrong. (The dev server restarts when
 * such a file is created: src/node/integration/.)
 */
function optionalFile(name: (typeof OPTIONAL_SETTINGS_FILES)[number]) {
  const id = name.replace(/\.yaml$/, '');
  return existsSync(path.join(contentDir, name)) ? glob({ pattern: name, base: contentDir, generateId: () => id }) : () => [];
}

const announcements = defineCollection({ loader: optionalFile('announcements.yaml'), schema: announcementsSchema });
const synonyms = defineCollection({ loader: optionalFile('synonyms.yaml'), schema: synonymsSchema });
const accessibility = defineCollection({ loader: optionalFile('accessibility.yaml'), schema: accessibilitySchema });
/** Old addresses of a previous help center (content/redirects.yaml), each a redirect page. */
const oldAddresses = defineCollection({ loader: optionalFile('redirects.yaml'), schema: redirectsSchema });

export const collections = {
  articles,
  categories,
  settings,
  contact,
  announcements,
  synonyms,
  accessibility,
  oldAddresses,
  articleTranslations,
  categoryTranslations,
  contactTranslations,
  announcementTranslations,
  synonymTranslations,
  uiStrings,
};
