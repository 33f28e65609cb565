/**
 * The RMP notebook's model in one place: from the loaded data (plain rows) and the notebook's parameters
 * to the spreads, the fitted reserve-demand curve and its "ample" threshold, the scenario paths and their
 * expectation, the fan sweep, and the realised path with its distances to the scenarios. The chart views
 * (lib/plot/*View) call these functions, so a reader who changes an assumption re-runs exactly the
 * computation the notebook ran. Pure: plain data in, plain data out.
 *
 * Composition only: every formula lives in moneyMarket.ts, reserveDemand.ts, rmpScenarios.ts, rmpSweep.ts
 * and realised.ts.
 */
import { addMonths, quarterStart } from "../calendar.ts";
import { daysAboveByMonth, IORB_START, spreadBpDaily, type SpreadPoint, weekEndingMeans } from "./moneyMarket.ts";
import {
  type AmpleRule,
  ampleThresholdSharePct,
  buildCurveSample,
  type CurveForm,
  type CurveSamplePoint,
  fitReserveDemandCurve,
  type FittedCurve,
  shareToUsdBn,
} from "./reserveDemand.ts";

import {
  closestScenario,
  compareWithScenarios,
  realisedPaceUsdBnPerMonth,
  type RealisedPath,
  realisedPath,
  type ScenarioDistance,
} from "./realised.ts";

import {
  type EngineOptions,
  gdpAfterMonths,
  runScenarios,
  ScenarioInputError,
  type ScenarioSet,
  scenariosFromParams,
  type ScheduleShape,
  type StartingBalanceSheet,
} from "./rmpScenarios.ts";
import {
  type FanQuantiles,
  fanQuantiles,
  linspace,
  runSweep,
  type SweepResult,
  type SweepWorkspace,
} from "./rmpSweep.ts";

type Rows = readonly { date: string; value: number }[];

/** The data the model reads, as plain rows in canonical units (pct, $bn). */
export interface RmpInputs {
  sofrPct: Rows;
  effrPct: Rows;
  iorbPct: Rows;
  /** Top of the federal funds target range (pct): the labelled proxy reference before IORB exists. */
  targetUpperPct: Rows;
  reservesUsdBn: Rows;
  totalAssetsUsdBn: Rows;
  treasuriesUsdBn: Rows;
  mbsUsdBn: Rows;
  /** Nominal GDP, quarterly SAAR ($bn), dated on the quarter's first day. */
  gdpUsdBn: Rows;
  /** Commercial bank deposits, weekly ($bn). */
  depositsUsdBn: Rows;
}

/** The notebook's parameters, by the names the parameters cell uses. */
export interface RmpParams {
  startMonth: string;
  horizonMonths: number;
  scenarioSizesUsdBnPerMonth: Record<string, number>;
  scenarioProbabilities: Record<string, number>;
  fanSizeOffsetsUsdBnPerMonth: Record<string, readonly [number, number]>;
  scheduleShape: ScheduleShape;
  frontLoadMonths: number;
  frontLoadMultiple: number;
  currencyGrowthUsdBnPerMonth: number;
  tgaGrowthUsdBnPerMonth: number;
  otherLiabilitiesGrowthUsdBnPerMonth: number;
  mbsPrincipalUsdBnPerMonth: number;
  nominalGdpGrowthPctPerYear: number;
  curveSpread: "SOFR-IORB" | "EFFR-IORB";
  curveForm: CurveForm;
  curveFitFrom: string;
  curveFitTo: string;
  ampleRule: "slope" | "spread";
  ampleSlopeBpPer100UsdBn: number;
  ampleSpreadBp: number;
  /** The curve's floor fixed at this spread (bp; the administered ON RRP − IORB), or fitted when left out. */
  curveFloorBp?: number;
  fanOrganicRangeUsdBnPerMonth: readonly [number, number];
  fanCurveShiftRangePp: readonly [number, number];
  fanGridPoints: number;
  fanBandQuantiles: readonly [number, number];
  rollingWindowDays: number;
  /** First month of the days-above chart (ISO date). */
  daysAboveFrom: string;
  sensitivitySizesUsdBnPerMonth: readonly number[];
  sensitivityOrganicUsdBnPerMonth: readonly number[];
  sensitivityCurveShiftsPp: readonly number[];
}

