/**
 * The policy rate around the QT end: the federal funds target range as a band, the effective rate as a
 * line, each change of the range labelled in bp, and the meeting the article expected a cut at marked.
 */
import { fmt } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import type { LevelChange } from "../calc/levelWindow.ts";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

export interface TargetRangeChartOptions {
  from: string;
  to: string;
  /** Changes of the range's upper limit (from levelChanges), labelled in bp. */
  changes: readonly LevelChange[];
  events?: readonly Annotation[];
  source?: string;
  asOf: string;
  width?: number;
}

const defaults = {
  source: "Federal Reserve Board (DFEDTARU, DFEDTARL, DFF), via FRED",
};

type Row = { date: string; value: number };

/** Target range (pct) as a step band with the effective rate, over [from, to]. */
export function targetRangeChart(
  upper: readonly Row[],
  lower: readonly Row[],
  effective: readonly Row[],
  options: TargetRangeChartOptions,
) {
  const inWin = (r: Row) => r.date >= options.from && r.date <= options.to;
  const lowerByDate = new Map(lower.filter(inWin).map((r) => [r.date, r.value]));
  const band = upper.filter(inWin).filter((r) => lowerByDate.has(r.date)).map((r) => ({
    date: utcDate(r.date),
    hi: r.value,
    lo: lowerByDate.get(r.date)!,
  }));
  const eff = effective.filter(inWin).map((r) => ({ date: utcDate(r.date), value: r.value }));
  const labels = options.changes
    .filter((c) => inWin(c.after))
    .map((c) => ({
      date: utcDate(c.after.date),
      value: c.after.value,
      text: `${c.change > 0 ? "+" : "−"}${Math.round(Math.abs(c.change) * 100)}bp`,
    }));
  return render({
    title: "The policy rate around the QT end",
    subtitle: "Federal funds target range (band) and effective rate (line), pct; each change of the range labelled.",
    caption: sourceCaption(
      options.source ?? defaults.source,
      options.asOf,
      "A cut decided at a meeting takes effect the next day.",
    ),
    width: options.width ?? chartDefaults.width,
    height: 340,
    marginTop: 30,
    x: { type: "utc", label: null, domain: [utcDate(options.from), utcDate(options.to)] },
    y: { label: "pct", grid: true, tickFormat: ".2f" },
    marks: [
      Plot.areaY(band, { x: "date", y1: "lo", y2: "hi", fill: "#4e79a7", fillOpacity: 0.22, curve: "step-after" }),
      Plot.lineY(eff, { x: "date", y: "value", stroke: "#1f4e79", strokeWidth: 1.4 }),
      hoverTips(eff, {
        x: (d) => d.date,
        y: (d) => d.value,
        title: (d) => `Effective rate, ${isoDate(d.date)}: ${fmt(d.value, "pct", { digits: 2 })}`,
      }),
      hoverTips(band, {
        x: (d) => d.date,
        y: (d) => d.hi,
        title: (d) =>
          `Target range, ${isoDate(d.date)}: ${fmt(d.lo, "pct", { digits: 2 })} to ${fmt(d.hi, "pct", { digits: 2 })}`,
      }),
      Plot.text(labels, {
        x: "date",
        y: "value",
        text: "text",
        dy: -14,
        dx: 4,
        textAnchor: "start",
        fontSize: 11,
        fontWeight: 600,
        fill: "#333",
      }),
      ...eventMarks(options.events ?? [], { from: options.from, to: options.to }),
    ],
  });
}
