/**
 * The shared core of qtlab's loaders: the typed series every loader returns, the parser of FRED-style
 * `date,value` files, and the validation every file passes before a notebook sees it.
 *
 * A loader module per publisher (h41.ts, h15.ts, tic.ts, ice.ts, equities.ts, macro.ts) declares a
 * {@link SeriesSpec} for each of its files and calls {@link parseDateValueCsv}.
 */
import { utcDay } from "d3-time";
import * as aq from "arquero";

/** How observations are spaced in a file; checked by {@link checkGrid}. */
export type Frequency =
  | "weekly" //           every 7 days, all on one weekday (H.4.1 and H.8: Wednesday)
  | "daily" //            every calendar day
  | "business-daily" //   weekdays only, gaps up to `maxGapDays`
  | "daily-operations" // days an operation took place: any sorted, unique dates
  | "monthly" //          first day of each month, no month missing
  | "quarterly" //        first day of each quarter, no quarter missing
  | "irregular"; //       event dates (auctions)

/** One observation: an ISO date (YYYY-MM-DD, as the publisher dates it) and a value in canonical units. */
export interface Observation {
  date: string;
  value: number;
}

/** A validated series in canonical units. `rows` are sorted by date, unique, all values finite. */
export interface Series {
  /** The publisher's series id, e.g. "WALCL". */
  seriesId: string;
  title: string;
  /** Canonical unit after conversion: "$bn", "pct", "bp" or "index". */
  units: string;
  /** What one observation is: "Wednesday level", "week average", "close", ... */
  observation: string;
  frequency: Frequency;
  /** The file the series came from (relative path as given to the parser), for messages and captions. */
  file: string;
  /** The date of the last observation: the series' as-of date. */
  asOf: string;
  rows: Observation[];
}

/** What a loader declares about one file; the parser enforces all of it. */
export interface SeriesSpec {
  seriesId: string;
  title: string;
  /** Unit as published, e.g. "$ millions"; used in messages. */
  unitsAsPublished: string;
  /** Plausible range of a published value in `unitsAsPublished`: a file in other units falls outside it. */
  rangeAsPublished: readonly [number, number];
  /** Published value × scale = canonical value. FROM: unitsAsPublished. TO: `units`. */
  scale: number;
  units: string;
  observation: string;
  frequency: Frequency;
  /** Weekday (0 = Sunday … 3 = Wednesday) of every date in a weekly file. */
  weekday?: number;
  /** business-daily: the largest allowed step between two dates, in days (default 5). */
  maxGapDays?: number;
  /** business-daily: allow weekend dates that fall on a month's last day (ICE month-end marks). */
  allowWeekendMonthEnds?: boolean;
  /** The grid is checked from this date on (earlier observations on another grid, e.g. annual). */
  gridFrom?: string;
  /**
   * The largest published value must reach this: catches a file rescaled as a whole (millions written as
   * billions) where single values, such as zeros, would still sit inside `rangeAsPublished`.
   */
  peakAtLeast?: number;
}

/** A file that fails validation. The message names the file and, where there is one, the line. */
export class DataValidationError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, line: number | undefined, reason: string, options?: { cause?: unknown }) {
    super(`${file}${line === undefined ? "" : ` line ${line}`}: ${reason}`, options);
    this.name = "DataValidationError";
    this.file = file;
    this.line = line;
  }
}

// A plain decimal number as publishers write it: optional sign, digits, optional fraction or exponent.
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Days since 1970-01-01 of an ISO date string (YYYY-MM-DD), or undefined if it is not a real calendar
 * date. Integer arithmetic, no Date objects: this runs once per observation of every file.
 */
