/**
 * The site's Content-Security-Policy, in one place: Astro writes it into
 * every page's <meta http-equiv> (with the hashes of the scripts and styles
 * it built), and the integration writes the same policy as a `_headers`
 * file for hosts that send headers.
 */

/** Origins beyond the site itself that pages may talk to, from content settings. */
export interface CspOrigins {
  /** Where scripts may send data (fetch, sendBeacon): e.g. the feedback endpoint's origin. */
  connect: string[];
  /** Where forms may submit. */
  formAction: string[];
}

/**
 * Script sources besides the hashes Astro adds. 'self' loads the bundled
 * modules and Pagefind's script; Pagefind compiles its search engine from
 * WebAssembly, which Chromium allows only with 'wasm-unsafe-eval' (it does
 * not allow JavaScript eval).
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** The origin of an https:// (or local http://) address, or undefined when it is not one. */
export function originOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The directives this policy sets besides script-src and style-src (the names Astro's config accepts). */
export type CspDirective = `${'default-src' | 'object-src' | 'base-uri' | 'form-action' | 'img-src' | 'connect-src' | 'worker-src' | 'manifest-src'} ${string}`;

/**
 * Every directive except script-src and style-src, which Astro writes with
 * its hashes. Nothing may be fetched, framed or embedded from elsewhere;
 * `frame-ancestors` is left out because browsers ignore it in a meta tag
 * (see `headerOnlyDirectives`).
 */
export function cspDirectives(origins: CspOrigins): CspDirective[] {
  const list = (extra: string[]) => ["'self'", ...new Set(extra)].join(' ');
  return [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${list(origins.formAction)}`,
    "img-src 'self'",
    `connect-src ${list(origins.connect)}`,
    "worker-src 'self'",
    "manifest-src 'self'",
  ];
}

/** Directives that work only as an HTTP header: no other site may frame the help center (clickjacking). */
export const headerOnlyDirectives = ["frame-ancestors 'self'"];

/** The CSP source for a script or style text: `sha256-<base64>`, as browsers compute it. */
export async function cspHash(text: string): Promise<`sha256-${string}`> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha256-${btoa(binary)}`;
}
