/**
 * The RMP article's one computation (notebook 05): the scenario model (curve, realised path, scenarios,
 * fans, sensitivity) run once; reserve regimes in the New York Fed's terms with their bands and a
 * bootstrap; the curve's out-of-sample test; the scenarios' extrapolation; and every figure the claims,
 * the prose, the tables and the charts show. Pure.
 */
import { mean } from "d3-array";
import { addMonths, lastDayOfMonth, quarterStart } from "../../calendar.ts";
import { lastOnOrBefore } from "../../calc/asOf.ts";
import { countDaysAbove, daysAboveByMonth, spreadBpDaily } from "../../calc/moneyMarket.ts";
import { monthlyChanges, monthlyLevels } from "../../calc/monthly.ts";
import { eventDate, QT_EVENTS } from "../../calc/policyEvents.ts";
import { FED_FIRST_ROUND } from "../../calc/realised.ts";
import { type CurveSamplePoint, type FittedCurve, usdBnToSharePct } from "../../calc/reserveDemand.ts";
import {
  type Band,
  bandOf,
  bootstrapCurves,
  boundarySharePct,
  curveBand,
  extrapolationOf,
  type OutOfSample,
  outOfSample,
  type Regime,
  regimeOf,
  regimeThresholds,
  thresholdUsdBn,
} from "../../calc/reserveRegimes.ts";
import {
  type CurveFit,
  RMP_BASE_PARAMS,
  RMP_FAN_PARAMS,
  RMP_FIT_PARAMS,
  RMP_SCENARIO_PARAMS,
  RMP_SENSITIVITY_PARAMS,
  rmpCurveFit,
  rmpDaysAbove,
  rmpFans,
  type RmpFitParams,
  type RmpInputs,
  type RmpModelBase,
  rmpModelBase,
  type RmpParams,
  type RmpScenarioModel,
  rmpScenarioModelOn,
  rmpSensitivity,
  type ScenarioFan,
  trimInputs,
} from "../../calc/rmpModel.ts";
import { ARTICLE_SCENARIOS } from "../../calc/rmpScenarios.ts";
import { keyOf, pick, stageMemo } from "./memo.ts";
import type { rmpParams } from "./params.ts";

type Params = typeof rmpParams.defaults;
type Rows = readonly { date: string; value: number }[];

/** The article's publication date and figures (RootData, 2025-12-10). */
export const ARTICLE = {
  date: "2025-12-10",
  qtStartMonth: "2022-06",
  qtEnd: "2025-12-01",
  qtEndDecidedMonth: "2025-10",
  peakUsdBn: 9_000,
  afterQtUsdBn: 6_600,
  drainedUsdBn: 2_400,
  maintainUsdBnPerMonth: 3.5,
  replenishOrganicUsdBnPerMonth: 20,
  replenishExtraUsdBnPerMonth: 25,
} as const;

/** What the article reads: the model's inputs and the series its claims add. */
export interface RmpData {
  inputs: RmpInputs;
  currencyUsdBn: Rows;
  onRrpUsdBn: Rows;
  vixIndex: Rows;
  sp500Index: Rows;
  nasdaqIndex: Rows;
  curve10y2yBp: Rows;
  bill3mPct: Rows;
  targetUpperPct: Rows;
}

/** The model's parameters from the article's: the regime slope is the model's threshold rule. */
export function modelParams(p: Params): RmpParams {
  return {
    ...p,
    ampleRule: "slope",
    ampleSlopeBpPer100UsdBn: p.abundantSlopeBpPer100UsdBn,
    ampleSpreadBp: 0,
    ...(p.curveFloor === "administered" ? { curveFloorBp: p.administeredFloorBp } : {}),
  };
}

/** A threshold in share of GDP and $bn at the latest GDP. */
export interface Threshold {
  sharePct: number | undefined;
  usdBn: number | undefined;
}

