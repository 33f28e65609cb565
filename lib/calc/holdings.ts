/**
 * Foreign holdings of Treasuries: changes over any window, monthly changes that know about series
 * breaks, shares of a total, "lowest since" look-ups, and a row-by-row comparison of published figures
 * with the data. Pure: month-end holdings in, plain objects out.
 *
 * Holdings are end-of-month levels in $bn, dated on the month's first day (TIC's convention in qtlab:
 * 2025-01-01 = end of January 2025). Sign convention: a change is end minus start; negative = holdings fell.
 */
import { monthEndIso } from "../calendar.ts";

/** Re-exported from lib/calc/asOf.ts, where the as-of look-ups live. */
export { monthEndIso };

/** One month-end holding in $bn. */
export interface Holding {
  date: string;
  value: number;
}

/** A month from which a holder's series is on a new basis (see TIC_SERIES_BREAKS in lib/data/tic.ts). */
export interface BreakMonth {
  date: string;
  label?: string;
}

/** The change of holdings between two months. */
export interface HoldingsChange {
  fromDate: string;
  toDate: string;
  fromUsdBn: number;
  toUsdBn: number;
  /** to − from, $bn; negative = holdings fell. */
  changeUsdBn: number;
  /** changeUsdBn / fromUsdBn (0.05 = +5%). */
  changeFrac: number;
  /** Series breaks in (from, to]: the change mixes two bases when this is not empty. */
  breaksCrossed: string[];
}

function valueAt(rows: readonly Holding[], date: string): Holding {
  const r = rows.find((x) => x.date === date);
  if (!r) {
    throw new Error(
      `no holding dated ${date} (data ${rows[0]?.date ?? "none"}..${rows[rows.length - 1]?.date ?? "none"})`,
    );
  }
  return r;
}

/**
 * The change of holdings from month `fromDate` to month `toDate` (both must be in `rows`; nothing is
 * interpolated), with the series breaks it crosses. Throws if a month is missing or from > to.
 */
export function holdingsChange(
  rows: readonly Holding[],
  fromDate: string,
  toDate: string,
  breaks: readonly BreakMonth[] = [],
): HoldingsChange {
  if (fromDate > toDate) throw new Error(`holdingsChange: ${fromDate} is after ${toDate}`);
  const a = valueAt(rows, fromDate);
  const b = valueAt(rows, toDate);
  return {
    fromDate,
    toDate,
    fromUsdBn: a.value,
    toUsdBn: b.value,
    changeUsdBn: b.value - a.value,
    changeFrac: a.value === 0 ? NaN : b.value / a.value - 1,
    breaksCrossed: breaks.filter((k) => k.date > fromDate && k.date <= toDate).map((k) => k.date),
  };
}

/** One month's change from the month before. */
export interface MonthlyChange {
  date: string;
  changeUsdBn: number;
  /** True when this month starts a new series basis: the change is not a flow. */
  acrossBreak: boolean;
}

/**
 * Month-on-month changes in $bn (the first month has none). A change into a break month is flagged
 * `acrossBreak` (it mixes the old basis of the month before with the new one); it is kept, not dropped,
 * so a chart can show it greyed.
 */
export function monthlyChanges(rows: readonly Holding[], breaks: readonly BreakMonth[] = []): MonthlyChange[] {
  const breakDates = new Set(breaks.map((b) => b.date));
  return rows.slice(1).map((r, i) => ({
    date: r.date,
    changeUsdBn: r.value - rows[i].value,
    acrossBreak: breakDates.has(r.date),
  }));
}

/** A part's share of a total in the same month. */
export interface Share {
  date: string;
  /** part / total (0.08 = 8%). */
  shareFrac: number;
}

/** The share of `part` in `total` for every month present in both (months in only one are skipped). */
export function shareOf(part: readonly Holding[], total: readonly Holding[]): Share[] {
  const byDate = new Map(total.map((r) => [r.date, r.value]));
  return part.filter((r) => byDate.has(r.date) && byDate.get(r.date)! !== 0).map((r) => ({
    date: r.date,
    shareFrac: r.value / byDate.get(r.date)!,
  }));
}

/** Where a month's level sits in the history before it. */
export interface LowestSince {
  date: string;
  valueUsdBn: number;
  /**
   * The latest earlier month with a value at or below this one: the level is "the lowest since" then.
   * Undefined when no earlier month was as low (the lowest on record).
   */
  lowerOrEqualDate: string | undefined;
  lowerOrEqualUsdBn: number | undefined;
  /** Whole months from `lowerOrEqualDate` to `date`. */
  monthsSince: number | undefined;
}

/** "Lowest since": the latest earlier month with a value ≤ the value of month `date`. */
export function lowestSince(rows: readonly Holding[], date: string): LowestSince {
  const i = rows.findIndex((r) => r.date === date);
  if (i < 0) throw new Error(`lowestSince: no holding dated ${date}`);
  const v = rows[i].value;
  let j = i - 1;
  while (j >= 0 && rows[j].value > v) j--;
  const hit = j >= 0 ? rows[j] : undefined;
  const months = (iso: string) => +iso.slice(0, 4) * 12 + +iso.slice(5, 7);
  return {
    date,
    valueUsdBn: v,
    lowerOrEqualDate: hit?.date,
    lowerOrEqualUsdBn: hit?.value,
    monthsSince: hit ? months(date) - months(hit.date) : undefined,
  };
}

/** A published figure for one holder and month, in $bn. */
export interface PublishedHolding {
  date: string;
  holder: string;
  valueUsdBn: number;
}

/** A published figure next to the data's. */
export interface HoldingComparison extends PublishedHolding {
  dataUsdBn: number | undefined;
  /** data − published, $bn; undefined when the data has no such month. */
  diffUsdBn: number | undefined;
  /** |diff| / published. */
  absDiffFrac: number | undefined;
}

/**
 * Compare published holdings row by row with the data: `data` maps a holder name to its month-end rows.
 * A month or holder missing from the data gives undefined figures (never a guess).
 */
export function compareHoldings(
  published: readonly PublishedHolding[],
  data: Readonly<Record<string, readonly Holding[]>>,
): HoldingComparison[] {
  return published.map((p) => {
    const d = data[p.holder]?.find((r) => r.date === p.date)?.value;
    const diff = d === undefined ? undefined : d - p.valueUsdBn;
    return {
      ...p,
      dataUsdBn: d,
      diffUsdBn: diff,
      absDiffFrac: diff === undefined ? undefined : Math.abs(diff) / Math.abs(p.valueUsdBn),
    };
  });
}
