import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CLOUDFLARE_STATIC_REDIRECT_LIMIT, formatRedirectsFile, redirectPageParam } from '../../shared/redirects.ts';
import type { Redirect } from '../../schemas/redirects.ts';
import type { ContentCheckResult } from '../check/index.ts';
import { allRedirects } from '../check/redirects.ts';

/** What went into `_redirects`, for the build summary. */
export interface RedirectsResult {
  /** Lines of `_redirects`: every old address, encoded once. */
  lines: number;
  /** Old paths of content/redirects.yaml with no page (outside the base path, or a part too long for a folder name): only `_redirects` serves them. */
  withoutPage: string[];
  /** Destinations this build has no page for (a language whose pages are not built yet). */
  missing: string[];
}

/**
 * Every old address the site redirects, as the last build step needs it:
 * kept as plain data, so the part of a split build that holds them can
 * hand them to the step that joins the parts (src/node/integration/finish.ts).
 */
export interface RedirectSources {
  /** The entries of content/redirects.yaml. */
  redirects: Redirect[];
  /** Every redirect the site publishes: those entries and the published articles' redirect_from, under the base path. */
  rules: Redirect[];
}

/** The redirects of a checked help center. */
export function redirectSourcesOf(check: Pick<ContentCheckResult, 'redirects' | 'articles'>, base: string): RedirectSources {
  return { redirects: check.redirects, rules: allRedirects(check.redirects, check.articles, base) };
}

/**
 * Writes `_redirects` (Netlify and Cloudflare Pages: `from to 301`) for every
 * old address: content/redirects.yaml and the articles' redirect_from,
 * after the rules of a `public/_redirects` the site has of its own. The
 * pages at the same addresses (src/site-pages/[...old].astro and
 * articles/[moved].astro) serve every other host, with a meta refresh.
 */
export async function writeRedirectsFile(
  siteDir: string,
  base: string,
  sources: RedirectSources,
  /** Addresses of the pages built, without the base ("articles/x/", "" for home), as Astro lists them. */
  built?: ReadonlySet<string>,
): Promise<RedirectsResult> {
  const redirects = sources.rules;
  const text = formatRedirectsFile(redirects, { base });
  // A site's own public/_redirects (copied in by Astro) is kept, first: hosts apply the first rule that matches.
  const file = path.join(siteDir, '_redirects');
  const header = text.split('\n', 1)[0]!;
  // Only the site's part: a _redirects this step wrote before (a build into the same folder) is replaced.
  const own = existsSync(file) ? (await readFile(file, 'utf8')).split(header, 1)[0]! : '';
  await writeFile(file, own.trim() ? `${own.trimEnd()}\n\n${text}` : text);
  return {
    lines: text.split('\n').filter((line) => line && !line.startsWith('#')).length,
    withoutPage: sources.redirects.filter((r) => redirectPageParam(r.from, base) === undefined).map((r) => r.from),
    missing: built ? [...new Set(redirects.map((r) => r.to.split('#', 1)[0]!).filter((to) => !built.has(to.replace(/^\/+/, ''))))].sort() : [],
  };
}

/** The build summary's line about redirects, with what a writer may need to act on. */
export function redirectsSummary(result: RedirectsResult, base: string): string[] {
  if (result.lines === 0) return [];
  const lines = [`✓ Redirects: ${result.lines} old ${result.lines === 1 ? 'address' : 'addresses'}, each a page and a line of _redirects.`];
  if (result.withoutPage.length) {
    const count = result.withoutPage.length;
    lines.push(`  ${count} old ${count === 1 ? 'address has' : 'addresses have'} no page (e.g. ${result.withoutPage[0]}): outside ${base}, or too long for a folder name. Only a host that reads _redirects at the site's root serves ${count === 1 ? 'it' : 'them'}.`);
  }
  if (result.missing.length) {
    lines.push(`  ${result.missing.length} ${result.missing.length === 1 ? 'destination has' : 'destinations have'} no page in this build (e.g. ${result.missing[0]}), so ${result.missing.length === 1 ? 'its redirects lead' : 'their redirects lead'} to "page not found" until it exists.`);
  }
  if (result.lines > CLOUDFLARE_STATIC_REDIRECT_LIMIT) {
    lines.push(`  Cloudflare Pages reads the first ${CLOUDFLARE_STATIC_REDIRECT_LIMIT} lines of _redirects only; the redirect pages still serve the rest.`);
  }
  return lines;
}

/**
 * Astro writes every page as `<path>/index.html`, so the redirect page of
 * an old file-like address (Jekyll's /docs/install.html, an old
 * /faq.php) lands at /docs/install.html/ where no host looks. The page is
 * moved to the file itself, unchanged; run before the search index and
 * offline support list the built files. Returns how many were moved.
 */
export async function placeFileLikeRedirectPages(siteDir: string, base: string, redirects: readonly Redirect[]): Promise<number> {
  let moved = 0;
  for (const { from } of redirects) {
    const param = redirectPageParam(from, base);
    if (param === undefined || !/\.[A-Za-z0-9]+$/.test(param) || from.endsWith('/')) continue;
    const folder = path.join(siteDir, ...param.split('/'));
    const page = path.join(folder, 'index.html');
    if (!existsSync(page)) continue;
    const scratch = `${folder}.handrail-move`;
    await rename(page, scratch);
    await rm(folder, { recursive: true });
    await rename(scratch, folder);
    moved++;
  }
  return moved;
}
