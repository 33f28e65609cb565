import { quarterStart } from "../../lib/calendar.ts";
import { describe, expect, test } from "vitest";
import {
  ampleThresholdSharePct,
  buildCurveSample,
  type CurvePoint,
  curveSlopeBpPerPp,
  curveSpreadBp,
  fitReserveDemandCurve,
  type FittedCurve,
  shareToUsdBn,
  usdBnToSharePct,
} from "../../lib/calc/reserveDemand.ts";

/** Points on a known curve at shares lo, lo + step, …, hi, with an optional deterministic wiggle (bp). */
function constructed(
  curve: Pick<FittedCurve, "form" | "aBp" | "bBp" | "cPerPp" | "centerPct">,
  lo: number,
  hi: number,
  step: number,
  wiggleBp = 0,
): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (let i = 0; lo + i * step <= hi + 1e-9; i++) {
    const x = lo + i * step;
    out.push({ sharePct: x, spreadBp: curveSpreadBp(curve, x) + wiggleBp * Math.sin(7.3 * i) });
  }
  return out;
}

describe("fitReserveDemandCurve(points, {form})", () => {
  test("recovers a known exponential curve from an exact constructed series", () => {
    const truth = { form: "exponential" as const, aBp: -10, bBp: 20, cPerPp: 1.2, centerPct: 9 };
    const fit = fitReserveDemandCurve(constructed(truth, 9, 17, 0.05), { s0Pct: 9 });
    expect(fit.aBp).toBeCloseTo(-10, 4);
    expect(fit.bBp).toBeCloseTo(20, 4);
    expect(fit.cPerPp).toBeCloseTo(1.2, 4);
    expect(fit.centerPct).toBe(9);
    expect(fit.r2).toBeCloseTo(1, 8);
    expect(fit.rmseBp).toBeLessThan(1e-3);
    expect(fit.n).toBe(161);
    expect(fit.shareRangePct).toEqual([9, 17]);
  });

  test("recovers it within tolerance when the series carries a ±1 bp wiggle", () => {
    const truth = { form: "exponential" as const, aBp: -8, bBp: 15, cPerPp: 0.8, centerPct: 9 };
    const fit = fitReserveDemandCurve(constructed(truth, 9, 17, 0.05, 1));
    expect(fit.aBp).toBeCloseTo(-8, 0);
    expect(fit.bBp).toBeCloseTo(15, 0);
    expect(Math.abs(fit.cPerPp - 0.8)).toBeLessThan(0.05);
    expect(fit.rmseBp).toBeGreaterThan(0.5);
    expect(fit.rmseBp).toBeLessThan(0.8);
  });

  test("recovers a known logistic curve, midpoint included", () => {
    const truth = { form: "logistic" as const, aBp: -7, bBp: 12, cPerPp: 3, centerPct: 10.5 };
    const fit = fitReserveDemandCurve(constructed(truth, 9, 16, 0.05), { form: "logistic" });
    expect(fit.aBp).toBeCloseTo(-7, 2);
    expect(fit.bBp).toBeCloseTo(12, 2);
    expect(fit.cPerPp).toBeCloseTo(3, 2);
    expect(fit.centerPct).toBeCloseTo(10.5, 2);
  });

  test("is deterministic: the same points give identical parameters", () => {
    const pts = constructed({ form: "exponential", aBp: -9, bBp: 10, cPerPp: 2, centerPct: 9.5 }, 9.5, 14, 0.1, 0.5);
    expect(fitReserveDemandCurve(pts)).toEqual(fitReserveDemandCurve(pts.slice()));
  });

  test("refuses too few points, a constant share, a non-finite value and an unknown form", () => {
    expect(() => fitReserveDemandCurve([{ sharePct: 1, spreadBp: 1 }])).toThrow(/at least 4 points/);
    expect(() => fitReserveDemandCurve([1, 2, 3, 4].map((v) => ({ sharePct: 10, spreadBp: v })))).toThrow(
      /does not vary/,
    );
    expect(() => fitReserveDemandCurve([1, 2, 3, NaN].map((v, i) => ({ sharePct: i, spreadBp: v })))).toThrow(
      /non-finite/,
    );
    expect(() =>
      fitReserveDemandCurve([1, 2, 3, 4].map((v) => ({ sharePct: v, spreadBp: v })), { form: "cubic" as never })
    ).toThrow(/unknown form "cubic"/);
  });
});

