import { describe, expect, test } from "vitest";
import { curveSpreadBp, type FittedCurve } from "../../lib/calc/reserveDemand.ts";
import {
  ARTICLE_SCENARIOS,
  checkIdentity,
  expectedPath,
  gdpAfterMonths,
  projectScenario,
  runScenarios,
  ScenarioInputError,
  scenariosFromParams,
  type ScenarioSpec,
  scheduleWeights,
  type StartingBalanceSheet,
  validateScenarioInputs,
} from "../../lib/calc/rmpScenarios.ts";
import { thrownBy } from "../helpers/errors.ts";

const start: StartingBalanceSheet = {
  month: "2025-11",
  reservesUsdBn: 2_900,
  totalAssetsUsdBn: 6_550,
  gdpUsdBn: 31_400,
};
const curve: FittedCurve = {
  form: "exponential",
  aBp: -11,
  bBp: 17.5,
  cPerPp: 0.8,
  centerPct: 8.9,
  n: 100,
  r2: 0.7,
  rmseBp: 3,
  shareRangePct: [8.9, 17.8],
};
const spec = (id: string, size: number, p: number): ScenarioSpec => ({
  id,
  label: id,
  sizeUsdBnPerMonth: size,
  probability: p,
});

/** The ScenarioInputError a call throws. */
const inputError = (fn: () => unknown): ScenarioInputError => thrownBy(ScenarioInputError, fn);

