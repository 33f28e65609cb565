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

/** Days since 1970-01-01 of an ISO date (UTC). */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/** Days from ISO date `a` to ISO date `b` (b − a; positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The first day of the calendar quarter of an ISO date ("2025-08-14" → "2025-07-01"), as FRED dates quarters. */
export function quarterStart(iso: string): string {
  const m = +iso.slice(5, 7);
  const q = Math.floor((m - 1) / 3) * 3 + 1;
  return `${iso.slice(0, 4)}-${String(q).padStart(2, "0")}-01`;
}

/**
 * The last calendar day of the month of an ISO date or "YYYY-MM" month: "2025-03-01" → "2025-03-31".
 * (A TIC or FRED monthly date stands for its month; this is the day the month is complete.)
 */
export function monthEndIso(isoDateOrMonth: string): string {
  const y = +isoDateOrMonth.slice(0, 4);
  const m = +isoDateOrMonth.slice(5, 7);
  if (!/^\d{4}-\d{2}/.test(isoDateOrMonth) || m < 1 || m > 12) throw new Error(`monthEndIso: "${isoDateOrMonth}" is not a month (expected an ISO date or YYYY-MM)`);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
