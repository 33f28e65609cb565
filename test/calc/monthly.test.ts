import { addDays, addMonths, lastDayOfMonth, monthOf, monthsBetween } from "../../lib/calendar.ts";
import { describe, expect, test } from "vitest";
import { monthlyChanges, monthlyLevels } from "../../lib/calc/monthly.ts";

// TREAST Wednesday levels ($bn) around QT's start, from the shipped data.
const TREAST = [
  { date: "2022-05-25", value: 5769.417 },
  { date: "2022-06-01", value: 5770.779 },
  { date: "2022-06-08", value: 5771.393 },
  { date: "2022-06-15", value: 5762.73 },
  { date: "2022-06-22", value: 5763.344 },
  { date: "2022-06-29", value: 5763.933 },
  { date: "2022-07-06", value: 5744.344 },
];

describe("month arithmetic on YYYY-MM strings", () => {
  test("monthOf, addMonths across a year, monthsBetween, lastDayOfMonth in a leap year, addDays", () => {
    expect(monthOf("2025-04-16")).toBe("2025-04");
    expect(addMonths("2025-11", 3)).toBe("2026-02");
    expect(addMonths("2025-01", -1)).toBe("2024-12");
    expect(monthsBetween("2025-11-15", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-02", "2025-11")).toEqual([]);
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(lastDayOfMonth("2023-02")).toBe("2023-02-28");
    expect(addDays("2022-06-30", 6)).toBe("2022-07-06");
  });
  test("malformed months are refused", () => {
    expect(() => monthOf("2025-00")).toThrow(/not an ISO date/);
    expect(() => addMonths("2025-01", 0.5)).toThrow(/integer/);
  });
});

describe("monthlyLevels(weekly, grid): FROM Wednesday levels TO one level per month", () => {
  test('"month-end" takes the first Wednesday on or after the last day (July 6 for June 2022)', () => {
    const m = monthlyLevels(TREAST, "month-end");
    expect(m).toEqual([
      { month: "2022-05", date: "2022-06-01", value: 5770.779 },
      { month: "2022-06", date: "2022-07-06", value: 5744.344 },
    ]);
  });

  test('"last-wednesday" takes the last Wednesday inside a month once the month is over', () => {
    expect(monthlyLevels(TREAST, "last-wednesday")).toEqual([
      { month: "2022-05", date: "2022-05-25", value: 5769.417 },
      { month: "2022-06", date: "2022-06-29", value: 5763.933 },
    ]);
  });

  test("a month whose grid observation is missing is left out, not filled", () => {
    const gap = TREAST.filter((r) => r.date !== "2022-07-06");
    expect(monthlyLevels(gap, "month-end").map((m) => m.month)).toEqual(["2022-05"]);
  });

  test("a Wednesday on the month's last day closes that month", () => {
    const rows = [{ date: "2025-04-30", value: 1 }, { date: "2025-05-07", value: 2 }];
    expect(monthlyLevels(rows)).toEqual([{ month: "2025-04", date: "2025-04-30", value: 1 }]);
  });

  test("empty in → empty out; NaN or unsorted refused", () => {
    expect(monthlyLevels([])).toEqual([]);
    expect(() => monthlyLevels([{ date: "2022-06-01", value: Number.NaN }])).toThrow(/not a finite number/);
    expect(() => monthlyLevels([TREAST[1], TREAST[0]])).toThrow(/strictly increasing/);
    expect(() => monthlyLevels(TREAST, "month-start" as never)).toThrow(/unknown month grid/);
  });
});

describe("monthlyChanges(levels)", () => {
  test("June 2022 on the month-end grid: TREAST fell $26.4bn", () => {
    const c = monthlyChanges(monthlyLevels(TREAST));
    expect(c).toHaveLength(1);
    expect(c[0].month).toBe("2022-06");
    expect(c[0].change).toBeCloseTo(-26.435, 9);
    expect(c[0].previousDate).toBe("2022-06-01");
  });

  test("a missing month is not bridged", () => {
    const c = monthlyChanges([
      { month: "2022-01", date: "2022-02-02", value: 1 },
      { month: "2022-03", date: "2022-04-06", value: 5 },
      { month: "2022-04", date: "2022-05-04", value: 6 },
    ]);
    expect(c.map((x) => [x.month, x.change])).toEqual([["2022-04", 1]]);
  });
});
