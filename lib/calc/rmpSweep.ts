/**
 * A vectorised sweep of the RMP scenario engine over purchase size × organic liability growth × a shift of
 * the reserve-demand curve's threshold, on typed arrays, for fan charts and sensitivity tables.
 *
 * Each path is the engine's identity (lib/calc/rmpScenarios.ts) with one size s, one organic drain d (the
 * sum of currency, TGA and other-liability growth, $bn/month) and one curve shift h (pp of GDP):
 *
 *   reserves_t = reserves_{t−1} + s·w_t − d        spread_t = f(100·reserves_t / GDP_t − h)
 *
 * with w_t the schedule's weight (flat or front-loaded, {@link scheduleWeights}) and f the fitted curve. A
 * positive shift moves the curve right: banks want more reserves for the same spread (the article's
 * regulation-driven "lowest comfortable level", RMP-8). MBS principal reinvested in bills is
 * reserve-neutral and does not appear.
 *
 * Output layout: month-major, `values[t · nPaths + p]` for month index t = 0 … horizon − 1 and path
 * p = (iSize · nDrains + iDrain) · nShifts + iShift, so one month's paths are contiguous. Every path is
 * weighted equally in the quantiles. The sweep allocates its two result arrays (or writes into a caller's
 * {@link SweepWorkspace}), one GDP array and, per quantile call, one scratch array and the output: nothing
 * per path.
 */
import type { FittedCurve } from "./reserveDemand.ts";
import { type EngineOptions, gdpAfterMonths, ScenarioInputError, scheduleWeights } from "./rmpScenarios.ts";

/** The sweep's inputs. Sizes, drains and shifts are the grid's axes. */
export interface SweepInput {
  startReservesUsdBn: number;
  gdpStartUsdBn: number;
  gdpGrowthPctPerYear: number;
  schedule: Pick<EngineOptions, "horizonMonths" | "schedule" | "frontLoadMonths" | "frontLoadMultiple">;
  /** Monthly purchase sizes ($bn/month, each ≥ 0). */
  sizesUsdBnPerMonth: Float64Array | readonly number[];
  /** Organic drains: currency + TGA + other liability growth ($bn/month). */
  organicDrainsUsdBnPerMonth: Float64Array | readonly number[];
  /** Curve shifts (pp of GDP); [0] when the threshold is not swept. */
  curveShiftsPp: Float64Array | readonly number[];
  /** The fitted curve; without it only reserves are computed. */
  curve?: Pick<FittedCurve, "form" | "aBp" | "bBp" | "cPerPp" | "centerPct">;
}

/** The sweep's raw paths. */
export interface SweepResult {
  horizonMonths: number;
  nSizes: number;
  nDrains: number;
  nShifts: number;
  nPaths: number;
  /** Reserves ($bn), month-major (see the module note). */
  reservesUsdBn: Float64Array;
  /** Spread (bp), same layout; length 0 without a curve. */
  spreadBp: Float64Array;
}

/**
 * Output arrays a caller that reruns the sweep keeps between runs (a live view redrawing on every input):
 * {@link runSweep} writes into them instead of allocating two arrays per run, growing them when a run needs
 * more. A result written into a workspace is valid until the next run with the same workspace.
 */
export interface SweepWorkspace {
  reservesUsdBn: Float64Array;
  spreadBp: Float64Array;
}

/** An empty workspace (its arrays grow on the first run). */
export function sweepWorkspace(): SweepWorkspace {
  return { reservesUsdBn: new Float64Array(0), spreadBp: new Float64Array(0) };
}

/** Path index of grid point (size i, drain j, shift k). */
export function pathIndex(r: Pick<SweepResult, "nDrains" | "nShifts">, i: number, j: number, k: number): number {
  return (i * r.nDrains + j) * r.nShifts + k;
}

/**
 * Run the sweep (see the module note). With a `workspace`, the result's arrays are views of its arrays
 * (overwritten by the next run with it); without one, they are allocated. Throws a ScenarioInputError on an
 * empty axis, a negative or non-finite size, or a horizon that is not an integer ≥ 1.
 */
