import assert from 'node:assert/strict';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { applyBaseline, BASELINE_FILE, formatDebt, readBaseline, writeBaseline } from '../../src/node/check/baseline.ts';
import { checkContent } from '../../src/node/check/index.ts';
import { publicDir } from '../../src/node/project-paths.ts';
import { formatProblem, type Problem } from '../../src/shared/problems.ts';
import { fixtureContent } from './fixture-content.ts';

/** The check as scripts/check-content.ts runs it, on a fixture folder: problems found, then the baseline applied. */
async function check(contentDir: string) {
  const paths = { root: path.dirname(contentDir), contentDir, publicDir };
  const found = (await checkContent(paths)).problems;
  const counts = await readBaseline(paths, found);
  const outcome = counts ? applyBaseline(paths, found, counts, 'content/.handrail-baseline.json') : undefined;
  const reported = outcome?.problems ?? found;
  const errors = reported.filter((p) => p.severity === 'error');
  const prefix = `${path.basename(contentDir)}/`;
  const text = (problems: Problem[]) => problems.map(formatProblem).join('\n\n').replaceAll(prefix, 'content/');
  return { paths, found, outcome, errors, text: text(reported), errorText: text(errors) };
}

const WELCOME = 'articles/getting-started/welcome.md';

describe('baseline', () => {
  test('records known problems per file and rule, sorted and stable; then they no longer fail', async () => {
    const contentDir = await fixtureContent('content-accessibility');
    const before = await check(contentDir);
    assert.ok(before.errors.length >= 6, before.errorText);
    const written = await writeBaseline(before.paths, before.found);
    const text = await readFile(path.join(contentDir, BASELINE_FILE), 'utf8');
    assert.deepEqual(JSON.parse(text).problems, {
      [WELCOME]: { 'alt-text': 2, 'colour-only': 1, 'heading-h1': 1, 'heading-skip': 1, 'link-text': 3, 'table-header': 1 },
    });
    assert.equal(written.problems, 9);
    assert.equal(written.files, 1);
    // Written again from the same problems: byte for byte the same file.
    await writeBaseline(before.paths, before.found);
    assert.equal(await readFile(path.join(contentDir, BASELINE_FILE), 'utf8'), text);

    const after = await check(contentDir);
    assert.equal(after.errors.length, 0, after.errorText);
    assert.equal(after.outcome?.known.length, 9);
    assert.ok(after.found.some((p) => p.severity === 'warning' && p.rule === 'long-sentence'), 'warnings are still reported');
    assert.deepEqual(formatDebt(after.outcome!), [
      'Known problems (content/.handrail-baseline.json): 9 in 1 file, counted but not failing.',
      '  By rule: link-text 3, alt-text 2, colour-only 1, heading-h1 1, heading-skip 1, table-header 1.',
      '  Worst files first:',
      `  9  ${WELCOME}: link-text 3, alt-text 2, colour-only 1, heading-h1 1, heading-skip 1, table-header 1`,
    ]);
  });

  test('a new problem fails, with every problem of that rule in the file listed and why', async () => {
    const contentDir = await fixtureContent('content-accessibility');
    await writeBaseline((await check(contentDir)).paths, (await check(contentDir)).found);
    await appendFile(path.join(contentDir, WELCOME), '\nFor refunds, [read more](/articles/pay-an-invoice/).\n');
    const { errors, errorText, outcome } = await check(contentDir);
    assert.equal(errors.filter((p) => p.rule === 'link-text').length, 4, errorText);
    assert.match(errorText, /content\/articles\/getting-started\/welcome\.md error: has 4 "link-text" problems where the baseline knows 3: the new one fails, and all 4 are listed because the check cannot tell which are new\n {4}Fix: {6}Fix the new one \(or all of them\)\. To accept it as known instead, run npm run check -- --baseline\./);
    assert.deepEqual(outcome?.exceeded, [{ file: WELCOME, rule: 'link-text', recorded: 3, found: 4 }]);
    assert.equal(outcome?.known.length, 6, 'the other rules stay known');
  });

  test('a file whose count went down passes and is named for pruning', async () => {
    const contentDir = await fixtureContent('content-accessibility');
    await writeBaseline((await check(contentDir)).paths, (await check(contentDir)).found);
    const file = path.join(contentDir, WELCOME);
    await writeFile(file, (await readFile(file, 'utf8')).replace('# A second title', '## A second title'));
    const { errors, outcome } = await check(contentDir);
    assert.equal(errors.length, 0);
    assert.deepEqual(outcome?.prunable, [{ file: WELCOME, rule: 'heading-h1', recorded: 1, found: 0 }]);
    const report = formatDebt(outcome!);
    assert.ok(report.includes('1 known problem was fixed: run npm run check -- --baseline to lower the counts, so they cannot come back unnoticed.'), report.join('\n'));
    assert.ok(report.includes(`  ${WELCOME}: heading-h1 1 → 0`));
  });

  test('security and site-breaking problems are never counted as known, whatever the file says', async () => {
    const contentDir = await fixtureContent('content-accessibility');
    await appendFile(path.join(contentDir, WELCOME), '\n<script>alert(1)</script>\n');
    await writeFile(path.join(contentDir, 'articles/getting-started/unknown-key.md'), '---\ntitle: Unknown key\ndescription: A misspelt field.\ntitel: x\n---\n\nText.\n');
    const first = await check(contentDir);
    const unsafe = first.errors.filter((p) => p.rule === undefined || !['alt-text', 'colour-only', 'heading-h1', 'heading-skip', 'link-text', 'table-header'].includes(p.rule));
    assert.ok(unsafe.length >= 2, first.errorText);
    await writeBaseline(first.paths, first.found);
    const recorded = JSON.parse(await readFile(path.join(contentDir, BASELINE_FILE), 'utf8')).problems;
    assert.deepEqual(Object.keys(recorded), [WELCOME], 'the front-matter problem is not recorded');
    assert.equal(JSON.stringify(recorded).includes('unsafe'), false);
    const after = await check(contentDir);
    assert.equal(after.errors.length, unsafe.length, after.errorText);

    // A hand-edited baseline cannot accept them either.
    const edited = { about: 'x', version: 1, problems: { ...recorded, 'articles/getting-started/unknown-key.md': { schema: 1, 'link-txt': 2 } } };
    await writeFile(path.join(contentDir, BASELINE_FILE), JSON.stringify(edited, null, 2));
    const { errorText } = await check(contentDir);
    assert.match(errorText, /content\/\.handrail-baseline\.json:\d+ error: "problems\["articles\/getting-started\/unknown-key\.md"\]\.schema": can never be counted as known: it decides which file is which page or where an address leads: the build would stop, or publish the wrong page\n {4}Received: "schema"\n {4}Allowed: {2}rules about accessibility, links and writing inside an article\n {4}Fix: {6}Remove the line, and fix the problems the check shows for this file\./);
    assert.match(errorText, /"problems\["articles\/getting-started\/unknown-key\.md"\]\.link-txt": is not a rule of the content check\n {4}Received: "link-txt"\n {4}Fix: {6}Did you mean "link-text"\?/);
  });

  test('a baseline that is not JSON says so, and counts nothing', async () => {
    const contentDir = await fixtureContent('content-accessibility');
    await writeFile(path.join(contentDir, BASELINE_FILE), '{ "problems": ');
    const { errorText, outcome } = await check(contentDir);
    assert.equal(outcome, undefined);
    assert.match(errorText, /content\/\.handrail-baseline\.json error: is not valid JSON, so no problem counts as known/);
    assert.match(errorText, /has link text that says nothing out of context/);
  });
});
