import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { categorySchema } from './schemas/category.ts';
import { siteSchema } from './schemas/site.ts';
import { contactSchema } from './schemas/contact.ts';
import { announcementsSchema } from './schemas/announcements.ts';
import { synonymsSchema } from './schemas/synonyms.ts';
import { accessibilitySchema } from './schemas/accessibility.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { contentDir, OPTIONAL_SETTINGS_FILES } from './node/project-paths.ts';

// The content checker (scripts/check-content.ts) runs before the build with
// the same schemas and reports problems with file, line and fix; these
// collections only load what it has already accepted.

const articles = defineCollection({
  loader: glob({
    pattern: '*/*.{md,mdx}',
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
  loader: glob({ pattern: '*.{yaml,yml}', base: `${contentDir}/categories` }),
  schema: categorySchema,
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

export const collections = { articles, categories, settings, contact, announcements, synonyms, accessibility };
