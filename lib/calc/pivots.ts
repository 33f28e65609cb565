/**
 * Tightening-to-easing pivots of the Federal Reserve, as data: the dates an event study of "what risk
 * assets do after the Fed turns" starts from, each with the official document that sets it.
 *
 * Only pivots with a published FOMC statement or press release are listed: the FOMC has announced its
 * decisions since February 1994, so earlier turns (1984, 1989) have no statement to cite and are left out.
 * Dates are the day of the decision (the statement's date); a cut takes effect the next day (the shipped
 * DFEDTARU/DFEDTARL step on the day after each decision from 2008 on). The 2019 and 2025 QT ends are dated
 * on the day runoff stopped, as the implementation notes state.
 *
 * Also here: which pivots a shipped series can cover (pivotCoverage) and the change in the policy rate
 * around a pivot (policyRateChangeBp), so a notebook can show that each date is a turn in the data too.
 */

import { dateOfDayNumber, dayNumber } from "../calendar.ts";
import { addMonthsIso, firstIndexOnOrAfter, median } from "./eventStudy.ts";

/** What kind of turn a pivot is. */
export type PivotKind =
  | "first-cut" //      the first cut after a hiking cycle or a hold that followed one
  | "emergency-cut" //  an unscheduled cut in a crisis, inside an easing already under way
  | "qt-end"; //        the end of balance-sheet runoff

/** One dated tightening-to-easing pivot. */
export interface Pivot {
  /** Stable id: the ISO date, suffixed where two pivots share a day. */
  id: string;
  /** ISO date of the decision (for QT ends: the day runoff stopped). */
  date: string;
  /** ISO date it was decided, when different from `date`. */
  decided?: string;
  kind: PivotKind;
  /** Pivots of one easing episode share this key (e.g. "2019" for the July 2019 cut and QT end). */
  episode: string;
  /** Short label for charts. */
  label: string;
  /** What was decided, with the rate in percent. */
  description: string;
  /** The official document. */
  source: string;
}

/**
 * The sourced pivots, oldest first. The last one, the 2025 QT end, is the event the QTEND article is about:
 * notebooks treat it as out of sample, not as history.
 */
export const PIVOTS: readonly Pivot[] = [
  {
    id: "1995-07-06",
    date: "1995-07-06",
    kind: "first-cut",
    episode: "1995",
    label: "Jul 1995 first cut",
    description: "Federal funds target lowered 25bp to 5.75% after the 1994–95 hikes.",
    source: "FOMC press release, 1995-07-06",
  },
  {
    id: "1998-09-29",
    date: "1998-09-29",
    kind: "first-cut",
    episode: "1998",
    label: "Sep 1998 first cut",
    description: "Federal funds target lowered 25bp to 5.25%, the first move since the March 1997 hike.",
    source: "FOMC statement, 1998-09-29",
  },
  {
    id: "2001-01-03",
    date: "2001-01-03",
    kind: "first-cut",
    episode: "2001",
    label: "Jan 2001 first cut",
    description: "Unscheduled cut of 50bp to 6.00% after the 1999–2000 hikes.",
    source: "FOMC statement, 2001-01-03",
  },
  {
    id: "2007-09-18",
    date: "2007-09-18",
    kind: "first-cut",
    episode: "2007",
    label: "Sep 2007 first cut",
    description: "Federal funds target lowered 50bp to 4.75% after the 2004–06 hikes.",
    source: "FOMC statement, 2007-09-18",
  },
  {
    id: "2019-07-31",
    date: "2019-07-31",
    kind: "first-cut",
    episode: "2019",
    label: "Jul 2019 first cut",
    description: "Target range lowered 25bp to 2.00–2.25%; runoff to end in August, two months early.",
    source: "FOMC statement, 2019-07-31",
  },
  {
    id: "2019-08-01",
    date: "2019-08-01",
    decided: "2019-07-31",
    kind: "qt-end",
    episode: "2019",
    label: "Aug 2019 QT end",
    description: "Balance-sheet runoff ends; principal from Treasuries rolled over at auction.",
    source: "FOMC statement and implementation note, 2019-07-31",
  },
  {
    id: "2020-03-03",
    date: "2020-03-03",
    kind: "emergency-cut",
    episode: "2020",
    label: "Mar 2020 emergency cut",
    description: "Unscheduled cut of 50bp to 1.00–1.25% as COVID-19 spread (easing already under way since 2019).",
    source: "FOMC statement, 2020-03-03",
  },
  {
    id: "2020-03-15",
    date: "2020-03-15",
    kind: "emergency-cut",
    episode: "2020",
    label: "Mar 2020 zero rates",
    description: "Target range cut 100bp to 0–0.25%; purchases of at least $500bn Treasuries and $200bn MBS.",
    source: "FOMC statement, 2020-03-15",
  },
  {
    id: "2024-09-18",
    date: "2024-09-18",
    kind: "first-cut",
    episode: "2024",
    label: "Sep 2024 first cut",
    description: "Target range lowered 50bp to 4.75–5.00% after the 2022–23 hikes.",
    source: "FOMC statement, 2024-09-18",
  },
  {
    id: "2025-12-01",
    date: "2025-12-01",
    decided: "2025-10-29",
    kind: "qt-end",
    episode: "2025",
    label: "Dec 2025 QT end",
    description:
      "Runoff ends on December 1 as decided on October 29 (with a 25bp cut to 3.75–4.00%); agency principal reinvested in bills.",
    source: "FOMC statement and implementation note, 2025-10-29",
  },
];

