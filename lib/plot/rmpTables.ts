/**
 * The RMP notebook's tables: the fitted demand curves, the scenarios at the horizon, and each scenario's
 * distance to the realised path. Each is a view (inputs, params) → displayable table, pure and fast like
 * the chart views.
 */
import { fmt, num as plain } from "../format.ts";
import {
  type CurveFit,
  rmpCurveFit,
  type RmpInputs,
  type RmpParams,
  type RmpScenarioModel,
  rmpScenarioModel,
} from "../calc/rmpModel.ts";
import { htmlTable } from "./display.ts";
import { ampleRuleText } from "./reserveDemandCurve.ts";

const usd = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "—" : fmt(x, "usdBn"));
const num = (x: number | undefined, d = 2) => (x === undefined || !Number.isFinite(x) ? "—" : plain(x, d));

/**
 * The curve fitted on GDP and on bank deposits, each in both forms, with goodness of fit and the "ample"
 * threshold in $bn at the latest denominator. The row the notebook's other charts use is marked.
 */
export function curveFitTableView(inputs: RmpInputs, params: RmpParams) {
  const rows: (CurveFit & { used: boolean })[] = [];
  for (const denominator of ["GDP", "deposits"] as const) {
    for (const form of ["exponential", "logistic"] as const) {
      const fit = rmpCurveFit(inputs, { ...params, curveForm: form }, denominator);
      rows.push({ ...fit, used: denominator === "GDP" && form === params.curveForm });
    }
  }
  const spreadName = params.curveSpread === "SOFR-IORB" ? "SOFR − IORB" : "EFFR − IORB";
  return htmlTable(
    rows,
    [
      { label: "Share of", value: (r) => (r.denominator === "GDP" ? "nominal GDP" : "bank deposits") },
      { label: "Form", value: (r) => `${r.curve.form}${r.used ? " (used)" : ""}` },
      { label: "a (bp)", value: (r) => num(r.curve.aBp), align: "right" },
      { label: "b (bp)", value: (r) => num(r.curve.bBp), align: "right" },
      { label: "c (per pp)", value: (r) => num(r.curve.cPerPp, 3), align: "right" },
      { label: "s0 / midpoint (%)", value: (r) => num(r.curve.centerPct), align: "right" },
      { label: "n (weeks)", value: (r) => r.curve.n, align: "right" },
      { label: "R²", value: (r) => num(r.curve.r2), align: "right" },
      { label: "RMSE (bp)", value: (r) => num(r.curve.rmseBp), align: "right" },
      { label: "Threshold (% share)", value: (r) => num(r.thresholdSharePct), align: "right" },
      { label: "Threshold ($bn)", value: (r) => usd(r.thresholdUsdBn), align: "right" },
      { label: "at", value: (r) => `${r.denominator} ${r.latest.date}` },
    ],
    `${spreadName} on reserves as a share of nominal GDP or deposits, weekly from ${params.curveFitFrom} (least squares). Exponential: a + b·exp(−c·(share − s0)); logistic: a + b/(1 + exp(c·(share − midpoint))). Threshold: ${
      ampleRuleText(params)
    }.`,
  );
}

/** Each scenario and the expectation at the horizon: reserves, share of GDP, spread, months below "ample". */
export function scenarioTableView(inputs: RmpInputs, params: RmpParams) {
  return scenarioTableOfModel(rmpScenarioModel(inputs, params), params);
}

