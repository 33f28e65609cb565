/**
 * Money-market scarcity signals: overnight rates against the interest rate on reserve balances (IORB).
 *
 * When reserves are abundant, banks lend cash in repo and fed funds below what the Fed pays on reserves,
 * so SOFR − IORB and EFFR − IORB are negative. When reserves grow scarce the spreads rise toward zero and
 * above it: a bank pays more in the market than it earns on reserves. qtlab reads a positive spread as the
 * scarcity signal (the Fed's own framing in its ample-reserves regime; see the FOMC's "Principles for
 * Reducing the Size of the Federal Reserve's Balance Sheet", 2022-01-26).
 *
 * Sign convention: spreadBp = (rate − reference) × 100, positive when the market rate is above IORB.
 * Inputs are rates in pct (as the H.15 loaders return them); outputs are in bp.
 * IORB exists only from 2021-07-29 (it replaced IOER, which qtlab does not ship), so spreads to IORB start
 * there; nothing here fills or extends a series.
 */
import { addDays } from "../calendar.ts";
import { pctToBp } from "../units.ts";

/**
 * IORB's first day: the interest rate on reserve balances replaced IOER and IORR on 2021-07-29 (Federal
 * Reserve Board press release, 2021-06-16; FRED IORB starts that day). No spread to IORB exists before it.
 */
export const IORB_START = "2021-07-29";

/** A dated episode of money-market strain that charts mark (a day, or a window from `date` to `to`). */
export interface ScarcityEpisode {
  id: string;
  date: string;
  to?: string;
  label: string;
  description: string;
  source: string;
}

/**
 * The episodes qtlab's money-market charts mark. Their dates and levels are those of the shipped data: the
 * 2019 spike is the SOFR print of that day against the target range; the late-2025 window is the run of
 * months in which SOFR − IORB was positive on most days (see {@link daysAboveByMonth}; test/calc checks it).
 */
export const SCARCITY_EPISODES: readonly ScarcityEpisode[] = [
  {
    id: "repo-spike-2019",
    date: "2019-09-17",
    label: "Sep 2019 repo spike",
    description:
      "SOFR printed 5.25% with the target range at 2.00–2.25%; the Fed answered with repo operations and, from October 2019, bill purchases.",
    source:
      "New York Fed SOFR and Federal Reserve Board target range (DFEDTARU/DFEDTARL), via FRED; FOMC statement regarding monetary policy implementation, 2019-10-11",
  },
  {
    id: "late-2025",
    date: "2025-10-01",
    to: "2025-12-31",
    label: "late 2025: SOFR above IORB most days",
    description: "SOFR − IORB positive on most business days in each month from October to December 2025.",
    source: "New York Fed SOFR and Federal Reserve Board IORB, via FRED",
  },
];

/** A dated value (ISO date YYYY-MM-DD), as the loaders return them. */
export interface DatedValue {
  date: string;
  value: number;
}

/** One daily spread observation in bp. */
export interface SpreadPoint {
  date: string;
  spreadBp: number;
}

/**
 * Daily spread (rate − reference) in bp on the dates where both series have a value; dates present in
 * only one series are skipped, never filled. Both inputs in pct, sorted by date.
 * FROM: pct, pct. TO: bp. Float noise of the subtraction is rounded off at 1e-6 bp.
 */
export function spreadBpDaily(rate: readonly DatedValue[], reference: readonly DatedValue[]): SpreadPoint[] {
  const ref = new Map(reference.map((r) => [r.date, r.value]));
  const out: SpreadPoint[] = [];
  for (const r of rate) {
    const v = ref.get(r.date);
    if (v === undefined) continue;
    out.push({ date: r.date, spreadBp: roundNoise(pctToBp(r.value - v)) });
  }
  return out;
}

/** Round float noise off a bp figure (1e-6 bp), keeping every published digit. */
function roundNoise(bp: number): number {
  return Math.round(bp * 1e6) / 1e6;
}

/** Rolling statistics of a spread over the last `windowDays` observations (business days). */
export interface RollingSpread {
  /** Date of the window's last observation. */
  date: string;
  meanBp: number;
  minBp: number;
  maxBp: number;
  /** Observations in the window with spread > `thresholdBp`. */
  daysAbove: number;
  /** Observations in the window (always `windowDays`). */
  days: number;
}

/** Defaults of {@link rollingSpreadStats}. */
export const rollingDefaults = {
  /** About one month of business days. */
  windowDays: 20,
  thresholdBp: 0,
} as const;

/**
 * Rolling mean, min, max and count above a threshold over a window of `windowDays` consecutive
 * observations (the daily series holds business days only, so the window counts business days).
 * The first output is at the window's first full length: `points.length − windowDays + 1` rows
 * (none when the series is shorter than the window). Units: bp in, bp out.
 */
