/**
 * US federal debt-limit episodes as data, and what they did to reserves: while the limit binds the
 * Treasury runs down its account at the Fed (the TGA), which adds reserves; once the limit is raised or
 * suspended it rebuilds the TGA by issuing bills, which drains reserves or ON RRP.
 *
 * Amounts $bn; dates ISO. Drivers use the sign convention of lib/calc/reserves.ts (positive raises
 * reserves).
 */
import { addDays, dayNumber, weeksBetween } from "../calendar.ts";
import { type LiabilityWeek, type ReserveDrivers, reserveDrivers } from "./reserves.ts";

/** A window during which the debt limit bound: from the day it took hold to the day it was lifted. */
export interface DebtLimitWindow {
  /** Short id, e.g. "2023". */
  id: string;
  /** ISO date the limit was reached or reinstated. */
  from: string;
  /** ISO date the law raising or suspending it was enacted. */
  to: string;
}

/** A documented debt-limit episode. */
export interface DebtLimitEpisode extends DebtLimitWindow {
  fromLabel: string;
  toLabel: string;
  source: string;
}

/**
 * The two episodes of the QT years.
 * - 2023: the limit was reached on 2023-01-19 and Treasury began extraordinary measures (Secretary
 *   Yellen's letter to Congress of 2023-01-19); the Fiscal Responsibility Act of 2023 (Public Law 118-5),
 *   signed 2023-06-03, suspended it through 2025-01-01.
 * - 2025: the suspension ended and the limit was reinstated on 2025-01-02 (Secretary Yellen's letter to
 *   Congress of 2024-12-27; extraordinary measures began 2025-01-21, letter of 2025-01-17); Public Law
 *   119-21 (the reconciliation act known as the One Big Beautiful Bill Act, section 72001), signed 2025-07-04,, raised the limit by $5 trillion.
 */
export const DEBT_LIMIT_EPISODES: readonly DebtLimitEpisode[] = [
  {
    id: "2023",
    from: "2023-01-19",
    to: "2023-06-03",
    fromLabel: "debt limit reached",
    toLabel: "Fiscal Responsibility Act",
    source:
      "Treasury Secretary's letter to Congress, 2023-01-19; Fiscal Responsibility Act of 2023, Pub. L. 118-5, signed 2023-06-03",
  },
  {
    id: "2025",
    from: "2025-01-02",
    to: "2025-07-04",
    fromLabel: "debt limit reinstated",
    toLabel: "limit raised $5tn",
    source:
      "Treasury Secretary's letter to Congress, 2024-12-27 (limit reinstated 2025-01-02); Pub. L. 119-21, signed 2025-07-04",
  },
];

/** Check windows: ISO dates, from < to, ids unique. Throws naming the bad window. Returns them sorted. */
export function checkDebtLimitWindows(windows: readonly DebtLimitWindow[]): DebtLimitWindow[] {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  const ids = new Set<string>();
  for (const w of windows) {
    if (!w || typeof w.id !== "string" || !iso.test(w.from) || !iso.test(w.to)) {
      throw new Error(`debt-limit window ${JSON.stringify(w)}: needs an id and ISO dates from, to`);
    }
    if (w.from >= w.to) throw new Error(`debt-limit window ${w.id}: from ${w.from} is not before to ${w.to}`);
    if (ids.has(w.id)) throw new Error(`debt-limit window ${w.id}: duplicate id`);
    ids.add(w.id);
  }
  return [...windows].sort((a, b) => a.from.localeCompare(b.from));
}

/** One episode measured: the drawdown (limit binding) and the rebuild (after it was lifted). */
export interface DebtLimitPhases {
  id: string;
  /** Drivers of Δreserves from the limit's start to its end. */
  drawdown: ReserveDrivers;
  /** Drivers of Δreserves from the limit's end to the TGA's highest week within the rebuild horizon. */
  rebuild: ReserveDrivers;
  /** TGA at its lowest week inside the window ($bn, week average) and that week. */
  tgaLowUsdBn: number;
  tgaLowDate: string;
  /** TGA at its highest week of the rebuild horizon ($bn) and that week. */
  tgaPeakUsdBn: number;
  tgaPeakDate: string;
}

/**
 * Measure one debt-limit episode on the weekly identity (lib/calc/reserves.ts): the drawdown runs from
 * the window's `from` to `to`; the rebuild from `to` to the week of the highest TGA within
 * `rebuildHorizonWeeks` weeks after `to` (the horizon is an assumption of the caller). Throws when the
 * data do not cover the window.
 */