export interface Regimes {
  /** The central thresholds: the chosen spread, the central slopes. */
  abundant: Threshold;
  scarce: Threshold;
  /** Each boundary across the band of slopes and both spreads ($bn): min and max, with every reading. */
  abundantBand: { lo: number; hi: number; readings: { spread: string; slope: number; usdBn: number | undefined }[] };
  scarceBand: { lo: number; hi: number; readings: { spread: string; slope: number; usdBn: number | undefined }[] };
  /** The bootstrap's 5–95% bands of the thresholds ($bn) and of the curve. */
  abundantBootstrap: Band | undefined;
  scarceBootstrap: Band | undefined;
  curveBand: { sharePct: number; lo: number; mid: number; hi: number }[];
  replicates: number;
  /** The latest week with a spread and a GDP quarter, its share and regime. */
  latest: {
    weekEnding: string;
    reservesUsdBn: number;
    sharePct: number;
    regime: Regime;
    nearBoundary: "abundant/ample" | "ample/scarce" | undefined;
    pctOfDeposits: number | undefined;
  };
  /** Weeks in each regime, by year, from the full sample. */
  weeksByYear: { year: string; abundant: number; ample: number; scarce: number }[];
  gdp: { date: string; usdBn: number };
}

export interface VixReading {
  /** Mean VIX over the `days` trading days before the article. */
  days: number;
  baseline: number;
  since: number;
  down: boolean;
}

export interface RmpResult {
  model: RmpScenarioModel;
  modelParams: RmpParams;
  inputs: RmpInputs;
  fans: ScenarioFan[];
  sensitivity: ReturnType<typeof rmpSensitivity>;
  daysAbove: ReturnType<typeof rmpDaysAbove>;
  fitsBySpread: Record<"SOFR-IORB" | "EFFR-IORB", CurveFit>;
  /** Every week from the fit's first day to the data's end (in sample and after it). */
  fullSample: CurveSamplePoint[];
  regimes: Regimes;
  outOfSample: OutOfSample | undefined;
  outOfSampleFrom: string;
  /** Per scenario: months of the path below the curve's sample and the part of its mean spread from there. */
  extrapolation: {
    id: string;
    monthsOutside: number;
    months: number;
    meanSpreadBp: number;
    extrapolatedSpreadBp: number;
  }[];
  expectedPurchasesUsdBnPerMonth: number;
  vix: { chosen: VixReading; sensitivity: VixReading[]; fullYear2025: number };
  facts: ClaimFacts;
}

/** The figures the claims state, each computed here. */
export interface ClaimFacts {
  qtStart: string;
  qtStartDecided: string;
  qtEnd: string;
  qtEndDecided: string;
  treasuryMonthsFell: number;
  treasuryMonthsDuring: number;
  treasuryMonthsRose: number;
  treasuryMonthsAfter: number;
  peak: { date: string; value: number };
  afterQt: { date: string; value: number };
  drainedUsdBn: number;
  sofrAbove2025: { daysAbove: number; days: number; maxBp: number; maxDate: string | undefined };
  monthsMostlyAbove2025: string[];
  effrAbove2025: number;
  onRrpMeanH1: number;
  onRrpMeanQ4: number;
  sofrSpreadMeanH1: number;
  sofrSpreadMeanQ4: number;
  holdingsSinceQtEnd: { from: string; to: string; treasuriesUsdBn: number; mbsUsdBn: number };
  currencyGrowth: { to: string; m12: number; m60: number; m120: number };
  keepShareUsdBnPerMonth: number;
  bill3mMinusIorb: { before: number; beforeMonth: string; after: number; afterMonth: string };
  /** Reserves on the day of each year SOFR exceeded the top of the target range by the most. */
  strain2019: { date: string; sharePct: number; usdBn: number };
  strain2025: { date: string; sharePct: number; usdBn: number } | undefined;
  sp500: { from: { date: string; value: number }; to: { date: string; value: number }; changePct: number };
  nasdaq: { from: { date: string; value: number }; to: { date: string; value: number }; changePct: number };
  curve10y2y: { from: { date: string; value: number }; to: { date: string; value: number } };
  vixSpot: { from: { date: string; value: number }; to: { date: string; value: number } };
  closestInRange: boolean;
  firstRound: typeof FED_FIRST_ROUND;
}

