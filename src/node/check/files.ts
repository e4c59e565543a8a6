import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Where to look. Paths are absolute. */
export interface ContentPaths {
  /** Project root; reported file names are relative to it. */
  root: string;
  /** The content folder (content/ by default). */
  contentDir: string;
  /** The public folder, for images and files that articles link to. */
  publicDir: string;
}


/**
 * Every plain file under a folder, sorted; none when the folder is missing.
 * Links are never followed (file-safety.ts reports them), so nothing
 * outside the folder is ever read.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    let entries;
    try {
      if (!(await lstat(folder)).isDirectory()) return;
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      if (entry.isFile()) files.push(absolute);
      else if (entry.isDirectory()) await visit(absolute);
    }
  };
  await visit(dir);
  return files.sort();
}


/** Whether something is at a path, without following a link (a link is reported, never read). */
export async function exists(file: string): Promise<boolean> {
  try {
    const info = await lstat(file);
    return info.isFile() || info.isSymbolicLink();
  } catch {
    return false;
  }
}


/** A path as reported to writers: relative to the project root, with forward slashes. */
export function relative(paths: ContentPaths, file: string): string {
  return path.relative(paths.root, file).split(path.sep).join('/');
}

