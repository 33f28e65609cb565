import { describe, expect, test } from "vitest";
import { rmpSensitivityChart } from "../../lib/plot/rmpSensitivity.ts";
import { rounded } from "../helpers/snapshot.ts";

const cells = [0, 25].flatMap((size) =>
  [0, 5].flatMap((organic) =>
    [0, 0.5].map((shift) => ({
      sizeUsdBnPerMonth: size,
      organicUsdBnPerMonth: organic,
      curveShiftPp: shift,
      reservesUsdBn: 2_900 + 24 * (size - organic),
      spreadBp: 10 - size / 2 + organic + 8 * shift - 0.3,
      cushionUsdBn: undefined,
    }))
  )
);

describe("rmpSensitivityChart(cells, options)", () => {
  const html = rmpSensitivityChart(cells, {
    month: "2027-11",
    spreadName: "SOFR − IORB",
    scenarioSizes: [{ id: "A", sizeUsdBnPerMonth: 25 }],
    asOf: "2026-08-19",
  }).outerHTML;

  test("has a title naming the month, both axes in $bn/month, one panel per curve shift, the bp legend", () => {
    expect(html).toContain("Sensitivity: implied SOFR − IORB in 2027-11");
    expect(html).toContain("Purchases ($bn per month)");
    expect(html).toContain("Organic drain ($bn/month)");
    expect(html).toContain("curve shift 0 pp");
    expect(html).toContain("curve shift +0.5 pp");
    expect(html).toContain("Data as of 2026-08-19.");
  });

  test("labels cells in whole bp without a negative zero", () => {
    expect(html).not.toMatch(/>-0</);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
