import type { AnnouncementData } from '../schemas/announcements.ts';
import { zonedTimeToInstant } from './hours.ts';

/** "2026-11-20 08:00" in a time zone → epoch milliseconds. */
export function localDateTimeToMs(text: string, timeZone: string): number {
  const [date = '', time = ''] = text.split(/[ T]/);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return zonedTimeToInstant(year, month, day, hours * 60 + minutes, timeZone).getTime();
}

/** When a notice starts and ends, as epoch milliseconds (end undefined: until removed). */
export function noticeWindow(notice: AnnouncementData, timeZone: string): { start: number; end?: number } {
  return {
    start: localDateTimeToMs(notice.start, timeZone),
    end: notice.end ? localDateTimeToMs(notice.end, timeZone) : undefined,
  };
}

/** Where the browser remembers which notices the reader closed (local storage, a JSON list of keys). */
export const DISMISSED_NOTICES_KEY = 'handrail-dismissed-notices';

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, the same in Node and the browser. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * What a closed notice is remembered by: its `id` when it has one (so a
 * translation, or a reworded message, stays closed), otherwise a hash of
 * its title and start (so a new notice with new words shows again).
 */
export function noticeKey(notice: Pick<AnnouncementData, 'id' | 'title' | 'start'>): string {
  return notice.id ?? `n-${fnv1a(`${notice.title}\n${notice.start}`)}`;
}

/** Whether the reader may close a notice: never a critical one, which stays until it ends. */
export function isDismissible(notice: Pick<AnnouncementData, 'severity'>): boolean {
  return notice.severity !== 'critical';
}
