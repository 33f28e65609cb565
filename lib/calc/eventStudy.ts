/**
 * Event study around dated pivots: where a series stood at each pivot and 1, 3, 6, 12 calendar months later,
 * the change over each horizon, and the cross-pivot summary (mean, median, min, max, share positive) with
 * its sample size. Also the paths around each pivot (indexed to 100, or in bp from the pivot) for charts.
 *
 * Rules, the same everywhere in this file:
 * - The value "at" a date is the last observation on or before it (a Sunday pivot takes Friday's close).
 *   A series of monthly means dated on the 1st (`monthlyMean`) counts each mean as known on its month's last
 *   day, so the value at a date is the mean of the last complete month before it: no value mixes in days
 *   after the date asked for (the March 2020 mean, for instance, holds the crash after the 2020-03-03 cut).
 * - A date after the series' last observation is missing, never filled; so is a date before its first
 *   observation, or one whose last earlier observation is older than `maxStaleDays`.
 * - Changes: an index ("index" units) in % of its pivot value; a yield or rate in pct as a bp change
 *   (1 pct = 100 bp); a spread already in bp as a bp change; a dollar amount in $bn as a $bn change.
 *   Positive = the series rose.
 */
import { dayNumber, daysBetween, monthEndIso } from "../calendar.ts";
import { pctToBp } from "../units.ts";
import { lastOnOrBefore } from "./asOf.ts";

/** Re-exported from lib/calc/asOf.ts. */
export { monthEndIso };

/** A dated observation in the series' canonical units. */
export interface Point {
  date: string;
  value: number;
}

/** A series as the event study needs it: id, label, canonical units and sorted unique rows. */
export interface EventSeries {
  seriesId: string;
  label: string;
  /** "index" → % changes; "pct" → bp changes (×100); "bp" → bp changes; "$bn" → $bn changes. */
  units: "index" | "pct" | "bp" | "$bn";
  rows: readonly Point[];
  /** Rows are monthly means dated on the first day of the month (e.g. Shiller's S&P 500). */
  monthlyMean?: boolean;
}

/**
 * The rows as dated for look-ups: as published, or for a `monthlyMean` series each mean re-dated to its
 * month's last day (the first day on which the whole month is known).
 */
export function knownRows(s: Pick<EventSeries, "rows" | "monthlyMean">): readonly Point[] {
  return s.monthlyMean ? s.rows.map((r) => ({ date: monthEndIso(r.date), value: r.value })) : s.rows;
}

/** A dated event to measure from: only its id and date matter here. */
export interface EventDate {
  id: string;
  date: string;
}

/** The unit a change is expressed in, from the series' units. */
export function changeUnit(units: EventSeries["units"]): ChangeUnit {
  return units === "index" ? "%" : units === "$bn" ? "$bn" : "bp";
}

/** The unit of a change: % (of an index), bp (of a yield or spread), $bn (of a dollar amount). */
export type ChangeUnit = "%" | "bp" | "$bn";

export const eventStudyDefaults = {
  /** Horizons in calendar months after the pivot (the QTEND article speaks of 6–12 months). */
  horizonsMonths: [1, 3, 6, 12] as readonly number[],
  /**
   * The value at a date is missing when the last observation on or before it is older than this (days).
   * Assumption: 40 days lets a monthly series (dated on the 1st) serve any day of its month, and keeps a
   * daily series from reaching back over a gap of more than a month.
   */
  maxStaleDays: 40,
};

/**
 * The ISO date `months` calendar months after `iso` (negative: before). A day past the end of the target
 * month is clamped to its last day: 2024-01-31 + 1 month = 2024-02-29.
 */
