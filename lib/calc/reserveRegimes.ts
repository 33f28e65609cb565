/**
 * Reserve regimes read off a fitted reserve-demand curve, in the New York Fed's terms (Afonso, Giannone,
 * La Spada & Williams, "Scarce, Abundant, or Ample? A Time-Varying Model of the Reserve Demand Curve",
 * FRBNY Staff Report 1019): reserves are *abundant* where the curve is flat, *ample* where it slopes
 * gently, *scarce* where it is steep. Two thresholds split the three: the abundant/ample boundary where the
 * curve's slope reaches a small level, the ample/scarce boundary where it reaches a larger one. Slopes are
 * stated in bp of spread per $100bn of reserves (converted to bp per pp of the denominator at its level).
 *
 * Also: a bootstrap over weeks (seeded, deterministic) for the uncertainty of the curve and thresholds,
 * the fit's out-of-sample test on later weeks, and how much of a path's implied spread comes from
 * extrapolating the curve below the reserves it was fitted on. Pure.
 */
import { quantileSorted } from "d3-array";
import {
  ampleThresholdSharePct,
  type CurvePoint,
  curveSpreadBp,
  type FitOptions,
  fitReserveDemandCurve,
  type FittedCurve,
  shareToUsdBn,
} from "./reserveDemand.ts";

export type Regime = "abundant" | "ample" | "scarce";

type Curve = Pick<FittedCurve, "form" | "aBp" | "bBp" | "cPerPp" | "centerPct">;

/** A slope in bp per $100bn as bp per pp of a denominator of `denominatorUsdBn` (1pp = denominator/100 $bn). */
export function slopeBpPerPp(bpPer100UsdBn: number, denominatorUsdBn: number): number {
  return (bpPer100UsdBn * denominatorUsdBn) / 10_000;
}

/** The two thresholds (share of the denominator, pct); undefined where the curve never gets that steep. */
export interface RegimeThresholds {
  /** Above it reserves are abundant (the curve flatter than the abundant slope). */
  abundantSharePct: number | undefined;
  /** Below it reserves are scarce (the curve steeper than the scarce slope). */
  scarceSharePct: number | undefined;
}

/** The share (pct) where the curve's slope reaches `slopeBpPer100UsdBn`, at a denominator level ($bn). */
export function boundarySharePct(curve: Curve, denominatorUsdBn: number, bpPer100UsdBn: number): number | undefined {
  return ampleThresholdSharePct(curve, { kind: "slope", bpPerPp: slopeBpPerPp(bpPer100UsdBn, denominatorUsdBn) });
}

/** Both thresholds of a curve for the two slope levels (bp per $100bn), at a denominator level ($bn). */
export function regimeThresholds(
  curve: Curve,
  denominatorUsdBn: number,
  abundantSlopeBpPer100UsdBn: number,
  scarceSlopeBpPer100UsdBn: number,
): RegimeThresholds {
  if (!(abundantSlopeBpPer100UsdBn < scarceSlopeBpPer100UsdBn)) {
    throw new Error(
      `regimeThresholds: the abundant slope (${abundantSlopeBpPer100UsdBn}) must be below the scarce slope (${scarceSlopeBpPer100UsdBn}) bp per $100bn`,
    );
  }
  return {
    abundantSharePct: boundarySharePct(curve, denominatorUsdBn, abundantSlopeBpPer100UsdBn),
    scarceSharePct: boundarySharePct(curve, denominatorUsdBn, scarceSlopeBpPer100UsdBn),
  };
}

/** The regime of a share (pct) given the thresholds; a missing threshold never bounds. */
export function regimeOf(sharePct: number, t: RegimeThresholds): Regime {
  if (t.scarceSharePct !== undefined && sharePct < t.scarceSharePct) return "scarce";
  if (t.abundantSharePct !== undefined && sharePct < t.abundantSharePct) return "ample";
  return "abundant";
}

/** A band: the 5th, 50th and 95th percentiles of some estimates (sorted copy), with their count. */
export interface Band {
  lo: number;
  mid: number;
  hi: number;
  n: number;
}

