/**
 * The assumptions of the reserve-management-purchases article (notebook 05), declared once: unit, range,
 * meaning and source of each. The notebook's parameters cell, the command line, the live views and the
 * report all read this declaration.
 */
import { defineParams, p } from "../../params/schema.ts";

const SCENARIOS = ["A", "B", "C"] as const;

export const rmpParams = defineParams(
  {
    startMonth: p.month({
      default: "2025-12", min: "2025-12", max: "2026-08", unit: "month",
      meaning: "the first month of purchases",
      source: "RMP began 2025-12-12 (FOMC implementation note, 2025-12-10)",
    }),
    horizonMonths: p.number({
      default: 24, min: 6, max: 36, integer: true, unit: "months",
      meaning: "months projected from the start month",
      source: "assumption: two years of projection, December 2025 to November 2027",
    }),
    scenarioSizesUsdBnPerMonth: p.record({
      keys: SCENARIOS, default: { A: 25, B: 45, C: 3.5 }, min: 0, max: 80, step: 0.5, unit: "$bn/month",
      meaning: "monthly bill purchases in each of the article's scenarios",
      source: "article: A $20–30bn (middle), B ≥ $45bn (its floor), C $3.5bn",
    }),
    scenarioProbabilities: p.record({
      keys: SCENARIOS, default: { A: 0.4, B: 0.35, C: 0.25 }, min: 0, max: 1, step: 0.01, probabilities: true, unit: "probability",
      meaning: "the weight of each scenario in the expectation (summing to 1)",
      source: "article: 40%, 35%, 25%",
    }),
    fanSizeOffsetsUsdBnPerMonth: p.recordOfPairs({
      keys: SCENARIOS, default: { A: [-5, 5], B: [0, 15], C: [0, 0] }, min: -20, max: 30, step: 0.5, unit: "$bn/month",
      meaning: "the range swept around each scenario's size in the fan",
      source: "article's ranges around each size; B's open top set at +$15bn (assumption)",
    }),
    scheduleShape: p.oneOf({
      values: ["flat", "front-loaded"], default: "flat", unit: "",
      meaning: "how each scenario's purchases are spread over the months",
      source: "assumption: the article gives flat monthly sizes; \"front-loaded\" follows the Fed's faster first months",
    }),
    frontLoadMonths: p.number({
      default: 4, min: 0, max: 12, integer: true, unit: "months",
      meaning: "months a front-loaded schedule stays at its higher pace",
      source: "assumption: front-loaded purchases stay high to April 2026, as the Fed said of the first round",
    }),
    frontLoadMultiple: p.number({
      default: 1.6, min: 1, max: 3, step: 0.1, unit: "×",
      meaning: "the front-loaded months' pace as a multiple of the scenario's size",
      source: "assumption: a $40bn first round over a $25bn average",
    }),
    currencyGrowthUsdBnPerMonth: p.number({
      default: 3.5, min: 0, max: 15, step: 0.5, unit: "$bn/month",
      meaning: "growth of currency in circulation, which drains reserves",
      source: "article (Evercore ISI): $3.5bn/month of currency growth; CURRCIR checked in RMP-6",
    }),
    tgaGrowthUsdBnPerMonth: p.number({
      default: 0, min: -20, max: 20, step: 1, unit: "$bn/month",
      meaning: "growth of the Treasury General Account, which drains reserves",
      source: "assumption: Treasury keeps its cash balance near target over the horizon",
    }),
    otherLiabilitiesGrowthUsdBnPerMonth: p.number({
      default: 0, min: -20, max: 20, step: 1, unit: "$bn/month",
      meaning: "growth of ON RRP and other Fed liabilities, which drains reserves",
      source: "assumption: ON RRP is near zero since late 2025 and other liabilities flat",
    }),
    mbsPrincipalUsdBnPerMonth: p.number({
      default: 15, min: 0, max: 40, step: 1, unit: "$bn/month",
      meaning: "MBS principal repaid each month and reinvested in bills (reserve-neutral)",
      source: "H.4.1 WSHOMCB fell about $14bn a month Dec 2025–Aug 2026",
    }),
    nominalGdpGrowthPctPerYear: p.number({
      default: 5, min: 0, max: 10, step: 0.5, unit: "%/year",
      meaning: "nominal GDP growth that scales reserves to GDP over the horizon",
      source: "assumption: near the 2024–2026 nominal trend (BEA GDP)",
    }),
    curveSpread: p.oneOf({
      values: ["SOFR-IORB", "EFFR-IORB"], default: "SOFR-IORB", unit: "",
      meaning: "the money-market spread the reserve-demand curve is fitted on",
      source: "the article's signal; \"EFFR-IORB\" is the alternative",
    }),
    curveForm: p.oneOf({
      values: ["exponential", "logistic"], default: "exponential", unit: "",
      meaning: "the functional form of the reserve-demand curve",
      source: "lib/calc/reserveDemand.ts; in the spirit of NY Fed Staff Report 1019",
    }),
    curveFitFrom: p.isoDate({
      default: "2021-07-29", min: "2021-07-29", withinData: true, unit: "date",
      meaning: "the first day of the curve's fitting sample",
      source: "IORB's first day: no spread to IORB exists before it",
    }),
    curveFitTo: p.isoDate({
      default: "2025-12-31", min: "2021-07-29", withinData: true, unit: "date",
      meaning: "the last day of the curve's fitting sample; later weeks test it out of sample",
      source: "assumption: the end of 2025, before the purchases had run long enough to move reserves; 2026's weeks are held out",
    }),
    curveFloor: p.oneOf({
      values: ["fitted", "administered"], default: "fitted", unit: "",
      meaning: "whether the curve's floor is fitted or fixed at the administered ON RRP − IORB spread",
      source: "assumption: fitted by default; in practice the floor is the ON RRP offering rate, which the FOMC sets below IORB",
    }),
    administeredFloorBp: p.number({
      default: -15, min: -50, max: 0, step: 1, unit: "bp",
      meaning: "the administered ON RRP − IORB spread, used as the floor when curveFloor is \"administered\"",
      source: "FOMC implementation note, 2024-12-18: ON RRP at the bottom of the target range, IORB 15bp above it",
    }),
    abundantSlopeBpPer100UsdBn: p.number({
      default: 1, min: 0.1, max: 5, step: 0.1, unit: "bp per $100bn",
      meaning: "the curve's slope at the abundant/ample boundary: flatter than this, reserves are abundant",
      source: "assumption in the terms of NY Fed Staff Report 1019 (Afonso, Giannone, La Spada & Williams): abundant = flat",
    }),
    scarceSlopeBpPer100UsdBn: p.number({
      default: 5, min: 0.5, max: 50, step: 0.5, unit: "bp per $100bn",
      meaning: "the curve's slope at the ample/scarce boundary: steeper than this, reserves are scarce",
      source: "assumption in the terms of NY Fed Staff Report 1019: scarce = steep",
    }),
    abundantSlopeBandBpPer100UsdBn: p.pair({
      default: [0.5, 2], min: 0.1, max: 10, step: 0.1, unit: "bp per $100bn",
      meaning: "the slopes across which the abundant/ample boundary is reported as a band",
      source: "assumption: half to twice the central slope",
    }),
    scarceSlopeBandBpPer100UsdBn: p.pair({
      default: [3, 8], min: 0.5, max: 50, step: 0.5, unit: "bp per $100bn",
      meaning: "the slopes across which the ample/scarce boundary is reported as a band",
      source: "assumption: around the central slope",
    }),
    bootstrapReplicates: p.number({
      default: 200, min: 20, max: 2000, integer: true, unit: "refits",
      meaning: "resamples of the weeks refitted for the curve's and the thresholds' confidence bands",
      source: "assumption: 200 gives stable 5–95% bands (bootstrap over weeks)",
    }),
    bootstrapSeed: p.number({
      default: 20251210, min: 1, max: 2 ** 31 - 1, integer: true, unit: "",
      meaning: "the seed of the bootstrap's resampling (results repeat exactly)",
      source: "assumption: the article's date",
    }),
    vixBaselineTradingDays: p.number({
      default: 20, min: 5, max: 250, integer: true, unit: "trading days",
      meaning: "the pre-event window of the VIX baseline the \"volatility down\" reading compares with",
      source: "assumption: about a month before the article, clear of the April 2025 spike",
    }),
    fanOrganicRangeUsdBnPerMonth: p.pair({
      default: [-3, 3], min: -20, max: 20, step: 0.5, unit: "$bn/month",
      meaning: "the organic drain swept around currency + TGA + other in the fan",
      source: "assumption: ±$3bn/month",
    }),
    fanCurveShiftRangePp: p.pair({
      default: [-0.5, 0.5], min: -3, max: 3, step: 0.1, unit: "pp of GDP",
      meaning: "shifts of the curve's steep part swept in the spread fan",
      source: "assumption: ±0.5pp of GDP from the fit",
    }),
    fanGridPoints: p.number({
      default: 9, min: 2, max: 25, integer: true, unit: "points",
      meaning: "values per swept axis of the fan",
      source: "assumption: 9 values per swept axis",
    }),
    fanBandQuantiles: p.pair({
      default: [0.1, 0.9], min: 0, max: 1, step: 0.01, unit: "quantile",
      meaning: "the band shown across the swept paths",
      source: "assumption: the 10th–90th percentile",
    }),
    rollingWindowDays: p.number({
      default: 20, min: 5, max: 120, integer: true, unit: "business days",
      meaning: "the rolling window of the spread chart",
      source: "about one month of business days",
    }),
    daysAboveFrom: p.isoDate({
      default: "2024-01-01", min: "2018-04-03", withinData: true, unit: "date",
      meaning: "the first day counted in the days-above-IORB chart",
      source: "assumption: from a year before the article's year",
    }),
    sensitivitySizesUsdBnPerMonth: p.list({
      default: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60], min: 0, max: 120, minItems: 2, maxItems: 40, ascending: true, unit: "$bn/month",
      meaning: "purchase sizes in the sensitivity grid",
      source: "covers the article's C, A and B",
    }),
    sensitivityOrganicUsdBnPerMonth: p.list({
      default: [0, 2.5, 5, 7.5, 10, 12.5, 15], min: -20, max: 40, minItems: 2, maxItems: 40, ascending: true, unit: "$bn/month",
      meaning: "organic drains in the sensitivity grid",
      source: "assumption: up to BofA's ~$20bn \"organic\" less reserves growth",
    }),
    sensitivityCurveShiftsPp: p.list({
      default: [-0.5, 0, 0.5], min: -3, max: 3, minItems: 1, maxItems: 9, ascending: true, unit: "pp of GDP",
      meaning: "curve shifts in the sensitivity grid",
      source: "assumption: the curve fitted, and moved ±0.5pp of GDP",
    }),
  },
  [
    {
      names: ["abundantSlopeBpPer100UsdBn", "scarceSlopeBpPer100UsdBn"],
      check: (v) => (v.abundantSlopeBpPer100UsdBn < v.scarceSlopeBpPer100UsdBn ? undefined : `abundantSlopeBpPer100UsdBn (${v.abundantSlopeBpPer100UsdBn}) must be below scarceSlopeBpPer100UsdBn (${v.scarceSlopeBpPer100UsdBn})`),
    },
    {
      names: ["curveFitFrom", "curveFitTo"],
      check: (v) => (v.curveFitFrom < v.curveFitTo ? undefined : `curveFitFrom (${v.curveFitFrom}) must be before curveFitTo (${v.curveFitTo})`),
    },
    {
      names: ["frontLoadMonths", "horizonMonths"],
      check: (v) => (v.frontLoadMonths <= v.horizonMonths ? undefined : `frontLoadMonths (${v.frontLoadMonths}) must not exceed horizonMonths (${v.horizonMonths})`),
    },
  ],
);

export type RmpArticleParams = typeof rmpParams.defaults;
