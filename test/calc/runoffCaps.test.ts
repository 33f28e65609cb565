import { describe, expect, test } from "vitest";
import {
  capDefaults,
  capPeriod,
  capsInForce,
  peakCombinedCapUsdBnPerMonth,
  RUNOFF_CAP_SCHEDULE,
  runoffCapSchedule,
} from "../../lib/calc/runoffCaps.ts";
import { QT_EVENTS } from "../../lib/calc/policyEvents.ts";

describe("RUNOFF_CAP_SCHEDULE: the published caps with dates and sources", () => {
  test("five periods from June 2022 to December 2025 with the FOMC's caps ($bn per month)", () => {
    expect(
      RUNOFF_CAP_SCHEDULE.map((
        p,
      ) => [p.from, p.capTreasuryUsdBnPerMonth, p.capMbsUsdBnPerMonth, p.mbsExcessReinvestedIn]),
    ).toEqual([
      ["2022-06", 30, 17.5, "agency MBS"],
      ["2022-09", 60, 35, "agency MBS"],
      ["2024-06", 25, 35, "Treasury securities"],
      ["2025-04", 5, 35, "Treasury securities"],
      ["2025-12", 0, 0, "Treasury bills"],
    ]);
  });

  test("every period takes its effective date, decision date and source from QT_EVENTS", () => {
    for (const p of RUNOFF_CAP_SCHEDULE) {
      const e = QT_EVENTS.find((x) => x.id === p.eventId)!;
      expect(p.effective).toBe(e.date);
      expect(p.decided).toBe(e.decided);
      expect(p.source).toMatch(/FOMC/);
    }
    expect(capPeriod("cap-2025-04").decided).toBe("2025-03-19");
  });

  test("peakCombinedCapUsdBnPerMonth() is $95bn ($60bn Treasuries + $35bn MBS)", () => {
    expect(peakCombinedCapUsdBnPerMonth()).toBe(95);
  });
});

describe("capsInForce(month) gives the caps of any calendar month", () => {
  test.each([
    ["2022-05", undefined],
    ["2022-06-15", [30, 17.5]],
    ["2022-08", [30, 17.5]],
    ["2022-09", [60, 35]],
    ["2024-05", [60, 35]],
    ["2024-06", [25, 35]],
    ["2025-03-31", [25, 35]],
    ["2025-04-01", [5, 35]],
    ["2025-11", [5, 35]],
    ["2025-12", [0, 0]],
    ["2026-08", [0, 0]],
  ])("%s → %j", (month, caps) => {
    const p = capsInForce(month);
    expect(p === undefined ? undefined : [p.capTreasuryUsdBnPerMonth, p.capMbsUsdBnPerMonth]).toEqual(caps);
  });

  test("an empty schedule has no caps in any month", () => {
    expect(capsInForce("2023-01", [])).toBeUndefined();
  });

  test("a malformed month is refused", () => {
    expect(() => capsInForce("2023-13")).toThrow(/not an ISO date/);
  });
});

describe("runoffCapSchedule(overrides) lets a notebook change a cap", () => {
  test("the 2025 slowdown override changes April 2025 onward only (not QT end)", () => {
    const s = runoffCapSchedule({ capTreasuryFrom2025AprUsdBnPerMonth: 10 });
    expect(capsInForce("2025-04", s)!.capTreasuryUsdBnPerMonth).toBe(10);
    expect(capsInForce("2025-03", s)!.capTreasuryUsdBnPerMonth).toBe(25);
    expect(capsInForce("2025-12", s)!.capTreasuryUsdBnPerMonth).toBe(0);
  });

  test("the MBS cap override applies from September 2022 until runoff ended, not to the phase-in", () => {
    const s = runoffCapSchedule({ capMbsUsdBnPerMonth: 20 });
    expect(s.map((p) => p.capMbsUsdBnPerMonth)).toEqual([17.5, 20, 20, 20, 0]);
    expect(peakCombinedCapUsdBnPerMonth(s)).toBe(80);
  });

  test("a zero cap is allowed (no runoff of that asset)", () => {
    const s = runoffCapSchedule({ capTreasuryFrom2022SepUsdBnPerMonth: 0 });
    expect(capsInForce("2023-01", s)!.capTreasuryUsdBnPerMonth).toBe(0);
  });

  test("NaN, negative and unknown overrides are refused", () => {
    expect(() => runoffCapSchedule({ capMbsUsdBnPerMonth: Number.NaN })).toThrow(/finite number ≥ 0/);
    expect(() => runoffCapSchedule({ capTreasuryFrom2024JunUsdBnPerMonth: -1 })).toThrow(/finite number ≥ 0/);
    expect(() => runoffCapSchedule({ capBills: 1 } as never)).toThrow(/unknown override "capBills"/);
  });

  test("defaults are the published figures", () => {
    expect(runoffCapSchedule(capDefaults)).toEqual(runoffCapSchedule());
  });

  test("peakCombinedCapUsdBnPerMonth refuses an empty schedule", () => {
    expect(() => peakCombinedCapUsdBnPerMonth([])).toThrow(/empty/);
  });
});
