/**
 * Files under public/ that would run code on the site's own origin when a
 * reader opens them directly. An SVG shown with <img> never runs its
 * scripts, but the same file opened at /images/x.svg does, with the site's
 * address: a picture is data only if it holds no code. Shared by the check
 * (public/) and the importer (attachments it copies there).
 */

// Numeric and the few named references that can hide a scheme ("java&#x09;script&colon;").
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', lpar: '(', rpar: ')', sol: '/' };

function decodeReferences(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? whole;
    const code = hex ? Number.parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/**
 * What in an SVG would run when it is opened on its own: a script, an
 * event handler, a javascript: (or vbscript:, data:text/html) address, or
 * embedded HTML. Undefined when it is only a picture.
 */
export function findActiveSvgContent(text: string): { what: string; line?: number } | undefined {
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const element = /<\s*(script|foreignObject|iframe|embed|object|handler|listener)\b/i.exec(text);
  if (element) return { what: `<${element[1]}>`, line: lineAt(element.index) };
  const handler = /[\s"'/]((?:on|ev:)[a-z]+)\s*=/i.exec(text);
  if (handler) return { what: `${handler[1]}="…"`, line: lineAt(handler.index + 1) };
  // Browsers drop tabs and newlines inside an address, so "java\tscript:" is still a script.
  const plain = decodeReferences(text).replace(/[\u0000-\u0020]+/g, '');
  const scheme = /(javascript|vbscript|livescript):|data:(?:text\/html|application\/xhtml|image\/svg)/i.exec(plain);
  if (scheme) return { what: `a ${scheme[0]} address` };
  return undefined;
}

/** File types a browser runs as a page or a script when opened from the site: never copied from an export into public/. */
export const ACTIVE_FILE_TYPES = new Set(['html', 'htm', 'xhtml', 'xht', 'shtml', 'xml', 'xsl', 'xslt', 'js', 'mjs', 'cjs', 'swf', 'svgz', 'hta', 'wasm']);
