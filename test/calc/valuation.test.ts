import { describe, expect, test } from "vitest";
import {
  blendedYieldChangePct,
  decomposeHoldingsChange,
  valuationChangeUsdBn,
  yieldChangeExplainingPct,
} from "../../lib/calc/valuation.ts";

describe("valuationChangeUsdBn(holdings, Δyield, duration)", () => {
  test("by hand: $1,000bn at duration 5 marked down $5bn by a 10bp rise", () => {
    expect(valuationChangeUsdBn(1000, 0.1, 5)).toBeCloseTo(-5, 12);
  });
  test("yields down → holdings marked up; no move or zero duration → nothing", () => {
    expect(valuationChangeUsdBn(760, -0.06, 5)).toBeCloseTo(2.28, 12);
    expect(valuationChangeUsdBn(760, 0, 5)).toBeCloseTo(0, 12);
    expect(valuationChangeUsdBn(760, 0.5, 0)).toBeCloseTo(0, 12);
  });
  test("a negative duration is refused", () => {
    expect(() => valuationChangeUsdBn(760, 0.1, -1)).toThrow(/duration/);
  });
});

describe("decomposeHoldingsChange(start, end, Δyield, duration)", () => {
  test("valuation + residual = change (invariant), by hand", () => {
    // China Mar → Apr 2025: 765.4 → 743.6 $bn; a 6bp fall in yields at duration 5 marks it up 2.2962.
    const d = decomposeHoldingsChange(765.4, 743.6, -0.06, 5);
    expect(d.changeUsdBn).toBeCloseTo(-21.8, 10);
    expect(d.valuationUsdBn).toBeCloseTo(2.2962, 10);
    expect(d.residualUsdBn).toBeCloseTo(-24.0962, 10);
    expect(d.valuationUsdBn + d.residualUsdBn).toBeCloseTo(d.changeUsdBn, 12);
  });
});

describe("yieldChangeExplainingPct(change, holdings, duration)", () => {
  test("is the inverse of valuationChangeUsdBn", () => {
    const dy = yieldChangeExplainingPct(-21.8, 765.4, 5);
    expect(valuationChangeUsdBn(765.4, dy, 5)).toBeCloseTo(-21.8, 10);
    expect(dy).toBeCloseTo(0.5696, 4);
  });
});

describe("blendedYieldChangePct(changes, weights)", () => {
  test("weights are normalised; a missing series throws", () => {
    expect(blendedYieldChangePct({ DGS2: 0.2, DGS10: 0.4 }, { DGS2: 1, DGS10: 1 })).toBeCloseTo(0.3, 12);
    expect(blendedYieldChangePct({ DGS2: 0.2, DGS10: 0.4 }, { DGS10: 2 })).toBeCloseTo(0.4, 12);
    expect(() => blendedYieldChangePct({ DGS2: 0.2 }, { DGS10: 1 })).toThrow(/no change for DGS10/);
  });
});
