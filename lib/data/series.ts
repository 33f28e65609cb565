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

/**
 * A validated series in canonical units. `rows` are sorted by date, unique, all values finite.
 *
 * A series a loader returns holds its observations as columns ({@link seriesColumns}); its `rows` are
 * made from them on first read, once, and then stay an ordinary own property (see
 * {@link seriesFromColumns}). A series is never modified after loading.
 */
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

/**
 * A series' observations as two columns of the same length, the form the parser, the checks and the data
 * cache work in. Read-only: never write into them (a series' `rows` are made from them).
 */
export interface SeriesColumns {
  /** The dates as day numbers: days since 1970-01-01 (UTC), strictly increasing ({@link isoDayNumber}). */
  epochDays: Int32Array;
  /** The values in the series' canonical `units`, all finite, in date order. */
  values: Float64Array;
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
  return dayNumber(y, m, d);
}

/** Days since 1970-01-01 of year y, month m (1-12), day d, or undefined when d is past the month's end. */
function dayNumber(y: number, m: number, d: number): number | undefined {
  if (!(m >= 1 && m <= 12 && d >= 1)) return undefined;
  if (d > daysInMonth(y, m)) return undefined;
  // Days from civil (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The number of days in month m (1-12) of year y (proleptic Gregorian). */
function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day numbers of 0000-01-01 and 9999-12-31: the years a YYYY date can write. */
const FIRST_DAY = -719528;
const LAST_DAY = 2932896;
const CHUNK_BITS = 12;
/** ISO date strings by day number, in chunks of 4096 days, filled as dates are met (shared by all series). */
const dateStrings: (string | undefined)[][] = [];

/**
 * The ISO date (YYYY-MM-DD) of a day number (days since 1970-01-01, years 0000 to 9999), the inverse of
 * {@link isoDayNumber}. Each date's string is made once per process and shared by every series holding
 * it. Throws a RangeError outside those years.
 */
export function isoDateOfDay(day: number): string {
  if (!(day >= FIRST_DAY && day <= LAST_DAY) || day !== Math.floor(day)) {
    throw new RangeError(`day number ${day} is not a date between 0000-01-01 and 9999-12-31`);
  }
  const k = day - FIRST_DAY;
  const chunk = dateStrings[k >> CHUNK_BITS] ??= new Array<string | undefined>(1 << CHUNK_BITS);
  return chunk[k & ((1 << CHUNK_BITS) - 1)] ??= formatDay(day);
}

/** The YYYY-MM-DD of a day number. */
function formatDay(day: number): string {
  const ymd = civilOfDay(day);
  const y = Math.floor(ymd / 10000), m = Math.floor(ymd / 100) % 100, d = ymd % 100;
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/**
 * Civil from days (H. Hinnant's algorithm): the date of a day number (days since 1970-01-01, years 0000
 * to 9999) as one number, year × 10000 + month × 100 + day (2024-02-29 is 20240229). No allocation.
 */
function civilOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
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
  const plain = plainDecimal(text);
  if (!Number.isNaN(plain)) return plain;
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
  const simple = readSimpleCsv(text, header);
  if (simple) return simple;
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
 * The columns of a CSV text in the plain form the shipped tables use, read in one pass; undefined when
 * the text has anything else (a quote inside a quoted field, a lone "\r", an empty line, a line with
 * another number of fields), which {@link readCsvColumns} then reads with arquero. On the plain form
 * both readings give the same strings: fields are split at commas, a field in double quotes is taken
 * without its quotes, lines end at "\n" or "\r\n".
 */
function readSimpleCsv(
  text: string,
  header: readonly string[],
): { columns: Record<string, string[]>; rows: number } | undefined {
  const width = header.length;
  const cells: string[][] = header.map(() => []);
  const len = text.length;
  let p = text.indexOf("\n");
  if (p < 0) return undefined;
  p++;
  let rows = 0;
  while (p < len) {
    for (let f = 0; f < width; f++) {
      let value: string;
      if (text.charCodeAt(p) === 34) {
        const close = text.indexOf('"', p + 1);
        if (close < 0) return undefined;
        value = text.slice(p + 1, close);
        p = close + 1;
      } else {
        let j = p;
        for (; j < len; j++) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13 || c === 34) break;
        }
        value = text.slice(p, j);
        p = j;
      }
      const c = text.charCodeAt(p);
      if (f < width - 1) {
        if (c !== 44) return undefined;
      } else if (c === 13 && text.charCodeAt(p + 1) === 10) {
        p++;
      } else if (c !== 10 && p < len) {
        return undefined;
      }
      p++;
      cells[f].push(value);
    }
    rows++;
  }
  if (rows === 0) return undefined;
  const columns: Record<string, string[]> = {};
  header.forEach((h, f) => (columns[h] = cells[f]));
  return { columns, rows };
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
 * The text is read as UTF-8 bytes by {@link parseDateValueBytes}, which the loaders call on the file's
 * bytes directly.
 */
export function parseDateValueCsv(text: string, spec: SeriesSpec, file: string): Series {
  return parseDateValueBytes(new TextEncoder().encode(text), spec, file);
}

/** {@link parseDateValueCsv} on the file's bytes (UTF-8), without decoding the whole file to text. */
export function parseDateValueBytes(bytes: Uint8Array, spec: SeriesSpec, file: string): Series {
  return seriesFromColumns(spec, file, parseDateValueColumns(bytes, spec, file));
}

/** What a series built by {@link seriesFromColumns} keeps beside its own properties. */
interface ColumnState {
  columns: SeriesColumns;
  /** The `rows` accessor, while `rows` has not been read. */
  lazy: () => Observation[];
  /** The rows made from the columns, once `rows` has been read. */
  rows?: Observation[];
}
/** The columns of every series built from columns (a copy such as `{...s}` is not in it). */
const columnStates = new WeakMap<Series, ColumnState>();

/**
 * A {@link Series} of validated columns, as the parser and the data cache give them (at least one
 * observation). Its `rows` are an own, enumerable property whose value is made on first read (one
 * `{date, value}` object per observation, the dates as {@link isoDateOfDay} writes them) and then kept
 * as a plain data property: spreading, JSON and deep equality see the same rows a parse always gave,
 * while a load that never reads them (the catalogue, {@link describeSeries}) makes none.
 * `asOf` is the date of the last day number.
 */
export function seriesFromColumns(
  spec: Pick<SeriesSpec, "seriesId" | "title" | "units" | "observation" | "frequency">,
  file: string,
  columns: SeriesColumns,
): Series {
  const { epochDays, values } = columns;
  const series = {
    seriesId: spec.seriesId,
    title: spec.title,
    units: spec.units,
    observation: spec.observation,
    frequency: spec.frequency,
    file,
    asOf: isoDateOfDay(epochDays[epochDays.length - 1]),
  } as Series;
  const settle = (rows: Observation[]): Observation[] => {
    Object.defineProperty(series, "rows", { value: rows, writable: true, enumerable: true, configurable: true });
    return rows;
  };
  const state: ColumnState = {
    columns,
    lazy: () => (state.rows = settle(rowsOfColumns(epochDays, values))),
  };
  Object.defineProperty(series, "rows", { get: state.lazy, set: settle, enumerable: true, configurable: true });
  // Not enumerable: no copy, JSON or deep equality sees it.
  Object.defineProperty(series, INSPECT, { value: inspectWithRows, configurable: true, writable: true });
  columnStates.set(series, state);
  return series;
}

/** The hook through which Node's and Deno's console (and so a notebook's output) show an object. */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");
/** A loaded series as the console shows it: a plain copy, rows included (not an unread accessor). */
function inspectWithRows(this: Series): Series {
  return { ...this };
}

/** One `{date, value}` object per observation of the columns. */
function rowsOfColumns(epochDays: Int32Array, values: Float64Array): Observation[] {
  const rows: Observation[] = [];
  for (let i = 0; i < epochDays.length; i++) rows.push({ date: isoDateOfDay(epochDays[i]), value: values[i] });
  return rows;
}

/**
 * The columns `s` was built from by {@link seriesFromColumns}, while its `rows` are still theirs (not
 * read yet, or read and not replaced); undefined for any other series.
 */
export function loadedColumns(s: Series): SeriesColumns | undefined {
  const state = columnStates.get(s);
  if (!state) return undefined;
  const own = Object.getOwnPropertyDescriptor(s, "rows");
  if (!own) return undefined;
  if (own.get === state.lazy) return state.columns;
  return own.value === state.rows && state.rows!.length === state.columns.values.length ? state.columns : undefined;
}

/**
 * The observations of a series as columns: those the loader validated when `s` came from one (no copy,
 * no rows made), otherwise made from `s.rows` (a series built by hand, a spread copy, rows replaced).
 * Throws when a row's date is not an ISO date. Read-only: never write into the arrays.
 */
export function seriesColumns(s: Series): SeriesColumns {
  const loaded = loadedColumns(s);
  if (loaded) return loaded;
  const rows = s.rows;
  const epochDays = new Int32Array(rows.length);
  const values = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    const day = isoDayNumber(r.date);
    if (day === undefined) throw new RangeError(`${s.file}: ${s.seriesId} row ${i} has "${r.date}", not an ISO date`);
    epochDays[i] = day;
    values[i] = r.value;
  });
  return { epochDays, values };
}

