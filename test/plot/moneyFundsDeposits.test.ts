import { describe, expect, test } from "vitest";
import type { MoneyFundQuarter } from "../../lib/calc/moneyFunds.ts";
import { moneyFundsDepositsChart } from "../../lib/plot/moneyFundsDeposits.ts";
import { rounded } from "../helpers/snapshot.ts";

const q = (quarter: string, quarterEnd: string, mmf: number, dep: number, depositsDate: string): MoneyFundQuarter => ({
  quarter,
  quarterEnd,
  mmfUsdBn: mmf,
  depositsUsdBn: dep,
  depositsDate,
  ratioFrac: mmf / dep,
});
const quarters = [
  q("2022-10-01", "2022-12-31", 5223.061, 17729.2174, "2022-12-28"),
  q("2023-01-01", "2023-03-31", 5692.567, 17253.8008, "2023-03-29"),
  q("2023-04-01", "2023-06-30", 5917.351, 17304.9461, "2023-06-28"),
  q("2023-07-01", "2023-09-30", 6142.962, 17356.2385, "2023-09-27"),
  q("2023-10-01", "2023-12-31", 6357.551, 17423.2843, "2023-12-27"),
];

describe("moneyFundsDepositsChart(quarters, options)", () => {
  const chart = moneyFundsDepositsChart(quarters, {
    from: "2022-01-01",
    events: [{ date: "2023-03-12", label: "SVB · BTFP opens" }],
  });
  const html = chart.outerHTML;

  test("title, $bn axis, both series named with their release, the Z.1 caveat", () => {
    expect(html).toContain("Money market funds against bank deposits");
    expect(html).toContain("$bn");
    expect(html).toContain("Money market funds (Z.1)");
    expect(html).toContain("Bank deposits (H.8)");
    expect(html).toContain("not the weekly ICI series");
  });

  test("caption: source, as-of quarter end, the ratio at both ends", () => {
    expect(html).toContain("Data as of 2023-12-31.");
    expect(html).toContain("Money funds / deposits: 29.5% at 2022-12-31, 36.5% at 2023-12-31.");
    expect(html).toContain("SVB · BTFP opens");
    expect(html).toContain("$6,358bn");
  });

  test("no quarter to show throws", () => {
    expect(() => moneyFundsDepositsChart(quarters, { from: "2030-01-01" })).toThrow(/no quarters/);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
