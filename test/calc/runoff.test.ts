import { describe, expect, test } from "vitest";
import {
  actualRunoffAgainstCaps,
  constantRunoffInputs,
  mbsRunoffUsdBn,
  medianRunoffUsdBn,
  runoffUnderCaps,
  summariseActualRunoff,
  treasuryRedemptionUsdBn,
} from "../../lib/calc/runoff.ts";
import { runoffCapSchedule } from "../../lib/calc/runoffCaps.ts";
import type { MonthChange } from "../../lib/calc/monthly.ts";

describe("treasuryRedemptionUsdBn(coupons, bills, cap)", () => {
  test("the cap binds: $80bn coupons maturing under a $60bn cap → $60bn redeemed, no bills, $70bn rolled over", () => {
    expect(treasuryRedemptionUsdBn(80, 50, 60)).toEqual({
      couponsRedeemedUsdBn: 60,
      billsRedeemedUsdBn: 0,
      redeemedUsdBn: 60,
      rolledOverUsdBn: 70,
    });
  });

  test("coupons below the cap: $40bn coupons, bills make up the $20bn shortfall", () => {
    expect(treasuryRedemptionUsdBn(40, 50, 60)).toEqual({
      couponsRedeemedUsdBn: 40,
      billsRedeemedUsdBn: 20,
      redeemedUsdBn: 60,
      rolledOverUsdBn: 30,
    });
  });

  test("maturities below the cap: everything maturing is redeemed ($40bn + $10bn under $60bn)", () => {
    expect(treasuryRedemptionUsdBn(40, 10, 60)).toEqual({
      couponsRedeemedUsdBn: 40,
      billsRedeemedUsdBn: 10,
      redeemedUsdBn: 50,
      rolledOverUsdBn: 0,
    });
  });

  test("a zero cap redeems nothing and rolls everything over", () => {
    expect(treasuryRedemptionUsdBn(40, 10, 0)).toEqual({
      couponsRedeemedUsdBn: 0,
      billsRedeemedUsdBn: 0,
      redeemedUsdBn: 0,
      rolledOverUsdBn: 50,
    });
  });

  test("never exceeds the cap, whatever matures", () => {
    for (const c of [0, 3, 25, 60, 200]) {
      for (const b of [0, 7, 100]) {
        for (const cap of [0, 5, 25, 60]) {
          const r = treasuryRedemptionUsdBn(c, b, cap);
          expect(r.redeemedUsdBn).toBeLessThanOrEqual(cap);
          expect(r.redeemedUsdBn + r.rolledOverUsdBn).toBeCloseTo(c + b, 12);
        }
      }
    }
  });

  test("NaN and negative amounts are refused", () => {
    expect(() => treasuryRedemptionUsdBn(Number.NaN, 0, 60)).toThrow(/couponsMaturingUsdBn must be a finite number/);
    expect(() => treasuryRedemptionUsdBn(10, -1, 60)).toThrow(/billsMaturingUsdBn/);
    expect(() => treasuryRedemptionUsdBn(10, 1, Number.POSITIVE_INFINITY)).toThrow(/capTreasuryUsdBnPerMonth/);
  });
});

describe("mbsRunoffUsdBn(paydowns, cap) = min(paydowns, cap)", () => {
  test("paydowns below the cap run off in full; above it the cap binds", () => {
    expect(mbsRunoffUsdBn(17, 35)).toBe(17);
    expect(mbsRunoffUsdBn(40, 35)).toBe(35);
    expect(mbsRunoffUsdBn(40, 0)).toBe(0);
  });
  test("NaN refused", () => {
    expect(() => mbsRunoffUsdBn(Number.NaN, 35)).toThrow(/paydownsUsdBn/);
  });
});

