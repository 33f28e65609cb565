import { describe, expect, test } from "vitest";
import { impactScenarios } from "../../lib/calc/yieldImpact.ts";
import { impactScenariosChart } from "../../lib/plot/impactScenarios.ts";
import { rounded } from "../helpers/snapshot.ts";

describe("impactScenariosChart(rows, options)", () => {
  const rows = impactScenarios([100, 300], {
    beltranShortRunBpPer100Bn: { low: 40, high: 60 },
    beltranLongRunBpPer100Bn: 20,
    warnockBpPerPctGdp: 19,
    qeBpPer600Bn: { low: 15, high: 25 },
    gdpUsdBn: 30_000,
  });
  const chart = impactScenariosChart(rows, {
    qeBpPer600Bn: { low: 15, high: 25 },
    asOf: "2025-01-01",
    references: [{ label: "Fed Treasury holdings: $4,542bn", valueUsdBn: 4542 }],
  });
  const html = chart.outerHTML;

  test("two panels with units, the QE elasticity in the subtitle, the models in the legend, the source caption", () => {
    expect(html).toContain("Yield rise (bp)");
    // The right panel divides a flow effect by a stock elasticity: labelled an illustration, not an estimate.
    expect(html).toContain("Illustration only: rise ÷ QE stock elasticity ($bn, log scale)");
    expect(html).toContain("Not like for like");
    expect(html).toContain("15–25bp per $600bn");
    expect(html).toContain("Beltran et al. short run (5-year)");
    expect(html).toContain("Warnock &amp; Warnock (10-year)");
    expect(html).toContain("Fed Treasury holdings: $4,542bn");
    expect(html).toContain("Data as of 2025-01-01.");
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
