import { describe, expect, test } from "vitest";
import type { NetLiquidityIndexWeek, NetLiquidityRelation } from "../../lib/calc/netLiquidity.ts";
import { netLiquidityVsSp500Chart, relationCaption } from "../../lib/plot/netLiquidityVsSp500.ts";
import { rounded } from "../helpers/snapshot.ts";

const dates = ["2024-01-03", "2024-01-10", "2024-01-17", "2024-01-24", "2024-01-31", "2024-02-07"];
const weeks: NetLiquidityIndexWeek[] = dates.map((date, i) => ({
  date,
  totalAssetsUsdBn: 7680 - 5 * i,
  tgaUsdBn: 750 + 10 * i,
  onRrpUsdBn: 700 - 20 * i,
  onRrpDate: date,
  netLiquidityUsdBn: 7680 - 5 * i - (750 + 10 * i) - (700 - 20 * i),
  indexValue: 4700 + 30 * i,
  indexDate: date,
}));
const relation: NetLiquidityRelation = {
  from: "2020-01-01",
  to: "2024-01-24",
  levels: { r: 0.7432, n: 213 },
  weekly: { r: 0.0287, n: 212 },
  monthly: { r: -0.0127, n: 47 },
};

describe("relationCaption(relation)", () => {
  test("states each correlation with its window and n, and warns about levels", () => {
    const text = relationCaption(relation);
    expect(text).toContain("2020-01-01 to 2024-01-24");
    expect(text).toContain("levels r = +0.74 (n = 213 weeks)");
    expect(text).toContain("weekly log changes r = +0.03 (n = 212)");
    expect(text).toContain("month-end log changes r = −0.01 (n = 47)");
    expect(text).toContain("Two trending levels correlate whatever links them");
  });
});

describe("netLiquidityVsSp500Chart(weeks, options)", () => {
  const chart = netLiquidityVsSp500Chart(weeks, {
    from: "2024-01-10",
    relation,
    events: [{ date: "2024-01-24", label: "the note" }],
  });
  const html = chart.outerHTML;

  test("indexes every line to 100 on the first week shown and says so on the axis", () => {
    expect(html).toContain("Index (2024-01-10 = 100)");
    expect(html).toContain("indexed to 100 on 2024-01-10");
  });

  test("caption: source, as-of week, correlations, levels of the last week, and how the series are aligned", () => {
    expect(html).toContain("Source: Federal Reserve Board H.4.1 (WALCL, WTREGEN), New York Fed (RRPONTSYD)");
    expect(html).toContain("Data as of 2024-02-07.");
    expect(html).toContain("levels r = +0.74 (n = 213 weeks)");
    expect(html).toContain("net liquidity $6,255bn (total assets $7,655bn − TGA $800bn − ON RRP $600bn)");
    expect(html).toContain("TGA is a week average");
    expect(html).toContain("the note");
  });

  test("total assets are drawn only when asked", () => {
    expect(html).not.toContain("Total assets<");
    expect(netLiquidityVsSp500Chart(weeks, { showTotalAssets: true }).outerHTML).toContain("Total assets");
  });

  test("an empty window throws", () => {
    expect(() => netLiquidityVsSp500Chart(weeks, { from: "2030-01-01" })).toThrow(/no weeks/);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
