/**
 * Policy and money-market rates and Treasury yields: Federal Reserve Board H.15 and policy-rate series,
 * and the New York Fed's reference rates (EFFR, SOFR).
 *
 * FROM: percent as published. TO: pct for rates and yields; T10Y2Y (a spread, percentage points) → bp.
 * Business-daily series carry only days with a published value; IORB, DFF and the target range are
 * published for every calendar day.
 */
import { loadDateValueFile, type LoadOptions } from "./manifest.ts";
import { parseDateValueCsv, type Series, type SeriesSpec } from "./series.ts";

const PCT = { unitsAsPublished: "percent", scale: 1, units: "pct", rangeAsPublished: [-1, 25] } as const;
const BUSINESS = { frequency: "business-daily", maxGapDays: 5 } as const;

/** The rate series qtlab ships, by series id. */
export const H15_SPECS = {
  IORB: {
    seriesId: "IORB",
    title: "Interest rate on reserve balances",
    ...PCT,
    frequency: "daily",
    observation: "rate in effect",
  },
  EFFR: { seriesId: "EFFR", title: "Effective federal funds rate", ...PCT, ...BUSINESS, observation: "daily rate" },
  DFF: {
    seriesId: "DFF",
    title: "Federal funds effective rate (7-day)",
    ...PCT,
    frequency: "daily",
    observation: "daily rate, weekends carry the prior business day",
  },
  SOFR: { seriesId: "SOFR", title: "Secured Overnight Financing Rate", ...PCT, ...BUSINESS, observation: "daily rate" },
  DFEDTARU: {
    seriesId: "DFEDTARU",
    title: "Federal funds target range, upper limit",
    ...PCT,
    frequency: "daily",
    observation: "rate in effect",
  },
  DFEDTARL: {
    seriesId: "DFEDTARL",
    title: "Federal funds target range, lower limit",
    ...PCT,
    frequency: "daily",
    observation: "rate in effect",
  },
  DGS10: {
    seriesId: "DGS10",
    title: "10-year Treasury constant-maturity yield",
    ...PCT,
    ...BUSINESS,
    observation: "daily yield",
  },
  DGS2: {
    seriesId: "DGS2",
    title: "2-year Treasury constant-maturity yield",
    ...PCT,
    ...BUSINESS,
    observation: "daily yield",
  },
  DGS3MO: {
    seriesId: "DGS3MO",
    title: "3-month Treasury constant-maturity yield",
    ...PCT,
    ...BUSINESS,
    observation: "daily yield",
  },
  T10Y2Y: {
    seriesId: "T10Y2Y",
    title: "10-year minus 2-year Treasury yield spread",
    unitsAsPublished: "percentage points",
    scale: 100,
    units: "bp",
    rangeAsPublished: [-5, 5],
    ...BUSINESS,
    observation: "daily spread",
  },
} as const satisfies Record<string, SeriesSpec>;

export type H15SeriesId = keyof typeof H15_SPECS;

/** Parse the text of one rate file (pure). `file` names it in error messages. */
export function parseH15(text: string, seriesId: H15SeriesId, file = `${seriesId}.csv`): Series {
  return parseDateValueCsv(text, H15_SPECS[seriesId], file);
}

/** Load one shipped rate series from data/, verified against its provenance record. */
export function loadH15(seriesId: H15SeriesId, options?: LoadOptions): Series {
  return loadDateValueFile(`${seriesId}.csv`, H15_SPECS[seriesId], options);
}
