import { quantile } from "d3-array";
import { describe, expect, test } from "vitest";
import type { FittedCurve } from "../../lib/calc/reserveDemand.ts";
import { type EngineOptions, projectScenario, ScenarioInputError } from "../../lib/calc/rmpScenarios.ts";
import {
  fanQuantiles,
  linspace,
  pathIndex,
  pathValue,
  runSweep,
  type SweepInput,
  sweepWorkspace,
} from "../../lib/calc/rmpSweep.ts";

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
const logistic: FittedCurve = { ...curve, form: "logistic", aBp: -10, bBp: 20, cPerPp: 1.4, centerPct: 9.7 };
const schedule = { horizonMonths: 24, schedule: "front-loaded" as const, frontLoadMonths: 4, frontLoadMultiple: 1.6 };

function input(over: Partial<SweepInput> = {}): SweepInput {
  return {
    startReservesUsdBn: 2_900,
    gdpStartUsdBn: 31_400,
    gdpGrowthPctPerYear: 5,
    schedule,
    sizesUsdBnPerMonth: [0, 3.5, 25, 45],
    organicDrainsUsdBnPerMonth: [0, 3.5, 8],
    curveShiftsPp: [-0.5, 0, 0.5],
    curve,
    ...over,
  };
}

describe("runSweep(input): output shape", () => {
  test("holds horizon × (sizes × drains × shifts) values, month-major", () => {
    const r = runSweep(input());
    expect([r.horizonMonths, r.nSizes, r.nDrains, r.nShifts, r.nPaths]).toEqual([24, 4, 3, 3, 36]);
    expect(r.reservesUsdBn).toBeInstanceOf(Float64Array);
    expect(r.reservesUsdBn.length).toBe(24 * 36);
    expect(r.spreadBp.length).toBe(24 * 36);
    expect(pathIndex(r, 3, 2, 1)).toBe((3 * 3 + 2) * 3 + 1);
  });

  test("without a curve it computes reserves only", () => {
    const r = runSweep(input({ curve: undefined }));
    expect(r.spreadBp.length).toBe(0);
    expect(() => fanQuantiles(r, "spreadBp", [0.5])).toThrow(/no spreadBp/);
  });
});

describe("runSweep(input) agrees with the scalar engine", () => {
  for (
    const [name, c] of [
      ["exponential", curve],
      ["logistic", logistic],
    ] as const
  ) {
    test(`every grid path equals projectScenario with the same size, drain and shift (${name} curve)`, () => {
      const inp = input({ curve: c });
      const r = runSweep(inp);
      const options: Partial<EngineOptions> = {
        ...schedule,
        tgaGrowthUsdBnPerMonth: 0,
        otherGrowthUsdBnPerMonth: 0,
        gdpGrowthPctPerYear: 5,
      };
      const sizes = inp.sizesUsdBnPerMonth as number[];
      const drains = inp.organicDrainsUsdBnPerMonth as number[];
      const shifts = inp.curveShiftsPp as number[];
      for (let i = 0; i < sizes.length; i++) {
        for (let j = 0; j < drains.length; j++) {
          for (let k = 0; k < shifts.length; k++) {
            const path = projectScenario(
              { id: "x", label: "x", sizeUsdBnPerMonth: sizes[i], probability: 1 },
              { month: "2025-11", reservesUsdBn: 2_900, totalAssetsUsdBn: 6_550, gdpUsdBn: 31_400 },
              { ...options, currencyGrowthUsdBnPerMonth: drains[j] },
              c,
              shifts[k],
            );
            const p = pathIndex(r, i, j, k);
            path.months.forEach((m, t) => {
              expect(pathValue(r, "reservesUsdBn", t, p)).toBeCloseTo(m.reservesUsdBn, 9);
              expect(pathValue(r, "spreadBp", t, p)).toBeCloseTo(m.spreadBp!, 9);
            });
          }
        }
      }
    });
  }
});