describe("runoffUnderCaps(inputs, schedule) applies the caps and reinvestment rule of each month", () => {
  const inputs = [
    { month: "2022-06", treasuryCouponsMaturingUsdBn: 70, treasuryBillsMaturingUsdBn: 20, mbsPaydownsUsdBn: 25 },
    { month: "2024-06", treasuryCouponsMaturingUsdBn: 70, treasuryBillsMaturingUsdBn: 20, mbsPaydownsUsdBn: 40 },
    { month: "2025-12", treasuryCouponsMaturingUsdBn: 70, treasuryBillsMaturingUsdBn: 20, mbsPaydownsUsdBn: 40 },
  ];
  const out = runoffUnderCaps(inputs);

  test("June 2022 ($30bn/$17.5bn): MBS above the cap reinvested in MBS", () => {
    expect(out[0]).toMatchObject({
      treasuryRedeemedUsdBn: 30,
      treasuryRolledOverUsdBn: 60,
      mbsRunoffUsdBn: 17.5,
      mbsReinvestedInMbsUsdBn: 7.5,
      mbsReinvestedInTreasuriesUsdBn: 0,
      treasuryHoldingsChangeUsdBn: -30,
      mbsHoldingsChangeUsdBn: -17.5,
      totalRunoffUsdBn: 47.5,
      cumulativeRunoffUsdBn: 47.5,
    });
  });

  test("June 2024 ($25bn/$35bn): MBS above the cap reinvested in Treasuries", () => {
    expect(out[1]).toMatchObject({
      treasuryRedeemedUsdBn: 25,
      mbsRunoffUsdBn: 35,
      mbsReinvestedInMbsUsdBn: 0,
      mbsReinvestedInTreasuriesUsdBn: 5,
      treasuryHoldingsChangeUsdBn: -20,
      mbsHoldingsChangeUsdBn: -40,
      totalRunoffUsdBn: 60,
      cumulativeRunoffUsdBn: 107.5,
    });
  });

  test("December 2025 (runoff ended): nothing runs off, agency principal goes to bills", () => {
    expect(out[2]).toMatchObject({
      capTreasuryUsdBnPerMonth: 0,
      treasuryRedeemedUsdBn: 0,
      treasuryRolledOverUsdBn: 90,
      mbsRunoffUsdBn: 0,
      mbsReinvestedInTreasuriesUsdBn: 40,
      treasuryHoldingsChangeUsdBn: 40,
      mbsHoldingsChangeUsdBn: -40,
      totalRunoffUsdBn: 0,
      cumulativeRunoffUsdBn: 107.5,
    });
  });

  test("invariant: total runoff = −(ΔTreasuries + ΔMBS) and redemptions never exceed the caps", () => {
    const all = runoffUnderCaps(
      constantRunoffInputs("2022-06", "2026-03", {
        treasuryCouponsMaturingUsdBn: 45,
        treasuryBillsMaturingUsdBn: 30,
        mbsPaydownsUsdBn: 18,
      }),
    );
    expect(all).toHaveLength(46);
    for (const m of all) {
      expect(m.totalRunoffUsdBn).toBeCloseTo(-(m.treasuryHoldingsChangeUsdBn + m.mbsHoldingsChangeUsdBn), 12);
      expect(m.treasuryRedeemedUsdBn).toBeLessThanOrEqual(m.capTreasuryUsdBnPerMonth);
      expect(m.mbsRunoffUsdBn).toBeLessThanOrEqual(m.capMbsUsdBnPerMonth);
    }
    // 3 months × (30 + 17.5) + 21 × (60 + 18) + 10 × (25 + 18) + 8 × (5 + 18), then nothing.
    expect(all.at(-1)!.cumulativeRunoffUsdBn).toBeCloseTo(3 * 47.5 + 21 * 78 + 10 * 43 + 8 * 23, 9);
  });

  test("a cap override changes the runoff", () => {
    const slow = runoffUnderCaps(
      constantRunoffInputs("2025-04", "2025-04", {
        treasuryCouponsMaturingUsdBn: 45,
        treasuryBillsMaturingUsdBn: 0,
        mbsPaydownsUsdBn: 18,
      }),
      runoffCapSchedule({ capTreasuryFrom2025AprUsdBnPerMonth: 15 }),
    );
    expect(slow[0].treasuryRedeemedUsdBn).toBe(15);
  });

  test("empty input → empty output; a month before QT or months out of order are refused", () => {
    expect(runoffUnderCaps([])).toEqual([]);
    expect(() => runoffUnderCaps([{ ...inputs[0], month: "2022-05" }])).toThrow(/no runoff caps in force in 2022-05/);
    expect(() => runoffUnderCaps([inputs[1], inputs[0]])).toThrow(/months must increase/);
    expect(() => runoffUnderCaps([{ ...inputs[0], mbsPaydownsUsdBn: Number.NaN }])).toThrow(/paydownsUsdBn/);
  });
});

