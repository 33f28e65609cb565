/**
 * Turning points of the QE–QT cycle read off the data: the month purchases surged, the pace of net
 * purchases before and after the taper, the first rate rise, the month holdings turned down. Pure
 * helpers over monthly changes (lib/calc/monthly.ts) and daily levels; units are those of the input
 * ($bn per month for holdings changes, pct for rates).
 */
import { monthOf } from "../calendar.ts";
import { type MonthChange } from "./monthly.ts";

/** A dated level. */
export interface DatedValue {
  date: string;
  value: number;
}

function checkThreshold(fn: string, v: number): void {
  if (!Number.isFinite(v)) throw new Error(`${fn}: threshold must be a finite number, got ${v}`);
}

/** The first month on or after `fromMonth` whose change is above `thresholdUsdBn`; undefined if none. */
export function firstMonthAbove(
  changes: readonly MonthChange[],
  thresholdUsdBn: number,
  fromMonth: string,
): MonthChange | undefined {
  checkThreshold("firstMonthAbove", thresholdUsdBn);
  const from = monthOf(fromMonth);
  return changes.find((c) => c.month >= from && c.change > thresholdUsdBn);
}

/** The first month on or after `fromMonth` whose change is below `thresholdUsdBn`; undefined if none. */
export function firstMonthBelow(
  changes: readonly MonthChange[],
  thresholdUsdBn: number,
  fromMonth: string,
): MonthChange | undefined {
  checkThreshold("firstMonthBelow", thresholdUsdBn);
  const from = monthOf(fromMonth);
  return changes.find((c) => c.month >= from && c.change < thresholdUsdBn);
}

/** Mean monthly change over months from..to inclusive ("YYYY-MM"), in the changes' units; throws if none. */
export function meanMonthlyChange(changes: readonly MonthChange[], from: string, to: string): number {
  const v = changes.filter((c) => c.month >= monthOf(from) && c.month <= monthOf(to)).map((c) => c.change);
  if (v.length === 0) throw new Error(`meanMonthlyChange: no months between ${from} and ${to}`);
  return v.reduce((s, x) => s + x, 0) / v.length;
}

/**
 * The first observation on or after `from` whose value is above the previous observation's (e.g. the
 * first rate rise in the target range's upper limit, DFEDTARU); undefined if none.
 */
export function firstIncrease(
  rows: readonly DatedValue[],
  from: string,
): { date: string; before: number; after: number } | undefined {
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].date < from) continue;
    if (!Number.isFinite(rows[i].value) || !Number.isFinite(rows[i - 1].value)) {
      throw new Error(`firstIncrease: non-finite value near ${rows[i].date}`);
    }
    if (rows[i].value > rows[i - 1].value) {
      return { date: rows[i].date, before: rows[i - 1].value, after: rows[i].value };
    }
  }
  return undefined;
}

/** A level's change between two dates: the first observation on or after `from`, the last on or before `to`. */
export interface LevelChange {
  fromDate: string;
  fromValue: number;
  toDate: string;
  toValue: number;
  /** toValue − fromValue, in the series' units. */
  change: number;
}

/** The change of a level over [from, to] (ISO dates); throws when the window holds no observation. */
export function levelChange(rows: readonly DatedValue[], from: string, to: string): LevelChange {
  const a = rows.find((r) => r.date >= from && r.date <= to);
  let b: DatedValue | undefined;
  for (const r of rows) if (r.date >= from && r.date <= to) b = r;
  if (!a || !b) throw new Error(`levelChange: no observation between ${from} and ${to}`);
  if (!Number.isFinite(a.value) || !Number.isFinite(b.value)) {
    throw new Error(`levelChange: non-finite value at ${a.date} or ${b.date}`);
  }
  return { fromDate: a.date, fromValue: a.value, toDate: b.date, toValue: b.value, change: b.value - a.value };
}

/**
 * Each observation in [from, to] as its change since the first observation on or after `from`, in the
 * series' units times `scale` (e.g. 100 for pct → bp). Empty when the window holds no observation.
 */
export function changesSince(rows: readonly DatedValue[], from: string, to: string, scale = 1): DatedValue[] {
  const inWindow = rows.filter((r) => r.date >= from && r.date <= to);
  if (inWindow.length === 0) return [];
  const base = inWindow[0].value;
  return inWindow.map((r) => {
    if (!Number.isFinite(r.value)) throw new Error(`changesSince: non-finite value on ${r.date}`);
    return { date: r.date, value: Number(((r.value - base) * scale).toPrecision(12)) };
  });
}
