/**
 * A live view's controls take their bounds from the article's parameter declaration, so a value the
 * notebook accepted (here a $3tn sale, above the view's own 1,500 cap) never fails the live view.
 */
import { describe, expect, it } from "vitest";
import { foreignSellingParams } from "../../lib/articles/foreign-selling/params.ts";
import { boundedByDeclaration, liveSpec } from "../../lib/live/liveView.ts";
import { foreignSaleImpactLive } from "../../lib/live/views/foreignSaleImpact.ts";

const data = { gdpUsdBn: 30000, gdpQuarter: "2025-01-01", fedTreasuries: { date: "2026-08-19", valueUsdBn: 4500 } };
const params = (sale: number) => ({
  beltranShortRunBpPer100Bn: foreignSellingParams.defaults.beltranShortRunBpPer100Bn,
  beltranLongRunBpPer100Bn: foreignSellingParams.defaults.beltranLongRunBpPer100Bn,
  warnockBpPerPctGdp: foreignSellingParams.defaults.warnockBpPerPctGdp,
  qeBpPer600Bn: foreignSellingParams.defaults.qeBpPer600Bn,
  foreignSaleUsdBn: sale,
  scenarioSalesUsdBn: foreignSellingParams.defaults.scenarioSalesUsdBn,
});

describe("live-view controls bounded by the declaration", () => {
  it("without the declaration a value beyond the view's own range is refused", () => {
    expect(() => liveSpec("foreignSaleImpact", data, params(3000))).toThrow(/outside its range \[0, 1500\]/);
  });
  it("with it, the control spans the declared range and the value renders", () => {
    const { spec } = liveSpec("foreignSaleImpact", data, params(3000), { declaration: foreignSellingParams });
    const sale = spec.controls.find((c) => c.kind !== "probabilities" && c.param === "foreignSaleUsdBn")!;
    expect(sale).toMatchObject({ min: 0, max: 3000, value: 3000 });
  });
  it("a control on a member (name.low) takes its parameter's bounds; undeclared names keep their own", () => {
    const low = foreignSaleImpactLive.controls.find((c) =>
      c.kind !== "choice" && "param" in c &&
      c.param === "beltranShortRunBpPer100Bn.low"
    )!;
    expect(boundedByDeclaration(low, foreignSellingParams)).toMatchObject({ min: 0, max: 200 });
    const other = { param: "notDeclared", label: "x", min: 1, max: 2, step: 1 };
    expect(boundedByDeclaration(other, foreignSellingParams)).toEqual(other);
  });
});
