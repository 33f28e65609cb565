import { describe, expect, test } from "vitest";
import { correlationInterval, logChanges, pearson } from "../../lib/calc/correlation.ts";

describe("pearson(x, y) → {r, n}", () => {
  test("hand-worked: x = 1..5, y = 2,4,5,4,5 gives r = 6/√60 with n = 5", () => {
    // deviations: dx = −2,−1,0,1,2; dy = −2,0,1,0,1; Σdxdy = 6, Σdx² = 10, Σdy² = 6
    const c = pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(c.n).toBe(5);
    expect(c.r).toBeCloseTo(6 / Math.sqrt(60), 12);
  });

  test("a perfect linear relation gives ±1", () => {
    expect(pearson([1, 2, 3], [2, 4, 6]).r).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1]).r).toBeCloseTo(-1, 12);
  });

  test("r does not depend on units or offsets ($bn against $mn + a constant)", () => {
    const xBn = [6200.5, 6180.1, 6250.9, 6301.2, 6275.0];
    const y = [4700, 4650, 4780, 4850, 4820];
    const xMn = xBn.map((v) => v * 1000 + 123);
    expect(pearson(xMn, y).r).toBeCloseTo(pearson(xBn, y).r, 12);
  });

  test("is symmetric and stays inside [−1, 1]", () => {
    const x = [1e6 + 1, 1e6 + 2, 1e6 + 3];
    const y = [5, 10, 15];
    expect(pearson(x, y).r).toBe(pearson(y, x).r);
    expect(Math.abs(pearson(x, y).r)).toBeLessThanOrEqual(1);
  });

  test("refuses samples of different lengths", () => {
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(/differ in length \(3 and 2\)/);
  });

  test("refuses fewer pairs than minN (default 3; two points always give ±1)", () => {
    expect(() => pearson([1, 2], [2, 1])).toThrow(/2 pairs, fewer than the 3 required/);
    expect(() => pearson([], [])).toThrow(/0 pairs/);
    expect(() => pearson([1, 2, 3, 4], [1, 3, 2, 4], { minN: 5 })).toThrow(/fewer than the 5/);
  });

  test("refuses a NaN or infinite value instead of dropping it", () => {
    expect(() => pearson([1, NaN, 3], [1, 2, 3])).toThrow(/pair 1 is not finite/);
    expect(() => pearson([1, 2, 3], [1, 2, Infinity])).toThrow(/pair 2 is not finite/);
  });

  test("refuses a constant sample (r undefined)", () => {
    expect(() => pearson([1, 1, 1], [1, 2, 3])).toThrow(/zero variance/);
  });
});

describe("logChanges(values)", () => {
  test("ln(v[i] / v[i−1]) for each step", () => {
    const c = logChanges([100, 110, 99]);
    expect(c).toHaveLength(2);
    expect(c[0]).toBeCloseTo(Math.log(1.1), 12);
    expect(c[1]).toBeCloseTo(Math.log(0.9), 12);
  });

  test("one value gives no change; an empty series gives none", () => {
    expect(logChanges([5])).toEqual([]);
    expect(logChanges([])).toEqual([]);
  });

  test("refuses zero, negative and non-finite values", () => {
    expect(() => logChanges([1, 0, 2])).toThrow(/value 1 is not a finite positive number/);
    expect(() => logChanges([1, -2])).toThrow(/value 1/);
    expect(() => logChanges([NaN, 1])).toThrow(/value 0/);
  });
});

describe("correlationInterval({r, n}) by Fisher's z", () => {
  test("hand-worked: r = 0.5, n = 28 → tanh(atanh(0.5) ± 1.959964/5)", () => {
    const z = Math.atanh(0.5);
    const ci = correlationInterval({ r: 0.5, n: 28 });
    expect(ci.lo).toBeCloseTo(Math.tanh(z - 1.959964 / 5), 12);
    expect(ci.hi).toBeCloseTo(Math.tanh(z + 1.959964 / 5), 12);
    expect(ci.lo).toBeCloseTo(0.1561, 3);
    expect(ci.hi).toBeCloseTo(0.7355, 3);
  });

  test("r = 0 gives a symmetric interval that narrows as n grows", () => {
    const small = correlationInterval({ r: 0, n: 19 });
    const large = correlationInterval({ r: 0, n: 403 });
    expect(small.lo).toBeCloseTo(-small.hi, 12);
    expect(large.hi).toBeLessThan(small.hi);
    expect(large.hi).toBeCloseTo(Math.tanh(1.959964 / 20), 12);
  });

  test("refuses n ≤ 3 and |r| = 1", () => {
    expect(() => correlationInterval({ r: 0.2, n: 3 })).toThrow(/more than 3 pairs/);
    expect(() => correlationInterval({ r: 1, n: 10 })).toThrow(/strictly inside/);
  });
});
