import { describe, expect, test } from "vitest";
import { isRecordAt, moneyFundsVsDeposits, quarterEndOf, shiftBetween } from "../../lib/calc/moneyFunds.ts";

test("quarterEndOf(quarter) is the quarter's last day; a date not starting a quarter is refused", () => {
  expect(quarterEndOf("2023-10-01")).toBe("2023-12-31");
  expect(quarterEndOf("2024-01-01")).toBe("2024-03-31");
  expect(quarterEndOf("2024-04-01")).toBe("2024-06-30");
  expect(quarterEndOf("2023-07-01")).toBe("2023-09-30");
  expect(() => quarterEndOf("2023-11-01")).toThrow(/not the first day of a quarter/);
});

const mmf = [
  { date: "2023-04-01", value: 5900 },
  { date: "2023-07-01", value: 6100 },
  { date: "2023-10-01", value: 6400 },
  { date: "2024-01-01", value: 6450 },
];
// Wednesdays around the quarter ends: 2023-06-28 (Q2 end Fri 06-30), 2023-09-27 (Q3 end Sat 09-30),
// 2023-12-27 (Q4 end Sun 12-31); none near 2024-03-31.
const deposits = [
  { date: "2023-06-21", value: 17000 },
  { date: "2023-06-28", value: 17300 },
  { date: "2023-07-05", value: 17900 },
  { date: "2023-09-27", value: 17350 },
  { date: "2023-12-27", value: 17420 },
  { date: "2024-03-06", value: 17500 },
];

describe("moneyFundsVsDeposits(mmf, deposits)", () => {
  const { quarters, unaligned } = moneyFundsVsDeposits(mmf, deposits);

  test("each quarter takes the last deposit Wednesday on or before its end", () => {
    expect(quarters.map((q) => [q.quarter, q.quarterEnd, q.depositsDate, q.depositsUsdBn])).toEqual([
      ["2023-04-01", "2023-06-30", "2023-06-28", 17300],
      ["2023-07-01", "2023-09-30", "2023-09-27", 17350],
      ["2023-10-01", "2023-12-31", "2023-12-27", 17420],
    ]);
  });

  test("ratio and quarter-on-quarter changes (none for the first quarter)", () => {
    expect(quarters[0].ratioFrac).toBeCloseTo(5900 / 17300, 12);
    expect(quarters[0].mmfChangeUsdBn).toBeUndefined();
    expect(quarters[1].mmfChangeUsdBn).toBe(200);
    expect(quarters[1].depositsChangeUsdBn).toBe(50);
    expect(quarters[2].depositsChangeUsdBn).toBe(70);
  });

  test("a quarter the deposits do not reach is listed, not filled", () => {
    expect(unaligned).toEqual(["2024-01-01"]);
  });

  test("no change is computed across a missing quarter", () => {
    const r = moneyFundsVsDeposits(mmf, deposits.filter((d) => d.date !== "2023-09-27"));
    expect(r.unaligned).toEqual(["2023-07-01", "2024-01-01"]);
    expect(r.quarters[1].quarter).toBe("2023-10-01");
    expect(r.quarters[1].mmfChangeUsdBn).toBeUndefined();
  });

  test("shiftBetween gives both changes and both ratios between two quarter ends", () => {
    const s = shiftBetween(quarters, "2023-04-01", "2023-10-01");
    expect(s).toMatchObject({
      fromQuarterEnd: "2023-06-30",
      toQuarterEnd: "2023-12-31",
      mmfChangeUsdBn: 500,
      depositsChangeUsdBn: 120,
    });
    expect(s.ratioToFrac).toBeCloseTo(6400 / 17420, 12);
    expect(() => shiftBetween(quarters, "2023-04-01", "2024-01-01")).toThrow(/not among the aligned quarters/);
    expect(() => shiftBetween(quarters, "2023-10-01", "2023-04-01")).toThrow(/not after/);
  });
});

describe("isRecordAt(rows, quarter)", () => {
  test("a quarter above every earlier one is a record; the previous high is named", () => {
    expect(isRecordAt(mmf, "2023-10-01")).toEqual({
      record: true,
      valueUsdBn: 6400,
      previousHighUsdBn: 6100,
      previousHighDate: "2023-07-01",
    });
    const dip = [...mmf.slice(0, 3), { date: "2024-01-01", value: 6300 }];
    expect(isRecordAt(dip, "2024-01-01").record).toBe(false);
  });

  test("the first observation or an unknown quarter is refused", () => {
    expect(() => isRecordAt(mmf, "2023-04-01")).toThrow(/first observation/);
    expect(() => isRecordAt(mmf, "2022-01-01")).toThrow(/no observation/);
  });
});