describe("ampleThresholdSharePct(curve, rule)", () => {
  const exp = { form: "exponential" as const, aBp: -10, bBp: 20, cPerPp: 1, centerPct: 9 };

  test("exponential, slope rule: s0 + ln(b·c/k)/c, where the slope equals k", () => {
    const x = ampleThresholdSharePct(exp, { kind: "slope", bpPerPp: 2 })!;
    expect(x).toBeCloseTo(9 + Math.log(10), 12);
    expect(curveSlopeBpPerPp(exp, x)).toBeCloseTo(2, 12);
  });

  test("exponential, spread rule: s0 − ln((L − a)/b)/c, where the spread equals L", () => {
    const x = ampleThresholdSharePct(exp, { kind: "spread", bp: 0 })!;
    expect(x).toBeCloseTo(9 + Math.log(2), 12);
    expect(curveSpreadBp(exp, x)).toBeCloseTo(0, 12);
    expect(ampleThresholdSharePct(exp, { kind: "spread", bp: -11 })).toBeUndefined(); // below the floor
  });

  test("logistic: the abundant-side share where the slope equals k, undefined if never that steep", () => {
    const lg = { form: "logistic" as const, aBp: -7, bBp: 12, cPerPp: 3, centerPct: 10.5 };
    const x = ampleThresholdSharePct(lg, { kind: "slope", bpPerPp: 1 })!;
    expect(x).toBeGreaterThan(10.5);
    expect(curveSlopeBpPerPp(lg, x)).toBeCloseTo(1, 10);
    expect(ampleThresholdSharePct(lg, { kind: "slope", bpPerPp: 10 })).toBeUndefined(); // max slope b·c/4 = 9
    const y = ampleThresholdSharePct(lg, { kind: "spread", bp: 0 })!;
    expect(curveSpreadBp(lg, y)).toBeCloseTo(0, 10);
  });

  test("a curve sloping the wrong way has no threshold; a non-positive slope level is refused", () => {
    expect(ampleThresholdSharePct({ ...exp, bBp: -5 }, { kind: "slope", bpPerPp: 1 })).toBeUndefined();
    expect(() => ampleThresholdSharePct(exp, { kind: "slope", bpPerPp: 0 })).toThrow(/must be > 0/);
  });
});

describe("shares and $bn", () => {
  test("shareToUsdBn and usdBnToSharePct are inverse", () => {
    expect(shareToUsdBn(10, 32_000)).toBe(3_200);
    expect(usdBnToSharePct(3_200, 32_000)).toBe(10);
  });

  test("quarterStart maps a date to its quarter's first day", () => {
    expect(quarterStart("2025-11-26")).toBe("2025-10-01");
    expect(quarterStart("2026-03-31")).toBe("2026-01-01");
    expect(quarterStart("2026-07-01")).toBe("2026-07-01");
  });
});

describe("buildCurveSample(...)", () => {
  const reservesWeekly = [
    { date: "2021-07-28", value: 3_900 },
    { date: "2025-12-31", value: 3_000 },
    { date: "2026-01-07", value: 3_100 },
    { date: "2026-07-01", value: 3_200 },
    { date: "2026-07-08", value: 3_300 },
  ];
  const spreadWeekly = reservesWeekly.map((r, i) => ({ weekEnding: r.date, meanBp: i, days: 5 })).filter((w) =>
    w.weekEnding !== "2026-07-01"
  );
  const gdp = [
    { date: "2021-07-01", value: 23_000 },
    { date: "2025-10-01", value: 30_000 },
    { date: "2026-01-01", value: 31_000 },
  ];

  test("uses the GDP quarter containing each week, skips weeks before `from`, without a spread or past the last quarter", () => {
    const s = buildCurveSample({
      reservesWeekly,
      spreadWeekly,
      denominator: gdp,
      denominatorFrequency: "quarterly",
      from: "2021-07-29",
    });
    expect(s.map((p) => [p.weekEnding, p.denominatorDate, p.sharePct, p.spreadBp])).toEqual([
      ["2025-12-31", "2025-10-01", 10, 1],
      ["2026-01-07", "2026-01-01", 10, 2],
    ]);
  });
});
