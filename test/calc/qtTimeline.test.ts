import { describe, expect, test } from "vitest";
import {
  changesSince,
  firstIncrease,
  firstMonthAbove,
  firstMonthBelow,
  levelChange,
  meanMonthlyChange,
} from "../../lib/calc/qtTimeline.ts";
import type { MonthChange } from "../../lib/calc/monthly.ts";

// Month-end changes of TREAST ($bn) as measured on the shipped data.
const c = (month: string, change: number): MonthChange => ({
  month,
  date: `${month}-28`,
  previousDate: "",
  level: 0,
  change,
});
const TREAST = [
  c("2020-01", 98.9),
  c("2020-02", 74.7),
  c("2020-03", 838.2),
  c("2020-04", 679.4),
  c("2022-04", 4.2),
  c("2022-05", 5.6),
  c("2022-06", -26.4),
  c("2022-07", -25.2),
];

describe("turning points", () => {
  test("firstMonthAbove: Treasury purchases above $200bn a month first in March 2020", () => {
    expect(firstMonthAbove(TREAST, 200, "2020-01")!.month).toBe("2020-03");
    expect(firstMonthAbove(TREAST, 2000, "2020-01")).toBeUndefined();
  });
  test("firstMonthBelow: holdings first fall in June 2022", () => {
    expect(firstMonthBelow(TREAST, 0, "2022-03")!.month).toBe("2022-06");
    expect(() => firstMonthBelow(TREAST, Number.NaN, "2022-03")).toThrow(/finite/);
  });
  test("meanMonthlyChange over a window; empty window refused", () => {
    expect(meanMonthlyChange(TREAST, "2022-06", "2022-07")).toBeCloseTo(-25.8, 9);
    expect(() => meanMonthlyChange(TREAST, "2021-01", "2021-12")).toThrow(/no months/);
  });
  test("firstIncrease: the target range's upper limit first rose on 2022-03-17", () => {
    const taru = [{ date: "2022-03-15", value: 0.25 }, { date: "2022-03-16", value: 0.25 }, {
      date: "2022-03-17",
      value: 0.5,
    }, { date: "2022-05-05", value: 1 }];
    expect(firstIncrease(taru, "2020-04-01")).toEqual({ date: "2022-03-17", before: 0.25, after: 0.5 });
    expect(firstIncrease(taru, "2022-03-18")).toEqual({ date: "2022-05-05", before: 0.5, after: 1 });
    expect(firstIncrease([], "2020-01-01")).toBeUndefined();
  });
  test("levelChange uses the first observation on or after from and the last on or before to", () => {
    const dgs10 = [{ date: "2022-05-31", value: 2.85 }, { date: "2022-06-01", value: 2.94 }, {
      date: "2025-11-28",
      value: 4.02,
    }, { date: "2025-12-01", value: 4.09 }];
    const ch = levelChange(dgs10, "2022-06-01", "2025-11-30");
    expect(ch).toMatchObject({ fromDate: "2022-06-01", toDate: "2025-11-28" });
    expect(ch.change).toBeCloseTo(1.08, 12);
    expect(() => levelChange(dgs10, "2023-01-01", "2023-12-31")).toThrow(/no observation/);
  });
  test("changesSince: each value minus the first in the window, scaled (pct → bp)", () => {
    const dgs10 = [{ date: "2022-05-31", value: 2.85 }, { date: "2022-06-01", value: 2.94 }, {
      date: "2025-11-28",
      value: 4.02,
    }];
    expect(changesSince(dgs10, "2022-06-01", "2025-12-31", 100)).toEqual([{ date: "2022-06-01", value: 0 }, {
      date: "2025-11-28",
      value: 108,
    }]);
    expect(changesSince(dgs10, "2030-01-01", "2030-12-31")).toEqual([]);
    expect(() => changesSince([{ date: "2022-06-01", value: Number.NaN }], "2022-01-01", "2022-12-31")).toThrow(
      /non-finite/,
    );
  });
});