/** Daily SOFR − IORB and EFFR − IORB (bp). */
export function rmpSpreads(
  inputs: Pick<RmpInputs, "sofrPct" | "effrPct" | "iorbPct">,
): { sofr: SpreadPoint[]; effr: SpreadPoint[] } {
  return { sofr: spreadBpDaily(inputs.sofrPct, inputs.iorbPct), effr: spreadBpDaily(inputs.effrPct, inputs.iorbPct) };
}

/**
 * The RMP notebook's default parameters (its parameters cell holds the same values, each with its source):
 * the article's scenarios, a flat schedule, currency growth at the article's $3.5bn/month, the SOFR − IORB
 * curve in exponential form and the slope rule for "ample". For tests and for callers without a notebook.
 */
export const rmpDefaults: RmpParams = {
  startMonth: "2025-12",
  horizonMonths: 24,
  scenarioSizesUsdBnPerMonth: { A: 25, B: 45, C: 3.5 },
  scenarioProbabilities: { A: 0.4, B: 0.35, C: 0.25 },
  fanSizeOffsetsUsdBnPerMonth: { A: [-5, 5], B: [0, 15], C: [0, 0] },
  scheduleShape: "flat",
  frontLoadMonths: 4,
  frontLoadMultiple: 1.6,
  currencyGrowthUsdBnPerMonth: 3.5,
  tgaGrowthUsdBnPerMonth: 0,
  otherLiabilitiesGrowthUsdBnPerMonth: 0,
  mbsPrincipalUsdBnPerMonth: 15,
  nominalGdpGrowthPctPerYear: 5,
  curveSpread: "SOFR-IORB",
  curveForm: "exponential",
  curveFitFrom: "2021-07-29",
  curveFitTo: "2025-12-31",
  ampleRule: "slope",
  ampleSlopeBpPer100UsdBn: 1,
  ampleSpreadBp: 0,
  fanOrganicRangeUsdBnPerMonth: [-3, 3],
  fanCurveShiftRangePp: [-0.5, 0.5],
  fanGridPoints: 9,
  fanBandQuantiles: [0.1, 0.9],
  rollingWindowDays: 20,
  daysAboveFrom: "2024-01-01",
  sensitivitySizesUsdBnPerMonth: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60],
  sensitivityOrganicUsdBnPerMonth: [0, 2.5, 5, 7.5, 10, 12.5, 15],
  sensitivityCurveShiftsPp: [-0.5, 0, 0.5],
};

/**
 * The inputs with every series cut to `from` (ISO) on: what the views need, and what a report page carries
 * when a reader re-runs them (the curve needs IORB's era, the spread chart SOFR's, from 2018).
 */
export function trimInputs<T extends { [K in keyof T]: Rows }>(inputs: T, from: string): T {
  const entries = Object.entries(inputs) as [string, Rows][];
  return Object.fromEntries(entries.map(([k, rows]) => [k, rows.filter((r) => r.date >= from)])) as unknown as T;
}

/** The spread the curve is fitted on and the realised path compares with. */
export function curveSpreadSeries(inputs: RmpInputs, params: Pick<RmpParams, "curveSpread">): SpreadPoint[] {
  if (params.curveSpread !== "SOFR-IORB" && params.curveSpread !== "EFFR-IORB") {
    throw new ScenarioInputError(`curveSpread must be "SOFR-IORB" or "EFFR-IORB", got "${params.curveSpread}"`);
  }
  return params.curveSpread === "SOFR-IORB"
    ? spreadBpDaily(inputs.sofrPct, inputs.iorbPct)
    : spreadBpDaily(inputs.effrPct, inputs.iorbPct);
}

/** The fitted curve on one denominator, with its sample and threshold. */
export interface CurveFit {
  denominator: "GDP" | "deposits";
  sample: CurveSamplePoint[];
  curve: FittedCurve;
  /** The latest denominator observation: converts the threshold to $bn. */
  latest: { date: string; value: number };
  rule: AmpleRule;
  /** Threshold share (pct); undefined when the curve never reaches the rule's level. */
  thresholdSharePct: number | undefined;
  thresholdUsdBn: number | undefined;
}

