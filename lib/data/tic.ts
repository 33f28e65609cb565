/**
 * U.S. Treasury TIC "Major Foreign Holders of Treasury Securities" (mfhhis01.txt), month-end holdings.
 *
 * FROM: $ billions, end of month, dated on the month's first day (2025-01-01 = end of January 2025).
 * TO: $bn, same dating. Survey breaks: where the source prints a new and an old series for the same month
 * (2000-03 and each June 2002-2011) the newer series is kept; from Dec 2011 holdings include SLT-based
 * data (a level break); "United Kingdom" includes the Channel Islands and Isle of Man to Feb 2016.
 * The breaks are data here ({@link TIC_SERIES_BREAKS}); {@link loadTicHoldings} returns the five holders
 * with them. A change into a break month mixes two bases and is not a flow.
 */
import { dataCacheEnabled, readCachedTable, tableCachePath, type TableFields, writeCachedTable } from "./cache.ts";
import { loadDateValueFile, type LoadOptions, readDataBytes } from "./manifest.ts";
import {
  DataValidationError,
  isoDateOfDay,
  isoDayNumber,
  isoDayNumberAt,
  parseDateValueCsv,
  parseNumber,
  plainDecimalOfBytes,
  readCsvColumns,
  type Series,
  seriesColumns,
  type SeriesSpec,
} from "./series.ts";

const TIC = {
  unitsAsPublished: "$ billions",
  scale: 1,
  units: "$bn",
  frequency: "monthly",
  observation: "end-of-month holdings",
  rangeAsPublished: [0, 20_000],
  peakAtLeast: 10,
} as const;

/** The single-holder TIC files qtlab ships, keyed by holder. */
export const TIC_SPECS = {
  CHINA: { seriesId: "TIC:China, Mainland", title: "China (mainland): holdings of Treasuries", ...TIC },
  JAPAN: { seriesId: "TIC:Japan", title: "Japan: holdings of Treasuries", ...TIC },
  UNITED_KINGDOM: { seriesId: "TIC:United Kingdom", title: "United Kingdom: holdings of Treasuries", ...TIC },
  GRAND_TOTAL: { seriesId: "TIC:Grand Total", title: "All foreign holders: holdings of Treasuries", ...TIC },
  FOREIGN_OFFICIAL: {
    seriesId: "TIC:For. Official",
    title: "Foreign official holders: holdings of Treasuries",
    ...TIC,
  },
} as const satisfies Record<string, SeriesSpec>;

export type TicHolder = keyof typeof TIC_SPECS;

/**
 * A holder's value moving by more than this factor from one month to the next is refused as a unit
 * switch inside the file (millions or trillions written among billions). The largest real move in the
 * shipped table is ×4.9 (United Kingdom at the June 2008 survey break, 271.4 → 55.3 $bn).
 */
export const TIC_MAX_MONTHLY_FACTOR = 10;

/** Parse one single-holder TIC file (pure). Also refuses a month-to-month jump beyond {@link TIC_MAX_MONTHLY_FACTOR}. */
export function parseTic(text: string, holder: TicHolder, file = `TIC_MFH_${holder}.csv`): Series {
  return checkMonthlyJumps(parseDateValueCsv(text, TIC_SPECS[holder], file));
}

/** Load one shipped TIC holder series from data/, verified against its provenance record. */
export function loadTic(holder: TicHolder, options?: LoadOptions): Series {
  return checkMonthlyJumps(loadDateValueFile(`TIC_MFH_${holder}.csv`, TIC_SPECS[holder], options));
}

/** Throw when a value moves by more than {@link TIC_MAX_MONTHLY_FACTOR} in one month (a unit switch). */
function checkMonthlyJumps(series: Series): Series {
  const { epochDays, values } = seriesColumns(series); // no rows made
  for (let i = 1; i < values.length; i++) {
    const [a, b] = [values[i - 1], values[i]];
    if (a > 0 && b > 0 && Math.max(a / b, b / a) > TIC_MAX_MONTHLY_FACTOR) {
      throw new DataValidationError(
        series.file,
        i + 2,
        `${series.seriesId} moves from ${a} to ${b} $bn between ${isoDateOfDay(epochDays[i - 1])} and ${
          isoDateOfDay(epochDays[i])
        }, more than ×${TIC_MAX_MONTHLY_FACTOR}: is part of the file in other units?`,
      );
    }
  }
  return series;
}

