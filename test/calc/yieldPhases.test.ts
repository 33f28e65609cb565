import { describe, expect, test } from "vitest";
import { peakWithin, valueOnOrBefore, yieldPhaseSummary } from "../../lib/calc/yieldPhases.ts";
import { loadH15 } from "../../lib/data/h15.ts";

const tenYear = [
  { date: "2023-10-18", value: 4.91 },
  { date: "2023-10-19", value: 4.98 },
  { date: "2023-10-25", value: 4.95 },
  { date: "2023-10-31", value: 4.88 },
  { date: "2023-11-01", value: 4.77 },
  { date: "2024-01-23", value: 4.14 },
  { date: "2024-01-24", value: 4.18 },
];
const upper = [{ date: "2023-07-27", value: 5.5 }];
const lower = [{ date: "2023-07-27", value: 5.25 }];

describe("peakWithin(rows, from, to) and valueOnOrBefore(rows, date)", () => {
  test("the highest value in the window, the first date on a tie", () => {
    expect(peakWithin(tenYear, "2023-10-01", "2023-10-31")).toEqual({ date: "2023-10-19", value: 4.98 });
    expect(
      peakWithin(
        [...tenYear, { date: "2023-10-30", value: 4.98 }].sort((a, b) => a.date.localeCompare(b.date)),
        "2023-10-01",
        "2023-10-31",
      ).date,
    ).toBe("2023-10-19");
    expect(() => peakWithin(tenYear, "2023-12-01", "2023-12-31")).toThrow(/no observation/);
  });

  test("the value on a date or the last before it", () => {
    expect(valueOnOrBefore(tenYear, "2023-10-20")).toEqual({ date: "2023-10-19", value: 4.98 });
    expect(() => valueOnOrBefore(tenYear, "2023-01-01")).toThrow(/no observation on or before/);
  });
});

describe("yieldPhaseSummary(yield, upper, lower, window)", () => {
  const s = yieldPhaseSummary(tenYear, upper, lower, {
    peakFrom: "2023-10-01",
    peakTo: "2023-10-31",
    eventDate: "2023-11-01",
    asOf: "2024-01-24",
  });

  test("hand-worked: peak 4.98%, −70bp from the close before the FOMC to the as-of date", () => {
    expect(s).toMatchObject({
      peakDate: "2023-10-19",
      peakPct: 4.98,
      baseDate: "2023-10-31",
      basePct: 4.88,
      asOfDate: "2024-01-24",
      asOfPct: 4.18,
    });
    expect(s.changeSinceEventBp).toBe(-70);
    expect(s.changeSincePeakBp).toBe(-80);
  });

  test("gaps to the target range in bp: negative means below", () => {
    expect(s.gapToUpperBp).toBe(-132);
    expect(s.gapToLowerBp).toBe(-107);
    expect(s.peakGapToLowerBp).toBe(-27);
  });

  test("the event's own close is not the base (it already reacts); with no close before the event it throws", () => {
    const s2 = yieldPhaseSummary(tenYear, upper, lower, {
      peakFrom: "2023-10-01",
      peakTo: "2023-10-31",
      eventDate: "2023-11-02",
      asOf: "2024-01-24",
    });
    expect(s2.baseDate).toBe("2023-11-01");
    expect(() =>
      yieldPhaseSummary(tenYear, upper, lower, {
        peakFrom: "2023-10-01",
        peakTo: "2023-10-31",
        eventDate: "2023-10-18",
        asOf: "2024-01-24",
      })
    ).toThrow(/no observation before 2023-10-18/);
  });

  test("on the shipped DGS10 and target range: the October 2023 peak and the gap at 2024-01-24", () => {
    const real = yieldPhaseSummary(loadH15("DGS10").rows, loadH15("DFEDTARU").rows, loadH15("DFEDTARL").rows, {
      peakFrom: "2023-10-01",
      peakTo: "2023-10-31",
      eventDate: "2023-11-01",
      asOf: "2024-01-24",
    });
    expect(real).toMatchObject({
      peakDate: "2023-10-19",
      peakPct: 4.98,
      basePct: 4.88,
      asOfPct: 4.18,
      policyLowerPct: 5.25,
      policyUpperPct: 5.5,
    });
  });
});
