/** Small wording helpers shared by the report's renderers, so each says things the same way. */

/** "missing-information" → "missing information". */
export function reasonLabel(reason: string): string {
  return reason.replace(/-/g, ' ');
}

/** 0.4286 → "43 %". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** "up 20 % (10 → 12)", "down 50 % (4 → 2)", "unchanged (3)", "up from 0 to 5". */
export function formatChange(before: number, after: number): string {
  if (before === after) return `unchanged (${after})`;
  if (before === 0) return `up from 0 to ${after}`;
  const change = Math.round(((after - before) / before) * 100);
  return `${after > before ? 'up' : 'down'} ${Math.abs(change)} % (${before} → ${after})`;
}

/** "1 comment", "3 comments". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