/** One row of the long TIC table: a holder's end-of-month holdings in $bn. */
export interface TicHolding {
  date: string;
  holder: string;
  valueUsdBn: number;
}

/** Row labels of the long table that are totals or breakdowns, not holders summing to the grand total. */
export const TIC_AGGREGATE_LABELS = ["Grand Total", "For. Official", "Treasury Bills", "T-Bonds & Notes"] as const;

/**
 * How far (in $bn) the holders of a month may sum away from its "Grand Total" row, and "Treasury Bills" +
 * "T-Bonds & Notes" away from "For. Official": the source rounds each row to $0.1bn, and the largest gap in
 * the shipped table is 0.5 $bn over ~40 rows.
 */
export const TIC_TOTAL_TOLERANCE_USD_BN = 2;

/**
 * Parse the long TIC table (`date,country,value`: every row label of mfhhis01 for every month) (pure).
 * Checks the header, ISO month dates, numbers within [0, 20000] $bn, and no holder twice in a month.
 * Holders appear and disappear over time (e.g. "Oil Exporters" only to Dec 2011); months are not
 * required to be complete per holder. In a month that has a "Grand Total" row, the holder rows (countries
 * and "All Other") must sum to it, and "Treasury Bills" + "T-Bonds & Notes" (the foreign official split)
 * to "For. Official", within {@link TIC_TOTAL_TOLERANCE_USD_BN}: one row in other units fails this.
 * FROM: $ billions. TO: $bn.
 */
export function parseTicLong(text: string, file = "TIC_MFH_long.csv"): TicHolding[] {
  return scanTicLong(new TextEncoder().encode(text), file) ?? parseTicLongText(text, file);
}

/** {@link parseTicLong} on the file's bytes (UTF-8), decoding them to text only when they need it. */
export function parseTicLongBytes(bytes: Uint8Array, file = "TIC_MFH_long.csv"): TicHolding[] {
  return scanTicLong(bytes, file) ?? parseTicLongText(UTF8.decode(bytes), file);
}

/**
 * {@link parseTicLong} read through {@link readCsvColumns}: any CSV, every failure named by its line.
 * The reference the byte scan is held to (and what reads a file the scan does not take).
 */
export function parseTicLongText(text: string, file: string): TicHolding[] {
  const { columns, rows: n } = readCsvColumns(text, file, ["date", "country", "value"]);
  const out: TicHolding[] = new Array(n);
  // Each label is checked once and numbered; a row's month (consecutive rows mostly share it) holds the
  // set of label numbers it has seen as bits: no per-row key string, no hashing of numbers.
  const labels = new Map<string, number>();
  const months = new Map<number, MonthTotals>();
  let month: MonthTotals | undefined;
  for (let i = 0; i < n; i++) {
    const line = i + 2;
    const date = columns.date[i];
    const holder = columns.country[i];
    if (month === undefined || date !== month.date) {
      const day = isoDayNumber(date);
      if (day === undefined || !date.endsWith("-01")) {
        throw new DataValidationError(file, line, `"${date}" is not the first day of a month (YYYY-MM-01)`);
      }
      month = months.get(day);
      if (month === undefined) months.set(day, month = { date, holders: 0, aggregates: new Map(), labelBits: [] });
    }
    let label = labels.get(holder);
    if (label === undefined) {
      if (holder.trim() === "") throw new DataValidationError(file, line, "blank holder name");
      label = labels.size;
      labels.set(holder, label);
    }
    const value = parseNumber(columns.value[i]);
    if (value === undefined) {
      throw new DataValidationError(file, line, `"${columns.value[i]}" for ${holder} ${date} is not a number`);
    }
    if (value < 0 || value > 20_000) {
      throw new DataValidationError(
        file,
        line,
        `${holder} ${date}: ${value} is outside [0, 20000] $ billions: is the file in other units?`,
      );
    }
    const word = label >> 5, bit = 1 << (label & 31), bits = month.labelBits;
    while (bits.length <= word) bits.push(0);
    if (bits[word] & bit) throw new DataValidationError(file, line, `duplicate row for ${holder} ${date}`);
    bits[word] |= bit;
    if (AGGREGATES.has(holder)) month.aggregates.set(holder, value);
    else month.holders += value;
    out[i] = { date, holder, valueUsdBn: value };
  }
  if (n === 0) throw new DataValidationError(file, undefined, "no rows after the header");
  checkTicTotals(months.values(), file);
  return out;
}