const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });
/** Bytes as text, the way the file reads (a byte-order mark is kept, as Buffer#toString keeps it). */
function utf8(bytes: Uint8Array, from = 0, to = bytes.length): string {
  return UTF8.decode(bytes.subarray(from, to));
}

/** Whether bytes[from, to) is a line that String#trim would leave empty. */
function blankLine(bytes: Uint8Array, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const c = bytes[j];
    if (c >= 0x80) return utf8(bytes, from, to).trim() === ""; // Unicode spaces: ask the decoder
    if (c !== 32 && !(c >= 9 && c <= 13)) return false;
  }
  return true;
}

/**
 * The single pass behind {@link parseDateValueBytes}: one scan over the bytes, dates read by digit
 * arithmetic ({@link isoDayNumber}'s rules), values by {@link parseNumber}'s rules (plain decimals
 * computed exactly from their digits, anything else through the general parser), then the grid and peak
 * checks, all on the columns: no per-observation string or object. Text is decoded only for an error
 * message. Throws a {@link DataValidationError} as {@link parseDateValueCsv} documents.
 */
export function parseDateValueColumns(bytes: Uint8Array, spec: SeriesSpec, file: string): SeriesColumns {
  const len = bytes.length;
  // The header line, up to the first "\n", less one trailing "\r", must read "date,value".
  let headerEnd = 0;
  while (headerEnd < len && bytes[headerEnd] !== 10) headerEnd++;
  const headerTo = headerEnd > 0 && bytes[headerEnd - 1] === 13 ? headerEnd - 1 : headerEnd;
  if (headerTo !== HEADER_BYTES.length || !HEADER_BYTES.every((c, j) => bytes[j] === c)) {
    if (utf8(bytes).trim() === "") throw new DataValidationError(file, undefined, "the file is empty");
    throw new DataValidationError(
      file,
      1,
      `expected the header "date,value", found "${utf8(bytes, 0, headerTo)}"`,
    );
  }
  // The observations end before the trailing blank lines.
  let stop = len;
  while (stop > headerEnd) {
    let from = stop - 1;
    while (from > headerEnd && bytes[from] !== 10) from--;
    if (!blankLine(bytes, from + 1, stop)) break;
    stop = from; // the "\n" before the blank line (the header's own "\n" when every line was blank)
  }
  if (stop <= headerEnd) throw new DataValidationError(file, undefined, "no observations after the header");
  // A line that passes holds at least "YYYY-MM-DD,1" and its "\n": 12 bytes.
  // The scan writes into scratch columns kept between parses; the series gets exact-size copies.
  const { days, values } = scratchColumns(Math.ceil((stop - headerEnd) / 12) + 1);
  const out = { n: 0, peak: -Infinity };
  // The hot loop lives in its own function, on a plain Uint8Array (one shape whatever the caller passes).
  const u8 = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  scanObservations(u8, headerEnd + 1, stop, spec, file, days, values, out);
  const { n, peak } = out;
  checkGridDays(days.subarray(0, n), spec, file);
  if (spec.peakAtLeast !== undefined && peak < spec.peakAtLeast) {
    throw new DataValidationError(
      file,
      undefined,
      `${spec.seriesId} never exceeds ${peak}, below the ${spec.peakAtLeast} expected in ${spec.unitsAsPublished}: is the file in other units?`,
    );
  }
  // Both columns in one allocation: the values (8-byte aligned) first, then the day numbers.
  const buffer = new ArrayBuffer(12 * n);
  const columns = { epochDays: new Int32Array(buffer, 8 * n, n), values: new Float64Array(buffer, 0, n) };
  columns.epochDays.set(days.subarray(0, n));
  columns.values.set(values.subarray(0, n));
  return columns;
}