export function rollingSpreadStats(
  points: readonly SpreadPoint[],
  options: { windowDays?: number; thresholdBp?: number } = {},
): RollingSpread[] {
  const windowDays = options.windowDays ?? rollingDefaults.windowDays;
  const thresholdBp = options.thresholdBp ?? rollingDefaults.thresholdBp;
  if (!Number.isInteger(windowDays) || windowDays < 1) {
    throw new Error(`rollingSpreadStats: windowDays must be a positive integer, got ${windowDays}`);
  }
  const out: RollingSpread[] = [];
  let sum = 0;
  let above = 0;
  for (let i = 0; i < points.length; i++) {
    sum += points[i].spreadBp;
    if (points[i].spreadBp > thresholdBp) above++;
    if (i >= windowDays) {
      sum -= points[i - windowDays].spreadBp;
      if (points[i - windowDays].spreadBp > thresholdBp) above--;
    }
    if (i < windowDays - 1) continue;
    let min = Infinity;
    let max = -Infinity;
    for (let j = i - windowDays + 1; j <= i; j++) {
      const v = points[j].spreadBp;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    out.push({
      date: points[i].date,
      meanBp: roundNoise(sum / windowDays),
      minBp: min,
      maxBp: max,
      daysAbove: above,
      days: windowDays,
    });
  }
  return out;
}

/** One calendar month of a daily spread. */
export interface MonthlySpread {
  /** "YYYY-MM". */
  month: string;
  /** Observations in the month. */
  days: number;
  /** Observations with spread > `thresholdBp`. */
  daysAbove: number;
  meanBp: number;
  maxBp: number;
}

/**
 * Per calendar month: observations, days with spread strictly above `thresholdBp` (default 0: the market
 * rate above IORB), mean and maximum spread in bp. Months with no observation do not appear.
 */
export function daysAboveByMonth(points: readonly SpreadPoint[], thresholdBp = 0): MonthlySpread[] {
  const out: MonthlySpread[] = [];
  let cur: { month: string; days: number; daysAbove: number; sum: number; maxBp: number } | undefined;
  const flush = () => {
    if (cur) {
      out.push({
        month: cur.month,
        days: cur.days,
        daysAbove: cur.daysAbove,
        meanBp: roundNoise(cur.sum / cur.days),
        maxBp: cur.maxBp,
      });
    }
  };
  for (const p of points) {
    const month = p.date.slice(0, 7);
    if (!cur || cur.month !== month) {
      flush();
      cur = { month, days: 0, daysAbove: 0, sum: 0, maxBp: -Infinity };
    }
    cur.days++;
    cur.sum += p.spreadBp;
    if (p.spreadBp > thresholdBp) cur.daysAbove++;
    if (p.spreadBp > cur.maxBp) cur.maxBp = p.spreadBp;
  }
  flush();
  return out;
}

/** Days with spread above a threshold between two dates (inclusive), with the sample size. */
export interface DaysAboveCount {
  from: string;
  to: string;
  days: number;
  daysAbove: number;
  maxBp: number;
  /** Date of the maximum (first one if tied); undefined when there is no observation. */
  maxDate: string | undefined;
}

/** Count the observations in [from, to] with spread > `thresholdBp` (bp), and the largest spread. */
export function countDaysAbove(
  points: readonly SpreadPoint[],
  from: string,
  to: string,
  thresholdBp = 0,
): DaysAboveCount {
  let days = 0;
  let daysAbove = 0;
  let maxBp = -Infinity;
  let maxDate: string | undefined;
  for (const p of points) {
    if (p.date < from || p.date > to) continue;
    days++;
    if (p.spreadBp > thresholdBp) daysAbove++;
    if (p.spreadBp > maxBp) {
      maxBp = p.spreadBp;
      maxDate = p.date;
    }
  }
  return { from, to, days, daysAbove, maxBp, maxDate };
}

/** The mean of a daily series over the week ending on a Wednesday. */
export interface WeekMean {
  /** The Wednesday that ends the week (ISO). */
  weekEnding: string;
  meanBp: number;
  /** Daily observations in the week (0–7; weeks with none are left out). */
  days: number;
}

/**
 * Mean of the daily spread over each week ending on one of `weekEndings` (the seven days up to and
 * including it: Thursday to Wednesday, the H.4.1 week over which WRESBAL is averaged). Weeks with no
 * daily observation are left out. `weekEndings` sorted ascending. Units: bp.
 */
export function weekEndingMeans(points: readonly SpreadPoint[], weekEndings: readonly string[]): WeekMean[] {
  const out: WeekMean[] = [];
  let j = 0;
  for (const end of weekEndings) {
    const start = addDays(end, -6);
    while (j < points.length && points[j].date < start) j++;
    let sum = 0;
    let n = 0;
    for (let k = j; k < points.length && points[k].date <= end; k++) {
      sum += points[k].spreadBp;
      n++;
    }
    if (n > 0) out.push({ weekEnding: end, meanBp: roundNoise(sum / n), days: n });
  }
  return out;
}
