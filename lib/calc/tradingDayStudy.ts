/**
 * An event study on daily closes with horizons in trading days: where a series closed on each pivot (the
 * last close on or before its date) and `h` trading days later (the close `h` rows further on in the
 * series' own calendar of trading days), the % change, and which pivots fall inside an earlier pivot's
 * window (overlapping windows are one episode, not two independent observations). Pure; closes in index
 * points, changes in %.
 */
import { indexOnOrBefore } from "./asOf.ts";
import { median } from "./eventStudy.ts";
import { daysBetween } from "../calendar.ts";

/** A dated close. */
export interface Close {
  date: string;
  value: number;
}

/** A dated pivot: only its id and date matter here. */
export interface PivotDate {
  id: string;
  date: string;
}

/** One horizon after one pivot: the close used and the % change from the pivot's close (undefined beyond the data). */
export interface TradingDayHorizon {
  horizonDays: number;
  close: Close | undefined;
  changePct: number | undefined;
}

/** One series around one pivot. */
export interface TradingDayWindow {
  pivotId: string;
  pivotDate: string;
  /** The last close on or before the pivot date; undefined when the series starts after it (or is stale). */
  base: Close | undefined;
  horizons: TradingDayHorizon[];
}

/**
 * For each pivot: the close at the pivot (last on or before its date, no older than `maxStaleDays`) and the
 * close `h` trading days later for each horizon, with the % change. A horizon past the last close is
 * missing, never filled. Throws on a horizon that is not a positive whole number of trading days.
 */
export function tradingDayWindows(
  closes: readonly Close[],
  pivots: readonly PivotDate[],
  horizonsDays: readonly number[],
  maxStaleDays = 7,
): TradingDayWindow[] {
  for (const h of horizonsDays) {
    if (!Number.isInteger(h) || h <= 0) {
      throw new Error(`tradingDayWindows: horizons must be positive whole trading days, got ${h}`);
    }
  }
  return pivots.map((p) => {
    const i = indexOnOrBefore(closes, p.date);
    const base = i >= 0 && daysBetween(closes[i].date, p.date) <= maxStaleDays ? closes[i] : undefined;
    return {
      pivotId: p.id,
      pivotDate: p.date,
      base,
      horizons: horizonsDays.map((h) => {
        const close = base && i + h < closes.length ? closes[i + h] : undefined;
        return { horizonDays: h, close, changePct: base && close ? (close.value / base.value - 1) * 100 : undefined };
      }),
    };
  });
}

/** How a pivot stands against the windows of the pivots before it. */
export interface PivotOverlap {
  pivotId: string;
  /** The earlier pivot whose window (to its longest horizon) contains this pivot's date; undefined if none. */
  insideWindowOf: string | undefined;
  /** True when the pivot counts as an episode of its own under the overlap rule. */
  counted: boolean;
}

/**
 * Which pivots lie inside an earlier pivot's window of `windowDays` trading days (read on `calendar`, the
 * trading days of a daily series). Under "merge" such a pivot is not counted (its episode is measured from
 * the first pivot of the run of overlapping windows); under "flag" it is counted and flagged. A window past
 * the calendar's end runs to the end of the calendar.
 */
export function pivotOverlaps(
  calendar: readonly { date: string }[],
  pivots: readonly PivotDate[],
  windowDays: number,
  rule: "merge" | "flag",
): PivotOverlap[] {
  const sorted = [...pivots].sort((a, b) => a.date.localeCompare(b.date));
  const out = new Map<string, PivotOverlap>();
  let open: { id: string; end: string } | undefined;
  for (const p of sorted) {
    const inside = open && p.date <= open.end ? open.id : undefined;
    out.set(p.id, { pivotId: p.id, insideWindowOf: inside, counted: rule === "flag" || inside === undefined });
    if (!inside) {
      const i = indexOnOrBefore(calendar, p.date);
      const end = calendar[Math.min(Math.max(i, 0) + windowDays, calendar.length - 1)]?.date ?? p.date;
      open = { id: p.id, end };
    }
  }
  return pivots.map((p) => out.get(p.id)!);
}

