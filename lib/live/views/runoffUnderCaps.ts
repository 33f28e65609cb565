/**
 * Live view of QT mechanics (notebook 01): cumulative runoff under the caps. A reader changes the caps
 * and the assumed monthly maturities and paydowns; the view reruns the scenario under the caps
 * (lib/calc/runoff.ts runoffUnderCaps on lib/calc/runoffCaps.ts runoffCapSchedule) and redraws the chart
 * of lib/plot/cumulativeRunoff.ts with the totals beside it. The holdings' actual fall is data: it does
 * not depend on the assumptions and travels in the page as the QT months' runoff (about 40 rows).
 *
 * The notebook computes its figures and this view from the same lib/calc/runoffScenario.ts
 * runoffUnderCapsLines, so the figures it prints and the page's redraws cannot disagree.
 */
import { fmt } from "../../format.ts";
import { QT_EVENTS } from "../../calc/policyEvents.ts";
import { type CapPeriod, RUNOFF_CAP_SCHEDULE } from "../../calc/runoffCaps.ts";
import {
  type RunoffUnderCapsData,
  runoffUnderCapsLines,
  type RunoffUnderCapsParams,
} from "../../calc/runoffScenario.ts";
import type { Annotation } from "../../plot/common.ts";
import { type CumulativeLine, cumulativeRunoffChart } from "../../plot/cumulativeRunoff.ts";
import type { LiveFigure, LiveOutput, LiveViewDef } from "../types.ts";

export {
  cumulativeRows,
  qtMonths,
  type RunoffUnderCapsData,
  runoffUnderCapsData,
  type RunoffUnderCapsLines,
  runoffUnderCapsLines,
  type RunoffUnderCapsParams,
} from "../../calc/runoffScenario.ts";

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
export const usdBnText = (x: number) => fmt(x, "usdBn");

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
