import { describe, expect, test } from "vitest";
import { pivotCoverage, PIVOTS, pivotsByIds, policyRateChangeBp, policyRateDefaults } from "../../lib/calc/pivots.ts";
import { loadH15 } from "../../lib/data/h15.ts";

describe("PIVOTS (tightening-to-easing turns as data)", () => {
  test("sorted by date, unique ids, every one with an FOMC source dated on its decision", () => {
    const dates = PIVOTS.map((p) => p.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(PIVOTS.map((p) => p.id)).size).toBe(PIVOTS.length);
    for (const p of PIVOTS) {
      expect(p.source).toMatch(/^FOMC /);
      expect(p.source).toContain(p.decided ?? p.date);
      expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test("holds the dates named in qtlab's spec, with both 2019 events and the 2025 QT end decided 2025-10-29", () => {
    const ids = PIVOTS.map((p) => p.id);
    for (
      const id of [
        "1995-07-06",
        "1998-09-29",
        "2001-01-03",
        "2007-09-18",
        "2019-07-31",
        "2019-08-01",
        "2020-03-03",
        "2020-03-15",
        "2024-09-18",
        "2025-12-01",
      ]
    ) {
      expect(ids).toContain(id);
    }
    const qtEnd = pivotsByIds(["2025-12-01"])[0];
    expect(qtEnd).toMatchObject({ kind: "qt-end", decided: "2025-10-29" });
    expect(pivotsByIds(["2019-08-01"])[0]).toMatchObject({ kind: "qt-end", decided: "2019-07-31", episode: "2019" });
  });

  test("every cut since the target range ships (2008-12-16) shows in DFEDTARU the day after the decision", () => {
    const upper = loadH15("DFEDTARU").rows;
    const at = (d: string) => upper.find((r) => r.date === d)?.value;
    const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const cuts = PIVOTS.filter((p) => p.kind !== "qt-end" && p.date >= "2008-12-16");
    expect(cuts.map((p) => p.id)).toEqual(["2019-07-31", "2020-03-03", "2020-03-15", "2024-09-18"]);
    for (const p of cuts) expect(at(nextDay(p.date))!).toBeLessThan(at(p.date)!);
  });
});

describe("pivotsByIds(ids)", () => {
  test("returns the pivots in the order asked", () => {
    expect(pivotsByIds(["2024-09-18", "1995-07-06"]).map((p) => p.id)).toEqual(["2024-09-18", "1995-07-06"]);
  });

  test("refuses an unknown or repeated id", () => {
    expect(() => pivotsByIds(["1989-06-06"])).toThrow(/unknown pivot "1989-06-06"/);
    expect(() => pivotsByIds(["2024-09-18", "2024-09-18"])).toThrow(/selected twice/);
  });
});

describe("pivotCoverage(pivots, ranges, horizons)", () => {
  const ranges = [
    { seriesId: "SP500", first: "2016-08-04", last: "2026-08-05" },
    { seriesId: "OAS", first: "1996-12-31", last: "2026-08-04" },
    { seriesId: "SPm", first: "1871-01-31", last: "2026-06-30" },
  ];
  const cov = pivotCoverage(pivotsByIds(["1995-07-06", "2019-07-31", "2025-12-01"]), ranges, [1, 3, 6, 12]);
  const get = (p: string, s: string) => cov.find((c) => c.pivotId === p && c.seriesId === s)!;

  test("the daily S&P 500 (from 2016) and the IG OAS (from 1996-12-31) miss 1995; Shiller's monthly covers it", () => {
    expect(get("1995-07-06", "SP500")).toMatchObject({ atPivot: false, status: "none", horizonsMonths: [] });
    expect(get("1995-07-06", "OAS").status).toBe("none");
    expect(get("1995-07-06", "SPm").status).toBe("full");
    expect(get("2019-07-31", "SP500").status).toBe("full");
  });

  test("the 2025 QT end is covered to +6 months only: +12 (2026-12-01) is beyond the data", () => {
    expect(get("2025-12-01", "SP500")).toMatchObject({ status: "partial", horizonsMonths: [1, 3, 6] });
    expect(get("2025-12-01", "SPm").horizonsMonths).toEqual([1, 3, 6]);
  });
});

describe("policyRateChangeBp(rows, pivotDate, {windowDays})", () => {
  const daily = (from: string, n: number, value: (i: number) => number) =>
    Array.from(
      { length: n },
      (_, i) => ({
        date: new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
        value: value(i),
      }),
    );

  test("hand-worked: a 25bp step the day after the pivot gives −25bp; the pivot day is in neither window", () => {
    // 2024-01-01..2024-01-31; pivot 2024-01-15 (index 14) at 9.99 (ignored), 5.50 before, 5.25 after.
    const rows = daily("2024-01-01", 31, (i) => (i < 14 ? 5.5 : i === 14 ? 9.99 : 5.25));
    expect(policyRateChangeBp(rows, "2024-01-15", { windowDays: 7 })).toBe(-25);
    expect(policyRateDefaults.windowDays).toBe(14);
  });

  test("medians set aside a year-end spike that a mean would not", () => {
    const rows = daily("2024-01-01", 31, (i) => (i < 14 ? (i === 12 ? 7.0 : 5.5) : 5.0));
    expect(policyRateChangeBp(rows, "2024-01-15", { windowDays: 7 })).toBe(-50);
  });

  test("undefined when a window has no observation", () => {
    expect(policyRateChangeBp(daily("2024-01-16", 5, () => 5), "2024-01-15")).toBeUndefined();
  });
});