/** The cross-pivot summary of one series at one horizon, over the counted pivots with a change. */
export interface TradingDaySummary {
  horizonDays: number;
  /** Counted pivots with a change at this horizon: the denominator of every count. */
  n: number;
  nUp: number;
  mean: number | undefined;
  median: number | undefined;
  min: number | undefined;
  max: number | undefined;
  /** Counted pivots whose change is missing (series too short, or horizon beyond the data). */
  missingPivotIds: string[];
  /** Pivots left out as part of an earlier pivot's episode. */
  mergedPivotIds: string[];
}

/** A change is "up" when it is above zero. */
export function summariseWindows(
  windows: readonly { pivotId: string; horizons: readonly { horizonDays: number; changePct: number | undefined }[] }[],
  overlaps: readonly PivotOverlap[],
  horizonsDays: readonly number[],
): TradingDaySummary[] {
  const counted = (id: string) => overlaps.find((o) => o.pivotId === id)?.counted ?? true;
  return horizonsDays.map((h) => {
    const values: number[] = [];
    const missingPivotIds: string[] = [];
    const mergedPivotIds: string[] = [];
    for (const w of windows) {
      if (!counted(w.pivotId)) {
        mergedPivotIds.push(w.pivotId);
        continue;
      }
      const c = w.horizons.find((x) => x.horizonDays === h)?.changePct;
      if (c === undefined) missingPivotIds.push(w.pivotId);
      else values.push(c);
    }
    const n = values.length;
    return {
      horizonDays: h,
      n,
      nUp: values.filter((v) => v > 0).length,
      mean: n ? values.reduce((a, b) => a + b, 0) / n : undefined,
      median: median(values),
      min: n ? Math.min(...values) : undefined,
      max: n ? Math.max(...values) : undefined,
      missingPivotIds,
      mergedPivotIds,
    };
  });
}

/**
 * The counted pivots up at EVERY one of `horizonsDays`, out of the counted pivots with a change at all of
 * them: the count a "rallies over 6–12 months" reading rests on.
 */
export function upAtEvery(
  windows: readonly TradingDayWindow[],
  overlaps: readonly PivotOverlap[],
  horizonsDays: readonly number[],
): { up: string[]; down: string[]; n: number } {
  const counted = new Set(overlaps.filter((o) => o.counted).map((o) => o.pivotId));
  const covered = windows.filter((w) =>
    counted.has(w.pivotId) &&
    horizonsDays.every((h) => w.horizons.find((x) => x.horizonDays === h)?.changePct !== undefined)
  );
  const isUp = (w: TradingDayWindow) =>
    horizonsDays.every((h) => (w.horizons.find((x) => x.horizonDays === h)!.changePct ?? 0) > 0);
  return {
    up: covered.filter(isUp).map((w) => w.pivotId),
    down: covered.filter((w) => !isUp(w)).map((w) => w.pivotId),
    n: covered.length,
  };
}

/** A series' closes from a pivot on: index 0 is the pivot's close, index h the close h trading days later. */
export interface TradingDayPath {
  pivotId: string;
  closes: number[];
}

/**
 * The closes from each pivot's close to `maxDays` trading days after it (fewer where the data end; none
 * when the series does not reach the pivot): all {@link windowsOfPaths} needs for any horizon up to `maxDays`.
 */
export function tradingDayPaths(
  closes: readonly Close[],
  pivots: readonly PivotDate[],
  maxDays: number,
  maxStaleDays = 7,
): TradingDayPath[] {
  return pivots.map((p) => {
    const i = indexOnOrBefore(closes, p.date);
    const ok = i >= 0 && daysBetween(closes[i].date, p.date) <= maxStaleDays;
    return { pivotId: p.id, closes: ok ? closes.slice(i, i + maxDays + 1).map((c) => c.value) : [] };
  });
}

/** The % change at each horizon from paths ({@link tradingDayPaths}); equal to {@link tradingDayWindows}'s changes. */
export function windowsOfPaths(
  paths: readonly TradingDayPath[],
  horizonsDays: readonly number[],
): { pivotId: string; horizons: { horizonDays: number; changePct: number | undefined }[] }[] {
  return paths.map((p) => ({
    pivotId: p.pivotId,
    horizons: horizonsDays.map((h) => ({
      horizonDays: h,
      changePct: p.closes.length && h < p.closes.length ? (p.closes[h] / p.closes[0] - 1) * 100 : undefined,
    })),
  }));
}