let scratch = { days: new Int32Array(0), values: new Float64Array(0) };
/** Scratch columns of at least `capacity` observations, reused by every parse (grown when too short). */
function scratchColumns(capacity: number): { days: Int32Array; values: Float64Array } {
  if (scratch.days.length < capacity) {
    const size = Math.max(capacity, 2 * scratch.days.length);
    scratch = { days: new Int32Array(size), values: new Float64Array(size) };
  }
  return scratch;
}

/**
 * The observation lines of a `date,value` file, bytes[from, stop), checked and written to days (day
 * numbers) and values (canonical units) from index 0 (see {@link parseDateValueColumns}); sets `out.n`
 * to their count and `out.peak` to the largest published value. Throws on the first bad line.
 *
 * Runs of common lines go through {@link scanPlainLines}, a small loop on numbers and typed arrays
 * only (one machine-code shape whatever the spec); any other line through {@link scanGeneralLine}.
 */
function scanObservations(
  bytes: Uint8Array,
  from: number,
  stop: number,
  spec: SeriesSpec,
  file: string,
  days: Int32Array,
  values: Float64Array,
  out: { n: number; peak: number },
): void {
  const lo = spec.rangeAsPublished[0];
  const hi = spec.rangeAsPublished[1];
  const scale = spec.scale;
  // toCanonical's arithmetic with its constant hoisted: one division or one rounding per value.
  const divisor = scale < 1 ? Math.round(1 / scale) : 1;
  const progress = new Float64Array([0, -Infinity]); // [lines done, largest published value]
  let p = from;
  while (p <= stop) {
    p = scanPlainLines(bytes, p, stop, lo, hi, scale, divisor, days, values, progress);
    if (p > stop) break;
    p = scanGeneralLine(bytes, p, stop, spec, file, lo, hi, scale, divisor, days, values, progress);
  }
  out.n = progress[0];
  out.peak = progress[1];
}

