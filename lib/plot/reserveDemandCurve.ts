/**
 * The reserve-demand curve fitted on the data: weekly spread to IORB (bp) against reserves as a share of
 * nominal GDP (pct), dots coloured by year, the fitted curve over the sample (dashed where extrapolated),
 * the "ample" threshold and the latest week marked.
 */
import { fmt, num } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { type CurveSamplePoint, curveSpreadBp, type FittedCurve } from "../calc/reserveDemand.ts";
import { type CurveFit, rmpCurveFit, type RmpInputs, type RmpParams } from "../calc/rmpModel.ts";
import { chartDefaults, hoverTips, render, sourceCaption } from "./common.ts";

export interface ReserveDemandCurveOptions {
  /** Name of the spread on the y axis, e.g. "SOFR − IORB". */
  spreadName: string;
  /** Name of the denominator, e.g. "nominal GDP". */
  denominatorName?: string;
  /** Threshold share (pct) and its label; omitted when the curve never reaches the rule. */
  threshold?: { sharePct: number; label: string };
  /** Share range drawn for the curve (pct); default the sample's range widened by 0.6 pp to the left. */
  curveRangePct?: readonly [number, number];
  asOf?: string;
  source?: string;
  width?: number;
}

const defaults = {
  source: "Federal Reserve Board H.4.1 (WRESBAL) and IORB, New York Fed (SOFR, EFFR), BEA (GDP), via FRED",
};

/** Curve description for a subtitle: the form with fitted numbers. */
export function curveFormula(c: Pick<FittedCurve, "form" | "aBp" | "bBp" | "cPerPp" | "centerPct">): string {
  const f = (x: number, d = 2) => num(x, d);
  return c.form === "exponential"
    ? `spread = ${f(c.aBp)} + ${f(c.bBp)}·exp(−${f(c.cPerPp, 3)}·(share − ${f(c.centerPct)}))`
    : `spread = ${f(c.aBp)} + ${f(c.bBp)} / (1 + exp(${f(c.cPerPp, 3)}·(share − ${f(c.centerPct)})))`;
}

/** The scatter and the fitted curve. */
export function reserveDemandCurveChart(
  sample: readonly CurveSamplePoint[],
  curve: FittedCurve,
  options: ReserveDemandCurveOptions,
) {
  const dots = sample.map((p) => ({ x: p.sharePct, y: p.spreadBp, year: p.weekEnding.slice(0, 4) }));
  const [lo, hi] = options.curveRangePct ?? [curve.shareRangePct[0] - 0.6, curve.shareRangePct[1]];
  const steps = 200;
  const line = Array.from({ length: steps + 1 }, (_, i) => {
    const x = lo + ((hi - lo) * i) / steps;
    return { x, y: curveSpreadBp(curve, x), fitted: x >= curve.shareRangePct[0] && x <= curve.shareRangePct[1] };
  });
  const latest = sample[sample.length - 1];
  const years = [...new Set(dots.map((d) => d.year))].sort();
  const denom = options.denominatorName ?? "nominal GDP";
  return render({
    title: `Reserve demand: ${options.spreadName} against reserves as a share of ${denom}`,
    subtitle: `Weekly, ${sample[0]?.weekEnding ?? ""} to ${
      latest?.weekEnding ?? ""
    }. Fitted (least squares, n = ${curve.n}, R² = ${num(curve.r2, 2)}, RMSE ${
      fmt(curve.rmseBp, "bp", { digits: 1 })
    }): ${curveFormula(curve)}.`,
    caption: sourceCaption(
      options.source ?? defaults.source,
      options.asOf ?? latest?.weekEnding ?? "",
      `Reserves: week average to the Wednesday; spread: mean of the week's daily values; ${denom}: the quarter containing the week (no interpolation). Dashed: the curve outside the data's range.`,
    ),
    width: options.width ?? chartDefaults.width,
    height: 440,
    marginTop: 20,
    marginRight: 30,
    x: { label: `Reserves (% of ${denom}) →`, grid: true },
    y: { label: `${options.spreadName} (bp)`, grid: true },
    color: { legend: true, type: "ordinal", domain: years, scheme: "tableau10" },
    marks: [
      Plot.ruleY([0], { stroke: "#333", strokeWidth: 0.8 }),
      Plot.dot(dots, { x: "x", y: "y", fill: "year", r: 2.6, fillOpacity: 0.75 }),
      hoverTips(sample, {
        x: (p) => p.sharePct,
        y: (p) => p.spreadBp,
        title: (p) =>
          `week ending ${p.weekEnding}: reserves ${fmt(p.sharePct, "pctOfGdp", { digits: 2 })}, ${options.spreadName} ${
            fmt(p.spreadBp, "bp", { digits: 1 })
          }`,
      }),
      Plot.line(line.filter((p) => p.fitted), { x: "x", y: "y", stroke: "#111", strokeWidth: 2 }),
      Plot.line(line.filter((p) => p.x <= curve.shareRangePct[0]), {
        x: "x",
        y: "y",
        stroke: "#111",
        strokeWidth: 1.5,
        strokeDasharray: "4,3",
      }),
      ...(options.threshold
        ? [
          Plot.ruleX([options.threshold.sharePct], { stroke: "#c0392b", strokeDasharray: "5,3" }),
          Plot.text([options.threshold], {
            x: "sharePct",
            text: "label",
            frameAnchor: "top",
            textAnchor: "start",
            dx: 5,
            dy: 6,
            fill: "#c0392b",
            fontSize: 11,
            lineWidth: 22,
          }),
        ]
        : []),
      ...(latest
        ? [
          Plot.dot([latest], { x: "sharePct", y: "spreadBp", r: 6, stroke: "#c0392b", strokeWidth: 2, fill: "none" }),
          Plot.text([latest], {
            x: "sharePct",
            y: "spreadBp",
            text: (d: CurveSamplePoint) => `latest week ${d.weekEnding}`,
            dx: 9,
            textAnchor: "start",
            fontSize: 10,
            fill: "#c0392b",
          }),
        ]
        : []),
    ],
  });
}

/** A threshold label: share and $bn at the latest denominator. */
export function thresholdLabel(fit: CurveFit, ruleText: string): string | undefined {
  if (fit.thresholdSharePct === undefined || fit.thresholdUsdBn === undefined) return undefined;
  return `"ample" threshold (${ruleText}): ${fmt(fit.thresholdSharePct, "pct", { digits: 2 })} ≈ ${
    fmt(fit.thresholdUsdBn, "usdBn")
  } at ${fit.latest.date.slice(0, 7)} ${fit.denominator === "GDP" ? "GDP" : "deposits"}`;
}

/** The rule in words, for labels. */
export function ampleRuleText(
  params: Pick<RmpParams, "ampleRule" | "ampleSlopeBpPer100UsdBn" | "ampleSpreadBp">,
): string {
  return params.ampleRule === "slope"
    ? `slope ${params.ampleSlopeBpPer100UsdBn} bp per $100bn`
    : `spread ${params.ampleSpreadBp} bp`;
}

/** The view the RMP notebook calls: fit with the notebook's parameters and draw. */
export function reserveDemandCurveView(inputs: RmpInputs, params: RmpParams) {
  const fit = rmpCurveFit(inputs, params, "GDP");
  const label = thresholdLabel(fit, ampleRuleText(params));
  return reserveDemandCurveChart(fit.sample, fit.curve, {
    spreadName: params.curveSpread === "SOFR-IORB" ? "SOFR − IORB" : "EFFR − IORB",
    denominatorName: "nominal GDP",
    threshold: label ? { sharePct: fit.thresholdSharePct!, label } : undefined,
  });
}
