/**
 * Federal Reserve Board H.4.1 "Factors Affecting Reserve Balances": the Fed's balance sheet, weekly.
 * Also the liabilities qtlab sets beside it: the overnight reverse repo facility (New York Fed operation
 * results) and currency in circulation (monthly, the weekly series is not shipped).
 *
 * FROM: $ millions as published (RRPONTSYD and CURRCIR: $ billions). TO: $bn.
 * Weekly series are dated on the Wednesday. WALCL, TREAST and WSHOMCB are Wednesday levels; WRESBAL and
 * WTREGEN are week averages for the week ending that Wednesday.
 */
import { loadDateValueFile, type LoadOptions } from "./manifest.ts";
import { parseDateValueCsv, type Series, type SeriesSpec } from "./series.ts";

const MILLIONS = { unitsAsPublished: "$ millions", scale: 1 / 1_000, units: "$bn" } as const;
const WEEKLY_WED = { frequency: "weekly", weekday: 3 } as const;

/** The H.4.1 series qtlab ships, by series id. */
export const H41_SPECS = {
  WALCL: {
    seriesId: "WALCL",
    title: "Total assets",
    ...MILLIONS,
    ...WEEKLY_WED,
    observation: "Wednesday level",
    rangeAsPublished: [100_000, 20_000_000],
  },
  TREAST: {
    seriesId: "TREAST",
    title: "Treasury securities held outright",
    ...MILLIONS,
    ...WEEKLY_WED,
    observation: "Wednesday level",
    rangeAsPublished: [100_000, 20_000_000],
  },
  WSHOMCB: {
    seriesId: "WSHOMCB",
    title: "Mortgage-backed securities held outright",
    ...MILLIONS,
    ...WEEKLY_WED,
    observation: "Wednesday level",
    rangeAsPublished: [0, 10_000_000],
    peakAtLeast: 100_000,
  },
  WRESBAL: {
    seriesId: "WRESBAL",
    title: "Reserve balances with Federal Reserve Banks",
    ...MILLIONS,
    ...WEEKLY_WED,
    observation: "week average",
    rangeAsPublished: [1_000, 10_000_000],
    peakAtLeast: 100_000,
  },
  WTREGEN: {
    seriesId: "WTREGEN",
    title: "Treasury General Account",
    ...MILLIONS,
    ...WEEKLY_WED,
    observation: "week average",
    rangeAsPublished: [1_000, 5_000_000],
    peakAtLeast: 100_000,
  },
  RRPONTSYD: {
    seriesId: "RRPONTSYD",
    title: "Overnight reverse repo (ON RRP), total accepted",
    unitsAsPublished: "$ billions",
    scale: 1,
    units: "$bn",
    frequency: "daily-operations",
    observation: "operation-day total",
    rangeAsPublished: [0, 5_000],
    peakAtLeast: 100,
  },
  CURRCIR: {
    seriesId: "CURRCIR",
    title: "Currency in circulation",
    unitsAsPublished: "$ billions",
    scale: 1,
    units: "$bn",
    frequency: "monthly",
    observation: "monthly",
    rangeAsPublished: [0, 10_000],
    peakAtLeast: 100,
  },
} as const satisfies Record<string, SeriesSpec>;

export type H41SeriesId = keyof typeof H41_SPECS;

/** Parse the text of one H.4.1-family `date,value` file (pure). `file` names it in error messages. */
export function parseH41(text: string, seriesId: H41SeriesId, file = `${seriesId}.csv`): Series {
  return parseDateValueCsv(text, H41_SPECS[seriesId], file);
}

/** Load one shipped H.4.1-family series from data/, verified against its provenance record. */
export function loadH41(seriesId: H41SeriesId, options?: LoadOptions): Series {
  return loadDateValueFile(`${seriesId}.csv`, H41_SPECS[seriesId], options);
}

/** The weekly balance sheet in $bn: assets, securities and the liabilities that drain reserves. */
export interface BalanceSheet {
  totalAssets: Series;
  treasuries: Series;
  mbs: Series;
  reserves: Series;
  tga: Series;
  onRrp: Series;
}

/** Load the balance sheet's weekly series together (ON RRP is daily, by operation). */
export function loadBalanceSheet(options?: LoadOptions): BalanceSheet {
  return {
    totalAssets: loadH41("WALCL", options),
    treasuries: loadH41("TREAST", options),
    mbs: loadH41("WSHOMCB", options),
    reserves: loadH41("WRESBAL", options),
    tga: loadH41("WTREGEN", options),
    onRrp: loadH41("RRPONTSYD", options),
  };
}
