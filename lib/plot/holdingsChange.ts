/**
 * What the Fed held after QT ended: the change since a base date, in $bn, of total assets, Treasuries and
 * MBS, weekly. Treasury bill purchases show up as rising Treasuries (bills cannot be told from coupons: the
 * SOMA bill series does not ship); MBS keep running off.
 */
import { signed } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import type { PathPoint } from "../calc/eventStudy.ts";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

export interface HoldingsChangeChartOptions {
  /** The base date (the QT end): changes are from the last observation on or before it. */
  baseDate: string;
  /** Line names by series id, in legend order. */
  names: Record<string, string>;
  to: string;
  events?: readonly Annotation[];
  source?: string;
  asOf: string;
  width?: number;
}

const defaults = {
  source: "Federal Reserve Board H.4.1 (WALCL, TREAST, WSHOMCB, Wednesday levels), via FRED",
};

/** Change since the base date in $bn, one line per holding (points from eventPaths with "$bn" units). */
export function holdingsChangeChart(points: readonly PathPoint[], options: HoldingsChangeChartOptions) {
  const names = Object.entries(options.names);
  const rows = points
    .filter((p) =>
      options.names[p.seriesId] !== undefined && p.date >= options.baseDate.slice(0, 8) + "01" && p.date <= options.to
    )
    .map((p) => ({ date: utcDate(p.date), value: p.value, name: options.names[p.seriesId] }));
  return render({
    title: `What the Fed held after QT ended: change since ${options.baseDate}`,
    subtitle: "Weekly, $bn, from the last Wednesday on or before the QT end.",
    caption: sourceCaption(
      options.source ?? defaults.source,
      options.asOf,
      "SOMA Treasury bill holdings (WSHOBL) do not ship: bills are inside Treasuries.",
    ),
    width: options.width ?? chartDefaults.width,
    height: 360,
    marginTop: 30,
    marginLeft: 56,
    marginRight: 80,
    x: { type: "utc", label: null },
    y: { label: "change since QT end ($bn)", grid: true, tickFormat: "+,.0f" },
    color: { domain: names.map(([, n]) => n), range: ["#1f4e79", "#59a14f", "#f28e2c"] },
    marks: [
      Plot.ruleY([0], { stroke: "#999" }),
      Plot.lineY(rows, { x: "date", y: "value", stroke: "name", strokeWidth: 1.8 }),
      hoverTips(rows, {
        x: (d) => d.date,
        y: (d) => d.value,
        series: (d) => d.name,
        title: (d) => `${d.name}, ${isoDate(d.date)}: ${signed(d.value, "usdBn")} since QT ended`,
      }),
      Plot.text(
        rows,
        Plot.selectLast({
          x: "date",
          y: "value",
          z: "name",
          text: "name",
          fill: "name",
          dx: 5,
          textAnchor: "start",
          fontSize: 10.5,
        }),
      ),
      ...eventMarks(options.events ?? [], { from: options.baseDate.slice(0, 8) + "01", to: options.to }),
    ],
  });
}
