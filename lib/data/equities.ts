/**
 * Equity indices and volatility: S&P 500 (daily close from FRED, last 10 years only; monthly means back to
 * 1871 from Shiller's data), NASDAQ Composite (daily since 1971) and the VIX.
 *
 * FROM: index points as published. TO: index points (no conversion).
 */
import { loadDateValueFile, type LoadOptions } from "./manifest.ts";
import { parseDateValueCsv, type Series, type SeriesSpec } from "./series.ts";

const INDEX = { unitsAsPublished: "index", scale: 1, units: "index" } as const;

/** The equity files qtlab ships, keyed by file stem. */
export const EQUITY_SPECS = {
  SP500: {
    seriesId: "SP500",
    title: "S&P 500",
    ...INDEX,
    rangeAsPublished: [100, 50_000],
    frequency: "business-daily",
    maxGapDays: 5,
    observation: "close",
  },
  SP500_monthly_shiller: {
    seriesId: "SP500",
    title: "S&P 500 (monthly average)",
    ...INDEX,
    rangeAsPublished: [1, 50_000],
    frequency: "monthly",
    observation: "monthly mean of daily closes",
  },
  NASDAQCOM: {
    seriesId: "NASDAQCOM",
    title: "NASDAQ Composite",
    ...INDEX,
    rangeAsPublished: [10, 200_000],
    frequency: "business-daily",
    maxGapDays: 7,
    observation: "close",
  },
  VIXCLS: {
    seriesId: "VIXCLS",
    title: "CBOE Volatility Index (VIX)",
    ...INDEX,
    rangeAsPublished: [1, 200],
    frequency: "business-daily",
    maxGapDays: 7,
    observation: "close",
  },
} as const satisfies Record<string, SeriesSpec>;

export type EquityFile = keyof typeof EQUITY_SPECS;

/** Parse the text of one equity file (pure). */
export function parseEquity(text: string, stem: EquityFile, file = `${stem}.csv`): Series {
  return parseDateValueCsv(text, EQUITY_SPECS[stem], file);
}

/** Load one shipped equity series from data/, verified against its provenance record. */
export function loadEquity(stem: EquityFile, options?: LoadOptions): Series {
  return loadDateValueFile(`${stem}.csv`, EQUITY_SPECS[stem], options);
}