/** The "ample" rule from the parameters, with the slope converted to bp per pp at `denominatorUsdBn`. */
export function ampleRuleFromParams(
  params: Pick<RmpParams, "ampleRule" | "ampleSlopeBpPer100UsdBn" | "ampleSpreadBp">,
  denominatorUsdBn: number,
): AmpleRule {
  if (params.ampleRule === "spread") return { kind: "spread", bp: params.ampleSpreadBp };
  if (params.ampleRule !== "slope") {
    throw new ScenarioInputError(`ampleRule must be "slope" or "spread", got "${params.ampleRule}"`);
  }
  // 1 pp of the denominator is denominator/100 $bn = denominator/10,000 units of $100bn.
  return { kind: "slope", bpPerPp: (params.ampleSlopeBpPer100UsdBn * denominatorUsdBn) / 10_000 };
}

/** The parameters the curve fit reads ({@link rmpCurveFit}): its spread, form, sample, floor and "ample" rule. */
export const RMP_FIT_PARAMS = [
  "curveSpread",
  "curveForm",
  "curveFitFrom",
  "curveFitTo",
  "ampleRule",
  "ampleSlopeBpPer100UsdBn",
  "ampleSpreadBp",
  "curveFloorBp",
] as const;

/** The curve fit's parameters. */
export type RmpFitParams = Pick<RmpParams, (typeof RMP_FIT_PARAMS)[number]>;

/** The parameters the model's base reads ({@link rmpModelBase}): the fit's and the start month. */
export const RMP_BASE_PARAMS = [...RMP_FIT_PARAMS, "startMonth"] as const;

/** The model base's parameters. */
export type RmpBaseParams = Pick<RmpParams, (typeof RMP_BASE_PARAMS)[number]>;

/**
 * Fit the curve on GDP (default) or deposits: weekly sample from `curveFitFrom` (not before IORB's start)
 * to `curveFitTo`, the chosen form, the threshold at the latest denominator.
 */
export function rmpCurveFit(
  inputs: RmpInputs,
  params: RmpFitParams,
  denominator: "GDP" | "deposits" = "GDP",
): CurveFit {
  const daily = curveSpreadSeries(inputs, params);
  const weekly = weekEndingMeans(daily, inputs.reservesUsdBn.map((r) => r.date));
  const denom = denominator === "GDP" ? inputs.gdpUsdBn : inputs.depositsUsdBn;
  const from = params.curveFitFrom > IORB_START ? params.curveFitFrom : IORB_START;
  const sample = buildCurveSample({
    reservesWeekly: inputs.reservesUsdBn,
    spreadWeekly: weekly,
    denominator: denom,
    denominatorFrequency: denominator === "GDP" ? "quarterly" : "weekly",
    from,
    to: params.curveFitTo,
  });
  const curve = fitReserveDemandCurve(sample, { form: params.curveForm, floorBp: params.curveFloorBp });
  const latest = denom[denom.length - 1];
  const rule = ampleRuleFromParams(params, latest.value);
  const thresholdSharePct = ampleThresholdSharePct(curve, rule);
  return {
    denominator,
    sample,
    curve,
    latest: { date: latest.date, value: latest.value },
    rule,
    thresholdSharePct,
    thresholdUsdBn: thresholdSharePct === undefined ? undefined : shareToUsdBn(thresholdSharePct, latest.value),
  };
}

/** The parameters the scenario engine's options read ({@link engineOptionsFromParams}). */
export const RMP_ENGINE_PARAMS = [
  "horizonMonths",
  "scheduleShape",
  "frontLoadMonths",
  "frontLoadMultiple",
  "currencyGrowthUsdBnPerMonth",
  "tgaGrowthUsdBnPerMonth",
  "otherLiabilitiesGrowthUsdBnPerMonth",
  "mbsPrincipalUsdBnPerMonth",
  "nominalGdpGrowthPctPerYear",
] as const;

/** The parameters {@link rmpScenarioModelOn} reads: the scenarios' sizes and probabilities and the engine's. */
export const RMP_SCENARIO_PARAMS = [
  "scenarioSizesUsdBnPerMonth",
  "scenarioProbabilities",
  ...RMP_ENGINE_PARAMS,
] as const;

/** The parameters {@link rmpFans} and {@link scenarioFan} read besides the model: the engine's and the fans' grid. */
export const RMP_FAN_PARAMS = [
  ...RMP_ENGINE_PARAMS,
  "fanGridPoints",
  "fanOrganicRangeUsdBnPerMonth",
  "fanCurveShiftRangePp",
  "fanBandQuantiles",
  "fanSizeOffsetsUsdBnPerMonth",
] as const;

