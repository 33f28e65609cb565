import { describe, expect, test } from "vitest";
import {
  announcementChange,
  largestRiseEndingIn,
  largestRises,
  lastOnOrBefore,
  rankWindow,
  tradingDayChanges,
  weeklyChanges,
  weekMonday,
  windowChange,
} from "../../lib/calc/eventWindow.ts";

/** Weekdays from Mon 2025-03-03 for `n` days with the given values (a constructed series). */
function weekdays(values: number[], start = "2025-03-03") {
  const out: { date: string; value: number }[] = [];
  let t = Date.parse(`${start}T00:00:00Z`);
  for (const v of values) {
    while ([0, 6].includes(new Date(t).getUTCDay())) t += 86_400_000;
    out.push({ date: new Date(t).toISOString().slice(0, 10), value: v });
    t += 86_400_000;
  }
  return out;
}

// Three weeks: flat week, a week rising 0.1 a day, then flat. Fridays: 03-07, 03-14, 03-21.
const series = weekdays([4, 4, 4, 4, 4, 4.1, 4.2, 4.3, 4.4, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5]);

describe("windowChange(rows, from, to)", () => {
  test("is to − from between published values", () => {
    const w = windowChange(series, "2025-03-07", "2025-03-14");
    expect(w.change).toBeCloseTo(0.5, 12);
    expect(w.changeFrac).toBeCloseTo(0.125, 12);
  });
  test("a date without an observation throws (no stale values)", () => {
    expect(() => windowChange(series, "2025-03-08", "2025-03-14")).toThrow(/no observation on 2025-03-08/);
  });
});

describe("tradingDayChanges(rows, n) and rankWindow(changes, toDate)", () => {
  const c5 = tradingDayChanges(series, 5);
  test("one change per row after the first n", () => {
    expect(c5).toHaveLength(series.length - 5);
    expect(c5[0]).toMatchObject({ fromDate: "2025-03-03", toDate: "2025-03-10" });
  });
  test("the Friday-to-Friday window of the rising week ranks 1 (largest rise) with the ranks after it", () => {
    const r = rankWindow(c5, "2025-03-14");
    expect(r.rank).toBe(1);
    expect(r.window.change).toBeCloseTo(0.5, 12);
    expect(r.count).toBe(10);
    expect(r.largerBefore).toBeUndefined();
    // changes by hand, windows ending 03-10 … 03-21: +.1 +.2 +.3 +.4 +.5 +.4 +.3 +.2 +.1 0
    expect(rankWindow(c5, "2025-03-17").rank).toBe(2);
    expect(rankWindow(c5, "2025-03-11").rank).toBe(6); // +.5, +.4, +.4, +.3, +.3 above it
    expect(rankWindow(c5, "2025-03-11").largerBefore).toBeUndefined();
    expect(rankWindow(c5, "2025-03-17").largerBefore?.toDate).toBe("2025-03-14");
  });
  test("ties share the better rank; a flat window ranks after all rises", () => {
    expect(rankWindow(c5, "2025-03-13").rank).toBe(2); // +.4, tied with 03-17
    const flat = rankWindow(c5, "2025-03-21");
    expect(flat.window.change).toBeCloseTo(0, 12);
    expect(flat.rank).toBe(10);
    expect(flat.percentileFrac).toBe(0);
    expect(rankWindow(c5, "2025-03-14").percentileFrac).toBe(1);
  });
  test("no window ending on the date throws; n must be a positive integer", () => {
    expect(() => rankWindow(c5, "2025-03-08")).toThrow(/no window ends/);
    expect(() => tradingDayChanges(series, 0)).toThrow(/positive integer/);
  });
  test("largestRises and largestRiseEndingIn", () => {
    expect(largestRises(c5, 3).map((c) => c.toDate)).toEqual(["2025-03-14", "2025-03-13", "2025-03-17"]); // tie: earlier first
    expect(largestRiseEndingIn(c5, "2025-03-17", "2025-03-21")?.toDate).toBe("2025-03-17");
    expect(largestRiseEndingIn(c5, "2026-01-01", "2026-12-31")).toBeUndefined();
  });
});

describe("weeklyChanges(rows): Friday to Friday", () => {
  test("last observation of each Monday–Sunday week; a Friday holiday uses Thursday", () => {
    const holiday = series.filter((r) => r.date !== "2025-03-14");
    const w = weeklyChanges(holiday);
    expect(w.map((x) => [x.fromDate, x.toDate])).toEqual([
      ["2025-03-07", "2025-03-13"],
      ["2025-03-13", "2025-03-21"],
    ]);
    expect(w[0].change).toBeCloseTo(0.4, 12);
    expect(rankWindow(weeklyChanges(series), "2025-03-14").rank).toBe(1);
  });
  test("weekMonday", () => {
    expect(weekMonday("2025-04-11")).toBe("2025-04-07");
    expect(weekMonday("2025-04-13")).toBe("2025-04-07");
    expect(weekMonday("2025-04-07")).toBe("2025-04-07");
  });
});

describe("announcementChange(rows, date, daysAfter)", () => {
  test("a weekend announcement runs Friday → Monday; daysAfter extends the window", () => {
    expect(announcementChange(series, "2025-03-09")).toMatchObject({ fromDate: "2025-03-07", toDate: "2025-03-10" });
    expect(announcementChange(series, "2025-03-10", 1)?.toDate).toBe("2025-03-11");
    expect(announcementChange(series, "2025-03-03")).toBeUndefined(); // nothing before
    expect(announcementChange(series, "2026-01-01")).toBeUndefined(); // beyond the data
  });
  test("lastOnOrBefore", () => {
    expect(lastOnOrBefore(series, "2025-03-09")?.date).toBe("2025-03-07");
    expect(lastOnOrBefore(series, "2025-01-01")).toBeUndefined();
  });
});
