import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateHelpCenter } from './generate.ts';

/** Writes files (relative path → text) under a folder. */
export async function writeFiles(dir: string, files: Map<string, string>): Promise<void> {
  for (const [relative, text] of files) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), text);
  }
}

/**
 * A fresh generated content folder of `size` articles at `dir`, with the
 * demo's site, contact and synonym settings (so pages carry the same chrome).
 */
export async function writeContent(dir: string, size: number, projectRoot: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await writeFiles(dir, generateHelpCenter(size).files);
  for (const file of ['site.yaml', 'contact.yaml', 'synonyms.yaml']) await cp(path.join(projectRoot, 'content', file), path.join(dir, file));
  return dir;
}
