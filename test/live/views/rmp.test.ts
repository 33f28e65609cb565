/**
 * The RMP live views (notebook 05): run on the model's base that travels in the page, their figures equal
 * what lib/calc/rmpModel.ts computes from the full data for the same params, and their charts and table
 * are exactly the notebook's views (lib/plot) for those params; their controls resolve against the
 * notebook's parameters cell; the page's data stays small.
 */
import { modelParams } from "../../../lib/articles/rmp-scenarios/compute.ts";
import { rmpParams } from "../../../lib/articles/rmp-scenarios/params.ts";
import { fmt } from "../../../lib/format.ts";
import { describe, expect, test } from "vitest";
import { type RmpInputs, rmpScenarioModel, trimInputs } from "../../../lib/calc/rmpModel.ts";
import { loadH15 } from "../../../lib/data/h15.ts";
import { loadH41 } from "../../../lib/data/h41.ts";
import { loadMacro } from "../../../lib/data/macro.ts";
import { resolveControls, strictJson, withValues } from "../../../lib/live/controls.ts";
import { liveSpec } from "../../../lib/live/liveView.ts";
import { LIVE_VIEWS } from "../../../lib/live/registry.ts";
import {
  rmpExpectedLive,
  rmpExpectedLiveView,
  rmpFanLive,
  rmpFanLiveView,
  rmpLiveData,
  rmpScenarioTableLive,
  rmpScenarioTableLiveView,
} from "../../../lib/live/views/rmp.ts";
import { expectedRmpView } from "../../../lib/plot/expectedRmp.ts";
import { rmpFanView } from "../../../lib/plot/rmpFan.ts";
import { scenarioTableView } from "../../../lib/plot/rmpTables.ts";

const inputs: RmpInputs = trimInputs(
  {
    sofrPct: loadH15("SOFR").rows,
    effrPct: loadH15("EFFR").rows,
    iorbPct: loadH15("IORB").rows,
    targetUpperPct: loadH15("DFEDTARU").rows,
    reservesUsdBn: loadH41("WRESBAL").rows,
    totalAssetsUsdBn: loadH41("WALCL").rows,
    treasuriesUsdBn: loadH41("TREAST").rows,
    mbsUsdBn: loadH41("WSHOMCB").rows,
    gdpUsdBn: loadMacro("GDP").rows,
    depositsUsdBn: loadMacro("DPSACBW027SBOG").rows,
  },
  "2018-01-01",
);
/** The params the notebook's live views run with: the model's, from the article's declared defaults. */
const params = modelParams(rmpParams.defaults);
/** The notebook's declared defaults, by name. */
const declared = rmpParams.defaults as unknown as Record<string, unknown>;
const data = rmpLiveData(inputs, params);
/** Markup with Plot's per-render clip-path ids numbered from 0, so two renders compare equal. */
const html = (el: Element) => {
  const ids = new Map<string, string>();
  return el.outerHTML.replace(/plot-clip-\d+/g, (id) => ids.get(id) ?? (ids.set(id, `clip-${ids.size}`), ids.get(id)!));
};
const byId = (figs: readonly { id: string; value: number | null; text: string }[] | undefined) =>
  Object.fromEntries((figs ?? []).map((f) => [f.id, f]));

const CHANGES: [string, Record<string, unknown>][] = [
  ["the notebook's defaults", {}],
  ["scenario A at $20bn a month", { "scenarioSizesUsdBnPerMonth.A": 20 }],
  ["probabilities 0.2 / 0.5 / 0.3", {
    "scenarioProbabilities.A": 0.2,
    "scenarioProbabilities.B": 0.5,
    "scenarioProbabilities.C": 0.3,
  }],
  ["front-loaded: 2× for 6 months", { scheduleShape: "front-loaded", frontLoadMonths: 6, frontLoadMultiple: 2 }],
  ["a larger organic drain and slower GDP", {
    currencyGrowthUsdBnPerMonth: 8,
    tgaGrowthUsdBnPerMonth: 5,
    nominalGdpGrowthPctPerYear: 3,
  }],
  ["a 12-month horizon, scenario B at $60bn", { horizonMonths: 12, "scenarioSizesUsdBnPerMonth.B": 60 }],
];

