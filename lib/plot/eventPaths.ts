/**
 * Event-study panels: each series around each pivot, one line per pivot, months since the pivot on the x
 * axis. Indices are rescaled to 100 at the pivot; yields and spreads are changes from the pivot in bp. One
 * panel per series, each with its own y scale; the pivot and the study's horizons are marked.
 */
import { fmt, signed } from "../format.ts";
import * as Plot from "@observablehq/plot";
import type { ChangeUnit, PathPoint } from "../calc/eventStudy.ts";
import { hoverTips, render, sourceCaption } from "./common.ts";
import { panelFigure, panelWidth } from "./panels.ts";

/** Colours for pivots in selection order (Tableau 10); the highlighted pivot is drawn in near-black. */
export const PIVOT_PALETTE = [
  "#4e79a7",
  "#f28e2c",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc949",
  "#af7aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ab",
];
export const HIGHLIGHT_COLOUR = "#111111";

/** A series shown on the panels: its id in the points, heading, and the unit of its changes. */
export interface PanelSeries {
  seriesId: string;
  label: string;
  unit: ChangeUnit;
}

/** A pivot shown: its id in the points and its legend label. */
export interface PanelPivot {
  id: string;
  label: string;
}

export interface EventPathsChartOptions {
  title: string;
  subtitle?: string;
  series: readonly PanelSeries[];
  pivots: readonly PanelPivot[];
  /** A pivot drawn on top in black (e.g. the out-of-sample one). */
  highlightId?: string;
  /** The months shown, [from, to] around the pivot. */
  windowMonths: readonly [number, number];
  /** Horizons (months) marked with light vertical rules. */
  horizonsMonths?: readonly number[];
  source: string;
  asOf: string;
  /** Extra caption text (e.g. what is missing). */
  note?: string;
  columns?: number;
  height?: number;
}

const defaults = { columns: 2, height: 250 };

/** The y-axis label of a panel for a change unit. */
export function pathAxisLabel(unit: ChangeUnit): string {
  return unit === "%" ? "index (pivot = 100)" : unit === "bp" ? "change since pivot (bp)" : "change since pivot ($bn)";
}

/** Colour of each pivot label: the palette in order, the highlighted pivot in black. */
export function pivotColours(
  pivots: readonly PanelPivot[],
  highlightId?: string,
): { domain: string[]; range: string[] } {
  let i = 0;
  return {
    domain: pivots.map((p) => p.label),
    range: pivots.map((p) => (p.id === highlightId ? HIGHLIGHT_COLOUR : PIVOT_PALETTE[i++ % PIVOT_PALETTE.length])),
  };
}

/** Small multiples of the paths around each pivot, one panel per series. */
export function eventPathsChart(points: readonly PathPoint[], options: EventPathsChartOptions) {
  const columns = options.columns ?? defaults.columns;
  const [from, to] = options.windowMonths;
  const colours = pivotColours(options.pivots, options.highlightId);
  const labelOf = new Map(options.pivots.map((p) => [p.id, p.label]));
  const horizons = (options.horizonsMonths ?? []).filter((h) => h >= from && h <= to);
  const panels = options.series.map((s) => {
    const mine = points.filter((p) => p.seriesId === s.seriesId && labelOf.has(p.pivotId)).map((p) => ({
      ...p,
      pivot: labelOf.get(p.pivotId)!,
    }));
    const base = mine.filter((p) => p.pivotId !== options.highlightId);
    const top = mine.filter((p) => p.pivotId === options.highlightId);
    const zero = s.unit === "%" ? 100 : 0;
    return {
      heading: `${s.label}: ${pathAxisLabel(s.unit)}`,
      chart: render({
        width: panelWidth(columns),
        height: options.height ?? defaults.height,
        marginLeft: 48,
        marginRight: 12,
        x: { domain: [from, to], label: "months since pivot", ticks: tickMonths(from, to) },
        y: { label: null, grid: true, tickFormat: s.unit === "%" ? ",.0f" : "+,.0f" },
        color: { type: "ordinal", domain: colours.domain, range: colours.range },
        marks: [
          Plot.ruleY([zero], { stroke: "#999" }),
          Plot.ruleX([0], { stroke: "#333", strokeDasharray: "3,3" }),
          Plot.ruleX(horizons, { stroke: "#ddd" }),
          Plot.lineY(base, {
            x: "monthsSincePivot",
            y: "value",
            z: "pivot",
            stroke: "pivot",
            strokeWidth: 1.3,
            strokeOpacity: 0.9,
          }),
          Plot.lineY(top, { x: "monthsSincePivot", y: "value", z: "pivot", stroke: "pivot", strokeWidth: 2.6 }),
          hoverTips(mine, {
            x: (d) => d.monthsSincePivot,
            y: (d) => d.value,
            series: (d) => d.pivot,
            title: (d) =>
              `${d.pivot}, ${d.date} (${fmt(d.monthsSincePivot, "months", { digits: 1 })} after): ${
                s.unit === "%"
                  ? `${fmt(d.value, "index")} (pivot = 100)`
                  : signed(d.value, s.unit === "bp" ? "bp" : "usdBn")
              }`,
          }),
          Plot.text(mine.length ? [] : ["no data for the selected pivots"], { frameAnchor: "middle", fill: "#777" }),
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

/** Ticks every 3 months across [from, to], always including 0. */
function tickMonths(from: number, to: number): number[] {
  const step = to - from > 24 ? 6 : 3;
  const out: number[] = [];
  for (let m = Math.ceil(from / step) * step; m <= to; m += step) out.push(m);
  if (!out.includes(0)) out.push(0);
  return out.sort((a, b) => a - b);
}
