import { describe, expect, test } from "vitest";
import { cumulativeRunoffChart } from "../../lib/plot/cumulativeRunoff.ts";
import { QT_EVENTS } from "../../lib/calc/policyEvents.ts";
import { rounded } from "../helpers/snapshot.ts";

const line = (name: string, perMonth: number) => ({
  name,
  rows: ["2022-06", "2022-07", "2022-08", "2022-09"].map((month, i) => ({
    month,
    cumulativeUsdBn: perMonth * (i + 1),
  })),
});

describe("cumulativeRunoffChart(lines, options)", () => {
  const chart = cumulativeRunoffChart([
    line("Caps' ceiling", 47.5),
    line("Scenario under the caps", 40),
    line("Actual (TREAST + WSHOMCB)", 25.5),
  ], {
    asOf: "2022-10-05",
    events: QT_EVENTS,
    note: "Scenario: assumptions.",
  });
  const html = chart.outerHTML;

  test("is a figure with title, $bn axis, source, as-of date and the scenario note", () => {
    expect(html.startsWith("<figure")).toBe(true);
    expect(html).toContain("Cumulative QT runoff");
    expect(html).toContain("Cumulative runoff ($bn)");
    expect(html).toContain("Data as of 2022-10-05. Scenario: assumptions.");
  });

  test("labels each line's end value and marks the events in range", () => {
    expect(html).toContain("$190bn");
    expect(html).toContain("$160bn");
    expect(html).toContain("$102bn");
    expect(html).toContain("caps $60bn/$35bn");
  });

  test("no data is refused", () => {
    expect(() => cumulativeRunoffChart([{ name: "x", rows: [] }], { asOf: "2022-10-05" })).toThrow(/no data/);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
