/**
 * A series' level over a window of dates: its range and mean, how much of it sits within a band around a
 * reference level (is the balance sheet "stable near $6,550bn"?), the spells in which it was near a level
 * (when was it "about $7,400bn"?), and how often it rose from one observation to the next (are holdings
 * growing week after week?).
 *
 * Units are the series' own ($bn for H.4.1 lines, pct for rates); nothing is converted here. Observations
 * are taken as given: no filling, no smoothing. Pure.
 */

/** A dated observation. */
export interface LevelPoint {
  date: string;
  value: number;
}

/** The level of a series over [from, to]. */
export interface LevelStats {
  /** Observations in the window. */
  n: number;
  first: LevelPoint | undefined;
  last: LevelPoint | undefined;
  min: LevelPoint | undefined;
  max: LevelPoint | undefined;
  /** Mean of the observations, in the series' unit; undefined when n = 0. */
  mean: number | undefined;
}

/** The observations with from <= date <= to (either bound optional). */
export function inWindow(rows: readonly LevelPoint[], from?: string, to?: string): LevelPoint[] {
  return rows.filter((r) => (from === undefined || r.date >= from) && (to === undefined || r.date <= to));
}

/** Range, mean, first and last observation of the series in [from, to]. */
export function levelStats(rows: readonly LevelPoint[], from?: string, to?: string): LevelStats {
  const w = inWindow(rows, from, to);
  if (w.length === 0) {
    return { n: 0, first: undefined, last: undefined, min: undefined, max: undefined, mean: undefined };
  }
  let min = w[0];
  let max = w[0];
  let sum = 0;
  for (const r of w) {
    if (r.value < min.value) min = r;
    if (r.value > max.value) max = r;
    sum += r.value;
  }
  return { n: w.length, first: w[0], last: w[w.length - 1], min, max, mean: sum / w.length };
}

/** How much of a window sits within ±bandFrac of a reference level. */
export interface BandShare {
  n: number;
  /** Observations with |value − level| <= bandFrac × |level|. */
  nWithin: number;
  /** nWithin / n; undefined when n = 0. */
  shareWithinFrac: number | undefined;
  /** The observation farthest from the level, and its distance as a fraction of the level (signed: + above). */
  farthest: (LevelPoint & { distanceFrac: number }) | undefined;
}

/**
 * The share of observations in [from, to] within ±`bandFrac` (a fraction, 0.02 = 2%) of `level`, and the
 * observation farthest from it.
 */
export function shareWithinBand(
  rows: readonly LevelPoint[],
  level: number,
  bandFrac: number,
  from?: string,
  to?: string,
): BandShare {
  if (!(bandFrac >= 0)) throw new Error(`shareWithinBand: bandFrac must be >= 0, got ${bandFrac}`);
  if (level === 0) throw new Error("shareWithinBand: the reference level must not be zero");
  const w = inWindow(rows, from, to);
  let nWithin = 0;
  let farthest: BandShare["farthest"];
  for (const r of w) {
    const distanceFrac = (r.value - level) / Math.abs(level);
    if (Math.abs(distanceFrac) <= bandFrac) nWithin++;
    if (!farthest || Math.abs(distanceFrac) > Math.abs(farthest.distanceFrac)) farthest = { ...r, distanceFrac };
  }
  return { n: w.length, nWithin, shareWithinFrac: w.length ? nWithin / w.length : undefined, farthest };
}

/** A run of consecutive observations within a band around a level. */
export interface LevelSpell {
  first: LevelPoint;
  last: LevelPoint;
  /** Observations in the spell. */
  n: number;
  /** The observation closest to the level. */
  closest: LevelPoint;
}

/**
 * The spells (runs of consecutive observations) in which the series was within ±`bandFrac` of `level`,
 * oldest first: e.g. when total assets stood at "about $7,400bn". A single observation outside the band
 * ends a spell.
 */
export function spellsNearLevel(
  rows: readonly LevelPoint[],
  level: number,
  bandFrac: number,
  from?: string,
  to?: string,
): LevelSpell[] {
  if (!(bandFrac >= 0)) throw new Error(`spellsNearLevel: bandFrac must be >= 0, got ${bandFrac}`);
  const spells: LevelSpell[] = [];
  let current: LevelSpell | undefined;
  for (const r of inWindow(rows, from, to)) {
    const near = Math.abs(r.value - level) <= bandFrac * Math.abs(level);
    if (!near) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { first: r, last: r, n: 1, closest: r };
      spells.push(current);
    } else {
      current.last = r;
      current.n++;
      if (Math.abs(r.value - level) < Math.abs(current.closest.value - level)) current.closest = r;
    }
  }
  return spells;
}

/** Step changes of a series over a window. */
export interface StepSummary {
  /** Steps (pairs of consecutive observations) with both ends in the window. */
  nSteps: number;
  /** Steps with a rise (> 0). */
  nUp: number;
  /** Steps with a fall (< 0). */
  nDown: number;
  /** Last minus first observation in the window, in the series' unit; undefined with fewer than 2. */
  totalChange: number | undefined;
}

/** Counts of rises and falls between consecutive observations in [from, to], and the total change. */
export function stepSummary(rows: readonly LevelPoint[], from?: string, to?: string): StepSummary {
  const w = inWindow(rows, from, to);
  let nUp = 0;
  let nDown = 0;
  for (let i = 1; i < w.length; i++) {
    const d = w[i].value - w[i - 1].value;
    if (d > 0) nUp++;
    else if (d < 0) nDown++;
  }
  return {
    nSteps: Math.max(0, w.length - 1),
    nUp,
    nDown,
    totalChange: w.length >= 2 ? w[w.length - 1].value - w[0].value : undefined,
  };
}

/** One change of level: the last observation before and the first after. */
export interface LevelChange {
  before: LevelPoint;
  after: LevelPoint;
  /** after − before, in the series' unit. */
  change: number;
}

/**
 * The level changes of a step series (such as the target range, one row per calendar day) in [from, to]:
 * each date where the value differs from the previous observation.
 */
export function levelChanges(rows: readonly LevelPoint[], from?: string, to?: string): LevelChange[] {
  const out: LevelChange[] = [];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if ((from !== undefined && r.date < from) || (to !== undefined && r.date > to)) continue;
    if (r.value !== rows[i - 1].value) out.push({ before: rows[i - 1], after: r, change: r.value - rows[i - 1].value });
  }
  return out;
}