/** The pivots with these ids, in the order given. Throws on an unknown or repeated id. */
export function pivotsByIds(ids: readonly string[], pivots: readonly Pivot[] = PIVOTS): Pivot[] {
  const seen = new Set<string>();
  return ids.map((id) => {
    if (seen.has(id)) throw new Error(`pivot "${id}" selected twice`);
    seen.add(id);
    const p = pivots.find((x) => x.id === id);
    if (!p) throw new Error(`unknown pivot "${id}" (known: ${pivots.map((x) => x.id).join(", ")})`);
    return p;
  });
}

/** The first and last observation dates of a series (ISO). */
export interface SeriesRange {
  seriesId: string;
  first: string;
  last: string;
}

/** How far a series covers one pivot. */
export interface PivotCoverage {
  pivotId: string;
  seriesId: string;
  /** The series has an observation on or before the pivot date. */
  atPivot: boolean;
  /** The horizons (months) whose target date is inside the series' range; empty when `atPivot` is false. */
  horizonsMonths: number[];
  /** "full" (pivot and every horizon), "partial" (pivot, some horizons), or "none". */
  status: "full" | "partial" | "none";
}

/**
 * Which pivots each series can cover: a pivot is covered when the series starts on or before it, and a
 * horizon when the date `h` calendar months later is on or before the series' last observation (a horizon
 * beyond the data is never filled). Pure: takes the ranges, not the data.
 */
export function pivotCoverage(
  pivots: readonly Pivot[],
  ranges: readonly SeriesRange[],
  horizonsMonths: readonly number[],
): PivotCoverage[] {
  return pivots.flatMap((p) =>
    ranges.map((r) => {
      const atPivot = r.first <= p.date;
      const hs = atPivot ? horizonsMonths.filter((h) => addMonthsIso(p.date, h) <= r.last) : [];
      const status = !atPivot ? "none" : hs.length === horizonsMonths.length ? "full" : "partial";
      return { pivotId: p.id, seriesId: r.seriesId, atPivot, horizonsMonths: hs, status };
    })
  );
}

/** Options of {@link policyRateChangeBp}. */
export const policyRateDefaults = {
  /**
   * Calendar days on each side of the pivot (assumption: two weeks; with the median this sets aside
   * month-end and year-end spikes in the effective rate, e.g. 2000-12-29..2001-01-02).
   */
  windowDays: 14,
};

/**
 * The change in a daily policy rate across a pivot, in bp: the median over the `windowDays` calendar days
 * after the pivot date minus the median over the `windowDays` days before it (the pivot day itself is in
 * neither window; a cut decided that day takes effect the next). Negative = easing. Input rows in pct
 * (e.g. DFF, the effective federal funds rate, every calendar day). Undefined when a window holds no
 * observation.
 */
export function policyRateChangeBp(
  rows: readonly { date: string; value: number }[],
  pivotDate: string,
  options: Partial<typeof policyRateDefaults> = {},
): number | undefined {
  const windowDays = options.windowDays ?? policyRateDefaults.windowDays;
  const p = dayNumber(pivotDate);
  const from = dateOfDayNumber(p - windowDays);
  const before: number[] = [];
  const after: number[] = [];
  for (let k = firstIndexOnOrAfter(rows, from); k < rows.length; k++) {
    const d = dayNumber(rows[k].date) - p;
    if (d > windowDays) break;
    if (d < 0) before.push(rows[k].value);
    else if (d > 0) after.push(rows[k].value);
  }
  if (before.length === 0 || after.length === 0) return undefined;
  return Math.round((median(after)! - median(before)!) * 100 * 1e6) / 1e6;
}
