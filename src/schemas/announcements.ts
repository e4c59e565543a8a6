import { z } from 'astro/zod';
import { KEBAB_CASE } from './common.ts';

/** "2026-11-20 08:00" in the site's time zone. */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/, 'a date and time in the site time zone, like "2026-11-20 08:00"');

/** One notice shown at the top of every page while it is active. */
export const announcementSchema = z.strictObject({
  /** A short name, e.g. "phone-outage": translations in announcements.<lang>.yaml find the notice by it. */
  id: z.string().regex(KEBAB_CASE, 'lower-case words joined by hyphens, like "phone-outage"').optional(),
  /** info, warning (service degraded) or critical (service down). */
  severity: z.enum(['info', 'warning', 'critical']),
  /** A short heading, e.g. "Phone lines are down". */
  title: z.string().trim().min(1, 'a short heading').max(80, 'a heading of at most 80 characters'),
  /** What is happening and what customers can do instead. */
  message: z.string().trim().min(1, 'a sentence or two'),
  /** When it starts showing, in the site's time zone. */
  start: localDateTime,
  /** When it stops showing; leave out for "until removed". */
  end: localDateTime.optional(),
});

/** Notices file (`content/announcements.yaml`). */
export const announcementsSchema = z
  .strictObject({
    /** Notices, most important first. */
    notices: z.array(announcementSchema).default([]),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.notices.forEach((notice, i) => {
      if (notice.id === undefined) return;
      if (seen.has(notice.id)) ctx.addIssue({ code: 'custom', path: ['notices', i, 'id'], message: 'an id used by no other notice' });
      seen.add(notice.id);
    });
  });

/** One notice after validation. */
export type AnnouncementData = z.output<typeof announcementSchema>;

/** How to fix each field, for error messages. */
export const announcementsFieldHelp = {
  notices: 'Each notice needs severity (info, warning or critical), title, message and start ("2026-11-20 08:00"); end is optional.',
  'notices.id': 'Give the notice a short unique id, e.g. id: phone-outage, so its translations can name it.',
} satisfies Record<keyof typeof announcementsSchema.shape, string> & Partial<Record<`notices.${keyof typeof announcementSchema.shape}`, string>>;
