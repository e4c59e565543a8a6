import type { RuleId } from './check-rules.ts';

/**
 * One thing wrong with the content, said so a writer can fix it without
 * reading code: where it is, what was found, what is allowed, what to do.
 */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** The front-matter or settings field, e.g. "title" or "channels[2].hours". */
  field?: string;
  /** What is wrong, as a sentence. */
  message: string;
  /** The value that was found, shown quoted. */
  received?: unknown;
  /** What would be accepted. */
  allowed?: string;
  /** What to do about it. */
  fix?: string;
  /** The rule that found it (src/shared/check-rules.ts): what a baseline records. Without one, never baselined. */
  rule?: RuleId;
  /** Errors stop the build; warnings are advice. */
  severity: 'error' | 'warning';
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return value.length > 60 ? `"${shown}" (${value.length} characters)` : `"${shown}"`;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  // JSON would print 1e400 (read as Infinity) and .nan as "null".
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

/** `file:line:column`, leaving out what is not known. */
export function formatLocation(problem: Pick<Problem, 'file' | 'line' | 'column'>): string {
  let where = problem.file;
  if (problem.line !== undefined) where += `:${problem.line}`;
  if (problem.line !== undefined && problem.column !== undefined) where += `:${problem.column}`;
  return where;
}

/** The first line of a problem: `file:line:col message`, the form editors and CI logs link up. */
export function formatProblemHeadline(problem: Problem): string {
  const field = problem.field ? `"${problem.field}": ` : '';
  return `${formatLocation(problem)} ${problem.severity}: ${field}${problem.message}`;
}

/** A problem in full, over a few indented lines. */
export function formatProblem(problem: Problem): string {
  const lines = [formatProblemHeadline(problem)];
  if ('received' in problem) lines.push(`    Received: ${describeValue(problem.received)}`);
  if (problem.allowed) lines.push(`    Allowed:  ${problem.allowed}`);
  if (problem.fix) lines.push(`    Fix:      ${problem.fix}`);
  return lines.join('\n');
}

/** A GitHub Actions annotation, shown on the pull request line. */
export function formatAnnotation(problem: Problem): string {
  const escape = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const props = [`file=${problem.file}`];
  if (problem.line !== undefined) props.push(`line=${problem.line}`);
  if (problem.column !== undefined) props.push(`col=${problem.column}`);
  const body = [problem.field ? `"${problem.field}": ${problem.message}` : problem.message];
  if ('received' in problem) body.push(`Received: ${describeValue(problem.received)}`);
  if (problem.allowed) body.push(`Allowed: ${problem.allowed}`);
  if (problem.fix) body.push(`Fix: ${problem.fix}`);
  return `::${problem.severity} ${props.join(',')}::${escape(body.join('\n'))}`;
}

/** Problems ordered by file, then line, so a writer can work down the list. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** A one-line count, e.g. "2 errors and 1 warning". */
export function summariseProblems(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')} and ${plural(warnings, 'warning')}`;
}
