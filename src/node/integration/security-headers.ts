import { readdir, writeFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { readHead } from './reused-read.ts';
import path from 'node:path';
import { headerOnlyDirectives } from '../../shared/csp.ts';

/** What went into `_headers`. */
export interface HeadersResult {
  /** The policy as sent in the header (the pages' meta policy plus header-only directives). */
  policy: string;
  /** Pages read. */
  pageCount: number;
}

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]+)"/i;

/** The policy a built page carries in its <meta http-equiv>, with HTML entities decoded. */
export function metaPolicy(html: string): string | undefined {
  const found = META_CSP.exec(html)?.[1];
  return found?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/**
 * Writes `_headers` (read by Netlify and Cloudflare Pages) with the same
 * Content-Security-Policy every page carries in its meta tag, plus what only
 * a header can say (`frame-ancestors`). Every page must carry the same
 * policy — one rule covers the whole site, and a browser applies both the
 * header and the meta tag — so a page that differs stops the build.
 */
export async function writeSecurityHeaders(siteDir: string, base: string): Promise<HeadersResult> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const pages = entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
  const policies = new Map<string, string[]>();
  // Read synchronously (as the offline step does): a promise per page
  // doubled this step's time. It runs while Pagefind indexes, so it gives
  // Pagefind's replies a turn every few dozen pages. Only the head is read
  // as text: a browser applies a policy's meta tag only there.
  for (const [i, page] of pages.entries()) {
    if (i % 64 === 0) await nextTurn();
    const html = readHead(page);
    // Redirect stubs for old addresses forward at once and run nothing; they carry no policy.
    if (/<meta http-equiv="refresh"/i.test(html) && !META_CSP.test(html)) continue;
    const policy = metaPolicy(html) ?? '(none)';
    policies.set(policy, [...(policies.get(policy) ?? []), path.relative(siteDir, page)]);
  }
  if (policies.size !== 1 || policies.has('(none)')) {
    const detail = [...policies].map(([policy, files]) => `  ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}: ${policy}`).join('\n');
    throw new Error(`Every page must carry the same Content-Security-Policy, so one header can cover the site. Found:\n${detail}`);
  }
  const [meta] = policies.keys() as IterableIterator<string>;
  const policy = `${meta!.replace(/;?\s*$/, ';')} ${headerOnlyDirectives.map((d) => `${d};`).join(' ')}`;
  const lines = [
    '# Written by the Handrail build: the same policy as each page\'s meta tag, plus what only a header can say.',
    `${base}*`,
    `  Content-Security-Policy: ${policy}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ];
  await writeFile(path.join(siteDir, '_headers'), lines.join('\n'));
  return { policy, pageCount: [...policies.values()][0]!.length };
}
