/**
 * Reserve management purchases (RMP): a monthly scenario engine for reserves.
 *
 * From a starting balance sheet, each month t = 1 … horizon:
 *
 *   reserves_t = reserves_{t−1} + purchases_t − Δcurrency_t − ΔTGA_t − Δother_t
 *   totalAssets_t = totalAssets_{t−1} + purchases_t
 *
 * all in $bn. Purchases (Treasury bills bought outright) add to assets and, paid for with new reserves, to
 * reserves. Growth of the other liabilities (currency in circulation, the Treasury General Account, other
 * liabilities such as ON RRP) drains reserves one for one. Agency MBS principal is reinvested in bills (FOMC
 * implementation note of 2025-10-29: from 2025-12-01 principal payments from agency securities are
 * reinvested in Treasury bills): MBS holdings fall and bill holdings rise by the same amount, so the reinvestment
 * neither adds nor drains reserves and leaves total assets unchanged. The engine carries it as a pair of
 * equal and opposite flows to make that visible; it never enters the reserves identity.
 *
 * The identity holds exactly at every step (see {@link checkIdentity}). Each path's spread comes from a
 * fitted reserve-demand curve (lib/calc/reserveDemand.ts) at reserves as a share of nominal GDP, GDP
 * growing at a stated annual rate from the starting quarter's level.
 *
 * The article's three scenarios ({@link ARTICLE_SCENARIOS}) and their probability-weighted expectation.
 * Sign conventions: purchases ≥ 0 add reserves; liability growth > 0 drains reserves.
 */

import { addMonths } from "../calendar.ts";
import { curveSpreadBp, type FittedCurve } from "./reserveDemand.ts";

/** One scenario: a monthly purchase size and its probability. */
export interface ScenarioSpec {
  id: string;
  label: string;
  /** Average purchases per month over the horizon ($bn/month, ≥ 0). */
  sizeUsdBnPerMonth: number;
  /** Probability (0–1); a scenario set's probabilities sum to 1. */
  probability: number;
}

/**
 * The three scenarios of the source article (RootData, 2025-12-10, "From QT to RMP": A "soft landing /
 * technical repair" $20–30bn/month, p = 0.40; B "liquidity tsunami / reflation" ≥ $45bn/month, p = 0.35;
 * C "policy error / liquidity shock" $3.5bn/month, p = 0.25). Point sizes: A the middle of its range, B
 * its stated floor, C as stated. The ranges are the article's; B's upper end is open in the article.
 */
export const ARTICLE_SCENARIOS: readonly (ScenarioSpec & { rangeUsdBnPerMonth: readonly [number, number | null] })[] = [
  {
    id: "A",
    label: "A: soft landing / technical repair",
    sizeUsdBnPerMonth: 25,
    rangeUsdBnPerMonth: [20, 30],
    probability: 0.4,
  },
  {
    id: "B",
    label: "B: liquidity tsunami / reflation",
    sizeUsdBnPerMonth: 45,
    rangeUsdBnPerMonth: [45, null],
    probability: 0.35,
  },
  {
    id: "C",
    label: "C: policy error / liquidity shock",
    sizeUsdBnPerMonth: 3.5,
    rangeUsdBnPerMonth: [3.5, 3.5],
    probability: 0.25,
  },
];

/** How a scenario's purchases are spread over the horizon. */
export type ScheduleShape = "flat" | "front-loaded";

/** The balance sheet the paths start from ($bn). */
export interface StartingBalanceSheet {
  /** "YYYY-MM": the month before the first projected month. */
  month: string;
  reservesUsdBn: number;
  totalAssetsUsdBn: number;
  /** Nominal GDP (SAAR, $bn) in effect at the start. */
  gdpUsdBn: number;
}

/** Assumptions shared by every scenario. */
export interface EngineOptions {
  horizonMonths: number;
  schedule: ScheduleShape;
  /** Front-loaded: months at the higher pace. */
  frontLoadMonths: number;
  /** Front-loaded: the first months' purchases as a multiple of the scenario size. */
  frontLoadMultiple: number;
  currencyGrowthUsdBnPerMonth: number;
  tgaGrowthUsdBnPerMonth: number;
  otherGrowthUsdBnPerMonth: number;
  /** Agency MBS principal paid down and reinvested in bills each month ($bn/month): reserve-neutral. */
  mbsPrincipalUsdBnPerMonth: number;
  /** Nominal GDP growth (pct per year, compounded monthly) for the share denominator. */
  gdpGrowthPctPerYear: number;
}