export function runSweep(input: SweepInput, workspace?: SweepWorkspace): SweepResult {
  const h = input.schedule.horizonMonths;
  if (!Number.isInteger(h) || h < 1) throw new ScenarioInputError(`horizon must be an integer ≥ 1 month, got ${h}`);
  const sizes = input.sizesUsdBnPerMonth;
  const drains = input.organicDrainsUsdBnPerMonth;
  const shifts = input.curveShiftsPp;
  if (sizes.length === 0 || drains.length === 0 || shifts.length === 0) {
    throw new ScenarioInputError("sweep: every axis needs at least one value");
  }
  for (let i = 0; i < sizes.length; i++) {
    if (!Number.isFinite(sizes[i]) || sizes[i] < 0) {
      throw new ScenarioInputError(`sweep: size must be a finite number ≥ 0 $bn/month, got ${sizes[i]}`);
    }
  }
  const weights = scheduleWeights(input.schedule);
  const nS = sizes.length;
  const nD = drains.length;
  const nK = shifts.length;
  const nPaths = nS * nD * nK;
  const curve = input.curve;
  const n = h * nPaths;
  let reserves: Float64Array;
  let spread: Float64Array;
  if (workspace) {
    if (workspace.reservesUsdBn.length < n) workspace.reservesUsdBn = new Float64Array(n);
    if (curve && workspace.spreadBp.length < n) workspace.spreadBp = new Float64Array(n);
    reserves = workspace.reservesUsdBn.subarray(0, n);
    spread = curve ? workspace.spreadBp.subarray(0, n) : new Float64Array(0);
  } else {
    reserves = new Float64Array(n);
    spread = new Float64Array(curve ? n : 0);
  }
  const gdp = new Float64Array(h);
  for (let t = 0; t < h; t++) gdp[t] = gdpAfterMonths(input.gdpStartUsdBn, input.gdpGrowthPctPerYear, t + 1);
  const sz = sizes instanceof Float64Array ? sizes : Float64Array.from(sizes);
  const dr = drains instanceof Float64Array ? drains : Float64Array.from(drains);
  if (!curve) {
    fillReserves(reserves, weights, sz, dr, nK, input.startReservesUsdBn);
  } else {
    // One exp per path and month: with x = share − shift, exp(∓c(x − m)) = exp(∓c(share − m))·exp(±c·shift).
    const exponential = curve.form === "exponential";
    const c = curve.cPerPp;
    const shiftFactor = new Float64Array(nK);
    for (let k = 0; k < nK; k++) shiftFactor[k] = Math.exp(exponential ? c * shifts[k] : -c * shifts[k]);
    const fill = exponential ? fillExponential : fillLogistic;
    fill(
      reserves,
      spread,
      gdp,
      weights,
      sz,
      dr,
      shiftFactor,
      input.startReservesUsdBn,
      curve.aBp,
      curve.bBp,
      c,
      curve.centerPct,
    );
  }
  return { horizonMonths: h, nSizes: nS, nDrains: nD, nShifts: nK, nPaths, reservesUsdBn: reserves, spreadBp: spread };
}

// The sweep's inner loops, one function per curve form, apart from runSweep's checks and allocations: each
// reads numbers and Float64Arrays only and has no branch its first run does not take, so the engine
// optimises it once, early, and keeps it optimised. Path p = (i·nDrains + j)·nShifts + k, month-major.

/** Reserves only (no curve). */
function fillReserves(
  reserves: Float64Array,
  weights: Float64Array,
  sizes: Float64Array,
  drains: Float64Array,
  nK: number,
  startUsdBn: number,
): void {
  const nS = sizes.length;
  const nD = drains.length;
  const h = weights.length;
  const nPaths = nS * nD * nK;
  for (let i = 0; i < nS; i++) {
    const s = sizes[i];
    for (let j = 0; j < nD; j++) {
      const d = drains[j];
      let r = startUsdBn;
      const base = (i * nD + j) * nK;
      for (let t = 0; t < h; t++) {
        r = r + s * weights[t] - d;
        const row = t * nPaths + base;
        for (let k = 0; k < nK; k++) reserves[row + k] = r;
      }
    }
  }
}

/** Reserves and the exponential curve's spread a + b·exp(−c(share − shift − m)). */
function fillExponential(
  reserves: Float64Array,
  spread: Float64Array,
  gdp: Float64Array,
  weights: Float64Array,
  sizes: Float64Array,
  drains: Float64Array,
  shiftFactor: Float64Array,
  startUsdBn: number,
  a: number,
  b: number,
  c: number,
  m: number,
): void {
  const nS = sizes.length;
  const nD = drains.length;
  const nK = shiftFactor.length;
  const h = weights.length;
  const nPaths = nS * nD * nK;
  for (let i = 0; i < nS; i++) {
    const s = sizes[i];
    for (let j = 0; j < nD; j++) {
      const d = drains[j];
      let r = startUsdBn;
      const base = (i * nD + j) * nK;
      for (let t = 0; t < h; t++) {
        r = r + s * weights[t] - d;
        const row = t * nPaths + base;
        const e = b * Math.exp(-c * ((r / gdp[t]) * 100 - m));
        for (let k = 0; k < nK; k++) {
          reserves[row + k] = r;
          spread[row + k] = a + e * shiftFactor[k];
        }
      }
    }
  }
}

