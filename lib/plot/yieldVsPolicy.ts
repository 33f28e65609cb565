/**
 * The 10-year Treasury yield against the federal funds target range around a policy turning point,
 * with the peak and the FOMC meeting marked.
 */
import { fmt } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

/** A dated rate in pct. */
export interface RateRow {
  date: string;
  value: number;
}

/** Options of {@link yieldVsPolicyChart}: the window shown (ISO dates), events and the peak to label. */
export interface YieldVsPolicyChartOptions {
  from: string;
  to: string;
  /** Events to mark (e.g. the FOMC meeting, the article's date). */
  events?: readonly Annotation[];
  /** The peak to label (date and value in pct). */
  peak?: { date: string; value: number };
  source?: string;
  width?: number;
}

const defaults = {
  source:
    "Federal Reserve Board H.15 (DGS10, 10-year constant maturity) and FOMC target range (DFEDTARL, DFEDTARU), via FRED",
};

/**
 * The 10-year yield (daily, pct) as a line over the target range (band from lower to upper limit, pct),
 * between `from` and `to`, with events as dashed rules and the peak as a labelled dot.
 */
export function yieldVsPolicyChart(
  tenYear: readonly RateRow[],
  lower: readonly RateRow[],
  upper: readonly RateRow[],
  options: YieldVsPolicyChartOptions,
) {
  const inWindow = (r: RateRow) => r.date >= options.from && r.date <= options.to;
  const y = tenYear.filter(inWindow).map((r) => ({ date: utcDate(r.date), value: r.value }));
  const up = new Map(upper.filter(inWindow).map((r) => [r.date, r.value]));
  const band = lower.filter(inWindow).flatMap((
    r,
  ) => (up.has(r.date) ? [{ date: utcDate(r.date), lo: r.value, hi: up.get(r.date)! }] : []));
  if (y.length === 0 || band.length === 0) throw new Error("yieldVsPolicyChart: no data in the window");
  const asOf = tenYear.filter(inWindow).at(-1)!.date;
  const values = [...y.map((p) => p.value), ...band.map((b) => b.hi)];
  const peak = options.peak
    ? [{
      date: utcDate(options.peak.date),
      value: options.peak.value,
      label: `10-year peak ${options.peak.value.toFixed(2)}% (${options.peak.date})`,
    }]
    : [];
  const lastBand = band[band.length - 1];
  return render({
    title: "The 10-year Treasury yield against the policy rate",
    subtitle: "Daily, pct. Band: federal funds target range; line: 10-year constant-maturity yield.",
    caption: sourceCaption(options.source ?? defaults.source, asOf),
    width: options.width ?? chartDefaults.width,
    marginTop: 30,
    marginRight: 120,
    x: { type: "utc", label: null },
    y: {
      label: "pct",
      grid: true,
      domain: [Math.floor(Math.min(...values) * 2) / 2 - 0.25, Math.ceil(Math.max(...values) * 2) / 2 + 0.25],
    },
    marks: [
      Plot.areaY(band, { x: "date", y1: "lo", y2: "hi", fill: "#f0b27a", fillOpacity: 0.45 }),
      Plot.text([lastBand], {
        x: "date",
        y: "hi",
        text: () => `target range ${lastBand.lo.toFixed(2)}–${lastBand.hi.toFixed(2)}%`,
        dx: 4,
        dy: 6,
        textAnchor: "start",
        fontSize: 10,
        fill: "#a04000",
      }),
      ...eventMarks(options.events ?? [], { from: options.from, to: options.to, minGapDays: 3 }),
      Plot.lineY(y, { x: "date", y: "value", stroke: "#1f5fa8", strokeWidth: 1.8 }),
      hoverTips(y, {
        x: (d) => d.date,
        y: (d) => d.value,
        title: (d) => `10-year yield, ${isoDate(d.date)}: ${fmt(d.value, "pct", { digits: 2 })}`,
      }),
      hoverTips(band, {
        x: (d) => d.date,
        y: (d) => (d.lo + d.hi) / 2,
        title: (d) =>
          `Target range, ${isoDate(d.date)}: ${fmt(d.lo, "pct", { digits: 2 })} to ${fmt(d.hi, "pct", { digits: 2 })}`,
      }),
      Plot.text(y.slice(-1), {
        x: "date",
        y: "value",
        text: (d: { value: number }) => `10-year ${d.value.toFixed(2)}%`,
        dx: 4,
        textAnchor: "start",
        fontSize: 10,
        fill: "#1f5fa8",
      }),
      Plot.dot(peak, { x: "date", y: "value", r: 4, fill: "#c0392b" }),
      Plot.text(peak, {
        x: "date",
        y: "value",
        text: "label",
        dy: -10,
        textAnchor: "middle",
        fontSize: 11,
        fill: "#c0392b",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ],
  });
}