/**
 * The common lines from `p` on, "YYYY-MM-DD,<plain decimal>" and "\n" (or "\r\n", or the end), each
 * read in one pass and stored at index `progress[0]` (then advanced, and `progress[1]` raised to the
 * largest published value). Returns where the first other line starts (left to
 * {@link scanGeneralLine}, which names the line when it fails), or a position past `stop` at the end.
 */
function scanPlainLines(
  bytes: Uint8Array,
  p: number,
  stop: number,
  lo: number,
  hi: number,
  scale: number,
  divisor: number,
  days: Int32Array,
  values: Float64Array,
  progress: Float64Array,
): number {
  let i = progress[0];
  let peak = progress[1];
  // The month of the previous line and the day number of its first day: most lines share it.
  let monthKey = -1;
  let monthStart = 0;
  let monthDays = 0;
  for (;;) {
    if (!(bytes[p + 10] === 44 && bytes[p + 4] === 45 && bytes[p + 7] === 45)) break;
    const y = digits4(bytes, p), m = digits2(bytes, p + 5), d = digits2(bytes, p + 8);
    if (y < 0 || !(m >= 1 && m <= 12) || d < 0) break;
    const key = y * 16 + m; // one key per month (m ≤ 12)
    if (key !== monthKey) {
      const start = dayNumber(y, m, 1);
      if (start === undefined) break;
      monthKey = key;
      monthStart = start;
      monthDays = daysInMonth(y, m);
    }
    if (d < 1 || d > monthDays) break;
    const day = monthStart + d - 1;
    if (i > 0 && day <= days[i - 1]) break;
    // The value: optional sign, digits with one optional point, as plainDecimalOfBytes reads them; at most
    // 15 digits (below 2^53, exact), more go to the general path, which reads them exactly too.
    let j = p + 11;
    const sign = bytes[j];
    if (sign === 45 || sign === 43) j++;
    let mantissa = 0;
    let digits = 0;
    let decimals = 0;
    let c = bytes[j];
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      c = bytes[++j];
    }
    if (c === 46) {
      c = bytes[++j];
      while (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        decimals++;
        c = bytes[++j];
      }
    }
    if (digits === 0 || digits > 15) break;
    // The line end: "\n", "\r\n", or the end of the observations.
    let end = j;
    if (j < stop) {
      if (c === 13 && (j + 1 === stop || bytes[j + 1] === 10)) end = j + 1;
      else if (c !== 10) break;
    }
    const magnitude = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
    const value = sign === 45 ? -magnitude : magnitude;
    if (!(value >= lo && value <= hi)) break; // the general path names the line
    days[i] = day;
    if (value > peak) peak = value;
    values[i] = scale === 1 ? value : scale < 1 ? value / divisor : toCanonical(value, scale);
    i++;
    p = end + 1;
    if (end >= stop) break;
  }
  progress[0] = i;
  progress[1] = peak;
  return p;
}

