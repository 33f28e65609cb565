/**
 * U.S. Treasury TIC "Major Foreign Holders of Treasury Securities" (mfhhis01.txt), month-end holdings.
 *
 * FROM: $ billions, end of month, dated on the month's first day (2025-01-01 = end of January 2025).
 * TO: $bn, same dating. Survey breaks: where the source prints a new and an old series for the same month
 * (2000-03 and each June 2002-2011) the newer series is kept; from Dec 2011 holdings include SLT-based
 * data (a level break); "United Kingdom" includes the Channel Islands and Isle of Man to Feb 2016.
 */
import { loadDateValueFile, type LoadOptions } from "./manifest.ts";
import { parseDateValueCsv, type Series, type SeriesSpec } from "./series.ts";

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
