import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { writerComponents } from '../../src/shared/writer-components.ts';
import { checkContent } from '../../src/node/check/index.ts';
import { formatProblem } from '../../src/shared/problems.ts';
import { projectRoot, publicDir } from '../../src/node/project-paths.ts';
import { fixtureContent } from './fixture-content.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { articleTranslationSchema, INHERITED_ARTICLE_FIELDS } from '../../src/schemas/translations.ts';

describe('CONTRIBUTING.md stays true to the code', async () => {
  const guide = await readFile(path.join(projectRoot, 'CONTRIBUTING.md'), 'utf8');
  const section = guide.slice(guide.indexOf('## Front matter reference'), guide.indexOf('## Links and pictures'));

  test('the front matter table lists exactly the schema fields, with the required ones marked', () => {
    const rows = [...section.matchAll(/^\| `([a-z_]+)` \| (yes|no) \|/gm)].map((m) => [m[1]!, m[2]!]);
    const fields = Object.keys(articleSchema.shape);
    assert.deepEqual(rows.map(([field]) => field).sort(), [...fields].sort());
    const required = fields.filter((field) => !articleSchema.shape[field as keyof typeof articleSchema.shape].safeParse(undefined).success);
    assert.deepEqual(rows.filter(([, r]) => r === 'yes').map(([f]) => f).sort(), required.sort());
  });

  test('the translation front matter table lists exactly its schema fields, and the text names every inherited one', () => {
    const languages = guide.slice(guide.indexOf('## Write in more than one language'), guide.indexOf('## Writing help that works for everyone'));
    const table = languages.slice(languages.indexOf("A translated article's front matter"));
    const rows = [...table.matchAll(/^\| `([a-z_]+)` \| (yes|no) \|/gm)].map((m) => [m[1]!, m[2]!]);
    const fields = Object.keys(articleTranslationSchema.shape);
    assert.deepEqual(rows.map(([field]) => field).sort(), [...fields].sort());
    const required = fields.filter((field) => !articleTranslationSchema.shape[field as keyof typeof articleTranslationSchema.shape].safeParse(undefined).success);
    assert.deepEqual(rows.filter(([, r]) => r === 'yes').map(([f]) => f).sort(), required.sort());
    for (const field of INHERITED_ARTICLE_FIELDS) assert.match(table, new RegExp(`\`${field}\``), `${field} is not named as inherited`);
  });

  test('every writer component is documented with an example', () => {
    for (const name of Object.keys(writerComponents)) {
      assert.match(guide, new RegExp(`\\*\\*${name}\\*\\*`), `${name} has no section`);
      assert.match(guide, new RegExp(`<${name}[\\s>]`), `${name} has no example`);
    }
  });

  test('the example error is what the checker really prints', async () => {
    const contentDir = await fixtureContent();
    await writeFile(path.join(contentDir, 'articles/billing/refunds.md'), '---\ndescription: Getting your money back.\ntitle: Get a refund\ntittle: Get a refund\n---\n\nText.\n');
    const result = await checkContent({ root: path.dirname(contentDir), contentDir, publicDir });
    assert.equal(result.problems.length, 1);
    const printed = formatProblem({ ...result.problems[0]!, file: 'content/articles/billing/refunds.md' });
    assert.ok(guide.includes(printed), `CONTRIBUTING.md should show:\n${printed}`);
  });
});
