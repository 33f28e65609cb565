/**
 * "Net liquidity": the Fed's total assets less the two liabilities that hold cash away from banks and
 * markets, the Treasury General Account (TGA) and the overnight reverse repo facility (ON RRP), in $bn.
 * A market shorthand, not an official aggregate: it leaves out currency, reserves' other drains and
 * everything outside the Fed.
 *
 * Alignment (one row per H.4.1 Wednesday):
 * - total assets: WALCL, the **Wednesday level**;
 * - TGA: WTREGEN, the **average of the week** ending that Wednesday (FRED's weekly series; the Wednesday
 *   level is not shipped), so the sum mixes a level with a week average;
 * - ON RRP: RRPONTSYD, the New York Fed's daily operation total: the operation **on that Wednesday**, or,
 *   when none was held that day (a holiday), the **last operation before it** (the overnight trade of the
 *   prior business day is the one outstanding), no older than `maxOnRrpAgeDays`.
 * Weeks missing from either weekly series are left out, never filled.
 *
 * Its relation to an equity index is stated as correlations with their sample and size: of levels (which
 * for two series that both trend says almost nothing), of weekly log changes and of month-end log changes.
 */
import { addDays, daysBetween } from "../calendar.ts";
import { type Correlation, logChanges, pearson } from "./correlation.ts";
import { indexOnOrBefore } from "./asOf.ts";

/** A dated observation: ISO date and a value in the unit the caller states. */
export interface DatedValue {
  date: string;
  value: number;
}

/** One Wednesday of net liquidity, every amount in $bn. */
export interface NetLiquidityWeek {
  /** The H.4.1 Wednesday (ISO). */
  date: string;
  /** WALCL, Wednesday level, $bn. */
  totalAssetsUsdBn: number;
  /** WTREGEN, week average for the week ending `date`, $bn. */
  tgaUsdBn: number;
  /** RRPONTSYD, total accepted at the operation dated `onRrpDate`, $bn. */
  onRrpUsdBn: number;
  /** The operation date used for ON RRP (`date` itself, or the last operation before it). */
  onRrpDate: string;
  /** totalAssetsUsdBn − tgaUsdBn − onRrpUsdBn, $bn. */
  netLiquidityUsdBn: number;
}

/** A net-liquidity week with an index close beside it. */
export interface NetLiquidityIndexWeek extends NetLiquidityWeek {
  /** The index close on `indexDate` (index points). */
  indexValue: number;
  /** The close used: `date` itself or the last trading day before it. */
  indexDate: string;
}

/** Correlations of net liquidity with an index over one window, each with its n. */
export interface NetLiquidityRelation {
  /** First and last Wednesday in the sample (ISO). */
  from: string;
  to: string;
  /** r of the levels ($bn against index points), n = weeks. Trending levels: not evidence of a link. */
  levels: Correlation;
  /** r of week-on-week log changes, n = weeks − 1. */
  weekly: Correlation;
  /** r of log changes between the last Wednesdays of consecutive calendar months, n = months − 1. */
  monthly: Correlation;
}

/** Defaults of {@link netLiquidityWeekly} and {@link withIndexClose}. */
export const defaults = {
  /** Oldest ON RRP operation accepted for a Wednesday, in days (holiday clusters reach 5). */
  maxOnRrpAgeDays: 5,
  /** Oldest index close accepted for a Wednesday, in days. */
  maxIndexAgeDays: 5,
} as const;

/**
 * Net liquidity per Wednesday, $bn: WALCL (Wednesday level) − WTREGEN (week average) − RRPONTSYD (the
 * Wednesday's operation or the last one before it). Inputs in $bn, sorted by date. Rows are the
 * Wednesdays present in both weekly series within [`from`, `to`].
 *
 * Throws if a Wednesday has no ON RRP operation within `maxOnRrpAgeDays` before it: before regular daily
 * operations (late 2013) days without an operation meant nothing outstanding, and this function does not
 * infer those zeros; start the window later.
 */
