import { describe, expect, test } from "vitest";
import { foreignHoldingsChart } from "../../lib/plot/foreignHoldings.ts";
import { rounded } from "../helpers/snapshot.ts";

const months = ["2011-04-01", "2011-05-01", "2011-06-01", "2011-07-01", "2011-11-01", "2011-12-01"];
const rows = (values: number[]) => months.slice(0, values.length).map((date, i) => ({ date, value: values[i] }));
// China's 2011 rows are real except the months skipped to keep the fixture short (the chart does not need a full grid).
const lines = [
  { name: "China", rows: rows([1144.9, 1159.8, 1307.0, 1173.5, 1134.0, 1151.9]) },
  { name: "Japan", rows: rows([907.9, 912.4, 911.0, 914.8, 979.0, 1058.0]) },
];
const breaks = [
  { date: "2011-06-01", kind: "survey" as const, label: "survey break" },
  { date: "2011-12-01", kind: "slt" as const, label: "SLT data from Dec 2011" },
];

describe("foreignHoldingsChart(lines, options)", () => {
  const chart = foreignHoldingsChart(lines, {
    from: "2011-04-01",
    breaks,
    highlights: [{ name: "China", date: "2011-06-01", label: "China $1,307bn" }],
  });
  const html = chart.outerHTML;

  test("a figure with title, $bn axes, source caption and as-of month", () => {
    expect(html.startsWith("<figure")).toBe(true);
    expect(html).toContain("Foreign holdings of Treasuries");
    expect(html).toContain("$bn");
    expect(html).toContain("Source: U.S. Treasury, TIC Major Foreign Holders");
    expect(html).toContain("Data as of 2011-12.");
  });

  test("labels the SLT break and the highlighted point; break months are grey and clipped bars counted", () => {
    expect(html).toContain("SLT data from Dec 2011");
    expect(html).toContain("China $1,307bn");
    expect(html).toContain("#bbbbbb");
    expect(html).toContain("1 such bars run past the axis");
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
