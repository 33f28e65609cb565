/**
 * Reserves, the TGA and ON RRP through the debt-limit episodes of the QT years, as changes since the
 * limit took hold, one panel per episode on a common "weeks since" axis.
 */
import { signed } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { chartDefaults, hoverTips, render, sourceCaption } from "./common.ts";
import type { EpisodePoint } from "../calc/debtCeiling.ts";

/** A dated marker inside an episode's panel, on the weeks-since axis. */
export interface EpisodeMarker {
  episode: string;
  week: number;
  label: string;
}

export interface DebtLimitEpisodesChartOptions {
  /** Panel heading per episode id (e.g. "2023: limit reached 2023-01-19"). */
  headings?: Record<string, string>;
  /** Markers: the limit's start (week 0), its end, the TGA's peak … */
  markers?: readonly EpisodeMarker[];
  /** Shaded span per episode (weeks from, to) while the limit bound. */
  spans?: readonly { episode: string; from: number; to: number }[];
  source?: string;
  asOf: string;
  width?: number;
}

const defaults = {
  source:
    "Federal Reserve Board H.4.1 (WRESBAL, WTREGEN: week averages) and New York Fed (RRPONTSYD, on the Wednesday), via FRED; debt-limit dates: Treasury letters to Congress, Pub. L. 118-5 and 119-21",
};

export const EPISODE_SERIES = ["Reserves", "TGA", "ON RRP"] as const;
const SERIES_COLOURS = ["#4e79a7", "#59a14f", "#f28e2b"];

/**
 * One panel per episode: weekly change since the limit took hold ($bn) of reserves, TGA and ON RRP
 * against weeks since then; the binding window shaded and markers labelled.
 */
export function debtLimitEpisodesChart(points: readonly EpisodePoint[], options: DebtLimitEpisodesChartOptions) {
  if (points.length === 0) throw new Error("debtLimitEpisodesChart: no data");
  const episodes = [...new Set(points.map((p) => p.episode))];
  const heading = (id: string) => options.headings?.[id] ?? id;
  const data = points.map((p) => ({ ...p, panel: heading(p.episode) }));
  const markers = (options.markers ?? []).map((m) => ({ ...m, panel: heading(m.episode) }));
  const spans = (options.spans ?? []).map((s) => ({ ...s, panel: heading(s.episode) }));
  return render({
    title: "Debt-limit episodes: reserves, the TGA and ON RRP since the limit took hold",
    subtitle: "Change since the week the debt limit took hold, $bn, weekly. Shaded: the limit binding.",
    caption: sourceCaption(options.source ?? defaults.source, options.asOf),
    width: options.width ?? chartDefaults.width,
    height: 440,
    marginTop: 40,
    marginRight: 16,
    marginLeft: 56,
    x: { label: "Weeks since the debt limit took hold", grid: true },
    y: { label: "Change since then ($bn)", grid: true, tickFormat: "+,.0f" },
    fx: { label: null, domain: episodes.map(heading), padding: 0.08 },
    color: { legend: true, domain: [...EPISODE_SERIES], range: SERIES_COLOURS },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.rectX(spans, { x1: "from", x2: "to", fx: "panel", fill: "#000", fillOpacity: 0.07 }),
      Plot.ruleY([0], { stroke: "#888" }),
      Plot.line(data, { x: "week", y: "changeUsdBn", stroke: "series", fx: "panel", strokeWidth: 1.7 }),
      hoverTips(data, {
        x: (d) => d.week,
        y: (d) => d.changeUsdBn,
        fx: (d) => d.panel,
        series: (d) => `${d.panel} ${d.series}`,
        title: (d) =>
          `${d.series}, week ${d.week} (${d.date}): ${signed(d.changeUsdBn, "usdBn")} since the limit took hold`,
      }),
      Plot.ruleX(markers, { x: "week", fx: "panel", stroke: "#666", strokeDasharray: "3,3" }),
      Plot.text(markers, {
        x: "week",
        fx: "panel",
        text: "label",
        frameAnchor: "top",
        rotate: -90,
        textAnchor: "end",
        dx: -3,
        dy: 4,
        fontSize: 10,
        fill: "#333",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ],
  });
}