export function debtLimitPhases(
  weeks: readonly LiabilityWeek[],
  window: DebtLimitWindow,
  rebuildHorizonWeeks: number,
): DebtLimitPhases {
  if (!Number.isInteger(rebuildHorizonWeeks) || rebuildHorizonWeeks < 1) {
    throw new Error(`debtLimitPhases: rebuildHorizonWeeks must be a positive integer, got ${rebuildHorizonWeeks}`);
  }
  const drawdown = reserveDrivers(weeks, window.from, window.to);
  const during = weeks.filter((w) => w.date >= window.from && w.date <= window.to);
  const low = during.reduce((a, b) => (b.tgaUsdBn < a.tgaUsdBn ? b : a));
  const horizonEnd = addDays(window.to, 7 * rebuildHorizonWeeks);
  const after = weeks.filter((w) => w.date > window.to && w.date <= horizonEnd);
  if (after.length === 0) {
    throw new Error(`debtLimitPhases: no weeks after ${window.to} within ${rebuildHorizonWeeks} weeks`);
  }
  const peak = after.reduce((a, b) => (b.tgaUsdBn > a.tgaUsdBn ? b : a));
  const rebuild = reserveDrivers(weeks, drawdown.toDate, peak.date);
  return {
    id: window.id,
    drawdown,
    rebuild,
    tgaLowUsdBn: low.tgaUsdBn,
    tgaLowDate: low.date,
    tgaPeakUsdBn: peak.tgaUsdBn,
    tgaPeakDate: peak.date,
  };
}

/** One point of an episode chart: a series' change since the window's first week, $bn. */
export interface EpisodePoint {
  episode: string;
  date: string;
  /** Weeks since the window's first week (0 at that week). */
  week: number;
  series: "Reserves" | "TGA" | "ON RRP";
  changeUsdBn: number;
}

/**
 * Reserves, TGA and ON RRP as changes since the first week on or after the window's start, from
 * `weeksBefore` weeks before it to `weeksAfter` weeks after the window's end ($bn).
 */
export function episodeChanges(
  weeks: readonly LiabilityWeek[],
  window: DebtLimitWindow,
  weeksBefore: number,
  weeksAfter: number,
): EpisodePoint[] {
  const base = weeks.find((w) => w.date >= window.from);
  if (!base) throw new Error(`episodeChanges: no week on or after ${window.from}`);
  const from = addDays(base.date, -7 * weeksBefore);
  const to = addDays(window.to, 7 * weeksAfter);
  const dayOf = dayNumber;
  const out: EpisodePoint[] = [];
  for (const w of weeks) {
    if (w.date < from || w.date > to) continue;
    const week = Math.round((dayOf(w.date) - dayOf(base.date)) / 7);
    out.push({
      episode: window.id,
      date: w.date,
      week,
      series: "Reserves",
      changeUsdBn: w.reservesUsdBn - base.reservesUsdBn,
    });
    out.push({ episode: window.id, date: w.date, week, series: "TGA", changeUsdBn: w.tgaUsdBn - base.tgaUsdBn });
    out.push({ episode: window.id, date: w.date, week, series: "ON RRP", changeUsdBn: w.onRrpUsdBn - base.onRrpUsdBn });
  }
  return out;
}

/** Weeks from the first week on or after `window.from` to the date `iso` (for marking dates on episode charts). */
export function weeksSinceWindowStart(weeks: readonly LiabilityWeek[], window: DebtLimitWindow, iso: string): number {
  const base = weeks.find((w) => w.date >= window.from);
  if (!base) throw new Error(`weeksSinceWindowStart: no week on or after ${window.from}`);
  return weeksBetween(base.date, iso);
}

/** A phase of an episode with its drivers. */
export interface EpisodeSwing {
  phase: "drawdown" | "rebuild";
  drivers: ReserveDrivers;
}

/**
 * The phases of an episode in which reserves moved by at least `thresholdUsdBn` ($bn, either sign) and
 * the TGA was the largest driver in absolute value (ahead of assets, ON RRP and the residual): a sharp
 * swing of reserves that the debt limit's cash management caused. Throws on a threshold that is not a
 * finite number ≥ 0.
 */
export function tgaDrivenSwings(p: DebtLimitPhases, thresholdUsdBn: number): EpisodeSwing[] {
  if (!Number.isFinite(thresholdUsdBn) || thresholdUsdBn < 0) {
    throw new Error(`tgaDrivenSwings: threshold must be a finite number ≥ 0 ($bn), got ${thresholdUsdBn}`);
  }
  const phases: EpisodeSwing[] = [{ phase: "drawdown", drivers: p.drawdown }, { phase: "rebuild", drivers: p.rebuild }];
  return phases.filter(({ drivers: d }) => {
    const others = Math.max(Math.abs(d.assetsUsdBn), Math.abs(d.onRrpUsdBn), Math.abs(d.currencyAndOtherUsdBn));
    return Math.abs(d.deltaReservesUsdBn) >= thresholdUsdBn && Math.abs(d.tgaUsdBn) >= others;
  });
}
