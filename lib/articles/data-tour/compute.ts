/**
 * The data tour's one computation: what ships (the catalogue), how current it is, the balance sheet's peak
 * and latest week, and where the 2022–2025 drain of liabilities fell, year by year. Pure.
 */
import { greatest } from "d3-array";
import { type DrainOrder, drainOrder } from "../../calc/drainOrder.ts";
import type { DatedValue } from "../../calc/monthly.ts";
import type { dataTourParams } from "./params.ts";

type Params = typeof dataTourParams.defaults;

/** A shipped file as the catalogue read it. */
export interface CatalogFile {
  file: string;
  seriesId: string;
  title: string;
  publisher: string;
  unitsAsPublished: string;
  frequency: string;
  rows: number;
  firstDate: string;
  lastDate: string;
}

/** What the tour reads: the catalogue and the H.4.1 series of the balance sheet ($bn, weekly). */
export interface DataTourData {
  catalog: readonly CatalogFile[];
  balanceSheet: Record<
    "totalAssets" | "treasuries" | "mbs" | "reserves" | "onRrp" | "tga",
    { seriesId: string; rows: readonly DatedValue[]; asOf: string }
  >;
}

/** The drained liabilities the tour follows, by key, with the names a reader sees. */
export const DRAIN_SERIES = { reserves: "reserves", onRrp: "ON RRP", tga: "the TGA" } as const;
export type DrainKey = keyof typeof DRAIN_SERIES;

export interface DataTourResult {
  catalog: readonly CatalogFile[];
  files: number;
  publishers: number;
  /** The newest observation of any file, and the file whose newest observation is oldest. */
  newest: { date: string; file: string };
  stalest: { date: string; file: string };
  balanceSheet: DataTourData["balanceSheet"];
  peakAssets: DatedValue;
  latestAssets: DatedValue;
  drain: DrainOrder;
  /** The drained series in the order they first fell (never-falling ones last). */
  fallOrder: DrainKey[];
}

export function computeDataTour(data: DataTourData, params: Params): DataTourResult {
  const byLast = [...data.catalog].sort((a, b) => a.lastDate.localeCompare(b.lastDate) || a.file.localeCompare(b.file));
  const assets = data.balanceSheet.totalAssets.rows;
  const drain = drainOrder(
    { reserves: data.balanceSheet.reserves.rows, onRrp: data.balanceSheet.onRrp.rows, tga: data.balanceSheet.tga.rows },
    params.drainFromDate,
    params.drainToDate,
  );
  const keys = Object.keys(DRAIN_SERIES) as DrainKey[];
  const fallOrder = [...keys].sort((a, b) =>
    (drain.firstFall[a] ?? "9999").localeCompare(drain.firstFall[b] ?? "9999") ||
    drain.totalUsdBn[a] - drain.totalUsdBn[b]
  );
  return {
    catalog: data.catalog,
    files: data.catalog.length,
    publishers: new Set(data.catalog.map((f) => f.publisher)).size,
    newest: { date: byLast.at(-1)!.lastDate, file: byLast.at(-1)!.file },
    stalest: { date: byLast[0].lastDate, file: byLast[0].file },
    balanceSheet: data.balanceSheet,
    peakAssets: greatest(assets, (r) => r.value)!,
    latestAssets: assets.at(-1)!,
    drain,
    fallOrder,
  };
}
