import { describe, expect, test } from "vitest";
import { eventHorizonsChart } from "../../lib/plot/eventHorizons.ts";
import { eventStudy, summariseEventStudy } from "../../lib/calc/eventStudy.ts";
import { rounded } from "../helpers/snapshot.ts";

const s = {
  seriesId: "S",
  label: "Stocks",
  units: "index" as const,
  rows: [
    { date: "2020-01-01", value: 100 },
    { date: "2020-02-01", value: 110 },
    { date: "2020-03-01", value: 99 },
    { date: "2020-04-01", value: 103.95 },
  ],
};
const pivots = [{ id: "A", label: "Pivot A" }, { id: "B", label: "Pivot B" }, { id: "C", label: "Pivot C" }];
const rows = eventStudy([s], pivots.map((p, i) => ({ id: p.id, date: `2020-0${i + 1}-01` })), {
  horizonsMonths: [1, 2],
});

describe("eventHorizonsChart(rows, summary, options)", () => {
  const chart = eventHorizonsChart(rows, summariseEventStudy(rows), {
    title: "How often did they rise?",
    series: [{ seriesId: "S", label: "Stocks", unit: "%" }],
    pivots,
    source: "Test source",
    asOf: "2020-04-01",
  });
  const html = chart.outerHTML;

  test("labels each horizon with the mean, n and the count that rose", () => {
    expect(html).toContain("+1m");
    expect(html).toContain("+2m");
    // +1m: +10%, −10%, +5% → mean +1.7%, n=3, 2 rose; +2m: −1%, −5.5%, missing → n=2, 0 rose.
    expect(html).toContain("mean +1.7%");
    expect(html).toContain("n=3, 2 rose");
    expect(html).toContain("n=2, 0 rose");
    expect(html).toContain("Stocks: change since pivot (%)");
    expect(html).toContain("Data as of 2020-04-01.");
  });

  test("one dot per pivot with a value (3 at +1m, 2 at +2m)", () => {
    const dots = html.match(/<circle/g) ?? [];
    expect(dots.length).toBe(5);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
