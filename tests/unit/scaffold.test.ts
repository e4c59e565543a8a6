import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { checkContent } from '../../src/node/check/index.ts';
import { projectRoot, publicDir } from '../../src/node/project-paths.ts';
import { articleTemplate, slugify } from '../../src/shared/scaffold.ts';
import { fixtureContent } from './fixture-content.ts';

describe('new article', () => {
  test('slugs are kebab-case file names', () => {
    assert.equal(slugify("Can't sign in after changing your phone?"), 'cant-sign-in-after-changing-your-phone');
    assert.equal(slugify('Café opening hours'), 'cafe-opening-hours');
    assert.ok(slugify('word '.repeat(30)).length <= 60);
  });

  test('the template passes the content check as it is', async () => {
    const contentDir = await fixtureContent();
    const template = articleTemplate('Change your delivery address', new Date('2026-11-22T10:00:00Z'));
    assert.match(template, /^updated: 2026-11-22$/m);
    await writeFile(path.join(contentDir, 'articles/billing/change-your-delivery-address.md'), template);
    const result = await checkContent({ root: path.dirname(contentDir), contentDir, publicDir });
    assert.deepEqual(result.problems, []);
  });

  test('npm run new creates the file in the category, and refuses a bad category or a taken name', async () => {
    const contentDir = await fixtureContent();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(projectRoot, 'scripts/new-article.ts'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, HANDRAIL_CONTENT_DIR: contentDir },
      });
    const created = run('Change your delivery address', '--category', 'billing');
    assert.equal(created.status, 0, created.stderr);
    const text = await readFile(path.join(contentDir, 'articles/billing/change-your-delivery-address.md'), 'utf8');
    assert.match(text, /^title: "Change your delivery address"$/m);
    const again = run('Change your delivery address', '--category', 'billing');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);
    const wrong = run('Something', '--category', 'biling');
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /There is no category "biling"\. Did you mean "billing"\?/);
  });
});
