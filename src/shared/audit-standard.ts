/** The axe-core rule tags every page is audited against: WCAG 2.0–2.2 A and AA, plus best practice. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

/** The viewport widths every page is audited at, in CSS pixels: a desktop and the WCAG reflow width. */
export const AUDIT_WIDTHS = [1280, 320] as const;

/** The colour themes every page is audited in. */
export const AUDIT_THEMES = ['light', 'dark'] as const;

/** The standard Handrail aims at. */
export const TARGET_STANDARD = 'WCAG 2.2 level AA';
