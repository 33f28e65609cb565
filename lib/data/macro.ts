/**
 * The macro denominators: nominal GDP (BEA), commercial bank deposits (Fed H.8) and money market fund
 * assets (Fed Z.1 Financial Accounts).
 *
 * FROM: GDP $ billions SAAR, quarterly, dated on the quarter's first day. TO: $bn SAAR.
 * FROM: deposits $ billions, weekly (Wednesday) or monthly (mean of weeks). TO: $bn.
 * FROM: money market fund total financial assets, $ millions, end of quarter (annual 1945-1951). TO: $bn.
 */
import { loadDateValueFile, type LoadOptions } from "./manifest.ts";
import { parseDateValueCsv, type Series, type SeriesSpec } from "./series.ts";

/** The macro files qtlab ships, keyed by file stem. */
export const MACRO_SPECS = {
  GDP: {
    seriesId: "GDP",
    title: "Nominal GDP (SAAR)",
    unitsAsPublished: "$ billions",
    scale: 1,
    units: "$bn",
    rangeAsPublished: [100, 200_000],
    peakAtLeast: 1_000,
    frequency: "quarterly",
    observation: "quarter, annual rate",
  },
  DPSACBW027SBOG: {
    seriesId: "DPSACBW027SBOG",
    title: "Deposits, all commercial banks (SA)",
    unitsAsPublished: "$ billions",
    scale: 1,
    units: "$bn",
    rangeAsPublished: [100, 100_000],
    peakAtLeast: 1_000,
    frequency: "weekly",
    weekday: 3,
    observation: "Wednesday level",
  },
  DPSACBW027SBOG_monthly: {
    seriesId: "DPSACBW027SBOG",
    title: "Deposits, all commercial banks (SA, monthly)",
    unitsAsPublished: "$ billions",
    scale: 1,
    units: "$bn",
    rangeAsPublished: [100, 100_000],
    peakAtLeast: 1_000,
    frequency: "monthly",
    observation: "monthly mean",
  },
  MMMFFAQ027S: {
    seriesId: "MMMFFAQ027S",
    title: "Money market funds: total financial assets",
    unitsAsPublished: "$ millions",
    scale: 1 / 1_000,
    units: "$bn",
    rangeAsPublished: [0, 50_000_000],
    peakAtLeast: 100_000,
    frequency: "quarterly",
    gridFrom: "1952-01-01",
    observation: "end-of-quarter level",
  },
} as const satisfies Record<string, SeriesSpec>;

export type MacroFile = keyof typeof MACRO_SPECS;

/** Parse the text of one macro file (pure). */
export function parseMacro(text: string, stem: MacroFile, file = `${stem}.csv`): Series {
  return parseDateValueCsv(text, MACRO_SPECS[stem], file);
}

/** Load one shipped macro series from data/, verified against its provenance record. */
export function loadMacro(stem: MacroFile, options?: LoadOptions): Series {
  return loadDateValueFile(`${stem}.csv`, MACRO_SPECS[stem], options);
}
