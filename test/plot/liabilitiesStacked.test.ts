import { describe, expect, test } from "vitest";
import { liabilitiesStackedChart } from "../../lib/plot/liabilitiesStacked.ts";
import { reservesIdentity } from "../../lib/calc/reserves.ts";
import { QT_EVENTS } from "../../lib/calc/policyEvents.ts";
import { rounded } from "../helpers/snapshot.ts";

// Real H.4.1 weeks ($bn).
const weeks = [
  { date: "2023-01-25", totalAssetsUsdBn: 8470.557, reservesUsdBn: 3031.889, tgaUsdBn: 491.848, onRrpUsdBn: 2031.561 },
  { date: "2023-05-31", totalAssetsUsdBn: 8385.854, reservesUsdBn: 3309.447, tgaUsdBn: 48.954, onRrpUsdBn: 2254.859 },
  { date: "2023-09-20", totalAssetsUsdBn: 8024.09, reservesUsdBn: 3231.649, tgaUsdBn: 640.296, onRrpUsdBn: 1486.984 },
  { date: "2025-07-02", totalAssetsUsdBn: 6659.598, reservesUsdBn: 3225.98, tgaUsdBn: 359.516, onRrpUsdBn: 237.307 },
].map(reservesIdentity);

describe("liabilitiesStackedChart(weeks, options)", () => {
  const chart = liabilitiesStackedChart(weeks, {
    from: "2023-01-01",
    events: QT_EVENTS,
    windows: [{ from: "2023-01-19", to: "2023-06-03", label: "debt limit 2023" }],
  });
  const html = chart.outerHTML;

  test("is a figure with title, $bn axis, the four layers, the residual explained, source and as-of", () => {
    expect(html.startsWith("<figure")).toBe(true);
    expect(html).toContain("Where the Fed's assets are funded");
    expect(html).toContain("$bn");
    for (const layer of ["Reserves", "ON RRP", "TGA", "Currency + other (residual)"]) expect(html).toContain(layer);
    expect(html).toContain("Currency + other is the residual");
    expect(html).toContain("Data as of 2025-07-02.");
  });

  test("shades and labels the debt-limit window and marks events in range", () => {
    expect(html).toContain("debt limit 2023");
    expect(html).toContain("Treasury cap $25bn");
  });

  test("no weeks from the start date is refused", () => {
    expect(() => liabilitiesStackedChart(weeks, { from: "2030-01-01" })).toThrow(/no weeks/);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
