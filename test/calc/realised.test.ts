import { describe, expect, test } from "vitest";
import { spreadBpDaily } from "../../lib/calc/moneyMarket.ts";
import {
  closestScenario,
  compareWithScenarios,
  FED_FIRST_ROUND,
  realisedPaceUsdBnPerMonth,
  realisedPath,
} from "../../lib/calc/realised.ts";
import { ARTICLE_SCENARIOS, projectScenario, runScenarios, type ScenarioPath } from "../../lib/calc/rmpScenarios.ts";
import { loadH41 } from "../../lib/data/h41.ts";
import { loadH15 } from "../../lib/data/h15.ts";

// Weekly fixtures: securities grow 20/month from 2025-11-26; reserves 10 below assets − 3,600.
const weeks = ["2025-11-26", "2025-12-03", "2025-12-31", "2026-01-28", "2026-02-04", "2026-02-25", "2026-03-04"];
const level = (base: number, perMonth: number) =>
  weeks.map((date, i) => ({ date, value: base + perMonth * [0, 0, 1, 2, 2, 3, 3][i] }));

describe("realisedPath({startMonth, ...})", () => {
  const spreadDaily = [
    { date: "2025-12-01", spreadBp: 4 },
    { date: "2025-12-02", spreadBp: 2 },
    { date: "2026-02-10", spreadBp: -1 },
  ];
  const r = realisedPath({
    startMonth: "2025-12",
    totalAssets: level(6_500, 20),
    treasuries: level(4_200, 35),
    mbs: level(2_050, -15),
    reserves: level(2_900, 10),
    spreadDaily,
  });

  test("starts at the close of the month before the start and reads each month on the month-end grid", () => {
    // month-end grid: the first Wednesday on or after the month's last day
    expect(r.start).toEqual({
      weekEnding: "2025-12-03",
      totalAssetsUsdBn: 6_500,
      securitiesUsdBn: 6_250,
      reservesUsdBn: 2_900,
    });
    expect(r.months.map((m) => [m.month, m.step, m.weekEnding])).toEqual([
      ["2025-12", 1, "2025-12-31"],
      ["2026-01", 2, "2026-02-04"],
      ["2026-02", 3, "2026-03-04"],
    ]);
  });

  test("on the last-Wednesday grid the same data give other weeks", () => {
    const lw = realisedPath({
      startMonth: "2025-12",
      totalAssets: level(6_500, 20),
      treasuries: level(4_200, 35),
      mbs: level(2_050, -15),
      reserves: level(2_900, 10),
      spreadDaily,
      grid: "last-wednesday",
    });
    expect(lw.start.weekEnding).toBe("2025-11-26");
    expect(lw.months.map((m) => m.weekEnding)).toEqual(["2025-12-31", "2026-01-28", "2026-02-25"]);
  });

  test("cumulative purchases are the change in Treasuries + MBS since the start; MBS reinvestment nets out", () => {
    expect(r.months.map((m) => m.cumulativePurchasesUsdBn)).toEqual([20, 40, 60]);
    expect(r.months.map((m) => m.purchasesUsdBn)).toEqual([20, 20, 20]);
  });

  test("the spread is the month's mean; a month without observations has none", () => {
    expect(r.months.map((m) => m.spreadBp)).toEqual([3, undefined, -1]);
  });

  test("stops at a month whose closing week is not in the data (March 2026 here: 2026-04-01 is missing)", () => {
    expect(r.months.at(-1)!.month).toBe("2026-02");
  });

  test("throws when the start week is missing", () => {
    expect(() =>
      realisedPath({
        startMonth: "2025-11",
        totalAssets: level(1, 0),
        treasuries: level(1, 0),
        mbs: level(1, 0),
        reserves: level(1, 0),
        spreadDaily,
      })
    ).toThrow(
      /no H\.4\.1 week closing 2025-10 \(the month before 2025-11\)/,
    );
  });

  test("realisedPaceUsdBnPerMonth is cumulative purchases over months elapsed: 60 / 3 = 20", () => {
    expect(realisedPaceUsdBnPerMonth(r.months)).toBeCloseTo(20, 12);
    expect(realisedPaceUsdBnPerMonth([])).toBeNaN();
  });

  test("compareWithScenarios: RMSE of cumulative purchases per scenario, by hand, and the closest", () => {
    const start = { month: "2025-11", reservesUsdBn: 2_900, totalAssetsUsdBn: 6_500, gdpUsdBn: 31_000 };
    const paths: ScenarioPath[] = [
      projectScenario({ id: "lo", label: "lo", sizeUsdBnPerMonth: 10, probability: 0.5 }, start, {
        horizonMonths: 12,
        currencyGrowthUsdBnPerMonth: 0,
      }),
      projectScenario({ id: "hi", label: "hi", sizeUsdBnPerMonth: 25, probability: 0.5 }, start, {
        horizonMonths: 12,
        currencyGrowthUsdBnPerMonth: 0,
      }),
    ];
    const d = compareWithScenarios(r, paths);
    // lo: errors −10, −20, −30 → √(1400/3); hi: +5, +10, +15 → √(350/3)
    expect(d[0].rmseCumulativePurchasesUsdBn).toBeCloseTo(Math.sqrt(1400 / 3), 12);
    expect(d[1].rmseCumulativePurchasesUsdBn).toBeCloseTo(Math.sqrt(350 / 3), 12);
    expect(d.map((x) => x.n)).toEqual([3, 3]);
    expect(d[1].lastCumulativeScenarioUsdBn).toBe(75);
    expect(d[1].lastCumulativeRealisedUsdBn).toBe(60);
    expect(closestScenario(d).id).toBe("hi");
  });
});

describe("the shipped data since 2025-12 against the article's scenarios", () => {
  const r = realisedPath({
    startMonth: "2025-12",
    totalAssets: loadH41("WALCL").rows,
    treasuries: loadH41("TREAST").rows,
    mbs: loadH41("WSHOMCB").rows,
    reserves: loadH41("WRESBAL").rows,
    spreadDaily: spreadBpDaily(loadH15("SOFR").rows, loadH15("IORB").rows),
  });
  const set = runScenarios(ARTICLE_SCENARIOS, {
    month: "2025-11",
    reservesUsdBn: r.start.reservesUsdBn,
    totalAssetsUsdBn: r.start.totalAssetsUsdBn,
    gdpUsdBn: 31_422.526,
  }, { horizonMonths: 24 });

  test("starts from the H.4.1 week of 2025-12-03 (after QT's end, before RMP) and covers December 2025 to July 2026", () => {
    expect(r.start.weekEnding).toBe("2025-12-03");
    expect(r.months[0].month).toBe("2025-12");
    expect(r.months.at(-1)!.month).toBe("2026-07");
  });

  test("scenario A (about $25bn/month) is the closest by cumulative purchases, and the pace sits between A and the first round's $40bn", () => {
    expect(closestScenario(compareWithScenarios(r, set.paths)).id).toBe("A");
    const pace = realisedPaceUsdBnPerMonth(r.months);
    expect(pace).toBeGreaterThan(20);
    expect(pace).toBeLessThan(FED_FIRST_ROUND.usdBnPerMonth);
  });
});
