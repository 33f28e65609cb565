import { describe, expect, test } from "vitest";
import { eventPathsChart, HIGHLIGHT_COLOUR, PIVOT_PALETTE, pivotColours } from "../../lib/plot/eventPaths.ts";
import { eventPaths } from "../../lib/calc/eventStudy.ts";
import { rounded } from "../helpers/snapshot.ts";
import { expectDisplayedAs } from "../helpers/display.ts";

const idx = {
  seriesId: "IDX",
  label: "Index",
  units: "index" as const,
  rows: [
    { date: "2024-08-15", value: 96 },
    { date: "2024-09-18", value: 100 },
    { date: "2024-10-18", value: 104 },
    { date: "2024-12-18", value: 101 },
    { date: "2025-03-18", value: 99 },
  ],
};
const yld = {
  seriesId: "YLD",
  label: "10-year yield",
  units: "pct" as const,
  rows: [
    { date: "2024-08-15", value: 3.9 },
    { date: "2024-09-18", value: 3.7 },
    { date: "2024-10-18", value: 4.1 },
    { date: "2025-03-18", value: 4.3 },
  ],
};
const pivots = [{ id: "2024-09-18", label: "Sep 2024 first cut" }, { id: "2024-10-18", label: "Later" }];
const points = eventPaths([idx, yld], pivots.map((p) => ({ id: p.id, date: p.id })), { fromMonths: -1, toMonths: 6 });

describe("eventPathsChart(points, options)", () => {
  const chart = eventPathsChart(points, {
    title: "After the pivot",
    subtitle: "test",
    series: [{ seriesId: "IDX", label: "Index", unit: "%" }, { seriesId: "YLD", label: "10-year yield", unit: "bp" }],
    pivots,
    highlightId: "2024-10-18",
    windowMonths: [-1, 6],
    horizonsMonths: [1, 3, 6],
    source: "Test source",
    asOf: "2025-03-18",
  });
  const html = chart.outerHTML;

  test("one figure: title, legend of pivots, one panel per series with its unit, caption with source and as-of", () => {
    expect(html.startsWith("<figure")).toBe(true);
    expect(html).toContain("After the pivot");
    expect(html).toContain("Index: index (pivot = 100)");
    expect(html).toContain("10-year yield: change since pivot (bp)");
    expect(html).toContain("Sep 2024 first cut");
    expect(html).toContain("Source: Test source. Data as of 2025-03-18.");
    expect(html.match(/<svg[^>]*class="plot/g)?.length).toBe(2);
  });

  test("the highlighted pivot is drawn in black, the others from the palette in order", () => {
    expect(pivotColours(pivots, "2024-10-18")).toEqual({
      domain: ["Sep 2024 first cut", "Later"],
      range: [PIVOT_PALETTE[0], HIGHLIGHT_COLOUR],
    });
    expect(html).toContain(`stroke="${HIGHLIGHT_COLOUR}"`);
  });

  test("displays as text/html in Jupyter", () => {
    const bundle = (chart as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]();
    expectDisplayedAs(bundle["text/html"], html);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
