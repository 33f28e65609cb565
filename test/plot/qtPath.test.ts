import { describe, expect, test } from "vitest";
import { qtPathChart } from "../../lib/plot/qtPath.ts";
import { QT_EVENTS } from "../../lib/calc/policyEvents.ts";
import { rounded } from "../helpers/snapshot.ts";

const rows = [
  { date: "2022-04-13", value: 8965 },
  { date: "2022-06-01", value: 8915 },
  { date: "2024-04-03", value: 7440 },
  { date: "2024-04-10", value: 7438 },
  { date: "2025-12-03", value: 6536 },
  { date: "2026-08-19", value: 6746 },
];

describe("qtPathChart(rows, options)", () => {
  const chart = qtPathChart(rows, {
    from: "2022-01-01",
    references: [{ valueUsdBn: 7400, label: "article: shrank from about" }, {
      valueUsdBn: 6550,
      label: "article: stable near",
    }],
    marked: rows.slice(2, 4),
    markedLabel: "Dots: weeks within ±1% of $7,400bn.",
    events: QT_EVENTS,
    asOf: "2026-08-19",
  });
  const html = chart.outerHTML;

  test("title, $bn axis, the article's levels labelled, QT events, caption with source and as-of", () => {
    expect(html).toContain("Fed total assets through QT");
    expect(html).toContain("Total assets ($bn)");
    expect(html).toContain("article: shrank from about: $7,400bn");
    expect(html).toContain("article: stable near: $6,550bn");
    expect(html).toContain("QT starts");
    expect(html).toContain(
      "Source: Federal Reserve Board H.4.1 (WALCL, Wednesday level), via FRED. Data as of 2026-08-19. Dots: weeks within ±1% of $7,400bn.",
    );
  });

  test("marks the given weeks as dots", () => {
    // The hover tips' transparent dots sit in their own group.
    const withoutTips = html.replace(/<g[^>]*class="qtlab-tips"[\s\S]*?<\/g>/g, "");
    expect((withoutTips.match(/<circle/g) ?? []).length).toBe(2);
  });
  test("every week has a hover tip with its date and value in $bn", () => {
    expect(html).toMatch(/<title>Total assets, week of \d{4}-\d{2}-\d{2}: \$[\d,]+bn<\/title>/);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
