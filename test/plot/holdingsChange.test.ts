import { describe, expect, test } from "vitest";
import { holdingsChangeChart } from "../../lib/plot/holdingsChange.ts";
import { eventPaths } from "../../lib/calc/eventStudy.ts";
import { rounded } from "../helpers/snapshot.ts";

const weeks = ["2025-11-26", "2025-12-03", "2025-12-10", "2025-12-17", "2026-01-07"];
const line = (id: string, base: number, step: number) => ({
  seriesId: id,
  label: id,
  units: "$bn" as const,
  rows: weeks.map((date, i) => ({ date, value: base + step * i })),
});

describe("holdingsChangeChart(points, options)", () => {
  const points = eventPaths([line("WALCL", 6552, 10), line("TREAST", 4191, 15), line("WSHOMCB", 2050, -4)], [{
    id: "qt-end",
    date: "2025-12-01",
  }], { fromMonths: 0, toMonths: 2 });
  const chart = holdingsChangeChart(points, {
    baseDate: "2025-12-01",
    names: { WALCL: "Total assets", TREAST: "Treasuries", WSHOMCB: "MBS" },
    to: "2026-01-31",
    events: [{ date: "2025-12-12", label: "RMP starts" }],
    asOf: "2026-01-07",
  });
  const html = chart.outerHTML;

  test("changes in $bn from the last Wednesday on or before the base date, each line named at its end", () => {
    expect(points.filter((p) => p.seriesId === "TREAST").map((p) => p.value)).toEqual([15, 30, 45, 60]);
    expect(html).toContain("change since 2025-12-01");
    expect(html).toContain("change since QT end ($bn)");
    expect(html).toContain(">Treasuries<");
    expect(html).toContain("RMP starts");
    expect(html).toContain("WSHOBL");
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
