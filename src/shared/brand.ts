/**
 * The brand as data: the app's short name and the icon drawn from the
 * accent colour and the name's initial when there is no logo to use.
 */

/** Words a help center's name often ends with, which say nothing on a home screen. */
const GENERIC_ENDINGS = /\s+(help\s*cent(?:er|re)|help|support|docs|documentation|knowledge\s*base|faq|faqs)$/i;

/**
 * The name under an installed app's icon: the name itself when it is short,
 * otherwise the name without a generic ending ("Larkspur Bikes Help" →
 * "Larkspur Bikes"), never just its first word.
 */
export function defaultShortName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length <= 12) return trimmed;
  const stripped = trimmed.replace(GENERIC_ENDINGS, '').trim();
  return stripped || trimmed;
}

/** The first letter (or digit) of the name, upper-cased in its own language. */
export function initialOf(name: string, locale = 'en'): string {
  const letter = /[\p{L}\p{N}]/u.exec(name)?.[0] ?? '?';
  return letter.toLocaleUpperCase(locale);
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A square icon: the initial in the accent text colour on the accent.
 * `maskable` fills the square (platforms cut their own shape, keeping the
 * central 80 %); otherwise the corners are rounded.
 */
export function initialIconSvg(options: { initial: string; accent: string; accentText: string; maskable?: boolean }): string {
  const { initial, accent, accentText, maskable = false } = options;
  const radius = maskable ? 0 : 96;
  const size = maskable ? 220 : 300;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512"><rect width="512" height="512" rx="${radius}" fill="${escapeXml(accent)}"/><text x="256" y="256" dy="0.35em" text-anchor="middle" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-weight="700" font-size="${size}" fill="${escapeXml(accentText)}">${escapeXml(initial)}</text></svg>`;
}