/** Defaults of {@link EngineOptions} (assumptions, each overridable; the notebook sets them explicitly). */
export const engineDefaults: EngineOptions = {
  horizonMonths: 24,
  schedule: "flat",
  frontLoadMonths: 4,
  frontLoadMultiple: 1.6,
  currencyGrowthUsdBnPerMonth: 3.5,
  tgaGrowthUsdBnPerMonth: 0,
  otherGrowthUsdBnPerMonth: 0,
  mbsPrincipalUsdBnPerMonth: 15,
  gdpGrowthPctPerYear: 5,
};

/** One projected month of one scenario. Flows are over the month; levels at its end. All $bn, bp, pct. */
export interface PathMonth {
  /** "YYYY-MM". */
  month: string;
  /** 1 … horizon. */
  step: number;
  purchasesUsdBn: number;
  cumulativePurchasesUsdBn: number;
  currencyChangeUsdBn: number;
  tgaChangeUsdBn: number;
  otherChangeUsdBn: number;
  /** MBS principal paid down (a fall in MBS holdings, shown positive). */
  mbsPaydownUsdBn: number;
  /** Bills bought with that principal: always equal to `mbsPaydownUsdBn`. */
  billsFromMbsUsdBn: number;
  reservesUsdBn: number;
  totalAssetsUsdBn: number;
  gdpUsdBn: number;
  /** Reserves as a share of nominal GDP (pct). */
  sharePctOfGdp: number;
  /** The fitted curve's spread at that share (bp); undefined without a curve. */
  spreadBp: number | undefined;
  /** The share lies outside the range the curve was fitted on: the spread is an extrapolation. */
  extrapolated: boolean;
}

/** One scenario's path. */
export interface ScenarioPath {
  scenario: ScenarioSpec;
  months: PathMonth[];
}

/** The input errors the engine refuses, with a message naming the input. */
export class ScenarioInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioInputError";
  }
}

/** Tolerance on the sum of probabilities. */
export const PROBABILITY_TOLERANCE = 1e-9;

/**
 * Check scenarios and options; throws a {@link ScenarioInputError} naming the first bad input: at least
 * one scenario, unique ids, sizes finite and ≥ 0, probabilities in [0, 1] summing to 1 within 1e-9,
 * horizon an integer ≥ 1, front-loading months ≥ 0 and multiple ≥ 0, every rate finite.
 */
export function validateScenarioInputs(scenarios: readonly ScenarioSpec[], options: Partial<EngineOptions> = {}): void {
  if (scenarios.length === 0) throw new ScenarioInputError("no scenarios given");
  const ids = new Set<string>();
  for (const s of scenarios) {
    if (ids.has(s.id)) throw new ScenarioInputError(`scenario id "${s.id}" appears twice`);
    ids.add(s.id);
    if (!Number.isFinite(s.sizeUsdBnPerMonth)) {
      throw new ScenarioInputError(
        `scenario ${s.id}: size must be a finite number of $bn/month, got ${s.sizeUsdBnPerMonth}`,
      );
    }
    if (s.sizeUsdBnPerMonth < 0) {
      throw new ScenarioInputError(
        `scenario ${s.id}: size must not be negative, got ${s.sizeUsdBnPerMonth} $bn/month (RMP buys, it does not sell)`,
      );
    }
    if (!Number.isFinite(s.probability) || s.probability < 0 || s.probability > 1) {
      throw new ScenarioInputError(`scenario ${s.id}: probability must be in [0, 1], got ${s.probability}`);
    }
  }
  const sum = scenarios.reduce((t, s) => t + s.probability, 0);
  if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
    throw new ScenarioInputError(
      `probabilities must sum to 1 (within ${PROBABILITY_TOLERANCE}), they sum to ${sum} (${
        scenarios.map((s) => `${s.id} ${s.probability}`).join(", ")
      })`,
    );
  }
  validateEngineOptions(options);
}

/** Check the shared options (see {@link validateScenarioInputs}). */
export function validateEngineOptions(options: Partial<EngineOptions>): void {
  const o = { ...engineDefaults, ...options };
  if (!Number.isInteger(o.horizonMonths) || o.horizonMonths < 1) {
    throw new ScenarioInputError(`horizon must be an integer ≥ 1 month, got ${o.horizonMonths}`);
  }
  if (o.schedule !== "flat" && o.schedule !== "front-loaded") {
    throw new ScenarioInputError(`schedule must be "flat" or "front-loaded", got "${o.schedule}"`);
  }
  if (!Number.isInteger(o.frontLoadMonths) || o.frontLoadMonths < 0) {
    throw new ScenarioInputError(`frontLoadMonths must be an integer ≥ 0, got ${o.frontLoadMonths}`);
  }
  if (!Number.isFinite(o.frontLoadMultiple) || o.frontLoadMultiple < 0) {
    throw new ScenarioInputError(`frontLoadMultiple must be ≥ 0, got ${o.frontLoadMultiple}`);
  }
  for (
    const k of [
      "currencyGrowthUsdBnPerMonth",
      "tgaGrowthUsdBnPerMonth",
      "otherGrowthUsdBnPerMonth",
      "gdpGrowthPctPerYear",
    ] as const
  ) {
    if (!Number.isFinite(o[k])) throw new ScenarioInputError(`${k} must be a finite number, got ${o[k]}`);
  }
  if (!Number.isFinite(o.mbsPrincipalUsdBnPerMonth) || o.mbsPrincipalUsdBnPerMonth < 0) {
    throw new ScenarioInputError(`mbsPrincipalUsdBnPerMonth must be ≥ 0, got ${o.mbsPrincipalUsdBnPerMonth}`);
  }
}

