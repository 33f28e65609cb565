/**
 * A reserve-demand curve fitted on the data: the overnight spread to IORB (bp) against reserves as a share
 * of nominal GDP (or of bank deposits), in pct.
 *
 * The idea follows Afonso, Giannone, La Spada & Williams, "Scarce, Abundant, or Ample? A Time-Varying Model
 * of the Reserve Demand Curve", Federal Reserve Bank of New York Staff Report 1019 (2022; revised 2023):
 * the price of overnight funds relative to IORB is flat when reserves are abundant and rises ever more
 * steeply as reserves fall below some level. Their estimates are time-varying and identified differently;
 * qtlab does not reproduce them. It fits one of two simple static forms by least squares:
 *
 * - "exponential": spreadBp = a + b·exp(−c·(share − s0)), c > 0. `a` is the floor the spread approaches
 *   when reserves are abundant, `b` the excess spread at the reference share `s0` (a fixed number, by
 *   default the sample's smallest share), `c` (per pp of share) how fast the excess dies out.
 * - "logistic": spreadBp = a + b / (1 + exp(c·(share − m))), c > 0. Flat at `a` for large shares, at `a + b`
 *   for small ones, steepest at the midpoint `m` (pct).
 *
 * Fitting is deterministic: for each value of the nonlinear parameter(s) on a log-spaced grid (c) and a
 * linear grid (m), a and b are the closed-form OLS solution; the best grid point is refined by zooming the
 * grid around it a fixed number of times. No random start, no iteration that depends on the machine.
 *
 * The "ample" threshold: the share where the curve's slope −d spread / d share falls to a stated level
 * (bp per pp of share), or where the spread crosses a stated level (bp). Both are parameters; converted to
 * $bn with a denominator (e.g. the latest nominal GDP).
 *
 * Sign convention: spreads in bp, positive when the market rate is above IORB; slopes reported as the
 * positive number −d spread / d share (bp per pp) for a curve that falls as reserves rise.
 */
import { quarterStart } from "../calendar.ts";

/** One observation for the fit: reserves as a share of the denominator (pct) and the spread (bp). */
export interface CurvePoint {
  sharePct: number;
  spreadBp: number;
}

/** A weekly sample point with what it was built from. */
export interface CurveSamplePoint extends CurvePoint {
  /** Wednesday ending the H.4.1 week. */
  weekEnding: string;
  reservesUsdBn: number;
  denominatorUsdBn: number;
  /** Date of the denominator observation used (GDP: the quarter's first day; deposits: the Wednesday). */
  denominatorDate: string;
  /** Daily spread observations averaged into the week. */
  spreadDays: number;
}

/** The functional forms qtlab fits. */
export type CurveForm = "exponential" | "logistic";

/** A fitted curve and its goodness of fit. */
export interface FittedCurve {
  form: CurveForm;
  /** Floor (bp) when reserves are abundant. */
  aBp: number;
  /** Exponential: excess spread at `s0Pct` (bp). Logistic: the height of the step, a+b at scarce reserves (bp). */
  bBp: number;
  /** Steepness (per pp of share). */
  cPerPp: number;
  /** Exponential: the reference share s0 (pct). Logistic: the midpoint m (pct). */
  centerPct: number;
  /** Observations used. */
  n: number;
  /** Coefficient of determination, 1 − SSE/SST. */
  r2: number;
  /** Root mean squared error (bp). */
  rmseBp: number;
  /** Smallest and largest share in the sample (pct): the curve is data-backed only in this range. */
  shareRangePct: [number, number];
}

/** Options of {@link fitReserveDemandCurve}. */
export interface FitOptions {
  form?: CurveForm;
  /** Exponential: the reference share s0 (pct); default the sample's smallest share. */
  s0Pct?: number;
  /** Grid for c (per pp): log-spaced from cMin to cMax. */
  cMin?: number;
  cMax?: number;
  /** Exponential: points on the grid for c. */
  gridPoints?: number;
  /** Logistic: points per dimension of the (c, midpoint) grid. */
  logisticGridPoints?: number;
  /** Zoom-in refinements of the grid around the best point. */
  refinements?: number;
  /**
   * Fix the floor `a` (bp) instead of fitting it: in practice the curve's floor is the administered
   * spread of the ON RRP rate to IORB, set by the FOMC, not something the data estimate.
   */
  floorBp?: number;
}

