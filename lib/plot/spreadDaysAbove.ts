/**
 * Days per month with the overnight rate above IORB: SOFR and EFFR, one panel each, with the month's
 * business days behind each bar. The count behind claim RMP-3.
 */
import { countOf } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { daysAboveByMonth, type MonthlySpread, spreadBpDaily } from "../calc/moneyMarket.ts";
import { QT_EVENTS } from "../calc/policyEvents.ts";
import { type Annotation, chartDefaults, eventMarks, render, sourceCaption, utcDate } from "./common.ts";

/** One panel: a spread's monthly counts. */
export interface DaysAbovePanel {
  name: string;
  months: readonly MonthlySpread[];
}

export interface SpreadDaysAboveOptions {
  events?: readonly Annotation[];
  asOf?: string;
  thresholdBp?: number;
  width?: number;
}

const defaults = { source: "New York Fed (SOFR, EFFR) and Federal Reserve Board (IORB), via FRED" };

/** Bars of days above the threshold per month, over the month's observed days (grey). */
export function spreadDaysAboveChart(panels: readonly DaysAbovePanel[], options: SpreadDaysAboveOptions = {}) {
  const rows = panels.flatMap((p) => p.months.map((m) => ({ ...m, date: utcDate(`${m.month}-01`), panel: p.name })));
  const first = rows.map((r) => r.month).sort()[0] ?? "";
  const threshold = options.thresholdBp ?? 0;
  return render({
    title: "How often the market rate traded above IORB",
    subtitle:
      `Business days per month with the spread above ${threshold} bp (coloured) out of the month's days with both rates (grey).`,
    caption: sourceCaption(
      defaults.source,
      options.asOf ?? "",
      "A month counts only days on which both rates were published.",
    ),
    width: options.width ?? chartDefaults.width,
    height: 150 + 150 * panels.length,
    marginTop: 30,
    marginRight: 95,
    x: { type: "utc", label: null },
    y: { label: "Days", grid: true },
    fy: { label: null, domain: panels.map((p) => p.name), padding: 0.15 },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.rectY(rows, {
        x: "date",
        interval: "month",
        y: "days",
        fy: "panel",
        fill: "#e4e4e4",
        inset: 0.5,
        title: (d: (typeof rows)[number]) => `${d.panel}, ${d.month}: above on ${countOf(d.daysAbove, d.days)} days`,
      }),
      Plot.rectY(rows, {
        x: "date",
        interval: "month",
        y: "daysAbove",
        fy: "panel",
        fill: "#e15759",
        inset: 0.5,
        title: (d: (typeof rows)[number]) => `${d.panel}, ${d.month}: above on ${countOf(d.daysAbove, d.days)} days`,
      }),
      ...eventMarks(options.events ?? [], { from: first ? `${first}-01` : undefined, fy: panels[0]?.name }),
    ],
  });
}

/** Inputs of {@link spreadDaysAboveView}: daily rates in pct. */
export interface SpreadDaysAboveInputs {
  sofrPct: readonly { date: string; value: number }[];
  effrPct: readonly { date: string; value: number }[];
  iorbPct: readonly { date: string; value: number }[];
}

/** The view the RMP notebook calls: monthly counts of SOFR > IORB and EFFR > IORB from `daysAboveFrom`. */
export function spreadDaysAboveView(
  inputs: SpreadDaysAboveInputs,
  params: { daysAboveFrom: string; daysAboveThresholdBp?: number },
) {
  const t = params.daysAboveThresholdBp ?? 0;
  const keep = <T extends { date: string }>(rows: T[]) => rows.filter((r) => r.date >= params.daysAboveFrom);
  const panels: DaysAbovePanel[] = [
    { name: "SOFR > IORB", months: daysAboveByMonth(keep(spreadBpDaily(inputs.sofrPct, inputs.iorbPct)), t) },
    { name: "EFFR > IORB", months: daysAboveByMonth(keep(spreadBpDaily(inputs.effrPct, inputs.iorbPct)), t) },
  ];
  const asOf = [inputs.sofrPct, inputs.effrPct, inputs.iorbPct].map((r) => r[r.length - 1]?.date ?? "").sort()[0];
  const events = QT_EVENTS.filter((e) => e.date >= params.daysAboveFrom).map((e) => ({ date: e.date, label: e.label }));
  return spreadDaysAboveChart(panels, { events, asOf, thresholdBp: t });
}
