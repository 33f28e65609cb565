import { modelParams } from "../../lib/articles/rmp-scenarios/compute.ts";
import { rmpParams } from "../../lib/articles/rmp-scenarios/params.ts";
import { describe, expect, test } from "vitest";
import {
  ampleRuleFromParams,
  rmpCurveFit,
  rmpDefaults,
  rmpFans,
  type RmpInputs,
  rmpModelBase,
  rmpScenarioModel,
  rmpSensitivity,
  trimInputs,
} from "../../lib/calc/rmpModel.ts";
import { shareToUsdBn } from "../../lib/calc/reserveDemand.ts";
import { sweepWorkspace } from "../../lib/calc/rmpSweep.ts";
import { ScenarioInputError } from "../../lib/calc/rmpScenarios.ts";
import { loadH41 } from "../../lib/data/h41.ts";
import { loadH15 } from "../../lib/data/h15.ts";
import { loadMacro } from "../../lib/data/macro.ts";

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

describe("rmpDefaults", () => {
  test("are the model parameters the article's declared defaults give, name for name", () => {
    const fromArticle = modelParams(rmpParams.defaults) as unknown as Record<string, unknown>;
    const picked = Object.fromEntries(Object.keys(rmpDefaults).map((k) => [k, fromArticle[k]]));
    expect(picked).toEqual(JSON.parse(JSON.stringify(rmpDefaults)));
  });
});

describe("trimInputs(inputs, from)", () => {
  test("cuts every series at the date and keeps the rest", () => {
    const t = trimInputs(
      { a: [{ date: "2017-12-29", value: 1 }, { date: "2018-01-02", value: 2 }], b: [] },
      "2018-01-01",
    );
    expect(t).toEqual({ a: [{ date: "2018-01-02", value: 2 }], b: [] });
  });
});

describe("ampleRuleFromParams(params, denominator)", () => {
  test("converts bp per $100bn into bp per pp of the denominator", () => {
    // 1 pp of a $32,000bn GDP is $320bn = 3.2 × $100bn
    expect(ampleRuleFromParams({ ampleRule: "slope", ampleSlopeBpPer100UsdBn: 1, ampleSpreadBp: 0 }, 32_000)).toEqual({
      kind: "slope",
      bpPerPp: 3.2,
    });
    expect(ampleRuleFromParams({ ampleRule: "spread", ampleSlopeBpPer100UsdBn: 1, ampleSpreadBp: 2 }, 32_000)).toEqual({
      kind: "spread",
      bp: 2,
    });
    expect(() => ampleRuleFromParams({ ampleRule: "median" as never, ampleSlopeBpPer100UsdBn: 1, ampleSpreadBp: 0 }, 1))
      .toThrow(ScenarioInputError);
  });
});