/** The scenario table of a scenario model (lib/calc/rmpModel.ts rmpScenarioModel); see {@link scenarioTableView}. */
export function scenarioTableOfModel(model: RmpScenarioModel, params: RmpParams) {
  const h = params.horizonMonths;
  const ample = model.ampleUsdBnByMonth;
  const below = (
    reserves: (t: number) => number,
  ) => (ample.length ? ample.filter((a, t) => reserves(t) < a.usdBn).length : undefined);
  const rows = [
    ...model.set.paths.map((p) => {
      const last = p.months[h - 1];
      return {
        name: p.scenario.label,
        size: `$${p.scenario.sizeUsdBnPerMonth}bn`,
        p: String(p.scenario.probability),
        total: last.cumulativePurchasesUsdBn,
        reserves: last.reservesUsdBn,
        share: last.sharePctOfGdp,
        spread: last.spreadBp,
        below: below((t) => p.months[t].reservesUsdBn),
        extrapolated: last.extrapolated,
      };
    }),
    (() => {
      const e = model.set.expected[h - 1];
      return {
        name: "Expected (probability-weighted)",
        size: fmt(e.cumulativePurchasesUsdBn / h, "usdBn", { digits: 1 }),
        p: "1",
        total: e.cumulativePurchasesUsdBn,
        reserves: e.reservesUsdBn,
        share: (e.reservesUsdBn / model.set.paths[0].months[h - 1].gdpUsdBn) * 100,
        spread: e.spreadBp,
        below: below((t) => model.set.expected[t].reservesUsdBn),
        extrapolated: false,
      };
    })(),
  ];
  const month = model.set.expected[h - 1].month;
  return htmlTable(
    rows,
    [
      { label: "Scenario", value: (r) => r.name },
      { label: "Size ($bn/month)", value: (r) => r.size, align: "right" },
      { label: "p", value: (r) => r.p, align: "right" },
      { label: `Bought by ${month}`, value: (r) => usd(r.total), align: "right" },
      { label: `Reserves ${month}`, value: (r) => usd(r.reserves), align: "right" },
      { label: "% of GDP", value: (r) => num(r.share), align: "right" },
      { label: "Spread (bp)", value: (r) => `${num(r.spread, 1)}${r.extrapolated ? " *" : ""}`, align: "right" },
      {
        label: `Months below "ample" (of ${h})`,
        value: (r) => (r.below === undefined ? "—" : r.below),
        align: "right",
      },
    ],
    `From ${
      usd(model.start.reservesUsdBn)
    } of reserves at ${model.realised.start.weekEnding}, ${params.scheduleShape} schedule, organic drain $${
      params.currencyGrowthUsdBnPerMonth + params.tgaGrowthUsdBnPerMonth + params.otherLiabilitiesGrowthUsdBnPerMonth
    }bn/month, GDP +${params.nominalGdpGrowthPctPerYear}%/year. Expected spread = probability-weighted mean of the scenarios' spreads. * beyond the share range the curve was fitted on.`,
  );
}

/** Each scenario's distance to the realised months, and the closest. */
export function realisedTableView(inputs: RmpInputs, params: RmpParams) {
  return realisedTableOfModel(rmpScenarioModel(inputs, params));
}

/** The distance table of a scenario model already computed (see {@link realisedTableView}). */
export function realisedTableOfModel(model: RmpScenarioModel) {
  const r = model.realised;
  return htmlTable(
    model.distances,
    [
      { label: "Scenario", value: (d) => `${d.label}${d.id === model.closest.id ? " ← closest" : ""}` },
      { label: "Months", value: (d) => d.n, align: "right" },
      {
        label: "RMSE cumulative purchases ($bn)",
        value: (d) => num(d.rmseCumulativePurchasesUsdBn, 0),
        align: "right",
      },
      { label: "Scenario bought ($bn)", value: (d) => num(d.lastCumulativeScenarioUsdBn, 0), align: "right" },
      { label: "Realised bought ($bn)", value: (d) => num(d.lastCumulativeRealisedUsdBn, 0), align: "right" },
      { label: "RMSE reserves ($bn)", value: (d) => num(d.rmseReservesUsdBn, 0), align: "right" },
      { label: "Mean spread gap, scenario − realised (bp)", value: (d) => num(d.meanSpreadGapBp, 1), align: "right" },
    ],
    `Realised ${r.months[0]?.month ?? ""} to ${r.months.at(-1)?.month ?? ""} (month-end H.4.1 weeks ${
      r.months[0]?.weekEnding ?? ""
    } to ${r.months.at(-1)?.weekEnding ?? ""}): pace ≈ ${
      fmt(model.realisedPaceUsdBnPerMonth, "usdBnPerMonth", { digits: 1 })
    } (cumulative purchases ÷ months). "Closest" = smallest RMSE of cumulative purchases.`,
  );
}
