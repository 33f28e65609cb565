import { describe, expect, test } from "vitest";
import {
  announcementTable,
  bidToCoverTable,
  decompositionTable,
  holdingsCheckTable,
  scenarioTable,
} from "../../lib/plot/foreignTables.ts";

describe("foreign-selling tables", () => {
  test("holdingsCheckTable: signed gap in $bn and %, n/a where the data has no month", () => {
    const html = holdingsCheckTable(
      [
        {
          date: "2023-12-01",
          holder: "China",
          valueUsdBn: 797.7,
          dataUsdBn: 816.3,
          diffUsdBn: 18.6,
          absDiffFrac: 0.02332,
        },
        {
          date: "2026-01-01",
          holder: "Japan",
          valueUsdBn: 1100,
          dataUsdBn: undefined,
          diffUsdBn: undefined,
          absDiffFrac: undefined,
        },
      ],
      "check",
    ).outerHTML;
    expect(html).toContain("<caption>check</caption>");
    expect(html).toContain(">+18.6<");
    expect(html).toContain(">2.33<");
    expect(html).toContain(">n/a<");
    expect(html).toMatchSnapshot();
  });

  test("decompositionTable: yield move in bp, valuation and residual signed", () => {
    const html = decompositionTable(
      [{
        holder: "China",
        fromDate: "2025-03-01",
        toDate: "2025-04-01",
        changeUsdBn: -21.8,
        yieldChangePct: -0.175,
        durationYears: 5,
        valuationUsdBn: 6.69725,
        residualUsdBn: -28.49725,
      }],
      "split",
    ).outerHTML;
    expect(html).toContain("2025-03 → 2025-04");
    expect(html).toContain(">-18<");
    expect(html).toContain(">+6.7<");
    expect(html).toContain(">-28.5<");
  });

  test("bidToCoverTable, scenarioTable and announcementTable render their figures", () => {
    const btc = bidToCoverTable([{
      auctionDate: "2026-05-11",
      securityTerm: "3-Year",
      family: "3-year nominal",
      bidToCover: 2.54,
      trailingMean: 2.68,
      trailingCount: 1,
      vsTrailing: -0.14,
      lowestSoFar: true,
    }], "btc").outerHTML;
    expect(btc).toContain("2.68 (1)");
    expect(btc).toContain(">-0.14<");
    expect(btc).toContain(">yes<");
    const sc = scenarioTable([{
      saleUsdBn: 300,
      model: "Beltran et al. short run",
      tenor: "5-year",
      yieldRiseBp: { low: 120, high: 180 },
      fedOffsetUsdBn: { low: 2880, high: 7200 },
      offsetPerDollarSold: 15,
    }], "sc").outerHTML;
    expect(sc).toContain("120–180");
    expect(sc).toContain("2,880–7,200");
    const an = announcementTable([
      { date: "2020-03-15", what: "x", fromDate: "2020-03-13", toDate: "2020-03-16", changeBp: -21 },
      { date: "2030-01-01", what: "y", fromDate: undefined, toDate: undefined, changeBp: undefined },
    ], "an").outerHTML;
    expect(an).toContain("2020-03-13 → 2020-03-16");
    expect(an).toContain(">-21<");
    expect(an).toContain("not covered");
  });
});