/**
 * Purchases per month for one unit of monthly size ($bn per $bn/month of size), length `horizonMonths`.
 * Flat: 1 every month. Front-loaded: `frontLoadMultiple` for the first `frontLoadMonths` months, then a
 * lower constant chosen so the horizon's total equals the flat schedule's (floored at 0 if the first
 * months alone exceed it, in which case the total is larger). A horizon no longer than the front-loaded
 * months is flat. Multiply by a scenario's size for its purchases.
 */
export function scheduleWeights(
  options: Pick<EngineOptions, "horizonMonths" | "schedule" | "frontLoadMonths" | "frontLoadMultiple">,
): Float64Array {
  const h = options.horizonMonths;
  const w = new Float64Array(h).fill(1);
  if (options.schedule === "flat" || options.frontLoadMonths >= h || options.frontLoadMonths === 0) return w;
  const k = options.frontLoadMonths;
  const later = Math.max(0, (h - k * options.frontLoadMultiple) / (h - k));
  for (let t = 0; t < h; t++) w[t] = t < k ? options.frontLoadMultiple : later;
  return w;
}

/** GDP ($bn) `step` months after the start at `growthPctPerYear`, compounded monthly. */
export function gdpAfterMonths(gdpStartUsdBn: number, growthPctPerYear: number, step: number): number {
  return gdpStartUsdBn * Math.pow(1 + growthPctPerYear / 100, step / 12);
}

/**
 * The monthly path of one scenario from `start` (see the module note for the identity). `curve`, when
 * given, prices each month's share of GDP; `curveShiftPp` moves the curve right by that many pp of share
 * (a rise in the reserves banks want: spread = f(share − shift)). Validates its inputs.
 */
export function projectScenario(
  scenario: ScenarioSpec,
  start: StartingBalanceSheet,
  options: Partial<EngineOptions> = {},
  curve?: FittedCurve,
  curveShiftPp = 0,
): ScenarioPath {
  const o = { ...engineDefaults, ...options };
  validateEngineOptions(o);
  if (!Number.isFinite(scenario.sizeUsdBnPerMonth) || scenario.sizeUsdBnPerMonth < 0) {
    throw new ScenarioInputError(
      `scenario ${scenario.id}: size must be a finite number ≥ 0 $bn/month, got ${scenario.sizeUsdBnPerMonth}`,
    );
  }
  const weights = scheduleWeights(o);
  const months: PathMonth[] = [];
  let reserves = start.reservesUsdBn;
  let assets = start.totalAssetsUsdBn;
  let cumulative = 0;
  for (let t = 1; t <= o.horizonMonths; t++) {
    const purchases = scenario.sizeUsdBnPerMonth * weights[t - 1];
    const dCur = o.currencyGrowthUsdBnPerMonth;
    const dTga = o.tgaGrowthUsdBnPerMonth;
    const dOther = o.otherGrowthUsdBnPerMonth;
    reserves = reserves + purchases - dCur - dTga - dOther;
    // MBS principal → bills: −paydown on MBS, +paydown on bills; assets and reserves unchanged.
    assets = assets + purchases;
    cumulative += purchases;
    const gdp = gdpAfterMonths(start.gdpUsdBn, o.gdpGrowthPctPerYear, t);
    const share = (reserves / gdp) * 100;
    const spread = curve ? curveSpreadBp(curve, share - curveShiftPp) : undefined;
    const extrapolated = curve
      ? share - curveShiftPp < curve.shareRangePct[0] || share - curveShiftPp > curve.shareRangePct[1]
      : false;
    months.push({
      month: addMonths(start.month, t),
      step: t,
      purchasesUsdBn: purchases,
      cumulativePurchasesUsdBn: cumulative,
      currencyChangeUsdBn: dCur,
      tgaChangeUsdBn: dTga,
      otherChangeUsdBn: dOther,
      mbsPaydownUsdBn: o.mbsPrincipalUsdBnPerMonth,
      billsFromMbsUsdBn: o.mbsPrincipalUsdBnPerMonth,
      reservesUsdBn: reserves,
      totalAssetsUsdBn: assets,
      gdpUsdBn: gdp,
      sharePctOfGdp: share,
      spreadBp: spread,
      extrapolated,
    });
  }
  return { scenario, months };
}

