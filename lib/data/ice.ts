/**
 * ICE BofA corporate bond index option-adjusted spreads (ICE Data Indices, via FRED).
 *
 * FROM: percent as published. TO: bp. Business days, plus some month-end weekend marks the index
 * publishes. The shipped BAMLC0A0CM splices two FRED vintages that agree on every overlapping date.
 * Only the investment-grade aggregate ships: the AA (BAMLC0A2CAA) and A (BAMLC0A3CA) indices do not.
 */
import { loadDateValueFile, type LoadOptions } from "./manifest.ts";
import { parseDateValueCsv, type Series, type SeriesSpec } from "./series.ts";

export const ICE_SPECS = {
  BAMLC0A0CM: {
    seriesId: "BAMLC0A0CM",
    title: "ICE BofA US Corporate (investment grade) option-adjusted spread",
    unitsAsPublished: "percent",
    rangeAsPublished: [0, 25],
    scale: 100,
    units: "bp",
    frequency: "business-daily",
    maxGapDays: 5,
    allowWeekendMonthEnds: true,
    observation: "close",
  },
} as const satisfies Record<string, SeriesSpec>;

export type IceSeriesId = keyof typeof ICE_SPECS;

/** Parse the text of one ICE BofA OAS file (pure). */
export function parseIce(text: string, seriesId: IceSeriesId = "BAMLC0A0CM", file = `${seriesId}.csv`): Series {
  return parseDateValueCsv(text, ICE_SPECS[seriesId], file);
}

/** Load the shipped ICE BofA OAS series from data/, verified against its provenance record. */
export function loadIce(seriesId: IceSeriesId = "BAMLC0A0CM", options?: LoadOptions): Series {
  return loadDateValueFile(`${seriesId}.csv`, ICE_SPECS[seriesId], options);
}
