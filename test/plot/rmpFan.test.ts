import { describe, expect, test } from "vitest";
import { rmpFanChart, scenarioColor } from "../../lib/plot/rmpFan.ts";
import { rounded } from "../helpers/snapshot.ts";

const months = ["2025-12", "2026-01", "2026-02"];
const fan = (id: string, size: number) => ({
  id,
  label: `${id}: $${size}bn/mo`,
  months: months.map((month, i) => ({
    month,
    centralUsdBn: 2_900 + (size - 3.5) * (i + 1),
    lowUsdBn: 2_890 + (size - 6) * (i + 1),
    highUsdBn: 2_910 + (size - 1) * (i + 1),
  })),
});

describe("rmpFanChart(input, options)", () => {
  const html = rmpFanChart(
    {
      start: { month: "2025-11", reservesUsdBn: 2_900 },
      fans: [fan("A", 25), fan("C", 3.5)],
      expected: months.map((month, i) => ({ month, reservesUsdBn: 2_900 + 15 * (i + 1) })),
      ample: months.map((month, i) => ({ month, usdBn: 3_400 + 10 * i })),
      realisedWeekly: [{ date: "2025-12-10", value: 2_930 }, { date: "2025-12-31", value: 2_950 }, {
        date: "2026-01-07",
        value: 2_990,
      }],
      realisedMonthEnd: [{ month: "2025-12", weekEnding: "2025-12-31", reservesUsdBn: 2_950 }],
    },
    {
      bandQuantiles: [0.1, 0.9],
      sweepNote: "9 sizes × 9 drains",
      realisedFrom: "2025-12-01",
      events: [{ date: "2025-12-12", label: "RMP starts" }],
      asOf: "2026-01-07",
    },
  ).outerHTML;

  test("has a title, a $bn axis, the band definition, the threshold and the realised path in the legend", () => {
    expect(html).toContain("Reserves under the three RMP scenarios");
    expect(html).toContain("Reserves ($bn)");
    expect(html).toContain("10th–90th percentile across 9 sizes × 9 drains");
    expect(html).toContain("Realised reserves (weekly)");
    expect(html).toContain("Expected (probability-weighted)");
    expect(html).toContain("RMP starts");
    expect(html).toContain("Data as of 2026-01-07.");
  });

  test("scenario colours are fixed by id", () => {
    expect(scenarioColor("A", 5)).toBe("#4e79a7");
    expect(scenarioColor("Z", 0)).toBe("#59a14f");
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