/**
 * Check the reserves identity and the MBS neutrality at every step of a path; returns the largest
 * absolute error ($bn). The engine's own paths give 0 up to float rounding.
 */
export function checkIdentity(path: ScenarioPath, start: StartingBalanceSheet): number {
  let worst = 0;
  let prevReserves = start.reservesUsdBn;
  let prevAssets = start.totalAssetsUsdBn;
  for (const m of path.months) {
    const expected = prevReserves + m.purchasesUsdBn - m.currencyChangeUsdBn - m.tgaChangeUsdBn - m.otherChangeUsdBn;
    worst = Math.max(worst, Math.abs(m.reservesUsdBn - expected));
    const assetsExpected = prevAssets + m.purchasesUsdBn + m.billsFromMbsUsdBn - m.mbsPaydownUsdBn;
    worst = Math.max(worst, Math.abs(m.totalAssetsUsdBn - assetsExpected));
    prevReserves = m.reservesUsdBn;
    prevAssets = m.totalAssetsUsdBn;
  }
  return worst;
}

/** One month of the probability-weighted expectation across scenarios. */
export interface ExpectedMonth {
  month: string;
  step: number;
  purchasesUsdBn: number;
  cumulativePurchasesUsdBn: number;
  reservesUsdBn: number;
  totalAssetsUsdBn: number;
  /** Probability-weighted mean of the scenarios' spreads (bp): E[spread], not spread(E[reserves]). */
  spreadBp: number | undefined;
}

/** Every scenario's path and the probability-weighted expectation. */
export interface ScenarioSet {
  paths: ScenarioPath[];
  expected: ExpectedMonth[];
}

/**
 * Project every scenario and their probability-weighted expectation (each field of each month is
 * Σ p_s · x_s). Validates: probabilities sum to 1 within 1e-9, sizes ≥ 0, horizon ≥ 1.
 */
export function runScenarios(
  scenarios: readonly ScenarioSpec[],
  start: StartingBalanceSheet,
  options: Partial<EngineOptions> = {},
  curve?: FittedCurve,
): ScenarioSet {
  validateScenarioInputs(scenarios, options);
  const paths = scenarios.map((s) => projectScenario(s, start, options, curve));
  return { paths, expected: expectedPath(paths) };
}

/** The probability-weighted mean path of scenario paths of equal length (probabilities as given). */
export function expectedPath(paths: readonly ScenarioPath[]): ExpectedMonth[] {
  if (paths.length === 0) return [];
  const h = paths[0].months.length;
  if (paths.some((p) => p.months.length !== h)) {
    throw new ScenarioInputError("expectedPath: paths of different lengths");
  }
  const out: ExpectedMonth[] = [];
  for (let t = 0; t < h; t++) {
    const w = (f: (m: PathMonth) => number) => paths.reduce((s, p) => s + p.scenario.probability * f(p.months[t]), 0);
    const spreads = paths.every((p) => p.months[t].spreadBp !== undefined);
    out.push({
      month: paths[0].months[t].month,
      step: t + 1,
      purchasesUsdBn: w((m) => m.purchasesUsdBn),
      cumulativePurchasesUsdBn: w((m) => m.cumulativePurchasesUsdBn),
      reservesUsdBn: w((m) => m.reservesUsdBn),
      totalAssetsUsdBn: w((m) => m.totalAssetsUsdBn),
      spreadBp: spreads ? w((m) => m.spreadBp!) : undefined,
    });
  }
  return out;
}

/**
 * Scenarios from keyed sizes and probabilities (as a notebook's parameters hold them), labelled from
 * {@link ARTICLE_SCENARIOS} where the id matches. Throws on an id present in one map and not the other.
 */
export function scenariosFromParams(
  sizesUsdBnPerMonth: Record<string, number>,
  probabilities: Record<string, number>,
): ScenarioSpec[] {
  const ids = Object.keys(sizesUsdBnPerMonth);
  const missing = [
    ...ids.filter((id) => !(id in probabilities)),
    ...Object.keys(probabilities).filter((id) => !(id in sizesUsdBnPerMonth)),
  ];
  if (missing.length) {
    throw new ScenarioInputError(
      `scenario ids must match between sizes and probabilities; unmatched: ${missing.join(", ")}`,
    );
  }
  return ids.map((id) => ({
    id,
    label: ARTICLE_SCENARIOS.find((s) => s.id === id)?.label ?? id,
    sizeUsdBnPerMonth: sizesUsdBnPerMonth[id],
    probability: probabilities[id],
  }));
}
