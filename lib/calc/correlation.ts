/**
 * Pearson's correlation coefficient of two paired samples, always reported with its sample size n.
 *
 * A correlation says how tightly two series move together in the sample given, nothing about cause, and
 * for two trending levels almost nothing at all (both rise with time, so r is near 1 whatever links them).
 * qtlab therefore reports correlations of changes beside any correlation of levels.
 */

/** A correlation coefficient with the number of pairs it was computed on. */
export interface Correlation {
  /** Pearson's r, unitless, in [−1, 1]. */
  r: number;
  /** Number of pairs. */
  n: number;
}

/** Options of {@link pearson}. */
export interface PearsonOptions {
  /** Fewest pairs accepted (default 3: with two points r is always ±1). */
  minN?: number;
}

/** Defaults of {@link pearson}. */
export const defaults = { minN: 3 } as const;

/**
 * Pearson's r of paired samples `x` and `y` (any units; r is unitless): cov(x, y) / (sd(x) sd(y)),
 * computed on deviations from the means (two-pass, so large levels such as $bn do not lose precision).
 *
 * Refuses, with an Error: samples of different lengths (pairs must be aligned by the caller), fewer than
 * `minN` pairs, a value that is not a finite number (a missing value is never dropped or filled here),
 * and a sample with zero variance (r undefined).
 */
export function pearson(x: readonly number[], y: readonly number[], options: PearsonOptions = {}): Correlation {
  const minN = options.minN ?? defaults.minN;
  if (x.length !== y.length) {
    throw new Error(`pearson: samples differ in length (${x.length} and ${y.length}); align the pairs first`);
  }
  const n = x.length;
  if (n < minN) throw new Error(`pearson: ${n} pairs, fewer than the ${minN} required`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new Error(`pearson: pair ${i} is not finite (${x[i]}, ${y[i]})`);
    }
  }
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) throw new Error("pearson: a sample has zero variance, r is undefined");
  const r = sxy / Math.sqrt(sxx * syy);
  return { r: Math.max(-1, Math.min(1, r)), n };
}

/**
 * Log changes of a positive series: ln(v[i] / v[i−1]) for i = 1 … n−1 (unitless; 0.01 ≈ +1%).
 * Refuses a value that is not a finite positive number.
 */
export function logChanges(values: readonly number[]): number[] {
  for (let i = 0; i < values.length; i++) {
    if (!(Number.isFinite(values[i]) && values[i] > 0)) {
      throw new Error(`logChanges: value ${i} is not a finite positive number (${values[i]})`);
    }
  }
  return values.slice(1).map((v, i) => Math.log(v / values[i]));
}

/** A two-sided confidence interval for r, unitless. */
export interface CorrelationInterval {
  lo: number;
  hi: number;
}

/**
 * Approximate two-sided confidence interval for Pearson's r by Fisher's z-transformation (R. A. Fisher,
 * "On the probable error of a coefficient of correlation deduced from a small sample", Metron 1921):
 * tanh(atanh(r) ± zCrit / √(n − 3)); default zCrit 1.959964 gives 95%. It assumes independent pairs from a
 * bivariate normal: fair for weekly or monthly changes, meaningless for trending levels, whose pairs are
 * far from independent. Refuses n ≤ 3 and |r| ≥ 1.
 */
export function correlationInterval(c: Correlation, zCrit = 1.959964): CorrelationInterval {
  if (c.n <= 3) throw new Error(`correlationInterval: n = ${c.n}, needs more than 3 pairs`);
  if (!(Math.abs(c.r) < 1)) throw new Error(`correlationInterval: r = ${c.r} must lie strictly inside (−1, 1)`);
  const z = Math.atanh(c.r);
  const se = 1 / Math.sqrt(c.n - 3);
  return { lo: Math.tanh(z - zCrit * se), hi: Math.tanh(z + zCrit * se) };
}