const pctChange = (a: number, b: number) => ((b - a) / a) * 100;
function meanBetween(rows: Rows, from: string, to: string): number {
  return mean(rows.filter((r) => r.date >= from && r.date <= to), (r) => r.value) ?? NaN;
}
function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`rmp-scenarios: ${what} is not in the data`);
  return v;
}

/** The VIX baseline over the `days` trading days before the article, against the mean since. */
function vixReading(vix: Rows, days: number): VixReading {
  const before = vix.filter((r) => r.date < ARTICLE.date).slice(-days);
  const baseline = mean(before, (r) => r.value) ?? NaN;
  const since = meanBetween(vix, ARTICLE.date, "9999-12-31");
  return { days, baseline, since, down: since < baseline };
}

/** The parameters the regimes read beside the fits and the bootstrap: the slope rules and their bands. */
const REGIME_PARAMS = [
  "abundantSlopeBpPer100UsdBn",
  "scarceSlopeBpPer100UsdBn",
  "abundantSlopeBandBpPer100UsdBn",
  "scarceSlopeBandBpPer100UsdBn",
] as const;
type RegimeParams = Pick<Params, (typeof REGIME_PARAMS)[number]>;

// The pure stages a rerun reuses when their inputs did not change (lib/articles/rmp-scenarios/memo.ts).
const inputsMemo = stageMemo<RmpInputs>("rmp.inputs", 2);
const baseMemo = stageMemo<RmpModelBase>("rmp.base", 4);
const fitMemo = stageMemo<CurveFit>("rmp.fit", 8);
const bootstrapMemo = stageMemo<FittedCurve[]>("rmp.bootstrap", 4);
const regimesMemo = stageMemo<Regimes>("rmp.regimes", 4);
const daysAboveMemo = stageMemo<ReturnType<typeof rmpDaysAbove>>("rmp.daysAbove", 4);
const vixMemo = stageMemo<RmpResult["vix"]>("rmp.vix", 4);
const factsMemo = stageMemo<ClaimFacts>("rmp.facts", 4);
// The scenario stages, keyed by the parameter values each reads: a reader who goes back to values tried a
// moment ago (scenario A at 25, then 30, then 25 again) gets the same model, fans and grid back, and with
// them the displays drawn from them (views.ts).
const scenariosMemo = stageMemo<RmpScenarioModel>("rmp.scenarios", 4);
const fansMemo = stageMemo<ScenarioFan[]>("rmp.fans", 4);
const sensitivityMemo = stageMemo<ReturnType<typeof rmpSensitivity>>("rmp.sensitivity", 4);

/**
 * The article's computation (see the module note). Incremental: each pure stage (the trimmed inputs, the
 * model's base with its curve fit, the other spread's fit, the bootstrap, the regimes, the days above, the
 * VIX readings, the claims' figures) is memoised by the identity of what it is given and the parameter
 * values it reads, so a rerun after a change of a scenario assumption reruns the scenarios, the fans and
 * the sensitivity grid only (and none of them for values among the last few tried: those three stages are
 * memoised too). The result equals a cold computation's (test/articles/rmp-scenarios).
 */