/** The parameters {@link rmpSensitivity} reads besides the base: the engine's, the grid's and the start month. */
export const RMP_SENSITIVITY_PARAMS = [
  ...RMP_ENGINE_PARAMS,
  "sensitivitySizesUsdBnPerMonth",
  "sensitivityOrganicUsdBnPerMonth",
  "sensitivityCurveShiftsPp",
  "startMonth",
] as const;

/** The engine options from the parameters. */
export function engineOptionsFromParams(params: Pick<RmpParams, (typeof RMP_ENGINE_PARAMS)[number]>): EngineOptions {
  return {
    horizonMonths: params.horizonMonths,
    schedule: params.scheduleShape,
    frontLoadMonths: params.frontLoadMonths,
    frontLoadMultiple: params.frontLoadMultiple,
    currencyGrowthUsdBnPerMonth: params.currencyGrowthUsdBnPerMonth,
    tgaGrowthUsdBnPerMonth: params.tgaGrowthUsdBnPerMonth,
    otherGrowthUsdBnPerMonth: params.otherLiabilitiesGrowthUsdBnPerMonth,
    mbsPrincipalUsdBnPerMonth: params.mbsPrincipalUsdBnPerMonth,
    gdpGrowthPctPerYear: params.nominalGdpGrowthPctPerYear,
  };
}

/** Everything the scenario charts need. */
export interface RmpScenarioModel {
  fit: CurveFit;
  start: StartingBalanceSheet;
  set: ScenarioSet;
  realised: RealisedPath;
  distances: ScenarioDistance[];
  closest: ScenarioDistance;
  realisedPaceUsdBnPerMonth: number;
  /** The ample threshold ($bn) month by month: threshold share × projected GDP. */
  ampleUsdBnByMonth: { month: string; usdBn: number }[];
}

/**
 * What the scenarios run on, computed once from the data: the curve fitted on GDP with its threshold, the
 * realised path since `startMonth`, and the balance sheet the paths start from. It depends on the data and
 * on the parameters of the curve, the threshold and the start only (curveSpread, curveForm, curveFitFrom,
 * curveFitTo, ampleRule, ampleSlopeBpPer100UsdBn, ampleSpreadBp, startMonth), not on the scenarios, the
 * schedule, the organic drain, GDP growth or the horizon: a caller that varies only those (a live view in
 * a report page) computes it once and runs {@link rmpScenarioModelOn} on it.
 */
export interface RmpModelBase {
  fit: CurveFit;
  realised: RealisedPath;
  start: StartingBalanceSheet;
}

/**
 * Fit the curve, and start from the H.4.1 week closing the month before `startMonth` (reserves, total
 * assets; month-end grid, lib/calc/monthly.ts) and the GDP quarter containing it.
 */
export function rmpModelBase(inputs: RmpInputs, params: RmpBaseParams): RmpModelBase {
  const fit = rmpCurveFit(inputs, params, "GDP");
  const daily = curveSpreadSeries(inputs, params);
  const realised = realisedPath({
    startMonth: params.startMonth,
    totalAssets: inputs.totalAssetsUsdBn,
    treasuries: inputs.treasuriesUsdBn,
    mbs: inputs.mbsUsdBn,
    reserves: inputs.reservesUsdBn,
    spreadDaily: daily,
  });
  const gdpDate = quarterStart(realised.start.weekEnding);
  const gdp = inputs.gdpUsdBn.find((g) => g.date === gdpDate);
  if (!gdp) {
    throw new ScenarioInputError(
      `no GDP for the quarter ${gdpDate} containing the start week ${realised.start.weekEnding}`,
    );
  }
  const start: StartingBalanceSheet = {
    month: addMonths(params.startMonth, -1),
    reservesUsdBn: realised.start.reservesUsdBn,
    totalAssetsUsdBn: realised.start.totalAssetsUsdBn,
    gdpUsdBn: gdp.value,
  };
  return { fit, realised, start };
}

/**
 * Run the scenarios on a base ({@link rmpModelBase}) and compare them with the realised path: the
 * scenarios from the params' sizes and probabilities, the engine options from the params, the "ample"
 * threshold at each month's projected GDP.
 */
