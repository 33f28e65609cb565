/**
 * Live view of foreign selling (notebook 03): the yield impact of a foreign sale of Treasuries and the
 * Fed purchases that would offset it. A reader changes the sale and the published elasticities; the view
 * reruns lib/calc/yieldImpact.ts impactScenarios, redraws lib/plot/impactScenarios.ts over the notebook's
 * range of sales and prints the figures for the sale examined. The data are three numbers: nominal GDP
 * (for Warnock & Warnock's % of GDP) and the Fed's latest Treasury holdings (the chart's reference line).
 */
import { type ImpactParameters, type ImpactScenario, impactScenarios, type Range } from "../../calc/yieldImpact.ts";
import { impactScenariosChart } from "../../plot/impactScenarios.ts";
import type { LiveFigure, LiveOutput, LiveViewDef } from "../types.ts";

export interface ForeignSaleImpactData {
  /** Nominal GDP, $bn annual rate, and its quarter (ISO date of the quarter's first day). */
  gdpUsdBn: number;
  gdpQuarter: string;
  /** The Fed's Treasury holdings (H.4.1 TREAST), latest week: the chart's reference. */
  fedTreasuries: { date: string; valueUsdBn: number };
}

/** The notebook's parameter names (elasticities as lib/calc/yieldImpact.ts takes them). */
export interface ForeignSaleImpactParams {
  beltranShortRunBpPer100Bn: Range;
  beltranLongRunBpPer100Bn: number;
  warnockBpPerPctGdp: number;
  qeBpPer600Bn: Range;
  /** The sale the figures are for ($bn). */
  foreignSaleUsdBn: number;
  /** The sales charted ($bn). */
  scenarioSalesUsdBn: readonly number[];
}

/** The elasticities of lib/calc/yieldImpact.ts from the params and data; refuses a low above its high. */
export function impactParameters(data: ForeignSaleImpactData, params: ForeignSaleImpactParams): ImpactParameters {
  for (
    const [name, r] of [["beltranShortRunBpPer100Bn", params.beltranShortRunBpPer100Bn], [
      "qeBpPer600Bn",
      params.qeBpPer600Bn,
    ]] as const
  ) {
    if (r.low > r.high) throw new RangeError(`${name}: low (${r.low}) is above high (${r.high})`);
  }
  return {
    beltranShortRunBpPer100Bn: params.beltranShortRunBpPer100Bn,
    beltranLongRunBpPer100Bn: params.beltranLongRunBpPer100Bn,
    warnockBpPerPctGdp: params.warnockBpPerPctGdp,
    qeBpPer600Bn: params.qeBpPer600Bn,
    gdpUsdBn: data.gdpUsdBn,
  };
}

const bpText = (x: number) => `${x.toFixed(Math.abs(x) < 10 ? 1 : 0)}bp`;
const bpRangeText = (r: Range) => (r.low === r.high ? bpText(r.low) : `${r.low.toFixed(0)}–${r.high.toFixed(0)}bp`);
const usdText = (x: number) => Math.round(x).toLocaleString("en-US");
const usdRangeText = (
  r: Range,
) => (r.low === r.high ? `$${usdText(r.low)}bn` : `$${usdText(r.low)}–${usdText(r.high)}bn`);
const mid = (r: Range) => (r.low + r.high) / 2;

/**
 * The figures for one sale from impactScenarios' three rows: each model's yield rise (value: the range's
 * middle, bp), the purchases that offset the short-run rise (value: the middle, $bn) and the offset per
 * dollar sold (×).
 */