describe("the RMP model on the shipped data", () => {
  const model = rmpScenarioModel(inputs, rmpDefaults);

  test("fits SOFR − IORB on reserves / GDP weekly from IORB's start, downward sloping, with a threshold", () => {
    const c = model.fit.curve;
    expect(model.fit.sample[0].weekEnding).toBe("2021-08-04");
    expect(c.n).toBe(model.fit.sample.length);
    expect(c.bBp).toBeGreaterThan(0);
    expect(c.cPerPp).toBeGreaterThan(0);
    expect(c.r2).toBeGreaterThan(0.5);
    expect(model.fit.latest.date).toBe("2026-04-01");
    expect(model.fit.thresholdUsdBn).toBeGreaterThan(3_000);
    expect(model.fit.thresholdUsdBn).toBeLessThan(4_000);
  });

  test("starts from the week closing November 2025 and the 2025 Q4 GDP", () => {
    expect(model.realised.start.weekEnding).toBe("2025-12-03");
    expect(model.start).toEqual({
      month: "2025-11",
      reservesUsdBn: model.realised.start.reservesUsdBn,
      totalAssetsUsdBn: model.realised.start.totalAssetsUsdBn,
      gdpUsdBn: 31_422.526,
    });
  });

  test("a changed probability changes the expectation; a changed size changes that scenario's path", () => {
    const p2 = rmpScenarioModel(inputs, { ...rmpDefaults, scenarioProbabilities: { A: 0.2, B: 0.55, C: 0.25 } });
    expect(p2.set.expected[23].reservesUsdBn).toBeGreaterThan(model.set.expected[23].reservesUsdBn);
    const s2 = rmpScenarioModel(inputs, { ...rmpDefaults, scenarioSizesUsdBnPerMonth: { A: 30, B: 45, C: 3.5 } });
    expect(s2.set.paths[0].months[23].reservesUsdBn - model.set.paths[0].months[23].reservesUsdBn).toBeCloseTo(
      5 * 24,
      9,
    );
  });

  test("probabilities that do not sum to 1 are refused with the reader's error", () => {
    expect(() => rmpScenarioModel(inputs, { ...rmpDefaults, scenarioProbabilities: { A: 0.4, B: 0.4, C: 0.25 } }))
      .toThrow(/probabilities must sum to 1/);
  });

  test("fans: per scenario a band around its central path; sensitivity: one cell per grid point", () => {
    const fans = rmpFans(model, rmpDefaults);
    expect(fans.map((f) => f.id)).toEqual(["A", "B", "C"]);
    const a = fans[0];
    const h = 24;
    for (let t = 0; t < h; t++) {
      expect(a.reserves.values[t]).toBeLessThanOrEqual(model.set.paths[0].months[t].reservesUsdBn + 1e-9);
      expect(a.reserves.values[2 * h + t]).toBeGreaterThanOrEqual(model.set.paths[0].months[t].reservesUsdBn - 1e-9);
    }
    // With a workspace per scenario (the live fan view's redraws) the fans are the same.
    const workspaces = ["A", "B", "C"].map(() => sweepWorkspace());
    expect(rmpFans(model, rmpDefaults, workspaces)).toEqual(fans);
    expect(rmpFans(model, rmpDefaults, workspaces)).toEqual(fans);
    const sens = rmpSensitivity(model, rmpDefaults);
    expect(sens.month).toBe("2027-11");
    expect(sens.cells.length).toBe(13 * 7 * 3);
  });

  test("rmpSensitivity reads the base, not the scenarios: the same grid under other sizes, GDP as the engine projects it", () => {
    const model = rmpScenarioModel(inputs, rmpDefaults);
    const sens = rmpSensitivity(model, rmpDefaults);
    const other = rmpScenarioModel(inputs, {
      ...rmpDefaults,
      scenarioSizesUsdBnPerMonth: { A: 60, B: 5, C: 0 },
      scenarioProbabilities: { A: 0.2, B: 0.3, C: 0.5 },
    });
    expect(rmpSensitivity(other, rmpDefaults)).toEqual(sens);
    expect(rmpSensitivity(rmpModelBase(inputs, rmpDefaults), rmpDefaults)).toEqual(sens);
    // Each cell's cushion is measured against the threshold at the scenario paths' GDP in the horizon's last month.
    const gdp = model.set.paths[0].months[rmpDefaults.horizonMonths - 1].gdpUsdBn;
    const thr = model.fit.thresholdSharePct!;
    for (const c of sens.cells) {
      expect(c.cushionUsdBn).toBe(c.reservesUsdBn - shareToUsdBn(thr + c.curveShiftPp, gdp));
    }
  });

  test("the deposits fit uses the latest deposits week as its denominator", () => {
    // Fitted to the data's end (the default sample stops at the end of 2025, before the last deposits week).
    const d = rmpCurveFit(inputs, { ...rmpDefaults, curveFitTo: "2026-08-19" }, "deposits");
    expect(d.latest.date).toBe("2026-02-25");
    expect(d.sample.at(-1)!.weekEnding).toBe("2026-02-25");
  });
});
