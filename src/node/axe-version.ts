import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './project-paths.ts';

/** The installed axe-core version: the engine the audit runs, named in the accessibility statement. */
export function axeVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/axe-core/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
