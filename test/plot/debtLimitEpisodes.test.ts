import { describe, expect, test } from "vitest";
import { debtLimitEpisodesChart } from "../../lib/plot/debtLimitEpisodes.ts";
import type { EpisodePoint } from "../../lib/calc/debtCeiling.ts";
import { rounded } from "../helpers/snapshot.ts";

const pts = (episode: string, tga: number[], reserves: number[], rrp: number[]): EpisodePoint[] =>
  tga.flatMap((_, week) => [
    { episode, date: `w${week}`, week, series: "Reserves" as const, changeUsdBn: reserves[week] },
    { episode, date: `w${week}`, week, series: "TGA" as const, changeUsdBn: tga[week] },
    { episode, date: `w${week}`, week, series: "ON RRP" as const, changeUsdBn: rrp[week] },
  ]);

describe("debtLimitEpisodesChart(points, options)", () => {
  const points = [
    ...pts("2023", [0, -200, -443, 100], [0, 150, 278, 230], [0, 40, 223, -900]),
    ...pts("2025", [0, -150, -293, 300], [0, 100, -29, -400], [0, 20, 52, -170]),
  ];
  const chart = debtLimitEpisodesChart(points, {
    asOf: "2026-07-29",
    headings: { "2023": "2023: 2023-01-19 → 2023-06-03", "2025": "2025: 2025-01-02 → 2025-07-04" },
    spans: [{ episode: "2023", from: 0, to: 2 }, { episode: "2025", from: 0, to: 2.5 }],
    markers: [{ episode: "2023", week: 2, label: "limit lifted" }, { episode: "2025", week: 3, label: "TGA peak" }],
  });
  const html = chart.outerHTML;

  test("is a figure with title, $bn axis, one panel per episode, source and as-of", () => {
    expect(html.startsWith("<figure")).toBe(true);
    expect(html).toContain("Debt-limit episodes");
    expect(html).toContain("Change since then ($bn)");
    expect(html).toContain("Weeks since the debt limit took hold");
    expect(html).toContain("2023: 2023-01-19 → 2023-06-03");
    expect(html).toContain("2025: 2025-01-02 → 2025-07-04");
    expect(html).toContain("Pub. L. 118-5");
    expect(html).toContain("Data as of 2026-07-29.");
  });

  test("marks the limit's end and the TGA peak", () => {
    expect(html).toContain("limit lifted");
    expect(html).toContain("TGA peak");
  });

  test("no points is refused", () => {
    expect(() => debtLimitEpisodesChart([], { asOf: "2026-07-29" })).toThrow(/no data/);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
