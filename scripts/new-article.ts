/**
 * Creates a well-formed article from a template with today's date.
 *
 *   npm run new -- "Change your delivery address" --category orders [--mdx]
 */
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, projectRoot } from '../src/node/project-paths.ts';
import { articleTemplate, slugify } from '../src/shared/scaffold.ts';
import { suggestClosest } from '../src/shared/suggest.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { category: { type: 'string' }, mdx: { type: 'boolean', default: false } },
});

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

const title = positionals.join(' ').trim();
// billing.cy.yaml is a translation of the billing category, not a category.
const categories = (await readdir(path.join(contentDir, 'categories'))).map((f) => f.replace(/\.ya?ml$/, '')).filter((name) => !name.includes('.'));
if (!title) stop('Give the article a title: npm run new -- "Change your delivery address" --category orders');
if (!values.category) stop(`Say which category it belongs to with --category. Categories: ${categories.join(', ')}.`);
if (!categories.includes(values.category)) {
  const guess = suggestClosest(values.category, categories);
  stop(`There is no category "${values.category}".${guess ? ` Did you mean "${guess}"?` : ''} Categories: ${categories.join(', ')}.`);
}
const slug = slugify(title);
if (!slug) stop('The title needs at least one letter or number to make a file name from.');
const articles = path.join(contentDir, 'articles');
const taken = existsSync(articles) ? (await readdir(articles, { recursive: true })).map((f) => path.basename(String(f)).replace(/\.mdx?$/, '')) : [];
if (taken.includes(slug)) stop(`An article called ${slug} already exists. Choose another title, or edit that article.`);
const file = path.join(articles, values.category, `${slug}.${values.mdx ? 'mdx' : 'md'}`);
await writeFile(file, articleTemplate(title, new Date()), { flag: 'wx' });
console.log(`Created ${path.relative(projectRoot, file)}. Fill in the description and keywords, write the steps, then run npm run check.`);