export function rmpScenarioModelOn(
  base: RmpModelBase,
  params: Pick<RmpParams, (typeof RMP_SCENARIO_PARAMS)[number]>,
): RmpScenarioModel {
  const { fit, realised, start } = base;
  const scenarios = scenariosFromParams(params.scenarioSizesUsdBnPerMonth, params.scenarioProbabilities);
  const options = engineOptionsFromParams(params);
  const set = runScenarios(scenarios, start, options, fit.curve);
  const distances = compareWithScenarios(realised, set.paths);
  const ampleUsdBnByMonth = fit.thresholdSharePct === undefined
    ? []
    : set.paths[0].months.map((m) => ({ month: m.month, usdBn: shareToUsdBn(fit.thresholdSharePct!, m.gdpUsdBn) }));
  return {
    fit,
    start,
    set,
    realised,
    distances,
    closest: closestScenario(distances),
    realisedPaceUsdBnPerMonth: realisedPaceUsdBnPerMonth(realised.months),
    ampleUsdBnByMonth,
  };
}

/**
 * Fit the curve, start from the H.4.1 week closing the month before `startMonth` (reserves, total assets;
 * month-end grid, lib/calc/monthly.ts) and the GDP quarter containing it, run the scenarios and compare
 * them with the realised path: {@link rmpScenarioModelOn} of {@link rmpModelBase}.
 */
export function rmpScenarioModel(inputs: RmpInputs, params: RmpParams): RmpScenarioModel {
  return rmpScenarioModelOn(rmpModelBase(inputs, params), params);
}

/** One scenario's fan: the sweep and its per-month quantiles of reserves and spread. */
export interface ScenarioFan {
  id: string;
  label: string;
  sizesUsdBnPerMonth: Float64Array;
  sweep: SweepResult;
  reserves: FanQuantiles;
  spread: FanQuantiles;
}

/**
 * Per scenario, sweep size over [size + offset low, size + offset high] (floored at 0), the organic drain
 * (currency + TGA + other growth) over its base ± the range, and the curve shift over its range, with
 * `fanGridPoints` values per axis; quantiles [low band, 0.5, high band] per month. With `workspaces` (one
 * per scenario, in order), each sweep writes into its scenario's workspace: the fans' `sweep` arrays are then
 * valid until the next call with the same workspaces (a live view that redraws on every input).
 */
export function rmpFans(
  model: RmpScenarioModel,
  params: Pick<RmpParams, (typeof RMP_FAN_PARAMS)[number]>,
  workspaces?: readonly SweepWorkspace[],
): ScenarioFan[] {
  return model.set.paths.map((p, i) => scenarioFan(model, params, p.scenario, workspaces?.[i]));
}

/**
 * One scenario's fan of {@link rmpFans} (it depends on that scenario's size, not on the others' nor on the
 * probabilities); with `workspace`, its sweep writes there (see {@link rmpFans}).
 */
export function scenarioFan(
  model: RmpScenarioModel,
  params: Pick<RmpParams, (typeof RMP_FAN_PARAMS)[number]>,
  scenario: { id: string; label: string; sizeUsdBnPerMonth: number },
  workspace?: SweepWorkspace,
): ScenarioFan {
  const n = params.fanGridPoints;
  if (!Number.isInteger(n) || n < 1) throw new ScenarioInputError(`fanGridPoints must be an integer ≥ 1, got ${n}`);
  const baseDrain = params.currencyGrowthUsdBnPerMonth + params.tgaGrowthUsdBnPerMonth +
    params.otherLiabilitiesGrowthUsdBnPerMonth;
  const drains = linspace(
    baseDrain + params.fanOrganicRangeUsdBnPerMonth[0],
    baseDrain + params.fanOrganicRangeUsdBnPerMonth[1],
    n,
  );
  const shifts = linspace(params.fanCurveShiftRangePp[0], params.fanCurveShiftRangePp[1], n);
  const qs = [params.fanBandQuantiles[0], 0.5, params.fanBandQuantiles[1]];
  const options = engineOptionsFromParams(params);
  const off = params.fanSizeOffsetsUsdBnPerMonth[scenario.id] ?? [0, 0];
  const size = scenario.sizeUsdBnPerMonth;
  const sizes = linspace(Math.max(0, size + off[0]), Math.max(0, size + off[1]), n);
  const sweep = sweepFrom(model, options, sizes, drains, shifts, workspace);
  return {
    id: scenario.id,
    label: scenario.label,
    sizesUsdBnPerMonth: sizes,
    sweep,
    reserves: fanQuantiles(sweep, "reservesUsdBn", qs),
    spread: fanQuantiles(sweep, "spreadBp", qs),
  };
}

