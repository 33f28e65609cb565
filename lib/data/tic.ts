/**
 * U.S. Treasury TIC "Major Foreign Holders of Treasury Securities" (mfhhis01.txt), month-end holdings.
 *
 * FROM: $ billions, end of month, dated on the month's first day (2025-01-01 = end of January 2025).
 * TO: $bn, same dating. Survey breaks: where the source prints a new and an old series for the same month
 * (2000-03 and each June 2002-2011) the newer series is kept; from Dec 2011 holdings include SLT-based
 * data (a level break); "United Kingdom" includes the Channel Islands and Isle of Man to Feb 2016.
 */
import { loadDateValueFile, readDataFile, type LoadOptions } from "./manifest.ts";
import { DataValidationError, isoDayNumber, parseDateValueCsv, parseNumber, readCsvColumns, type Series, type SeriesSpec } from "./series.ts";

const TIC = { unitsAsPublished: "$ billions", scale: 1, units: "$bn", frequency: "monthly", observation: "end-of-month holdings", rangeAsPublished: [0, 20_000], peakAtLeast: 10 } as const;

/** The single-holder TIC files qtlab ships, keyed by holder. */
export const TIC_SPECS = {
  CHINA: { seriesId: "TIC:China, Mainland", title: "China (mainland): holdings of Treasuries", ...TIC },
  JAPAN: { seriesId: "TIC:Japan", title: "Japan: holdings of Treasuries", ...TIC },
  UNITED_KINGDOM: { seriesId: "TIC:United Kingdom", title: "United Kingdom: holdings of Treasuries", ...TIC },
  GRAND_TOTAL: { seriesId: "TIC:Grand Total", title: "All foreign holders: holdings of Treasuries", ...TIC },
  FOREIGN_OFFICIAL: { seriesId: "TIC:For. Official", title: "Foreign official holders: holdings of Treasuries", ...TIC },
} as const satisfies Record<string, SeriesSpec>;

export type TicHolder = keyof typeof TIC_SPECS;

/** Parse one single-holder TIC file (pure). */
export function parseTic(text: string, holder: TicHolder, file = `TIC_MFH_${holder}.csv`): Series {
  return parseDateValueCsv(text, TIC_SPECS[holder], file);
}

/** Load one shipped TIC holder series from data/, verified against its provenance record. */
export function loadTic(holder: TicHolder, options?: LoadOptions): Series {
  return loadDateValueFile(`TIC_MFH_${holder}.csv`, TIC_SPECS[holder], options);
}

/** One row of the long TIC table: a holder's end-of-month holdings in $bn. */
export interface TicHolding {
  date: string;
  holder: string;
  valueUsdBn: number;
}

/**
 * Parse the long TIC table (`date,country,value`: every row label of mfhhis01 for every month) (pure).
 * Checks the header, ISO month dates, numbers within [0, 20000] $bn, and no holder twice in a month.
 * Holders appear and disappear over time (e.g. "Oil Exporters" only to Dec 2011); months are not
 * required to be complete per holder. FROM: $ billions. TO: $bn.
 */
export function parseTicLong(text: string, file = "TIC_MFH_long.csv"): TicHolding[] {
  const { columns, rows: n } = readCsvColumns(text, file, ["date", "country", "value"]);
  const out: TicHolding[] = new Array(n);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const line = i + 2;
    const date = columns.date[i];
    const holder = columns.country[i];
    if (isoDayNumber(date) === undefined || !date.endsWith("-01")) {
      throw new DataValidationError(file, line, `"${date}" is not the first day of a month (YYYY-MM-01)`);
    }
    if (holder.trim() === "") throw new DataValidationError(file, line, "blank holder name");
    const value = parseNumber(columns.value[i]);
    if (value === undefined) throw new DataValidationError(file, line, `"${columns.value[i]}" for ${holder} ${date} is not a number`);
    if (value < 0 || value > 20_000) {
      throw new DataValidationError(file, line, `${holder} ${date}: ${value} is outside [0, 20000] $ billions: is the file in other units?`);
    }
    const key = `${date}|${holder}`;
    if (seen.has(key)) throw new DataValidationError(file, line, `duplicate row for ${holder} ${date}`);
    seen.add(key);
    out[i] = { date, holder, valueUsdBn: value };
  }
  if (n === 0) throw new DataValidationError(file, undefined, "no rows after the header");
  return out;
}

/** Load the shipped long TIC table, verified against its provenance record. */
export function loadTicLong(options?: LoadOptions): TicHolding[] {
  const { text, path } = readDataFile("TIC_MFH_long.csv", options);
  return parseTicLong(text, path);
}
