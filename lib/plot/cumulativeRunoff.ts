/**
 * Cumulative QT runoff since it began: the most the caps allowed, an illustrative scenario under the
 * caps, and what the Fed's Treasury and MBS holdings actually lost.
 */
import { addMonths, isoDate } from "../calendar.ts";
import { fmt } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

/** One line of the chart: a name and cumulative runoff by month ($bn, at the month's end). */
export interface CumulativeLine {
  name: string;
  rows: readonly { month: string; cumulativeUsdBn: number }[];
}

export interface CumulativeRunoffChartOptions {
  events?: readonly Annotation[];
  source?: string;
  asOf: string;
  /** Extra caption text (the scenario's assumptions). */
  note?: string;
  width?: number;
}

const defaults = {
  source: "Federal Reserve Board H.4.1 (TREAST, WSHOMCB), via FRED; caps: FOMC statements and implementation notes",
};

/**
 * Lines of cumulative runoff ($bn) plotted at the end of each month (the first of the next month), each
 * starting from 0 at the first month's start; end labels name the lines.
 */
export function cumulativeRunoffChart(lines: readonly CumulativeLine[], options: CumulativeRunoffChartOptions) {
  const points = lines.flatMap((l) => {
    if (l.rows.length === 0) return [];
    const start = { name: l.name, date: utcDate(`${l.rows[0].month}-01`), value: 0 };
    return [
      start,
      ...l.rows.map((r) => ({ name: l.name, date: utcDate(`${addMonths(r.month, 1)}-01`), value: r.cumulativeUsdBn })),
    ];
  });
  if (points.length === 0) throw new Error("cumulativeRunoffChart: no data");
  const from = points.reduce((a, b) => (b.date < a.date ? b : a)).date.toISOString().slice(0, 10);
  return render({
    title: "Cumulative QT runoff: the caps' ceiling, a scenario under the caps, and the holdings' actual fall",
    subtitle: "Treasuries + MBS, $bn since runoff began (June 2022).",
    caption: sourceCaption(options.source ?? defaults.source, options.asOf, options.note),
    width: options.width ?? chartDefaults.width,
    height: 440,
    marginLeft: 60,
    marginRight: 80,
    marginTop: 24,
    x: { type: "utc", label: null },
    y: { label: "Cumulative runoff ($bn)", grid: true, tickFormat: ",.0f" },
    color: { legend: true, domain: lines.map((l) => l.name), range: ["#111", "#59a14f", "#4e79a7", "#e15759"] },
    marks: [
      Plot.ruleY([0], { stroke: "#888" }),
      // The first line (the caps' ceiling) dashed, the others solid.
      Plot.line(points.filter((p) => p.name === lines[0]?.name), {
        x: "date",
        y: "value",
        stroke: "name",
        strokeWidth: 1.6,
        strokeDasharray: "5,3",
      }),
      Plot.line(points.filter((p) => p.name !== lines[0]?.name), {
        x: "date",
        y: "value",
        stroke: "name",
        strokeWidth: 1.8,
      }),
      hoverTips(points, {
        x: (d) => d.date,
        y: (d) => d.value,
        series: (d) => d.name,
        title: (d) => `${d.name}, to ${isoDate(d.date)}: ${fmt(d.value, "usdBn")}`,
      }),
      Plot.text(
        points,
        Plot.selectLast({
          x: "date",
          y: "value",
          z: "name",
          text: (d: { value: number }) => fmt(d.value, "usdBn"),
          fill: "name",
          dx: 5,
          textAnchor: "start",
          fontSize: 10,
        }),
      ),
      ...eventMarks(options.events ?? [], { from }),
    ],
  });
}
