/**
 * The event study's dispersion: for each series, the change at each horizon after each pivot (one dot per
 * pivot), with the cross-pivot mean drawn as a bar and labelled with n and the count that rose. One panel
 * per series, each in its own unit (% for indices, bp for yields and spreads).
 */
import { signed } from "../format.ts";
import * as Plot from "@observablehq/plot";
import type { EventStudyRow, HorizonSummary } from "../calc/eventStudy.ts";
import { render, sourceCaption } from "./common.ts";
import { type PanelPivot, type PanelSeries, pivotColours } from "./eventPaths.ts";
import { panelFigure, panelWidth } from "./panels.ts";

export interface EventHorizonsChartOptions {
  title: string;
  subtitle?: string;
  series: readonly PanelSeries[];
  pivots: readonly PanelPivot[];
  source: string;
  asOf: string;
  note?: string;
  columns?: number;
  height?: number;
}

const defaults = { columns: 2, height: 240 };

/** The y-axis label of a dispersion panel. */
function axisLabel(unit: PanelSeries["unit"]): string {
  return unit === "%"
    ? "change since pivot (%)"
    : unit === "bp"
    ? "change since pivot (bp)"
    : "change since pivot ($bn)";
}

/**
 * Dots per pivot at each horizon (spread sideways so they do not hide each other), the mean as a black
 * bar, and "mean, n, rose" under each horizon. Missing horizons (beyond the data) show no dot.
 */
export function eventHorizonsChart(
  rows: readonly EventStudyRow[],
  summary: readonly HorizonSummary[],
  options: EventHorizonsChartOptions,
) {
  const columns = options.columns ?? defaults.columns;
  const colours = pivotColours(options.pivots);
  const pivotIndex = new Map(options.pivots.map((p, i) => [p.id, i]));
  const labelOf = new Map(options.pivots.map((p) => [p.id, p.label]));
  const k = options.pivots.length;
  const offset = (i: number) => (k <= 1 ? 0 : ((i - (k - 1) / 2) / (k - 1)) * 0.6);
  const panels = options.series.map((s) => {
    const sums = summary.filter((x) => x.seriesId === s.seriesId);
    const horizons = sums.map((x) => x.horizonMonths);
    const pos = new Map(horizons.map((h, i) => [h, i]));
    const dots = rows
      .filter((r) => r.seriesId === s.seriesId && pivotIndex.has(r.pivotId))
      .flatMap((r) =>
        r.horizons
          .filter((h) => h.change !== undefined && pos.has(h.horizonMonths))
          .map((h) => ({
            x: pos.get(h.horizonMonths)! + offset(pivotIndex.get(r.pivotId)!),
            y: h.change!,
            pivot: labelOf.get(r.pivotId)!,
            tip: `${labelOf.get(r.pivotId)!}, +${h.horizonMonths} months: ${
              signed(h.change!, s.unit === "%" ? "pct" : s.unit === "bp" ? "bp" : "usdBn")
            }`,
          }))
      );
    const means = sums.filter((x) => x.mean !== undefined).map((x) => ({
      x1: pos.get(x.horizonMonths)! - 0.38,
      x2: pos.get(x.horizonMonths)! + 0.38,
      y: x.mean!,
    }));
    const fmt = (
      v: number | undefined,
    ) => (v === undefined
      ? "–"
      : `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(v).toFixed(s.unit === "%" ? 1 : 0)}${
        s.unit === "%" ? "%" : s.unit === "bp" ? "bp" : "bn"
      }`);
    const labels = sums.map((x) => ({
      x: pos.get(x.horizonMonths)!,
      text: `mean ${fmt(x.mean)}\nn=${x.n}, ${x.nPositive} rose`,
    }));
    return {
      heading: `${s.label}: ${axisLabel(s.unit)}`,
      chart: render({
        width: panelWidth(columns),
        height: options.height ?? defaults.height,
        marginLeft: 48,
        marginRight: 12,
        marginBottom: 48,
        x: {
          domain: [-0.5, horizons.length - 0.5],
          ticks: horizons.map((_, i) => i),
          tickFormat: (i: number) => `+${horizons[i]}m`,
          label: null,
        },
        y: { label: null, grid: true, tickFormat: "+,.0f" },
        color: { type: "ordinal", domain: colours.domain, range: colours.range },
        marks: [
          Plot.ruleY([0], { stroke: "#999" }),
          Plot.dot(dots, { x: "x", y: "y", fill: "pivot", r: 3.6, stroke: "white", strokeWidth: 0.8, title: "tip" }),
          Plot.link(means, { x1: "x1", x2: "x2", y1: "y", y2: "y", stroke: "#111", strokeWidth: 2.2 }),
          Plot.text(labels, {
            x: "x",
            text: "text",
            frameAnchor: "bottom",
            dy: 40,
            fontSize: 9.5,
            fill: "#333",
            lineHeight: 1.15,
          }),
        ],
      }),
    };
  });
  return panelFigure({
    title: options.title,
    subtitle: options.subtitle,
    caption: sourceCaption(options.source, options.asOf, options.note),
    panels,
    columns,
    legend: colours,
  });
}
