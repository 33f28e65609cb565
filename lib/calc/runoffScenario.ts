/**
 * QT's runoff under the caps, as a scenario against the holdings' actual fall: the cap schedule from a
 * notebook's parameters, constant monthly maturities and paydowns (assumptions: no SOMA maturity schedule
 * ships) run through the caps, the caps' ceiling, and the actual cumulative fall over the QT months.
 * Notebook 01 computes its figures with it and its live view redraws with it, so the two cannot disagree.
 */
import { addMonths } from "../calendar.ts";
import { type ActualRunoffMonth, constantRunoffInputs, type RunoffMonth, runoffUnderCaps } from "./runoff.ts";
import { type CapOverrides, type CapPeriod, capPeriod, runoffCapSchedule } from "./runoffCaps.ts";

/** The data the view carries: the holdings' actual runoff in each QT month ($bn, + = holdings fell). */
export interface RunoffUnderCapsData {
  /** Months of QT (June 2022 to November 2025) on the notebook's month grid, in order. */
  actual: readonly { month: string; date: string; totalRunoffUsdBn: number }[];
}

/**
 * The assumptions a reader may change, by the notebook's parameter names ($bn per month): the six caps
 * of lib/calc/runoffCaps.ts {@link CapOverrides} and the scenario's constant monthly maturities and
 * paydowns.
 */
export interface RunoffUnderCapsParams extends Required<CapOverrides> {
  assumedTreasuryCouponsMaturingUsdBnPerMonth: number;
  assumedTreasuryBillsMaturingUsdBnPerMonth: number;
  assumedMbsPaydownsUsdBnPerMonth: number;
}

/** The months runoff ran: from the first cap period to the month before both caps went to 0. */
export function qtMonths(schedule: readonly CapPeriod[]): { from: string; to: string } {
  return { from: capPeriod("qt-start", schedule).from, to: addMonths(capPeriod("qt-end", schedule).from, -1) };
}

/**
 * The view's data from the notebook's actual runoff against the caps: the QT months only, trimmed to
 * what the chart draws.
 */
export function runoffUnderCapsData(
  actual: readonly ActualRunoffMonth[],
  schedule: readonly CapPeriod[],
): RunoffUnderCapsData {
  const { from, to } = qtMonths(schedule);
  return {
    actual: actual.filter((r) => r.month >= from && r.month <= to).map((r) => ({
      month: r.month,
      date: r.date,
      totalRunoffUsdBn: r.totalRunoffUsdBn,
    })),
  };
}

/** Running sums ($bn) of monthly amounts: one row per month, the total through that month. */
export function cumulativeRows(
  rows: readonly { month: string; usdBn: number }[],
): { month: string; cumulativeUsdBn: number }[] {
  let total = 0;
  return rows.map((r) => ({ month: r.month, cumulativeUsdBn: total += r.usdBn }));
}

/** The three lines and their totals ($bn over the QT months). */
export interface RunoffUnderCapsLines {
  months: { from: string; to: string };
  schedule: CapPeriod[];
  scenario: RunoffMonth[];
  /** Most the caps allowed: Σ (Treasury cap + MBS cap) over the months, $bn. */
  ceiling: { month: string; cumulativeUsdBn: number }[];
  actual: { month: string; cumulativeUsdBn: number }[];
  totals: {
    ceilingUsdBn: number;
    scenarioUsdBn: number;
    scenarioTreasuryUsdBn: number;
    scenarioMbsUsdBn: number;
    actualUsdBn: number;
  };
  /** Date of the last actual month's H.4.1 week. */
  asOf: string;
}

/**
 * The cap schedule from the params, the scenario of constant maturities and paydowns under it, the caps'
 * ceiling and the actual cumulative fall over the QT months. Throws (as runoffCapSchedule does) on a
 * negative cap or maturity.
 */
export function runoffUnderCapsLines(data: RunoffUnderCapsData, params: RunoffUnderCapsParams): RunoffUnderCapsLines {
  for (
    const k of [
      "assumedTreasuryCouponsMaturingUsdBnPerMonth",
      "assumedTreasuryBillsMaturingUsdBnPerMonth",
      "assumedMbsPaydownsUsdBnPerMonth",
    ] as const
  ) {
    if (!(Number.isFinite(params[k]) && params[k] >= 0)) {
      throw new RangeError(`${k} must be a number ≥ 0 ($bn per month), got ${params[k]}`);
    }
  }
  const schedule = runoffCapSchedule({
    capTreasuryFrom2022JunUsdBnPerMonth: params.capTreasuryFrom2022JunUsdBnPerMonth,
    capMbsFrom2022JunUsdBnPerMonth: params.capMbsFrom2022JunUsdBnPerMonth,
    capTreasuryFrom2022SepUsdBnPerMonth: params.capTreasuryFrom2022SepUsdBnPerMonth,
    capTreasuryFrom2024JunUsdBnPerMonth: params.capTreasuryFrom2024JunUsdBnPerMonth,
    capTreasuryFrom2025AprUsdBnPerMonth: params.capTreasuryFrom2025AprUsdBnPerMonth,
    capMbsUsdBnPerMonth: params.capMbsUsdBnPerMonth,
  });
  const months = qtMonths(schedule);
  const scenario = runoffUnderCaps(
    constantRunoffInputs(months.from, months.to, {
      treasuryCouponsMaturingUsdBn: params.assumedTreasuryCouponsMaturingUsdBnPerMonth,
      treasuryBillsMaturingUsdBn: params.assumedTreasuryBillsMaturingUsdBnPerMonth,
      mbsPaydownsUsdBn: params.assumedMbsPaydownsUsdBnPerMonth,
    }),
    schedule,
  );
  const ceiling = cumulativeRows(
    scenario.map((m) => ({ month: m.month, usdBn: m.capTreasuryUsdBnPerMonth + m.capMbsUsdBnPerMonth })),
  );
  const actualRows = data.actual.filter((r) => r.month >= months.from && r.month <= months.to);
  if (actualRows.length === 0) throw new RangeError(`no actual runoff in ${months.from}…${months.to}`);
  const actual = cumulativeRows(actualRows.map((r) => ({ month: r.month, usdBn: r.totalRunoffUsdBn })));
  const sum = (f: (m: RunoffMonth) => number) => scenario.reduce((s, m) => s + f(m), 0);
  return {
    months,
    schedule,
    scenario,
    ceiling,
    actual,
    totals: {
      ceilingUsdBn: ceiling.at(-1)?.cumulativeUsdBn ?? 0,
      scenarioUsdBn: scenario.at(-1)?.cumulativeRunoffUsdBn ?? 0,
      scenarioTreasuryUsdBn: sum((m) => m.treasuryRedeemedUsdBn),
      scenarioMbsUsdBn: sum((m) => m.mbsRunoffUsdBn),
      actualUsdBn: actual.at(-1)!.cumulativeUsdBn,
    },
    asOf: actualRows.at(-1)!.date,
  };
}