const TIC_LONG_HEADER = Array.from("date,country,value", (c) => c.charCodeAt(0));

/**
 * The long table read straight from its bytes when every line has the plain form the shipped file has
 * (`YYYY-MM-01,<label or "label">,<plain decimal>`, ASCII, "\n" or "\r\n" line ends) and passes every
 * row check of {@link parseTicLong}: the same rows, without decoding the file or cutting it into cell
 * strings. Undefined for anything else, including a row that fails a check: the text reading then
 * names the line. The month totals are checked here as there (they throw the same error).
 */
function scanTicLong(bytes: Uint8Array, file: string): TicHolding[] | undefined {
  const len = bytes.length;
  let p = TIC_LONG_HEADER.length;
  if (len < p || !TIC_LONG_HEADER.every((c, j) => bytes[j] === c)) return undefined;
  if (bytes[p] === 13) p++;
  if (bytes[p] !== 10) return undefined;
  p++;
  const out: TicHolding[] = [];
  const labels = new LabelTable();
  const months = new Map<number, MonthTotals>();
  let month: MonthTotals | undefined;
  let monthDay = NaN;
  while (p < len) {
    // The date: a first of the month, then a comma.
    if (bytes[p + 10] !== 44 || bytes[p + 8] !== 48 || bytes[p + 9] !== 49) return undefined;
    const day = isoDayNumberAt(bytes, p);
    if (day === undefined) return undefined;
    // The label, quoted or not: ASCII, no quote, comma or line end inside an unquoted one.
    let q = p + 11;
    let from = q;
    let to: number;
    let hash = FNV_OFFSET;
    if (bytes[q] === 34) {
      from = ++q;
      for (; q < len; q++) {
        const c = bytes[q];
        if (c === 34) break;
        if (c >= 0x80 || c === 10 || c === 13) return undefined;
        hash = Math.imul(hash ^ c, FNV_PRIME);
      }
      if (q >= len) return undefined;
      to = q++; // the closing quote
      if (bytes[q] !== 44) return undefined;
    } else {
      for (; q < len; q++) {
        const c = bytes[q];
        if (c === 44) break;
        if (c >= 0x80 || c === 10 || c === 13 || c === 34) return undefined;
        hash = Math.imul(hash ^ c, FNV_PRIME);
      }
      if (q >= len) return undefined;
      to = q;
    }
    const label = labels.intern(bytes, from, to, hash & 0x3fffffff); // a small integer key
    if (label === undefined) return undefined; // a blank label
    // The value, then the line end.
    const valueFrom = q + 1;
    let e = valueFrom;
    while (e < len && bytes[e] !== 10 && bytes[e] !== 13) e++;
    const value = plainDecimalOfBytes(bytes, valueFrom, e);
    if (!(value >= 0 && value <= 20_000)) return undefined; // NaN too: not a plain decimal
    if (e < len && bytes[e] === 13 && bytes[++e] !== 10) return undefined;
    if (day !== monthDay) {
      month = months.get(day);
      if (month === undefined) {
        months.set(day, month = { date: isoDateOfDay(day), holders: 0, aggregates: new Map(), labelBits: [] });
      }
      monthDay = day;
    }
    const m = month!;
    const word = label.index >> 5, bit = 1 << (label.index & 31), bits = m.labelBits;
    while (bits.length <= word) bits.push(0);
    if (bits[word] & bit) return undefined; // a duplicate
    bits[word] |= bit;
    if (label.aggregate) m.aggregates.set(label.text, value);
    else m.holders += value;
    out.push({ date: m.date, holder: label.text, valueUsdBn: value });
    p = e + 1;
  }
  if (out.length === 0) return undefined;
  checkTicTotals(months.values(), file);
  return out;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** A label of the long table: its text, its number (order of first appearance), whether it is an aggregate. */
interface Label {
  text: string;
  index: number;
  aggregate: boolean;
}

/** The labels met while scanning bytes, found by a hash of their bytes (no string made per row). */
class LabelTable {
  private readonly byHash = new Map<number, Label[]>();
  private size = 0;
  /** The label of bytes[from, to) (ASCII) with this FNV-1a hash, or undefined when it is blank. */
  intern(bytes: Uint8Array, from: number, to: number, hash: number): Label | undefined {
    let bucket = this.byHash.get(hash);
    if (bucket !== undefined) {
      for (const l of bucket) if (sameAscii(l.text, bytes, from, to)) return l;
    } else this.byHash.set(hash, bucket = []);
    const text = String.fromCharCode(...bytes.subarray(from, to));
    if (text.trim() === "") return undefined;
    const label = { text, index: this.size++, aggregate: AGGREGATES.has(text) };
    bucket.push(label);
    return label;
  }
}

/** Whether bytes[from, to) spell `text` (ASCII). */
function sameAscii(text: string, bytes: Uint8Array, from: number, to: number): boolean {
  if (text.length !== to - from) return false;
  for (let j = 0; j < text.length; j++) if (text.charCodeAt(j) !== bytes[from + j]) return false;
  return true;
}

/** One month of the long table: the sum of its holder rows ($bn, in row order) and its aggregate rows. */
interface MonthTotals {
  date: string;
  holders: number;
  aggregates: Map<string, number>;
  /** Bit k of word k >> 5 is set once the month has a row with label number k. */
  labelBits: number[];
}
const AGGREGATES = new Set<string>(TIC_AGGREGATE_LABELS);

/** The month totals check of {@link parseTicLong}, month by month; throws naming the month and the gap. */
function checkTicTotals(months: Iterable<MonthTotals>, file: string): void {
  for (const { date, holders, aggregates } of months) {
    const total = aggregates.get("Grand Total");
    if (total !== undefined && Math.abs(holders - total) > TIC_TOTAL_TOLERANCE_USD_BN) {
      throw new DataValidationError(
        file,
        undefined,
        `${date}: the holders sum to ${
          holders.toFixed(1)
        } $bn but the Grand Total row says ${total}: a row in other units, or a row missing?`,
      );
    }
    const official = aggregates.get("For. Official");
    const bills = aggregates.get("Treasury Bills");
    const notes = aggregates.get("T-Bonds & Notes");
    if (
      official !== undefined && bills !== undefined && notes !== undefined &&
      Math.abs(bills + notes - official) > TIC_TOTAL_TOLERANCE_USD_BN
    ) {
      throw new DataValidationError(
        file,
        undefined,
        `${date}: Treasury Bills ${bills} + T-Bonds & Notes ${notes} $bn differ from For. Official ${official} $bn`,
      );
    }
  }
}

/** The decoder of the long table's bytes (one per process; a byte-order mark is kept, as it reads). */
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** A long-table row's fields as the data cache stores them. */
const TIC_TABLE_FIELDS: TableFields<TicHolding> = {
  date: (r) => r.date,
  label: (r) => r.holder,
  value: (r) => r.valueUsdBn,
};

/** Load the shipped long TIC table, verified against its provenance record. */
export function loadTicLong(options?: LoadOptions): TicHolding[] {
  const { bytes, path, entry } = readDataBytes("TIC_MFH_long.csv", options);
  // Verified above; a cache entry replaces only the parse, for the same file and the same parsing code.
  const cached = dataCacheEnabled()
    ? tableCachePath("TIC_MFH_long.csv", entry.sha256, [new URL(import.meta.url)])
    : undefined;
  const rows = cached
    ? readCachedTable(cached, entry.rows, (date, holder, valueUsdBn): TicHolding => ({ date, holder, valueUsdBn }))
    : undefined;
  if (rows) return rows;
  const parsed = parseTicLongBytes(bytes, path);
  if (cached) writeCachedTable(cached, parsed, TIC_TABLE_FIELDS);
  return parsed;
}

/** The TIC row labels of the five holders qtlab ships as single files. */
export const TIC_LABELS: Record<TicHolder, string> = {
  CHINA: "China, Mainland",
  JAPAN: "Japan",
  UNITED_KINGDOM: "United Kingdom",
  GRAND_TOTAL: "Grand Total",
  FOREIGN_OFFICIAL: "For. Official",
};

/** A break in the TIC holdings history: a month whose change from the month before mixes two bases. */
export interface TicSeriesBreak {
  /** The month (dated on its first day) from which the new basis applies. */
  date: string;
  /** "survey": an annual benchmark survey; the source prints old and new series for this month. "slt": the SLT level break. */
  kind: "survey" | "slt";
  label: string;
  description: string;
}

/**
 * The series breaks of mfhhis01 as data (SOURCES.md, TIC notes). At each survey break the source prints
 * the new series and the old one "for comparison only" for the same month; qtlab keeps the new one, so
 * the change into that month mixes the old basis (the month before) with the new. From Dec 2011 the data
 * include holdings from the monthly SLT report (series XIII): a level break, no overlap printed.
 * Source: Treasury, mfhhis01.txt (stamped 3/18/26) footnotes; qtlab data/README and SOURCES.md.
 */
export const TIC_SERIES_BREAKS: readonly TicSeriesBreak[] = [
  ...[
    "2000-03",
    "2002-06",
    "2003-06",
    "2004-06",
    "2005-06",
    "2006-06",
    "2007-06",
    "2008-06",
    "2009-06",
    "2010-06",
    "2011-06",
  ].map(
    (m): TicSeriesBreak => ({
      date: `${m}-01`,
      kind: "survey",
      label: "survey break",
      description: `New series from the annual benchmark survey starts ${m}; the old series for that month is dropped.`,
    }),
  ),
  {
    date: "2011-12-01",
    kind: "slt",
    label: "SLT data from Dec 2011",
    description: "From Dec 2011 holdings include SLT-based data (series XIII): a level break.",
  },
];

/** Month-end holdings of the five shipped holders, each a validated Series in $bn, with the breaks. */
export interface TicHoldings {
  /** Holder key → series ($bn, end of month, dated on the month's first day). */
  series: Record<TicHolder, Series>;
  /** The TIC row label of each holder ("China, Mainland"). */
  labels: Record<TicHolder, string>;
  breaks: readonly TicSeriesBreak[];
  /** The last month of the data (all five files end on the same month, checked). */
  asOf: string;
}

/**
 * Load the five single-holder TIC files (China, Japan, United Kingdom, all foreign, foreign official) with
 * the survey breaks as data. Each file is checked against its provenance record and against the long
 * table: every month of a holder's file must equal that holder's row of TIC_MFH_long.csv.
 */
export function loadTicHoldings(options?: LoadOptions): TicHoldings {
  const holders = Object.keys(TIC_SPECS) as TicHolder[];
  const series = Object.fromEntries(holders.map((h) => [h, loadTic(h, options)])) as Record<TicHolder, Series>;
  const long = loadTicLong(options);
  const byKey = new Map(long.map((r) => [`${r.date}|${r.holder}`, r.valueUsdBn]));
  for (const h of holders) {
    for (const r of series[h].rows) {
      const v = byKey.get(`${r.date}|${TIC_LABELS[h]}`);
      if (v !== r.value) {
        throw new DataValidationError(
          series[h].file,
          undefined,
          `${r.date}: ${r.value} $bn, but the long table's "${TIC_LABELS[h]}" row says ${v}`,
        );
      }
    }
  }
  const asOfs = [...new Set(holders.map((h) => series[h].asOf))];
  if (asOfs.length !== 1) {
    throw new DataValidationError(
      "TIC_MFH_*.csv",
      undefined,
      `the holder files end on different months: ${asOfs.join(", ")}`,
    );
  }
  return { series, labels: TIC_LABELS, breaks: TIC_SERIES_BREAKS, asOf: asOfs[0] };
}

/**
 * One holder's rows of the long table as a date-sorted series of `{date, value}` in $bn (pure). Throws
 * when the label has no rows. Use for holders without a single file (e.g. "Treasury Bills").
 */
export function ticHolderRows(long: readonly TicHolding[], label: string): { date: string; value: number }[] {
  const rows = long.filter((r) => r.holder === label).map((r) => ({ date: r.date, value: r.valueUsdBn }));
  if (rows.length === 0) throw new Error(`no TIC rows labelled "${label}"`);
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}
