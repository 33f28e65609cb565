import { describe, expect, test } from "vitest";
import { eventWeekChart } from "../../lib/plot/eventWeek.ts";
import { rounded } from "../helpers/snapshot.ts";

// Real H.15, ICE and S&P closes around the week of 4–11 April 2025 (a subset of days).
const days = ["2025-04-02", "2025-04-04", "2025-04-08", "2025-04-11", "2025-04-15"];
const rows = (values: number[]) => days.map((date, i) => ({ date, value: values[i] }));

describe("eventWeekChart(panels, options)", () => {
  const chart = eventWeekChart(
    [
      {
        heading: "Treasury yields",
        unit: "pct",
        lines: [{ name: "10-year", rows: rows([4.2, 4.01, 4.26, 4.48, 4.35]) }, {
          name: "2-year",
          rows: rows([3.91, 3.68, 3.71, 3.96, 3.84]),
        }],
      },
      {
        heading: "IG corporate OAS",
        unit: "bp",
        lines: [{ name: "IG OAS", rows: rows([96, 114, 118, 118, 114]) }],
        format: ".0f",
      },
      {
        heading: "S&P 500",
        unit: "index",
        lines: [{ name: "S&P 500", rows: rows([5670.97, 5074.08, 4982.77, 5363.36, 5396.63]) }],
        format: ",.0f",
      },
    ],
    { from: "2025-04-01", to: "2025-04-15", windowFrom: "2025-04-04", windowTo: "2025-04-11" },
  );
  const html = chart.outerHTML;

  test("three panels with their units, the window in the subtitle, source and as-of date in the caption", () => {
    expect(html).toContain("Treasury yields (pct)");
    expect(html).toContain("IG corporate OAS (bp)");
    expect(html).toContain("S&amp;P 500 (index)");
    expect(html).toContain("shaded: 2025-04-04 to 2025-04-11");
    expect(html).toContain("Source: Federal Reserve Board H.15");
    expect(html).toContain("Data as of 2025-04-15.");
  });

  test("labels the values at both ends of the window", () => {
    for (const v of ["4.01", "4.48", "3.68", "3.96", ">114<", ">118<", "5,074", "5,363"]) expect(html).toContain(v);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
