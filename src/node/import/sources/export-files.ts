/** Reading an export folder: its JSON files (one API page each) and the files beside them. */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { exportCandidates } from '../assets.ts';
import type { Finding } from '../report.ts';

/** One parsed JSON file of an export. */
export interface ExportPage {
  /** Path relative to the export folder, forward slashes. */
  file: string;
  data: Record<string, unknown>;
}

/**
 * Every `.json` file under the export folder (not under `files/`, where
 * downloaded attachments live), parsed, in name order so pages read in
 * sequence. A file that is not JSON is reported with its line.
 */
export function readExportPages(root: string, findings: Finding[]): ExportPage[] {
  if (!existsSync(root)) {
    findings.push({ kind: 'read-error', file: root, message: 'does not exist', fix: 'Give the folder that holds the export\'s .json files.' });
    return [];
  }
  const files = statSync(root).isFile()
    ? [path.basename(root)]
    : readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.json'))
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
        .filter((f) => !f.startsWith('files/') && !f.startsWith('.'));
  const base = statSync(root).isFile() ? path.dirname(root) : root;
  const pages: ExportPage[] = [];
  for (const file of files.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
    // Files saved on Windows (PowerShell's Out-File, Notepad) often start with a byte order mark, which JSON.parse refuses.
    const text = readFileSync(path.join(base, file), 'utf8').replace(/^\uFEFF/, '');
    try {
      const data = JSON.parse(text) as unknown;
      if (data && typeof data === 'object') pages.push({ file, data: (Array.isArray(data) ? { items: data } : data) as Record<string, unknown> });
      else findings.push({ kind: 'read-error', file, message: 'is JSON but not a page of the export: it holds no list of articles, sections or categories', received: text.trim().slice(0, 40), fix: 'Download this page of the export again, or move the file out of the export folder.' });
    } catch (error) {
      const position = /position (\d+)/.exec(String(error))?.[1];
      const line = position ? text.slice(0, Number(position)).split('\n').length : undefined;
      findings.push({ kind: 'read-error', file, line, message: `is not valid JSON: ${String((error as Error).message).split('\n')[0]}`, fix: 'Download this page of the export again; the file may have been cut short.' });
    }
  }
  return pages;
}

/** The objects in a list field of a page (`page.articles`), skipping anything that is not an object. */
export function listOf(page: ExportPage, field: string): Array<Record<string, unknown>> {
  const value = page.data[field];
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object') : [];
}

/** A field as a string (ids come as numbers in some APIs and strings in others). */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A field as a number. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && value.trim() && Number.isFinite(Number(value)) ? Number(value) : undefined;
}

/** The hostname of a URL, lower case, or undefined. */
export function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The file in the export behind a URL (see exportCandidates). A folder
 * holding a single file counts as that file, for attachment URLs that end
 * in an id (`/hc/article_attachments/123`).
 */
export function findExportFile(root: string, url: string, folders: readonly string[] = []): string | undefined {
  for (const candidate of exportCandidates(root, url, folders)) {
    if (isExportFile(root, candidate)) return candidate;
    if (isExportFolder(root, candidate)) {
      const inside = readdirSync(candidate, { withFileTypes: true }).filter((e) => e.isFile());
      if (inside.length === 1) return path.join(candidate, inside[0]!.name);
    }
  }
  return undefined;
}

/** Whether a path is inside the export once every link on the way is resolved. */
function isInside(root: string, candidate: string): boolean {
  try {
    const real = realpathSync(candidate);
    const top = realpathSync(root);
    return real === top || real.startsWith(top.endsWith(path.sep) ? top : top + path.sep);
  } catch {
    return false;
  }
}

/**
 * Whether a path is a real file of the export: not a symbolic link, and
 * not reached through "..", a linked folder or an absolute path. An export
 * comes from someone else (a zip of a docs repository, a download); a link
 * in it to /etc/passwd or ~/.ssh would otherwise be read, and published
 * as an article or a download.
 */
export function isExportFile(root: string, candidate: string): boolean {
  try {
    return lstatSync(candidate).isFile() && isInside(root, candidate);
  } catch {
    return false;
  }
}

function isExportFolder(root: string, candidate: string): boolean {
  try {
    return lstatSync(candidate).isDirectory() && isInside(root, candidate);
  } catch {
    return false;
  }
}
