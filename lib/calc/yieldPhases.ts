import { indexOnOrBefore } from "./asOf.ts";
/**
 * A long yield around a policy turning point: where it peaked, how far it moved after a dated policy
 * event, and how far it sits from the policy rate.
 *
 * Inputs are daily rows in pct (e.g. DGS10, the 10-year Treasury constant-maturity yield, H.15; the
 * federal funds target range limits DFEDTARU / DFEDTARL). Changes and gaps are in bp; a negative gap means
 * the yield is below the policy rate.
 */

/** A dated observation: ISO date and a value in pct. */
export interface DatedValue {
  date: string;
  value: number;
}

/** Summary of a yield around one event. */
export interface YieldPhaseSummary {
  /** Highest close in the peak window and its date. */
  peakDate: string;
  peakPct: number;
  /** The close before the event: the last observation dated before `eventDate` (the event's own close already reacts to it). */
  baseDate: string;
  basePct: number;
  /** The close on `asOf`, or the last before it. */
  asOfDate: string;
  asOfPct: number;
  /** asOfPct − basePct, bp. */
  changeSinceEventBp: number;
  /** asOfPct − peakPct, bp. */
  changeSincePeakBp: number;
  /** Policy-rate target range on `asOf` (pct), upper and lower limit. */
  policyUpperPct: number;
  policyLowerPct: number;
  /** asOfPct − policyUpperPct, bp (negative: the yield is below the top of the range). */
  gapToUpperBp: number;
  /** asOfPct − policyLowerPct, bp. */
  gapToLowerBp: number;
  /** peakPct − policy lower limit on the peak date, bp: whether the yield peaked below the range. */
  peakGapToLowerBp: number;
}

/** The value on `date` or the last one before it; throws if there is none. */
export function valueOnOrBefore(rows: readonly DatedValue[], date: string): DatedValue {
  const k = indexOnOrBefore(rows, date);
  if (k < 0) throw new Error(`valueOnOrBefore: no observation on or before ${date}`);
  return rows[k];
}

/** The highest value dated in [from, to] (the first such date on a tie); throws if the window is empty. */
export function peakWithin(rows: readonly DatedValue[], from: string, to: string): DatedValue {
  let best: DatedValue | undefined;
  for (const r of rows) if (r.date >= from && r.date <= to && (best === undefined || r.value > best.value)) best = r;
  if (!best) throw new Error(`peakWithin: no observation in [${from}, ${to}]`);
  return best;
}

/** pct difference → bp, rounded to 1e-6 bp to drop float noise. */
function bp(diffPct: number): number {
  return Math.round(diffPct * 100 * 1e6) / 1e6;
}

/**
 * Peak of `yieldRows` in [peakFrom, peakTo]; its change from the last close before `eventDate` to
 * `asOf`; and its gap to the policy target range on `asOf` (and of the peak to the range's lower limit on
 * the peak date). All rates pct; changes and gaps bp.
 */
export function yieldPhaseSummary(
  yieldRows: readonly DatedValue[],
  policyUpper: readonly DatedValue[],
  policyLower: readonly DatedValue[],
  options: { peakFrom: string; peakTo: string; eventDate: string; asOf: string },
): YieldPhaseSummary {
  const peak = peakWithin(yieldRows, options.peakFrom, options.peakTo);
  const k = indexOnOrBefore(yieldRows, options.eventDate);
  const baseIndex = k >= 0 && yieldRows[k].date === options.eventDate ? k - 1 : k;
  if (baseIndex < 0) throw new Error(`yieldPhaseSummary: no observation before ${options.eventDate}`);
  const base = yieldRows[baseIndex];
  const now = valueOnOrBefore(yieldRows, options.asOf);
  const upper = valueOnOrBefore(policyUpper, options.asOf);
  const lower = valueOnOrBefore(policyLower, options.asOf);
  const lowerAtPeak = valueOnOrBefore(policyLower, peak.date);
  return {
    peakDate: peak.date,
    peakPct: peak.value,
    baseDate: base.date,
    basePct: base.value,
    asOfDate: now.date,
    asOfPct: now.value,
    changeSinceEventBp: bp(now.value - base.value),
    changeSincePeakBp: bp(now.value - peak.value),
    policyUpperPct: upper.value,
    policyLowerPct: lower.value,
    gapToUpperBp: bp(now.value - upper.value),
    gapToLowerBp: bp(now.value - lower.value),
    peakGapToLowerBp: bp(peak.value - lowerAtPeak.value),
  };
}
