import { describe, expect, test } from "vitest";
import {
  isLastWednesdayOfMonth,
  type NetLiquidityIndexWeek,
  netLiquidityRelation,
  netLiquidityWeekly,
  withIndexClose,
} from "../../lib/calc/netLiquidity.ts";
import { loadH41 } from "../../lib/data/h41.ts";

const weeks = ["2024-12-11", "2024-12-18", "2024-12-25", "2025-01-01"];
const walcl = weeks.map((date, i) => ({ date, value: 6900 - 10 * i }));
const tga = weeks.map((date, i) => ({ date, value: 800 + 5 * i }));
// 2024-12-25 and 2025-01-01 are Wednesday holidays: no operation, the prior day's trade is outstanding.
const rrp = [
  { date: "2024-12-10", value: 150 },
  { date: "2024-12-11", value: 160 },
  { date: "2024-12-18", value: 170 },
  { date: "2024-12-24", value: 180 },
  { date: "2024-12-31", value: 470 },
];

describe("netLiquidityWeekly(assets, tga, onRrp) in $bn", () => {
  test("hand-worked: WALCL − WTREGEN − ON RRP on each Wednesday", () => {
    const nl = netLiquidityWeekly(walcl, tga, rrp);
    expect(nl.map((w) => w.date)).toEqual(weeks);
    expect(nl[0]).toEqual({
      date: "2024-12-11",
      totalAssetsUsdBn: 6900,
      tgaUsdBn: 800,
      onRrpUsdBn: 160,
      onRrpDate: "2024-12-11",
      netLiquidityUsdBn: 5940,
    });
    expect(nl[1].netLiquidityUsdBn).toBe(6890 - 805 - 170);
  });

  test("a Wednesday holiday takes the last operation before it, and says which", () => {
    const nl = netLiquidityWeekly(walcl, tga, rrp);
    expect(nl[2]).toMatchObject({ date: "2024-12-25", onRrpDate: "2024-12-24", onRrpUsdBn: 180 });
    expect(nl[3]).toMatchObject({ date: "2025-01-01", onRrpDate: "2024-12-31", onRrpUsdBn: 470 });
  });

  test("weeks missing from either weekly series are left out, never filled", () => {
    const nl = netLiquidityWeekly(walcl, tga.filter((r) => r.date !== "2024-12-18"), rrp);
    expect(nl.map((w) => w.date)).toEqual(["2024-12-11", "2024-12-25", "2025-01-01"]);
  });

  test("from/to bound the window", () => {
    expect(netLiquidityWeekly(walcl, tga, rrp, { from: "2024-12-18", to: "2024-12-25" }).map((w) => w.date)).toEqual([
      "2024-12-18",
      "2024-12-25",
    ]);
  });

  test("throws when the last ON RRP operation is older than maxOnRrpAgeDays", () => {
    const sparse = [{ date: "2024-12-11", value: 160 }];
    expect(() => netLiquidityWeekly(walcl, tga, sparse)).toThrow(
      /no ON RRP operation within 5 days before 2024-12-18 \(last 2024-12-11\)/,
    );
    expect(() => netLiquidityWeekly(walcl, tga, [])).toThrow(/before 2024-12-11; start the window/);
  });

  test("on the shipped data, the week of 2024-01-24 sums as published", () => {
    const nl = netLiquidityWeekly(loadH41("WALCL").rows, loadH41("WTREGEN").rows, loadH41("RRPONTSYD").rows, {
      from: "2024-01-24",
      to: "2024-01-24",
    });
    expect(nl).toHaveLength(1);
    expect(nl[0].totalAssetsUsdBn).toBe(7677.23);
    expect(nl[0].tgaUsdBn).toBe(799.358);
    expect(nl[0].onRrpUsdBn).toBe(639.56);
    expect(nl[0].netLiquidityUsdBn).toBeCloseTo(7677.23 - 799.358 - 639.56, 9);
  });
});

