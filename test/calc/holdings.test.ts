import { describe, expect, test } from "vitest";
import {
  compareHoldings,
  holdingsChange,
  lowestSince,
  monthEndIso,
  monthlyChanges,
  shareOf,
} from "../../lib/calc/holdings.ts";

// Real TIC China rows ($bn, end of month) around the article, and a made-up break for the flag.
const china = [
  { date: "2024-10-01", value: 760.1 },
  { date: "2024-11-01", value: 768.6 },
  { date: "2024-12-01", value: 759 },
  { date: "2025-01-01", value: 760.8 },
  { date: "2025-02-01", value: 784.3 },
];
const total = china.map((r) => ({ date: r.date, value: r.value * 10 }));

describe("holdingsChange(rows, from, to, breaks)", () => {
  test("is end minus start in $bn and as a fraction, by hand", () => {
    const c = holdingsChange(china, "2024-11-01", "2024-12-01");
    expect(c.changeUsdBn).toBeCloseTo(-9.6, 10);
    expect(c.changeFrac).toBeCloseTo(759 / 768.6 - 1, 12);
    expect(c.breaksCrossed).toEqual([]);
  });
  test("lists the breaks inside (from, to], not one at the start month", () => {
    const breaks = [{ date: "2024-10-01" }, { date: "2025-01-01" }];
    expect(holdingsChange(china, "2024-10-01", "2025-02-01", breaks).breaksCrossed).toEqual(["2025-01-01"]);
  });
  test("a missing month throws instead of interpolating; from after to throws", () => {
    expect(() => holdingsChange(china, "2024-09-01", "2024-12-01")).toThrow(/no holding dated 2024-09-01/);
    expect(() => holdingsChange(china, "2025-01-01", "2024-12-01")).toThrow(/after/);
  });
});

describe("monthlyChanges(rows, breaks)", () => {
  test("one change per month after the first, break months flagged", () => {
    const m = monthlyChanges(china, [{ date: "2025-01-01" }]);
    expect(m.map((x) => x.date)).toEqual(["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]);
    expect(m[0].changeUsdBn).toBeCloseTo(8.5, 10);
    expect(m.map((x) => x.acrossBreak)).toEqual([false, false, true, false]);
    expect(monthlyChanges([])).toEqual([]);
  });
  test("the changes sum to the change over the whole window (invariant)", () => {
    const sum = monthlyChanges(china).reduce((s, x) => s + x.changeUsdBn, 0);
    expect(sum).toBeCloseTo(holdingsChange(china, "2024-10-01", "2025-02-01").changeUsdBn, 10);
  });
});

describe("shareOf(part, total)", () => {
  test("part ÷ total for common months only", () => {
    const s = shareOf(china, total.slice(1));
    expect(s).toHaveLength(4);
    expect(s.every((x) => Math.abs(x.shareFrac - 0.1) < 1e-12)).toBe(true);
  });
});

describe("lowestSince(rows, date)", () => {
  const rows = [
    { date: "2009-02-01", value: 744.2 },
    { date: "2009-03-01", value: 767.9 },
    { date: "2024-11-01", value: 768.6 },
    { date: "2024-12-01", value: 759 },
  ];
  test("finds the latest earlier month at or below the level (China Dec 2024: lowest since Feb 2009)", () => {
    const l = lowestSince(rows, "2024-12-01");
    expect([l.lowerOrEqualDate, l.lowerOrEqualUsdBn, l.monthsSince]).toEqual(["2009-02-01", 744.2, 190]);
  });
  test("the lowest on record has no earlier month", () => {
    expect(lowestSince(rows, "2009-02-01").lowerOrEqualDate).toBeUndefined();
  });
});

describe("compareHoldings(published, data)", () => {
  test("data − published per row; a month the data lacks stays undefined", () => {
    const c = compareHoldings(
      [
        { date: "2024-12-01", holder: "China", valueUsdBn: 759.0 },
        { date: "2023-12-01", holder: "China", valueUsdBn: 797.7 },
      ],
      { China: china },
    );
    expect(c[0].diffUsdBn).toBe(0);
    expect(c[0].absDiffFrac).toBe(0);
    expect(c[1].dataUsdBn).toBeUndefined();
    expect(c[1].diffUsdBn).toBeUndefined();
  });
});

describe("monthEndIso(month)", () => {
  test("the last day of the month, leap years included", () => {
    expect(monthEndIso("2025-03-01")).toBe("2025-03-31");
    expect(monthEndIso("2024-02-01")).toBe("2024-02-29");
    expect(monthEndIso("2025-12-01")).toBe("2025-12-31");
    expect(() => monthEndIso("2025-13-01")).toThrow(/not a month/);
  });
});
