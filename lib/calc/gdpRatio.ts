/**
 * The Fed's balance sheet against the size of the economy: total assets as a share of nominal GDP, and
 * the growth of each over the same years.
 *
 * GDP (BEA, via FRED "GDP") is a quarterly flow at a seasonally adjusted annual rate (SAAR), $bn, dated
 * on the quarter's first day. Total assets (H.4.1 WALCL) are weekly Wednesday levels, $bn. The share is
 * assets / GDP SAAR, i.e. the balance sheet in years of output; the assets side is either the **average of
 * the quarter's Wednesdays** ("quarter-average", the default: it matches a flow measured over the
 * quarter) or the **quarter's last Wednesday** ("quarter-end").
 */
import { quarterStart } from "../calendar.ts";

/** A dated observation: ISO date and a value in $bn. */
export interface DatedValue {
  date: string;
  value: number;
}

/** A mean of the observations falling in one period, with their count. */
export interface PeriodMean {
  /** First day of the period (ISO): "2019-01-01" for 2019 or for 2019 Q1. */
  period: string;
  /** Mean of the observations, in their unit ($bn here). */
  mean: number;
  /** Number of observations averaged. */
  n: number;
}

/** One quarter of the balance-sheet-to-GDP ratio. */
export interface GdpRatioQuarter {
  /** First day of the quarter (ISO), as GDP is dated. */
  quarter: string;
  /** Total assets on the chosen basis, $bn. */
  assetsUsdBn: number;
  /** Nominal GDP, SAAR, $bn. */
  gdpUsdBnSaar: number;
  /** assetsUsdBn / gdpUsdBnSaar (unitless; 0.27 = 27% of a year's output). */
  shareFrac: number;
  /** Weekly observations in the quarter. */
  weeks: number;
  basis: "quarter-average" | "quarter-end";
}

/** Defaults of {@link balanceSheetToGdp} and {@link annualMean}. */
export const defaults = {
  basis: "quarter-average" as "quarter-average" | "quarter-end",
  /** Fewest Wednesdays a quarter needs to count (a quarter has 12 to 14). */
  minWeeksPerQuarter: 12,
} as const;

/** Re-exported from lib/calc/asOf.ts. */
export { quarterStart };

/**
 * Mean of the observations in each calendar quarter, $bn in → $bn out, with the count. Quarters with
 * fewer than `minObs` observations (a quarter the data has not finished) are left out.
 */
export function quarterAverages(rows: readonly DatedValue[], options: { minObs?: number } = {}): PeriodMean[] {
  const minObs = options.minObs ?? defaults.minWeeksPerQuarter;
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const q = quarterStart(r.date);
    const g = groups.get(q);
    if (g) g.push(r.value);
    else groups.set(q, [r.value]);
  }
  return [...groups]
    .filter(([, v]) => v.length >= minObs)
    .map(([period, v]) => ({ period, mean: v.reduce((s, x) => s + x, 0) / v.length, n: v.length }));
}

/**
 * Total assets as a share of nominal GDP per quarter: assets (quarter-average or quarter-end, $bn) over
 * GDP SAAR ($bn). Quarters need GDP and at least `minWeeksPerQuarter` weekly observations.
 */
export function balanceSheetToGdp(
  assetsWeekly: readonly DatedValue[],
  gdpQuarterly: readonly DatedValue[],
  options: { basis?: "quarter-average" | "quarter-end"; minWeeksPerQuarter?: number } = {},
): GdpRatioQuarter[] {
  const basis = options.basis ?? defaults.basis;
  const minWeeks = options.minWeeksPerQuarter ?? defaults.minWeeksPerQuarter;
  const gdp = new Map(gdpQuarterly.map((r) => [r.date, r.value]));
  const byQuarter = new Map<string, DatedValue[]>();
  for (const r of assetsWeekly) {
    const q = quarterStart(r.date);
    const g = byQuarter.get(q);
    if (g) g.push(r);
    else byQuarter.set(q, [r]);
  }
  const out: GdpRatioQuarter[] = [];
  for (const [quarter, weeks] of byQuarter) {
    const g = gdp.get(quarter);
    if (g === undefined || weeks.length < minWeeks) continue;
    if (!(g > 0)) throw new Error(`balanceSheetToGdp: GDP for ${quarter} is not positive (${g})`);
    const assets = basis === "quarter-end"
      ? weeks[weeks.length - 1].value
      : weeks.reduce((s, w) => s + w.value, 0) / weeks.length;
    out.push({ quarter, assetsUsdBn: assets, gdpUsdBnSaar: g, shareFrac: assets / g, weeks: weeks.length, basis });
  }
  return out;
}

/**
 * Mean of the observations dated in calendar year `year` ($bn in → $bn out), with the count. For GDP
 * (SAAR) the mean of the four quarters is the year's GDP. Throws if fewer than `minObs` observations fall
 * in the year (e.g. 4 for quarterly GDP, 52 for weekly assets): a partial year is never averaged.
 */
export function annualMean(rows: readonly DatedValue[], year: number, minObs: number): PeriodMean {
  const v = rows.filter((r) => +r.date.slice(0, 4) === year).map((r) => r.value);
  if (v.length < minObs) {
    throw new Error(`annualMean: ${v.length} observations in ${year}, fewer than the ${minObs} required`);
  }
  return { period: `${year}-01-01`, mean: v.reduce((s, x) => s + x, 0) / v.length, n: v.length };
}

/** Growth from `from` to `to` as a fraction (0.26 = +26%); both in the same unit, `from` positive. */
export function growthFrac(from: number, to: number): number {
  if (!(from > 0) || !Number.isFinite(to)) {
    throw new Error(`growthFrac: needs a positive start and a finite end (${from}, ${to})`);
  }
  return to / from - 1;
}