/**
 * One line at `p` that {@link scanPlainLines} did not take, read field by field and stored at index
 * `progress[0]` (see there), or a {@link DataValidationError} naming it. Returns where the next line
 * starts, past `stop` after the last.
 */
function scanGeneralLine(
  bytes: Uint8Array,
  p: number,
  stop: number,
  spec: SeriesSpec,
  file: string,
  lo: number,
  hi: number,
  scale: number,
  divisor: number,
  days: Int32Array,
  values: Float64Array,
  progress: Float64Array,
): number {
  const i = progress[0];
  // [p, end), less a trailing "\r"; its commas.
  let end = p;
  let comma = -1;
  let commas = 0;
  for (; end < stop; end++) {
    const c = bytes[end];
    if (c === 10) break;
    if (c === 44 && commas++ === 0) comma = end;
  }
  const to = end > p && bytes[end - 1] === 13 ? end - 1 : end;
  if (commas !== 1) throw lineError(file, i, `expected 2 fields (date,value), found "${utf8(bytes, p, to)}"`);
  const day = comma - p === 10 ? dayNumberAt(bytes, p) : undefined;
  if (day === undefined) {
    throw lineError(file, i, `"${utf8(bytes, p, comma)}" is not an ISO date (YYYY-MM-DD)`);
  }
  if (i > 0 && day <= days[i - 1]) {
    const date = isoDateOfDay(day);
    const prev = isoDateOfDay(days[i - 1]);
    throw lineError(file, i, date === prev ? `duplicate date ${date}` : `dates out of order: ${date} after ${prev}`);
  }
  days[i] = day;
  let value = plainDecimalOfBytes(bytes, comma + 1, to);
  if (value !== value) value = generalNumber(bytes, comma + 1, to, file, i, day); // NaN: not a plain decimal
  if (value < lo || value > hi) {
    throw lineError(
      file,
      i,
      `${spec.seriesId} value ${value} on ${
        isoDateOfDay(day)
      } is outside the declared range [${lo}, ${hi}] in ${spec.unitsAsPublished}: is the file in other units?`,
    );
  }
  if (value > progress[1]) progress[1] = value;
  values[i] = scale === 1 ? value : scale < 1 ? value / divisor : toCanonical(value, scale);
  progress[0] = i + 1;
  return end + 1;
}

/** The error for observation i (line i + 2, after the header). */
function lineError(file: string, i: number, reason: string): DataValidationError {
  return new DataValidationError(file, i + 2, reason);
}

/** A value that is not a plain decimal, read by {@link parseNumber}; throws naming the line when it is no number. */
function generalNumber(bytes: Uint8Array, from: number, to: number, file: string, i: number, day: number): number {
  const raw = utf8(bytes, from, to);
  const parsed = parseNumber(raw);
  if (parsed === undefined) {
    const shown = raw.trim() === "" ? "a blank value" : `"${raw}"`;
    throw lineError(
      file,
      i,
      `${shown} for ${isoDateOfDay(day)} is not a number (missing values must be absent, not marked)`,
    );
  }
  return parsed;
}

const HEADER_BYTES = Array.from("date,value", (c) => c.charCodeAt(0));

/** {@link isoDayNumber} of the 10 bytes at `at` (read as ASCII), or undefined. */
export function isoDayNumberAt(bytes: Uint8Array, at: number): number | undefined {
  return dayNumberAt(bytes, at);
}

