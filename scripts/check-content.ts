/**
 * Checks every content file and reports every problem at once, as
 * `file:line:column severity: message` with what was received, what is
 * allowed and how to fix it. On GitHub Actions it also prints annotations
 * so each problem shows on the pull request line.
 *
 *   node scripts/check-content.ts [--content <dir>] [--fix] [--baseline]
 *
 * --fix makes the fixes that have one right answer, in place (heading
 * levels, bare web addresses, tables without a header row) and lists the
 * rest with a suggestion; then the check runs on the fixed files.
 *
 * --baseline records today's problems of accessibility, links and writing,
 * per file and rule, in content/.handrail-baseline.json: from then on they
 * are counted as known and only new ones fail (see README, "Adopt the
 * checks gradually").
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatAnnotation, formatProblem, sortProblems, summariseProblems } from '../src/shared/problems.ts';
import { astroCacheDir, checkCacheFile, contentDir } from '../src/node/project-paths.ts';
import { formatDebt, isKnowable, writeBaseline } from '../src/node/check/baseline.ts';
import { relative } from '../src/node/check/files.ts';
import { countFixable, fixContentFolder, formatFixes } from '../src/node/check/fix.ts';
import { runContentCheck } from '../src/node/check/run.ts';
import { buildNowProblem } from '../src/node/build-clock.ts';

const clockProblem = buildNowProblem();
if (clockProblem) {
  console.error(`\n✗ ${clockProblem}`);
  process.exit(2);
}
const { values } = parseArgs({ options: { content: { type: 'string' }, baseline: { type: 'boolean', default: false }, fix: { type: 'boolean', default: false } } });
const dir = values.content ? path.resolve(values.content) : contentDir;
// The build's content set shares the build's cache of per-file results (CI checks, then builds); another folder is read afresh.
const options = dir === contentDir ? { cacheFile: checkCacheFile(astroCacheDir()) } : {};
let result = await runContentCheck(dir, options);
let fixes: string[] = [];
const titles = new Map(result.articles.map((article) => [article.slug, article.data.title]));
if (values.fix) {
  const done = await fixContentFolder(dir, (slug) => titles.get(slug));
  fixes = formatFixes(done.map(({ absolute, result: fixed }) => ({ file: relative(result.paths, absolute), result: fixed })));
  result = await runContentCheck(dir, options);
}
let recorded = '';
if (values.baseline) {
  const written = await writeBaseline(result.paths, result.found);
  result = await runContentCheck(dir, options);
  recorded = `Recorded ${written.problems} known ${written.problems === 1 ? 'problem' : 'problems'} in ${written.files} ${written.files === 1 ? 'file' : 'files'} in ${written.file}: commit it with the content. New problems still fail.`;
}
const problems = sortProblems(result.problems);
for (const problem of problems) {
  (problem.severity === 'error' ? console.error : console.warn)(`${formatProblem(problem)}\n`);
  if (process.env.GITHUB_ACTIONS === 'true') console.log(formatAnnotation(problem));
}
if (result.baseline) for (const line of formatDebt(result.baseline)) console.log(line);
for (const line of fixes) console.log(line);
if (recorded) console.log(recorded);
const hasErrors = problems.some((p) => p.severity === 'error');
const compared = result.release ? ` Addresses compared with ${result.release}.` : '';
const known = result.baseline?.known.length ? `, ${result.baseline.known.length} known` : '';
const summary = `${result.articles.length} articles in ${result.categories.size} categories: ${summariseProblems(problems)}${known}.${compared}`;
const fixable = values.fix ? 0 : await countFixable(result.found, result.paths.root, (slug) => titles.get(slug));
if (fixable) console.log(`${fixable} ${fixable === 1 ? 'problem' : 'problems'} (heading levels, bare web addresses, tables without a header row) can be fixed for you: npm run check -- --fix.`);
if (hasErrors) {
  console.error(`✗ ${summary}`);
  const knowable = problems.filter(isKnowable).length;
  if (values.baseline) console.error('The problems listed can never be counted as known (security, or the site would break): fix them.');
  else if (knowable) {
    const all = problems.filter((p) => p.severity === 'error').length;
    console.error(`${knowable === all ? `All ${all}` : `${knowable} of the ${all}`} errors (accessibility, links, writing) can be counted as known while you work through them: npm run check -- --baseline.${knowable === all ? '' : ' The others must be fixed first.'}`);
  }
  process.exit(1);
}
console.log(`✓ ${summary}`);