describe("withIndexClose(weeks, index)", () => {
  const nl = netLiquidityWeekly(walcl, tga, rrp);
  test("uses the Wednesday close or the last one before it; weeks before the index starts are left out", () => {
    const idx = [
      { date: "2024-12-18", value: 6000 },
      { date: "2024-12-24", value: 6040 },
      { date: "2024-12-31", value: 5880 },
    ];
    const w = withIndexClose(nl, idx);
    expect(w.map((x) => [x.date, x.indexDate, x.indexValue])).toEqual([
      ["2024-12-18", "2024-12-18", 6000],
      ["2024-12-25", "2024-12-24", 6040],
      ["2025-01-01", "2024-12-31", 5880],
    ]);
  });

  test("a gap longer than maxIndexAgeDays throws instead of bridging it", () => {
    expect(() => withIndexClose(nl, [{ date: "2024-12-11", value: 6000 }])).toThrow(
      /last close before 2024-12-18 is 2024-12-11, more than 5 days old/,
    );
  });
});

/** Consecutive Wednesdays from 2023-01-04 with the given values. */
function synthetic(nl: number[], index: number[]): NetLiquidityIndexWeek[] {
  return nl.map((v, i) => {
    const date = new Date(Date.UTC(2023, 0, 4 + 7 * i)).toISOString().slice(0, 10);
    return {
      date,
      totalAssetsUsdBn: v,
      tgaUsdBn: 0,
      onRrpUsdBn: 0,
      onRrpDate: date,
      netLiquidityUsdBn: v,
      indexValue: index[i],
      indexDate: date,
    };
  });
}

describe("netLiquidityRelation(weeks) → levels, weekly and month-end correlations with n", () => {
  test("two trending series with opposite wiggles: levels r near +1, weekly changes r negative", () => {
    const n = 60;
    const nl = Array.from({ length: n }, (_, i) => 5000 + 20 * i + (i % 2 === 0 ? 15 : -15));
    const ix = Array.from({ length: n }, (_, i) => 4000 + 15 * i + (i % 2 === 0 ? -12 : 12));
    const rel = netLiquidityRelation(synthetic(nl, ix));
    expect(rel.levels.n).toBe(60);
    expect(rel.levels.r).toBeGreaterThan(0.95);
    expect(rel.weekly.n).toBe(59);
    expect(rel.weekly.r).toBeLessThan(-0.5);
  });

  test("month-end changes use the last Wednesday of each month: n = months − 1", () => {
    const n = 26; // 2023-01-04 … 2023-06-28: six month-ends (Jan 25, Feb 22, Mar 29, Apr 26, May 31, Jun 28)
    const nl = Array.from({ length: n }, (_, i) => 100 + i + (i % 3));
    const ix = nl.map((v) => 2 * v);
    const rel = netLiquidityRelation(synthetic(nl, ix));
    expect(rel.monthly.n).toBe(5);
    expect(rel.monthly.r).toBeCloseTo(1, 9);
    expect(rel.from).toBe("2023-01-04");
    expect(rel.to).toBe("2023-06-28");
  });

  test("from/to select the sample; a gap inside it or an empty window throws", () => {
    const w = synthetic(
      Array.from({ length: 30 }, (_, i) => 100 + i + (i % 2)),
      Array.from({ length: 30 }, (_, i) => 50 + i + (i % 3)),
    );
    expect(netLiquidityRelation(w, { from: "2023-02-01" }).from).toBe("2023-02-01");
    expect(() => netLiquidityRelation([...w.slice(0, 10), ...w.slice(11)])).toThrow(
      /is not one week; the sample has a gap/,
    );
    expect(() => netLiquidityRelation(w, { from: "2030-01-01" })).toThrow(/no weeks/);
  });
});

test("isLastWednesdayOfMonth(date)", () => {
  expect(isLastWednesdayOfMonth("2024-01-31")).toBe(true);
  expect(isLastWednesdayOfMonth("2024-01-24")).toBe(false);
  expect(isLastWednesdayOfMonth("2024-02-28")).toBe(true);
});