describe("runSweep(input, workspace): the output written into a kept workspace", () => {
  test("gives the very values of an allocating run, for every curve form and without a curve", () => {
    const ws = sweepWorkspace();
    for (const c of [curve, logistic, undefined]) {
      const fresh = runSweep(input({ curve: c }));
      const kept = runSweep(input({ curve: c }), ws);
      expect(kept).toEqual(fresh);
      expect(kept.reservesUsdBn.buffer).toBe(ws.reservesUsdBn.buffer);
    }
  });

  test("grows for a larger sweep, reuses its arrays for one that fits, and a later run overwrites an earlier result", () => {
    const ws = sweepWorkspace();
    runSweep(input(), ws);
    const big = runSweep(input({ sizesUsdBnPerMonth: linspace(0, 60, 9) }), ws);
    expect(ws.reservesUsdBn.length).toBe(big.reservesUsdBn.length);
    const buffer = ws.spreadBp.buffer;
    const first = runSweep(input(), ws);
    const firstCopy = first.spreadBp.slice();
    const shifted = runSweep(input({ curveShiftsPp: [1, 2, 3] }), ws);
    expect(ws.spreadBp.buffer).toBe(buffer);
    expect(shifted).toEqual(runSweep(input({ curveShiftsPp: [1, 2, 3] })));
    // The workspace's owner reads a result before the next run: that run writes over it.
    expect(first.spreadBp).toEqual(shifted.spreadBp);
    expect(first.spreadBp).not.toEqual(firstCopy);
  });
});

describe("fanQuantiles(result, field, quantiles)", () => {
  test("equals d3-array's quantile of each month's paths", () => {
    const r = runSweep(
      input({
        sizesUsdBnPerMonth: linspace(0, 60, 13),
        organicDrainsUsdBnPerMonth: linspace(0, 12, 7),
        curveShiftsPp: linspace(-0.5, 0.5, 5),
      }),
    );
    const qs = [0.9, 0.05, 0.5, 0.25, 1, 0];
    for (const field of ["reservesUsdBn", "spreadBp"] as const) {
      const f = fanQuantiles(r, field, qs);
      expect(f.values.length).toBe(qs.length * 24);
      for (const t of [0, 5, 23]) {
        const column = Array.from(r[field].subarray(t * r.nPaths, (t + 1) * r.nPaths));
        qs.forEach((q, qi) => expect(f.values[qi * 24 + t]).toBeCloseTo(quantile(column, q)!, 9));
      }
    }
  });

  test("leaves the sweep's own arrays untouched and refuses a quantile outside [0, 1]", () => {
    const r = runSweep(input());
    const before = r.reservesUsdBn.slice();
    fanQuantiles(r, "reservesUsdBn", [0.1, 0.9]);
    expect(r.reservesUsdBn).toEqual(before);
    expect(() => fanQuantiles(r, "reservesUsdBn", [1.5])).toThrow(/must be in \[0, 1\]/);
  });
});

describe("runSweep(input): errors and speed", () => {
  test("refuses a negative size, an empty axis and a horizon below 1", () => {
    expect(() => runSweep(input({ sizesUsdBnPerMonth: [10, -1] }))).toThrow(ScenarioInputError);
    expect(() => runSweep(input({ curveShiftsPp: [] }))).toThrow(/every axis needs at least one value/);
    expect(() => runSweep(input({ schedule: { ...schedule, horizonMonths: 0 } }))).toThrow(
      /horizon must be an integer ≥ 1/,
    );
  });

  test("linspace gives n evenly spaced values, one for a degenerate range", () => {
    expect([...linspace(0, 1, 5)]).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect([...linspace(3.5, 3.5, 9)]).toEqual([3.5]);
  });

  test("10,000 paths × 36 months run with reserve and spread fans (their time is measured by npm run bench)", () => {
    const r = runSweep(input({
      schedule: { ...schedule, horizonMonths: 36 },
      sizesUsdBnPerMonth: linspace(0, 60, 40),
      organicDrainsUsdBnPerMonth: linspace(0, 15, 25),
      curveShiftsPp: linspace(-0.5, 0.5, 10),
    }));
    expect(r.nPaths).toBe(10_000);
    const fan = fanQuantiles(r, "reservesUsdBn", [0.05, 0.5, 0.95]);
    expect(fan.horizonMonths).toBe(36);
    expect(fan.values.length).toBe(36 * 3);
    expect(fan.values.every((v) => Number.isFinite(v))).toBe(true);
    fanQuantiles(r, "spreadBp", [0.05, 0.25, 0.5, 0.75, 0.95]);
  });
});
