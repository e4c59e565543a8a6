/**
 * Every built page of every language (the sitemap, each language's 404 page
 * and the pages the sitemap leaves out), audited once per width in a single
 * load of the page:
 *
 * - at 1280 px: motion under a reduced-motion preference set before the
 *   load, axe in the light and then the dark scheme, the keyboard focus
 *   walk in the dark and then the light scheme, then forced colours;
 * - at 320 px (the WCAG reflow width): axe in both schemes, then reflow,
 *   24 px targets, the heading outline, landmarks and, last, text spacing.
 *
 * Zero axe violations (less src/node/audit/exceptions.ts) and zero failures
 * of the checks axe cannot make (checks.ts says what each measures). Both
 * schemes are the system's, switched in place as when a phone turns dark at
 * sunset: the theme's colours are `light-dark()` under `color-scheme`, which
 * the toggle sets too (tests/e2e/site.spec.ts tests the toggle itself).
 *
 * One load per page and width, rather than one per engine and check group
 * (five loads a page until 2026-11-30): DEVELOPERS.md has the figures.
 */
import { expect, type Page } from '@playwright/test';
import { followSystemTheme, test } from './audit-test.ts';
import { auditPage, formatReport, transitionsEnded, type PageFindings } from '../../src/node/audit/audit.ts';
import { AUDIT_THEMES, AUDIT_WIDTHS } from '../../src/shared/audit-standard.ts';
import { guardPage, pagesInEveryLanguage, unlistedPages } from '../helpers/site.ts';
import {
  checkFocusVisible,
  checkForcedColors,
  checkHeadingOutline,
  checkLandmarks,
  checkReducedMotion,
  checkReflow,
  checkTargetSize,
  checkTextSpacing,
  formatCheckReport,
  REFLOW_WIDTH,
  type Check,
  type CheckFinding,
} from './checks.ts';

/** Pages per test: small enough that a slow machine stays inside a test's time, and the workers share the list. */
const PAGES_PER_TEST = 12;
const pages = [...pagesInEveryLanguage(), ...unlistedPages(true)];
const groups = Array.from({ length: Math.ceil(pages.length / PAGES_PER_TEST) }, (_, i) => pages.slice(i * PAGES_PER_TEST, (i + 1) * PAGES_PER_TEST));

type Scheme = (typeof AUDIT_THEMES)[number];

/** Switches the system's colour scheme, once any transition the switch starts has ended. */
async function useScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await transitionsEnded(page);
}

/**
 * What one width audits on a loaded page, in order. `reducedMotionAtLoad`:
 * the page is loaded with reduced motion asked for, so motion a script
 * decides on at load is caught; the motion check runs first and turns the
 * preference off again.
 */
interface WidthPlan {
  reducedMotionAtLoad: boolean;
  /** Checks on the page as loaded, before axe. */
  first: Record<string, Check>;
  /** Checks run in each scheme once axe has audited both. */
  inEachScheme: Record<string, Check>;
  /** Checks after both schemes, back in the light one (text spacing adds a stylesheet, so it comes last). */
  last: Record<string, Check>;
}

const plans: Record<(typeof AUDIT_WIDTHS)[number], WidthPlan> = {
  1280: {
    reducedMotionAtLoad: true,
    first: { checkReducedMotion },
    // After axe, which audits the page as loaded: Tab moves focus into the search field, which loads its suggestions.
    inEachScheme: { checkFocusVisible },
    last: { checkForcedColors },
  },
  [REFLOW_WIDTH]: {
    reducedMotionAtLoad: false,
    first: {},
    inEachScheme: {},
    last: { checkReflow, checkTargetSize, checkHeadingOutline, checkLandmarks, checkTextSpacing },
  },
};

/** Runs named checks, labelling each failure with the page, the width and the scheme. */
async function runChecks(page: Page, run: Record<string, Check>, label: string, suffix = ''): Promise<CheckFinding[]> {
  const findings: CheckFinding[] = [];
  for (const [name, check] of Object.entries(run)) {
    for (const problem of await check(page)) findings.push({ page: label, check: `${name}${suffix}`, problem });
  }
  return findings;
}

test.beforeAll(() => {
  // Fail early and plainly if the build is missing, rather than on the first page.
  expect(pages.length).toBeGreaterThan(0);
});

for (const width of AUDIT_WIDTHS) {
  const plan = plans[width];
  const checkNames = [...Object.keys(plan.first), ...Object.keys(plan.inEachScheme), ...Object.keys(plan.last)].join(', ');
  groups.forEach((group, index) => {
    test(`every page, ${width} px wide: no axe violations in the ${AUDIT_THEMES.join(' or ')} scheme; ${checkNames} (pages ${index * PAGES_PER_TEST + 1}–${index * PAGES_PER_TEST + group.length} of ${pages.length})`, async ({
      auditPage: page,
    }) => {
      test.setTimeout(30_000 + group.length * (width === REFLOW_WIDTH ? 8_000 : 16_000));
      await followSystemTheme(page);
      await page.setViewportSize({ width, height: 900 });
      const guard = guardPage(page);
      const axeFindings: PageFindings[] = [];
      const checkFindings: CheckFinding[] = [];
      for (const { path, status } of group) {
        const label = `${path} (${width} px)`;
        await page.emulateMedia({ colorScheme: 'light', reducedMotion: plan.reducedMotionAtLoad ? 'reduce' : null });
        const response = await page.goto(path);
        expect.soft(response?.status(), `status of ${path}`).toBe(status);
        // A theme chosen with the toggle would hold one scheme through both audits.
        expect(await page.evaluate(() => document.documentElement.dataset.theme ?? 'the system\'s'), `theme of ${path}`).toBe('the system\'s');
        checkFindings.push(...(await runChecks(page, plan.first, label)));
        for (const scheme of AUDIT_THEMES) {
          await useScheme(page, scheme);
          const violations = await auditPage(page, path);
          if (violations.length) axeFindings.push({ path, theme: scheme, width, violations });
        }
        // Back through the schemes, starting in the one axe ended in.
        for (const scheme of [...AUDIT_THEMES].reverse()) {
          if (Object.keys(plan.inEachScheme).length === 0) break;
          await useScheme(page, scheme);
          checkFindings.push(...(await runChecks(page, plan.inEachScheme, label, ` (${scheme} scheme)`)));
        }
        await useScheme(page, 'light');
        checkFindings.push(...(await runChecks(page, plan.last, label)));
        for (const problem of guard.take()) checkFindings.push({ page: label, check: 'page errors', problem });
      }
      await page.emulateMedia({ colorScheme: null, reducedMotion: null });
      expect.soft(axeFindings, formatReport(axeFindings)).toEqual([]);
      expect(checkFindings, formatCheckReport(checkFindings)).toEqual([]);
    });
  });
}
