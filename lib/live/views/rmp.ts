/**
 * Live views of the RMP scenarios (notebook 05): the expected purchases, the reserve fan and the scenario
 * table with each path's implied spread. A reader changes the scenarios' sizes and probabilities, the
 * schedule, the horizon, the organic drain and GDP growth; each view reruns the scenario engine on the
 * notebook's fitted curve (lib/calc/rmpModel.ts rmpScenarioModelOn, rmpFans) and redraws the notebook's
 * chart or table (lib/plot/expectedRmp.ts, rmpFan.ts, rmpTables.ts) with its figures.
 *
 * What travels in the page is the model's base (lib/calc/rmpModel.ts rmpModelBase: the fitted curve's
 * parameters and threshold, the starting balance sheet, the realised months), computed once in the
 * notebook, and the weekly reserves the fan chart draws: a few kilobytes instead of the ten daily and
 * weekly series, and no curve fit on a redraw. The base depends on the curve's, the threshold's and the
 * start's parameters, which are not controls here; the views refuse params that disagree with the base.
 */
import { fmt } from "../../format.ts";
import {
  RMP_BASE_PARAMS,
  type RmpInputs,
  type RmpModelBase,
  rmpModelBase,
  type RmpParams,
  type RmpScenarioModel,
  rmpScenarioModelOn,
  type ScenarioFan,
  scenarioFan,
} from "../../calc/rmpModel.ts";
import { type SweepWorkspace, sweepWorkspace } from "../../calc/rmpSweep.ts";
import { expectedRmpOfModel } from "../../plot/expectedRmp.ts";
import { rmpFanOfModel } from "../../plot/rmpFan.ts";
import { scenarioTableOfModel } from "../../plot/rmpTables.ts";
import type { ControlSpec, LiveFigure, LiveOutput, LiveViewDef } from "../types.ts";

type Rows = readonly { date: string; value: number }[];

/** The parameters the base is computed with (not controls: changing them needs the full data and a refit). */
export const BASE_PARAMS = RMP_BASE_PARAMS;

/** First week of realised reserves the fan chart draws (lib/plot/rmpFan.ts draws them from this date). */
export const REALISED_WEEKLY_FROM = "2025-06-01";

/** The data the RMP live views carry. */
export interface RmpLiveData {
  /** The model's base, the fit's weekly sample left out (the views do not draw it). */
  base: RmpModelBase;
  /** The base's parameters, checked against the params on every redraw. */
  baseParams: Pick<RmpParams, (typeof BASE_PARAMS)[number]>;
  /** Weekly reserves (WRESBAL, $bn) from {@link REALISED_WEEKLY_FROM}. */
  realisedWeeklyReservesUsdBn: Rows;
  /** Last week of the Treasury holdings (TREAST): the expected-purchases chart's as-of date. */
  holdingsAsOf: string | undefined;
}

/** A copy of plain data without the keys whose value is undefined (JSON leaves them out; reading them gives undefined again). */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)]),
  ) as T;
}

/** The views' data from the notebook's inputs and params: the base once, and the weekly reserves drawn. */
export function rmpLiveData(inputs: RmpInputs, params: RmpParams): RmpLiveData {
  return rmpLiveDataOf(rmpModelBase(inputs, params), inputs, params);
}

/** The views' data from a base already computed (the article's run), without fitting again. */
export function rmpLiveDataOf(base: RmpModelBase, inputs: RmpInputs, params: RmpParams): RmpLiveData {
  return withoutUndefined({
    base: { ...base, fit: { ...base.fit, sample: [] } },
    baseParams: Object.fromEntries(BASE_PARAMS.map((k) => [k, params[k]])) as RmpLiveData["baseParams"],
    realisedWeeklyReservesUsdBn: inputs.reservesUsdBn.filter((r) => r.date >= REALISED_WEEKLY_FROM),
    holdingsAsOf: inputs.treasuriesUsdBn[inputs.treasuriesUsdBn.length - 1]?.date,
  });
}

/** The last model computed, by its data and params: the page's linked views redraw on the same values. */
let lastModel: { data: RmpLiveData; key: string; model: RmpScenarioModel } | undefined;

/**
 * The scenario model on the data's base; throws when a base parameter in `params` differs from the base's.
 * Views redrawn on the same data and params share one model (it is plain data no view changes).
 */
export function rmpLiveModel(data: RmpLiveData, params: RmpParams): RmpScenarioModel {
  const key = JSON.stringify(params);
  if (lastModel && lastModel.data === data && lastModel.key === key) return lastModel.model;
  const model = rmpLiveModelOf(data, params);
  lastModel = { data, key, model };
  return model;
}

function rmpLiveModelOf(data: RmpLiveData, params: RmpParams): RmpScenarioModel {
  for (const k of BASE_PARAMS) {
    if (params[k] !== data.baseParams[k]) {
      throw new RangeError(
        `${k} is ${JSON.stringify(params[k])} but the page's fitted model was computed with ${
          JSON.stringify(data.baseParams[k])
        }`,
      );
    }
  }
  return rmpScenarioModelOn(data.base, params);
}