const change = (month: string, value: number): MonthChange => ({
  month,
  date: `${month}-28`,
  previousDate: "",
  level: 0,
  change: value,
});

describe("actualRunoffAgainstCaps(treasuryChanges, mbsChanges) sets H.4.1 holdings changes against the caps", () => {
  // Month-end changes of TREAST and WSHOMCB ($bn) as measured on the shipped data.
  const t = [change("2022-05", 5.6), change("2023-02", -61.2), change("2025-05", -3.7), change("2026-01", 53.2)];
  const m = [
    change("2022-05", -7.6),
    change("2023-02", -14.7),
    change("2025-05", -16.8),
    change("2026-01", -15.3),
    change("2026-02", -13.3),
  ];
  const rows = actualRunoffAgainstCaps(t, m);

  test("runoff = −change; months present in both series only", () => {
    expect(rows.map((r) => r.month)).toEqual(["2022-05", "2023-02", "2025-05", "2026-01"]);
    expect(rows[1].treasuryRunoffUsdBn).toBeCloseTo(61.2, 12);
    expect(rows[1].mbsRunoffUsdBn).toBeCloseTo(14.7, 12);
  });

  test("no cap before QT; distance to the cap and the MBS-below-cap flag during QT", () => {
    expect(rows[0]).toMatchObject({ capTreasuryUsdBnPerMonth: null, treasuryOverCapUsdBn: null, mbsBelowCap: false });
    expect(rows[1].treasuryOverCapUsdBn).toBeCloseTo(1.2, 9);
    expect(rows[1].mbsOverCapUsdBn).toBeCloseTo(-20.3, 9);
    expect(rows[1].mbsBelowCap).toBe(true);
    expect(rows[2].treasuryOverCapUsdBn).toBeCloseTo(-1.3, 9);
    // After runoff ended the MBS cap is 0: no "below cap" flag though MBS keeps paying down.
    expect(rows[3]).toMatchObject({ capMbsUsdBnPerMonth: 0, mbsBelowCap: false });
  });

  test("summariseActualRunoff covers the months with a cap above 0 only", () => {
    const s = summariseActualRunoff(rows);
    expect(s.months).toBe(2);
    expect(s.maxTreasuryOverCapMonth).toBe("2023-02");
    expect(s.maxTreasuryOverCapUsdBn).toBeCloseTo(1.2, 9);
    expect(s.mbsBelowCapMonths).toBe(2);
    expect(s.maxTotalRunoffUsdBn).toBeCloseTo(75.9, 9);
    expect(s.cumulativeTreasuryRunoffUsdBn).toBeCloseTo(64.9, 9);
    expect(() => summariseActualRunoff(rows.slice(0, 1))).toThrow(/no month with a runoff cap/);
  });

  test("medianRunoffUsdBn over a window; an empty window is refused", () => {
    expect(medianRunoffUsdBn(rows, "2023-01", "2025-12", "treasury")).toBeCloseTo((61.2 + 3.7) / 2, 9);
    expect(medianRunoffUsdBn(rows, "2025-05", "2025-05", "mbs")).toBeCloseTo(16.8, 9);
    expect(() => medianRunoffUsdBn(rows, "2019-01", "2019-12", "mbs")).toThrow(/no months/);
  });

  test("empty input → empty output; NaN refused", () => {
    expect(actualRunoffAgainstCaps([], [])).toEqual([]);
    expect(() => actualRunoffAgainstCaps([change("2023-02", Number.NaN)], m)).toThrow(/non-finite/);
  });
});