/** {@link isoDayNumber} of the 10 bytes at `at`, or undefined. */
function dayNumberAt(bytes: Uint8Array, at: number): number | undefined {
  if (bytes[at + 4] !== 45 || bytes[at + 7] !== 45) return undefined;
  let y = 0;
  for (let j = 0; j < 4; j++) {
    const c = bytes[at + j] - 48;
    if (!(c >= 0 && c <= 9)) return undefined;
    y = y * 10 + c;
  }
  const m1 = bytes[at + 5] - 48, m2 = bytes[at + 6] - 48, d1 = bytes[at + 8] - 48, d2 = bytes[at + 9] - 48;
  if (!(m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9)) return undefined;
  return dayNumber(y, m1 * 10 + m2, d1 * 10 + d2);
}

/**
 * {@link plainDecimalOfBytes} on a string, read through a reused buffer of its UTF-8 bytes: a plain decimal
 * is ASCII, and any other character is a byte of 0x80 or more, which the reader refuses as it would the
 * character itself.
 */
function plainDecimal(text: string): number {
  if (TEXT_BYTES.length < text.length * 3) TEXT_BYTES = new Uint8Array(text.length * 3);
  const { written } = TEXT_ENCODER.encodeInto(text, TEXT_BYTES);
  return plainDecimalOfBytes(TEXT_BYTES, 0, written);
}
const TEXT_ENCODER = new TextEncoder();
/** Scratch for {@link plainDecimal}: at least 3 bytes per UTF-16 unit, what UTF-8 needs at most. */
let TEXT_BYTES = new Uint8Array(64);

/** The 4-digit number at bytes[at, at + 4), or -1. */
function digits4(bytes: Uint8Array, at: number): number {
  const a = bytes[at] - 48, b = bytes[at + 1] - 48, c = bytes[at + 2] - 48, d = bytes[at + 3] - 48;
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 && d >= 0 && d <= 9)) return -1;
  return a * 1000 + b * 100 + c * 10 + d;
}

/** The 2-digit number at bytes[at, at + 2), or -1. */
function digits2(bytes: Uint8Array, at: number): number {
  const a = bytes[at] - 48, b = bytes[at + 1] - 48;
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1;
  return a * 10 + b;
}

/** Exact powers of ten as doubles (10^0 … 10^22): a quotient by one of them is correctly rounded. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Mantissas above this could pass 2^53 with one more digit. */
const MANTISSA_LIMIT = Math.floor((Number.MAX_SAFE_INTEGER - 9) / 10);

/**
 * A plain decimal in bytes[from, to) — optional sign, digits, optional point and digits, at least one
 * digit — or NaN for anything else (an exponent, spaces, more digits than a double holds exactly): the
 * caller then parses the text with {@link parseNumber}. The digits form an integer below 2^53 and the
 * point a power of ten up to 10^22, both exact, so their quotient is the correctly rounded value:
 * exactly what `Number(text)` gives.
 */
export function plainDecimalOfBytes(bytes: Uint8Array, from: number, to: number): number {
  let j = from;
  const sign = bytes[j];
  if (sign === 45 || sign === 43) j++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; j < to; j++) {
    const c = bytes[j];
    if (c === 46 && decimals < 0) {
      decimals = 0;
      continue;
    }
    const d = c - 48;
    if (!(d >= 0 && d <= 9) || mantissa > MANTISSA_LIMIT) return NaN;
    mantissa = mantissa * 10 + d;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0 || decimals > 22) return NaN;
  const value = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return sign === 45 ? -value : value;
}

/**
 * Check that sorted, unique ISO dates sit on the frequency grid of `spec`. Throws a
 * {@link DataValidationError} naming the first line off the grid (line = index + 2, after the header).
 * `days` may carry the dates' day numbers ({@link isoDayNumber}) when the caller has them.
 */
export function checkGrid(
  dates: readonly string[],
  spec: GridSpec,
  file: string,
  days?: Int32Array,
): void {
  checkGridDays(days ?? Int32Array.from(dates, (d) => isoDayNumber(d)!), spec, file);
}

/** The parts of a {@link SeriesSpec} that define its grid. */
type GridSpec = Pick<SeriesSpec, "frequency" | "weekday" | "maxGapDays" | "allowWeekendMonthEnds" | "gridFrom">;

/**
 * {@link checkGrid} on day numbers (days since 1970-01-01, strictly increasing): the parser's check,
 * with no date string made unless a line fails.
 */
