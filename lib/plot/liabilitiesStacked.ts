/**
 * The Fed's liabilities stacked week by week: reserves, ON RRP, the TGA and the residual "currency +
 * other", which together add up to total assets (the identity of lib/calc/reserves.ts).
 */
import { fmt } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";
import type { LiabilityWeek } from "../calc/reserves.ts";

export interface LiabilitiesStackedChartOptions {
  /** First week shown (ISO). */
  from?: string;
  events?: readonly Annotation[];
  /** Shaded windows (e.g. debt-limit episodes), each with a label. */
  windows?: readonly { from: string; to: string; label: string }[];
  source?: string;
  width?: number;
}

const defaults = {
  from: "2019-01-01",
  source: "Federal Reserve Board H.4.1 (WALCL, WRESBAL, WTREGEN) and New York Fed (RRPONTSYD), via FRED",
};

/** Stack order, bottom to top, and colours. */
export const LIABILITY_LAYERS = ["Reserves", "ON RRP", "TGA", "Currency + other (residual)"] as const;
const LAYER_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#bab0ac"];
const headroom = 1.35;

/**
 * Stacked areas ($bn) of the four liability layers per week from `from`, with total assets as a line on
 * top (the stack reaches it exactly, by construction of the residual), shaded windows and events.
 */
export function liabilitiesStackedChart(weeks: readonly LiabilityWeek[], options: LiabilitiesStackedChartOptions = {}) {
  const from = options.from ?? defaults.from;
  const shown = weeks.filter((w) => w.date >= from);
  if (shown.length === 0) throw new Error(`liabilitiesStackedChart: no weeks from ${from}`);
  const layers = shown.flatMap((w) => {
    const values = [w.reservesUsdBn, w.onRrpUsdBn, w.tgaUsdBn, w.currencyAndOtherUsdBn];
    return LIABILITY_LAYERS.map((layer, i) => ({ date: utcDate(w.date), layer, value: values[i] }));
  });
  const assets = shown.map((w) => ({ date: utcDate(w.date), value: w.totalAssetsUsdBn }));
  const windows = (options.windows ?? []).map((w) => ({ x1: utcDate(w.from), x2: utcDate(w.to), label: w.label }));
  const asOf = shown[shown.length - 1].date;
  return render({
    title: "Where the Fed's assets are funded: reserves, ON RRP, the TGA and the rest",
    subtitle: "Liabilities stacked, weekly, $bn; the black line is total assets. Shaded: debt-limit episodes.",
    caption: sourceCaption(
      options.source ?? defaults.source,
      asOf,
      "Currency + other is the residual: total assets − reserves − ON RRP − TGA (weekly currency and the other liabilities do not ship). It also absorbs the mix of Wednesday levels (assets, ON RRP) and week averages (reserves, TGA).",
    ),
    width: options.width ?? chartDefaults.width,
    height: 500,
    marginTop: 24,
    marginLeft: 56,
    x: { type: "utc", label: null },
    // Headroom above the highest total assets for the event labels.
    y: {
      label: "$bn",
      grid: true,
      tickFormat: ",.0f",
      domain: [0, Math.max(...assets.map((a) => a.value)) * headroom],
    },
    color: { legend: true, domain: [...LIABILITY_LAYERS], range: LAYER_COLOURS },
    marks: [
      Plot.areaY(
        layers,
        Plot.stackY({ x: "date", y: "value", fill: "layer", order: [...LIABILITY_LAYERS], fillOpacity: 0.85 }),
      ),
      Plot.rectX(windows, { x1: "x1", x2: "x2", fill: "#000", fillOpacity: 0.1 }),
      Plot.line(assets, { x: "date", y: "value", stroke: "#111", strokeWidth: 1.4 }),
      hoverTips(shown, {
        x: (w) => utcDate(w.date),
        y: (w) => w.totalAssetsUsdBn,
        title: (w) =>
          `Week of ${w.date}: total assets ${fmt(w.totalAssetsUsdBn, "usdBn")}; reserves ${
            fmt(w.reservesUsdBn, "usdBn")
          }, ON RRP ${fmt(w.onRrpUsdBn, "usdBn")}, TGA ${fmt(w.tgaUsdBn, "usdBn")}, currency + other ${
            fmt(w.currencyAndOtherUsdBn, "usdBn")
          }`,
      }),
      Plot.text(windows, {
        x: (d: { x1: Date; x2: Date }) => new Date((d.x1.getTime() + d.x2.getTime()) / 2),
        text: "label",
        frameAnchor: "bottom",
        dy: -6,
        fontSize: 10,
        fill: "#222",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
      ...eventMarks(options.events ?? [], { from, to: asOf }),
    ],
  });
}
