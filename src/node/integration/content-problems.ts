import path from 'node:path';
import { formatProblem, formatProblemHeadline, sortProblems, summariseProblems, type Problem } from '../../shared/problems.ts';
import type { ContentCheckResult } from '../check/index.ts';

/** How many warnings a successful build lists before pointing at `npm run check`. */
const WARNINGS_SHOWN = 5;

/**
 * The content problems that stop a build or the dev preview, said the way
 * `npm run check` says them. A writer sees the message, never a stack trace:
 * the error carries no stack, and the dev server's overlay shows the first
 * problem's file and line (`loc`) with the lines around it.
 */
export class ContentProblemsError extends Error {
  /** Astro's overlay shows this as the error's title. */
  readonly title: string;
  /** What to do, shown under the message. */
  readonly hint: string;
  /** The first problem's place, for the dev overlay's code frame (the build's message already names it). */
  readonly loc?: { file: string; line?: number; column?: number };

  constructor(problems: Problem[], root: string, where: 'build' | 'dev') {
    const sorted = sortProblems(problems);
    const errors = sorted.filter((p) => p.severity === 'error');
    const title = `The content has ${summariseProblems(sorted)}.`;
    const list = errors.map(formatProblem).join('\n\n');
    // The build's log shows only the message, so it leads with the count; the overlay shows the title above it.
    super(where === 'build' ? `${title} Nothing was built.\n\n${list}` : list);
    // The dev pages know the overlay of a content error by this name (src/browser/dev-content-reload.ts).
    this.name = 'Content check';
    this.title = title;
    this.hint =
      where === 'build'
        ? 'Fix each problem in the file and line shown, then build again. `npm run check` lists the same problems.'
        : 'Fix each problem in the file and line shown, then save: the page updates by itself. `npm run check` lists the same problems.';
    // The problem list is the whole message: a stack trace would only point into Handrail's code.
    this.stack = '';
    const first = errors[0];
    if (first && where === 'dev') this.loc = { file: path.resolve(root, first.file), line: first.line, column: first.column };
  }
}

/** The errors of a check, or none. */
export function errorsOf(check: Pick<ContentCheckResult, 'problems'>): Problem[] {
  return check.problems.filter((p) => p.severity === 'error');
}

/**
 * The lines a successful build prints about the content: a count, and the
 * first few warnings as one line each, so a build's output stays short and
 * still tells the writer something needs a look.
 */
export function contentSummary(check: ContentCheckResult & { baseline?: { known: unknown[]; file: string } }): string[] {
  const warnings = sortProblems(check.problems.filter((p) => p.severity === 'warning'));
  const count = warnings.length === 0 ? 'no warnings' : warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`;
  const lines = [`✓ Content checked: ${check.articles.length} articles in ${check.categories.size} categories, ${count}.`];
  const known = check.baseline?.known.length ?? 0;
  if (known) lines.push(`  ${known} known ${known === 1 ? 'problem' : 'problems'} counted in ${check.baseline!.file}: \`npm run check\` lists the worst files.`);
  for (const warning of warnings.slice(0, WARNINGS_SHOWN)) lines.push(`  ${formatProblemHeadline(warning)}`);
  if (warnings.length > WARNINGS_SHOWN) lines.push(`  … and ${warnings.length - WARNINGS_SHOWN} more.`);
  if (warnings.length) lines.push('  `npm run check` shows each warning with its fix.');
  return lines;
}