export function checkGridDays(days: Int32Array, spec: GridSpec, file: string): void {
  const frequency = spec.frequency;
  if (frequency === "daily-operations" || frequency === "irregular") return;
  const n = days.length;
  let start = 0;
  if (spec.gridFrom !== undefined) {
    const fromDay = isoDayNumber(spec.gridFrom);
    if (fromDay === undefined) {
      throw new RangeError(`${file}: the spec's gridFrom "${spec.gridFrom}" is not an ISO date (YYYY-MM-DD)`);
    }
    while (start < n && days[start] < fromDay) start++;
  }
  // The spec's fields are read once here: the loops below see only numbers (specs come in many shapes).
  const bad = frequency === "weekly"
    ? weeklyOff(days, start, spec.weekday ?? -1)
    : frequency === "daily"
    ? dailyOff(days, start)
    : frequency === "business-daily"
    ? businessDailyOff(days, start, spec.maxGapDays ?? 5, spec.allowWeekendMonthEnds === true)
    : monthlyOff(days, start, frequency === "monthly" ? 1 : 3);
  if (bad !== undefined) {
    throw new DataValidationError(
      file,
      bad.i + 2,
      `${isoDateOfDay(days[bad.i])} is off the ${frequency} grid: ${bad.why}`,
    );
  }
}

/** The first observation off a grid: its index and why. */
interface OffGrid {
  i: number;
  why: string;
}

/** The weekday of a day number (0 = Sunday); 1970-01-01 was a Thursday (4). */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Weekly from `start`: every date on `weekday` (unless -1), 7 days apart. */
function weeklyOff(days: Int32Array, start: number, weekday: number): OffGrid | undefined {
  for (let i = start; i < days.length; i++) {
    if (weekday >= 0 && weekdayOf(days[i]) !== weekday) return { i, why: `expected weekday ${weekday} (0 = Sunday)` };
    const gap = days[i] - days[i - 1];
    if (i > start && gap !== 7) return { i, why: `${gap} days after the previous observation, expected 7` };
  }
  return undefined;
}

/** Daily from `start`: consecutive days. */
function dailyOff(days: Int32Array, start: number): OffGrid | undefined {
  for (let i = start + 1; i < days.length; i++) {
    const gap = days[i] - days[i - 1];
    if (gap !== 1) return { i, why: `${gap} days after the previous observation, expected 1` };
  }
  return undefined;
}

/** Business-daily from `start`: no weekend date (but month ends, when allowed), no gap above `max` days. */
function businessDailyOff(days: Int32Array, start: number, max: number, monthEnds: boolean): OffGrid | undefined {
  for (let i = start; i < days.length; i++) {
    const day = days[i];
    const weekday = weekdayOf(day);
    // A month's last day is the day before a first of the month.
    if ((weekday === 0 || weekday === 6) && !(monthEnds && civilOfDay(day + 1) % 100 === 1)) {
      return { i, why: "a weekend date" };
    }
    const gap = day - days[i - 1];
    if (i > start && gap > max) return { i, why: `${gap} days after the previous observation, more than ${max}` };
  }
  return undefined;
}

/** Monthly (step 1) or quarterly (step 3) from `start`: first days of consecutive periods. */
function monthlyOff(days: Int32Array, start: number, step: number): OffGrid | undefined {
  let prevMonths = 0;
  for (let i = start; i < days.length; i++) {
    const ymd = civilOfDay(days[i]);
    const months = monthsOfCivil(ymd);
    if (ymd % 100 !== 1) return { i, why: "expected the first day of the period" };
    if (step === 3 && months % 3 !== 0) return { i, why: "expected the first month of a quarter" };
    if (i > start && months - prevMonths !== step) {
      return { i, why: `${months - prevMonths} months after the previous observation, expected ${step}` };
    }
    prevMonths = months;
  }
  return undefined;
}

/** Months since year 0 of a {@link civilOfDay} number: year × 12 + month − 1. */
function monthsOfCivil(ymd: number): number {
  return Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100) - 1;
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
  const columns = loadedColumns(s); // a loaded series is described without making its rows
  return {
    seriesId: s.seriesId,
    title: s.title,
    observation: s.observation,
    units: s.units,
    rows: columns ? columns.epochDays.length : s.rows.length,
    first: columns ? isoDateOfDay(columns.epochDays[0]) : s.rows[0].date,
    asOf: s.asOf,
  };
}