export function saleFigures(rows: readonly ImpactScenario[]): LiveFigure[] {
  const by = (model: ImpactScenario["model"]) => rows.find((r) => r.model === model)!;
  const short = by("Beltran et al. short run");
  const long = by("Beltran et al. long run");
  const warnock = by("Warnock & Warnock");
  return [
    {
      id: "shortRunRise",
      label: "Short-run rise, 5-year (Beltran et al.)",
      value: mid(short.yieldRiseBp),
      text: bpRangeText(short.yieldRiseBp),
    },
    {
      id: "longRunRise",
      label: "Long-run rise, 5-year",
      value: mid(long.yieldRiseBp),
      text: bpRangeText(long.yieldRiseBp),
    },
    {
      id: "warnockRise",
      label: "Rise, 10-year (Warnock & Warnock)",
      value: mid(warnock.yieldRiseBp),
      text: bpRangeText(warnock.yieldRiseBp),
    },
    {
      id: "fedOffset",
      label: "Illustration only, flow ÷ stock elasticity: purchases of that size",
      value: mid(short.fedOffsetUsdBn),
      text: usdRangeText(short.fedOffsetUsdBn),
    },
    {
      id: "offsetPerDollar",
      label: "Purchases per $ sold (mid)",
      value: Number.isFinite(short.offsetPerDollarSold) ? short.offsetPerDollarSold : null,
      text: Number.isFinite(short.offsetPerDollarSold) ? `${short.offsetPerDollarSold.toFixed(1)}×` : "—",
    },
  ];
}

/** The scenario chart over the notebook's sales and the figures for the sale examined. */
export function foreignSaleImpactView(data: ForeignSaleImpactData, params: ForeignSaleImpactParams): LiveOutput {
  const p = impactParameters(data, params);
  if (!(Number.isFinite(params.foreignSaleUsdBn) && params.foreignSaleUsdBn >= 0)) {
    throw new RangeError(`foreignSaleUsdBn must be a number ≥ 0, got ${params.foreignSaleUsdBn}`);
  }
  const chart = impactScenariosChart(impactScenarios(params.scenarioSalesUsdBn, p), {
    qeBpPer600Bn: params.qeBpPer600Bn,
    asOf: data.gdpQuarter,
    references: [{
      label: `Fed Treasury holdings ${data.fedTreasuries.date}: $${usdText(data.fedTreasuries.valueUsdBn)}bn`,
      valueUsdBn: data.fedTreasuries.valueUsdBn,
    }],
  });
  return { chart, figures: saleFigures(impactScenarios([params.foreignSaleUsdBn], p)) };
}

/** The registered view: the sale examined and the four elasticities (low and high where they are ranges). */
export const foreignSaleImpactLive: LiveViewDef<ForeignSaleImpactData, ForeignSaleImpactParams> = {
  name: "foreignSaleImpact",
  title:
    "Foreign selling: yield impact, and purchases of a size that would move yields back (illustration, not an estimate)",
  view: foreignSaleImpactView,
  controls: [
    { param: "foreignSaleUsdBn", label: "Foreign sale examined", min: 0, max: 1500, step: 25 },
    {
      param: "beltranShortRunBpPer100Bn.low",
      label: "Short-run effect, low (Beltran et al.)",
      unit: "bp per $100bn",
      min: 0,
      max: 100,
      step: 1,
    },
    {
      param: "beltranShortRunBpPer100Bn.high",
      label: "Short-run effect, high (Beltran et al.)",
      unit: "bp per $100bn",
      min: 0,
      max: 100,
      step: 1,
    },
    {
      param: "beltranLongRunBpPer100Bn",
      label: "Long-run effect (Beltran et al.)",
      unit: "bp per $100bn",
      min: 0,
      max: 60,
      step: 1,
    },
    {
      param: "warnockBpPerPctGdp",
      label: "Flow effect (Warnock & Warnock)",
      unit: "bp per 1% of GDP",
      min: 0,
      max: 60,
      step: 1,
    },
    { param: "qeBpPer600Bn.low", label: "QE effect, low (Williams)", unit: "bp per $600bn", min: 1, max: 100, step: 1 },
    {
      param: "qeBpPer600Bn.high",
      label: "QE effect, high (Williams)",
      unit: "bp per $600bn",
      min: 1,
      max: 100,
      step: 1,
    },
  ],
};
