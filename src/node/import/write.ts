/**
 * Writes an import plan: new and changed files, never a file a writer has
 * edited since the last import (its hash no longer matches the state file)
 * and never a file the import did not write. Files from the last run that
 * the export no longer has are removed when unedited. Then the state file
 * and content/redirects.yaml.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument, YAMLMap, type Document } from 'yaml';
import type { ImportState } from '../../schemas/import-state.ts';
import type { SourceName } from './model.ts';
import type { ImportPlan } from './plan.ts';
import type { Finding } from './report.ts';

/** What happened to each file. */
export interface WriteResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  /** Edited by a writer, or not the import's: left as they are. */
  kept: string[];
  redirectsAdded: number;
  redirectsTotal: number;
  state: ImportState;
  findings: Finding[];
}

/** Options for {@link writePlan}. */
export interface WriteOptions {
  root: string;
  contentDir: string;
  source: SourceName;
  /** Report what would happen, write nothing. */
  dryRun: boolean;
  /** Overwrite files a writer edited since the last import. */
  force: boolean;
  previous?: ImportState;
}

/** SHA-256 of some bytes, hex. */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Where the state file of a source lives: `content/.import/<source>.json`. */
export function statePath(contentDir: string, source: SourceName): string {
  return path.join(contentDir, '.import', `${source}.json`);
}

