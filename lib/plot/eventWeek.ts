/**
 * One market week in context: small panels (each with its own unit) of daily series around an event
 * window, the window shaded and each line's values at the window's two ends labelled.
 */
import { num } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { chartDefaults, hoverTips, sourceCaption, utcDate } from "./common.ts";
import { document } from "./document.ts";
import { panelFigure, panelWidth } from "./panels.ts";

/** One line of a panel: a name and daily observations in the panel's unit. */
export interface WeekLine {
  name: string;
  rows: readonly { date: string; value: number }[];
}

/** One panel: a heading, the axis unit ("pct", "bp", "index") and its lines. */
export interface WeekPanel {
  heading: string;
  unit: string;
  lines: readonly WeekLine[];
  /** d3 format of the end labels (default ".2f"). */
  format?: string;
}

export interface EventWeekChartOptions {
  /** First and last dates shown. */
  from: string;
  to: string;
  /** The event window (both ends are trading days of the series). */
  windowFrom: string;
  windowTo: string;
  title?: string;
  subtitle?: string;
  source?: string;
  asOf?: string;
  columns?: number;
  width?: number;
}

const defaults = {
  title: "The week the article describes",
  colors: ["#d62728", "#1f77b4", "#2ca02c", "#9467bd"],
  source:
    "Federal Reserve Board H.15 (DGS10, DGS2); ICE BofA US Corporate Index OAS (BAMLC0A0CM); S&P Dow Jones Indices (SP500); via FRED",
};

function fmt(value: number, format: string): string {
  const m = /^\.(\d)f$/.exec(format);
  return m ? value.toFixed(+m[1]) : value.toLocaleString("en-US", { maximumFractionDigits: 0 });
}

/** Panels of daily series from `from` to `to`, the window [windowFrom, windowTo] shaded and its end values labelled. */
export function eventWeekChart(panels: readonly WeekPanel[], options: EventWeekChartOptions) {
  const columns = options.columns ?? panels.length;
  const width = options.width ?? chartDefaults.width;
  const w = panelWidth(columns, width);
  const shade = [{ x1: utcDate(options.windowFrom), x2: utcDate(options.windowTo) }];
  const built = panels.map((p) => {
    const points = p.lines.flatMap((l) =>
      l.rows.filter((r) => r.date >= options.from && r.date <= options.to).map((r) => ({
        date: utcDate(r.date),
        iso: r.date,
        value: r.value,
        name: l.name,
      }))
    );
    const ends = points.filter((d) => d.iso === options.windowFrom || d.iso === options.windowTo);
    const names = p.lines.map((l) => l.name);
    const chart = Plot.plot({
      document,
      width: w,
      height: 250,
      marginLeft: 48,
      marginRight: 14,
      marginTop: 18,
      style: { fontFamily: chartDefaults.fontFamily, fontSize: "11px", background: "white", overflow: "visible" },
      x: { type: "utc", label: null, ticks: 4, tickFormat: "%b %d" },
      y: { label: p.unit, grid: true, nice: true, insetTop: 14, insetBottom: 6 },
      color: { domain: names, range: names.length > 1 ? defaults.colors.slice(0, names.length) : ["#333333"] },
      marks: [
        Plot.rect(shade, { x1: "x1", x2: "x2", fill: "#fbe7c6", fillOpacity: 0.7 }),
        Plot.lineY(points, { x: "date", y: "value", stroke: "name", strokeWidth: 1.6 }),
        Plot.dot(ends, { x: "date", y: "value", fill: "name", r: 3 }),
        hoverTips(points, {
          x: (d) => d.date,
          y: (d) => d.value,
          series: (d) => d.name,
          title: (d) => `${d.name}, ${d.iso}: ${num(d.value, 2)} ${p.unit}`,
        }),
        // Line names at the right end when a panel has more than one line (no legend needed).
        ...(names.length > 1
          ? [
            Plot.text(
              points,
              Plot.selectLast({
                x: "date",
                y: "value",
                z: "name",
                text: "name",
                fill: "name",
                dy: -8,
                textAnchor: "end",
                fontSize: 10.5,
              }),
            ),
          ]
          : []),
        Plot.text(ends, {
          x: "date",
          y: "value",
          text: (d: { value: number }) => fmt(d.value, p.format ?? ".2f"),
          dy: -9,
          fontSize: 10.5,
          fill: "#222",
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke",
        }),
      ],
    }) as unknown as Element;
    return { heading: `${p.heading} (${p.unit})`, chart };
  });
  const asOf = options.asOf ?? options.to;
  return panelFigure({
    title: options.title ?? defaults.title,
    subtitle: options.subtitle ??
      `Daily, ${options.from} to ${options.to}; shaded: ${options.windowFrom} to ${options.windowTo}, values at both ends labelled.`,
    caption: sourceCaption(
      options.source ?? defaults.source,
      asOf,
      "Trading days only (days with a published value); H.15 yields are constant-maturity daily yields, not intraday highs.",
    ),
    columns,
    width,
    panels: built,
  });
}
