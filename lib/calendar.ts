/**
 * qtlab's one calendar: day, week, month and quarter arithmetic on ISO strings ("2025-04-16", "2025-04"),
 * in UTC, through d3-time and d3-time-format. Every module that moves a date or measures a span between
 * two dates calls these; none multiplies milliseconds by hand. Pure: no clock is read.
 *
 * Conventions: a date is an ISO calendar date "YYYY-MM-DD"; a month is "YYYY-MM"; both are UTC calendar
 * days (FRED and the Fed publish calendar dates, not instants). Functions that take a month also accept
 * an ISO date and read its month.
 */
import { utcDay, utcMonday, utcMonth, utcWeek } from "d3-time";
import { utcFormat } from "d3-time-format";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const formatIsoDate = utcFormat("%Y-%m-%d");
const formatIsoMonth = utcFormat("%Y-%m");

/**
 * The UTC midnight of "YYYY-MM-DD" when it is a real calendar date, else null: read from its digits
 * (charts parse thousands of dates on every redraw; a parse and a format through d3-time-format per date
 * was a share of each).
 */
function parseIsoDate(text: string): Date | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = +m[1], month = +m[2] - 1, day = +m[3];
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month && d.getUTCDate() === day ? d : null;
}

/** True when `text` is a real ISO calendar date ("2024-02-30" is not). */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** True when `text` is a "YYYY-MM" month with a month 01–12. */
export function isIsoMonth(text: string): boolean {
  const m = ISO_MONTH.exec(text);
  return m !== null && +m[2] >= 1 && +m[2] <= 12;
}

/** The UTC midnight of an ISO date; throws naming the text when it is not one. */
export function utcDate(iso: string): Date {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`"${iso}" is not an ISO date (YYYY-MM-DD)`);
  return d;
}

/** The ISO date of a Date's UTC calendar day. */
export function isoDate(date: Date): string {
  const y = date.getUTCFullYear();
  if (!(y >= 0 && y <= 9999)) return formatIsoDate(date);
  const m = date.getUTCMonth() + 1, d = date.getUTCDate();
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** Days since 1970-01-01 of an ISO date (UTC). */
export function dayNumber(iso: string): number {
  return utcDay.count(new Date(0), utcDate(iso));
}

/** The ISO date of day number `n` (days since 1970-01-01, UTC); the inverse of {@link dayNumber}. */
export function dateOfDayNumber(n: number): string {
  if (!Number.isInteger(n)) throw new Error(`dateOfDayNumber: ${n} is not a whole day number`);
  return isoDate(utcDay.offset(new Date(0), n));
}

/** Days from ISO date `a` to ISO date `b` (b − a; positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return utcDay.count(utcDate(a), utcDate(b));
}

/** Whole weeks (7 days) from ISO date `a` to `b`, as a fraction when the span is not whole weeks. */
export function weeksBetween(a: string, b: string): number {
  return daysBetween(a, b) / 7;
}

/** The ISO date `days` days after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  if (!Number.isInteger(days)) throw new Error(`addDays: ${days} is not a whole number of days`);
  return isoDate(utcDay.offset(utcDate(iso), days));
}

/** Day of the week of an ISO date: 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return utcDate(iso).getUTCDay();
}

/** The Monday on or before an ISO date (the start of its Monday–Sunday week). */
export function mondayOnOrBefore(iso: string): string {
  return isoDate(utcMonday.floor(utcDate(iso)));
}

/** The Sunday on or before an ISO date (the start of its Sunday–Saturday week, as d3's utcWeek). */
export function sundayOnOrBefore(iso: string): string {
  return isoDate(utcWeek.floor(utcDate(iso)));
}

/** "YYYY-MM" of an ISO date ("2025-04-16" → "2025-04"); a "YYYY-MM" string is returned as is. */
export function monthOf(isoDateOrMonth: string): string {
  const m = isoDateOrMonth.slice(0, 7);
  if (!isIsoMonth(m) || (isoDateOrMonth.length > 7 && !isIsoDate(isoDateOrMonth))) {
    throw new Error(`"${isoDateOrMonth}" is not a month (not an ISO date or YYYY-MM month)`);
  }
  return m;
}

/** The first day of a month ("2025-04" or any date in it → "2025-04-01"). */
export function monthStart(isoDateOrMonth: string): string {
  return `${monthOf(isoDateOrMonth)}-01`;
}

/** The month `n` months after `month` ("YYYY-MM"; n may be negative). */
export function addMonths(month: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`addMonths: n must be an integer, got ${n}`);
  return formatIsoMonth(utcMonth.offset(utcDate(monthStart(month)), n));
}

/** Whole months from month `a` to month `b` (b − a; "2025-01" → "2025-04" is 3). */
export function monthsBetweenCount(a: string, b: string): number {
  return utcMonth.count(utcDate(monthStart(a)), utcDate(monthStart(b)));
}

/** Every month from `from` to `to` inclusive ("YYYY-MM" or ISO dates); empty if `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const start = utcDate(monthStart(from));
  const end = utcMonth.offset(utcDate(monthStart(to)), 1);
  return utcMonth.range(start, end).map(formatIsoMonth);
}

/**
 * The last calendar day of the month of an ISO date or "YYYY-MM" month: "2025-03-01" → "2025-03-31".
 * (A TIC or FRED monthly date stands for its month; this is the day the month is complete.)
 */
export function monthEndIso(isoDateOrMonth: string): string {
  return isoDate(utcDay.offset(utcMonth.offset(utcDate(monthStart(isoDateOrMonth)), 1), -1));
}

/** The ISO date of the last day of `month` ("2024-02" → "2024-02-29"); same as {@link monthEndIso}. */
export const lastDayOfMonth = monthEndIso;

/** The first day of the calendar quarter of an ISO date ("2025-08-14" → "2025-07-01"), as FRED dates quarters. */
export function quarterStart(iso: string): string {
  const m = monthOf(iso);
  const q = Math.floor((+m.slice(5, 7) - 1) / 3) * 3 + 1;
  return `${m.slice(0, 4)}-${String(q).padStart(2, "0")}-01`;
}

/** Years (of 365.25 days) from ISO date `a` to `b`. */
export function yearsBetween(a: string, b: string): number {
  return daysBetween(a, b) / 365.25;
}
