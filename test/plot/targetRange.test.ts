import { describe, expect, test } from "vitest";
import { targetRangeChart } from "../../lib/plot/targetRange.ts";
import { levelChanges } from "../../lib/calc/levelWindow.ts";
import { rounded } from "../helpers/snapshot.ts";

const days = ["2025-12-08", "2025-12-09", "2025-12-10", "2025-12-11", "2025-12-12"];
const upper = days.map((date, i) => ({ date, value: i < 3 ? 4.0 : 3.75 }));
const lower = upper.map((r) => ({ date: r.date, value: r.value - 0.25 }));
const effective = days.map((date, i) => ({ date, value: i < 3 ? 3.89 : 3.64 }));

describe("targetRangeChart(upper, lower, effective, options)", () => {
  const chart = targetRangeChart(upper, lower, effective, {
    from: "2025-12-01",
    to: "2025-12-31",
    changes: levelChanges(upper),
    events: [{ date: "2025-12-10", label: "FOMC (article: cut priced)" }],
    asOf: "2025-12-12",
  });
  const html = chart.outerHTML;

  test("labels the cut in bp, marks the meeting, axis in pct", () => {
    expect(html).toContain("−25bp");
    expect(html).toContain("FOMC (article: cut priced)");
    expect(html).toContain("pct");
    expect(html).toContain("Source: Federal Reserve Board (DFEDTARU, DFEDTARL, DFF), via FRED. Data as of 2025-12-12.");
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