export function computeRmp(data: RmpData, params: Params): RmpResult {
  const mp = modelParams(params);
  const inputs = inputsMemo.get(keyOf([data.inputs], "2018-01-01"), () => trimInputs({ ...data.inputs }, "2018-01-01"));
  const baseParams = pick(mp, RMP_BASE_PARAMS);
  const base = baseMemo.get(keyOf([inputs], baseParams), () => rmpModelBase(inputs, baseParams));
  const scenarioParams = pick(mp, RMP_SCENARIO_PARAMS);
  const model = scenariosMemo.get(keyOf([base], scenarioParams), () => rmpScenarioModelOn(base, scenarioParams));
  const fanParams = pick(mp, RMP_FAN_PARAMS);
  const fans = fansMemo.get(keyOf([model], fanParams), () => rmpFans(model, fanParams));
  // The grid reads the base and its own parameters, not the scenarios: a scenario's change keeps it.
  const sensitivityParams = pick(mp, RMP_SENSITIVITY_PARAMS);
  const sensitivity = sensitivityMemo.get(
    keyOf([base], sensitivityParams),
    () => rmpSensitivity(base, sensitivityParams),
  );
  const daysAbove = daysAboveMemo.get(
    keyOf([inputs], params.daysAboveFrom),
    () => rmpDaysAbove(inputs, params.daysAboveFrom),
  );

  // The curve fitted with other values of the fit's parameters: the other spread, the sample to the data's end.
  const fitParams = pick(mp, RMP_FIT_PARAMS);
  const fitWith = (over: Partial<RmpFitParams>) => {
    const fp = { ...fitParams, ...over };
    return fitMemo.get(keyOf([inputs], fp), () => rmpCurveFit(inputs, fp));
  };
  const dataEnd = inputs.reservesUsdBn[inputs.reservesUsdBn.length - 1].date;
  const fitsBySpread = {
    "SOFR-IORB": mp.curveSpread === "SOFR-IORB" ? model.fit : fitWith({ curveSpread: "SOFR-IORB" }),
    "EFFR-IORB": mp.curveSpread === "EFFR-IORB" ? model.fit : fitWith({ curveSpread: "EFFR-IORB" }),
  };
  const bootParams = {
    form: mp.curveForm,
    replicates: params.bootstrapReplicates,
    seed: params.bootstrapSeed,
    floorBp: mp.curveFloorBp,
  };
  const boots = bootstrapMemo.get(
    keyOf([model.fit.sample], bootParams),
    () => bootstrapCurves(model.fit.sample, bootParams),
  );
  // Every week to the data's end: the fit's own weeks and the ones after its cut-off.
  const full = fitWith({ curveFitTo: dataEnd }).sample;
  const later = full.filter((p) => p.weekEnding > mp.curveFitTo);
  const regimeParams = pick(params, REGIME_PARAMS);
  const regimes = regimesMemo.get(
    keyOf(
      [model.fit, fitsBySpread["SOFR-IORB"], fitsBySpread["EFFR-IORB"], boots, full, inputs.depositsUsdBn],
      regimeParams,
    ),
    () => regimesOf(model.fit, fitsBySpread, boots, full, inputs.depositsUsdBn, regimeParams),
  );

  const lo = model.fit.curve.shareRangePct[0];
  const extrapolation = model.set.paths.map((p) => {
    const shares = p.months.map((m) => m.sharePctOfGdp);
    const e = extrapolationOf(model.fit.curve, shares, lo);
    return {
      id: p.scenario.id,
      monthsOutside: e.monthsOutside,
      months: shares.length,
      meanSpreadBp: mean(p.months, (m) => m.spreadBp) ?? NaN,
      extrapolatedSpreadBp: e.extrapolatedSpreadBp,
    };
  });
  const expected = model.set.expected;
  const expectedPurchasesUsdBnPerMonth = mean(expected, (m) => m.purchasesUsdBn) ?? NaN;

  const vix = vixMemo.get(keyOf([data.vixIndex], params.vixBaselineTradingDays), () => ({
    chosen: vixReading(data.vixIndex, params.vixBaselineTradingDays),
    sensitivity: [5, 10, 20, 60, 120].map((d) => vixReading(data.vixIndex, d)),
    fullYear2025: meanBetween(data.vixIndex, "2025-01-01", "2025-12-31"),
  }));
  const modelRead: ModelRead = {
    closestId: model.closest.id,
    realisedPaceUsdBnPerMonth: model.realisedPaceUsdBnPerMonth,
    startReservesUsdBn: model.start.reservesUsdBn,
  };
  const factParams = pick(params, ["startMonth", "nominalGdpGrowthPctPerYear"]);
  const facts = factsMemo.get(
    keyOf([data, inputs], { ...modelRead, ...factParams }),
    () => claimFacts(data, inputs, modelRead, factParams),
  );
  return {
    model,
    modelParams: mp,
    inputs,
    fans,
    sensitivity,
    daysAbove,
    fitsBySpread,
    fullSample: full,
    regimes,
    outOfSample: outOfSample(model.fit.curve, later),
    outOfSampleFrom: later[0]?.weekEnding ?? mp.curveFitTo,
    extrapolation,
    expectedPurchasesUsdBnPerMonth,
    vix,
    facts,
  };
}

