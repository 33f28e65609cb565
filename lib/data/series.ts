/**
 * The shared core of qtlab's loaders: the typed series every loader returns, the parser of FRED-style
 * `date,value` files, and the validation every file passes before a notebook sees it.
 *
 * A loader module per publisher (h41.ts, h15.ts, tic.ts, ice.ts, equities.ts, macro.ts) declares a
 * {@link SeriesSpec} for each of its files and calls {@link parseDateValueCsv}.
 */
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// A plain decimal number as publishers write it: optional sign, digits, optional fraction or exponent.
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Days since 1970-01-01 of an ISO date string (YYYY-MM-DD), or undefined if it is not a real calendar
 * date. Integer arithmetic, no Date objects: this runs once per observation of every file.
 */
export function isoDayNumber(text: string): number | undefined {
  if (text.length !== 10 || !ISO_DATE.test(text)) return undefined;
  const y = +text.slice(0, 4);
  const m = +text.slice(5, 7);
  const d = +text.slice(8, 10);
  if (m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const daysInMonth = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  if (d > daysInMonth) return undefined;
  // Days from civil (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Parse an ISO date string to a UTC Date, or undefined if it is not a real calendar date. */
export function parseIsoDate(text: string): Date | undefined {
  const day = isoDayNumber(text);
  return day === undefined ? undefined : new Date(day * 86_400_000);
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
 * Checks, each failing with a {@link DataValidationError} naming the file and line: the header; every
 * date a real ISO date; dates strictly increasing (sorted, no duplicates); every value a number (a "."
 * or a blank is refused: qtlab never fills a missing value); every value inside the declared range of
 * the published unit; the dates on the declared frequency grid.
 * FROM: `spec.unitsAsPublished`. TO: `spec.units` (value × `spec.scale`).
 */
export function parseDateValueCsv(text: string, spec: SeriesSpec, file: string): Series {
  const { columns, rows: n } = readCsvColumns(text, file, ["date", "value"]);
  const dates = columns.date;
  const raw = columns.value;
  if (n === 0) throw new DataValidationError(file, undefined, "no observations after the header");
  const [lo, hi] = spec.rangeAsPublished;
  const rows: Observation[] = new Array(n);
  let peak = -Infinity;
  for (let i = 0; i < n; i++) {
    const line = i + 2;
    const date = dates[i];
    if (isoDayNumber(date) === undefined) throw new DataValidationError(file, line, `"${date}" is not an ISO date (YYYY-MM-DD)`);
    if (i > 0 && date <= dates[i - 1]) {
      throw new DataValidationError(
        file,
        line,
        date === dates[i - 1] ? `duplicate date ${date}` : `dates out of order: ${date} after ${dates[i - 1]}`,
      );
    }
    const value = parseNumber(raw[i]);
    if (value === undefined) {
      const shown = raw[i].trim() === "" ? "a blank value" : `"${raw[i]}"`;
      throw new DataValidationError(file, line, `${shown} for ${date} is not a number (missing values must be absent, not marked)`);
    }
    if (value < lo || value > hi) {
      throw new DataValidationError(
        file,
        line,
        `${spec.seriesId} value ${value} on ${date} is outside the declared range [${lo}, ${hi}] in ${spec.unitsAsPublished}: is the file in other units?`,
      );
    }
    if (value > peak) peak = value;
    rows[i] = { date, value: toCanonical(value, spec.scale) };
  }
  checkGrid(dates, spec, file);
  if (spec.peakAtLeast !== undefined) {
    if (peak < spec.peakAtLeast) {
      throw new DataValidationError(
        file,
        undefined,
        `${spec.seriesId} never exceeds ${peak}, below the ${spec.peakAtLeast} expected in ${spec.unitsAsPublished}: is the file in other units?`,
      );
    }
  }
  return {
    seriesId: spec.seriesId,
    title: spec.title,
    units: spec.units,
    observation: spec.observation,
    frequency: spec.frequency,
    file,
    asOf: dates[n - 1],
    rows,
  };
}

/**
 * Check that sorted, unique ISO dates sit on the frequency grid of `spec`. Throws a
 * {@link DataValidationError} naming the first line off the grid.
 */
export function checkGrid(
  dates: readonly string[],
  spec: Pick<SeriesSpec, "frequency" | "weekday" | "maxGapDays" | "allowWeekendMonthEnds" | "gridFrom">,
  file: string,
): void {
  const start = spec.gridFrom ? dates.findIndex((d) => d >= spec.gridFrom!) : 0;
  if (start < 0) return;
  let prevDay: number | undefined;
  let prevMonths: number | undefined;
  for (let i = start; i < dates.length; i++) {
    const line = i + 2;
    const day = isoDayNumber(dates[i])!;
    const gap = prevDay === undefined ? undefined : day - prevDay;
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
    const off = (why: string) => new DataValidationError(file, line, `${dates[i]} is off the ${spec.frequency} grid: ${why}`);
    switch (spec.frequency) {
      case "weekly":
        if (spec.weekday !== undefined && weekday !== spec.weekday) throw off(`expected weekday ${spec.weekday} (0 = Sunday)`);
        if (gap !== undefined && gap !== 7) throw off(`${gap} days after the previous observation, expected 7`);
        break;
      case "daily":
        if (gap !== undefined && gap !== 1) throw off(`${gap} days after the previous observation, expected 1`);
        break;
      case "business-daily": {
        const weekend = weekday === 0 || weekday === 6;
        const monthEnd = !isRealDate(`${dates[i].slice(0, 8)}${String(+dates[i].slice(8, 10) + 1).padStart(2, "0")}`);
        if (weekend && !(spec.allowWeekendMonthEnds && monthEnd)) throw off("a weekend date");
        const max = spec.maxGapDays ?? 5;
        if (gap !== undefined && gap > max) throw off(`${gap} days after the previous observation, more than ${max}`);
        break;
      }
      case "monthly":
      case "quarterly": {
        const step = spec.frequency === "monthly" ? 1 : 3;
        const months = +dates[i].slice(0, 4) * 12 + (+dates[i].slice(5, 7) - 1);
        if (!dates[i].endsWith("-01")) throw off("expected the first day of the period");
        if (spec.frequency === "quarterly" && months % 3 !== 0) throw off("expected the first month of a quarter");
        if (prevMonths !== undefined && months - prevMonths !== step) {
          throw off(`${months - prevMonths} months after the previous observation, expected ${step}`);
        }
        prevMonths = months;
        break;
      }
      case "daily-operations":
      case "irregular":
        break;
    }
    prevDay = day;
  }
}

/** Whether an ISO-shaped string is a real calendar date ("2025-02-29" is not). */
function isRealDate(iso: string): boolean {
  return isoDayNumber(iso) !== undefined;
}

/**
 * A published value in canonical units: value × scale, with the float noise of the multiplication
 * removed (6745699 × 0.001 gives 6745.699, not 6745.699000000001). FROM: as published. TO: canonical.
 */
export function toCanonical(value: number, scale: number): number {
  return scale === 1 ? value : Number((value * scale).toPrecision(12));
}

/** The observation on `date`, or the last one before it (for "as of" look-ups); undefined if none. */
export function valueAsOf(series: Pick<Series, "rows">, date: string): Observation | undefined {
  const rows = series.rows;
  let lo = 0;
  let hi = rows.length - 1;
  let found: Observation | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].date <= date) {
      found = rows[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The observations with `from <= date <= to` (ISO strings; either bound may be omitted). */
export function between(series: Pick<Series, "rows">, from?: string, to?: string): Observation[] {
  return series.rows.filter((r) => (from === undefined || r.date >= from) && (to === undefined || r.date <= to));
}
