import { describe, expect, test } from "vitest";
import { rmpDefaults, type RmpInputs, type RmpParams, trimInputs } from "../../lib/calc/rmpModel.ts";
import { loadH41 } from "../../lib/data/h41.ts";
import { loadH15 } from "../../lib/data/h15.ts";
import { loadMacro } from "../../lib/data/macro.ts";
import { expectedRmpView } from "../../lib/plot/expectedRmp.ts";
import { moneyMarketSpreadsView } from "../../lib/plot/moneyMarketSpreads.ts";
import { reserveDemandCurveView } from "../../lib/plot/reserveDemandCurve.ts";
import { rmpFanView } from "../../lib/plot/rmpFan.ts";
import { rmpRealisedView } from "../../lib/plot/rmpRealised.ts";
import { rmpSensitivityView } from "../../lib/plot/rmpSensitivity.ts";
import { curveFitTableView, realisedTableView, scenarioTableView } from "../../lib/plot/rmpTables.ts";
import { spreadDaysAboveView } from "../../lib/plot/spreadDaysAbove.ts";
import { expectDisplayedAs } from "../helpers/display.ts";

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
const p = (over: Partial<RmpParams> = {}): RmpParams => ({ ...rmpDefaults, ...over });
/** Markup with Plot's per-render unique ids (clip paths) numbered from 0, so two renders compare equal. */
const html = (el: Element) => {
  const ids = new Map<string, string>();
  return el.outerHTML.replace(/plot-clip-\d+/g, (id) => ids.get(id) ?? (ids.set(id, `clip-${ids.size}`), ids.get(id)!));
};
const display = (el: Element) =>
  (el as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]();

describe("RMP views(inputs, params) on the shipped data", () => {
  const all: [string, (i: RmpInputs, q: RmpParams) => Element][] = [
    ["moneyMarketSpreadsView", moneyMarketSpreadsView],
    ["spreadDaysAboveView", spreadDaysAboveView],
    ["reserveDemandCurveView", reserveDemandCurveView],
    ["rmpFanView", rmpFanView],
    ["expectedRmpView", expectedRmpView],
    ["rmpRealisedView", rmpRealisedView],
    ["rmpSensitivityView", rmpSensitivityView],
    ["curveFitTableView", curveFitTableView],
    ["scenarioTableView", scenarioTableView],
    ["realisedTableView", realisedTableView],
  ];

  test.each(all)("%s returns a displayable element with content, the same for the same inputs", (_, view) => {
    const el = view(inputs, p());
    expectDisplayedAs(display(el)["text/html"], el.outerHTML);
    expect(html(el).length).toBeGreaterThan(300);
    expect(html(view(inputs, p()))).toBe(html(el));
  });

  test("a changed scenario size changes the fan chart, the expectation and the scenario table", () => {
    const base = p();
    const bigger = p({ scenarioSizesUsdBnPerMonth: { A: 30, B: 45, C: 3.5 } });
    expect(html(rmpFanView(inputs, bigger))).not.toBe(html(rmpFanView(inputs, base)));
    expect(html(expectedRmpView(inputs, bigger))).not.toBe(html(expectedRmpView(inputs, base)));
    expect(html(scenarioTableView(inputs, bigger))).toContain("$30bn");
  });

  test("a changed probability changes the fan chart's expectation line and the expected purchases", () => {
    const base = p();
    const moreB = p({ scenarioProbabilities: { A: 0.25, B: 0.5, C: 0.25 } });
    expect(html(rmpFanView(inputs, moreB))).not.toBe(html(rmpFanView(inputs, base)));
    expect(html(expectedRmpView(inputs, moreB))).not.toBe(html(expectedRmpView(inputs, base)));
  });

  test("the curve form and the ample rule change the curve chart", () => {
    expect(html(reserveDemandCurveView(inputs, p({ curveForm: "logistic" })))).toContain("/ (1 + exp(");
    expect(html(reserveDemandCurveView(inputs, p({ ampleRule: "spread" })))).toContain("spread 0 bp");
  });

  test("invalid probabilities fail the view with the reader's error", () => {
    expect(() => rmpFanView(inputs, p({ scenarioProbabilities: { A: 0.5, B: 0.5, C: 0.25 } }))).toThrow(
      /probabilities must sum to 1/,
    );
    expect(() => rmpFanView(inputs, p({ scenarioSizesUsdBnPerMonth: { A: -5, B: 45, C: 3.5 } }))).toThrow(
      /size must not be negative/,
    );
    expect(() => rmpFanView(inputs, p({ horizonMonths: 0 }))).toThrow(/horizon must be an integer ≥ 1/);
  });
});
