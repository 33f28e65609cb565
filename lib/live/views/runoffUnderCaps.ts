/**
 * Live view of QT mechanics (notebook 01): cumulative runoff under the caps. A reader changes the caps
 * and the assumed monthly maturities and paydowns; the view reruns the scenario under the caps
 * (lib/calc/runoff.ts runoffUnderCaps on lib/calc/runoffCaps.ts runoffCapSchedule) and redraws the chart
 * of lib/plot/cumulativeRunoff.ts with the totals beside it. The holdings' actual fall is data: it does
 * not depend on the assumptions and travels in the page as the QT months' runoff (about 40 rows).
 *
 * The notebook computes its note and this view from the same {@link runoffUnderCapsLines}, so the
 * figures it prints and the page's redraws cannot disagree.
 */
import { addMonths } from "../../calendar.ts";
import { QT_EVENTS } from "../../calc/policyEvents.ts";

import { type ActualRunoffMonth, constantRunoffInputs, type RunoffMonth, runoffUnderCaps } from "../../calc/runoff.ts";
import {
  type CapOverrides,
  type CapPeriod,
  capPeriod,
  RUNOFF_CAP_SCHEDULE,
  runoffCapSchedule,
} from "../../calc/runoffCaps.ts";
import type { Annotation } from "../../plot/common.ts";
import { type CumulativeLine, cumulativeRunoffChart } from "../../plot/cumulativeRunoff.ts";
import type { LiveFigure, LiveOutput, LiveViewDef } from "../types.ts";

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

/**
 * The chart's event marks: the cap changes and runoff's end as the FOMC decided them. A cap period whose
 * caps in `schedule` differ from the published ones says so, e.g. "Treasury cap $25bn (here $40bn/$35bn)",
 * so that a reader who changed a cap does not read the FOMC's figure as the one the lines ran with.
 */
export function capEventMarks(schedule: readonly CapPeriod[]): Annotation[] {
  return QT_EVENTS.filter((e) => e.id !== "rmp-start" && e.id !== "qt-start").map((e) => {
    const here = schedule.find((p) => p.eventId === e.id);
    const published = RUNOFF_CAP_SCHEDULE.find((p) => p.eventId === e.id);
    const same = !here || !published ||
      (here.capTreasuryUsdBnPerMonth === published.capTreasuryUsdBnPerMonth &&
        here.capMbsUsdBnPerMonth === published.capMbsUsdBnPerMonth);
    return same
      ? e
      : { ...e, label: `${e.label} (here $${here.capTreasuryUsdBnPerMonth}bn/$${here.capMbsUsdBnPerMonth}bn)` };
  });
}

/** "$1,234bn". */
export const usdBnText = (x: number) => `$${Math.round(x).toLocaleString("en-US")}bn`;

/** The chart (lib/plot/cumulativeRunoff.ts) and the totals: ceiling, scenario (Treasury, MBS), actual. */
export function runoffUnderCapsView(data: RunoffUnderCapsData, params: RunoffUnderCapsParams): LiveOutput {
  const l = runoffUnderCapsLines(data, params);
  const lines: CumulativeLine[] = [
    { name: "Caps' ceiling", rows: l.ceiling },
    {
      name: "Scenario under the caps",
      rows: l.scenario.map((m) => ({ month: m.month, cumulativeUsdBn: m.cumulativeRunoffUsdBn })),
    },
    { name: "Actual (TREAST + WSHOMCB)", rows: l.actual },
  ];
  const chart = cumulativeRunoffChart(lines, {
    asOf: l.asOf,
    events: capEventMarks(l.schedule),
    note:
      `Scenario: $${params.assumedTreasuryCouponsMaturingUsdBnPerMonth}bn coupons and $${params.assumedTreasuryBillsMaturingUsdBnPerMonth}bn bills maturing, $${params.assumedMbsPaydownsUsdBnPerMonth}bn MBS paid down each month (assumptions).`,
  });
  const t = l.totals;
  const span = `${l.months.from} to ${l.months.to}`;
  const figures: LiveFigure[] = [
    { id: "ceiling", label: `Caps' ceiling, ${span}`, value: t.ceilingUsdBn, text: usdBnText(t.ceilingUsdBn) },
    {
      id: "scenario",
      label: "Scenario runoff under the caps",
      value: t.scenarioUsdBn,
      text: usdBnText(t.scenarioUsdBn),
    },
    {
      id: "scenarioTreasury",
      label: "of which Treasuries",
      value: t.scenarioTreasuryUsdBn,
      text: usdBnText(t.scenarioTreasuryUsdBn),
    },
    { id: "scenarioMbs", label: "of which MBS", value: t.scenarioMbsUsdBn, text: usdBnText(t.scenarioMbsUsdBn) },
    { id: "actual", label: "Holdings actually fell (data)", value: t.actualUsdBn, text: usdBnText(t.actualUsdBn) },
  ];
  return { chart, figures };
}

/** The registered view: the caps and the scenario's maturities and paydowns, $bn per month. */
export const runoffUnderCapsLive: LiveViewDef<RunoffUnderCapsData, RunoffUnderCapsParams> = {
  name: "runoffUnderCaps",
  title: "Cumulative runoff under the caps",
  view: runoffUnderCapsView,
  controls: [
    { param: "capTreasuryFrom2022JunUsdBnPerMonth", label: "Treasury cap, Jun–Aug 2022", min: 0, max: 100, step: 2.5 },
    { param: "capMbsFrom2022JunUsdBnPerMonth", label: "MBS cap, Jun–Aug 2022", min: 0, max: 60, step: 2.5 },
    {
      param: "capTreasuryFrom2022SepUsdBnPerMonth",
      label: "Treasury cap, Sep 2022–May 2024",
      min: 0,
      max: 100,
      step: 2.5,
    },
    {
      param: "capTreasuryFrom2024JunUsdBnPerMonth",
      label: "Treasury cap, Jun 2024–Mar 2025",
      min: 0,
      max: 100,
      step: 2.5,
    },
    { param: "capTreasuryFrom2025AprUsdBnPerMonth", label: "Treasury cap, Apr–Nov 2025", min: 0, max: 60, step: 1 },
    { param: "capMbsUsdBnPerMonth", label: "MBS cap, Sep 2022–Nov 2025", min: 0, max: 60, step: 2.5 },
    {
      param: "assumedTreasuryCouponsMaturingUsdBnPerMonth",
      label: "Treasury coupons maturing (assumed)",
      min: 0,
      max: 150,
      step: 5,
    },
    {
      param: "assumedTreasuryBillsMaturingUsdBnPerMonth",
      label: "Treasury bills maturing (assumed)",
      min: 0,
      max: 150,
      step: 5,
    },
    { param: "assumedMbsPaydownsUsdBnPerMonth", label: "MBS paydowns (assumed)", min: 0, max: 60, step: 1 },
  ],
};