/** Defaults of {@link fitReserveDemandCurve}. */
export const fitDefaults = {
  form: "exponential" as CurveForm,
  cMin: 0.02,
  cMax: 20,
  gridPoints: 121,
  logisticGridPoints: 21,
  refinements: 5,
} as const;

/** The curve's spread at a share. Units: pct in, bp out. */
export function curveSpreadBp(
  curve: Pick<FittedCurve, "form" | "aBp" | "bBp" | "cPerPp" | "centerPct">,
  sharePct: number,
): number {
  return curve.aBp + curve.bBp * basis(curve.form, curve.cPerPp, curve.centerPct, sharePct);
}

/** The curve's slope as the positive number −d spread / d share, in bp per pp of share. */
export function curveSlopeBpPerPp(
  curve: Pick<FittedCurve, "form" | "bBp" | "cPerPp" | "centerPct">,
  sharePct: number,
): number {
  const { bBp: b, cPerPp: c, centerPct: m } = curve;
  if (curve.form === "exponential") return b * c * Math.exp(-c * (sharePct - m));
  const u = Math.exp(c * (sharePct - m));
  return (b * c * u) / ((1 + u) * (1 + u));
}

/** The nonlinear basis g(x) the linear part multiplies: spread = a + b·g(x). */
function basis(form: CurveForm, c: number, center: number, x: number): number {
  return form === "exponential" ? Math.exp(-c * (x - center)) : 1 / (1 + Math.exp(c * (x - center)));
}

/** Closed-form OLS of y on [1, g]: a, b and the SSE. Undefined when g does not vary. */
function olsOnBasis(
  x: readonly number[],
  y: readonly number[],
  g: (x: number) => number,
  floorBp?: number,
): { a: number; b: number; sse: number } | undefined {
  const n = x.length;
  if (floorBp !== undefined) {
    // The floor fixed (e.g. the administered ON RRP − IORB spread): b alone, by least squares through it.
    let sgg = 0;
    let sgy = 0;
    const gs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      gs[i] = g(x[i]);
      sgg += gs[i] * gs[i];
      sgy += gs[i] * (y[i] - floorBp);
    }
    if (!(sgg > 1e-12) || !Number.isFinite(sgg)) return undefined;
    const b = sgy / sgg;
    let sse = 0;
    for (let i = 0; i < n; i++) sse += (y[i] - floorBp - b * gs[i]) ** 2;
    return Number.isFinite(sse) ? { a: floorBp, b, sse } : undefined;
  }
  let sg = 0;
  let sy = 0;
  const gs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    gs[i] = g(x[i]);
    sg += gs[i];
    sy += y[i];
  }
  const mg = sg / n;
  const my = sy / n;
  let sgg = 0;
  let sgy = 0;
  for (let i = 0; i < n; i++) {
    sgg += (gs[i] - mg) * (gs[i] - mg);
    sgy += (gs[i] - mg) * (y[i] - my);
  }
  if (!(sgg > 1e-12 * n) || !Number.isFinite(sgg)) return undefined;
  const b = sgy / sgg;
  const a = my - b * mg;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - a - b * gs[i];
    sse += r * r;
  }
  return Number.isFinite(sse) ? { a, b, sse } : undefined;
}

/** A log-spaced grid of `n` points from lo to hi (lo, hi > 0). */
function logGrid(lo: number, hi: number, n: number): number[] {
  if (n === 1) return [Math.sqrt(lo * hi)];
  const l = Math.log(lo);
  const step = (Math.log(hi) - l) / (n - 1);
  return Array.from({ length: n }, (_, i) => Math.exp(l + i * step));
}

