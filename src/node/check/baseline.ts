import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkRules, isBaselinable, isRuleId, ruleKindReasons, type RuleId } from '../../shared/check-rules.ts';
import type { Problem } from '../../shared/problems.ts';
import { suggestClosest } from '../../shared/suggest.ts';
import { readContentText } from './file-safety.ts';
import { exists, relative, type ContentPaths } from './files.ts';

/**
 * A count-based baseline, as ESLint's bulk suppressions: for each file and
 * rule, how many errors were known when the baseline was written. Known
 * errors are counted, not failing; a new one fails; a count that went down
 * is pointed out so the file can be pruned. Only rules of the "content"
 * kind are ever counted (src/shared/check-rules.ts): security, structure
 * and settings problems fail whatever the file says.
 */

/** The baseline's file name, in the content folder: committed with the content. */
export const BASELINE_FILE = '.handrail-baseline.json';

/** Counts by file (relative to the content folder) and rule. */
export type BaselineCounts = Record<string, Partial<Record<RuleId, number>>>;

/** One file and rule whose count differs from the baseline. */
export interface CountChange {
  /** The file, relative to the content folder ("articles/billing/refunds.md"). */
  file: string;
  rule: RuleId;
  recorded: number;
  found: number;
}

/** A file's remaining known problems, for the debt report. */
export interface FileDebt {
  file: string;
  total: number;
  /** Rules and counts, largest first. */
  rules: Array<[RuleId, number]>;
}

/** What applying a baseline did. */
export interface BaselineOutcome {
  /** The baseline file as reported to writers ("content/.handrail-baseline.json"). */
  file: string;
  /** Problems to report as before: everything except the known ones. */
  problems: Problem[];
  /** Problems the baseline counts as known. */
  known: Problem[];
  /** Files and rules with fewer problems than recorded: prune with `--baseline`. */
  prunable: CountChange[];
  /** Files and rules with more problems than recorded: all of them fail. */
  exceeded: CountChange[];
  /** The known problems per file, worst first. */
  debt: FileDebt[];
}

/** Where a problem's file is, relative to the content folder, as the baseline keys it. */
export function baselineKey(paths: ContentPaths, problem: Pick<Problem, 'file'>): string {
  return path.relative(paths.contentDir, path.resolve(paths.root, problem.file)).split(path.sep).join('/');
}

/** Whether a baseline may count this problem as known: an error of a content rule. */
export function isKnowable(problem: Problem): problem is Problem & { rule: RuleId } {
  return problem.severity === 'error' && problem.rule !== undefined && isBaselinable(problem.rule);
}

/** The counts a baseline written now would record: errors of content rules, by file and rule. */
export function countProblems(paths: ContentPaths, problems: readonly Problem[]): BaselineCounts {
  const counts: BaselineCounts = {};
  for (const problem of problems) {
    if (!isKnowable(problem)) continue;
    const rules = (counts[baselineKey(paths, problem)] ??= {});
    rules[problem.rule] = (rules[problem.rule] ?? 0) + 1;
  }
  return counts;
}

