import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
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
 *
 * In one language, the demo's default: the generated articles have no
 * translations, and a site in three languages would also build every
 * article's untranslated page in the other two — 3,169 pages for 1,000
 * articles, against Starlight's 1,000 from the same corpus in one locale.
 * `languages: 'demo'` keeps the demo's languages (pages × languages).
 */
export async function writeContent(dir: string, size: number, projectRoot: string, options: { languages?: 'one' | 'demo' } = {}): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await writeFiles(dir, generateHelpCenter(size).files);
  for (const file of ['site.yaml', 'contact.yaml', 'synonyms.yaml']) await cp(path.join(projectRoot, 'content', file), path.join(dir, file));
  if (options.languages !== 'demo') await keepDefaultLanguage(dir);
  return dir;
}

/** Makes a copied demo's settings one-language: the default language's locale, channels without other languages. */
async function keepDefaultLanguage(dir: string): Promise<void> {
  const site = parseDocument(await readFile(path.join(dir, 'site.yaml'), 'utf8'));
  const languages = site.get('languages') as { items: Array<{ get(key: string): unknown }> } | undefined;
  if (!languages) return;
  const first = languages.items[0]!;
  site.delete('languages');
  site.set('locale', first.get('locale') ?? first.get('code'));
  await writeFile(path.join(dir, 'site.yaml'), site.toString());
  const contact = parseDocument(await readFile(path.join(dir, 'contact.yaml'), 'utf8'));
  for (const channel of (contact.get('channels') as { items: Array<{ delete(key: string): boolean }> }).items) {
    channel.delete('languages');
    channel.delete('hoursByLanguage');
  }
  await writeFile(path.join(dir, 'contact.yaml'), contact.toString());
}
