import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../../shared/problems.ts';
import type { ContentPaths } from './files.ts';
import { findActiveSvgContent } from './active-files.ts';

/** Largest content file the checker reads and the build publishes: far above any real article or settings file. */
export const MAX_CONTENT_BYTES = 1_000_000;

/** One entry found while walking a folder without following links. */
interface WalkEntry {
  absolute: string;
  kind: 'file' | 'folder' | 'link' | 'other';
  size: number;
}

/**
 * Every entry under a folder, found with lstat so a symbolic link is
 * reported as a link and never followed (a linked folder could be `/`,
 * a linked file could be a secret). The folder itself counts too.
 *
 * The checker's file system calls are synchronous: it runs before anything
 * else in a build, and a promise per call cost a build a quarter of a
 * second for each thousand articles (the rebuild's check was mostly waiting).
 */
export async function walkWithoutFollowing(dir: string): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  const visit = (absolute: string): void => {
    let info;
    try {
      info = lstatSync(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const kind = info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
    entries.push({ absolute, kind, size: info.size });
    if (kind !== 'folder') return;
    for (const name of readdirSync(absolute).sort()) visit(path.join(absolute, name));
  };
  visit(dir);
  return entries;
}

/**
 * Whether a file is one of `npm run import`'s own records under
 * content/.import/ (the state file `<source>.json` and the report
 * `<source>-report.md`): never read by the build nor published, so they
 * may be as large as a big help center's import makes them. Links there
 * are still refused.
 */
export function isImportRecord(paths: ContentPaths, absolute: string): boolean {
  const inside = path.relative(path.join(paths.contentDir, '.import'), absolute);
  return !inside.startsWith('..') && !path.isAbsolute(inside) && inside !== '';
}

function display(paths: ContentPaths, absolute: string): string {
  return path.relative(paths.root, absolute).split(path.sep).join('/') || '.';
}

/**
 * Files that are not what they say, anywhere under the content folder and
 * public/: symbolic links (files or folders), devices and pipes, and content
 * files too large to be real articles or settings. Each one stops the
 * build, so none of them is ever read, followed or published.
 */
export async function checkFileSafety(paths: ContentPaths): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [dir, where] of [
    [paths.contentDir, 'the content folder'],
    [paths.publicDir, 'public/'],
  ] as const) {
    for (const entry of await walkWithoutFollowing(dir)) {
      const file = display(paths, entry.absolute);
      if (entry.kind === 'link') {
        problems.push({
          file,
          message: `is a symbolic link: files in ${where} must be real files and folders, never links to somewhere else`,
          fix: 'Replace the link with a copy of the file (or folder) itself, or remove it.',
          severity: 'error',
        });
      } else if (entry.kind === 'other') {
        problems.push({
          file,
          message: 'is not a file or a folder (a device, pipe or socket)',
          fix: `Remove it from ${where}.`,
          severity: 'error',
        });
      } else if (entry.kind === 'file' && dir === paths.publicDir && /\.svg$/i.test(entry.absolute)) {
        const found = findActiveSvgContent(await readFile(entry.absolute, 'utf8'));
        if (found) {
          problems.push({
            file,
            line: found.line,
            message: 'is an SVG picture with code in it, which runs with your site\'s address when someone opens the picture on its own',
            received: found.what,
            allowed: 'an SVG that only draws: no scripts, event handlers, embedded pages or javascript: addresses',
            fix: 'Export the picture again without interactivity (Inkscape: "Optimized SVG"; or run it through SVGO), or save it as PNG.',
            severity: 'error',
          });
        }
      } else if (entry.kind === 'file' && dir === paths.contentDir && entry.size > MAX_CONTENT_BYTES && !isImportRecord(paths, entry.absolute)) {
        problems.push({
          file,
          message: `is larger than 1 MB (${(entry.size / 1e6).toFixed(1)} MB), far more than any article or settings file needs`,
          allowed: 'at most 1 MB',
          fix: 'Split it into several articles; pictures and downloads belong in public/, not in content/.',
          severity: 'error',
        });
      }
    }
  }
  return problems;
}

/**
 * Reads a content file as text, or pushes why it cannot be trusted: not a
 * plain file inside the content folder, over 1 MB, a byte order mark,
 * bytes that are not UTF-8, or NUL characters. Links and oversized files
 * are already reported by {@link checkFileSafety}, so they are skipped quietly.
 */
export async function readContentText(paths: ContentPaths, absolute: string, problems: Problem[]): Promise<string | undefined> {
  const bytes = await readContentBytes(paths, absolute);
  return bytes && contentText(paths, absolute, bytes, problems);
}

/**
 * The bytes of a content file that may be read: a plain file inside the
 * content folder, at most 1 MB; undefined otherwise (reported by
 * {@link checkFileSafety}).
 */
export async function readContentBytes(paths: ContentPaths, absolute: string): Promise<Buffer | undefined> {
  // Synchronous calls, as in walkWithoutFollowing.
  let info;
  try {
    info = lstatSync(absolute);
  } catch {
    return undefined;
  }
  if (!info.isFile() || info.size > MAX_CONTENT_BYTES) return undefined;
  // A linked parent folder would lead outside; the real path must stay inside.
  if (!realpathSync(absolute).startsWith(realpathSync(paths.contentDir) + path.sep)) return undefined;
  return readFileSync(absolute);
}

/** A content file's bytes as text, or undefined with the reason pushed: a byte order mark, bytes that are not UTF-8, or NUL characters. */
export function contentText(paths: ContentPaths, absolute: string, bytes: Buffer, problems: Problem[]): string | undefined {
  const file = display(paths, absolute);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    problems.push({
      file,
      line: 1,
      message: 'starts with an invisible byte order mark (BOM), so its first line cannot be read',
      allowed: 'UTF-8 text without a byte order mark',
      fix: 'Save the file as "UTF-8", not "UTF-8 with BOM" (in VS Code: click the encoding in the status bar, then "Save with Encoding" and "UTF-8").',
      severity: 'error',
    });
    return undefined;
  }
  if (!isUtf8(bytes)) {
    const { line, text } = firstInvalidLine(bytes);
    problems.push({
      file,
      line,
      message: 'is not saved as UTF-8: this line has characters in another encoding (often Latin-1 or Windows-1252), which would show as "�"',
      received: text,
      allowed: 'UTF-8 text',
      fix: 'Save the file with the encoding "UTF-8" (in VS Code: click the encoding in the status bar, then "Reopen with Encoding" and your old encoding, then "Save with Encoding" and "UTF-8").',
      severity: 'error',
    });
    return undefined;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    problems.push({
      file,
      line: lineAt(bytes, nul),
      message: 'has a NUL character, so it is not a text file',
      allowed: 'plain text',
      fix: 'Open the file in a text editor and delete the invisible character, or recreate the file as plain text.',
      severity: 'error',
    });
    return undefined;
  }
  return bytes.toString('utf8');
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The first line that is not UTF-8. A newline byte never occurs inside a multi-byte character, so lines can be tested one by one. */
function firstInvalidLine(bytes: Buffer): { line: number; text: string } {
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
    if (!isUtf8(slice)) return { line, text: slice.toString('utf8').trim() };
    if (end === -1) break;
    start = end + 1;
  }
  return { line: 1, text: '' };
}
