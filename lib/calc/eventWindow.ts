/**
 * Event windows on a daily series: the change over a window, the same change for every window of the same
 * length in the history, and the window's rank among them ("the largest weekly rise in 20 years").
 *
 * Windows are counted in TRADING DAYS: the days the series has an observation (H.15 yields skip weekends
 * and bond-market holidays). A 5-trading-day change at row i is value[i] − value[i−5], so it spans 7
 * calendar days in a normal week and more across a holiday. A "weekly" change is Friday to Friday: the last
 * observation of each Monday–Sunday week minus the last of the week before (Thursday when Friday is a
 * holiday). Sign convention: change = later − earlier, in the series' units (pct for yields: multiply by
 * 100 for bp). Rank 1 = the largest rise; ties share the better rank.
 */
import { mondayOnOrBefore } from "../calendar.ts";
import { lastOnOrBefore } from "./asOf.ts";

/** Re-exported from lib/calc/asOf.ts, where the as-of look-ups live. */
export { lastOnOrBefore };

/** A dated observation. */
export interface DailyPoint {
  date: string;
  value: number;
}

/** The change of a series over one window. */
export interface WindowChange {
  fromDate: string;
  toDate: string;
  fromValue: number;
  toValue: number;
  /** toValue − fromValue, in the series' units. */
  change: number;
  /** toValue / fromValue − 1 (for an index). */
  changeFrac: number;
}

function change(a: DailyPoint, b: DailyPoint): WindowChange {
  return {
    fromDate: a.date,
    toDate: b.date,
    fromValue: a.value,
    toValue: b.value,
    change: b.value - a.value,
    changeFrac: a.value === 0 ? NaN : b.value / a.value - 1,
  };
}

/**
 * The change from the observation ON `fromDate` to the observation ON `toDate`. Both dates must have an
 * observation: an event window is measured between published values, never from a stale one.
 */
export function windowChange(rows: readonly DailyPoint[], fromDate: string, toDate: string): WindowChange {
  const a = rows.find((r) => r.date === fromDate);
  const b = rows.find((r) => r.date === toDate);
  if (!a || !b) throw new Error(`windowChange: no observation on ${!a ? fromDate : toDate}`);
  if (fromDate >= toDate) throw new Error(`windowChange: ${fromDate} is not before ${toDate}`);
  return change(a, b);
}

/** Every n-trading-day change in `rows` (row i − n to row i), oldest first. */
export function tradingDayChanges(rows: readonly DailyPoint[], nDays: number): WindowChange[] {
  if (!Number.isInteger(nDays) || nDays < 1) {
    throw new Error(`tradingDayChanges: nDays must be a positive integer, got ${nDays}`);
  }
  const out: WindowChange[] = [];
  for (let i = nDays; i < rows.length; i++) out.push(change(rows[i - nDays], rows[i]));
  return out;
}

/** Monday (ISO date) of the Monday–Sunday week of an ISO date. */
export function weekMonday(iso: string): string {
  return mondayOnOrBefore(iso);
}

/**
 * Friday-to-Friday changes: for each Monday–Sunday week, its last observation minus the last observation
 * of the week before (weeks with no observation are skipped, so a change may then span two weeks).
 */
export function weeklyChanges(rows: readonly DailyPoint[]): WindowChange[] {
  const lastOfWeek: DailyPoint[] = [];
  let week = "";
  for (const r of rows) {
    const w = weekMonday(r.date);
    if (w === week) lastOfWeek[lastOfWeek.length - 1] = r;
    else {
      lastOfWeek.push(r);
      week = w;
    }
  }
  return lastOfWeek.slice(1).map((r, i) => change(lastOfWeek[i], r));
}

/** Two changes closer than this (in the series' units) are a tie: float noise, not a difference. */
export const TIE_TOLERANCE = 1e-9;

/** A window's place among all windows of the same kind. */
export interface WindowRank {
  window: WindowChange;
  /** 1 = the largest rise (ties share the better rank). */
  rank: number;
  /** Number of windows ranked. */
  count: number;
  /** Share of windows with a smaller change (1 = the largest). */
  percentileFrac: number;
  /** The latest earlier window with a change ≥ this one: "the largest since". Undefined = largest on record. */
  largerBefore: WindowChange | undefined;
}

/**
 * The rank of the window ending on `toDate` among `changes` (rank 1 = largest rise), and the latest
 * earlier window at least as large. Throws when no window ends on `toDate`.
 */
export function rankWindow(changes: readonly WindowChange[], toDate: string): WindowRank {
  const w = changes.find((c) => c.toDate === toDate);
  if (!w) throw new Error(`rankWindow: no window ends on ${toDate}`);
  // Changes closer than TIE_TOLERANCE are ties (4.48 − 4.01 and 4.40 − 3.93 differ in the 15th digit).
  const larger = changes.filter((c) => c.change > w.change + TIE_TOLERANCE).length;
  const smaller = changes.filter((c) => c.change < w.change - TIE_TOLERANCE).length;
  let before: WindowChange | undefined;
  for (const c of changes) if (c.toDate < toDate && c.change >= w.change - TIE_TOLERANCE) before = c;
  return {
    window: w,
    rank: larger + 1,
    count: changes.length,
    percentileFrac: changes.length > 1 ? smaller / (changes.length - 1) : 1,
    largerBefore: before,
  };
}

/** The `n` largest rises, largest first (ties: earlier window first). */
export function largestRises(changes: readonly WindowChange[], n: number): WindowChange[] {
  return [...changes].sort((a, b) => b.change - a.change || a.toDate.localeCompare(b.toDate)).slice(0, n);
}

/** The largest rise among windows ending in [fromDate, toDate], or undefined if none ends there. */
export function largestRiseEndingIn(
  changes: readonly WindowChange[],
  fromDate: string,
  toDate: string,
): WindowChange | undefined {
  return largestRises(changes.filter((c) => c.toDate >= fromDate && c.toDate <= toDate), 1)[0];
}

/**
 * The move of a daily series across an announcement: from the last observation BEFORE `date` to the
 * observation `daysAfter` trading days after the first observation on or after `date` (0 = that first
 * one). An announcement on a weekend is measured from the Friday to the Monday. Undefined when the series
 * does not cover it.
 */
export function announcementChange(rows: readonly DailyPoint[], date: string, daysAfter = 0): WindowChange | undefined {
  const i = rows.findIndex((r) => r.date >= date);
  if (i <= 0 || i + daysAfter >= rows.length) return undefined;
  return change(rows[i - 1], rows[i + daysAfter]);
}
