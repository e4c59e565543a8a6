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