describe("RMP live views: data, registration, controls", () => {
  test("registered under their names", () => {
    expect([LIVE_VIEWS.rmpExpected, LIVE_VIEWS.rmpFan, LIVE_VIEWS.rmpScenarioTable]).toEqual([
      rmpExpectedLive,
      rmpFanLive,
      rmpScenarioTableLive,
    ]);
  });

  test("the page carries a few kilobytes of strict JSON: the base without the fit's sample, weekly reserves from June 2025", () => {
    const json = strictJson(data, "data");
    expect(json.length).toBeLessThan(10_000);
    expect(data.base.fit.sample).toEqual([]);
    expect(data.base.fit.curve).toEqual(rmpScenarioModel(inputs, params).fit.curve);
    expect(data.realisedWeeklyReservesUsdBn[0].date >= "2025-06-01").toBe(true);
    expect(data.realisedWeeklyReservesUsdBn.at(-1)).toEqual(inputs.reservesUsdBn.at(-1));
  });

  test.each([rmpExpectedLive, rmpFanLive, rmpScenarioTableLive])(
    "$name: every control resolves against the notebook's parameters cell at its declared default",
    (def) => {
      const controls = resolveControls(def.controls, declared, "05");
      for (const c of controls) {
        if (c.kind === "probabilities") {
          expect(c.members.map((m) => m.value)).toEqual(
            Object.values(declared.scenarioProbabilities as object),
          );
        } else {expect(c.value).toBe(
            c.param.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], declared),
          );}
      }
      expect(() => liveSpec(def.name, data, params)).not.toThrow();
    },
  );

  test("units come from the parameter names", () => {
    const units = Object.fromEntries(
      resolveControls(rmpFanLive.controls, declared).flatMap((c) => (c.kind === "number" ? [[c.param, c.unit]] : [])),
    );
    expect(units).toMatchObject({
      "scenarioSizesUsdBnPerMonth.A": "$bn/month",
      horizonMonths: "months",
      frontLoadMultiple: "×",
      currencyGrowthUsdBnPerMonth: "$bn/month",
      nominalGdpGrowthPctPerYear: "% a year",
    });
  });
});

describe.each(CHANGES)("RMP live views with %s", (_, change) => {
  const p = withValues(params, change);
  const model = rmpScenarioModel(inputs, p);
  const h = p.horizonMonths;
  const e = model.set.expected[h - 1];

  test("expected purchases: figures are the model's expectation, realised pace and closest scenario; the chart is expectedRmpView's", () => {
    const out = rmpExpectedLiveView(data, p);
    const f = byId(out.figures);
    expect(f.expectedPerMonth.value).toBeCloseTo(e.cumulativePurchasesUsdBn / h, 9);
    expect(f.expectedPerMonth.text).toBe(`$${(e.cumulativePurchasesUsdBn / h).toFixed(1)}bn/month`);
    expect(f.expectedFirstMonth.value).toBeCloseTo(model.set.expected[0].purchasesUsdBn, 9);
    expect(f.realisedPace.value).toBeCloseTo(model.realisedPaceUsdBnPerMonth, 9);
    expect(f.closest.text).toBe(model.closest.id);
    expect(f.closestRmse.value).toBeCloseTo(model.closest.rmseCumulativePurchasesUsdBn, 9);
    expect(html(out.chart)).toBe(html(expectedRmpView(inputs, p)));
  });

  test("fan: figures are the expected reserves, the threshold and the months below it at the horizon; the chart is rmpFanView's", () => {
    const out = rmpFanLiveView(data, p);
    const f = byId(out.figures);
    expect(f.expectedReserves.value).toBeCloseTo(e.reservesUsdBn, 9);
    expect(f.expectedReserves.text).toBe(`$${Math.round(e.reservesUsdBn).toLocaleString("en-US")}bn`);
    expect(f.ampleThreshold.value).toBeCloseTo(model.ampleUsdBnByMonth[h - 1].usdBn, 9);
    expect(f.monthsBelowAmple.value).toBe(
      model.ampleUsdBnByMonth.filter((a, t) => model.set.expected[t].reservesUsdBn < a.usdBn).length,
    );
    expect(html(out.chart)).toBe(html(rmpFanView(inputs, p)));
  });

  test("scenario table: figures are each path's implied spread at the horizon and the expected spread; the table is scenarioTableView's", () => {
    const out = rmpScenarioTableLiveView(data, p);
    const f = byId(out.figures);
    for (const path of model.set.paths) {
      expect(f[`spread${path.scenario.id}`].value).toBeCloseTo(path.months[h - 1].spreadBp!, 9);
      expect(f[`spread${path.scenario.id}`].text).toBe(fmt(path.months[h - 1].spreadBp!, "bp", { digits: 1 }));
    }
    expect(f.spreadExpected.value).toBeCloseTo(e.spreadBp!, 9);
    expect(html(out.chart)).toBe(html(scenarioTableView(inputs, p)));
  });
});

describe("RMP live views refuse what the page's base cannot answer", () => {
  test("a base parameter other than the one the base was fitted with", () => {
    expect(() => rmpFanLiveView(data, withValues(params, { curveForm: "logistic" }))).toThrow(
      'curveForm is "logistic" but the page\'s fitted model was computed with "exponential"',
    );
    expect(() => rmpExpectedLiveView(data, withValues(params, { startMonth: "2026-01" }))).toThrow(/startMonth/);
  });
  test("the engine's own refusals pass through (a horizon that is not a whole number of months)", () => {
    expect(() => rmpFanLiveView(data, withValues(params, { horizonMonths: 12.5 }))).toThrow(
      /horizon must be an integer/,
    );
  });
});
