/**
 * Weekly → monthly: the month grid qtlab measures QT runoff on, and calendar-month arithmetic on
 * "YYYY-MM" strings. Pure; dates are ISO strings, no Date objects leak out.
 *
 * Why a month grid needs care: the Fed's runoff caps are per calendar month, Treasury coupons mature on
 * the 15th and the last day of a month, and agency MBS principal is paid around the 25th. H.4.1 levels
 * are Wednesday levels, so the last Wednesday of a month can fall before both the MBS paydown and the
 * month-end maturities, and one month's redemptions then land in the next month's change.
 */
import { monthEndIso } from "./asOf.ts";

/** A dated observation, value in the series' own units (here: $bn). */
export interface DatedValue {
  date: string;
  value: number;
}

/** One month's level: `month` ("YYYY-MM") it stands for, the `date` of the observation used, the value. */
export interface MonthLevel {
  month: string;
  date: string;
  value: number;
}

/** One month's change of a level: this month's level minus last month's, in the level's units. */
export interface MonthChange {
  month: string;
  /** Date of the observation that closes this month. */
  date: string;
  /** Date of the observation that closed the previous month. */
  previousDate: string;
  /** Level at `date`. */
  level: number;
  /** level(month) − level(month − 1). Negative = the holding fell. */
  change: number;
}

/**
 * Which weekly observation stands for a month:
 * - `"month-end"`: the Wednesday level on the month's last day, or else the first Wednesday after it
 *   (at most 6 days into the next month). It includes every redemption up to and including month-end.
 * - `"last-wednesday"`: the last Wednesday inside the month (may precede the month-end maturities and
 *   the MBS paydown date).
 */
export type MonthGrid = "month-end" | "last-wednesday";

const MONTH = /^(\d{4})-(\d{2})$/;

/** "YYYY-MM" of an ISO date ("2025-04-16" → "2025-04"); a "YYYY-MM" string is returned as is. */
export function monthOf(isoDateOrMonth: string): string {
  const m = isoDateOrMonth.slice(0, 7);
  if (!MONTH.test(m) || +m.slice(5, 7) < 1 || +m.slice(5, 7) > 12) throw new Error(`monthOf: "${isoDateOrMonth}" is not an ISO date or YYYY-MM month`);
  return m;
}

/** The month `n` months after `month` ("YYYY-MM"; n may be negative). */
export function addMonths(month: string, n: number): string {
  const m = monthOf(month);
  if (!Number.isInteger(n)) throw new Error(`addMonths: n must be an integer, got ${n}`);
  const k = +m.slice(0, 4) * 12 + (+m.slice(5, 7) - 1) + n;
  return `${String(Math.floor(k / 12)).padStart(4, "0")}-${String((k % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `from` to `to` inclusive ("YYYY-MM" or ISO dates); empty if `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const last = monthOf(to);
  for (let m = monthOf(from); m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The ISO date of the last day of `month` ("2024-02" → "2024-02-29"). */
export function lastDayOfMonth(month: string): string {
  return monthEndIso(monthOf(month));
}

/** The ISO date `days` days after `iso`. */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`addDays: "${iso}" is not an ISO date`);
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Monthly levels from weekly observations.
 * FROM: weekly Wednesday levels (e.g. H.4.1 TREAST, WSHOMCB), sorted by date. TO: one level per month on
 * the chosen {@link MonthGrid}. A month is left out when the grid's observation is not there (the data
 * ends before it): nothing is filled. Throws on a non-finite value or unsorted dates.
 */
export function monthlyLevels(rows: readonly DatedValue[], grid: MonthGrid = "month-end"): MonthLevel[] {
  if (grid !== "month-end" && grid !== "last-wednesday") throw new Error(`monthlyLevels: unknown month grid "${grid}" (use "month-end" or "last-wednesday")`);
  checkRows(rows, "monthlyLevels");
  if (rows.length === 0) return [];
  const out: MonthLevel[] = [];
  if (grid === "last-wednesday") {
    for (let i = 0; i < rows.length; i++) {
      const m = monthOf(rows[i].date);
      // The last observation of a month, once the data shows the month is over (next row in a later month).
      if (i + 1 < rows.length && monthOf(rows[i + 1].date) !== m) out.push({ month: m, date: rows[i].date, value: rows[i].value });
    }
    return out;
  }
  let j = 0;
  for (const m of monthsBetween(rows[0].date, rows[rows.length - 1].date)) {
    const end = lastDayOfMonth(m);
    while (j < rows.length && rows[j].date < end) j++;
    if (j < rows.length && rows[j].date <= addDays(end, 6)) out.push({ month: m, date: rows[j].date, value: rows[j].value });
  }
  return out;
}

/**
 * Month-on-month changes of monthly levels: change = level(m) − level(m − 1), in the levels' units;
 * a month whose previous month is missing gets no change (never bridged).
 */
export function monthlyChanges(levels: readonly MonthLevel[]): MonthChange[] {
  const out: MonthChange[] = [];
  for (let i = 1; i < levels.length; i++) {
    const prev = levels[i - 1];
    const cur = levels[i];
    if (addMonths(prev.month, 1) !== cur.month) continue;
    out.push({ month: cur.month, date: cur.date, previousDate: prev.date, level: cur.value, change: cur.value - prev.value });
  }
  return out;
}

function checkRows(rows: readonly DatedValue[], fn: string): void {
  for (let i = 0; i < rows.length; i++) {
    if (!Number.isFinite(rows[i].value)) throw new Error(`${fn}: value on ${rows[i].date} is not a finite number (${rows[i].value})`);
    if (i > 0 && rows[i].date <= rows[i - 1].date) throw new Error(`${fn}: dates not strictly increasing at ${rows[i].date}`);
  }
}
