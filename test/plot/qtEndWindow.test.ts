import { describe, expect, test } from "vitest";
import { qtEndWindowChart } from "../../lib/plot/qtEndWindow.ts";
import { rounded } from "../helpers/snapshot.ts";

const rows = [
  { date: "2025-05-28", value: 6700 },
  { date: "2025-11-26", value: 6552 },
  { date: "2025-12-03", value: 6536 },
  { date: "2025-12-31", value: 6641 },
  { date: "2026-08-19", value: 6746 },
];

describe("qtEndWindowChart(rows, options)", () => {
  const chart = qtEndWindowChart(rows, {
    from: "2025-06-01",
    to: "2026-08-31",
    levelUsdBn: 6550,
    bandFrac: 0.02,
    events: [{ date: "2025-12-01", label: "QT ends" }, { date: "2026-03-01", label: "later event" }],
    asOf: "2026-08-19",
  });
  const html = chart.outerHTML;

  test("shows only the window, the level with its band in the subtitle, the events and the caption", () => {
    expect(html).toContain("Shaded: $6,550bn ± 2%.");
    expect(html).toContain("article: $6,550bn");
    expect(html).toContain("QT ends");
    expect(html).toContain("Total assets ($bn)");
    expect(html).toContain("Data as of 2026-08-19.");
    expect((html.match(/<circle/g) ?? []).length).toBe(4); // 2025-05-28 is outside the window
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