export function addMonthsIso(iso: string, months: number): string {
  if (!Number.isInteger(months)) throw new Error(`addMonthsIso: months must be an integer, got ${months}`);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1;
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + m + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(ty).padStart(4, "0")}-${String(tm + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Re-exported from lib/calc/asOf.ts, where the calendar look-ups live. */
export { dayNumber, daysBetween };

/** Index of the first row dated on or after `date` (rows sorted by date); rows.length when none. */
export function firstIndexOnOrAfter(rows: readonly { date: string }[], date: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The last observation on or before `date`, or undefined when `date` is after the last observation
 * (beyond the data), before the first, or the observation found is older than `maxStaleDays`.
 */
export function valueOnOrBefore(
  rows: readonly Point[],
  date: string,
  maxStaleDays: number = eventStudyDefaults.maxStaleDays,
): Point | undefined {
  if (rows.length === 0 || date > rows[rows.length - 1].date) return undefined;
  const found = lastOnOrBefore(rows, date);
  if (!found || daysBetween(found.date, date) > maxStaleDays) return undefined;
  return found;
}

/**
 * The change from `base` to `value` in the unit of {@link changeUnit}: % for an index
 * (100 × (value/base − 1)), bp for pct units ((value − base) × 100), bp for bp units and $bn for $bn units
 * (value − base).
 */
export function changeFrom(base: number, value: number, units: EventSeries["units"]): number {
  if (units === "index") {
    if (base === 0) throw new Error("changeFrom: an index change from a zero base is undefined");
    return (value / base - 1) * 100;
  }
  return units === "pct" ? pctToBp(value - base) : value - base;
}

/** One horizon of one pivot: the target date, the observation used, and the change (all missing beyond data). */
export interface HorizonValue {
  horizonMonths: number;
  /** The pivot date + `horizonMonths` calendar months. */
  targetDate: string;
  /** The observation used, or undefined when missing. */
  observation: Point | undefined;
  /** Change from the pivot value, in % (index) or bp; undefined when either end is missing. */
  change: number | undefined;
}

/** One series around one pivot. */
export interface EventStudyRow {
  pivotId: string;
  pivotDate: string;
  seriesId: string;
  units: EventSeries["units"];
  /** The observation at the pivot (last on or before), or undefined when the series does not reach it. */
  base: Point | undefined;
  horizons: HorizonValue[];
}

/**
 * For each pivot and each series: the value at the pivot and at each horizon, and the change. A horizon is
 * missing when its target date is beyond the series' last observation (never filled) or the pivot itself
 * is not covered.
 */
export function eventStudy(
  series: readonly EventSeries[],
  pivots: readonly EventDate[],
  options: { horizonsMonths?: readonly number[]; maxStaleDays?: number } = {},
): EventStudyRow[] {
  const horizons = options.horizonsMonths ?? eventStudyDefaults.horizonsMonths;
  const stale = options.maxStaleDays ?? eventStudyDefaults.maxStaleDays;
  for (const h of horizons) {
    if (!Number.isInteger(h) || h <= 0) {
      throw new Error(`eventStudy: horizons must be positive whole months, got ${h}`);
    }
  }
  return pivots.flatMap((p) =>
    series.map((s) => {
      const rows = knownRows(s);
      const base = valueOnOrBefore(rows, p.date, stale);
      return {
        pivotId: p.id,
        pivotDate: p.date,
        seriesId: s.seriesId,
        units: s.units,
        base,
        horizons: horizons.map((h) => {
          const targetDate = addMonthsIso(p.date, h);
          const observation = base ? valueOnOrBefore(rows, targetDate, stale) : undefined;
          const change = base && observation ? changeFrom(base.value, observation.value, s.units) : undefined;
          return { horizonMonths: h, targetDate, observation, change };
        }),
      };
    })
  );
}

/** The cross-pivot summary of one series at one horizon. Statistics are over the `n` pivots with a value. */
export interface HorizonSummary {
  seriesId: string;
  horizonMonths: number;
  /** "%", "bp" or "$bn". */
  unit: ChangeUnit;
  /** Pivots with a change at this horizon. */
  n: number;
  /** Pivots asked for whose change is missing (series too short, or horizon beyond the data). */
  missingPivotIds: string[];
  mean: number | undefined;
  median: number | undefined;
  min: number | undefined;
  max: number | undefined;
  /** Pivots with a change > 0 (the series rose). */
  nPositive: number;
  /** nPositive / n; undefined when n = 0. */
  sharePositiveFrac: number | undefined;
}

/** The median of numbers (mean of the middle two for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Summarise event-study rows per series and horizon: n, mean, median, min, max, count and share positive,
 * and which pivots are missing. Output ordered by series (first appearance) then horizon.
 */
export function summariseEventStudy(rows: readonly EventStudyRow[]): HorizonSummary[] {
  const seriesIds = [...new Set(rows.map((r) => r.seriesId))];
  return seriesIds.flatMap((seriesId) => {
    const mine = rows.filter((r) => r.seriesId === seriesId);
    const horizons = [...new Set(mine.flatMap((r) => r.horizons.map((h) => h.horizonMonths)))].sort((a, b) => a - b);
    return horizons.map((horizonMonths) => {
      const values: number[] = [];
      const missingPivotIds: string[] = [];
      for (const r of mine) {
        const c = r.horizons.find((h) => h.horizonMonths === horizonMonths)?.change;
        if (c === undefined) missingPivotIds.push(r.pivotId);
        else values.push(c);
      }
      const n = values.length;
      const nPositive = values.filter((v) => v > 0).length;
      return {
        seriesId,
        horizonMonths,
        unit: changeUnit(mine[0].units),
        n,
        missingPivotIds,
        mean: n ? values.reduce((a, b) => a + b, 0) / n : undefined,
        median: median(values),
        min: n ? Math.min(...values) : undefined,
        max: n ? Math.max(...values) : undefined,
        nPositive,
        sharePositiveFrac: n ? nPositive / n : undefined,
      };
    });
  });
}

/** One point of a path around a pivot. */
export interface PathPoint {
  pivotId: string;
  seriesId: string;
  date: string;
  /** Calendar days from the pivot divided by the mean month length (365.25 / 12); negative before. */
  monthsSincePivot: number;
  /** Index: 100 × value / pivot value. Yields and spreads: change from the pivot value in bp; $bn: change in $bn. */
  value: number;
}

/**
 * The observations of each series from `fromMonths` to `toMonths` calendar months around each pivot
 * (monthly means at their month's last day, see {@link knownRows}),
 * rescaled against the pivot value (last observation on or before the pivot): indices to 100 at the pivot,
 * yields and spreads as bp changes. Nothing after the series' last observation appears (no filling).
 * A pivot the series does not reach gives no points.
 */
export function eventPaths(
  series: readonly EventSeries[],
  pivots: readonly EventDate[],
  options: { fromMonths?: number; toMonths?: number; maxStaleDays?: number } = {},
): PathPoint[] {
  const fromMonths = options.fromMonths ?? -3;
  const toMonths = options.toMonths ?? 12;
  if (fromMonths > 0 || toMonths < 0) {
    throw new Error(`eventPaths: the window [${fromMonths}, ${toMonths}] months must contain the pivot`);
  }
  const stale = options.maxStaleDays ?? eventStudyDefaults.maxStaleDays;
  const monthDays = 365.25 / 12;
  const out: PathPoint[] = [];
  const known = series.map((s) => knownRows(s));
  for (const p of pivots) {
    const from = addMonthsIso(p.date, fromMonths);
    const to = addMonthsIso(p.date, toMonths);
    series.forEach((s, i) => {
      const rows = known[i];
      const base = valueOnOrBefore(rows, p.date, stale);
      if (!base) return;
      const pivotDay = dayNumber(p.date);
      for (let k = firstIndexOnOrAfter(rows, from); k < rows.length && rows[k].date <= to; k++) {
        const r = rows[k];
        const value = s.units === "index" ? (100 * r.value) / base.value : changeFrom(base.value, r.value, s.units);
        out.push({
          pivotId: p.id,
          seriesId: s.seriesId,
          date: r.date,
          monthsSincePivot: (dayNumber(r.date) - pivotDay) / monthDays,
          value,
        });
      }
    });
  }
  return out;
}

/** The change of a series between two dates, each end the last observation on or before it. */
export interface WindowChange {
  seriesId: string;
  units: EventSeries["units"];
  from: Point | undefined;
  to: Point | undefined;
  /** In % (index) or bp; undefined when either end is missing. */
  change: number | undefined;
}

/**
 * The change of each series from `fromDate` to `toDate` (or, when `toDate` is omitted, to each series' own
 * last observation: series end on different days, and each result carries the date it used).
 */
export function windowChanges(
  series: readonly EventSeries[],
  fromDate: string,
  toDate?: string,
  maxStaleDays: number = eventStudyDefaults.maxStaleDays,
): WindowChange[] {
  return series.map((s) => {
    const rows = knownRows(s);
    const from = valueOnOrBefore(rows, fromDate, maxStaleDays);
    const end = toDate ?? rows[rows.length - 1]?.date;
    const to = end === undefined ? undefined : valueOnOrBefore(rows, end, maxStaleDays);
    const change = from && to ? changeFrom(from.value, to.value, s.units) : undefined;
    return { seriesId: s.seriesId, units: s.units, from, to, change };
  });
}
