/**
 * Turns the redirects of `content/redirects.yaml` into a `_redirects` file,
 * the format Netlify and Cloudflare Pages both read:
 * `<from> <to> 301`, one per line. Pure: no file system, so the build, the
 * checker and tests can all call it.
 */

/** One redirect as `content/redirects.yaml` holds it (see src/schemas/redirects.ts). */
export interface RedirectRule {
  from: string;
  to: string;
}

/**
 * Cloudflare Pages reads at most this many static redirects from
 * `_redirects` and ignores the rest; Netlify has no such limit.
 */
export const CLOUDFLARE_STATIC_REDIRECT_LIMIT = 2000;

// Characters a path may hold as they are (RFC 3986 pchar and "/"); every
// other character is percent-encoded, an existing "%XX" is kept.
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

/**
 * The path as a browser sends it: non-ASCII and unsafe characters
 * percent-encoded, existing escapes kept, so "/hc/fr/articles/1-Réglages"
 * and "/hc/fr/articles/1-R%C3%A9glages" give the same line.
 */
export function encodePath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i]!;
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(path.slice(i + 1, i + 3))) {
      out += path.slice(i, i + 3).toUpperCase();
      i += 2;
    } else if (PATH_SAFE.test(char)) {
      out += char;
    } else {
      const codePoint = path.codePointAt(i)!;
      const whole = String.fromCodePoint(codePoint);
      out += encodeURIComponent(whole);
      i += whole.length - 1;
    }
  }
  return out;
}

/** Longest part of an old path that can be a folder name (255 bytes on common file systems, with room to spare). */
const MAX_SEGMENT_BYTES = 240;

/** Options for {@link formatRedirectsFile}. */
export interface RedirectsFileOptions {
  /** The site's base path ("/" or "/help/"): added to every destination, not to the old paths. */
  base?: string;
}

/**
 * The text of a `_redirects` file: one `from to 301` line per redirect,
 * sorted by old path so the file diffs cleanly, with a comment saying where
 * it comes from. Old paths that encode to the same path appear once (the
 * first in the list wins, as in the YAML file).
 */
export function formatRedirectsFile(redirects: readonly RedirectRule[], options: RedirectsFileOptions = {}): string {
  const base = (options.base ?? '/').replace(/\/+$/, '');
  const lines = new Map<string, string>();
  for (const { from, to } of redirects) {
    const encodedFrom = encodePath(from);
    if (lines.has(encodedFrom)) continue;
    const [toPath = '', hash] = to.split('#', 2);
    const destination = encodePath(`${base}${toPath}`) + (hash ? `#${hash}` : '');
    lines.set(encodedFrom, `${encodedFrom} ${destination} 301`);
  }
  const sorted = [...lines.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line);
  return ['# Made by the build from content/redirects.yaml and the articles\' redirect_from; edit those, not this file.', ...sorted, ''].join('\n');
}

/**
 * Where the redirect page of an old path is built, as the route parameter
 * of `src/site-pages/[...old].astro`: the path decoded, without the base path
 * and the slashes at either end ("/hc/en-us/articles/1-Réglages" →
 * "hc/en-us/articles/1-Réglages"). Undefined when the old path is outside
 * the site's base path, where no page of this site can be (only
 * `_redirects` serves it then), for a part too long to be a folder name
 * (the same), and for a path with "." or ".." parts.
 */
export function redirectPageParam(from: string, base = '/'): string | undefined {
  let decoded = from;
  try {
    decoded = decodeURIComponent(from);
  } catch {
    // A stray "%" stays as written.
  }
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const withSlash = decoded.endsWith('/') ? decoded : `${decoded}/`;
  if (!withSlash.startsWith(prefix)) return undefined;
  const param = withSlash.slice(prefix.length).replace(/\/+$/, '');
  // "." and ".." would place the page somewhere else, even outside the site (the check refuses them).
  if (param.split(/[/\\]/).some((segment) => segment === '.' || segment === '..' || segment === '')) return undefined;
  // A control character cannot be in a file name the build writes (NUL), or would split a _redirects line (the check refuses them).
  if (/[\u0000-\u001f\u007f]/.test(param)) return undefined;
  // A file name holds at most 255 bytes on common file systems; a longer part can only be a _redirects line.
  if (param.split('/').some((segment) => new TextEncoder().encode(segment).length > MAX_SEGMENT_BYTES)) return undefined;
  return param === '' ? undefined : param;
}