/** The baseline file's text: files and rules sorted, one count per line, so it diffs and merges cleanly. */
export function formatBaseline(counts: BaselineCounts): string {
  const files = Object.keys(counts).sort();
  const sorted = Object.fromEntries(
    files.map((file) => [file, Object.fromEntries(Object.entries(counts[file]!).sort(([a], [b]) => a.localeCompare(b)))]),
  );
  const body = {
    about: 'Known content problems, counted per file and rule, so they do not fail the check. Written by `npm run check -- --baseline`; fix them and run it again to lower the counts.',
    version: 1,
    problems: sorted,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Writes the baseline for these problems; returns how many problems and files it records. */
export async function writeBaseline(paths: ContentPaths, problems: readonly Problem[]): Promise<{ problems: number; files: number; file: string }> {
  const counts = countProblems(paths, problems);
  const absolute = path.join(paths.contentDir, BASELINE_FILE);
  await writeFile(absolute, formatBaseline(counts));
  const total = Object.values(counts).reduce((sum, rules) => sum + Object.values(rules).reduce((a, b) => a + (b ?? 0), 0), 0);
  return { problems: total, files: Object.keys(counts).length, file: relative(paths, absolute) };
}

/**
 * Reads the baseline file, if there is one, and reports what cannot be
 * trusted in it (not JSON, a count that is not a whole number, an unknown
 * rule, a rule that may never be baselined) as problems of that file.
 * Entries with a problem are left out: they count nothing.
 */
export async function readBaseline(paths: ContentPaths, problems: Problem[]): Promise<BaselineCounts | undefined> {
  const absolute = path.join(paths.contentDir, BASELINE_FILE);
  if (!(await exists(absolute))) return undefined;
  const file = relative(paths, absolute);
  const text = await readContentText(paths, absolute, problems);
  if (text === undefined) return undefined;
  const fix = 'Run npm run check -- --baseline to write the file again.';
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    problems.push({ file, message: 'is not valid JSON, so no problem counts as known', received: (error as Error).message, fix, rule: 'schema', severity: 'error' });
    return undefined;
  }
  const recorded = (data as { problems?: unknown } | null)?.problems;
  if (typeof recorded !== 'object' || recorded === null || Array.isArray(recorded)) {
    problems.push({ file, field: 'problems', message: 'is missing or not a list of files', fix, rule: 'schema', severity: 'error' });
    return undefined;
  }
  const lines = text.split('\n');
  const lineOf = (fileKey: string, rule?: string) => {
    const at = lines.findIndex((line) => line.includes(JSON.stringify(fileKey)));
    if (at === -1 || rule === undefined) return at === -1 ? undefined : at + 1;
    const below = lines.slice(at).findIndex((line) => line.includes(JSON.stringify(rule)));
    return below === -1 ? at + 1 : at + below + 1;
  };
  const counts: BaselineCounts = {};
  for (const [fileKey, rules] of Object.entries(recorded as Record<string, unknown>)) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
      problems.push({ file, line: lineOf(fileKey), field: `problems["${fileKey}"]`, message: 'is not a list of rules and counts', received: rules, fix, rule: 'schema', severity: 'error' });
      continue;
    }
    for (const [rule, count] of Object.entries(rules as Record<string, unknown>)) {
      const where = { file, line: lineOf(fileKey, rule), field: `problems["${fileKey}"].${rule}`, rule: 'schema' as const, severity: 'error' as const };
      if (!isRuleId(rule)) {
        const guess = suggestClosest(rule, Object.keys(checkRules));
        problems.push({ ...where, message: 'is not a rule of the content check', received: rule, fix: guess ? `Did you mean "${guess}"? ${fix}` : fix });
      } else if (!isBaselinable(rule)) {
        problems.push({
          ...where,
          message: `can never be counted as known: ${ruleKindReasons[checkRules[rule].kind]}`,
          received: rule,
          allowed: 'rules about accessibility, links and writing inside an article',
          fix: 'Remove the line, and fix the problems the check shows for this file.',
        });
      } else if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
        problems.push({ ...where, message: 'is not a count of problems', received: count, allowed: 'a whole number, 1 or more', fix });
      } else {
        (counts[fileKey] ??= {})[rule] = count;
      }
    }
  }
  return counts;
}

/**
 * Splits the problems into known and reported, against the baseline's
 * counts. Per file and rule: as many as recorded or fewer are known (fewer
 * can be pruned); more, and all of them are reported, with a note saying
 * so, because the check cannot tell which ones are new.
 */
