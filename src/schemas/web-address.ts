import type { z } from 'astro/zod';

/**
 * Settings values that become links or requests: web addresses, email
 * addresses and paths on the site. Each has exactly one allowed form,
 * checked here, so a setting can never carry code (`javascript:`), a
 * stranger's host (`//evil.example`), or hidden extras (`?bcc=`).
 *
 * This is a leaf module (no imports at run time): the schemas, the
 * checker and the Markdown sanitizer all use it, so they cannot disagree.
 */

/** Why a value was refused, worded for the writer. */
export interface ValueProblem {
  /** What is wrong, as a sentence fragment after the field name. */
  problem: string;
  /** What would be accepted. */
  allowed: string;
  /** What to do. */
  fix: string;
}

// Whitespace and control characters: browsers silently drop tabs and
// newlines inside addresses, so "java\tscript:" or "/\t/evil.example"
// would turn into something other than what the writer (or a reviewer) saw.
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const WEB_ALLOWED = 'a web address starting with https:// (http:// only for localhost), like "https://help.example.com/path"';

/**
 * A web address a reader's browser may open or send to: `https:` only, or
 * `http:` for localhost (testing). With `pathAllowed: false` it must be the
 * bare origin, as for the site's own address.
 */
export function checkWebAddress(value: string, options: { pathAllowed: boolean } = { pathAllowed: true }): ValueProblem | undefined {
  const allowed = options.pathAllowed ? WEB_ALLOWED : 'the address of the site only, starting with https://, like "https://help.example.com"';
  if (INVISIBLE.test(value)) {
    return { problem: 'has spaces or invisible characters in it', allowed, fix: 'Retype the address with no spaces, tabs or line breaks in it.' };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'https' && scheme !== 'http') {
    return { problem: `starts with "${scheme}:", which is not a web address`, allowed, fix: 'Write an address that starts with https://, or remove the line.' };
  }
  if (/["<>\\^`{|}]/.test(value)) {
    return { problem: 'has characters that do not belong in a web address (quotes, <, >, \\, {, } or similar)', allowed, fix: 'Copy the address again from the browser\'s address bar.' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'is not a full web address', allowed, fix: 'Write the whole address, starting with https://.' };
  }
  // The parsed form can differ from the text (a backslash becomes a slash,
  // "HTTPS:" lower-case); the text itself must already be the plain form.
  if (!/^https?:\/\/[^/\\]/i.test(value)) {
    return { problem: 'is not a full web address', allowed, fix: 'Write the whole address, starting with https://.' };
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return { problem: 'starts with http://, which is not encrypted', allowed, fix: `Use ${value.replace(/^http:/i, 'https:')} instead.` };
  }
  if (url.username || url.password) {
    return { problem: 'has a user name or password in it', allowed, fix: 'Remove the part before "@": never put passwords in settings.' };
  }
  // The server as written must be the server the browser asks: "аpple.com" (a Cyrillic а) becomes
  // "xn--pple-43d.com", and "2130706433" becomes "127.0.0.1"; a reviewer reads the first, readers get the second.
  const written = value.replace(/^https?:\/\//i, '').split(/[/?#]/, 1)[0]!.replace(/^.*@/, '').replace(/:\d*$/, '').toLowerCase();
  if (written !== url.hostname) {
    const foreign = /[^\u0000-\u007f]/.test(written);
    return {
      problem: foreign
        ? `has letters from other alphabets in its server name, which can imitate another site's name; browsers read it as "${url.hostname}"`
        : `writes its server name in a form browsers read as "${url.hostname}"`,
      allowed,
      fix: foreign ? `Check that this is really the site you mean, then write it in the form browsers use: ${value.replace(/^(https?:\/\/)[^/?#]*/i, `$1${url.host}`)}.` : `Write ${url.hostname} as the server name, or the site's name rather than a number.`,
    };
  }
  if (!LOCAL_HOSTS.has(url.hostname) && !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(url.hostname)) {
    return { problem: 'does not name a web server', allowed, fix: 'Check the part after https://, e.g. help.example.com.' };
  }
  if (!options.pathAllowed && (url.pathname !== '/' || value.includes('?') || value.includes('#'))) {
    return {
      problem: 'has a path, query or #part after the address',
      allowed,
      fix: `Write ${url.origin} here; a sub-path belongs in basePath (e.g. basePath: /help/).`,
    };
  }
  return undefined;
}

// The local part allows what real addresses use, and nothing that has a
// meaning inside a mailto: link (?, &, %, #, spaces, <, >, commas, quotes).
const EMAIL = /^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const EMAIL_ALLOWED = 'an email address alone, like "help@example.com"';

/** An email address alone: no name, no mailto:, nothing after it that a mail link would act on. */
export function checkEmailAddress(value: string): ValueProblem | undefined {
  const fix = 'Write the address alone, like help@example.com. Put a name for customers in "display".';
  if (/^mailto:/i.test(value)) return { problem: 'starts with "mailto:"', allowed: EMAIL_ALLOWED, fix: `Write ${value.replace(/^mailto:/i, '').split('?')[0]} without "mailto:".` };
  if (/[?&%#]/.test(value)) {
    return {
      problem: 'has "?", "&", "%" or "#" in it, which would add hidden recipients, a subject or text to every customer\'s email',
      allowed: EMAIL_ALLOWED,
      fix,
    };
  }
  if (INVISIBLE.test(value) || /[<>",;]/.test(value)) {
    return { problem: 'has a name, spaces or more than one address in it', allowed: EMAIL_ALLOWED, fix };
  }
  if (!EMAIL.test(value)) return { problem: 'is not an email address', allowed: EMAIL_ALLOWED, fix: 'Check the spelling: it needs one "@" and a domain like example.com.' };
  return undefined;
}

/**
 * A path to a file served by the site itself, like "/logo.svg": never
 * another host ("//cdn.example", "/\\cdn.example"), never a way out of the
 * folder ("/../"), never text the browser would rewrite.
 */
export function checkSitePath(value: string): ValueProblem | undefined {
  const allowed = 'a path under public/ starting with "/", like "/logo.svg"';
  if (INVISIBLE.test(value)) return { problem: 'has spaces or invisible characters in it', allowed, fix: 'Rename the file without spaces, and write its path again.' };
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return { problem: 'is not a path on this site', allowed, fix: 'Put the file in public/ and write its path from there, starting with one "/".' };
  }
  if (hasDotSegment(value)) return { problem: 'has "." or ".." in its path', allowed, fix: 'Write the path from public/ without "./" or "../".' };
  if (/[?#]/.test(value)) return { problem: 'has a "?" or "#" part', allowed, fix: 'Write the file\'s path only.' };
  return undefined;
}

/** Whether a URL path has a "." or ".." segment, also when written as %2e. */
export function hasDotSegment(path: string): boolean {
  const segments = path.split(/[?#]/, 1)[0]!.split(/[/\\]/);
  return segments.some((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A broken %-escape is not a dot segment; other checks report it.
    }
    return decoded === '.' || decoded === '..';
  });
}

/**
 * A zod refinement from one of the checks above. The problem's own words
 * travel in `params`, so the checker can say exactly what is wrong.
 */
export function refineWith(check: (value: string) => ValueProblem | undefined) {
  return (value: string, ctx: z.core.$RefinementCtx<string>): void => {
    const found = check(value);
    if (found) ctx.addIssue({ code: 'custom', message: found.allowed, params: { ...found } });
  };
}
