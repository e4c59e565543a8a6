import { z } from 'astro/zod';
import { calendarDateSchema } from './common.ts';

/** One test done by a person, with assistive technology or by hand. */
const manualTestSchema = z.strictObject({
  /** When it was done. */
  date: calendarDateSchema,
  /** What was tested, e.g. "Find an article and reach a person with NVDA and Firefox". */
  what: z.string().trim().min(1),
  /** Tools used, e.g. ["NVDA 2025.3", "Firefox 147"]. */
  tools: z.array(z.string().trim().min(1)).default([]),
  /** What was found, in plain words. */
  result: z.string().trim().min(1),
});

/** `content/accessibility.yaml`: the record behind the accessibility statement. */
export const accessibilitySchema = z.strictObject({
  /** Tests done by people, newest first. */
  manualTests: z.array(manualTestSchema).default([]),
  /** When the next round of manual testing is planned, YYYY-MM-DD. */
  nextReview: calendarDateSchema.optional(),
  /** Problems we know about and have not fixed yet. */
  knownIssues: z
    .array(
      z.strictObject({
        /** What does not work, and for whom. */
        issue: z.string().trim().min(1),
        /** What to do instead, meanwhile. */
        workaround: z.string().trim().min(1),
        /** When it will be fixed, if known. */
        fixBy: calendarDateSchema.optional(),
      }),
    )
    .default([]),
});

/** The accessibility record after validation. */
export type AccessibilityData = z.output<typeof accessibilitySchema>;

/** How to fix each field, for error messages. */
export const accessibilityFieldHelp = {
  manualTests: 'Each test needs date (YYYY-MM-DD), what, tools (a list) and result.',
  nextReview: 'Write the date as YYYY-MM-DD.',
  knownIssues: 'Each known issue needs issue and workaround; fixBy (YYYY-MM-DD) is optional.',
} satisfies Record<keyof typeof accessibilitySchema.shape, string>;