/** Applies a plan; see the module comment. */
export function writePlan(plan: ImportPlan, options: WriteOptions): WriteResult {
  const { root, dryRun, force, previous } = options;
  const result: WriteResult = {
    created: [], updated: [], unchanged: [], removed: [], kept: [], redirectsAdded: 0, redirectsTotal: 0, findings: [],
    state: { version: 1, source: options.source, articles: plan.articleSlugs, categories: plan.categorySlugs, files: {}, redirects: {} },
  };
  const previousFiles = previous?.files ?? {};
  const outputs = [
    ...plan.files.map((f) => ({ path: f.path, data: Buffer.from(f.content, 'utf8'), from: f.from })),
    ...[...plan.assets.files.values()].map((a) => ({ path: a.path, data: a.data, from: a.from })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
  const planned = new Set(outputs.map((o) => o.path));

  for (const output of outputs) {
    const absolute = path.join(root, output.path);
    const hash = sha256(output.data);
    const before = previousFiles[output.path];
    if (!existsSync(absolute)) {
      result.created.push(output.path);
      if (!dryRun) {
        mkdirSync(path.dirname(absolute), { recursive: true });
        writeFileSync(absolute, output.data);
      }
      result.state.files[output.path] = { sha256: hash, from: output.from };
      continue;
    }
    const current = sha256(readFileSync(absolute));
    if (current === hash) {
      result.unchanged.push(output.path);
      result.state.files[output.path] = { sha256: hash, from: output.from };
      continue;
    }
    if (!before && !force) {
      result.kept.push(output.path);
      result.findings.push({ kind: 'file-exists', file: output.path, message: 'already exists and was not written by this import, so it was left as it is', fix: 'Move or rename your file and run the import again, or run it with --force to replace it.' });
      continue;
    }
    if (before && before.sha256 !== current && !force) {
      result.kept.push(output.path);
      // Keep the old hash: the file still counts as edited on the next run.
      result.state.files[output.path] = before;
      result.findings.push({ kind: 'edited-kept', file: output.path, message: 'was edited since the last import; the new version from the export was not written', fix: 'Compare with the source and copy any change by hand, or run the import with --force to replace your edits.' });
      continue;
    }
    result.updated.push(output.path);
    if (!dryRun) writeFileSync(absolute, output.data);
    result.state.files[output.path] = { sha256: hash, from: output.from };
  }

  for (const [file, before] of Object.entries(previousFiles).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (planned.has(file)) continue;
    const absolute = path.join(root, file);
    if (!existsSync(absolute)) continue;
    const isArticle = /\/articles\/[^/]+\/[^/.]+\.mdx?$/.test(`/${file}`);
    if (sha256(readFileSync(absolute)) !== before.sha256 && !force) {
      result.kept.push(file);
      result.state.files[file] = before;
      result.findings.push({ kind: isArticle ? 'article-removed' : 'edited-kept', file, message: 'is no longer in the export, but was edited since the last import, so it was kept', fix: 'Delete it if it is no longer needed (and redirect its address), or keep it as your own.' });
      continue;
    }
    // A file moving between .md and .mdx, or to another category, is a rename, not a removal.
    const renamed = [...planned].some((p) => p.replace(/\.mdx?$/, '').split('/').pop() === file.replace(/\.mdx?$/, '').split('/').pop() && /\.mdx?$/.test(p));
    if (isArticle && !renamed) {
      result.findings.push({ kind: 'article-removed', file, message: 'is no longer in the export, so it was removed', fix: `Add its slug to redirect_from on the article that replaces it, so /articles/${file.replace(/\.mdx?$/, '').split('/').pop()}/ keeps working.` });
    }
    result.removed.push(file);
    if (!dryRun) rmSync(absolute);
  }

  updateRedirects(plan, options, result);
  if (!dryRun) {
    const stateFile = statePath(options.contentDir, options.source);
    mkdirSync(path.dirname(stateFile), { recursive: true });
    writeFileSync(stateFile, `${JSON.stringify(sortState(result.state), null, 2)}\n`);
  }
  return result;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sortState(state: ImportState): ImportState {
  return { ...state, articles: sortKeys(state.articles), categories: sortKeys(state.categories), files: sortKeys(state.files), redirects: sortKeys(state.redirects) };
}

/**
 * Adds the import's redirects to content/redirects.yaml, keeping what a
 * writer added by hand (and its comments). An old path the writer already
 * redirects elsewhere stays theirs, and is reported.
 */
function updateRedirects(plan: ImportPlan, options: WriteOptions, result: WriteResult): void {
  const file = path.join(options.contentDir, 'redirects.yaml');
  const relative = path.relative(options.root, file).split(path.sep).join('/');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const doc: Document = text.trim() ? parseDocument(text) : parseDocument('# Old addresses that must keep working: from is the old path, to the Handrail address.\nredirects: []\n');
  if (doc.errors.length) {
    result.findings.push({ kind: 'read-error', file: relative, message: `could not be read, so no redirects were added: ${doc.errors[0]!.message.split('\n')[0]}`, fix: 'Fix the YAML, then run the import again.' });
    return;
  }
  if (!isMap(doc.contents)) doc.contents = new YAMLMap();
  const found: unknown = (doc.contents as YAMLMap).get('redirects', true);
  const seq = isSeq(found) ? found : doc.createNode([]);
  if (!isSeq(found)) (doc.contents as YAMLMap).set('redirects', seq);
  if (!isSeq(seq)) return;
  seq.flow = false;
  const ours = previousRedirects(options.previous);
  const wanted = new Map(plan.redirects.map((r) => [r.from, r.to]));
  const present = new Map<string, string>();
  // Drop what the last run added (the new run adds it again if still wanted), unless a writer changed it.
  seq.items = seq.items.filter((item) => {
    const from = isMap(item) ? String(item.get('from') ?? '') : '';
    const to = isMap(item) ? String(item.get('to') ?? '') : '';
    if (ours.has(from) && ours.get(from) === to) return false;
    if (from) present.set(from, to);
    if (ours.has(from) && ours.get(from) !== to) result.state.redirects[from] = ours.get(from)!;
    return true;
  });
  for (const [from, to] of wanted) {
    const theirs = present.get(from);
    if (theirs !== undefined) {
      if (theirs !== to && !ours.has(from)) {
        result.findings.push({ kind: 'redirect-conflict', file: relative, message: `already sends ${from} to ${theirs}; the import would send it to ${to}, so yours was kept`, received: from, fix: 'Check which page the old address should lead to.' });
      }
      continue;
    }
    seq.items.push(doc.createNode({ from, to }));
    result.state.redirects[from] = to;
    if (!ours.has(from)) result.redirectsAdded++;
  }
  result.redirectsTotal = seq.items.length;
  const out = doc.toString({ lineWidth: 0 });
  if (out !== text && !options.dryRun) writeFileSync(file, out);
}

function previousRedirects(previous: ImportState | undefined): Map<string, string> {
  return new Map(Object.entries(previous?.redirects ?? {}));
}
