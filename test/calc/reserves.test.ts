import { describe, expect, test } from "vitest";
import {
  alignLiabilityWeeks,
  impliedReservesUsdBn,
  type LiabilityWeekInput,
  reserveDrivers,
  reservesIdentity,
  sumOfDriversUsdBn,
} from "../../lib/calc/reserves.ts";

// Real H.4.1 weeks from the shipped data ($bn): WALCL (Wednesday level), WRESBAL and WTREGEN (week
// averages), RRPONTSYD on the Wednesday, CURRCIR for the month where published (it ends 2023-11).
const REAL: LiabilityWeekInput[] = [
  {
    date: "2023-01-25",
    totalAssetsUsdBn: 8470.557,
    reservesUsdBn: 3031.889,
    tgaUsdBn: 491.848,
    onRrpUsdBn: 2031.561,
    currencyUsdBn: 2300.46,
  },
  {
    date: "2023-05-31",
    totalAssetsUsdBn: 8385.854,
    reservesUsdBn: 3309.447,
    tgaUsdBn: 48.954,
    onRrpUsdBn: 2254.859,
    currencyUsdBn: 2333.155,
  },
  {
    date: "2023-09-20",
    totalAssetsUsdBn: 8024.09,
    reservesUsdBn: 3231.649,
    tgaUsdBn: 640.296,
    onRrpUsdBn: 1486.984,
    currencyUsdBn: 2328.907,
  },
  { date: "2025-07-02", totalAssetsUsdBn: 6659.598, reservesUsdBn: 3225.98, tgaUsdBn: 359.516, onRrpUsdBn: 237.307 },
  { date: "2025-10-22", totalAssetsUsdBn: 6589.533, reservesUsdBn: 2933.037, tgaUsdBn: 908.001, onRrpUsdBn: 4.005 },
];

describe("reservesIdentity(week): reserves = total assets − currency − TGA − ON RRP − other", () => {
  test("hand-worked: 100 − 40 − 10 − 20 leaves 30 for currency + other; with currency 25, other is 5", () => {
    const w = reservesIdentity({
      date: "2024-01-03",
      totalAssetsUsdBn: 100,
      reservesUsdBn: 40,
      tgaUsdBn: 10,
      onRrpUsdBn: 20,
      currencyUsdBn: 25,
    });
    expect(w.currencyAndOtherUsdBn).toBe(30);
    expect(w.otherUsdBn).toBe(5);
    expect(impliedReservesUsdBn(w)).toBe(40);
  });

  test("without currency (after CURRCIR ends) only the combined residual exists", () => {
    const w = reservesIdentity(REAL[3]);
    expect(w.otherUsdBn).toBeUndefined();
    expect(w.currencyAndOtherUsdBn).toBeCloseTo(6659.598 - 3225.98 - 359.516 - 237.307, 9);
  });

  test("the identity sums to zero on real weeks", () => {
    for (const input of REAL) {
      const w = reservesIdentity(input);
      expect(impliedReservesUsdBn(w) - w.reservesUsdBn).toBeCloseTo(0, 9);
      const other = w.otherUsdBn ?? w.currencyAndOtherUsdBn;
      const currency = w.currencyUsdBn ?? 0;
      expect(w.totalAssetsUsdBn - currency - w.tgaUsdBn - w.onRrpUsdBn - other - w.reservesUsdBn).toBeCloseTo(0, 9);
    }
  });

  test("on real 2023 weeks currency is most of the residual and 'other' stays a few hundred $bn", () => {
    for (const w of REAL.slice(0, 3).map(reservesIdentity)) {
      expect(w.otherUsdBn!).toBeGreaterThan(0);
      expect(w.otherUsdBn!).toBeLessThan(w.currencyUsdBn!);
    }
  });

  test("NaN and missing inputs are refused", () => {
    expect(() => reservesIdentity({ ...REAL[0], tgaUsdBn: Number.NaN })).toThrow(
      /tgaUsdBn on 2023-01-25 is not a finite number/,
    );
    expect(() => reservesIdentity({ ...REAL[0], currencyUsdBn: Number.NaN })).toThrow(/currencyUsdBn/);
    const { onRrpUsdBn: _, ...noRrp } = REAL[0];
    expect(() => reservesIdentity(noRrp as LiabilityWeekInput)).toThrow(/onRrpUsdBn missing/);
  });
});

