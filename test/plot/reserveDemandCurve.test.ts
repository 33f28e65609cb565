import { describe, expect, test } from "vitest";
import type { CurveSamplePoint, FittedCurve } from "../../lib/calc/reserveDemand.ts";
import { curveFormula, reserveDemandCurveChart } from "../../lib/plot/reserveDemandCurve.ts";
import { rounded } from "../helpers/snapshot.ts";

const curve: FittedCurve = {
  form: "exponential",
  aBp: -10,
  bBp: 16,
  cPerPp: 1,
  centerPct: 9,
  n: 4,
  r2: 0.9,
  rmseBp: 1.5,
  shareRangePct: [9, 15],
};
const point = (weekEnding: string, sharePct: number, spreadBp: number): CurveSamplePoint => ({
  weekEnding,
  sharePct,
  spreadBp,
  reservesUsdBn: sharePct * 300,
  denominatorUsdBn: 30_000,
  denominatorDate: "2025-01-01",
  spreadDays: 5,
});
const sample = [
  point("2022-03-02", 15, -10),
  point("2023-03-01", 12, -9),
  point("2025-10-29", 9.2, 6),
  point("2026-06-24", 9.1, -1),
];

describe("reserveDemandCurveChart(sample, curve, options)", () => {
  const html = reserveDemandCurveChart(sample, curve, {
    spreadName: "SOFR − IORB",
    threshold: { sharePct: 10.5, label: '"ample" threshold: 10.50%' },
  }).outerHTML;

  test("shows the fitted formula with n, R² and RMSE, the axes with units, the threshold and the latest week", () => {
    expect(html).toContain("n = 4, R² = 0.90, RMSE 1.5bp");
    expect(html).toContain(curveFormula(curve));
    expect(html).toContain("Reserves (% of nominal GDP)");
    expect(html).toContain("SOFR − IORB (bp)");
    expect(html).toContain("ample");
    expect(html).toContain("latest week 2026-06-24");
    expect(html).toContain("Data as of 2026-06-24.");
  });

  test("curveFormula writes both forms", () => {
    expect(curveFormula(curve)).toBe("spread = −10.00 + 16.00·exp(−1.000·(share − 9.00))");
    expect(curveFormula({ ...curve, form: "logistic" })).toBe(
      "spread = −10.00 + 16.00 / (1 + exp(1.000·(share − 9.00)))",
    );
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