/** Regimes: the central thresholds, the band across slopes and spreads, the bootstrap's bands. */
function regimesOf(
  fit: CurveFit,
  fitsBySpread: RmpResult["fitsBySpread"],
  boots: readonly FittedCurve[],
  full: readonly CurveSamplePoint[],
  depositsUsdBn: Rows,
  params: RegimeParams,
): Regimes {
  const g = fit.latest.value;
  const central = regimeThresholds(fit.curve, g, params.abundantSlopeBpPer100UsdBn, params.scarceSlopeBpPer100UsdBn);
  const readings = (slopes: readonly number[]) =>
    (["SOFR-IORB", "EFFR-IORB"] as const).flatMap((spread) =>
      slopes.map((slope) => ({
        spread,
        slope,
        usdBn: thresholdUsdBn(boundarySharePct(fitsBySpread[spread].curve, g, slope), g),
      }))
    );
  const bandFrom = (r: { usdBn: number | undefined }[]) => {
    const v = r.map((x) => x.usdBn).filter((x): x is number => x !== undefined);
    return { lo: Math.min(...v), hi: Math.max(...v) };
  };
  const abundantReadings = readings([
    params.abundantSlopeBandBpPer100UsdBn[0],
    params.abundantSlopeBpPer100UsdBn,
    params.abundantSlopeBandBpPer100UsdBn[1],
  ]);
  const scarceReadings = readings([
    params.scarceSlopeBandBpPer100UsdBn[0],
    params.scarceSlopeBpPer100UsdBn,
    params.scarceSlopeBandBpPer100UsdBn[1],
  ]);
  const bootThresholds = boots.map((c) =>
    regimeThresholds(c, g, params.abundantSlopeBpPer100UsdBn, params.scarceSlopeBpPer100UsdBn)
  );
  const [lo, hi] = fit.curve.shareRangePct;
  const shares = Array.from({ length: 41 }, (_, i) => lo - 1 + ((hi + 1 - (lo - 1)) * i) / 40);
  const last = full[full.length - 1];
  const deposits = lastOnOrBefore(depositsUsdBn, last.weekEnding);
  const weeksByYear = [...new Set(full.map((p) => p.weekEnding.slice(0, 4)))].map((year) => {
    const w = full.filter((p) => p.weekEnding.startsWith(year)).map((p) => regimeOf(p.sharePct, central));
    return {
      year,
      abundant: w.filter((r) => r === "abundant").length,
      ample: w.filter((r) => r === "ample").length,
      scarce: w.filter((r) => r === "scarce").length,
    };
  });
  return {
    abundant: { sharePct: central.abundantSharePct, usdBn: thresholdUsdBn(central.abundantSharePct, g) },
    scarce: { sharePct: central.scarceSharePct, usdBn: thresholdUsdBn(central.scarceSharePct, g) },
    abundantBand: { ...bandFrom(abundantReadings), readings: abundantReadings },
    scarceBand: { ...bandFrom(scarceReadings), readings: scarceReadings },
    abundantBootstrap: bandOf(bootThresholds.map((t) => thresholdUsdBn(t.abundantSharePct, g))),
    scarceBootstrap: bandOf(bootThresholds.map((t) => thresholdUsdBn(t.scarceSharePct, g))),
    curveBand: curveBand(boots, shares),
    replicates: boots.length,
    latest: {
      weekEnding: last.weekEnding,
      reservesUsdBn: last.reservesUsdBn,
      sharePct: last.sharePct,
      regime: regimeOf(last.sharePct, central),
      nearBoundary:
        last.reservesUsdBn >= bandFrom(scarceReadings).lo && last.reservesUsdBn <= bandFrom(scarceReadings).hi
          ? "ample/scarce"
          : last.reservesUsdBn >= bandFrom(abundantReadings).lo && last.reservesUsdBn <= bandFrom(abundantReadings).hi
          ? "abundant/ample"
          : undefined,
      pctOfDeposits: deposits ? usdBnToSharePct(last.reservesUsdBn, deposits.value) : undefined,
    },
    weeksByYear,
    gdp: { date: fit.latest.date, usdBn: g },
  };
}

