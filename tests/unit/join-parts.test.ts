/**
 * Joining the parts of a split build (src/node/join-parts.ts): every file
 * once, the same assets allowed in several parts, and a refusal naming
 * the file and the fix when the parts do not make one site.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { partRecordName, type PartRecord } from '../../src/node/integration/build-records.ts';
import { JoinError, joinParts } from '../../src/node/join-parts.ts';
import { BUILD_MARKER } from '../../src/node/publish.ts';

const LANGUAGES = ['en', 'cy', 'ar'];

function recordOf(part: string, pages: string[], changes: Partial<PartRecord> = {}): PartRecord {
  return {
    generator: 'Handrail',
    part,
    languages: LANGUAGES,
    sitePages: part === 'en',
    finish: { base: '/', languages: LANGUAGES.map((code, i) => ({ code, prefix: i === 0 ? '' : code, searchLanguage: code })) },
    pages,
    ...changes,
  };
}

describe('joining the parts of a split build', () => {
  let root: string;
  let count = 0;

  /** A part's folder: its files, its record, and a publish marker of its own. */
  async function makePart(part: string, files: Record<string, string>, changes: Partial<PartRecord> = {}): Promise<string> {
    const dir = path.join(root, `${part}-${count++}`);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    const pages = Object.keys(files).filter((name) => name.endsWith('index.html')).map((name) => name.replace(/index\.html$/, ''));
    await writeFile(path.join(dir, partRecordName(part)), JSON.stringify(recordOf(part, pages, changes)));
    await writeFile(path.join(dir, BUILD_MARKER), JSON.stringify({ generator: 'Handrail', built: `${part}-${count}` }));
    return dir;
  }

  const english = () => makePart('en', { 'index.html': 'home', 'articles/a/index.html': 'A', 'sitemap.xml': '<urlset/>', '_astro/site.1a2b.css': 'css', 'logo.svg': '<svg/>' });
  const welsh = () => makePart('cy', { 'cy/index.html': 'hafan', 'cy/articles/a/index.html': 'A cy', '_astro/site.1a2b.css': 'css', 'logo.svg': '<svg/>' });
  const arabic = () => makePart('ar', { 'ar/index.html': 'الرئيسية', '_astro/site.1a2b.css': 'css', 'logo.svg': '<svg/>' });

  async function refusal(dirs: string[]): Promise<string> {
    const into = path.join(root, `joined-${count++}`);
    const error = await joinParts(dirs, into).then(
      () => assert.fail('joined'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof JoinError, String(error));
    return error.message;
  }

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'handrail-join-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  test('every file once, the same asset from each part once, without the records and publish markers', async () => {
    const into = path.join(root, 'joined');
    const joined = await joinParts([await arabic(), await english(), await welsh()], into);
    assert.deepEqual(joined.parts.map(({ record }) => record.part), ['en', 'cy', 'ar'], 'the default language first');
    assert.equal(joined.sitePart.record.part, 'en');
    assert.deepEqual([...joined.pages].sort(), ['', 'ar/', 'articles/a/', 'cy/', 'cy/articles/a/']);
    assert.equal(joined.files, 8);
    assert.equal(joined.shared, 4, 'the stylesheet and logo, twice each');
    assert.equal(await readFile(path.join(into, 'cy/articles/a/index.html'), 'utf8'), 'A cy');
    for (const left of [BUILD_MARKER, 'handrail-part-en.json', 'handrail-part-cy.json']) assert.ok(!existsSync(path.join(into, left)), `${left} is not joined`);
  });

  test('parts downloaded into one folder join too', async () => {
    const together = path.join(root, 'together');
    const en = await english();
    const cy = await welsh();
    await mkdir(together);
    for (const dir of [en, cy]) await cp(dir, together, { recursive: true });
    const joined = await joinParts([together, await arabic()], path.join(root, 'joined-together'));
    assert.deepEqual(joined.parts.map(({ record }) => record.part), ['en', 'cy', 'ar']);
  });

  test('two parts with different bytes at one path: refused, naming both files', async () => {
    const stale = await makePart('cy', { 'cy/index.html': 'hafan', '_astro/site.1a2b.css': 'css changed' });
    const message = await refusal([await english(), stale, await arabic()]);
    assert.match(message, /^Two parts hold different files at _astro\/site\.1a2b\.css: .*en-\d+\/_astro\/site\.1a2b\.css and .*cy-\d+\/_astro\/site\.1a2b\.css\. /);
    assert.match(message, /build every part from the same commit, with the same dependencies \(package-lock\.json\) and settings\./);
  });

  test('a declared language without its part: refused, saying how to build it', async () => {
    assert.equal(
      await refusal([await english(), await welsh()]),
      'The part ar is missing: content/site.yaml declares en, cy, ar, and --finish was given en, cy. Build it with `npm run build -- --part ar --no-finish --out <folder>` and give --finish its folder too.',
    );
    assert.match(await refusal([await english()]), /^The parts cy, ar are missing: .* Build each with `npm run build -- --part cy --no-finish --out <folder>` and give --finish their folders too\.$/);
  });

  test('a part given twice, a page in two parts, parts of different settings, a folder without a part: refused', async () => {
    const cy = await welsh();
    assert.match(await refusal([await english(), cy, await arabic(), cy]), /^The part cy is there twice: .*cy-\d+\/handrail-part-cy\.json and .*cy-\d+\/handrail-part-cy\.json\. Give each part's folder once\.$/);
    const greedy = await makePart('ar', { 'ar/index.html': 'x', 'cy/index.html': 'hafan' });
    assert.match(await refusal([await english(), await welsh(), greedy]), /^The parts cy and ar both built the page \/cy\/: a page belongs to one part\./);
    const other = await makePart('ar', { 'ar/index.html': 'x' }, { languages: ['en', 'cy', 'ar', 'fr'] });
    assert.match(await refusal([await english(), await welsh(), other]), /^The parts were built from different settings:\n .*languages en, cy, ar, base path \/\n .*languages en, cy, ar, fr, base path \/\nBuild every part from the same commit and settings\.$/);
    const empty = path.join(root, 'empty');
    await mkdir(empty);
    assert.match(await refusal([await english(), empty]), /empty holds no part: it has no handrail-part-<language>\.json\. Build each part with `npm run build -- --part <language> --no-finish --out <folder>`/);
    assert.match(await refusal([path.join(root, 'nowhere')]), /nowhere is not a folder\./);
    assert.match(await refusal([]), /^--finish needs the folders of the parts to join/);
    const broken = await welsh();
    await writeFile(path.join(broken, 'handrail-part-cy.json'), '{"generator":');
    assert.match(await refusal([await english(), broken, await arabic()]), /handrail-part-cy\.json could not be read as a part's record \(.+\)\. Build that part again\.$/);
  });
});