describe("reserveDrivers(weeks, from, to) decomposes Δreserves into its drivers", () => {
  const weeks = REAL.map(reservesIdentity);

  test("2023 debt-limit drawdown, hand-worked on real weeks (2023-01-25 → 2023-05-31)", () => {
    const d = reserveDrivers(weeks, "2023-01-19", "2023-06-03");
    expect([d.fromDate, d.toDate]).toEqual(["2023-01-25", "2023-05-31"]);
    expect(d.deltaReservesUsdBn).toBeCloseTo(277.558, 9);
    expect(d.assetsUsdBn).toBeCloseTo(-84.703, 9);
    expect(d.tgaUsdBn).toBeCloseTo(442.894, 9);
    expect(d.onRrpUsdBn).toBeCloseTo(-223.298, 9);
    expect(d.currencyAndOtherUsdBn).toBeCloseTo(142.665, 9);
    expect(d.currencyUsdBn!).toBeCloseTo(-32.695, 9);
    expect(d.otherUsdBn!).toBeCloseTo(175.36, 9);
  });

  test("the drivers sum exactly to Δreserves on every pair of real weeks", () => {
    for (let i = 0; i < weeks.length; i++) {
      for (let j = i + 1; j < weeks.length; j++) {
        const d = reserveDrivers(weeks, weeks[i].date, weeks[j].date);
        expect(Math.abs(sumOfDriversUsdBn(d) - d.deltaReservesUsdBn)).toBeLessThan(1e-9);
        if (d.currencyUsdBn !== undefined) {
          expect(d.currencyUsdBn + d.otherUsdBn!).toBeCloseTo(d.currencyAndOtherUsdBn, 9);
        }
      }
    }
  });

  test("no currency split when currency is missing at either end", () => {
    const d = reserveDrivers(weeks, "2023-05-31", "2025-07-02");
    expect(d.currencyUsdBn).toBeUndefined();
  });

  test("a window with fewer than two weeks, or no weeks at all, is refused", () => {
    expect(() => reserveDrivers(weeks, "2024-01-01", "2024-12-31")).toThrow(/fewer than two weeks/);
    expect(() => reserveDrivers([], "2023-01-01", "2023-12-31")).toThrow(/fewer than two weeks/);
  });
});

describe("alignLiabilityWeeks(inputs) puts the identity's inputs on the Wednesday grid", () => {
  const wed = ["2024-12-18", "2024-12-25", "2025-01-01", "2025-01-08"];
  const level = (v: number) => wed.map((date) => ({ date, value: v }));

  test("a Wednesday holiday takes the previous business day's ON RRP (still outstanding); currency by month", () => {
    const rrp = [
      { date: "2024-12-18", value: 100 },
      { date: "2024-12-24", value: 110 }, // Christmas Wednesday: no operation
      { date: "2024-12-31", value: 120 }, // New Year's Day Wednesday: no operation
      { date: "2025-01-08", value: 130 },
    ];
    const out = alignLiabilityWeeks({
      totalAssets: level(7000),
      reserves: level(3000),
      tga: level(700),
      onRrp: rrp,
      currency: [{ date: "2024-12-01", value: 2400 }],
    });
    expect(out.map((w) => [w.date, w.onRrpUsdBn, w.currencyUsdBn])).toEqual([
      ["2024-12-18", 100, 2400],
      ["2024-12-25", 110, 2400],
      ["2025-01-01", 120, undefined],
      ["2025-01-08", 130, undefined],
    ]);
  });

  test("weeks missing an input, or whose last ON RRP operation is too old, are dropped, never filled", () => {
    const out = alignLiabilityWeeks({
      totalAssets: level(7000),
      reserves: level(3000),
      tga: level(700).filter((r) => r.date !== "2025-01-01"),
      onRrp: [{ date: "2024-12-18", value: 100 }, { date: "2025-01-08", value: 130 }],
    });
    expect(out.map((w) => w.date)).toEqual(["2024-12-18", "2025-01-08"]);
  });

  test("from/to bound the weeks; empty inputs give no weeks", () => {
    const rrp = wed.map((date) => ({ date, value: 1 }));
    expect(
      alignLiabilityWeeks({ totalAssets: level(1), reserves: level(1), tga: level(1), onRrp: rrp }, {
        from: "2024-12-25",
        to: "2025-01-01",
      }).map((w) => w.date),
    ).toEqual(["2024-12-25", "2025-01-01"]);
    expect(alignLiabilityWeeks({ totalAssets: [], reserves: [], tga: [], onRrp: [] })).toEqual([]);
  });
});