export function applyBaseline(paths: ContentPaths, problems: readonly Problem[], counts: BaselineCounts, baselineFile: string): BaselineOutcome {
  const groups = new Map<string, Problem[]>();
  const reported: Problem[] = [];
  for (const problem of problems) {
    if (!isKnowable(problem)) {
      reported.push(problem);
      continue;
    }
    const key = JSON.stringify([baselineKey(paths, problem), problem.rule]);
    groups.set(key, [...(groups.get(key) ?? []), problem]);
  }
  const known: Problem[] = [];
  const exceeded: CountChange[] = [];
  const prunable: CountChange[] = [];
  for (const [key, group] of groups) {
    const [file, rule] = JSON.parse(key) as [string, RuleId];
    const recorded = counts[file]?.[rule] ?? 0;
    if (group.length <= recorded) {
      known.push(...group);
      if (group.length < recorded) prunable.push({ file, rule, recorded, found: group.length });
      continue;
    }
    reported.push(...group);
    if (recorded > 0) {
      exceeded.push({ file, rule, recorded, found: group.length });
      reported.push({
        file: group[0]!.file,
        message: `has ${group.length} "${rule}" problems where the baseline knows ${recorded}: the new ${group.length - recorded === 1 ? 'one fails' : 'ones fail'}, and all ${group.length} are listed because the check cannot tell which are new`,
        fix: `Fix the new ${group.length - recorded === 1 ? 'one' : 'ones'} (or all of them). To accept ${group.length - recorded === 1 ? 'it' : 'them'} as known instead, run npm run check -- --baseline.`,
        severity: 'error',
      });
    }
  }
  for (const [file, rules] of Object.entries(counts)) {
    for (const [rule, recorded] of Object.entries(rules) as Array<[RuleId, number]>) {
      if (!groups.has(JSON.stringify([file, rule]))) prunable.push({ file, rule, recorded, found: 0 });
    }
  }
  const byFile = new Map<string, Map<RuleId, number>>();
  for (const problem of known as Array<Problem & { rule: RuleId }>) {
    const file = baselineKey(paths, problem);
    const rules = byFile.get(file) ?? new Map<RuleId, number>();
    rules.set(problem.rule, (rules.get(problem.rule) ?? 0) + 1);
    byFile.set(file, rules);
  }
  const debt = [...byFile]
    .map(([file, rules]) => ({ file, total: [...rules.values()].reduce((a, b) => a + b, 0), rules: [...rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])) }))
    .sort((a, b) => b.total - a.total || a.file.localeCompare(b.file));
  const byPlace = (a: CountChange, b: CountChange) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule);
  return { file: baselineFile, problems: reported, known, prunable: prunable.sort(byPlace), exceeded: exceeded.sort(byPlace), debt };
}

/** How many files of the debt report the check prints; the baseline file has them all. */
const DEBT_FILES_SHOWN = 15;

/**
 * The debt report: known problems in total and by rule, then the worst
 * files first, and the counts that went down. Plain lines for a terminal.
 */
export function formatDebt(outcome: BaselineOutcome): string[] {
  const lines: string[] = [];
  const total = outcome.known.length;
  if (total > 0) {
    const byRule = new Map<RuleId, number>();
    for (const problem of outcome.known) byRule.set(problem.rule!, (byRule.get(problem.rule!) ?? 0) + 1);
    const rules = [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    lines.push(`Known problems (${outcome.file}): ${total} in ${outcome.debt.length} ${outcome.debt.length === 1 ? 'file' : 'files'}, counted but not failing.`);
    lines.push(`  By rule: ${rules.map(([rule, n]) => `${rule} ${n}`).join(', ')}.`);
    lines.push('  Worst files first:');
    const width = String(outcome.debt[0]?.total ?? 0).length;
    for (const entry of outcome.debt.slice(0, DEBT_FILES_SHOWN)) {
      lines.push(`  ${String(entry.total).padStart(width)}  ${entry.file}: ${entry.rules.map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
    }
    if (outcome.debt.length > DEBT_FILES_SHOWN) lines.push(`  … and ${outcome.debt.length - DEBT_FILES_SHOWN} more files, listed in ${outcome.file}.`);
  }
  if (outcome.prunable.length) {
    const fixed = outcome.prunable.reduce((sum, change) => sum + change.recorded - change.found, 0);
    lines.push(`${fixed} known ${fixed === 1 ? 'problem was' : 'problems were'} fixed: run npm run check -- --baseline to lower the counts, so they cannot come back unnoticed.`);
    for (const change of outcome.prunable.slice(0, DEBT_FILES_SHOWN)) lines.push(`  ${change.file}: ${change.rule} ${change.recorded} → ${change.found}`);
    if (outcome.prunable.length > DEBT_FILES_SHOWN) lines.push(`  … and ${outcome.prunable.length - DEBT_FILES_SHOWN} more.`);
  }
  return lines;
}