/** What the claims' figures read of the model. */
interface ModelRead {
  closestId: string;
  realisedPaceUsdBnPerMonth: number;
  startReservesUsdBn: number;
}

/** The claims' figures, from the data and the model. */
function claimFacts(
  data: RmpData,
  d: RmpInputs,
  model: ModelRead,
  params: Pick<Params, "startMonth" | "nominalGdpGrowthPctPerYear">,
): ClaimFacts {
  const start = QT_EVENTS.find((e) => e.id === "qt-start")!;
  const end = QT_EVENTS.find((e) => e.id === "qt-end")!;
  const treasuries = monthlyChanges(monthlyLevels(d.treasuriesUsdBn, "month-end"));
  const during = treasuries.filter((c) => c.month >= start.date.slice(0, 7) && c.month < end.date.slice(0, 7));
  const after = treasuries.filter((c) => c.month >= end.date.slice(0, 7));
  const qtEnd = eventDate("qt-end");
  const beforeEnd = d.totalAssetsUsdBn.filter((r) => r.date < qtEnd);
  const peak = beforeEnd.reduce((a, b) => (b.value > a.value ? b : a));
  const afterQt = must(d.totalAssetsUsdBn.find((r) => r.date >= qtEnd), "total assets after QT's end");
  const sofr = spreadBpDaily(d.sofrPct, d.iorbPct);
  const y = countDaysAbove(sofr, "2025-01-01", "2025-12-31");
  const months = daysAboveByMonth(sofr.filter((p) => p.date.startsWith("2025")));
  const sofrRows = sofr.map((p) => ({ date: p.date, value: p.spreadBp }));
  const t0 = must(d.treasuriesUsdBn.find((r) => r.date >= qtEnd), "Treasuries after QT's end");
  const t1 = d.treasuriesUsdBn[d.treasuriesUsdBn.length - 1];
  const m0 = must(d.mbsUsdBn.find((r) => r.date === t0.date), "MBS in the week QT ended");
  const m1 = d.mbsUsdBn[d.mbsUsdBn.length - 1];
  const c = data.currencyUsdBn;
  const cl = c[c.length - 1];
  const growth = (n: number) => (c.length - 1 - n >= 0 ? (cl.value - c[c.length - 1 - n].value) / n : NaN);
  const bill = spreadBpDaily(data.bill3mPct, d.iorbPct).map((p) => ({ date: p.date, value: p.spreadBp }));
  const pre = addMonths(params.startMonth, -1);
  const lastFull = addMonths(bill[bill.length - 1].date.slice(0, 7), -1);
  // Like with like: reserves as a share of GDP on the first day SOFR traded above the top of the target
  // range (the same measure in 2019 and in 2025; IOER, IORB's predecessor, does not ship).
  const top = new Map(data.targetUpperPct.map((r) => [r.date, r.value]));
  // The day of the year on which SOFR exceeded the top of the range by the most (not a year-end turn by chance).
  const firstAboveTop = (from: string, to: string) => {
    let best: { date: string; over: number } | undefined;
    for (const r of d.sofrPct) {
      if (r.date < from || r.date > to || !top.has(r.date)) continue;
      const over = r.value - top.get(r.date)!;
      if (over > 0 && (!best || over > best.over)) best = { date: r.date, over };
    }
    return best?.date;
  };
  const shareOn = (date: string) => {
    const r = must(lastOnOrBefore(d.reservesUsdBn, date), `reserves on ${date}`);
    const gdp = must(d.gdpUsdBn.find((x) => x.date === quarterStart(date)), `GDP for ${date}`);
    return { date, sharePct: usdBnToSharePct(r.value, gdp.value), usdBn: r.value };
  };
  const s2019 = must(firstAboveTop("2019-01-01", "2019-12-31"), "a 2019 day with SOFR above the top of the range");
  const s2025 = firstAboveTop("2025-01-01", "2025-12-31");
  const sp0 = must(lastOnOrBefore(data.sp500Index, ARTICLE.date), "S&P 500 at the article's date");
  const sp1 = data.sp500Index[data.sp500Index.length - 1];
  const nq0 = must(lastOnOrBefore(data.nasdaqIndex, ARTICLE.date), "Nasdaq at the article's date");
  const nq1 = must(lastOnOrBefore(data.nasdaqIndex, sp1.date), "Nasdaq at the S&P 500's last date");
  const cv0 = must(lastOnOrBefore(data.curve10y2yBp, ARTICLE.date), "10y−2y at the article's date");
  const v0 = must(lastOnOrBefore(data.vixIndex, ARTICLE.date), "VIX at the article's date");
  const closest = ARTICLE_SCENARIOS.find((s) => s.id === model.closestId);
  const pace = model.realisedPaceUsdBnPerMonth;
  return {
    qtStart: start.date,
    qtStartDecided: start.decided ?? "",
    qtEnd: end.date,
    qtEndDecided: end.decided ?? "",
    treasuryMonthsFell: during.filter((x) => x.change < 0).length,
    treasuryMonthsDuring: during.length,
    treasuryMonthsRose: after.filter((x) => x.change > 0).length,
    treasuryMonthsAfter: after.length,
    peak,
    afterQt,
    drainedUsdBn: peak.value - afterQt.value,
    sofrAbove2025: { daysAbove: y.daysAbove, days: y.days, maxBp: y.maxBp, maxDate: y.maxDate },
    monthsMostlyAbove2025: months.filter((m) => m.daysAbove > m.days / 2).map((m) => m.month),
    effrAbove2025: countDaysAbove(spreadBpDaily(d.effrPct, d.iorbPct), "2025-01-01", "2025-12-31").daysAbove,
    onRrpMeanH1: meanBetween(data.onRrpUsdBn, "2025-01-01", "2025-06-30"),
    onRrpMeanQ4: meanBetween(data.onRrpUsdBn, "2025-10-01", "2025-12-31"),
    sofrSpreadMeanH1: meanBetween(sofrRows, "2025-01-01", "2025-06-30"),
    sofrSpreadMeanQ4: meanBetween(sofrRows, "2025-10-01", "2025-12-31"),
    holdingsSinceQtEnd: {
      from: t0.date,
      to: t1.date,
      treasuriesUsdBn: t1.value - t0.value,
      mbsUsdBn: m1.value - m0.value,
    },
    currencyGrowth: { to: cl.date, m12: growth(12), m60: growth(60), m120: growth(120) },
    keepShareUsdBnPerMonth: (model.startReservesUsdBn * params.nominalGdpGrowthPctPerYear) / 100 / 12,
    bill3mMinusIorb: {
      before: meanBetween(bill, `${pre}-01`, lastDayOfMonth(pre)),
      beforeMonth: pre,
      after: meanBetween(bill, `${lastFull}-01`, lastDayOfMonth(lastFull)),
      afterMonth: lastFull,
    },
    strain2019: shareOn(s2019),
    strain2025: s2025 ? shareOn(s2025) : undefined,
    sp500: { from: sp0, to: sp1, changePct: pctChange(sp0.value, sp1.value) },
    nasdaq: { from: nq0, to: nq1, changePct: pctChange(nq0.value, nq1.value) },
    curve10y2y: { from: cv0, to: data.curve10y2yBp[data.curve10y2yBp.length - 1] },
    vixSpot: { from: v0, to: data.vixIndex[data.vixIndex.length - 1] },
    closestInRange: closest
      ? pace >= closest.rangeUsdBnPerMonth[0] &&
        (closest.rangeUsdBnPerMonth[1] === null || pace <= closest.rangeUsdBnPerMonth[1])
      : false,
    firstRound: FED_FIRST_ROUND,
  };
}