/** The 5–50–95 percentile band of finite values; undefined when none is finite. */
export function bandOf(values: readonly (number | undefined)[]): Band | undefined {
  const v = values.filter((x): x is number => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  return { lo: quantileSorted(v, 0.05)!, mid: quantileSorted(v, 0.5)!, hi: quantileSorted(v, 0.95)!, n: v.length };
}

/** A deterministic uniform generator on [0, 1) (mulberry32) from an integer seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Refit the curve on `replicates` resamples of the weeks (drawn with replacement, seeded): the spread of
 * the refits is the curve's sampling uncertainty. A coarser grid than the main fit keeps it fast; a
 * resample whose share does not vary is skipped.
 */
export function bootstrapCurves(
  points: readonly CurvePoint[],
  options: FitOptions & { replicates: number; seed: number },
): FittedCurve[] {
  const rand = seededRandom(options.seed);
  const out: FittedCurve[] = [];
  const n = points.length;
  for (let k = 0; k < options.replicates; k++) {
    const sample = Array.from({ length: n }, () => points[Math.floor(rand() * n)]);
    try {
      out.push(
        fitReserveDemandCurve(sample, {
          form: options.form,
          gridPoints: options.gridPoints ?? 41,
          logisticGridPoints: options.logisticGridPoints ?? 11,
          refinements: options.refinements ?? 3,
        }),
      );
    } catch {
      // a degenerate resample: no fit to add
    }
  }
  return out;
}

/** The curve's band at each share: the 5–95 percentile of the bootstrap curves' spreads (bp). */
export function curveBand(
  curves: readonly Curve[],
  sharesPct: readonly number[],
): { sharePct: number; lo: number; mid: number; hi: number }[] {
  return sharesPct.map((x) => {
    const b = bandOf(curves.map((c) => curveSpreadBp(c, x)))!;
    return { sharePct: x, lo: b.lo, mid: b.mid, hi: b.hi };
  });
}

/** How later weeks sit against a curve fitted before them. */
export interface OutOfSample {
  n: number;
  above: number;
  below: number;
  /** Mean of (observed − fitted), bp: positive when the later weeks sit above the curve. */
  meanResidualBp: number;
  rmseBp: number;
}

/** The fit's errors on points it was not fitted on. */
export function outOfSample(curve: Curve, points: readonly CurvePoint[]): OutOfSample | undefined {
  if (points.length === 0) return undefined;
  const r = points.map((p) => p.spreadBp - curveSpreadBp(curve, p.sharePct));
  return {
    n: r.length,
    above: r.filter((x) => x > 0).length,
    below: r.filter((x) => x < 0).length,
    meanResidualBp: r.reduce((a, b) => a + b, 0) / r.length,
    rmseBp: Math.sqrt(r.reduce((a, b) => a + b * b, 0) / r.length),
  };
}

/**
 * Extrapolation of one path: the months whose share lies below the smallest share the curve was fitted on,
 * and the part of the path's mean implied spread that comes from reading the curve there (the spread at
 * the share, less the spread at the sample's edge, averaged over the path's months).
 */
export function extrapolationOf(
  curve: Curve,
  sharesPct: readonly number[],
  fittedMinSharePct: number,
): { monthsOutside: number; extrapolatedSpreadBp: number } {
  if (sharesPct.length === 0) return { monthsOutside: 0, extrapolatedSpreadBp: 0 };
  const edge = curveSpreadBp(curve, fittedMinSharePct);
  let outside = 0;
  let extra = 0;
  for (const x of sharesPct) {
    if (x < fittedMinSharePct) {
      outside++;
      extra += curveSpreadBp(curve, x) - edge;
    }
  }
  return { monthsOutside: outside, extrapolatedSpreadBp: extra / sharesPct.length };
}

/** A threshold share as $bn at the denominator's level (undefined stays undefined). */
export function thresholdUsdBn(sharePct: number | undefined, denominatorUsdBn: number): number | undefined {
  return sharePct === undefined ? undefined : shareToUsdBn(sharePct, denominatorUsdBn);
}
