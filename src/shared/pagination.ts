/** Articles per category or letter page: enough to scan, few enough that a page never grows with the site. */
export const PAGE_SIZE = 50;

/** One page of a paginated list. */
export interface Page<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
}

/** Splits a list into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: T[], size = PAGE_SIZE): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({ number: i + 1, total, items: items.slice(i * size, (i + 1) * size) }));
}

/** The address of page `n` of a list at `path`: page 1 is the list's own address. */
export function pagePath(path: string, n: number): string {
  return n <= 1 ? path : `${path}page/${n}/`;
}

/** The `[...page]` route parameter for page `n`: undefined for the first page. */
export function pageParam(n: number): string | undefined {
  return n <= 1 ? undefined : `page/${n}`;
}

/**
 * Which page numbers to show in a pager: the first, the last, and two
 * either side of the current one, with null where numbers are left out.
 */
export function pagerNumbers(current: number, total: number): (number | null)[] {
  const shown = new Set([1, total, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= total));
  const sorted = [...shown].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) result.push(null);
    result.push(n);
  });
  return result;
}
