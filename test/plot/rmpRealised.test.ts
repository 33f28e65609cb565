import { describe, expect, test } from "vitest";
import { rmpRealisedChart } from "../../lib/plot/rmpRealised.ts";
import { rounded } from "../helpers/snapshot.ts";

const months = ["2025-12", "2026-01", "2026-02"];
const dist = (id: string, rmse: number) => ({
  id,
  label: id,
  n: 2,
  rmseCumulativePurchasesUsdBn: rmse,
  rmseReservesUsdBn: 50,
  meanSpreadGapBp: 1,
  lastCumulativeScenarioUsdBn: 50,
  lastCumulativeRealisedUsdBn: 48,
});

describe("rmpRealisedChart(input, options)", () => {
  const html = rmpRealisedChart(
    {
      startMonth: "2025-12",
      scenarios: [
        {
          id: "A",
          label: "A $25bn/mo",
          months: months.map((month, i) => ({ month, cumulativePurchasesUsdBn: 25 * (i + 1) })),
        },
        {
          id: "B",
          label: "B $45bn/mo",
          months: months.map((month, i) => ({ month, cumulativePurchasesUsdBn: 45 * (i + 1) })),
        },
      ],
      realised: [{ month: "2025-12", weekEnding: "2025-12-31", cumulativePurchasesUsdBn: 24 }, {
        month: "2026-01",
        weekEnding: "2026-02-04",
        cumulativePurchasesUsdBn: 48,
      }],
      distances: [dist("A", 1.4), dist("B", 32)],
      closestId: "A",
      reference: { label: "first round ≈ $40bn/mo", usdBnPerMonth: 40 },
    },
    { asOf: "2026-02-04" },
  ).outerHTML;

  test("labels each scenario with its RMSE and marks the closest", () => {
    expect(html).toContain("A $25bn/mo: RMSE $1bn (closest)");
    expect(html).toContain("B $45bn/mo: RMSE $32bn");
    expect(html).toContain("Cumulative purchases ($bn)");
    expect(html).toContain("Data as of 2026-02-04.");
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
