/**
 * As-of look-ups on dated rows: the observation in force on a date (the last one on or before it). The
 * one binary search every calculator uses; rows must be sorted by ISO date ascending. Pure.
 */

/** Index of the last row dated on or before `date` (ISO), or −1 if every row is later. */
export function indexOnOrBefore(rows: readonly { date: string }[], date: string): number {
  let lo = 0;
  let hi = rows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].date <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The last row dated on or before `date`, or undefined. */
export function lastOnOrBefore<T extends { date: string }>(rows: readonly T[], date: string): T | undefined {
  const k = indexOnOrBefore(rows, date);
  return k < 0 ? undefined : rows[k];
}

/** The first row dated on or after `date`, or undefined. */
export function firstOnOrAfter<T extends { date: string }>(rows: readonly T[], date: string): T | undefined {
  const k = indexOnOrBefore(rows, date);
  if (k >= 0 && rows[k].date === date) return rows[k];
  return rows[k + 1];
}

/** The rows with `from <= date <= to` (ISO strings; either bound may be omitted). */
export function between<T extends { date: string }>(rows: readonly T[], from?: string, to?: string): T[] {
  return rows.filter((r) => (from === undefined || r.date >= from) && (to === undefined || r.date <= to));
}
