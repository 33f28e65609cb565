import { monthEndIso } from "../../lib/calendar.ts";
import { describe, expect, test } from "vitest";
import { between, firstOnOrAfter, indexOnOrBefore, lastOnOrBefore } from "../../lib/calc/asOf.ts";

const weeks = ["2025-03-05", "2025-03-12", "2025-03-19", "2025-03-26"].map((date, i) => ({ date, value: i }));

describe("as-of look-ups on sorted rows", () => {
  test("lastOnOrBefore(rows, date) is the observation in force on a date", () => {
    expect(lastOnOrBefore(weeks, "2025-03-14")?.date).toBe("2025-03-12");
    expect(lastOnOrBefore(weeks, "2025-03-12")?.date).toBe("2025-03-12");
    expect(lastOnOrBefore(weeks, "2030-01-01")?.date).toBe("2025-03-26");
    expect(lastOnOrBefore(weeks, "2020-01-01")).toBeUndefined();
    expect(lastOnOrBefore([], "2020-01-01")).toBeUndefined();
  });
  test("indexOnOrBefore agrees with a linear scan on every date of a month", () => {
    for (let d = 1; d <= 31; d++) {
      const date = `2025-03-${String(d).padStart(2, "0")}`;
      const linear = weeks.reduce((k, r, i) => (r.date <= date ? i : k), -1);
      expect(indexOnOrBefore(weeks, date), date).toBe(linear);
    }
  });
  test("firstOnOrAfter(rows, date)", () => {
    expect(firstOnOrAfter(weeks, "2025-03-13")?.date).toBe("2025-03-19");
    expect(firstOnOrAfter(weeks, "2025-03-19")?.date).toBe("2025-03-19");
    expect(firstOnOrAfter(weeks, "2025-01-01")?.date).toBe("2025-03-05");
    expect(firstOnOrAfter(weeks, "2025-04-01")).toBeUndefined();
  });
  test("between(rows, from, to) is inclusive, either bound optional", () => {
    expect(between(weeks, "2025-03-12", "2025-03-19").map((r) => r.value)).toEqual([1, 2]);
    expect(between(weeks, undefined, "2025-03-12").length).toBe(2);
    expect(between(weeks, "2025-03-20").length).toBe(1);
  });
  test("monthEndIso: the last day of a date's or month's month, leap years included", () => {
    expect(monthEndIso("2025-03-01")).toBe("2025-03-31");
    expect(monthEndIso("2024-02")).toBe("2024-02-29");
    expect(monthEndIso("2025-02-10")).toBe("2025-02-28");
    expect(monthEndIso("2025-12-01")).toBe("2025-12-31");
    expect(() => monthEndIso("2025-13-01")).toThrow(/"2025-13-01" is not a month/);
  });
});
