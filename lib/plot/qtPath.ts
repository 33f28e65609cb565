/**
 * Total assets through QT against the article's figures: the weekly level with each figure the article
 * gives drawn as a dashed line, the weeks when total assets stood near a figure marked as dots, and QT's
 * events annotated. Shows where "shrank from about $7,400bn" sits on the real path.
 */
import { fmt } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

/** A horizontal reference: a level in $bn and its label. */
export interface LevelReference {
  valueUsdBn: number;
  label: string;
}

export interface QtPathChartOptions {
  /** First date shown (ISO). */
  from: string;
  references: readonly LevelReference[];
  /** Observations to mark as dots (e.g. weeks within 1% of a reference). */
  marked?: readonly { date: string; value: number }[];
  /** Legend text of the marked dots. */
  markedLabel?: string;
  events?: readonly Annotation[];
  source?: string;
  asOf: string;
  width?: number;
}

const defaults = {
  source: "Federal Reserve Board H.4.1 (WALCL, Wednesday level), via FRED",
};

/** Weekly total assets ($bn) from `from`, with the article's levels and QT's events. */
export function qtPathChart(rows: readonly { date: string; value: number }[], options: QtPathChartOptions) {
  const points = rows.filter((r) => r.date >= options.from).map((r) => ({ date: utcDate(r.date), value: r.value }));
  const marked = (options.marked ?? []).filter((r) => r.date >= options.from).map((r) => ({
    date: utcDate(r.date),
    value: r.value,
  }));
  // Labels sit at the right edge, above a level the line ends below and below one it ends above, so the
  // line's last stretch never runs through them.
  const lastValue = points[points.length - 1]?.value ?? 0;
  const refs = options.references.map((r) => ({
    ...r,
    text: `${r.label}: $${r.valueUsdBn.toLocaleString("en-US")}bn`,
    dy: lastValue < r.valueUsdBn ? -8 : 12,
  }));
  return render({
    title: "Fed total assets through QT, against the article's figures",
    subtitle:
      "Weekly, $bn. Dashed: the article's levels; dots: the weeks total assets stood at about the first of them.",
    caption: sourceCaption(options.source ?? defaults.source, options.asOf, options.markedLabel),
    width: options.width ?? chartDefaults.width,
    height: 440,
    marginTop: 30,
    marginLeft: 60,
    marginRight: 20,
    x: { type: "utc", label: null },
    y: { label: "Total assets ($bn)", grid: true, tickFormat: ",.0f" },
    marks: [
      Plot.ruleY(refs, { y: "valueUsdBn", stroke: "#c0392b", strokeDasharray: "6,4", strokeWidth: 1.2 }),
      ...refs.map((r) =>
        Plot.text([r], {
          y: "valueUsdBn",
          text: "text",
          frameAnchor: "right",
          textAnchor: "end",
          dx: -4,
          dy: r.dy,
          fill: "#c0392b",
          fontSize: 11,
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke",
        })
      ),
      Plot.lineY(points, { x: "date", y: "value", stroke: "#1f4e79", strokeWidth: 1.6 }),
      Plot.dot(marked, { x: "date", y: "value", r: 3.2, fill: "#c0392b", stroke: "white", strokeWidth: 0.7 }),
      hoverTips(points, {
        x: (d) => d.date,
        y: (d) => d.value,
        title: (d) => `Total assets, week of ${isoDate(d.date)}: ${fmt(d.value, "usdBn")}`,
      }),
      ...eventMarks(options.events ?? [], { from: options.from }),
    ],
  });
}
