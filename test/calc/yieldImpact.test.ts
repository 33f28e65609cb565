import { describe, expect, test } from "vitest";
import {
  impactScenarios,
  offsettingPurchasesUsdBn,
  qeBpPer100Bn,
  warnockBpPer100Bn,
  warnockImpactBp,
  yieldImpactBp,
  yieldImpactDefaults,
  yieldImpactRangeBp,
} from "../../lib/calc/yieldImpact.ts";

describe("published defaults", () => {
  test("Beltran et al. 40–60bp short run and 20bp long run per $100bn; Warnock 19bp per 1% of GDP; Williams 15–25bp per $600bn", () => {
    expect(yieldImpactDefaults.beltranShortRunBpPer100Bn).toEqual({ low: 40, high: 60 });
    expect(yieldImpactDefaults.beltranLongRunBpPer100Bn).toBe(20);
    expect(yieldImpactDefaults.warnockBpPerPctGdp).toBe(19);
    expect(yieldImpactDefaults.qeBpPer600Bn).toEqual({ low: 15, high: 25 });
  });
});

describe("yieldImpactBp(sale, bp per $100bn)", () => {
  test("is linear: $300bn at 50bp/$100bn = 150bp; a purchase (negative sale) lowers yields", () => {
    expect(yieldImpactBp(300, 50)).toBe(150);
    expect(yieldImpactBp(-100, 20)).toBe(-20);
    expect(yieldImpactRangeBp(100, { low: 40, high: 60 })).toEqual({ low: 40, high: 60 });
  });
});

describe("warnockImpactBp(sale, GDP, bp per % of GDP)", () => {
  test("by hand: $320bn with GDP $32,000bn is 1% of GDP → 19bp", () => {
    expect(warnockImpactBp(320, 32_000, 19)).toBeCloseTo(19, 12);
    expect(warnockBpPer100Bn(32_000, 19)).toBeCloseTo(5.9375, 12);
  });
  test("refuses a non-positive GDP", () => {
    expect(() => warnockImpactBp(100, 0)).toThrow(/GDP/);
  });
});

describe("qeBpPer100Bn and offsettingPurchasesUsdBn", () => {
  test("Williams' 20bp per $600bn is 3.33bp per $100bn", () => {
    expect(qeBpPer100Bn(20, 600)).toBeCloseTo(10 / 3, 12);
  });
  test("offsetting a 50bp rise at 20bp/$600bn takes $1,500bn; at 25bp/$600bn, $1,200bn", () => {
    expect(offsettingPurchasesUsdBn(50, qeBpPer100Bn(20))).toBeCloseTo(1500, 9);
    expect(offsettingPurchasesUsdBn(50, qeBpPer100Bn(25))).toBeCloseTo(1200, 9);
    expect(() => offsettingPurchasesUsdBn(50, 0)).toThrow(/positive/);
  });
});

describe("impactScenarios(sales, parameters)", () => {
  const p = {
    beltranShortRunBpPer100Bn: { low: 40, high: 60 },
    beltranLongRunBpPer100Bn: 20,
    warnockBpPerPctGdp: 19,
    qeBpPer600Bn: { low: 15, high: 25 },
    gdpUsdBn: 30_000,
  };
  const rows = impactScenarios([100, 200], p);

  test("three models per sale size", () => {
    expect(rows.map((r) => `${r.saleUsdBn} ${r.model}`)).toEqual([
      "100 Beltran et al. short run",
      "100 Beltran et al. long run",
      "100 Warnock & Warnock",
      "200 Beltran et al. short run",
      "200 Beltran et al. long run",
      "200 Warnock & Warnock",
    ]);
  });

  test("by hand: $100bn short run 40–60bp needs $960bn–$2,400bn of QE at 15–25bp per $600bn", () => {
    const r = rows[0];
    expect(r.yieldRiseBp).toEqual({ low: 40, high: 60 });
    expect(r.fedOffsetUsdBn.low).toBeCloseTo(960, 9); // 40 / (25/6)
    expect(r.fedOffsetUsdBn.high).toBeCloseTo(2400, 9); // 60 / (15/6)
    expect(r.offsetPerDollarSold).toBeCloseTo(15, 9); // 50bp / (20/6 bp per $100bn) = $1,500bn per $100bn
  });

  test("doubling the sale doubles rise and offset; doubling the QE elasticity halves the offset", () => {
    expect(rows[3].yieldRiseBp.high).toBeCloseTo(2 * rows[0].yieldRiseBp.high, 12);
    expect(rows[5].fedOffsetUsdBn.low).toBeCloseTo(2 * rows[2].fedOffsetUsdBn.low, 9);
    const strong = impactScenarios([100], { ...p, qeBpPer600Bn: { low: 30, high: 50 } });
    expect(strong[0].fedOffsetUsdBn.high).toBeCloseTo(rows[0].fedOffsetUsdBn.high / 2, 9);
  });

  test("Warnock at GDP $30,000bn: $100bn = 0.333% of GDP → 6.33bp", () => {
    expect(rows[2].yieldRiseBp.low).toBeCloseTo(19 / 3, 9);
    expect(rows[2].tenor).toBe("10-year");
  });
});
