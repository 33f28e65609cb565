/**
 * Scenarios of foreign selling: the yield rise each published elasticity implies for sales of a given
 * size, and the Fed purchases that would offset it under a QE elasticity.
 */
import { fmt, range } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { chartDefaults, sourceCaption } from "./common.ts";
import { document } from "./document.ts";
import { panelFigure, panelWidth } from "./panels.ts";

/** One scenario row (see lib/calc/yieldImpact.ts impactScenarios). */
export interface ScenarioRow {
  saleUsdBn: number;
  model: string;
  tenor: string;
  yieldRiseBp: { low: number; high: number };
  fedOffsetUsdBn: { low: number; high: number };
}

/** A horizontal reference on the purchases panel ($bn), e.g. the Fed's Treasury holdings. */
export interface ScenarioReference {
  label: string;
  valueUsdBn: number;
}

export interface ImpactScenariosChartOptions {
  /** The QE elasticity the offsets assume, for the subtitle (bp per $600bn). */
  qeBpPer600Bn: { low: number; high: number };
  references?: readonly ScenarioReference[];
  /** Source text and as-of date of the inputs (GDP for Warnock's % of GDP). */
  source?: string;
  asOf: string;
  width?: number;
}

const defaults = {
  colors: ["#d62728", "#ff9896", "#1f77b4"],
  source:
    "qtlab calculation from Beltran, Kretchmer, Marquez & Thomas (2013, JIMF); Warnock & Warnock (2009, JIMF); Williams (2013, FRBSF); GDP from BEA via FRED",
};

/**
 * Two panels over the sale size ($bn): the yield rise (bp) per model as a low–high range (a point for a
 * point estimate), and the offsetting Fed purchases ($bn, log scale) as ranges, with references.
 */
export function impactScenariosChart(rows: readonly ScenarioRow[], options: ImpactScenariosChartOptions) {
  const width = options.width ?? chartDefaults.width;
  const w = panelWidth(2, width);
  const models = [...new Set(rows.map((r) => r.model))];
  const sales = [...new Set(rows.map((r) => r.saleUsdBn))].sort((a, b) => a - b);
  const step = sales.length > 1
    ? Math.min(...sales.slice(1).map((s, i) => s - sales[i]))
    : Math.max(1, sales[0] ?? 100);
  const offset = (m: string) => (models.indexOf(m) - (models.length - 1) / 2) * step * 0.18;
  const pts = rows.map((r) => ({ ...r, x: r.saleUsdBn + offset(r.model), label: `${r.model} (${r.tenor})` }));
  const labels = models.map((m) => `${m} (${rows.find((r) => r.model === m)?.tenor})`);
  const color = { domain: labels, range: defaults.colors.slice(0, labels.length) };
  const common = {
    document,
    width: w,
    height: 320,
    marginLeft: 56,
    marginRight: 12,
    marginTop: 20,
    style: { fontFamily: chartDefaults.fontFamily, fontSize: "11px", background: "white", overflow: "visible" },
    x: {
      label: "Foreign sale ($bn)",
      ticks: sales,
      tickFormat: ",.0f",
      domain: [Math.max(0, sales[0] - step * 0.6), sales[sales.length - 1] + step * 0.6],
    },
    color,
  };
  const rise = Plot.plot({
    ...common,
    y: { label: "Yield rise (bp)", grid: true, zero: true },
    marks: [
      Plot.ruleY([0], { stroke: "#777" }),
      Plot.ruleX(pts, {
        x: "x",
        y1: (d: ScenarioRow) => d.yieldRiseBp.low,
        y2: (d: ScenarioRow) => d.yieldRiseBp.high,
        stroke: "label",
        strokeWidth: 6,
      }),
      Plot.dot(pts, {
        x: "x",
        y: (d: ScenarioRow) => (d.yieldRiseBp.low + d.yieldRiseBp.high) / 2,
        fill: "label",
        r: 3.5,
        stroke: "white",
        title: (d: ScenarioRow) =>
          `${d.model} (${d.tenor}), a ${fmt(d.saleUsdBn, "usdBn")} sale: yields ${
            range(d.yieldRiseBp.low, d.yieldRiseBp.high, "bp")
          } higher`,
      }),
    ],
  }) as unknown as Element;
  const refs = options.references ?? [];
  const purchases = Plot.plot({
    ...common,
    y: { label: "Fed purchases to offset ($bn, log scale)", type: "log", grid: true, tickFormat: ",.0f" },
    marks: [
      Plot.ruleY(refs, { y: "valueUsdBn", stroke: "#555", strokeDasharray: "4,3" }),
      Plot.text(refs, {
        y: "valueUsdBn",
        text: "label",
        frameAnchor: "left",
        dx: 4,
        dy: -7,
        fontSize: 10,
        fill: "#333",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
      Plot.line(sales.map((s) => ({ x: s, y: s })), { x: "x", y: "y", stroke: "#999", strokeDasharray: "2,3" }),
      Plot.text([{ x: sales[sales.length - 1], y: sales[sales.length - 1] }], {
        x: "x",
        y: "y",
        text: () => "= sale",
        dy: 10,
        fontSize: 10,
        fill: "#777",
      }),
      Plot.ruleX(pts, {
        x: "x",
        y1: (d: ScenarioRow) => d.fedOffsetUsdBn.low,
        y2: (d: ScenarioRow) => d.fedOffsetUsdBn.high,
        stroke: "label",
        strokeWidth: 6,
      }),
      Plot.dot(pts, {
        x: "x",
        y: (d: ScenarioRow) => Math.sqrt(d.fedOffsetUsdBn.low * d.fedOffsetUsdBn.high),
        fill: "label",
        r: 3.5,
        stroke: "white",
        title: (d: ScenarioRow) =>
          `${d.model} (${d.tenor}), a ${fmt(d.saleUsdBn, "usdBn")} sale: ${
            range(d.fedOffsetUsdBn.low, d.fedOffsetUsdBn.high, "usdBn")
          } of purchases to offset (illustration of scale)`,
      }),
    ],
  }) as unknown as Element;
  const qe = options.qeBpPer600Bn;
  return panelFigure({
    title:
      "What foreign selling would do to yields, and, for scale only, purchases of a size that would move yields back",
    subtitle:
      `Published elasticities scaled linearly to each sale size. Right: the rise divided by a QE stock elasticity of ${qe.low}–${qe.high}bp per $600bn, an illustration of scale, not an estimate. Bars: low–high range; dots: mid.`,
    caption: sourceCaption(
      options.source ?? defaults.source,
      options.asOf,
      "Not like for like: Beltran et al. measure a flow (a one-month shortfall of foreign official inflows) on the 5-year yield in the short run, Williams a stock (a programme's cumulative purchases) on the 10-year. Linear scaling beyond the papers' samples is an assumption.",
    ),
    columns: 2,
    width,
    legend: { domain: labels, range: color.range },
    panels: [
      { heading: "Yield rise (bp)", chart: rise },
      { heading: "Illustration only: rise ÷ QE stock elasticity ($bn, log scale)", chart: purchases },
    ],
  });
}