const bp = (x: number | undefined) => (x === undefined ? "—" : fmt(x, "bp", { digits: 1 }));
const spreadName = (params: RmpParams) => (params.curveSpread === "SOFR-IORB" ? "SOFR − IORB" : "EFFR − IORB");
/** "2027-11" → "Nov 2027". */
function monthName(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]} ${y}`;
}

/**
 * Expected purchases per month (probability-weighted) averaged over the horizon and in the first month,
 * the realised pace so far, and the scenario the realised months sit closest to with its distance (RMSE
 * of cumulative purchases, lib/calc/realised.ts).
 */
export function rmpExpectedFigures(model: RmpScenarioModel, params: RmpParams): LiveFigure[] {
  const h = params.horizonMonths;
  const e = model.set.expected;
  const avg = e[h - 1].cumulativePurchasesUsdBn / h;
  const last = model.realised.months[model.realised.months.length - 1];
  return [
    {
      id: "expectedPerMonth",
      label: `Expected purchases, average over ${h} months`,
      value: avg,
      text: fmt(avg, "usdBnPerMonth", { digits: 1 }),
    },
    {
      id: "expectedFirstMonth",
      label: `Expected purchases in ${monthName(e[0].month)}`,
      value: e[0].purchasesUsdBn,
      text: fmt(e[0].purchasesUsdBn, "usdBn", { digits: 1 }),
    },
    {
      id: "realisedPace",
      label: `Realised pace to ${last ? monthName(last.month) : "—"} (data)`,
      value: model.realisedPaceUsdBnPerMonth,
      text: fmt(model.realisedPaceUsdBnPerMonth, "usdBnPerMonth", { digits: 1 }),
    },
    { id: "closest", label: "Scenario closest to the realised months", value: null, text: model.closest.id },
    {
      id: "closestRmse",
      label: "its RMSE of cumulative purchases",
      value: model.closest.rmseCumulativePurchasesUsdBn,
      text: fmt(model.closest.rmseCumulativePurchasesUsdBn, "usdBn"),
    },
  ];
}

/** At the horizon's last month: expected reserves, the "ample" threshold, and the months the expected path spends below it. */
export function rmpFanFigures(model: RmpScenarioModel, params: RmpParams): LiveFigure[] {
  const h = params.horizonMonths;
  const e = model.set.expected[h - 1];
  const ample = model.ampleUsdBnByMonth;
  const below = ample.length ? ample.filter((a, t) => model.set.expected[t].reservesUsdBn < a.usdBn).length : undefined;
  const when = monthName(e.month);
  return [
    {
      id: "expectedReserves",
      label: `Expected reserves, ${when}`,
      value: e.reservesUsdBn,
      text: fmt(e.reservesUsdBn, "usdBn"),
    },
    {
      id: "ampleThreshold",
      label: `Abundant/ample boundary, ${when}`,
      value: ample.length ? ample[h - 1].usdBn : null,
      text: ample.length ? fmt(ample[h - 1].usdBn, "usdBn") : "—",
    },
    {
      id: "monthsBelowAmple",
      label: `Months the expected path is below "ample" (of ${h})`,
      value: below ?? null,
      text: below === undefined ? "—" : String(below),
    },
  ];
}

/** The spread each scenario's reserve path implies at the horizon (bp), and the probability-weighted expectation. */
export function rmpSpreadFigures(model: RmpScenarioModel, params: RmpParams): LiveFigure[] {
  const h = params.horizonMonths;
  const when = monthName(model.set.expected[h - 1].month);
  const name = spreadName(params);
  const e = model.set.expected[h - 1].spreadBp;
  return [
    ...model.set.paths.map((p) => {
      const last = p.months[h - 1];
      return {
        id: `spread${p.scenario.id}`,
        label: `${name}, ${when}: scenario ${p.scenario.id}${last.extrapolated ? " (extrapolated)" : ""}`,
        value: last.spreadBp ?? null,
        text: bp(last.spreadBp),
      };
    }),
    { id: "spreadExpected", label: `${name}, ${when}: expected`, value: e ?? null, text: bp(e) },
  ];
}

/** The expected-purchases chart with its figures. */
export function rmpExpectedLiveView(data: RmpLiveData, params: RmpParams): LiveOutput {
  const model = rmpLiveModel(data, params);
  return { chart: expectedRmpOfModel(model, params, data.holdingsAsOf), figures: rmpExpectedFigures(model, params) };
}

/**
 * The fans' sweep arrays, kept between redraws (one workspace per scenario): a redraw on every input writes
 * a scenario's sweep into its workspace instead of allocating; the chart reads the quantiles only.
 */
const fanWorkspaces = new Map<string, SweepWorkspace>();
function fanWorkspace(id: string): SweepWorkspace {
  let w = fanWorkspaces.get(id);
  if (!w) fanWorkspaces.set(id, w = sweepWorkspace());
  return w;
}

/** The fans of the last redraw, by the data and the inputs each scenario's fan depends on. */
let lastFans: { data: RmpLiveData; byKey: Map<string, ScenarioFan> } | undefined;

/**
 * lib/calc/rmpModel.ts rmpFans on the live model, recomputing only the fans whose inputs changed since the
 * last redraw: a scenario's fan depends on its own size and the engine's params, not on the other
 * scenarios' sizes nor on the probabilities.
 */
export function rmpLiveFans(data: RmpLiveData, model: RmpScenarioModel, params: RmpParams): ScenarioFan[] {
  const { scenarioSizesUsdBnPerMonth: _sizes, scenarioProbabilities: _probabilities, ...rest } = params;
  const common = JSON.stringify(rest);
  const before = lastFans?.data === data ? lastFans.byKey : new Map<string, ScenarioFan>();
  const byKey = new Map<string, ScenarioFan>();
  const fans = model.set.paths.map(({ scenario }) => {
    const key = JSON.stringify([scenario.id, scenario.label, scenario.sizeUsdBnPerMonth, common]);
    const fan = before.get(key) ?? scenarioFan(model, params, scenario, fanWorkspace(scenario.id));
    byKey.set(key, fan);
    return fan;
  });
  lastFans = { data, byKey };
  return fans;
}

/** The reserve fan with its figures. */
export function rmpFanLiveView(data: RmpLiveData, params: RmpParams): LiveOutput {
  const model = rmpLiveModel(data, params);
  return {
    chart: rmpFanOfModel(model, rmpLiveFans(data, model, params), params, data.realisedWeeklyReservesUsdBn),
    figures: rmpFanFigures(model, params),
  };
}

/** The scenario table with the implied spreads as figures. */
export function rmpScenarioTableLiveView(data: RmpLiveData, params: RmpParams): LiveOutput {
  const model = rmpLiveModel(data, params);
  return { chart: scenarioTableOfModel(model, params), figures: rmpSpreadFigures(model, params) };
}

const IDS = ["A", "B", "C"] as const;
/** The purchase assumptions: sizes, probabilities (kept summing to 1), schedule and horizon. */
export const RMP_PURCHASE_CONTROLS: readonly ControlSpec[] = [
  ...IDS.map((id) => ({
    param: `scenarioSizesUsdBnPerMonth.${id}`,
    label: `Scenario ${id}: monthly purchases`,
    min: 0,
    max: 80,
    step: 2.5,
  })),
  {
    kind: "probabilities",
    label: "Scenario probabilities",
    members: IDS.map((id) => ({ param: `scenarioProbabilities.${id}`, label: `Scenario ${id}` })),
  },
  {
    kind: "choice",
    param: "scheduleShape",
    label: "Schedule",
    options: [{ value: "flat", label: "flat" }, { value: "front-loaded", label: "front-loaded" }],
  },
  { param: "frontLoadMonths", label: "Front-loaded months", min: 0, max: 12, step: 1 },
  { param: "frontLoadMultiple", label: "Front-load multiple", unit: "×", min: 1, max: 3, step: 0.1 },
  { param: "horizonMonths", label: "Horizon", min: 6, max: 36, step: 1 },
];
/** The reserve-path assumptions besides purchases: the organic drain and GDP growth. */
export const RMP_DRAIN_CONTROLS: readonly ControlSpec[] = [
  { param: "currencyGrowthUsdBnPerMonth", label: "Currency growth", min: 0, max: 15, step: 0.5 },
  { param: "tgaGrowthUsdBnPerMonth", label: "TGA growth", min: -20, max: 20, step: 1 },
  { param: "nominalGdpGrowthPctPerYear", label: "Nominal GDP growth", min: 0, max: 10, step: 0.5 },
];

export const rmpExpectedLive: LiveViewDef<RmpLiveData, RmpParams> = {
  name: "rmpExpected",
  title: "Expected reserve management purchases",
  view: rmpExpectedLiveView,
  controls: RMP_PURCHASE_CONTROLS,
};

export const rmpFanLive: LiveViewDef<RmpLiveData, RmpParams> = {
  name: "rmpFan",
  title: "Reserves under the RMP scenarios",
  view: rmpFanLiveView,
  controls: [...RMP_PURCHASE_CONTROLS, ...RMP_DRAIN_CONTROLS],
};

export const rmpScenarioTableLive: LiveViewDef<RmpLiveData, RmpParams> = {
  name: "rmpScenarioTable",
  title: "The scenarios at the horizon and the spread their reserves imply",
  view: rmpScenarioTableLiveView,
  controls: [...RMP_PURCHASE_CONTROLS, ...RMP_DRAIN_CONTROLS],
};
