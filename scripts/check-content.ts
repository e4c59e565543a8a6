/**
 * Checks every content file and reports every problem at once, as
 * `file:line:column severity: message` with what was received, what is
 * allowed and how to fix it. On GitHub Actions it also prints annotations
 * so each problem shows on the pull request line.
 *
 *   node scripts/check-content.ts [--content <dir>]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatAnnotation, formatProblem, sortProblems, summariseProblems } from '../src/shared/problems.ts';
import { contentDir } from '../src/node/project-paths.ts';
import { runContentCheck } from '../src/node/check/run.ts';

const { values } = parseArgs({ options: { content: { type: 'string' } } });
const dir = values.content ? path.resolve(values.content) : contentDir;
const result = await runContentCheck(dir);
const problems = sortProblems(result.problems);
for (const problem of problems) {
  (problem.severity === 'error' ? console.error : console.warn)(`${formatProblem(problem)}\n`);
  if (process.env.GITHUB_ACTIONS === 'true') console.log(formatAnnotation(problem));
}
const hasErrors = problems.some((p) => p.severity === 'error');
const compared = result.release ? ` Addresses compared with ${result.release}.` : '';
const summary = `${result.articles.length} articles in ${result.categories.size} categories: ${summariseProblems(problems)}.${compared}`;
if (hasErrors) {
  console.error(`✗ ${summary}`);
  process.exit(1);
}
console.log(`✓ ${summary}`);
