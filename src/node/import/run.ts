/**
 * `npm run import`: read an export, plan the files, write them, and say
 * what happened. scripts/import.ts is the command line around this.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importStateSchema, type ImportState } from '../../schemas/import-state.ts';
import type { CalloutStyle } from './convert.ts';
import type { SourceHelpCenter, SourceName } from './model.ts';
import { planImport } from './plan.ts';
import { countByKind, formatFinding, type Finding } from './report.ts';
import { readFolder } from './sources/folder.ts';
import { readHelpScout } from './sources/helpscout.ts';
import { readIntercom } from './sources/intercom.ts';
import { readZendesk } from './sources/zendesk.ts';
import { statePath, writePlan, type WriteResult } from './write.ts';

/** Everything `npm run import` can be told. */
export interface ImportOptions {
  source: SourceName;
  /** The export folder (or file). */
  input: string;
  /** The content folder to write into. */
  contentDir: string;
  /** The public folder for images and files; default: `public/` beside the content folder. */
  publicDir?: string;
  /** Hosts of the old help center besides those the export names (a custom domain). */
  oldHosts?: string[];
  /** For folder imports: the path the old site served the folder under ("/docs"). */
  oldBase?: string;
  callouts?: CalloutStyle;
  labels?: 'keywords' | 'tags';
  publishRestricted?: boolean;
  dryRun?: boolean;
  force?: boolean;
}

/** The figures of one import, for the summary and for tests. */
export interface ImportSummary {
  source: SourceName;
  articles: number;
  translations: number;
  categories: number;
  categoryTranslations: number;
  drafts: number;
  images: number;
  files: number;
  redirects: number;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  kept: number;
  problems: Array<{ kind: string; label: string; action: string; count: number }>;
}

/** What an import did. */
export interface ImportOutcome {
  summary: ImportSummary;
  findings: Finding[];
  write: WriteResult;
  /** The report file (relative to the project root), unless this was a dry run. */
  reportFile?: string;
}

/** Reads the export of a source. */
export function readSource(source: SourceName, input: string, options: { oldBase?: string } = {}): SourceHelpCenter {
  switch (source) {
    case 'zendesk':
      return readZendesk(input);
    case 'intercom':
      return readIntercom(input);
    case 'helpscout':
      return readHelpScout(input);
    case 'folder':
      return readFolder(input, { oldBase: options.oldBase });
  }
}

/** Reads the state file of the last run; a broken one stops the import rather than losing track of files. */
export function readState(contentDir: string, source: SourceName): ImportState | undefined {
  const file = statePath(contentDir, source);
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}). Restore it from git, or delete it to import from scratch (files you edited would then be reported as not written by the import).`);
  }
  const parsed = importStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file} is not an import state file: ${issue?.path.join('.') || 'the file'}: ${issue?.message}. Restore it from git, or delete it to import from scratch.`);
  }
  return parsed.data;
}

/** Runs an import end to end. */
export function runImport(options: ImportOptions): ImportOutcome {
  const contentDir = path.resolve(options.contentDir);
  const root = path.dirname(contentDir);
  const publicDir = path.resolve(options.publicDir ?? path.join(root, 'public'));
  const state = readState(contentDir, options.source);
  const center = readSource(options.source, path.resolve(options.input), { oldBase: options.oldBase });
  const plan = planImport(center, {
    contentDir,
    root,
    publicDir,
    oldHosts: (options.oldHosts ?? []).map((h) => h.replace(/^https?:\/\//, '').replace(/\/.*$/, '').toLowerCase()),
    callouts: options.callouts ?? 'mdx',
    labels: options.labels ?? 'keywords',
    publishRestricted: options.publishRestricted ?? false,
    state,
  });
  const write = writePlan(plan, { root, contentDir, source: options.source, dryRun: options.dryRun ?? false, force: options.force ?? false, previous: state });
  const findings = [...plan.findings, ...write.findings].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.kind.localeCompare(b.kind));
  const assets = [...plan.assets.files.values()];
  const summary: ImportSummary = {
    source: options.source,
    ...plan.counts,
    images: assets.filter((a) => a.path.includes('/images/')).length,
    files: assets.filter((a) => a.path.includes('/files/')).length,
    redirects: plan.redirects.length,
    created: write.created.length,
    updated: write.updated.length,
    unchanged: write.unchanged.length,
    removed: write.removed.length,
    kept: write.kept.length,
    problems: countByKind(findings),
  };
  let reportFile: string | undefined;
  if (!options.dryRun) {
    const absolute = path.join(contentDir, '.import', `${options.source}-report.md`);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, formatReport(summary, findings));
    reportFile = path.relative(root, absolute).split(path.sep).join('/');
  }
  return { summary, findings, write, reportFile };
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** The summary printed at the end of an import. */
export function formatSummary(summary: ImportSummary, dryRun = false): string {
  const lines = [
    `${dryRun ? 'Would import' : 'Imported'} from ${summary.source}: ${plural(summary.articles, 'article')} (${summary.drafts} as drafts), ${plural(summary.translations, 'translation')}, ${plural(summary.categories, 'category', 'categories')} (${plural(summary.categoryTranslations, 'translation')}), ${plural(summary.images, 'image')}, ${plural(summary.files, 'attached file')}, ${plural(summary.redirects, 'redirect')}.`,
    `Files: ${summary.created} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.removed} removed, ${summary.kept} kept as they were.`,
  ];
  if (summary.problems.length) {
    lines.push('Found:');
    const width = Math.max(...summary.problems.map((p) => String(p.count).length));
    for (const p of summary.problems) lines.push(`  ${String(p.count).padStart(width)}  ${p.label}${p.action === 'done' ? '' : ` (${p.action})`}`);
  } else lines.push('Nothing to check.');
  return lines.join('\n');
}

/** The report file: the summary, then every finding grouped by file, in the checker's wording. */
export function formatReport(summary: ImportSummary, findings: readonly Finding[]): string {
  const parts = [`# Import report: ${summary.source}`, '', 'Written by `npm run import`. "fix" needs a writer; "check" needs a look; "done" says what the import changed.', '', '```', formatSummary(summary), '```', ''];
  if (findings.length) {
    parts.push('## Every finding, by file', '', '```');
    for (const finding of findings) parts.push(formatFinding(finding), '');
    parts.push('```', '');
  }
  return parts.join('\n');
}
