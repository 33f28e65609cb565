import { describe, expect, test } from "vitest";
import {
  countDaysAbove,
  daysAboveByMonth,
  IORB_START,
  rollingSpreadStats,
  SCARCITY_EPISODES,
  spreadBpDaily,
  type SpreadPoint,
  weekEndingMeans,
} from "../../lib/calc/moneyMarket.ts";
import { loadH15 } from "../../lib/data/h15.ts";

const pts = (values: [string, number][]): SpreadPoint[] => values.map(([date, spreadBp]) => ({ date, spreadBp }));

describe("spreadBpDaily(rate, reference)", () => {
  test("is (rate − reference) in bp on common dates, without float noise", () => {
    const sofr = [
      { date: "2025-10-30", value: 4.22 },
      { date: "2025-10-31", value: 4.22 },
      { date: "2025-11-03", value: 4.13 },
    ];
    const iorb = [
      { date: "2025-10-30", value: 3.9 },
      { date: "2025-11-01", value: 3.9 },
      { date: "2025-11-03", value: 3.9 },
    ];
    expect(spreadBpDaily(sofr, iorb)).toEqual([
      { date: "2025-10-30", spreadBp: 32 },
      { date: "2025-11-03", spreadBp: 23 },
    ]);
  });

  test("a date in only one series is skipped, never filled", () => {
    expect(spreadBpDaily([{ date: "2025-01-02", value: 4.4 }], [{ date: "2025-01-03", value: 4.4 }])).toEqual([]);
  });

  test("is negative when the market rate is below IORB", () => {
    expect(spreadBpDaily([{ date: "2024-05-01", value: 5.31 }], [{ date: "2024-05-01", value: 5.4 }])[0].spreadBp).toBe(
      -9,
    );
  });
});

describe("rollingSpreadStats(points, {windowDays})", () => {
  const p = pts([
    ["2025-01-02", -2],
    ["2025-01-03", 1],
    ["2025-01-06", 4],
    ["2025-01-07", -1],
  ]);

  test("gives mean, min, max and days above zero over each full window", () => {
    expect(rollingSpreadStats(p, { windowDays: 3 })).toEqual([
      { date: "2025-01-06", meanBp: 1, minBp: -2, maxBp: 4, daysAbove: 2, days: 3 },
      { date: "2025-01-07", meanBp: 1.333333, minBp: -1, maxBp: 4, daysAbove: 2, days: 3 },
    ]);
  });

  test("returns nothing for a series shorter than the window, and refuses a window < 1", () => {
    expect(rollingSpreadStats(p, { windowDays: 5 })).toEqual([]);
    expect(() => rollingSpreadStats(p, { windowDays: 0 })).toThrow(/windowDays must be a positive integer/);
  });
});

describe("daysAboveByMonth(points, thresholdBp)", () => {
  test("counts days strictly above the threshold per calendar month", () => {
    const p = pts([
      ["2025-09-29", 0],
      ["2025-09-30", 5],
      ["2025-10-01", 2],
      ["2025-10-02", -1],
      ["2025-10-03", 3],
    ]);
    expect(daysAboveByMonth(p)).toEqual([
      { month: "2025-09", days: 2, daysAbove: 1, meanBp: 2.5, maxBp: 5 },
      { month: "2025-10", days: 3, daysAbove: 2, meanBp: 1.333333, maxBp: 3 },
    ]);
    expect(daysAboveByMonth(p, 2)[1].daysAbove).toBe(1);
  });

  test("is empty for no points", () => {
    expect(daysAboveByMonth([])).toEqual([]);
  });
});

describe("countDaysAbove(points, from, to)", () => {
  test("counts inside the inclusive window and names the largest spread's date", () => {
    const p = pts([
      ["2024-12-31", 9],
      ["2025-01-02", 1],
      ["2025-06-30", 4],
      ["2025-12-31", -3],
      ["2026-01-02", 7],
    ]);
    expect(countDaysAbove(p, "2025-01-01", "2025-12-31")).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
      days: 3,
      daysAbove: 2,
      maxBp: 4,
      maxDate: "2025-06-30",
    });
  });
});

describe("weekEndingMeans(points, wednesdays)", () => {
  test("averages Thursday through Wednesday and leaves out empty weeks", () => {
    const p = pts([
      ["2025-11-19", 100], // the Wednesday before: not in the week ending 11-26
      ["2025-11-20", 2],
      ["2025-11-24", 4],
      ["2025-11-26", 6],
    ]);
    expect(weekEndingMeans(p, ["2025-11-12", "2025-11-26"])).toEqual([{
      weekEnding: "2025-11-26",
      meanBp: 4,
      days: 3,
    }]);
  });

  test("a week reaches back across a month and year end", () => {
    const p = pts([["2024-12-25", 100], ["2024-12-26", 1], ["2024-12-31", 3], ["2025-01-01", 5]]);
    expect(weekEndingMeans(p, ["2025-01-01"])).toEqual([{ weekEnding: "2025-01-01", meanBp: 3, days: 3 }]);
  });
});

describe("SCARCITY_EPISODES against the shipped data", () => {
  const sofr = loadH15("SOFR");
  const iorb = loadH15("IORB");
  const top = loadH15("DFEDTARU");

  test("the 2019 spike is SOFR's largest print over the top of the range before IORB", () => {
    const proxy = spreadBpDaily(sofr.rows, top.rows).filter((p) => p.date < IORB_START);
    const max = proxy.reduce((a, b) => (b.spreadBp > a.spreadBp ? b : a));
    expect(max).toEqual({ date: SCARCITY_EPISODES.find((e) => e.id === "repo-spike-2019")!.date, spreadBp: 300 });
  });

  test("in every month of the late-2025 window SOFR was above IORB on most days", () => {
    const e = SCARCITY_EPISODES.find((x) => x.id === "late-2025")!;
    const months = daysAboveByMonth(
      spreadBpDaily(sofr.rows, iorb.rows).filter((p) => p.date >= e.date && p.date <= e.to!),
    );
    expect(months.map((m) => m.month)).toEqual(["2025-10", "2025-11", "2025-12"]);
    for (const m of months) expect(m.daysAbove).toBeGreaterThan(m.days / 2);
  });

  test("no spread to IORB exists before IORB_START", () => {
    expect(iorb.rows[0].date).toBe(IORB_START);
  });
});
