/**
 * The pivot event study, one panel per measure (a stock index on daily closes at trading-day horizons, or
 * monthly averages at month horizons, never in one panel): the % change at each horizon after each pivot
 * (one dot per pivot; a hollow ring for a pivot merged into an earlier episode, which no count includes),
 * the mean over the counted pivots as a bar, and under each horizon "up k of n" with its denominator.
 */
import * as Plot from "@observablehq/plot";
import { signed } from "../format.ts";
import { render, sourceCaption } from "./common.ts";
import { type PanelPivot, pivotColours } from "./eventPaths.ts";
import { panelFigure, panelWidth } from "./panels.ts";

/** One measure as the chart reads it. */
export interface HorizonsPanel {
  label: string;
  /** "trading days" → "+126d"; "months" → "+6m". */
  horizonUnit: "trading days" | "months";
  horizons: readonly number[];
  windows: readonly { pivotId: string; horizons: readonly { horizonDays: number; changePct: number | undefined }[] }[];
  summary: readonly { horizonDays: number; n: number; nUp: number; mean: number | undefined }[];
}

export interface PivotHorizonsOptions {
  title: string;
  subtitle?: string;
  pivots: readonly PanelPivot[];
  /** Pivots no count includes (merged into an earlier episode). */
  mergedPivotIds: readonly string[];
  source: string;
  asOf: string;
  note?: string;
  columns?: number;
  height?: number;
}

/** Dots per pivot at each horizon, the mean as a black bar, "up k of n" under each horizon. */
export function pivotHorizonsChart(panels: readonly HorizonsPanel[], options: PivotHorizonsOptions) {
  const columns = options.columns ?? Math.min(3, panels.length);
  const colours = pivotColours(options.pivots);
  const pivotIndex = new Map(options.pivots.map((p, i) => [p.id, i]));
  const labelOf = new Map(options.pivots.map((p) => [p.id, p.label]));
  const merged = new Set(options.mergedPivotIds);
  const k = options.pivots.length;
  const offset = (i: number) => (k <= 1 ? 0 : ((i - (k - 1) / 2) / (k - 1)) * 0.6);
  const figures = panels.map((m) => {
    const pos = new Map(m.horizons.map((h, i) => [h, i]));
    const dots = m.windows
      .filter((w) => pivotIndex.has(w.pivotId))
      .flatMap((w) =>
        w.horizons
          .filter((h) => h.changePct !== undefined && pos.has(h.horizonDays))
          .map((h) => ({
            x: pos.get(h.horizonDays)! + offset(pivotIndex.get(w.pivotId)!),
            y: h.changePct!,
            pivot: labelOf.get(w.pivotId)!,
            merged: merged.has(w.pivotId),
            tip: `${labelOf.get(w.pivotId)!}, +${h.horizonDays}${
              m.horizonUnit === "months" ? " months" : " trading days"
            }: ${signed(h.changePct!, "pct")}`,
          }))
      );
    const means = m.summary.filter((s) => s.mean !== undefined).map((s) => ({
      x1: pos.get(s.horizonDays)! - 0.38,
      x2: pos.get(s.horizonDays)! + 0.38,
      y: s.mean!,
    }));
    const labels = m.summary.map((s) => ({
      x: pos.get(s.horizonDays)!,
      text: `mean ${s.mean === undefined ? "–" : signed(s.mean, "pct")}\nup ${s.nUp} of ${s.n}`,
    }));
    const suffix = m.horizonUnit === "months" ? "m" : "d";
    return {
      heading: `${m.label}: change since the pivot (%)`,
      chart: render({
        width: panelWidth(columns),
        height: options.height ?? 240,
        marginLeft: 48,
        marginRight: 12,
        marginBottom: 48,
        x: {
          domain: [-0.5, m.horizons.length - 0.5],
          ticks: m.horizons.map((_, i) => i),
          tickFormat: (i: number) => `+${m.horizons[i]}${suffix}`,
          label: null,
        },
        y: { label: null, grid: true, tickFormat: "+,.0f" },
        color: { type: "ordinal", domain: colours.domain, range: colours.range },
        marks: [
          Plot.ruleY([0], { stroke: "#999" }),
          Plot.dot(dots.filter((d) => !d.merged), {
            x: "x",
            y: "y",
            fill: "pivot",
            r: 3.6,
            stroke: "white",
            title: "tip",
          }),
          Plot.dot(dots.filter((d) => d.merged), {
            x: "x",
            y: "y",
            stroke: "pivot",
            r: 3.6,
            strokeWidth: 1.4,
            title: "tip",
          }),
          Plot.link(means, { x1: "x1", x2: "x2", y1: "y", y2: "y", stroke: "#111", strokeWidth: 2.2 }),
          Plot.text(labels, { x: "x", text: "text", frameAnchor: "bottom", dy: 40, fontSize: 9.5, fill: "#333" }),
        ],
      }),
    };
  });
  return panelFigure({
    title: options.title,
    subtitle: options.subtitle,
    caption: sourceCaption(options.source, options.asOf, options.note),
    panels: figures,
    columns,
    legend: colours,
  });
}