describe("projectScenario(scenario, start, options)", () => {
  test("zero purchases equals the organic drain: reserves fall by currency + TGA + other each month", () => {
    const path = projectScenario(spec("Z", 0, 1), start, {
      horizonMonths: 6,
      currencyGrowthUsdBnPerMonth: 3.5,
      tgaGrowthUsdBnPerMonth: 2,
      otherGrowthUsdBnPerMonth: 0.5,
    });
    expect(path.months.map((m) => m.reservesUsdBn)).toEqual([2_894, 2_888, 2_882, 2_876, 2_870, 2_864]);
    expect(path.months.every((m) => m.totalAssetsUsdBn === 6_550)).toBe(true);
    expect(path.months.map((m) => m.month)).toEqual(["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
  });

  test("the identity holds at every step, front-loaded, with every flow non-zero", () => {
    const path = projectScenario(spec("A", 25, 1), start, {
      horizonMonths: 36,
      schedule: "front-loaded",
      frontLoadMonths: 4,
      frontLoadMultiple: 1.6,
      currencyGrowthUsdBnPerMonth: 3.7,
      tgaGrowthUsdBnPerMonth: -1.3,
      otherGrowthUsdBnPerMonth: 0.9,
      mbsPrincipalUsdBnPerMonth: 15,
    });
    expect(checkIdentity(path, start)).toBeLessThan(1e-9);
    // step by step, by hand for the first month: 2900 + 40 − 3.7 + 1.3 − 0.9
    expect(path.months[0].reservesUsdBn).toBeCloseTo(2_936.7, 10);
    expect(path.months[0].purchasesUsdBn).toBeCloseTo(40, 12);
  });

  test("MBS principal reinvested in bills neither adds nor drains reserves, nor changes total assets", () => {
    const none = projectScenario(spec("A", 25, 1), start, { horizonMonths: 12, mbsPrincipalUsdBnPerMonth: 0 });
    const lots = projectScenario(spec("A", 25, 1), start, { horizonMonths: 12, mbsPrincipalUsdBnPerMonth: 40 });
    expect(lots.months.map((m) => m.reservesUsdBn)).toEqual(none.months.map((m) => m.reservesUsdBn));
    expect(lots.months.map((m) => m.totalAssetsUsdBn)).toEqual(none.months.map((m) => m.totalAssetsUsdBn));
    expect(lots.months.every((m) => m.billsFromMbsUsdBn === m.mbsPaydownUsdBn)).toBe(true);
  });

  test("each month's spread is the curve at reserves / projected GDP, shifted by the curve shift", () => {
    const path = projectScenario(spec("C", 3.5, 1), start, { horizonMonths: 12, gdpGrowthPctPerYear: 5 }, curve, 0.3);
    const m = path.months[11];
    expect(m.gdpUsdBn).toBeCloseTo(31_400 * 1.05, 8);
    expect(m.sharePctOfGdp).toBeCloseTo((m.reservesUsdBn / m.gdpUsdBn) * 100, 12);
    expect(m.spreadBp).toBeCloseTo(curveSpreadBp(curve, m.sharePctOfGdp - 0.3), 12);
    expect(m.extrapolated).toBe(true); // 2,900 / 32,970 ≈ 8.8% − 0.3 is below the fitted range
  });

  test("refuses a negative size and a horizon below 1", () => {
    expect(inputError(() => projectScenario(spec("X", -1, 1), start)).message).toMatch(
      /scenario X: size must be a finite number ≥ 0/,
    );
    expect(inputError(() => projectScenario(spec("X", 1, 1), start, { horizonMonths: 0 })).message).toMatch(
      /horizon must be an integer ≥ 1/,
    );
  });
});

describe("scheduleWeights(options)", () => {
  test("flat is 1 every month; front-loaded keeps the horizon's total", () => {
    expect([...scheduleWeights({ horizonMonths: 3, schedule: "flat", frontLoadMonths: 1, frontLoadMultiple: 2 })])
      .toEqual([1, 1, 1]);
    const w = scheduleWeights({
      horizonMonths: 24,
      schedule: "front-loaded",
      frontLoadMonths: 4,
      frontLoadMultiple: 1.6,
    });
    expect(w[0]).toBe(1.6);
    expect(w[4]).toBeCloseTo((24 - 6.4) / 20, 12);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(24, 10);
  });

  test("a horizon no longer than the front-loaded months is flat; a multiple too large floors the rest at 0", () => {
    expect([
      ...scheduleWeights({ horizonMonths: 3, schedule: "front-loaded", frontLoadMonths: 4, frontLoadMultiple: 2 }),
    ]).toEqual([1, 1, 1]);
    expect([
      ...scheduleWeights({ horizonMonths: 4, schedule: "front-loaded", frontLoadMonths: 2, frontLoadMultiple: 3 }),
    ]).toEqual([3, 3, 0, 0]);
  });
});

describe("runScenarios(scenarios, start, options, curve)", () => {
  test("the expectation is the probability-weighted mean of the scenarios, month by month", () => {
    const set = runScenarios([spec("A", 10, 0.25), spec("B", 30, 0.75)], start, {
      horizonMonths: 3,
      currencyGrowthUsdBnPerMonth: 2,
    }, curve);
    const [a, b] = set.paths;
    for (let t = 0; t < 3; t++) {
      expect(set.expected[t].purchasesUsdBn).toBeCloseTo(25, 12);
      expect(set.expected[t].reservesUsdBn).toBeCloseTo(
        0.25 * a.months[t].reservesUsdBn + 0.75 * b.months[t].reservesUsdBn,
        9,
      );
      expect(set.expected[t].spreadBp).toBeCloseTo(0.25 * a.months[t].spreadBp! + 0.75 * b.months[t].spreadBp!, 9);
    }
    // by hand: month 2 cumulative purchases 0.25·20 + 0.75·60
    expect(set.expected[1].cumulativePurchasesUsdBn).toBeCloseTo(50, 12);
  });

  test("the article's scenarios: A $25bn (20–30), B $45bn (≥45), C $3.5bn with p = 0.40 / 0.35 / 0.25", () => {
    expect(ARTICLE_SCENARIOS.map((s) => [s.id, s.sizeUsdBnPerMonth, s.probability])).toEqual([
      ["A", 25, 0.4],
      ["B", 45, 0.35],
      ["C", 3.5, 0.25],
    ]);
    expect(() => validateScenarioInputs(ARTICLE_SCENARIOS)).not.toThrow();
  });

  test("expectedPath of no paths is empty; of unequal paths throws", () => {
    expect(expectedPath([])).toEqual([]);
    const p1 = projectScenario(spec("A", 1, 0.5), start, { horizonMonths: 2 });
    const p2 = projectScenario(spec("B", 1, 0.5), start, { horizonMonths: 3 });
    expect(() => expectedPath([p1, p2])).toThrow(/different lengths/);
  });
});

describe("validateScenarioInputs: the errors a reader gets", () => {
  test("probabilities must sum to 1 within 1e-9", () => {
    expect(
      inputError(() => validateScenarioInputs([spec("A", 25, 0.4), spec("B", 45, 0.35), spec("C", 3.5, 0.2)])).message,
    ).toMatch(
      /probabilities must sum to 1 \(within 1e-9\), they sum to 0\.95.*A 0\.4, B 0\.35, C 0\.2/,
    );
    expect(() => validateScenarioInputs([spec("A", 1, 0.1), spec("B", 1, 0.2), spec("C", 1, 0.7)])).not.toThrow(); // 0.1 + 0.2 float noise
    expect(() => validateScenarioInputs([spec("A", 1, 0.5), spec("B", 1, 0.5 + 1e-8)])).toThrow(/must sum to 1/);
  });

  test("no negative sizes, probabilities in [0, 1], unique ids, at least one scenario", () => {
    expect(inputError(() => validateScenarioInputs([spec("A", -3.5, 1)])).message).toMatch(
      /scenario A: size must not be negative, got -3\.5/,
    );
    expect(inputError(() => validateScenarioInputs([spec("A", 1, 1.2), spec("B", 1, -0.2)])).message).toMatch(
      /scenario A: probability must be in \[0, 1\]/,
    );
    expect(inputError(() => validateScenarioInputs([spec("A", 1, 0.5), spec("A", 1, 0.5)])).message).toMatch(
      /"A" appears twice/,
    );
    expect(inputError(() => validateScenarioInputs([])).message).toMatch(/no scenarios/);
  });

  test("horizon an integer ≥ 1, a known schedule", () => {
    expect(inputError(() => validateScenarioInputs([spec("A", 1, 1)], { horizonMonths: 0 })).message).toMatch(
      /horizon must be an integer ≥ 1 month, got 0/,
    );
    expect(inputError(() => validateScenarioInputs([spec("A", 1, 1)], { horizonMonths: 1.5 })).message).toMatch(
      /got 1\.5/,
    );
    expect(inputError(() => validateScenarioInputs([spec("A", 1, 1)], { schedule: "back-loaded" as never })).message)
      .toMatch(/schedule must be "flat" or "front-loaded"/);
  });

  test("scenariosFromParams pairs sizes with probabilities and names unmatched ids", () => {
    const s = scenariosFromParams({ A: 25, B: 45, C: 3.5 }, { A: 0.4, B: 0.35, C: 0.25 });
    expect(s.map((x) => x.label)).toEqual(ARTICLE_SCENARIOS.map((x) => x.label));
    expect(inputError(() => scenariosFromParams({ A: 25, D: 1 }, { A: 0.4, B: 0.6 })).message).toMatch(
      /unmatched: D, B/,
    );
  });
});

describe("GDP helper", () => {
  test("gdpAfterMonths compounds monthly to the annual rate", () => {
    expect(gdpAfterMonths(100, 5, 12)).toBeCloseTo(105, 12);
    expect(gdpAfterMonths(100, 5, 0)).toBe(100);
  });
});
