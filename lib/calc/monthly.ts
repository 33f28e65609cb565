/**
 * Weekly → monthly: the month grid qtlab measures QT runoff on, and calendar-month arithmetic on
 * "YYYY-MM" strings. Pure; dates are ISO strings, no Date objects leak out.
 *
 * Why a month grid needs care: the Fed's runoff caps are per calendar month, Treasury coupons mature on
 * the 15th and the last day of a month, and agency MBS principal is paid around the 25th. H.4.1 levels
 * are Wednesday levels, so the last Wednesday of a month can fall before both the MBS paydown and the
 * month-end maturities, and one month's redemptions then land in the next month's change.
 */
import { addDays, addMonths, lastDayOfMonth, monthOf, monthsBetween } from "../calendar.ts";

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

/**
 * Monthly levels from weekly observations.
 * FROM: weekly Wednesday levels (e.g. H.4.1 TREAST, WSHOMCB), sorted by date. TO: one level per month on
 * the chosen {@link MonthGrid}. A month is left out when the grid's observation is not there (the data
 * ends before it): nothing is filled. Throws on a non-finite value or unsorted dates.
 */
export function monthlyLevels(rows: readonly DatedValue[], grid: MonthGrid = "month-end"): MonthLevel[] {
  if (grid !== "month-end" && grid !== "last-wednesday") {
    throw new Error(`monthlyLevels: unknown month grid "${grid}" (use "month-end" or "last-wednesday")`);
  }
  checkRows(rows, "monthlyLevels");
  if (rows.length === 0) return [];
  const out: MonthLevel[] = [];
  if (grid === "last-wednesday") {
    for (let i = 0; i < rows.length; i++) {
      const m = monthOf(rows[i].date);
      // The last observation of a month, once the data shows the month is over (next row in a later month).
      if (i + 1 < rows.length && monthOf(rows[i + 1].date) !== m) {
        out.push({ month: m, date: rows[i].date, value: rows[i].value });
      }
    }
    return out;
  }
  let j = 0;
  for (const m of monthsBetween(rows[0].date, rows[rows.length - 1].date)) {
    const end = lastDayOfMonth(m);
    while (j < rows.length && rows[j].date < end) j++;
    if (j < rows.length && rows[j].date <= addDays(end, 6)) {
      out.push({ month: m, date: rows[j].date, value: rows[j].value });
    }
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
    out.push({
      month: cur.month,
      date: cur.date,
      previousDate: prev.date,
      level: cur.value,
      change: cur.value - prev.value,
    });
  }
  return out;
}

function checkRows(rows: readonly DatedValue[], fn: string): void {
  for (let i = 0; i < rows.length; i++) {
    if (!Number.isFinite(rows[i].value)) {
      throw new Error(`${fn}: value on ${rows[i].date} is not a finite number (${rows[i].value})`);
    }
    if (i > 0 && rows[i].date <= rows[i - 1].date) {
      throw new Error(`${fn}: dates not strictly increasing at ${rows[i].date}`);
    }
  }
}
