/**
 * Scenarios against what happened: the realised monthly path since reserve management purchases began
 * (total assets, securities held outright, reserves, SOFR − IORB), set beside each scenario's projected
 * path, with a distance per scenario and the scenario the data sits closest to.
 *
 * Month-end levels stand on the month grid of lib/calc/monthly.ts (default "month-end": the first H.4.1
 * Wednesday on or after the month's last day): total assets and securities (WALCL, TREAST + WSHOMCB) are
 * Wednesday levels, reserves (WRESBAL) the average of the week ending then. A month enters only when that
 * week is in every weekly series (a month still in progress, or past a series' end, is left out). The
 * spread is the calendar month's mean of the daily spread given (the notebook: SOFR − IORB).
 *
 * Realised purchases = the change in securities held outright, Treasuries plus agency MBS, since the close
 * of the month before the start month. From 2025-12-01 Treasury principal is rolled over and MBS principal is
 * reinvested in bills (FOMC implementation note, 2025-10-29), so that sum moves by the RMP purchases;
 * a paydown booked before its reinvestment, and inflation compensation on TIPS, add week-to-week noise.
 *
 * The distance that decides "closest" is the RMSE of cumulative purchases ($bn) over the realised months:
 * purchases are the policy choice the scenarios differ in, whereas reserves also move with the TGA and
 * other liabilities that the scenarios hold on assumptions. RMSE of reserves ($bn) and the mean spread gap
 * (bp) are reported beside it.
 */
import { addMonths } from "../calendar.ts";
import { eventDate } from "./policyEvents.ts";
import type { SpreadPoint } from "./moneyMarket.ts";
import { type MonthGrid, monthlyLevels } from "./monthly.ts";
import type { ScenarioPath } from "./rmpScenarios.ts";

/** The first round's announced pace: about $40bn/month of bills from 2025-12-12 (New York Fed statement on
 * reserve management purchases and FOMC implementation note, 2025-12-10; see lib/calc/policyEvents.ts). */
export const FED_FIRST_ROUND = {
  usdBnPerMonth: 40,
  from: eventDate("rmp-start"),
  source: "FOMC implementation note and New York Fed statement on reserve management purchases, 2025-12-10",
} as const;

type Rows = readonly { date: string; value: number }[];

/** The balance sheet at the close of the month before the start month. */
export interface RealisedStart {
  /** The H.4.1 Wednesday standing for that month's end. */
  weekEnding: string;
  totalAssetsUsdBn: number;
  securitiesUsdBn: number;
  reservesUsdBn: number;
}

/** One realised month (levels at its close on the month grid). */
export interface RealisedMonth {
  month: string;
  /** Months since the start: 1 for the start month. */
  step: number;
  /** The H.4.1 Wednesday standing for the month's end. */
  weekEnding: string;
  totalAssetsUsdBn: number;
  securitiesUsdBn: number;
  /** Securities minus their level at the start ($bn). */
  cumulativePurchasesUsdBn: number;
  /** This month's change in securities ($bn). */
  purchasesUsdBn: number;
  reservesUsdBn: number;
  /** Mean daily spread over the calendar month (bp); undefined with no observation. */
  spreadBp: number | undefined;
  spreadDays: number;
}

/** The realised path. */
export interface RealisedPath {
  start: RealisedStart;
  months: RealisedMonth[];
}

/**
 * Build the realised path from `startMonth` ("YYYY-MM") on (see the module note). Weekly inputs in $bn,
 * the daily spread in bp. Months stand on `grid` (lib/calc/monthly.ts; default "month-end": the first
 * Wednesday on or after the month's last day, so a month's MBS paydown and month-end maturities are in
 * it). The path stops at the first month missing from any weekly series; nothing is filled. Throws when
 * the month before the start is missing.
 */
