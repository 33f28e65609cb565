/**
 * The Fed's total assets as a share of nominal GDP, quarter by quarter, with the quarters an argument
 * compares marked (e.g. pre-COVID and "now").
 */
import { fmt } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

/** One quarter of the ratio: first day of the quarter (ISO) and assets / GDP SAAR as a fraction. */
export interface GdpShareRow {
  quarter: string;
  shareFrac: number;
}

/** Options of {@link balanceSheetToGdpChart}; dates are ISO, the caption's source and as-of text default to the data's. */
export interface BalanceSheetToGdpChartOptions {
  /** First quarter shown (ISO). */
  from?: string;
  /** Dated events to mark with rules. */
  events?: readonly Annotation[];
  /** Quarters to mark with a dot and a label (dated on the quarter's first day). */
  highlights?: readonly Annotation[];
  /** How assets enter: "quarter-average" or "quarter-end" (shown in the subtitle). */
  basis?: string;
  source?: string;
  asOf?: string;
  width?: number;
}

const defaults = {
  from: "2008-01-01",
  basis: "quarter-average",
  source: "Federal Reserve Board H.4.1 (WALCL) and BEA (GDP, SAAR), via FRED",
};

/**
 * Line of total assets / nominal GDP (SAAR) in percent, quarterly, with events as rules and highlighted
 * quarters as labelled dots. Input shares are fractions; the axis shows percent.
 */
export function balanceSheetToGdpChart(rows: readonly GdpShareRow[], options: BalanceSheetToGdpChartOptions = {}) {
  const from = options.from ?? defaults.from;
  const points = rows.filter((r) => r.quarter >= from).map((r) => ({
    date: utcDate(r.quarter),
    sharePct: r.shareFrac * 100,
    quarter: r.quarter,
  }));
  const asOf = options.asOf ?? `the quarter of ${rows[rows.length - 1]?.quarter ?? ""}`;
  const byQuarter = new Map(points.map((p) => [p.quarter, p]));
  const marked = (options.highlights ?? [])
    .map((h) => ({ ...h, point: byQuarter.get(h.date) }))
    .filter((h) => h.point !== undefined)
    .map((h) => ({
      date: h.point!.date,
      sharePct: h.point!.sharePct,
      label: `${h.label}: ${fmt(h.point!.sharePct, "pct")}`,
    }));
  return render({
    title: "The Fed's balance sheet as a share of the economy",
    subtitle: `Total assets (${
      options.basis ?? defaults.basis
    } of Wednesday levels) over nominal GDP at an annual rate, % per quarter.`,
    caption: sourceCaption(
      options.source ?? defaults.source,
      asOf,
      "Quarters dated on their first day, as BEA dates GDP.",
    ),
    width: options.width ?? chartDefaults.width,
    marginTop: 30,
    marginRight: 30,
    x: { type: "utc", label: null },
    y: {
      label: "Total assets, % of nominal GDP",
      grid: true,
      domain: [0, Math.max(40, ...points.map((p) => p.sharePct)) * 1.4],
    },
    marks: [
      Plot.lineY(points, { x: "date", y: "sharePct", stroke: "#1f5fa8", strokeWidth: 1.8 }),
      hoverTips(points, {
        x: (d) => d.date,
        y: (d) => d.sharePct,
        title: (d) => `Total assets, ${isoDate(d.date)}: ${fmt(d.sharePct, "pctOfGdp")}`,
      }),
      ...eventMarks(options.events ?? [], { from }),
      Plot.dot(marked, { x: "date", y: "sharePct", r: 4, fill: "#c0392b" }),
      Plot.text(marked, {
        x: "date",
        y: "sharePct",
        text: "label",
        dx: -6,
        dy: 14,
        textAnchor: "end",
        fontSize: 11,
        fill: "#c0392b",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ],
  });
}
