import type { z } from 'astro/zod';
import type { ValueProblem } from '../../schemas/web-address.ts';
import type { Problem } from '../../shared/problems.ts';
import { suggestClosest } from '../../shared/suggest.ts';
import type { YamlSource } from './yaml-source.ts';

/** Where the data came from, so each zod issue can be placed on a line. */
export interface SchemaContext {
  file: string;
  source: Pick<YamlSource, 'lineOf'>;
  /** The raw data that was validated, to show what was received. */
  data: unknown;
  /** Field names the schema accepts, by object path without list indexes ("" for the top, "channels" for a channel). */
  knownKeys: Record<string, string[]>;
  /** How to fix a field, by path without list indexes ("title", "channels.value"); falls back to the top-level field. */
  help: Record<string, string>;
  /** What the file is, e.g. "article front matter", for unknown-key messages. */
  kind: string;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `channels[2].hours` from ['channels', 2, 'hours']. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Turns zod's issues into problems that name the file, line, field, value and fix. */
export function problemsFromZod(issues: ReadonlyArray<z.core.$ZodIssue>, ctx: SchemaContext): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path as PropertyKey[];
    const shape = path.filter((key) => typeof key === 'string').join('.');
    const fix = helpFor(ctx.help, shape);
    if (issue.code === 'unrecognized_keys') {
      const knownHere = ctx.knownKeys[shape] ?? [];
      for (const key of issue.keys) {
        const guess = suggestClosest(key, knownHere);
        problems.push({
          file: ctx.file,
          line: ctx.source.lineOf([...path, key]),
          field: formatFieldPath([...path, key]),
          message: `is not a field of ${ctx.kind}`,
          received: valueAt(ctx.data, [...path, key]),
          allowed: knownHere.length ? knownHere.join(', ') : undefined,
          fix: guess ? `Did you mean "${guess}"? Rename it, or remove the line.` : 'Check the spelling, or remove the line.',
          severity: 'error',
        });
      }
      continue;
    }
    const received = valueAt(ctx.data, path);
    // Our value checks (src/schemas/web-address.ts) say exactly what is wrong and how to fix it.
    const own = issue.code === 'custom' ? (issue.params as Partial<ValueProblem> | undefined) : undefined;
    if (received !== undefined && own?.problem && own.allowed && own.fix) {
      problems.push({ file: ctx.file, line: ctx.source.lineOf(path), field: formatFieldPath(path), message: own.problem, received, allowed: own.allowed, fix: own.fix, severity: 'error' });
      continue;
    }
    let message: string;
    if (received === undefined) message = 'is required but missing';
    else if (issue.code === 'too_small' && typeof received === 'string' && received.trim() === '') message = 'is empty';
    else if (issue.code === 'too_big' && typeof received === 'string') message = `is too long (${received.trim().length} characters)`;
    else if (issue.code === 'invalid_type') message = `should be ${describeExpected(issue.expected)}`;
    else message = 'is not valid';
    problems.push({
      file: ctx.file,
      line: ctx.source.lineOf(path),
      field: formatFieldPath(path),
      message,
      received,
      allowed: issue.code === 'invalid_type' && !issue.message.startsWith('Invalid') ? issue.message : allowedFrom(issue),
      fix,
      severity: 'error',
    });
  }
  return problems;
}

/** The most specific help: "channels.hours.monday", then "channels.hours", then "channels". */
function helpFor(help: Record<string, string>, shape: string): string | undefined {
  for (let key = shape; key; key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '') {
    if (help[key]) return help[key];
  }
  return undefined;
}

function describeExpected(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a group of fields',
    date: 'a date',
  };
  return words[expected] ?? expected;
}

function allowedFrom(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_type') return describeExpected(issue.expected);
  if (issue.code === 'invalid_union') {
    // The union's own message is generic; the branch that explains itself is the useful one.
    const nested = issue.errors.flat();
    const custom = nested.find((n) => n.code === 'custom');
    if (custom) return allowedFrom(custom);
    for (const inner of nested) {
      const explained = allowedFrom(inner);
      if (explained) return explained;
    }
  }
  // A record key (a channel id or date in a translation) explains itself in the inner issue.
  if (issue.code === 'invalid_key') return issue.issues.map((inner) => allowedFrom(inner)).find(Boolean);
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(', ');
  // Our schemas phrase their messages as what is allowed; zod's own start with a capital.
  return /^[A-Z]/.test(issue.message) ? undefined : issue.message;
}
