import { describe, expect, test } from "vitest";
import {
  addMonthsIso,
  changeFrom,
  eventPaths,
  type EventSeries,
  eventStudy,
  knownRows,
  median,
  monthEndIso,
  summariseEventStudy,
  valueOnOrBefore,
  windowChanges,
} from "../../lib/calc/eventStudy.ts";

// A small daily index: weekdays in Jan–Jul 2024 (hand-picked values), ending 2024-07-15.
const idx: EventSeries = {
  seriesId: "IDX",
  label: "Index",
  units: "index",
  rows: [
    { date: "2024-01-02", value: 100 },
    { date: "2024-01-31", value: 104 },
    { date: "2024-02-29", value: 110 },
    { date: "2024-03-01", value: 111 },
    { date: "2024-04-30", value: 95 },
    { date: "2024-07-01", value: 120 },
    { date: "2024-07-15", value: 125 },
  ],
};
// A yield in pct over the same dates.
const yld: EventSeries = {
  seriesId: "YLD",
  label: "Yield",
  units: "pct",
  rows: [
    { date: "2024-01-02", value: 4.0 },
    { date: "2024-01-31", value: 4.1 },
    { date: "2024-02-29", value: 3.85 },
    { date: "2024-04-30", value: 4.35 },
    { date: "2024-07-01", value: 3.5 },
  ],
};

