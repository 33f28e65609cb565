/**
 * Total assets around the QT end, zoomed in: the weekly level, the article's "stable near" level with a
 * band around it, and the QT-end and reserve-management-purchase dates. Shows whether the balance sheet
 * sat near the level and what it did after.
 */
import { fmt } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import { type Annotation, chartDefaults, eventMarks, render, sourceCaption, utcDate } from "./common.ts";

export interface QtEndWindowChartOptions {
  from: string;
  to: string;
  /** The article's level ($bn) and the band around it (fraction, 0.02 = ±2%). */
  levelUsdBn: number;
  bandFrac: number;
  events?: readonly Annotation[];
  source?: string;
  asOf: string;
  width?: number;
}

const defaults = {
  source: "Federal Reserve Board H.4.1 (WALCL, Wednesday level), via FRED",
};

/** Weekly total assets ($bn) in [from, to] with the article's level ± band. */
export function qtEndWindowChart(rows: readonly { date: string; value: number }[], options: QtEndWindowChartOptions) {
  const points = rows.filter((r) => r.date >= options.from && r.date <= options.to).map((r) => ({
    date: utcDate(r.date),
    value: r.value,
  }));
  const lo = options.levelUsdBn * (1 - options.bandFrac);
  const hi = options.levelUsdBn * (1 + options.bandFrac);
  const x0 = utcDate(options.from);
  const x1 = points.length ? points[points.length - 1].date : utcDate(options.to);
  const pct = Number((options.bandFrac * 100).toFixed(2));
  return render({
    title: 'Total assets around the QT end, against the article\'s "stable near" level',
    subtitle: `Weekly, $bn. Shaded: $${options.levelUsdBn.toLocaleString("en-US")}bn ± ${pct}%.`,
    caption: sourceCaption(options.source ?? defaults.source, options.asOf),
    width: options.width ?? chartDefaults.width,
    height: 380,
    marginTop: 30,
    marginLeft: 60,
    x: { type: "utc", label: null, domain: [x0, utcDate(options.to)] },
    y: { label: "Total assets ($bn)", grid: true, tickFormat: ",.0f" },
    marks: [
      Plot.rect([{ x1: x0, x2: x1, y1: lo, y2: hi }], {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: "#c0392b",
        fillOpacity: 0.1,
      }),
      Plot.ruleY([options.levelUsdBn], { stroke: "#c0392b", strokeDasharray: "6,4" }),
      Plot.text([`article: $${options.levelUsdBn.toLocaleString("en-US")}bn`], {
        x: x0,
        y: options.levelUsdBn,
        textAnchor: "start",
        dx: 4,
        dy: -8,
        fill: "#c0392b",
        fontSize: 11,
      }),
      Plot.lineY(points, { x: "date", y: "value", stroke: "#1f4e79", strokeWidth: 1.8 }),
      Plot.dot(points, {
        x: "date",
        y: "value",
        r: 2,
        fill: "#1f4e79",
        title: (d: (typeof points)[number]) => `Total assets, week of ${isoDate(d.date)}: ${fmt(d.value, "usdBn")}`,
      }),
      ...eventMarks(options.events ?? [], { from: options.from, to: options.to }),
    ],
  });
}
