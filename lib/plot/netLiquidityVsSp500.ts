/**
 * Net liquidity (Fed total assets − TGA − ON RRP) against the S&P 500, both indexed to 100 at the first
 * week shown, with the correlations and their sample sizes in the caption.
 */
import { num } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import type { NetLiquidityIndexWeek, NetLiquidityRelation } from "../calc/netLiquidity.ts";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

/** Options of {@link netLiquidityVsSp500Chart}; dates are ISO. */
export interface NetLiquidityChartOptions {
  /** First and last week shown (ISO); the first shown week is the base (= 100). */
  from?: string;
  to?: string;
  /** Correlations to print in the caption (computed by netLiquidityRelation). */
  relation?: NetLiquidityRelation;
  /** Also draw total assets (WALCL) indexed the same way. */
  showTotalAssets?: boolean;
  events?: readonly Annotation[];
  title?: string;
  source?: string;
  width?: number;
}

const defaults = {
  title: "Net liquidity and the S&P 500",
  source:
    "Federal Reserve Board H.4.1 (WALCL, WTREGEN), New York Fed (RRPONTSYD), S&P Dow Jones Indices (SP500), via FRED",
};

const PALETTE: Record<string, string> = { "Net liquidity": "#1f5fa8", "Total assets": "#7f8c8d", "S&P 500": "#c0392b" };

/** r to two decimals with a sign. */
function r2(r: number): string {
  return `${r >= 0 ? "+" : "−"}${Math.abs(r).toFixed(2)}`;
}

/** The caption sentence stating the correlations with window and n, and what a levels correlation is worth. */
export function relationCaption(rel: NetLiquidityRelation): string {
  return (
    `Correlation of net liquidity with the S&P 500, ${rel.from} to ${rel.to}: levels r = ${
      r2(rel.levels.r)
    } (n = ${rel.levels.n} weeks); ` +
    `weekly log changes r = ${r2(rel.weekly.r)} (n = ${rel.weekly.n}); month-end log changes r = ${
      r2(rel.monthly.r)
    } (n = ${rel.monthly.n}). ` +
    "Two trending levels correlate whatever links them; only the changes test a link, and a correlation is not a cause."
  );
}

/**
 * Lines of net liquidity and the S&P 500 (and optionally total assets), each = 100 in the first week
 * shown. Net liquidity: WALCL Wednesday level − WTREGEN week average − ON RRP operation of the Wednesday
 * (or the last before it); S&P 500: the close on the Wednesday or the last before it.
 */
export function netLiquidityVsSp500Chart(
  weeks: readonly NetLiquidityIndexWeek[],
  options: NetLiquidityChartOptions = {},
) {
  const shown = weeks.filter((w) => (!options.from || w.date >= options.from) && (!options.to || w.date <= options.to));
  if (shown.length === 0) throw new Error("netLiquidityVsSp500Chart: no weeks in the window");
  const base = shown[0];
  const series: { name: string; get: (w: NetLiquidityIndexWeek) => number }[] = [
    { name: "Net liquidity", get: (w) => w.netLiquidityUsdBn },
    { name: "S&P 500", get: (w) => w.indexValue },
  ];
  if (options.showTotalAssets) series.splice(1, 0, { name: "Total assets", get: (w) => w.totalAssetsUsdBn });
  const points = series.flatMap((s) =>
    shown.map((w) => ({ date: utcDate(w.date), name: s.name, value: (100 * s.get(w)) / s.get(base) }))
  );
  const values = points.map((p) => p.value);
  const last = shown[shown.length - 1];
  const levels = `Levels on ${last.date}: net liquidity $${
    Math.round(last.netLiquidityUsdBn).toLocaleString("en-US")
  }bn (total assets $${Math.round(last.totalAssetsUsdBn).toLocaleString("en-US")}bn − TGA $${
    Math.round(last.tgaUsdBn).toLocaleString("en-US")
  }bn − ON RRP $${Math.round(last.onRrpUsdBn).toLocaleString("en-US")}bn); S&P 500 ${last.indexValue.toFixed(0)}.`;
  const extra = [
    options.relation ? relationCaption(options.relation) : "",
    levels,
    "TGA is a week average, total assets a Wednesday level, ON RRP the Wednesday's operation (or the last before it).",
  ]
    .filter(Boolean)
    .join(" ");
  return render({
    title: options.title ?? defaults.title,
    subtitle:
      `Weekly, indexed to 100 on ${base.date}. Net liquidity = Fed total assets − Treasury General Account − overnight reverse repo.`,
    caption: sourceCaption(options.source ?? defaults.source, last.date, extra),
    width: options.width ?? chartDefaults.width,
    marginTop: 30,
    marginRight: 100,
    x: { type: "utc", label: null },
    y: {
      label: `Index (${base.date} = 100)`,
      grid: true,
      domain: [Math.min(...values) * 0.97, Math.max(...values) * 1.12],
    },
    color: { legend: true, domain: series.map((s) => s.name), range: series.map((s) => PALETTE[s.name]) },
    marks: [
      Plot.ruleY([100], { stroke: "#bbb" }),
      ...eventMarks(options.events ?? [], { from: base.date, to: last.date }),
      Plot.lineY(points, { x: "date", y: "value", stroke: "name", strokeWidth: 1.6 }),
      hoverTips(points, {
        x: (d) => d.date,
        y: (d) => d.value,
        series: (d) => d.name,
        title: (d) => `${d.name}, week of ${isoDate(d.date)}: ${num(d.value, 1)} (${base.date} = 100)`,
      }),
      Plot.text(
        points,
        Plot.selectLast({
          x: "date",
          y: "value",
          z: "name",
          text: "name",
          fill: "name",
          dx: 4,
          textAnchor: "start",
          fontSize: 10,
        }),
      ),
    ],
  });
}