export function isoDayNumber(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  const m = digitAt(text, 5) * 10 + digitAt(text, 6);
  const d = digitAt(text, 8) * 10 + digitAt(text, 9);
  if (!(m >= 1 && m <= 12 && d >= 1)) return undefined; // NaN fails too
  if (Number.isNaN(y)) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const daysInMonth = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (d > daysInMonth) return undefined;
  // Days from civil (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The decimal digit at position i of text, or NaN. (No closures on this path: it runs per observation.) */
function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** Parse an ISO date string to a UTC Date, or undefined if it is not a real calendar date. */
export function parseIsoDate(text: string): Date | undefined {
  const day = isoDayNumber(text);
  return day === undefined ? undefined : utcDay.offset(new Date(0), day);
}

/** Parse one published number. Returns undefined for blanks, FRED's "." and anything not a number. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Read CSV text into string columns with arquero, every column parsed as text (no type guessing), and
 * check the header. Returns the columns by name and the row count. Line numbers in messages count the
 * header as line 1.
 */
export function readCsvColumns(
  text: string,
  file: string,
  header: readonly string[],
): { columns: Record<string, string[]>; rows: number } {
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n")).replace(/\r$/, "");
  if (text.trim() === "") throw new DataValidationError(file, undefined, "the file is empty");
  if (firstLine !== header.join(",")) {
    throw new DataValidationError(file, 1, `expected the header "${header.join(",")}", found "${firstLine}"`);
  }
  const parse = Object.fromEntries(header.map((h) => [h, (v: unknown) => (v == null ? "" : String(v))]));
  let table;
  try {
    table = aq.fromCSV(text, { parse });
  } catch (cause) {
    throw new DataValidationError(file, undefined, `not readable as CSV (${(cause as Error).message})`, { cause });
  }
  const columns: Record<string, string[]> = {};
  // arquero leaves empty cells null without calling the parser: make them "" so checks see a blank.
  for (const h of header) columns[h] = Array.from(table.array(h) as unknown[], (v) => (v == null ? "" : String(v)));
  return { columns, rows: table.numRows() };
}

/**
 * Parse a `date,value` file (FRED's format) into a validated {@link Series}.
 *
 * Checks, each failing with a {@link DataValidationError} naming the file and line: the header; two
 * fields on every line; every date a real ISO date; dates strictly increasing (sorted, no duplicates);
 * every value a number (a "." or a blank is refused: qtlab never fills a missing value); every value
 * inside the declared range of the published unit; the dates on the declared frequency grid.
 * FROM: `spec.unitsAsPublished`. TO: `spec.units` (value × `spec.scale`).
 *
 * Two-column files hold no quoting, so lines are split at their one comma and each field parsed by an
 * explicit parser (no type guessing); multi-column files go through arquero ({@link readCsvColumns}).
 * This path runs over every shipped observation on each load, so it avoids per-row allocation.
 */
export function parseDateValueCsv(text: string, spec: SeriesSpec, file: string): Series {
  if (text.trim() === "") throw new DataValidationError(file, undefined, "the file is empty");
  const lines = text.split("\n");
  const header = lines[0].replace(/\r$/, "");
  if (header !== "date,value") {
    throw new DataValidationError(file, 1, `expected the header "date,value", found "${header}"`);
  }
  let last = lines.length;
  while (last > 1 && lines[last - 1].trim() === "") last--; // trailing newline(s)
  const n = last - 1;
  if (n === 0) throw new DataValidationError(file, undefined, "no observations after the header");
  const [lo, hi] = spec.rangeAsPublished;
  const rows: Observation[] = new Array(n);
  const days = new Int32Array(n);
  let peak = -Infinity;
  for (let i = 0; i < n; i++) {
    const lineNo = i + 2;
    let line = lines[i + 1];
    if (line.endsWith("\r")) line = line.slice(0, -1);
    const comma = line.indexOf(",");
    if (comma < 0 || line.indexOf(",", comma + 1) >= 0) {
      throw new DataValidationError(file, lineNo, `expected 2 fields (date,value), found "${line}"`);
    }
    const date = line.slice(0, comma);
    const raw = line.slice(comma + 1);
    const day = isoDayNumber(date);
    if (day === undefined) throw new DataValidationError(file, lineNo, `"${date}" is not an ISO date (YYYY-MM-DD)`);
    if (i > 0 && day <= days[i - 1]) {
      const prev = rows[i - 1].date;
      throw new DataValidationError(
        file,
        lineNo,
        date === prev ? `duplicate date ${date}` : `dates out of order: ${date} after ${prev}`,
      );
    }
    days[i] = day;
    const value = parseNumber(raw);
    if (value === undefined) {
      const shown = raw.trim() === "" ? "a blank value" : `"${raw}"`;
      throw new DataValidationError(
        file,
        lineNo,
        `${shown} for ${date} is not a number (missing values must be absent, not marked)`,
      );
    }
    if (value < lo || value > hi) {
      throw new DataValidationError(
        file,
        lineNo,
        `${spec.seriesId} value ${value} on ${date} is outside the declared range [${lo}, ${hi}] in ${spec.unitsAsPublished}: is the file in other units?`,
      );
    }
    if (value > peak) peak = value;
    rows[i] = { date, value: toCanonical(value, spec.scale) };
  }
  checkGrid(rows.map((r) => r.date), spec, file, days);
  if (spec.peakAtLeast !== undefined && peak < spec.peakAtLeast) {
    throw new DataValidationError(
      file,
      undefined,
      `${spec.seriesId} never exceeds ${peak}, below the ${spec.peakAtLeast} expected in ${spec.unitsAsPublished}: is the file in other units?`,
    );
  }
  return {
    seriesId: spec.seriesId,
    title: spec.title,
    units: spec.units,
    observation: spec.observation,
    frequency: spec.frequency,
    file,
    asOf: rows[n - 1].date,
    rows,
  };
}

/**
 * Check that sorted, unique ISO dates sit on the frequency grid of `spec`. Throws a
 * {@link DataValidationError} naming the first line off the grid (line = index + 2, after the header).
 * `days` may carry the dates' day numbers ({@link isoDayNumber}) when the caller has them.
 */
export function checkGrid(
  dates: readonly string[],
  spec: Pick<SeriesSpec, "frequency" | "weekday" | "maxGapDays" | "allowWeekendMonthEnds" | "gridFrom">,
  file: string,
  days?: Int32Array,
): void {
  if (spec.frequency === "daily-operations" || spec.frequency === "irregular") return;
  const start = spec.gridFrom ? dates.findIndex((d) => d >= spec.gridFrom!) : 0;
  if (start < 0) return;
  const dayNumbers = days ?? Int32Array.from(dates, (d) => isoDayNumber(d)!);
  const max = spec.maxGapDays ?? 5;
  const off = (i: number, why: string) =>
    new DataValidationError(file, i + 2, `${dates[i]} is off the ${spec.frequency} grid: ${why}`);
  for (let i = start; i < dates.length; i++) {
    const day = dayNumbers[i];
    const gap = i > start ? day - dayNumbers[i - 1] : undefined;
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
    switch (spec.frequency) {
      case "weekly":
        if (spec.weekday !== undefined && weekday !== spec.weekday) {
          throw off(i, `expected weekday ${spec.weekday} (0 = Sunday)`);
        }
        if (gap !== undefined && gap !== 7) throw off(i, `${gap} days after the previous observation, expected 7`);
        break;
      case "daily":
        if (gap !== undefined && gap !== 1) throw off(i, `${gap} days after the previous observation, expected 1`);
        break;
      case "business-daily": {
        if ((weekday === 0 || weekday === 6) && !(spec.allowWeekendMonthEnds && isMonthEnd(dates[i]))) {
          throw off(i, "a weekend date");
        }
        if (gap !== undefined && gap > max) {
          throw off(i, `${gap} days after the previous observation, more than ${max}`);
        }
        break;
      }
      case "monthly":
      case "quarterly": {
        const step = spec.frequency === "monthly" ? 1 : 3;
        const d = dates[i];
        const months = (d.charCodeAt(0) - 48) * 12000 + (d.charCodeAt(1) - 48) * 1200 + (d.charCodeAt(2) - 48) * 120 +
          (d.charCodeAt(3) - 48) * 12 + ((d.charCodeAt(5) - 48) * 10 + d.charCodeAt(6) - 48 - 1);
        if (d.charCodeAt(8) !== 48 || d.charCodeAt(9) !== 49) throw off(i, "expected the first day of the period");
        if (spec.frequency === "quarterly" && months % 3 !== 0) throw off(i, "expected the first month of a quarter");
        if (i > start) {
          const p = dates[i - 1];
          const prevMonths = (p.charCodeAt(0) - 48) * 12000 + (p.charCodeAt(1) - 48) * 1200 +
            (p.charCodeAt(2) - 48) * 120 + (p.charCodeAt(3) - 48) * 12 +
            ((p.charCodeAt(5) - 48) * 10 + p.charCodeAt(6) - 48 - 1);
          if (months - prevMonths !== step) {
            throw off(i, `${months - prevMonths} months after the previous observation, expected ${step}`);
          }
        }
        break;
      }
    }
  }
}

/** Whether an ISO date is the last day of its month. */
function isMonthEnd(iso: string): boolean {
  const next = String(+iso.slice(8, 10) + 1).padStart(2, "0");
  return isoDayNumber(`${iso.slice(0, 8)}${next}`) === undefined;
}

/**
 * A published value in canonical units, without the float noise of a plain multiplication: a scale
 * below 1 divides by its exact reciprocal (6745699 / 1000 = 6745.699, where × 0.001 gives
 * 6745.699000000001); a scale above 1 multiplies and rounds to 1e-9 (0.57 × 100 = 57, not
 * 56.99999999999999). FROM: as published. TO: canonical.
 */
export function toCanonical(value: number, scale: number): number {
  if (scale === 1) return value;
  if (scale < 1) return value / Math.round(1 / scale);
  return Math.round(value * scale * 1e9) / 1e9;
}

/** What a series is and how far it reaches, for a table of the data a notebook read. */
export interface SeriesInfo {
  seriesId: string;
  title: string;
  observation: string;
  units: string;
  rows: number;
  first: string;
  asOf: string;
}

/** A series described by its id, title, observation, units, row count and date range. */
export function describeSeries(s: Series): SeriesInfo {
  return {
    seriesId: s.seriesId,
    title: s.title,
    observation: s.observation,
    units: s.units,
    rows: s.rows.length,
    first: s.rows[0].date,
    asOf: s.asOf,
  };
}
