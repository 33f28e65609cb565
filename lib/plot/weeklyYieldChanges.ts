/**
 * The history of weekly changes of a yield, in bp, with one week highlighted and ranked against all the
 * others: does "the largest weekly rise in 20 years" hold?
 */
import { daysBetween, isoDate } from "../calendar.ts";
import { signed } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { chartDefaults, render, sourceCaption, utcDate } from "./common.ts";

/** One weekly change: the week's end date and the change in bp. */
export interface WeeklyChangeRow {
  fromDate: string;
  toDate: string;
  changeBp: number;
}

export interface WeeklyChangesChartOptions {
  /** The week to highlight (its end date). */
  highlightToDate: string;
  /** Its rank among all weeks shown (1 = largest rise) and the count, from lib/calc/eventWindow.ts. */
  rank: number;
  count: number;
  /** Other weeks to label, in order of priority (e.g. the largest rises); one within `labelGapDays` of a kept label is skipped. */
  labelToDates?: readonly string[];
  /** Minimum days between two labelled weeks (default 365) so labels do not print over each other. */
  labelGapDays?: number;
  seriesLabel?: string;
  source?: string;
  asOf?: string;
  width?: number;
}

const defaults = {
  seriesLabel: "10-year Treasury yield",
  source: "Federal Reserve Board H.15 (DGS10), via FRED",
};

/**
 * One thin bar per week (Friday to Friday change, bp), the highlighted week red with its rank, the other
 * labelled weeks dark, and a dashed line at the highlighted week's level.
 */
export function weeklyChangesChart(rows: readonly WeeklyChangeRow[], options: WeeklyChangesChartOptions) {
  const seriesLabel = options.seriesLabel ?? defaults.seriesLabel;
  const hi = rows.find((r) => r.toDate === options.highlightToDate);
  if (!hi) throw new Error(`weeklyChangesChart: no week ends on ${options.highlightToDate}`);
  const gapDays = options.labelGapDays ?? 365;
  const kept: string[] = [];
  for (const d of options.labelToDates ?? []) {
    if (d === hi.toDate) continue;
    if ([hi.toDate, ...kept].every((k) => Math.abs(daysBetween(k, d)) >= gapDays)) kept.push(d);
  }
  const labelled = new Set(kept);
  const points = rows.map((r) => ({
    date: utcDate(r.toDate),
    bp: r.changeBp,
    kind: r.toDate === hi.toDate ? "highlight" : labelled.has(r.toDate) ? "labelled" : "other",
  }));
  const others = rows.filter((r) => labelled.has(r.toDate)).map((r) => ({
    date: utcDate(r.toDate),
    bp: r.changeBp,
    label: `${r.toDate.slice(0, 7)} ${r.changeBp >= 0 ? "+" : ""}${Math.round(r.changeBp)}`,
  }));
  const first = rows[0]?.toDate ?? "";
  const asOf = options.asOf ?? rows[rows.length - 1]?.toDate ?? "";
  const hiLabel = `${hi.fromDate} → ${hi.toDate}: ${hi.changeBp >= 0 ? "+" : ""}${
    Math.round(hi.changeBp)
  }bp, rank ${options.rank} of ${options.count.toLocaleString("en-US")}`;
  return render({
    title: `Weekly changes of the ${seriesLabel}, ${first.slice(0, 4)}–${asOf.slice(0, 4)}`,
    subtitle: `Friday-to-Friday change, bp (last trading day of each week). Red: ${hiLabel} (rank 1 = largest rise).`,
    caption: sourceCaption(
      options.source ?? defaults.source,
      asOf,
      "Weeks are Monday–Sunday; a week whose Friday is a holiday ends on Thursday. Labels: the largest other rises.",
    ),
    width: options.width ?? chartDefaults.width,
    height: 380,
    marginRight: 20,
    marginTop: 24,
    x: { type: "utc", label: null },
    y: { label: "bp", grid: true, tickFormat: "+,.0f" },
    color: { domain: ["other", "labelled", "highlight"], range: ["#9bb7d4", "#333333", "#d62728"] },
    marks: [
      Plot.ruleY([0], { stroke: "#777" }),
      Plot.ruleY([hi.changeBp], { stroke: "#d62728", strokeDasharray: "4,3", strokeWidth: 1 }),
      Plot.ruleX(points, {
        x: "date",
        y1: 0,
        y2: "bp",
        stroke: "kind",
        strokeWidth: (d: { kind: string }) => (d.kind === "other" ? 1 : 2),
        title: (d: (typeof points)[number]) => `Week to ${isoDate(d.date)}: ${signed(d.bp, "bp")}`,
      }),
      Plot.text(others, {
        x: "date",
        y: "bp",
        text: "label",
        dy: -7,
        fontSize: 10,
        fill: "#333",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
      Plot.dot([{ date: utcDate(hi.toDate), bp: hi.changeBp }], { x: "date", y: "bp", fill: "#d62728", r: 4 }),
      Plot.text([{ date: utcDate(hi.toDate), bp: hi.changeBp }], {
        x: "date",
        y: "bp",
        text: () => hiLabel,
        dx: -8,
        dy: -10,
        textAnchor: "end",
        fontSize: 11,
        fontWeight: 600,
        fill: "#d62728",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ],
  });
}
