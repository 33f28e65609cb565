import { describe, expect, test } from "vitest";
import { assertClaimsComplete, claimIds } from "../../lib/claims/claims.ts";
import { rmpClaims, RMP_CLAIM_COUNT, type RmpClaimsInputs } from "../../lib/calc/rmpClaims.ts";
import { rmpDefaults, rmpScenarioModel, trimInputs } from "../../lib/calc/rmpModel.ts";
import { loadH41 } from "../../lib/data/h41.ts";
import { loadH15 } from "../../lib/data/h15.ts";
import { loadMacro } from "../../lib/data/macro.ts";
import { loadEquity } from "../../lib/data/equities.ts";

const inputs = trimInputs(
  {
    sofrPct: loadH15("SOFR").rows, effrPct: loadH15("EFFR").rows, iorbPct: loadH15("IORB").rows, targetUpperPct: loadH15("DFEDTARU").rows,
    reservesUsdBn: loadH41("WRESBAL").rows, totalAssetsUsdBn: loadH41("WALCL").rows, treasuriesUsdBn: loadH41("TREAST").rows,
    mbsUsdBn: loadH41("WSHOMCB").rows, gdpUsdBn: loadMacro("GDP").rows, depositsUsdBn: loadMacro("DPSACBW027SBOG").rows,
  },
  "2018-01-01",
);
const data: RmpClaimsInputs = {
  ...inputs,
  currencyUsdBn: loadH41("CURRCIR").rows, onRrpUsdBn: loadH41("RRPONTSYD").rows, vixIndex: loadEquity("VIXCLS").rows,
  sp500Index: loadEquity("SP500").rows, nasdaqIndex: loadEquity("NASDAQCOM").rows, curve10y2yBp: loadH15("T10Y2Y").rows, bill3mPct: loadH15("DGS3MO").rows,
};
const model = rmpScenarioModel(inputs, rmpDefaults);
const checks = rmpClaims(data, model, rmpDefaults);
const byId = Object.fromEntries(checks.map((c) => [c.id, c]));

describe("rmpClaims(data, model, params) on the shipped data", () => {
  test("covers RMP-1..11 in order, each with figures, verdict and note", () => {
    expect(() => assertClaimsComplete(checks, claimIds("RMP", RMP_CLAIM_COUNT))).not.toThrow();
    expect(checks.map((c) => c.id)).toEqual(claimIds("RMP", 11));
  });

  test("RMP-2: WALCL's peak $8,965bn on 2022-04-13 and $6,536bn after QT: the article's round figures hold", () => {
    expect(byId["RMP-2"].dataFigure).toContain("$8,965bn (2022-04-13)");
    expect(byId["RMP-2"].dataFigure).toContain("$6,536bn (2025-12-03");
    expect(byId["RMP-2"].verdict).toBe("holds");
  });

  test("RMP-3: SOFR above IORB on days of 2025, most days in October–December; EFFR never", () => {
    expect(byId["RMP-3"].verdict).toBe("holds");
    expect(byId["RMP-3"].dataFigure).toContain("2025-10, 2025-11, 2025-12");
    expect(byId["RMP-3"].dataFigure).toContain("EFFR > IORB on 0 days");
  });

  test("claims the data cannot reach are not checkable offline, with the missing series named", () => {
    for (const id of ["RMP-5", "RMP-7", "RMP-9"]) {
      expect(byId[id].verdict).toBe("not checkable offline");
      expect(byId[id].note).toMatch(/ship/);
    }
  });

  test("RMP-10: the data followed scenario A", () => {
    expect(byId["RMP-10"].dataFigure).toContain("closest A");
    expect(["holds", "roughly holds"]).toContain(byId["RMP-10"].verdict);
  });

  test("every figure is computed: a changed scenario set changes RMP-10's text", () => {
    const other = rmpScenarioModel(inputs, { ...rmpDefaults, scenarioSizesUsdBnPerMonth: { A: 60, B: 45, C: 3.5 } });
    const c2 = rmpClaims(data, other, rmpDefaults).find((c) => c.id === "RMP-10")!;
    expect(c2.dataFigure).not.toBe(byId["RMP-10"].dataFigure);
  });
});
