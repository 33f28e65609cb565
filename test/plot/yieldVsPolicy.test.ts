import { describe, expect, test } from "vitest";
import { yieldVsPolicyChart } from "../../lib/plot/yieldVsPolicy.ts";
import { rounded } from "../helpers/snapshot.ts";

const tenYear = [
  { date: "2023-10-18", value: 4.91 },
  { date: "2023-10-19", value: 4.98 },
  { date: "2023-10-31", value: 4.88 },
  { date: "2023-11-01", value: 4.77 },
  { date: "2023-12-27", value: 3.79 },
  { date: "2024-01-24", value: 4.18 },
];
const days = ["2023-10-18", "2023-10-19", "2023-10-31", "2023-11-01", "2023-12-27", "2024-01-24"];
const lower = days.map((date) => ({ date, value: 5.25 }));
const upper = days.map((date) => ({ date, value: 5.5 }));

describe("yieldVsPolicyChart(tenYear, lower, upper, options)", () => {
  const chart = yieldVsPolicyChart(tenYear, lower, upper, {
    from: "2023-10-01",
    to: "2024-01-24",
    peak: { date: "2023-10-19", value: 4.98 },
    events: [{ date: "2023-11-01", label: "FOMC 2023-11-01" }],
  });
  const html = chart.outerHTML;

  test("title, pct axis, the band's range, the last yield, source and as-of", () => {
    expect(html).toContain("The 10-year Treasury yield against the policy rate");
    expect(html).toContain("pct");
    expect(html).toContain("target range 5.25–5.50%");
    expect(html).toContain("10-year 4.18%");
    expect(html).toContain("Source: Federal Reserve Board H.15 (DGS10");
    expect(html).toContain("Data as of 2024-01-24.");
  });

  test("marks the FOMC meeting and labels the peak", () => {
    expect(html).toContain("FOMC 2023-11-01");
    expect(html).toContain("10-year peak 4.98% (2023-10-19)");
  });

  test("data outside the window are not drawn; an empty window throws", () => {
    const narrow = yieldVsPolicyChart(tenYear, lower, upper, { from: "2023-12-01", to: "2024-01-24" }).outerHTML;
    expect(narrow).not.toContain("peak");
    expect(() => yieldVsPolicyChart(tenYear, lower, upper, { from: "2025-01-01", to: "2025-02-01" })).toThrow(
      /no data in the window/,
    );
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
