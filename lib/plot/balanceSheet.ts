/**
 * The Fed's balance sheet since 2008: assets (total, Treasuries, MBS) over the liabilities that drain
 * reserves (reserves, ON RRP, TGA), with QT's events marked.
 */
import { fmt } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

/** One line of the chart: its name, panel and observations in $bn. */
export interface BalanceSheetLine {
  name: string;
  panel: "Assets" | "Liabilities";
  rows: readonly { date: string; value: number }[];
}

export interface BalanceSheetChartOptions {
  /** First date shown (ISO). */
  from?: string;
  /** Dated events to mark. */
  events?: readonly Annotation[];
  /** Source text for the caption. */
  source?: string;
  /** As-of date for the caption (default: the latest last observation of the lines). */
  asOf?: string;
  width?: number;
}

const defaults = {
  from: "2008-01-01",
  source:
    "Federal Reserve Board H.4.1 (WALCL, TREAST, WSHOMCB, WRESBAL, WTREGEN) and New York Fed (RRPONTSYD), via FRED",
};

/**
 * Two panels on one time axis: assets and the big liabilities, each in $bn. Weekly H.4.1 lines are
 * Wednesday levels (reserves and TGA: week averages); ON RRP is the daily operation total.
 */
export function balanceSheetChart(lines: readonly BalanceSheetLine[], options: BalanceSheetChartOptions = {}) {
  const from = options.from ?? defaults.from;
  const points = lines.flatMap((l) =>
    l.rows.filter((r) => r.date >= from).map((r) => ({
      date: utcDate(r.date),
      value: r.value,
      name: l.name,
      panel: l.panel,
    }))
  );
  const asOf = options.asOf ?? lines.map((l) => l.rows[l.rows.length - 1]?.date ?? "").sort().at(-1) ?? "";
  const events = options.events ?? [];
  return render({
    title: "The Fed's balance sheet: assets and the liabilities that drain reserves",
    subtitle: "Weekly, $bn. QT events marked.",
    caption: sourceCaption(
      options.source ?? defaults.source,
      asOf,
      "Reserves and TGA are week averages; other H.4.1 lines are Wednesday levels; ON RRP is the daily operation total.",
    ),
    width: options.width ?? chartDefaults.width,
    height: 620,
    marginRight: 110,
    marginTop: 30,
    x: { type: "utc", label: null },
    y: { label: "$bn", grid: true, tickFormat: ",.0f" },
    fy: { label: null, domain: ["Assets", "Liabilities"], padding: 0.12, axis: null },
    color: { legend: true, domain: lines.map((l) => l.name), scheme: "tableau10" },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.text(["Assets", "Liabilities"], {
        fy: (d: string) => d,
        text: (d: string) => d,
        frameAnchor: "top-left",
        dx: 6,
        dy: 6,
        fontWeight: 600,
        fontSize: 12,
      }),
      Plot.lineY(points, { x: "date", y: "value", stroke: "name", fy: "panel", strokeWidth: 1.4 }),
      hoverTips(points, {
        x: (d) => d.date,
        y: (d) => d.value,
        fy: (d) => d.panel,
        series: (d) => d.name,
        title: (d) => `${d.name}, ${isoDate(d.date)}: ${fmt(d.value, "usdBn")}`,
      }),
      ...eventMarks(events, { from, fy: "Assets" }),
      Plot.text(
        points,
        Plot.selectLast({
          x: "date",
          y: "value",
          z: "name",
          text: "name",
          fy: "panel",
          dx: 4,
          textAnchor: "start",
          fill: "name",
          fontSize: 10,
        }),
      ),
    ],
  });
}

/** The six lines of {@link balanceSheetChart} from the loaded weekly balance sheet ($bn). */
export function balanceSheetLines(b: {
  totalAssets: { rows: readonly { date: string; value: number }[] };
  treasuries: { rows: readonly { date: string; value: number }[] };
  mbs: { rows: readonly { date: string; value: number }[] };
  reserves: { rows: readonly { date: string; value: number }[] };
  onRrp: { rows: readonly { date: string; value: number }[] };
  tga: { rows: readonly { date: string; value: number }[] };
}): BalanceSheetLine[] {
  return [
    { name: "Total assets", panel: "Assets", rows: b.totalAssets.rows },
    { name: "Treasuries", panel: "Assets", rows: b.treasuries.rows },
    { name: "MBS", panel: "Assets", rows: b.mbs.rows },
    { name: "Reserves", panel: "Liabilities", rows: b.reserves.rows },
    { name: "ON RRP", panel: "Liabilities", rows: b.onRrp.rows },
    { name: "TGA", panel: "Liabilities", rows: b.tga.rows },
  ];
}