export function netLiquidityWeekly(
  totalAssets: readonly DatedValue[],
  tga: readonly DatedValue[],
  onRrp: readonly DatedValue[],
  options: { from?: string; to?: string; maxOnRrpAgeDays?: number } = {},
): NetLiquidityWeek[] {
  const maxAge = options.maxOnRrpAgeDays ?? defaults.maxOnRrpAgeDays;
  const tgaByDate = new Map(tga.map((r) => [r.date, r.value]));
  const out: NetLiquidityWeek[] = [];
  for (const a of totalAssets) {
    if ((options.from && a.date < options.from) || (options.to && a.date > options.to)) continue;
    const t = tgaByDate.get(a.date);
    if (t === undefined) continue;
    const k = indexOnOrBefore(onRrp, a.date);
    if (k < 0 || daysBetween(onRrp[k].date, a.date) > maxAge) {
      throw new Error(
        `netLiquidityWeekly: no ON RRP operation within ${maxAge} days before ${a.date}` +
          (k < 0 ? "" : ` (last ${onRrp[k].date})`) +
          "; start the window after regular daily operations",
      );
    }
    const rrp = onRrp[k];
    out.push({
      date: a.date,
      totalAssetsUsdBn: a.value,
      tgaUsdBn: t,
      onRrpUsdBn: rrp.value,
      onRrpDate: rrp.date,
      netLiquidityUsdBn: a.value - t - rrp.value,
    });
  }
  return out;
}

/**
 * Put an index close (e.g. the S&P 500, index points) beside each week: the close on the Wednesday or
 * the last one before it. Weeks before the index's first close are left out; a week whose last close is
 * older than `maxIndexAgeDays` throws (a gap in the index is never bridged silently).
 */
export function withIndexClose(
  weeks: readonly NetLiquidityWeek[],
  index: readonly DatedValue[],
  options: { maxIndexAgeDays?: number } = {},
): NetLiquidityIndexWeek[] {
  const maxAge = options.maxIndexAgeDays ?? defaults.maxIndexAgeDays;
  const out: NetLiquidityIndexWeek[] = [];
  for (const w of weeks) {
    const k = indexOnOrBefore(index, w.date);
    if (k < 0) continue;
    if (daysBetween(index[k].date, w.date) > maxAge) {
      throw new Error(
        `withIndexClose: the last close before ${w.date} is ${index[k].date}, more than ${maxAge} days old`,
      );
    }
    out.push({ ...w, indexValue: index[k].value, indexDate: index[k].date });
  }
  return out;
}

/** Whether an ISO Wednesday is the last Wednesday of its calendar month (a week later is next month). */
export function isLastWednesdayOfMonth(date: string): boolean {
  return addDays(date, 7).slice(0, 7) !== date.slice(0, 7);
}

/**
 * Correlations of net liquidity with the index over the weeks in [`from`, `to`]: levels, weekly log
 * changes and month-end log changes (month-ends: the last Wednesday of each calendar month present; a
 * window ending before its month's last Wednesday leaves that month out). Each with its n. Throws when a
 * sample is too short (see {@link pearson}) or a week is missing inside the window (changes would then
 * span more than a week).
 */
export function netLiquidityRelation(
  weeks: readonly NetLiquidityIndexWeek[],
  options: { from?: string; to?: string } = {},
): NetLiquidityRelation {
  const sample = weeks.filter((w) =>
    (!options.from || w.date >= options.from) && (!options.to || w.date <= options.to)
  );
  if (sample.length === 0) {
    throw new Error(`netLiquidityRelation: no weeks in [${options.from ?? "…"}, ${options.to ?? "…"}]`);
  }
  for (let i = 1; i < sample.length; i++) {
    if (daysBetween(sample[i - 1].date, sample[i].date) !== 7) {
      throw new Error(
        `netLiquidityRelation: ${sample[i - 1].date} to ${sample[i].date} is not one week; the sample has a gap`,
      );
    }
  }
  const nl = sample.map((w) => w.netLiquidityUsdBn);
  const ix = sample.map((w) => w.indexValue);
  const monthEnds = sample.filter((w) => isLastWednesdayOfMonth(w.date));
  return {
    from: sample[0].date,
    to: sample[sample.length - 1].date,
    levels: pearson(nl, ix),
    weekly: pearson(logChanges(nl), logChanges(ix)),
    monthly: pearson(
      logChanges(monthEnds.map((w) => w.netLiquidityUsdBn)),
      logChanges(monthEnds.map((w) => w.indexValue)),
    ),
  };
}
