/**
 * The only place an axe finding may be accepted. Each entry names one rule,
 * one exact element, the pages it applies to, why it is not a barrier, and a
 * link to the evidence. Never add a rule without a selector, and never turn a
 * rule off site-wide: fix the markup instead wherever that is possible.
 */
export interface AxeException {
  /** axe rule id, e.g. "color-contrast". */
  rule: string;
  /** The element's CSS selector exactly as axe reports it in `target`. */
  selector: string;
  /** Root-relative page paths the exception applies to. */
  pages: RegExp;
  /** Why this is not a barrier for people, in a sentence or two. */
  reason: string;
  /** Where the reasoning is recorded: an issue, a WCAG understanding doc, an axe rule page. */
  link: string;
}

/** Accepted findings. Empty: every page passes every rule in the tags the audit runs. */
export const axeExceptions: AxeException[] = [];

/**
 * An HTML_CodeSniffer error or warning accepted (src/node/audit/htmlcs.ts),
 * the same way: one code, the elements it is about, why, and the evidence.
 * Most are warnings where the engine asks a person to look; each says what
 * was looked at and measured.
 */
export interface HtmlcsException {
  /** The sniff's full code, e.g. "WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Abs". */
  code: string;
  /** A CSS selector for exactly the elements meant (":root" for a finding on the whole document). */
  selector: string;
  /** Root-relative page paths the exception applies to. */
  pages: RegExp;
  /** Why this is not a barrier for people, with what was measured. */
  reason: string;
  /** Where the reasoning is recorded. */
  link: string;
}

const SNIFF = 'WCAG2AA.Principle1.Guideline1_';
const ANY_PAGE = /^/;
const ARTICLES = /\/articles\/[^/]+\/$/;
/** A home page in any language, under any base path (the selectors limit it to the hero). */
const HOME = /^\/(?:[^/]+\/){0,2}$/;
const VISUALLY_HIDDEN = 'Clipped to 1 px by .visually-hidden (or the same rules in a media query): there is no visible text whose contrast could matter; screen readers read it.';
const HERO =
  'Text on the home hero\'s gradient, which neither engine measures (axe reports it as "incomplete"). Measured at both ends of the gradient: light theme h1 14.2–16.3:1, tagline (the lowest) 6.5–7.4:1; dark theme h1 12.1–14.4:1, tagline 7.5–8.9:1. For any accent the content check lets through (4.5:1 on the page backgrounds), the 14 % tint keeps the tagline at 5.9:1 (light) and 6.6:1 (dark) or more.';

/** Accepted HTML_CodeSniffer findings, by code, with the evidence. */
export const htmlcsExceptions: HtmlcsException[] = [
  {
    code: `${SNIFF}3.1_3_1_A.G141`,
    selector: '.notice h2',
    pages: ANY_PAGE,
    reason:
      'A service notice sits above <main> and is headed by an h2, so it is the first heading on the page, before the h1. Deliberate, as GOV.UK\'s notification banner: the notice is a region named by its heading, and the h1 is the first heading inside main (checkHeadingOutline in tests/a11y/checks.ts).',
    link: 'https://design-system.service.gov.uk/components/notification-banner/',
  },
  ...[`${SNIFF}4.1_4_3.G18.Abs`, `${SNIFF}4.1_4_3.G145.Abs`, `${SNIFF}4.1_4_3.G145.BgImage`].map((code) => ({
    code,
    selector: '.visually-hidden',
    pages: ANY_PAGE,
    reason: VISUALLY_HIDDEN,
    link: 'https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html',
  })),
  {
    code: `${SNIFF}4.1_4_3.G18.Abs`,
    selector: '.notice__severity, .search-form--compact .search-form__word',
    pages: ANY_PAGE,
    reason: `Under 48rem wide only (the warning appears at 320 px, not at 1280 px, where axe measures the visible text): ${VISUALLY_HIDDEN}`,
    link: 'https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html',
  },
  {
    code: `${SNIFF}4.1_4_3.G18.Abs`,
    selector: '.header-search__hint',
    pages: ANY_PAGE,
    reason:
      'The "/" shortcut hint, positioned over the search field and hidden from screen readers. It has its own background; axe measures it (no violation) and so did we: 7.4:1 light, 8.9:1 dark (--hr-text-muted on --hr-bg-subtle).',
    link: 'https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html',
  },
  {
    code: `${SNIFF}4.1_4_3.G18.Abs`,
    selector: '.header-search__listbox [role="option"], .header-search__listbox [role="option"] *',
    pages: ANY_PAGE,
    reason:
      'The header\'s suggestions, a list positioned over the page while it is open. It has its own background; axe measures it open in both themes (tests/e2e/search-combobox.spec.ts), and so did we: title 17.8:1 light and 16.0:1 dark, topic 8.1:1 and 9.9:1, the selected option (--hr-accent-text on --hr-accent, checked by the content check) 7.9:1 and 9.3:1 with the demo colours.',
    link: 'https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html',
  },
  ...[`${SNIFF}4.1_4_3.G18.BgImage`, `${SNIFF}4.1_4_3.G145.BgImage`].map((code) => ({
    code,
    selector: '.hero h1, .hero__tagline, .hero .search-form__label--primary',
    pages: HOME,
    reason: HERO,
    link: 'https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html',
  })),
  {
    code: `${SNIFF}3.1_3_1.H39.3.NoCaption`,
    selector: '.table-scroll[role="region"][aria-label] > table',
    pages: ARTICLES,
    reason:
      'A Markdown table cannot have a caption; each sits in a focusable region named "Table: <the heading above it>" (rehypeHandrail), which screen readers announce on entering the table. A writer who wants a caption can write the table in HTML with <caption>, which then names the region.',
    link: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H39',
  },
  {
    code: `${SNIFF}3.1_3_1.H48`,
    selector: 'article p',
    pages: /\/articles\/(?:e-bike-range|website-or-phone-line-down)\/$/,
    reason: 'A heuristic for navigation written as a paragraph of links: these are sentences of prose with several links in them, not navigation.',
    link: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H48',
  },
  {
    code: `${SNIFF}4.1_4_10.C32,C31,C33,C38,SCR34,G206`,
    selector: ':root',
    pages: ARTICLES,
    reason:
      'Raised for any <pre> on the page. Handrail\'s pre wraps (white-space: pre-wrap; overflow-wrap: anywhere), so it never scrolls sideways; checkReflow in tests/a11y/every-page.spec.ts measures every page at 320 px.',
    link: 'https://www.w3.org/WAI/WCAG22/Understanding/reflow.html',
  },
  {
    code: `${SNIFF}1.1_1_1.H67.2`,
    selector: '.figure > img[alt=""]',
    pages: ARTICLES,
    reason:
      'A reminder that an image with empty alt is skipped by screen readers. A writer\'s <Image> gets empty alt only when marked decorative (the content check requires alt text or that word), as the wheel divider in book-a-service is.',
    link: 'https://www.w3.org/WAI/tutorials/images/decorative/',
  },
];
