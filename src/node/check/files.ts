import { readdir, stat } from 'node:fs/promises';
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


/** Every file under a folder, sorted; none when the folder is missing. */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}


/** Whether a path is an existing file. */
export async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}


/** A path as reported to writers: relative to the project root, with forward slashes. */
export function relative(paths: ContentPaths, file: string): string {
  return path.relative(paths.root, file).split(path.sep).join('/');
}

