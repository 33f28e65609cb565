/**
 * Scenarios against what happened: the realised monthly path since reserve management purchases began
 * (total assets, securities held outright, reserves, SOFR − IORB), set beside each scenario's projected
 * path, with a distance per scenario and the scenario the data sits closest to.
 *
 * Month-end levels are read on the month's last Wednesday (the H.4.1 week): total assets and securities
 * (WALCL, TREAST + WSHOMCB) are Wednesday levels, reserves (WRESBAL) the average of the week ending then.
 * A month enters only when its last Wednesday is in every weekly series (a month still in progress, or
 * past a series' end, is left out). The spread is the month's mean of daily SOFR − IORB.
 *
 * Realised purchases = the change in securities held outright, Treasuries plus agency MBS, since the last
 * Wednesday before the start month. From 2025-12-01 Treasury principal is rolled over and MBS principal is
 * reinvested in bills (FOMC implementation note, 2025-10-29), so that sum moves by the RMP purchases;
 * a paydown booked before its reinvestment, and inflation compensation on TIPS, add week-to-week noise.
 *
 * The distance that decides "closest" is the RMSE of cumulative purchases ($bn) over the realised months:
 * purchases are the policy choice the scenarios differ in, whereas reserves also move with the TGA and
 * other liabilities that the scenarios hold on assumptions. RMSE of reserves ($bn) and the mean spread gap
 * (bp) are reported beside it.
 */
import { eventDate } from "./policyEvents.ts";
import type { SpreadPoint } from "./moneyMarket.ts";
import { addMonths, type ScenarioPath } from "./rmpScenarios.ts";

/** The first round's announced pace: about $40bn/month of bills from 2025-12-12 (New York Fed statement on
 * reserve management purchases and FOMC implementation note, 2025-12-10; see lib/calc/policyEvents.ts). */
export const FED_FIRST_ROUND = {
  usdBnPerMonth: 40,
  from: eventDate("rmp-start"),
  source: "FOMC implementation note and New York Fed statement on reserve management purchases, 2025-12-10",
} as const;

type Rows = readonly { date: string; value: number }[];

/** The month's last Wednesday (ISO) for "YYYY-MM". */
export function lastWednesday(month: string): string {
  const y = +month.slice(0, 4);
  const m = +month.slice(5, 7);
  const last = new Date(Date.UTC(y, m, 0)); // day 0 of the next month = last day of this one
  const back = (last.getUTCDay() - 3 + 7) % 7;
  return new Date(last.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** The balance sheet on the Wednesday before the start month. */
export interface RealisedStart {
  weekEnding: string;
  totalAssetsUsdBn: number;
  securitiesUsdBn: number;
  reservesUsdBn: number;
}

/** One realised month (levels on its last Wednesday). */
export interface RealisedMonth {
  month: string;
  /** Months since the start: 1 for the start month. */
  step: number;
  weekEnding: string;
  totalAssetsUsdBn: number;
  securitiesUsdBn: number;
  /** Securities minus their level at the start ($bn). */
  cumulativePurchasesUsdBn: number;
  /** This month's change in securities ($bn). */
  purchasesUsdBn: number;
  reservesUsdBn: number;
  /** Mean daily SOFR − IORB over the calendar month (bp); undefined with no observation. */
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
 * the daily spread in bp. Throws when the start's Wednesday is missing from a weekly series.
 */
export function realisedPath(input: {
  startMonth: string;
  totalAssets: Rows;
  treasuries: Rows;
  mbs: Rows;
  reserves: Rows;
  spreadDaily: readonly SpreadPoint[];
}): RealisedPath {
  const maps = {
    totalAssets: new Map(input.totalAssets.map((r) => [r.date, r.value])),
    treasuries: new Map(input.treasuries.map((r) => [r.date, r.value])),
    mbs: new Map(input.mbs.map((r) => [r.date, r.value])),
    reserves: new Map(input.reserves.map((r) => [r.date, r.value])),
  };
  const at = (date: string) => {
    const v = { a: maps.totalAssets.get(date), t: maps.treasuries.get(date), m: maps.mbs.get(date), r: maps.reserves.get(date) };
    return v.a === undefined || v.t === undefined || v.m === undefined || v.r === undefined
      ? undefined
      : { totalAssetsUsdBn: v.a, securitiesUsdBn: v.t + v.m, reservesUsdBn: v.r };
  };
  const prevMonth = addMonths(input.startMonth, -1);
  const startDate = lastWednesday(prevMonth);
  const s = at(startDate);
  if (!s) throw new Error(`realisedPath: no H.4.1 week ending ${startDate} (the last Wednesday before ${input.startMonth}) in every weekly series`);
  const start: RealisedStart = { weekEnding: startDate, ...s };
  const lastDate = [input.totalAssets, input.treasuries, input.mbs, input.reserves].map((r) => r[r.length - 1]?.date ?? "").sort()[0];
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
  for (let step = 1; ; step++) {
    const month = addMonths(input.startMonth, step - 1);
    const date = lastWednesday(month);
    if (date > lastDate) break;
    const v = at(date);
    if (!v) break;
    const sp = spreadByMonth.get(month);
    months.push({
      month,
      step,
      weekEnding: date,
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

/** Average realised pace ($bn/month): the least-squares slope through the origin of cumulative purchases on months elapsed. */
export function realisedPaceUsdBnPerMonth(months: readonly RealisedMonth[]): number {
  let sxy = 0;
  let sxx = 0;
  for (const m of months) {
    sxy += m.step * m.cumulativePurchasesUsdBn;
    sxx += m.step * m.step;
  }
  return sxx > 0 ? sxy / sxx : NaN;
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
    if (n === 0) throw new Error(`compareWithScenarios: scenario ${p.scenario.id} shares no month with the realised path`);
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
