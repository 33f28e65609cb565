/**
 * Where a balance-sheet drain fell, period by period: the change of each liability (reserves, ON RRP, the
 * TGA) over consecutive calendar years inside a window, each measured between the as-of levels on the
 * period's first and last day, and the first period in which each one fell. Pure; $bn in, $bn out.
 */
import { lastOnOrBefore } from "./asOf.ts";
import type { DatedValue } from "./monthly.ts";

/** One period's change of each series. */
export interface DrainPeriod {
  /** The period's first and last day (ISO). */
  from: string;
  to: string;
  /** The dates of the observations used at each end, per series. */
  changesUsdBn: Record<string, number>;
  levelsUsdBn: Record<string, { from: number; to: number; fromDate: string; toDate: string }>;
}

/** The periods and, per series, the first period it fell in and its change over the whole window. */
export interface DrainOrder {
  periods: DrainPeriod[];
  /** Per series: the `from` date of the first period with a fall, or undefined if it never fell. */
  firstFall: Record<string, string | undefined>;
  /** Per series: the change over the whole window ($bn). */
  totalUsdBn: Record<string, number>;
}

/** Calendar-year periods inside [from, to]: the first and last are cut at the window's ends. */
export function yearPeriods(from: string, to: string): { from: string; to: string }[] {
  if (!(from < to)) throw new Error(`yearPeriods: from (${from}) must be before to (${to})`);
  const out: { from: string; to: string }[] = [];
  for (let y = +from.slice(0, 4); y <= +to.slice(0, 4); y++) {
    const a = y === +from.slice(0, 4) ? from : `${y}-01-01`;
    const b = y === +to.slice(0, 4) ? to : `${y}-12-31`;
    if (a < b) out.push({ from: a, to: b });
  }
  return out;
}

/**
 * The drain by calendar year inside [from, to] for each named series of $bn levels. A series with no
 * observation on or before a period's first day throws, naming it (the window must lie inside the data).
 */
export function drainOrder(
  series: Readonly<Record<string, readonly DatedValue[]>>,
  from: string,
  to: string,
): DrainOrder {
  const names = Object.keys(series);
  const level = (name: string, date: string) => {
    const r = lastOnOrBefore(series[name], date);
    if (!r) throw new Error(`drainOrder: ${name} has no observation on or before ${date}`);
    return r;
  };
  const periods = yearPeriods(from, to).map((p) => {
    const changesUsdBn: Record<string, number> = {};
    const levelsUsdBn: DrainPeriod["levelsUsdBn"] = {};
    for (const n of names) {
      const a = level(n, p.from);
      const b = level(n, p.to);
      changesUsdBn[n] = b.value - a.value;
      levelsUsdBn[n] = { from: a.value, to: b.value, fromDate: a.date, toDate: b.date };
    }
    return { ...p, changesUsdBn, levelsUsdBn };
  });
  const firstFall = Object.fromEntries(names.map((n) => [n, periods.find((p) => p.changesUsdBn[n] < 0)?.from]));
  const totalUsdBn = Object.fromEntries(names.map((n) => [n, level(n, to).value - level(n, from).value]));
  return { periods, firstFall, totalUsdBn };
}
