import { describe, expect, test } from "vitest";
import { weeklyChangesChart } from "../../lib/plot/weeklyYieldChanges.ts";
import { rounded } from "../helpers/snapshot.ts";

const rows = [
  { fromDate: "2013-06-14", toDate: "2013-06-21", changeBp: 38 },
  { fromDate: "2013-06-21", toDate: "2013-06-28", changeBp: 1 },
  { fromDate: "2013-06-28", toDate: "2013-07-05", changeBp: 24 },
  { fromDate: "2025-03-28", toDate: "2025-04-04", changeBp: -26 },
  { fromDate: "2025-04-04", toDate: "2025-04-11", changeBp: 47 },
];

describe("weeklyChangesChart(rows, options)", () => {
  const chart = weeklyChangesChart(rows, {
    highlightToDate: "2025-04-11",
    rank: 1,
    count: rows.length,
    labelToDates: ["2025-04-11", "2013-06-21", "2013-07-05"],
  });
  const html = chart.outerHTML;

  test("title, bp axis, caption with source and as-of date, the highlighted week with its rank", () => {
    expect(html).toContain("Weekly changes of the 10-year Treasury yield, 2013–2025");
    expect(html).toContain("bp");
    expect(html).toContain("Source: Federal Reserve Board H.15 (DGS10)");
    expect(html).toContain("Data as of 2025-04-11.");
    expect(html).toContain("2025-04-04 → 2025-04-11: +47bp, rank 1 of 5");
  });

  test("labels the other large rises but not two within a year of each other", () => {
    expect(html).toContain("2013-06 +38");
    expect(html).not.toContain("2013-07 +24");
  });

  test("throws when the highlighted week is not in the rows", () => {
    expect(() => weeklyChangesChart(rows, { highlightToDate: "2025-04-18", rank: 1, count: 5 })).toThrow(
      /no week ends on 2025-04-18/,
    );
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