/** Reserves and the logistic curve's spread a + b / (1 + exp(c(share − shift − m))). */
function fillLogistic(
  reserves: Float64Array,
  spread: Float64Array,
  gdp: Float64Array,
  weights: Float64Array,
  sizes: Float64Array,
  drains: Float64Array,
  shiftFactor: Float64Array,
  startUsdBn: number,
  a: number,
  b: number,
  c: number,
  m: number,
): void {
  const nS = sizes.length;
  const nD = drains.length;
  const nK = shiftFactor.length;
  const h = weights.length;
  const nPaths = nS * nD * nK;
  for (let i = 0; i < nS; i++) {
    const s = sizes[i];
    for (let j = 0; j < nD; j++) {
      const d = drains[j];
      let r = startUsdBn;
      const base = (i * nD + j) * nK;
      for (let t = 0; t < h; t++) {
        r = r + s * weights[t] - d;
        const row = t * nPaths + base;
        const e = Math.exp(c * ((r / gdp[t]) * 100 - m));
        for (let k = 0; k < nK; k++) {
          reserves[row + k] = r;
          spread[row + k] = a + b / (1 + e * shiftFactor[k]);
        }
      }
    }
  }
}

/** Quantiles per month: `values[q · horizon + t]` for quantile index q and month index t. */
export interface FanQuantiles {
  quantiles: number[];
  horizonMonths: number;
  values: Float64Array;
}

/**
 * Quantiles of one field across all paths, for every month (linear interpolation between order
 * statistics, as d3-array's `quantile`). `field` is the sweep's reserves or spread array. Order statistics
 * come from an in-place selection (quickselect with Hoare partitioning and median-of-three pivots: deterministic) on one
 * scratch copy per call, not from a full sort.
 */
export function fanQuantiles(
  result: SweepResult,
  field: "reservesUsdBn" | "spreadBp",
  quantiles: readonly number[],
): FanQuantiles {
  const data = result[field];
  if (data.length === 0) throw new Error(`fanQuantiles: the sweep has no ${field} (no curve given?)`);
  for (const q of quantiles) {
    if (!(q >= 0 && q <= 1)) throw new Error(`fanQuantiles: quantile must be in [0, 1], got ${q}`);
  }
  const h = result.horizonMonths;
  const n = result.nPaths;
  const out = new Float64Array(quantiles.length * h);
  const scratch = new Float64Array(n);
  // Visit quantiles in ascending order so each selection can start where the previous one ended.
  const order = quantiles.map((q, i) => [q, i] as const).sort((x, y) => x[0] - y[0]);
  for (let t = 0; t < h; t++) {
    scratch.set(data.subarray(t * n, (t + 1) * n));
    let from = 0;
    for (const [q, qi] of order) {
      const pos = (n - 1) * q;
      const lo = Math.floor(pos);
      select(scratch, lo, from, n - 1);
      from = lo;
      let v = scratch[lo];
      if (pos > lo) {
        // The next order statistic is the smallest value right of lo (all of them are ≥ scratch[lo]).
        let next = Infinity;
        for (let i = lo + 1; i < n; i++) if (scratch[i] < next) next = scratch[i];
        v = v + (next - v) * (pos - lo);
      }
      out[qi * h + t] = v;
    }
  }
  return { quantiles: [...quantiles], horizonMonths: h, values: out };
}

/**
 * Rearrange a[left..right] so that a[k] holds the value a full sort would put there, with no larger value
 * left of it and no smaller value right of it (Hoare partitioning around a median-of-three pivot; runs of
 * equal values, common in a sweep whose axes leave reserves unchanged, split evenly).
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const mid = (left + right) >> 1;
    const x = a[left];
    const y = a[mid];
    const z = a[right];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** `n` evenly spaced values from lo to hi (one value when lo = hi or n = 1). */
export function linspace(lo: number, hi: number, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new Error(`linspace: n must be an integer ≥ 1, got ${n}`);
  if (n === 1 || lo === hi) return Float64Array.of(n === 1 ? (lo + hi) / 2 : lo);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + ((hi - lo) * i) / (n - 1);
  return out;
}

/** One path's value at month index t (reserves $bn or spread bp), for sensitivity read-outs. */
export function pathValue(result: SweepResult, field: "reservesUsdBn" | "spreadBp", t: number, p: number): number {
  return result[field][t * result.nPaths + p];
}
