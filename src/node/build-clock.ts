/**
 * The moment a build takes as now: which notices have ended (and are left
 * out), which articles are due for review, the date the accessibility
 * statement gives and the holidays the contact page lists. The clock,
 * unless HANDRAIL_BUILD_NOW gives an ISO date and time: `npm test` builds
 * the demo at the moment its browser tests take as now
 * (tests/helpers/test-now.ts), so a notice that has ended since is still
 * there to test, and a build of a past day can be made again to look into
 * a problem. (Readers' pages still show and hide notices by their own
 * clock: src/browser/notices.ts.)
 */
export const BUILD_NOW_VARIABLE = 'HANDRAIL_BUILD_NOW';

/**
 * An ISO date and time with its offset from UTC (2026-12-01T09:00:00Z,
 * 2026-12-01T09:00+01:00), or a date alone (midnight UTC). `Date.parse`
 * alone would take "1" as the year 2001, and a time without its offset as
 * the machine's own time zone, so the same value built differently on
 * different machines.
 */
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Why HANDRAIL_BUILD_NOW cannot be used, or undefined when it is unset or a date and time. */
export function buildNowProblem(value = process.env[BUILD_NOW_VARIABLE]): string | undefined {
  if (!value || (ISO_MOMENT.test(value) && !Number.isNaN(Date.parse(value)))) return undefined;
  return `${BUILD_NOW_VARIABLE}=${value} is not an ISO date and time with its offset from UTC. Give one like 2026-12-01T09:00:00Z, or unset it to build as of now.`;
}

/** Now, in milliseconds, as the build sees it. */
export function buildNow(value = process.env[BUILD_NOW_VARIABLE]): number {
  const problem = buildNowProblem(value);
  if (problem) throw new Error(problem);
  return value ? Date.parse(value) : Date.now();
}