/** A linear grid of `n` points from lo to hi. */
function linGrid(lo: number, hi: number, n: number): number[] {
  if (n === 1) return [(lo + hi) / 2];
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/**
 * Fit spread (bp) on share (pct) by least squares with the chosen form (see the module note). Throws on
 * fewer than 4 points, non-finite values, or a sample whose share does not vary. Deterministic: the same
 * points and options give the same parameters on every machine.
 */
export function fitReserveDemandCurve(points: readonly CurvePoint[], options: FitOptions = {}): FittedCurve {
  const form = options.form ?? fitDefaults.form;
  if (form !== "exponential" && form !== "logistic") {
    throw new Error(`fitReserveDemandCurve: unknown form "${form}" (use "exponential" or "logistic")`);
  }
  if (points.length < 4) throw new Error(`fitReserveDemandCurve: need at least 4 points, got ${points.length}`);
  for (const p of points) {
    if (!Number.isFinite(p.sharePct) || !Number.isFinite(p.spreadBp)) {
      throw new Error(`fitReserveDemandCurve: non-finite point (share ${p.sharePct}, spread ${p.spreadBp})`);
    }
  }
  const x = points.map((p) => p.sharePct);
  const y = points.map((p) => p.spreadBp);
  const xMin = Math.min(...x);
  const xMax = Math.max(...x);
  if (!(xMax > xMin)) throw new Error("fitReserveDemandCurve: the share does not vary across the sample");
  const cMin = options.cMin ?? fitDefaults.cMin;
  const cMax = options.cMax ?? fitDefaults.cMax;
  const nGrid = options.gridPoints ?? fitDefaults.gridPoints;
  const refinements = options.refinements ?? fitDefaults.refinements;

  let best: { a: number; b: number; c: number; center: number; sse: number } | undefined;
  const consider = (c: number, center: number) => {
    const r = olsOnBasis(x, y, (v) => basis(form, c, center, v), options.floorBp);
    if (r && (!best || r.sse < best.sse)) best = { ...r, c, center };
  };

  if (form === "exponential") {
    const s0 = options.s0Pct ?? xMin;
    let grid = logGrid(cMin, cMax, nGrid);
    for (let round = 0; round <= refinements; round++) {
      for (const c of grid) consider(c, s0);
      if (!best) break;
      const i = grid.indexOf(best.c);
      const lo = grid[Math.max(0, i - 1)];
      const hi = grid[Math.min(grid.length - 1, i + 1)];
      grid = logGrid(lo, hi, nGrid);
    }
  } else {
    const nG = Math.max(3, options.logisticGridPoints ?? fitDefaults.logisticGridPoints);
    let cGrid = logGrid(cMin, cMax, nG);
    let mGrid = linGrid(xMin, xMax, nG);
    for (let round = 0; round <= refinements; round++) {
      for (const c of cGrid) for (const m of mGrid) consider(c, m);
      if (!best) break;
      const ci = cGrid.indexOf(best.c);
      const mi = mGrid.indexOf(best.center);
      cGrid = logGrid(cGrid[Math.max(0, ci - 1)], cGrid[Math.min(cGrid.length - 1, ci + 1)], nG);
      mGrid = linGrid(mGrid[Math.max(0, mi - 1)], mGrid[Math.min(mGrid.length - 1, mi + 1)], nG);
    }
  }
  if (!best) throw new Error("fitReserveDemandCurve: no grid point gave a finite fit");
  const n = points.length;
  const my = y.reduce((s, v) => s + v, 0) / n;
  const sst = y.reduce((s, v) => s + (v - my) * (v - my), 0);
  return {
    form,
    aBp: best.a,
    bBp: best.b,
    cPerPp: best.c,
    centerPct: best.center,
    n,
    r2: sst > 0 ? 1 - best.sse / sst : NaN,
    rmseBp: Math.sqrt(best.sse / n),
    shareRangePct: [xMin, xMax],
  };
}

/** How the "ample" threshold is read off a fitted curve. */
export type AmpleRule =
  /** The share where −d spread / d share falls to `bpPerPp` (on the abundant side of the curve). */
  | { kind: "slope"; bpPerPp: number }
  /** The share where the spread crosses `bp` (e.g. 0: the market rate equals IORB). */
  | { kind: "spread"; bp: number };

/**
 * The "ample" threshold share (pct) of a fitted curve under `rule`, or undefined when the curve never
 * reaches the stated slope or spread (e.g. a spread level below the floor `a`, or a curve that slopes the
 * wrong way). Above the threshold the curve is flatter (or the spread lower) than the stated level.
 */
export function ampleThresholdSharePct(
  curve: Pick<FittedCurve, "form" | "aBp" | "bBp" | "cPerPp" | "centerPct">,
  rule: AmpleRule,
): number | undefined {
  const { aBp: a, bBp: b, cPerPp: c, centerPct: m } = curve;
  if (!(b > 0) || !(c > 0)) return undefined;
  if (rule.kind === "slope") {
    const k = rule.bpPerPp;
    if (!(k > 0)) throw new Error(`ampleThresholdSharePct: slope level must be > 0 bp per pp, got ${k}`);
    if (curve.form === "exponential") return m + Math.log((b * c) / k) / c;
    // logistic: b·c·u/(1+u)² = k with u = exp(c(x − m)); the abundant-side root (u ≥ 1).
    const q = b * c - 2 * k;
    const disc = q * q - 4 * k * k;
    if (b * c < 4 * k || disc < 0) return undefined;
    const u = (q + Math.sqrt(disc)) / (2 * k);
    return m + Math.log(u) / c;
  }
  const level = rule.bp;
  if (curve.form === "exponential") return level > a ? m - Math.log((level - a) / b) / c : undefined;
  if (!(level > a && level < a + b)) return undefined;
  return m + Math.log(b / (level - a) - 1) / c;
}

/** A share (pct) of a denominator ($bn) in $bn. FROM: pct of $bn. TO: $bn. */
export function shareToUsdBn(sharePct: number, denominatorUsdBn: number): number {
  return (sharePct / 100) * denominatorUsdBn;
}

/** $bn as a share (pct) of a denominator ($bn). FROM: $bn. TO: pct. */
export function usdBnToSharePct(usdBn: number, denominatorUsdBn: number): number {
  return (usdBn / denominatorUsdBn) * 100;
}

/**
 * Build the weekly fit sample: for each week with a reserves figure (H.4.1 WRESBAL, the week average to
 * the Wednesday) and a weekly mean spread over the same Thursday–Wednesday week, reserves as a share of the
 * denominator in effect that Wednesday: for a quarterly series (GDP, dated on the quarter's first day) the
 * quarter containing the Wednesday; for a weekly series (deposits) the same Wednesday. Weeks without a
 * denominator observation (e.g. after the last published quarter) are left out, never extrapolated.
 * `from` (ISO) drops earlier weeks: IORB starts 2021-07-29, so spreads to IORB start there.
 */
export function buildCurveSample(input: {
  reservesWeekly: readonly { date: string; value: number }[];
  spreadWeekly: readonly { weekEnding: string; meanBp: number; days: number }[];
  denominator: readonly { date: string; value: number }[];
  denominatorFrequency: "quarterly" | "weekly";
  from?: string;
  to?: string;
}): CurveSamplePoint[] {
  const spread = new Map(input.spreadWeekly.map((w) => [w.weekEnding, w]));
  const denomByDate = new Map(input.denominator.map((d) => [d.date, d.value]));
  const out: CurveSamplePoint[] = [];
  for (const r of input.reservesWeekly) {
    if (input.from && r.date < input.from) continue;
    if (input.to && r.date > input.to) continue;
    const s = spread.get(r.date);
    if (!s) continue;
    const dDate = input.denominatorFrequency === "quarterly" ? quarterStart(r.date) : r.date;
    const d = denomByDate.get(dDate);
    if (d === undefined) continue;
    out.push({
      weekEnding: r.date,
      reservesUsdBn: r.value,
      denominatorUsdBn: d,
      denominatorDate: dDate,
      sharePct: usdBnToSharePct(r.value, d),
      spreadBp: s.meanBp,
      spreadDays: s.days,
    });
  }
  return out;
}
