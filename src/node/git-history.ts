import { spawnSync } from 'node:child_process';
import path from 'node:path';

function git(root: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/**
 * When each file under `dir` last changed, from one pass over git history
 * (one git call, whatever the number of articles). Paths are relative to
 * the repository root, with forward slashes. Empty outside a repository;
 * in a shallow clone every file gets the date of the one commit there is.
 */
export function lastChangedDates(root: string, dir: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  const output = git(root, ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', path.relative(root, dir) || '.']);
  if (!output) return dates;
  const top = git(root, ['rev-parse', '--show-toplevel'])?.trim();
  const prefix = top ? path.relative(top, root).split(path.sep).join('/') : '';
  for (const block of output.split('\0').slice(1)) {
    const [dateLine = '', ...files] = block.split('\n');
    const date = new Date(dateLine.trim());
    for (const file of files.map((f) => f.trim()).filter(Boolean)) {
      const relative = prefix && file.startsWith(`${prefix}/`) ? file.slice(prefix.length + 1) : file;
      if (!dates.has(relative)) dates.set(relative, date); // newest first: keep the first seen
    }
  }
  return dates;
}

/**
 * The date of a commit (a translation's translated_from), or undefined
 * when git does not know it (a typo, or a shallow clone without it).
 */
export function commitDate(root: string, hash: string): Date | undefined {
  if (!/^[0-9a-f]{7,40}$/.test(hash)) return undefined;
  const output = git(root, ['show', '-s', '--format=%cI', `${hash}^{commit}`])?.trim();
  return output ? new Date(output) : undefined;
}

/** Whether the repository is a shallow clone, where older commits are missing. */
export function isShallowRepository(root: string): boolean {
  return git(root, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
}

/** Which git ref counts as "the last release", and why; undefined when there is none. */
export function releaseRef(root: string, env: NodeJS.ProcessEnv = process.env): { ref: string; reason: string } | undefined {
  if (env.HANDRAIL_RELEASE_REF) return { ref: env.HANDRAIL_RELEASE_REF, reason: 'HANDRAIL_RELEASE_REF' };
  if (env.GITHUB_BASE_REF && git(root, ['rev-parse', '--verify', '--quiet', `origin/${env.GITHUB_BASE_REF}`])) {
    return { ref: `origin/${env.GITHUB_BASE_REF}`, reason: 'the pull request base branch' };
  }
  const tag = git(root, ['describe', '--tags', '--abbrev=0', '--match', 'release-*'])?.trim();
  return tag ? { ref: tag, reason: 'the latest release tag' } : undefined;
}

/**
 * Every article address (slug) the site published at a git ref: article
 * file names and their redirect_from slugs. Drafts count too; a writer who
 * renames a draft owes nobody a redirect, but telling draft from published
 * at the ref would need every file read.
 */
export function addressesAtRef(root: string, ref: string, articlesDir: string): Set<string> | undefined {
  const relativeDir = path.relative(root, articlesDir).split(path.sep).join('/');
  const listing = git(root, ['ls-tree', '-r', '--name-only', ref, '--', relativeDir]);
  if (listing === undefined) return undefined;
  const slugs = new Set<string>();
  for (const file of listing.split('\n')) {
    // refunds.cy.md is a translation: its address is the original's, in another language.
    const match = /\/([^/.]+)\.mdx?$/.exec(file.trim());
    if (match) slugs.add(match[1]!);
  }
  // redirect_from lists, found with one grep over the ref's tree.
  const grep = git(root, ['grep', '-h', '-A20', '-E', '^redirect_from:', ref, '--', relativeDir]) ?? '';
  for (const block of grep.split(/^--$/m)) {
    const lines = block.split('\n');
    const start = lines.findIndex((l) => /redirect_from:/.test(l));
    if (start === -1) continue;
    const inline = /redirect_from:\s*\[(.*)\]/.exec(lines[start]!);
    if (inline) inline[1]!.split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, '')).filter(Boolean).forEach((s) => slugs.add(s));
    else for (const line of lines.slice(start + 1)) {
      const item = /^\s*-\s*['"]?([a-z0-9-]+)['"]?\s*$/.exec(line);
      if (!item) break;
      slugs.add(item[1]!);
    }
  }
  return slugs;
}
