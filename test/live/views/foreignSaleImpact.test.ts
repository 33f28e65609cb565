/**
 * The foreign-selling live view (notebook 03): its figures are lib/calc/yieldImpact.ts's scenario for the
 * sale and elasticities given; its chart is lib/plot's; its controls resolve against the notebook's
 * parameters cell.
 */
import { describe, expect, test } from "vitest";
import {
  impactScenarios,
  offsettingPurchasesUsdBn,
  qeBpPer100Bn,
  warnockImpactBp,
  yieldImpactBp,
} from "../../../lib/calc/yieldImpact.ts";
import { loadH41 } from "../../../lib/data/h41.ts";
import { loadMacro } from "../../../lib/data/macro.ts";
import { resolveControls, withValues } from "../../../lib/live/controls.ts";
import { liveSpec } from "../../../lib/live/liveView.ts";
import { LIVE_VIEWS } from "../../../lib/live/registry.ts";
import {
  type ForeignSaleImpactData,
  foreignSaleImpactLive,
  type ForeignSaleImpactParams,
  foreignSaleImpactView,
} from "../../../lib/live/views/foreignSaleImpact.ts";
import { impactScenariosChart } from "../../../lib/plot/impactScenarios.ts";
import { declaredParameters, pick } from "./notebookParams.ts";

const declared = declaredParameters("03-foreign-selling");
const params = pick<ForeignSaleImpactParams>(declared, [
  "beltranShortRunBpPer100Bn",
  "beltranLongRunBpPer100Bn",
  "warnockBpPerPctGdp",
  "qeBpPer600Bn",
  "foreignSaleUsdBn",
  "scenarioSalesUsdBn",
]);
const gdpQuarter = declared.gdpQuarter as string;
const treast = loadH41("TREAST").rows.at(-1)!;
const data: ForeignSaleImpactData = {
  gdpUsdBn: loadMacro("GDP").rows.find((r) => r.date === gdpQuarter)!.value,
  gdpQuarter,
  fedTreasuries: { date: treast.date, valueUsdBn: treast.value },
};
const figures = (p: ForeignSaleImpactParams) =>
  Object.fromEntries((foreignSaleImpactView(data, p).figures ?? []).map((f) => [f.id, f]));

describe("foreignSaleImpact: registration and controls", () => {
  test("registered under its name; every control resolves against the notebook's parameters cell at its declared default", () => {
    expect(LIVE_VIEWS.foreignSaleImpact).toBe(foreignSaleImpactLive);
    const controls = resolveControls(foreignSaleImpactLive.controls, declared, "03");
    expect(Object.fromEntries(controls.map((c) => (c.kind === "number" ? [c.param, [c.value, c.unit]] : [])))).toEqual({
      foreignSaleUsdBn: [300, "$bn"],
      "beltranShortRunBpPer100Bn.low": [40, "bp per $100bn"],
      "beltranShortRunBpPer100Bn.high": [60, "bp per $100bn"],
      beltranLongRunBpPer100Bn: [20, "bp per $100bn"],
      warnockBpPerPctGdp: [19, "bp per 1% of GDP"],
      "qeBpPer600Bn.low": [15, "bp per $600bn"],
      "qeBpPer600Bn.high": [25, "bp per $600bn"],
    });
    expect(() => liveSpec("foreignSaleImpact", data, params)).not.toThrow();
  });
});

