import { describe, expect, test } from "vitest";
import { expectedRmpChart } from "../../lib/plot/expectedRmp.ts";
import { rounded } from "../helpers/snapshot.ts";

const months = ["2025-12", "2026-01", "2026-02"];

describe("expectedRmpChart(input, options)", () => {
  const html = expectedRmpChart(
    {
      scenarios: [
        { id: "A", label: "A (p=0.6)", months: months.map((month) => ({ month, purchasesUsdBn: 25 })) },
        { id: "C", label: "C (p=0.4)", months: months.map((month) => ({ month, purchasesUsdBn: 3.5 })) },
      ],
      expected: months.map((month) => ({ month, purchasesUsdBn: 16.4 })),
      realised: [{ month: "2025-12", purchasesUsdBn: 24 }, { month: "2026-01", purchasesUsdBn: -2 }],
      reference: { fromMonth: "2025-12", toMonth: "2026-01", usdBnPerMonth: 40, label: "first round ≈ $40bn/month" },
    },
    { schedule: "flat", asOf: "2026-02-04" },
  ).outerHTML;

  test("has a title, a $bn per month axis, the legend, the reference and the source", () => {
    expect(html).toContain("Reserve management purchases per month");
    expect(html).toContain("Purchases ($bn per month)");
    expect(html).toContain("Expected (probability-weighted)");
    expect(html).toContain("first round ≈ $40bn/month");
    expect(html).toContain("Data as of 2026-02-04.");
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