describe("addMonthsIso(iso, months)", () => {
  test("adds calendar months, wrapping years both ways", () => {
    expect(addMonthsIso("2025-12-01", 1)).toBe("2026-01-01");
    expect(addMonthsIso("2025-12-01", 12)).toBe("2026-12-01");
    expect(addMonthsIso("2025-12-01", -3)).toBe("2025-09-01");
    expect(addMonthsIso("2001-01-03", -1)).toBe("2000-12-03");
  });

  test("clamps a day past the target month's end to its last day (leap years included)", () => {
    expect(addMonthsIso("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonthsIso("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonthsIso("2024-08-31", 1)).toBe("2024-09-30");
    expect(addMonthsIso("2019-07-31", 3)).toBe("2019-10-31");
  });

  test("refuses a fractional month", () => {
    expect(() => addMonthsIso("2024-01-01", 1.5)).toThrow(/integer/);
  });
});

describe("valueOnOrBefore(rows, date, maxStaleDays)", () => {
  test("takes the observation on the date, else the last one before it", () => {
    expect(valueOnOrBefore(idx.rows, "2024-01-31")).toEqual({ date: "2024-01-31", value: 104 });
    expect(valueOnOrBefore(idx.rows, "2024-03-03")).toEqual({ date: "2024-03-01", value: 111 });
  });

  test("a date beyond the last observation is missing, never the last value carried forward", () => {
    expect(valueOnOrBefore(idx.rows, "2024-07-16")).toBeUndefined();
    expect(valueOnOrBefore(idx.rows, "2024-07-15")).toEqual({ date: "2024-07-15", value: 125 });
  });

  test("a date before the first observation, or after a gap longer than maxStaleDays, is missing", () => {
    expect(valueOnOrBefore(idx.rows, "2023-12-29")).toBeUndefined();
    // 2024-06-15 is 46 days after 2024-04-30: stale under 40 days, found under 60.
    expect(valueOnOrBefore(idx.rows, "2024-06-15", 40)).toBeUndefined();
    expect(valueOnOrBefore(idx.rows, "2024-06-15", 60)).toEqual({ date: "2024-04-30", value: 95 });
    expect(valueOnOrBefore([], "2024-01-01")).toBeUndefined();
  });
});

describe("changeFrom(base, value, units)", () => {
  test("% for an index, bp for pct (×100), bp and $bn as differences", () => {
    expect(changeFrom(100, 110, "index")).toBeCloseTo(10, 12);
    expect(changeFrom(4.0, 3.85, "pct")).toBeCloseTo(-15, 9);
    expect(changeFrom(82, 78, "bp")).toBe(-4);
    expect(changeFrom(6535.8, 6745.7, "$bn")).toBeCloseTo(209.9, 9);
  });

  test("an index change from zero is refused", () => {
    expect(() => changeFrom(0, 1, "index")).toThrow(/zero base/);
  });
});

describe("eventStudy(series, pivots, {horizonsMonths})", () => {
  const rows = eventStudy([idx, yld], [{ id: "p", date: "2024-01-31" }], { horizonsMonths: [1, 3, 6] });

  test("hand-worked: value at the pivot and at +1/+3 months, % for the index and bp for the yield", () => {
    const i = rows.find((r) => r.seriesId === "IDX")!;
    expect(i.base).toEqual({ date: "2024-01-31", value: 104 });
    // +1 month from Jan 31 = Feb 29 (clamped): 110/104 − 1.
    expect(i.horizons[0].targetDate).toBe("2024-02-29");
    expect(i.horizons[0].change).toBeCloseTo((110 / 104 - 1) * 100, 10);
    // +3 months = Apr 30: 95/104 − 1.
    expect(i.horizons[1].observation).toEqual({ date: "2024-04-30", value: 95 });
    expect(i.horizons[1].change).toBeCloseTo((95 / 104 - 1) * 100, 10);
    const y = rows.find((r) => r.seriesId === "YLD")!;
    expect(y.horizons[0].change).toBeCloseTo(-25, 9);
    expect(y.horizons[1].change).toBeCloseTo(25, 9);
  });

  test("a horizon beyond the data is missing (2024-07-31 > last observation), not filled", () => {
    const i = rows.find((r) => r.seriesId === "IDX")!;
    expect(i.horizons[2]).toEqual({
      horizonMonths: 6,
      targetDate: "2024-07-31",
      observation: undefined,
      change: undefined,
    });
  });

  test("a pivot before the series starts has no base and every horizon missing", () => {
    const [r] = eventStudy([idx], [{ id: "early", date: "2023-06-01" }], { horizonsMonths: [1, 12] });
    expect(r.base).toBeUndefined();
    expect(r.horizons.map((h) => h.change)).toEqual([undefined, undefined]);
  });

  test("horizons must be positive whole months", () => {
    expect(() => eventStudy([idx], [{ id: "p", date: "2024-01-31" }], { horizonsMonths: [0] })).toThrow(
      /positive whole months/,
    );
    expect(() => eventStudy([idx], [{ id: "p", date: "2024-01-31" }], { horizonsMonths: [1.5] })).toThrow(
      /positive whole months/,
    );
  });
});

describe("summariseEventStudy(rows)", () => {
  // Four pivots, one month apart; +1 month after each: +10%, −10%, +5%, and beyond the data.
  const s: EventSeries = {
    seriesId: "S",
    label: "S",
    units: "index",
    rows: [
      { date: "2020-01-01", value: 100 },
      { date: "2020-02-01", value: 110 }, // pivot A +1m: +10%
      { date: "2020-03-01", value: 99 }, //  pivot B (2020-02-01) +1m: −10%
      { date: "2020-04-01", value: 103.95 }, // pivot C (2020-03-01) +1m: +5%
    ],
  };
  const rows = eventStudy(
    [s],
    [
      { id: "A", date: "2020-01-01" },
      { id: "B", date: "2020-02-01" },
      { id: "C", date: "2020-03-01" },
      { id: "D", date: "2020-04-01" }, // +1m = 2020-05-01: beyond the data
    ],
    { horizonsMonths: [1] },
  );
  const [sum] = summariseEventStudy(rows);

  test("hand-worked: n counts pivots with a value; mean, median, min, max, share positive over them", () => {
    expect(sum.n).toBe(3);
    expect(sum.missingPivotIds).toEqual(["D"]);
    expect(sum.mean).toBeCloseTo((10 - 10 + 5) / 3, 9);
    expect(sum.median).toBeCloseTo(5, 9);
    expect(sum.min).toBeCloseTo(-10, 9);
    expect(sum.max).toBeCloseTo(10, 9);
    expect(sum.nPositive).toBe(2);
    expect(sum.sharePositiveFrac).toBeCloseTo(2 / 3, 12);
    expect(sum.unit).toBe("%");
  });

  test("with no pivot covered, n = 0 and the statistics are undefined, not zero", () => {
    const [empty] = summariseEventStudy(eventStudy([s], [{ id: "late", date: "2021-01-01" }], { horizonsMonths: [1] }));
    expect(empty).toMatchObject({
      n: 0,
      mean: undefined,
      median: undefined,
      min: undefined,
      max: undefined,
      sharePositiveFrac: undefined,
      missingPivotIds: ["late"],
    });
  });

  test("median of an even count is the mean of the middle two", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe("monthly means (monthlyMean: true)", () => {
  const monthly: EventSeries = {
    seriesId: "M",
    label: "Monthly",
    units: "index",
    monthlyMean: true,
    rows: [
      { date: "2020-01-01", value: 100 },
      { date: "2020-02-01", value: 102 },
      { date: "2020-03-01", value: 80 },
      { date: "2020-04-01", value: 90 },
    ],
  };

  test("each mean counts as known at its month's end, so a pivot reads the last complete month", () => {
    expect(monthEndIso("2020-02-01")).toBe("2020-02-29");
    expect(knownRows(monthly).map((r) => r.date)).toEqual(["2020-01-31", "2020-02-29", "2020-03-31", "2020-04-30"]);
    const [r] = eventStudy([monthly], [{ id: "covid", date: "2020-03-03" }], { horizonsMonths: [1, 2] });
    expect(r.base).toEqual({ date: "2020-02-29", value: 102 }); // not the March mean, which holds the crash
    expect(r.horizons[0].change).toBeCloseTo((80 / 102 - 1) * 100, 10);
    // +2 months = 2020-05-03, after the April mean's month end (2020-04-30): beyond the data.
    expect(r.horizons[1].change).toBeUndefined();
  });

  test("beyond the last month's end is missing", () => {
    const [r] = eventStudy([monthly], [{ id: "x", date: "2020-03-03" }], { horizonsMonths: [3] });
    expect(r.horizons[0].change).toBeUndefined(); // 2020-06-03 > 2020-04-30
  });
});

describe("eventPaths(series, pivots, {fromMonths, toMonths})", () => {
  const pts = eventPaths([idx, yld], [{ id: "p", date: "2024-01-31" }], { fromMonths: -1, toMonths: 3 });

  test("indices are 100 at the pivot, yields are bp from it, inside [−1, +3] months only", () => {
    const i = pts.filter((p) => p.seriesId === "IDX");
    expect(i.map((p) => p.date)).toEqual(["2024-01-02", "2024-01-31", "2024-02-29", "2024-03-01", "2024-04-30"]);
    expect(i[1].value).toBe(100);
    expect(i[1].monthsSincePivot).toBe(0);
    expect(i[0].value).toBeCloseTo((100 * 100) / 104, 10);
    expect(i[0].monthsSincePivot).toBeCloseTo(-29 / (365.25 / 12), 10);
    const y = pts.filter((p) => p.seriesId === "YLD");
    expect(y.map((p) => Math.round(p.value))).toEqual([-10, 0, -25, 25]);
  });

  test("nothing after the series' last observation appears, and an uncovered pivot gives no points", () => {
    const late = eventPaths([idx], [{ id: "q", date: "2024-07-01" }], { fromMonths: 0, toMonths: 12 });
    expect(late.map((p) => p.date)).toEqual(["2024-07-01", "2024-07-15"]);
    expect(eventPaths([idx], [{ id: "early", date: "2023-01-01" }])).toEqual([]);
  });

  test("the window must contain the pivot", () => {
    expect(() => eventPaths([idx], [{ id: "p", date: "2024-01-31" }], { fromMonths: 1, toMonths: 3 })).toThrow(
      /contain the pivot/,
    );
  });
});

describe("windowChanges(series, from, to?)", () => {
  test("to each series' own last observation when no end date is given", () => {
    const [i, y] = windowChanges([idx, yld], "2024-01-31");
    expect(i.to).toEqual({ date: "2024-07-15", value: 125 });
    expect(i.change).toBeCloseTo((125 / 104 - 1) * 100, 10);
    expect(y.to).toEqual({ date: "2024-07-01", value: 3.5 });
    expect(y.change).toBeCloseTo(-60, 9);
  });

  test("an end date beyond the data gives no change", () => {
    const [i] = windowChanges([idx], "2024-01-31", "2024-12-31");
    expect(i.to).toBeUndefined();
    expect(i.change).toBeUndefined();
  });
});
