/**
 * The moment every browser test's pages take as now (a Wednesday morning
 * in London, when the demo's phone, chat and email are all open), unless a
 * test sets its own with `page.clock`. Pages order the ways to reach a
 * person by their opening hours, so a test that looks for the first
 * channel, or for a prefilled link in it, would otherwise pass or fail by
 * the hour it runs at (six did, on weekdays and on Sunday afternoons). Only `Date` is fixed:
 * timers still run, and no page measures time with `Date`.
 *
 * HANDRAIL_TEST_NOW runs the suite at another moment (an ISO date and
 * time), to check that no test depends on the hour. `npm test` builds the
 * demo as of the same moment (HANDRAIL_BUILD_NOW, src/node/build-clock.ts),
 * so what the build decides by the date (notices that have ended, articles
 * due for review) is what the pages show at it.
 */
export const TEST_NOW = new Date(process.env.HANDRAIL_TEST_NOW ?? '2026-11-25T10:00:00Z');
if (Number.isNaN(TEST_NOW.getTime())) throw new Error(`HANDRAIL_TEST_NOW=${process.env.HANDRAIL_TEST_NOW} is not a date and time (for example 2026-11-29T09:30:00Z).`);