describe("foreignSaleImpact: figures equal lib/calc/yieldImpact.ts for the sale", () => {
  test.each([
    ["the notebook's defaults", {}],
    ["China sells $500bn", { foreignSaleUsdBn: 500 }],
    ["weaker QE, stronger short-run effect", { "qeBpPer600Bn.low": 5, "beltranShortRunBpPer100Bn.high": 80 }],
    ["a $25bn sale (a small rise: one decimal)", { foreignSaleUsdBn: 25, warnockBpPerPctGdp: 40 }],
  ])("%s", (_, change) => {
    const p = withValues(params, change);
    const f = figures(p);
    const s = p.foreignSaleUsdBn;
    const qe = { low: qeBpPer100Bn(p.qeBpPer600Bn.low), high: qeBpPer100Bn(p.qeBpPer600Bn.high) };
    const rise = {
      low: yieldImpactBp(s, p.beltranShortRunBpPer100Bn.low),
      high: yieldImpactBp(s, p.beltranShortRunBpPer100Bn.high),
    };
    expect(f.shortRunRise.value).toBeCloseTo((rise.low + rise.high) / 2, 9);
    expect(f.shortRunRise.text).toBe(`${rise.low.toFixed(0)}–${rise.high.toFixed(0)}bp`);
    expect(f.longRunRise.value).toBeCloseTo(yieldImpactBp(s, p.beltranLongRunBpPer100Bn), 9);
    const w = warnockImpactBp(s, data.gdpUsdBn, p.warnockBpPerPctGdp);
    expect(f.warnockRise.value).toBeCloseTo(w, 9);
    expect(f.warnockRise.text).toBe(`${w.toFixed(w < 10 ? 1 : 0)}bp`);
    const offset = {
      low: offsettingPurchasesUsdBn(rise.low, qe.high),
      high: offsettingPurchasesUsdBn(rise.high, qe.low),
    };
    expect(f.fedOffset.value).toBeCloseTo((offset.low + offset.high) / 2, 6);
    expect(f.fedOffset.text).toBe(
      `$${Math.round(offset.low).toLocaleString("en-US")}–${Math.round(offset.high).toLocaleString("en-US")}bn`,
    );
    expect(f.offsetPerDollar.value).toBeCloseTo(
      impactScenarios([s], { ...p, gdpUsdBn: data.gdpUsdBn })[0].offsetPerDollarSold,
      9,
    );
  });

  test("hand-checked defaults: $300bn at 40–60bp per $100bn is 120–180bp; undoing it at 15–25bp per $600bn takes $2,880–7,200bn", () => {
    const f = figures(params);
    expect(f.shortRunRise.text).toBe("120–180bp");
    expect(f.longRunRise.text).toBe("60bp");
    expect(f.fedOffset.text).toBe("$2,880–7,200bn");
    expect(f.offsetPerDollar.text).toBe("15.0×"); // mid 150bp ÷ mid 20bp per $600bn × $600bn = $4,500bn for $300bn
  });

  test("the chart is lib/plot's impactScenariosChart over the notebook's sales", () => {
    const direct = impactScenariosChart(
      impactScenarios(params.scenarioSalesUsdBn, { ...params, gdpUsdBn: data.gdpUsdBn }),
      {
        qeBpPer600Bn: params.qeBpPer600Bn,
        asOf: gdpQuarter,
        references: [{
          label: `Fed Treasury holdings ${treast.date}: $${Math.round(treast.value).toLocaleString("en-US")}bn`,
          valueUsdBn: treast.value,
        }],
      },
    );
    expect(foreignSaleImpactView(data, params).chart.outerHTML).toBe(direct.outerHTML);
    expect(foreignSaleImpactView(data, withValues(params, { "qeBpPer600Bn.high": 40 })).chart.outerHTML).not.toBe(
      direct.outerHTML,
    );
  });

  test("a sale of 0 has no offset per dollar; a low above its high is refused", () => {
    expect(figures(withValues(params, { foreignSaleUsdBn: 0 })).offsetPerDollar).toMatchObject({
      value: null,
      text: "—",
    });
    expect(() => foreignSaleImpactView(data, withValues(params, { "qeBpPer600Bn.low": 30 }))).toThrow(
      "qeBpPer600Bn: low (30) is above high (25)",
    );
    expect(() => foreignSaleImpactView(data, withValues(params, { "beltranShortRunBpPer100Bn.low": 70 }))).toThrow(
      /beltranShortRunBpPer100Bn/,
    );
  });
});