export function realisedPath(input: {
  startMonth: string;
  totalAssets: Rows;
  treasuries: Rows;
  mbs: Rows;
  reserves: Rows;
  spreadDaily: readonly SpreadPoint[];
  grid?: MonthGrid;
}): RealisedPath {
  const grid = input.grid ?? "month-end";
  const byMonth = (rows: Rows) => new Map(monthlyLevels(rows, grid).map((l) => [l.month, l]));
  const assets = byMonth(input.totalAssets);
  const treasuries = byMonth(input.treasuries);
  const mbs = byMonth(input.mbs);
  const reserves = byMonth(input.reserves);
  const at = (month: string) => {
    const a = assets.get(month);
    const t = treasuries.get(month);
    const m = mbs.get(month);
    const r = reserves.get(month);
    if (!a || !t || !m || !r) return undefined;
    if (new Set([a.date, t.date, m.date, r.date]).size !== 1) return undefined; // one H.4.1 week for all
    return {
      weekEnding: a.date,
      totalAssetsUsdBn: a.value,
      securitiesUsdBn: t.value + m.value,
      reservesUsdBn: r.value,
    };
  };
  const before = addMonths(input.startMonth, -1);
  const s = at(before);
  if (!s) {
    throw new Error(
      `realisedPath: no H.4.1 week closing ${before} (the month before ${input.startMonth}) in every weekly series`,
    );
  }
  const start: RealisedStart = s;
  const spreadByMonth = new Map<string, { sum: number; n: number }>();
  for (const p of input.spreadDaily) {
    const k = p.date.slice(0, 7);
    const o = spreadByMonth.get(k) ?? { sum: 0, n: 0 };
    o.sum += p.spreadBp;
    o.n++;
    spreadByMonth.set(k, o);
  }
  const months: RealisedMonth[] = [];
  let prevSecurities = start.securitiesUsdBn;
  for (let step = 1;; step++) {
    const month = addMonths(input.startMonth, step - 1);
    const v = at(month);
    if (!v) break;
    const sp = spreadByMonth.get(month);
    months.push({
      month,
      step,
      ...v,
      cumulativePurchasesUsdBn: v.securitiesUsdBn - start.securitiesUsdBn,
      purchasesUsdBn: v.securitiesUsdBn - prevSecurities,
      spreadBp: sp ? sp.sum / sp.n : undefined,
      spreadDays: sp?.n ?? 0,
    });
    prevSecurities = v.securitiesUsdBn;
  }
  return { start, months };
}

/**
 * Average realised pace ($bn/month): cumulative purchases at the last realised month divided by the months
 * elapsed. (A least-squares slope through the origin would weight the later months more and, on a path that
 * starts fast and slows, overstate the average.) NaN with no realised month.
 */
export function realisedPaceUsdBnPerMonth(months: readonly RealisedMonth[]): number {
  const last = months[months.length - 1];
  return last ? last.cumulativePurchasesUsdBn / last.step : NaN;
}

/** One scenario against the realised months. */
export interface ScenarioDistance {
  id: string;
  label: string;
  /** Months compared (realised months that the scenario's horizon covers). */
  n: number;
  /** RMSE of cumulative purchases, scenario − realised ($bn): the deciding distance. */
  rmseCumulativePurchasesUsdBn: number;
  /** RMSE of reserves ($bn), beside it: reserves also move with TGA and other liabilities. */
  rmseReservesUsdBn: number;
  /** Mean of (scenario spread − realised SOFR − IORB) over months with both (bp); undefined if none. */
  meanSpreadGapBp: number | undefined;
  /** Cumulative purchases at the last realised month: scenario and realised ($bn). */
  lastCumulativeScenarioUsdBn: number;
  lastCumulativeRealisedUsdBn: number;
}

/** Distances of each scenario to the realised path (see the module note). Throws when no month overlaps. */
export function compareWithScenarios(realised: RealisedPath, paths: readonly ScenarioPath[]): ScenarioDistance[] {
  return paths.map((p) => {
    const byMonth = new Map(p.months.map((m) => [m.month, m]));
    let n = 0;
    let sPurch = 0;
    let sRes = 0;
    let gap = 0;
    let nGap = 0;
    let lastS = NaN;
    let lastR = NaN;
    for (const r of realised.months) {
      const m = byMonth.get(r.month);
      if (!m) continue;
      n++;
      sPurch += (m.cumulativePurchasesUsdBn - r.cumulativePurchasesUsdBn) ** 2;
      sRes += (m.reservesUsdBn - r.reservesUsdBn) ** 2;
      if (m.spreadBp !== undefined && r.spreadBp !== undefined) {
        gap += m.spreadBp - r.spreadBp;
        nGap++;
      }
      lastS = m.cumulativePurchasesUsdBn;
      lastR = r.cumulativePurchasesUsdBn;
    }
    if (n === 0) {
      throw new Error(`compareWithScenarios: scenario ${p.scenario.id} shares no month with the realised path`);
    }
    return {
      id: p.scenario.id,
      label: p.scenario.label,
      n,
      rmseCumulativePurchasesUsdBn: Math.sqrt(sPurch / n),
      rmseReservesUsdBn: Math.sqrt(sRes / n),
      meanSpreadGapBp: nGap ? gap / nGap : undefined,
      lastCumulativeScenarioUsdBn: lastS,
      lastCumulativeRealisedUsdBn: lastR,
    };
  });
}

/** The scenario with the smallest RMSE of cumulative purchases (first one on a tie). */
export function closestScenario(distances: readonly ScenarioDistance[]): ScenarioDistance {
  if (distances.length === 0) throw new Error("closestScenario: no scenarios");
  return distances.reduce((best, d) => (d.rmseCumulativePurchasesUsdBn < best.rmseCumulativePurchasesUsdBn ? d : best));
}