/** The sweep engine run from the model's start (reserves, GDP) and fitted curve over a grid of sizes × drains × curve shifts. */
function sweepFrom(
  model: Pick<RmpModelBase, "fit" | "start">,
  options: ReturnType<typeof engineOptionsFromParams>,
  sizes: Float64Array,
  drains: Float64Array,
  shifts: Float64Array,
  workspace?: SweepWorkspace,
) {
  return runSweep({
    startReservesUsdBn: model.start.reservesUsdBn,
    gdpStartUsdBn: model.start.gdpUsdBn,
    gdpGrowthPctPerYear: options.gdpGrowthPctPerYear,
    schedule: options,
    sizesUsdBnPerMonth: sizes,
    organicDrainsUsdBnPerMonth: drains,
    curveShiftsPp: shifts,
    curve: model.fit.curve,
  }, workspace);
}

/** One cell of the sensitivity grid: the spread and reserves at the horizon's last month. */
export interface SensitivityCell {
  sizeUsdBnPerMonth: number;
  organicUsdBnPerMonth: number;
  curveShiftPp: number;
  reservesUsdBn: number;
  spreadBp: number;
  /** Reserves minus the ample threshold (moved by the curve shift) at that month's projected GDP ($bn); undefined without a threshold. */
  cushionUsdBn: number | undefined;
}

/**
 * Sweep the sensitivity grid (size × organic drain × curve shift) and read the horizon's last month. It reads
 * the model's fitted curve and starting balance sheet only (a base, {@link rmpModelBase}, or a scenario model
 * on it: the same grid), not the scenarios.
 */
export function rmpSensitivity(
  model: Pick<RmpModelBase, "fit" | "start">,
  params: Pick<RmpParams, (typeof RMP_SENSITIVITY_PARAMS)[number]>,
): { month: string; cells: SensitivityCell[] } {
  const options = engineOptionsFromParams(params);
  const sizes = Float64Array.from(params.sensitivitySizesUsdBnPerMonth);
  const drains = Float64Array.from(params.sensitivityOrganicUsdBnPerMonth);
  const shifts = Float64Array.from(params.sensitivityCurveShiftsPp);
  const sweep = sweepFrom(model, options, sizes, drains, shifts);
  const t = sweep.horizonMonths - 1;
  const month = addMonths(params.startMonth, t);
  const thr = model.fit.thresholdSharePct;
  // GDP at the horizon's last month, as the scenario engine projects it (lib/calc/rmpScenarios.ts runScenario).
  const gdp = gdpAfterMonths(model.start.gdpUsdBn, options.gdpGrowthPctPerYear, t + 1);
  const cells: SensitivityCell[] = [];
  for (let i = 0; i < sizes.length; i++) {
    for (let j = 0; j < drains.length; j++) {
      for (let k = 0; k < shifts.length; k++) {
        const p = (i * drains.length + j) * shifts.length + k;
        const reserves = sweep.reservesUsdBn[t * sweep.nPaths + p];
        cells.push({
          sizeUsdBnPerMonth: sizes[i],
          organicUsdBnPerMonth: drains[j],
          curveShiftPp: shifts[k],
          reservesUsdBn: reserves,
          spreadBp: sweep.spreadBp[t * sweep.nPaths + p],
          cushionUsdBn: thr === undefined ? undefined : reserves - shareToUsdBn(thr + shifts[k], gdp),
        });
      }
    }
  }
  return { month, cells };
}

/** Days above zero per month for both spreads, from `from` (ISO) on. */
export function rmpDaysAbove(inputs: RmpInputs, from: string) {
  const s = rmpSpreads(inputs);
  return {
    sofr: daysAboveByMonth(s.sofr.filter((p) => p.date >= from)),
    effr: daysAboveByMonth(s.effr.filter((p) => p.date >= from)),
  };
}
