/** An sRGB colour as 0–255 channels. */
type Rgb = [number, number, number];

/** "#1d4ed8" or "#14d" → [29, 78, 216]. */
export function parseHex(hex: string): Rgb {
  const clean = hex.replace('#', '');
  const full = clean.length === 3 ? [...clean].map((c) => c + c).join('') : clean;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

/** [29, 78, 216] → "#1d4ed8". */
export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The colour nearest to `colour` (mixing it towards black or white, keeping
 * its hue) that reaches `ratio` against every background.
 */
export function nearestPassing(colour: string, backgrounds: string[], ratio: number): string {
  const rgb = parseHex(colour);
  const passes = (hex: string) => backgrounds.every((bg) => contrastRatio(hex, bg) >= ratio);
  if (passes(colour)) return colour;
  for (let step = 1; step <= 100; step++) {
    const amount = step / 100;
    for (const target of [0, 255]) {
      const mixed = toHex(rgb.map((c) => c + (target - c) * amount) as Rgb);
      if (passes(mixed)) return mixed;
    }
  }
  // No mix of this hue passes: black or white, whichever does better against the worst background
  // (a mid-tone background can be darker than 0.5 luminance and still need black).
  const worst = (hex: string) => Math.min(...backgrounds.map((bg) => contrastRatio(hex, bg)));
  return worst('#000000') >= worst('#ffffff') ? '#000000' : '#ffffff';
}

/** Every background a theme's accent colour is used on, per theme. */
export const THEME_BACKGROUNDS = {
  light: ['#ffffff', '#f4f5f7'],
  dark: ['#111318', '#1b1e25'],
} as const;

/** One failed pairing: what was measured and what would pass. */
export interface ContrastFailure {
  theme: 'light' | 'dark';
  field: 'accent' | 'accentText';
  colour: string;
  against: string;
  ratio: number;
  suggestion: string;
  /**
   * For accentText: the accent the suggestion was chosen against, when that
   * is the suggested accent rather than the configured one. The two
   * suggestions are made to pass together.
   */
  pairedWith?: string;
}

/**
 * Checks brand colours for WCAG AA (4.5:1 for text): the accent as link text
 * on each background, and button text on the accent.
 */
export function checkThemeContrast(theme: Record<'light' | 'dark', { accent: string; accentText: string }>): ContrastFailure[] {
  const failures: ContrastFailure[] = [];
  for (const name of ['light', 'dark'] as const) {
    const { accent, accentText } = theme[name];
    const backgrounds = [...THEME_BACKGROUNDS[name]];
    const worst = backgrounds.map((bg) => ({ bg, ratio: contrastRatio(accent, bg) })).sort((a, b) => a.ratio - b.ratio)[0]!;
    // The accent a writer ends up with: theirs if it passes, otherwise the suggestion. Button text is
    // checked against that one, so applying both suggestions gives a pair that passes together.
    const pairAccent = worst.ratio < 4.5 ? nearestPassing(accent, backgrounds, 4.5) : accent;
    if (pairAccent !== accent) {
      failures.push({ theme: name, field: 'accent', colour: accent, against: worst.bg, ratio: worst.ratio, suggestion: pairAccent });
    }
    const buttonRatio = contrastRatio(accentText, accent);
    if (buttonRatio < 4.5 || contrastRatio(accentText, pairAccent) < 4.5) {
      failures.push({
        theme: name,
        field: 'accentText',
        colour: accentText,
        against: accent,
        ratio: buttonRatio,
        suggestion: nearestPassing(accentText, [pairAccent], 4.5),
        ...(pairAccent !== accent && { pairedWith: pairAccent }),
      });
    }
  }
  return failures;
}
