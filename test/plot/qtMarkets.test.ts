import { describe, expect, test } from "vitest";
import { qtMarketsChart } from "../../lib/plot/qtMarkets.ts";
import { changesSince } from "../../lib/calc/qtTimeline.ts";
import { QT_EVENTS } from "../../lib/calc/policyEvents.ts";
import { rounded } from "../helpers/snapshot.ts";

// Real closes: DGS10 and DFEDTARU (pct), BAMLC0A0CM (bp), on a few dates.
const dates = ["2022-06-01", "2023-10-19", "2024-05-31", "2025-11-28"];
const dgs10 = [2.94, 4.98, 4.51, 4.02].map((value, i) => ({ date: dates[i], value }));
const upper = [1, 5.5, 5.5, 4].map((value, i) => ({ date: dates[i], value }));
const oas = [137, 131, 88, 82].map((value, i) => ({ date: dates[i], value }));

describe("qtMarketsChart(lines, options)", () => {
  const chart = qtMarketsChart([
    { name: "10-year yield", rows: changesSince(dgs10, "2022-06-01", "2025-11-30", 100) },
    { name: "Policy rate (upper limit)", rows: changesSince(upper, "2022-06-01", "2025-11-30", 100) },
    { name: "IG corporate OAS", rows: changesSince(oas, "2022-06-01", "2025-11-30") },
  ], { qtSpan: { from: "2022-06-01", to: "2025-11-30" }, events: QT_EVENTS });
  const html = chart.outerHTML;

  test("is a figure with title, bp axis, source, as-of date and the missing dollar index said", () => {
    expect(html.startsWith("<figure")).toBe(true);
    expect(html).toContain("Long yields, the policy rate and credit spreads since QT began");
    expect(html).toContain("Change since QT began (bp)");
    expect(html).toContain("No dollar index ships with qtlab");
    expect(html).toContain("Data as of 2025-11-28.");
  });

  test("labels each line's change at its end and marks events", () => {
    expect(html).toContain("10-year yield: +108bp");
    expect(html).toContain("Policy rate (upper limit): +300bp");
    expect(html).toContain("IG corporate OAS: -55bp");
    expect(html).toContain("Treasury cap $5bn");
  });

  test("no data is refused", () => {
    expect(() => qtMarketsChart([{ name: "x", rows: [] }])).toThrow(/no data/);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
