import { describe, expect, test } from "vitest";
import { moneyMarketSpreadsChart, moneyMarketSpreadsView } from "../../lib/plot/moneyMarketSpreads.ts";

/** Chart markup with every number rounded to 3 decimals and Plot's per-render clip ids renumbered, for stable snapshots. */
const rounded = (html: string) => {
  const ids = new Map<string, string>();
  return html
    .replace(/plot-clip-\d+/g, (id) => ids.get(id) ?? (ids.set(id, `clip-${ids.size}`), ids.get(id)!))
    .replace(/-?\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
};
const pts = (pairs: [string, number][]) => pairs.map(([date, spreadBp]) => ({ date, spreadBp }));

describe("moneyMarketSpreadsChart(lines, options)", () => {
  const chart = moneyMarketSpreadsChart(
    [
      {
        name: "SOFR − IORB",
        kind: "daily",
        rows: pts([["2025-09-30", 2], ["2025-10-01", 8], ["2025-10-31", 32], ["2025-11-03", 23]]),
      },
      { name: "SOFR − IORB, 20-day mean", kind: "rolling", rows: pts([["2025-10-31", 9.5], ["2025-11-03", 11.25]]) },
      {
        name: "SOFR − top of range (proxy, pre-IORB)",
        kind: "proxy",
        rows: pts([["2019-09-16", 18], ["2019-09-17", 300], ["2019-09-18", 5]]),
      },
    ],
    {
      from: "2019-01-01",
      events: [{ date: "2019-09-17", label: "Sep 2019 repo spike" }],
      windows: [{ from: "2025-10-01", to: "2025-12-31", label: "late 2025" }],
      asOf: "2025-11-03",
    },
  );
  const html = chart.outerHTML;

  test("has a title, a bp axis, the source with its as-of date and the IORB caveat", () => {
    expect(html).toContain("Overnight rates against interest on reserves");
    expect(html).toContain("Spread (bp)");
    expect(html).toContain("Data as of 2025-11-03.");
    expect(html).toContain("IOER, its predecessor, is not in qtlab");
  });

  test("names the off-scale value in the caption and marks the episodes", () => {
    expect(html).toContain("Off scale: SOFR − top of range (proxy, pre-IORB) +300 bp on 2019-09-17");
    expect(html).toContain("Sep 2019 repo spike");
    expect(html).toContain("late 2025");
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});

describe("moneyMarketSpreadsView(inputs, params)", () => {
  const day = (date: string, value: number) => ({ date, value });
  const inputs = {
    sofrPct: [day("2019-09-17", 5.25), day("2021-07-29", 0.05), day("2025-10-31", 4.22)],
    effrPct: [day("2019-09-17", 2.3), day("2021-07-29", 0.1), day("2025-10-31", 3.87)],
    iorbPct: [day("2021-07-29", 0.15), day("2025-10-31", 3.9)],
    targetUpperPct: [day("2019-09-17", 2.25), day("2021-07-29", 0.25), day("2025-10-31", 4.0)],
  };

  test("uses IORB from its first day and the proxy only before it", () => {
    const html = moneyMarketSpreadsView(inputs, { rollingWindowDays: 1, spreadChartDomainBp: [-30, 40] }).outerHTML;
    expect(html).toContain("SOFR − IORB, 1-day mean");
    expect(html).toContain("+300 bp on 2019-09-17");
    expect(html).toContain("IORB starts");
  });
});
