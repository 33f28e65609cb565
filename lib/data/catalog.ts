/**
 * The catalogue of shipped data: every file in data/manifest.json with the loader that reads it, so that
 * one call loads and validates everything (the data tour, the tests and the benchmark use it).
 */
import { EQUITY_SPECS, type EquityFile, loadEquity } from "./equities.ts";
import { H15_SPECS, type H15SeriesId, loadH15 } from "./h15.ts";
import { H41_SPECS, type H41SeriesId, loadH41 } from "./h41.ts";
import { ICE_SPECS, type IceSeriesId, loadIce } from "./ice.ts";
import { loadMacro, MACRO_SPECS, type MacroFile } from "./macro.ts";
import { type LoadOptions, type ManifestEntry, readManifest } from "./manifest.ts";
import { loadTic, loadTicLong, TIC_SPECS, type TicHolder } from "./tic.ts";
import { loadAuctions } from "./auctions.ts";
import { describeSeries, type Series } from "./series.ts";

/** What loading one file gave: its row count and date range after validation. */
export interface LoadedFile {
  file: string;
  rows: number;
  firstDate: string;
  lastDate: string;
}

/** Loads one file, validates it and reports what it read. */
export type Loader = (options?: LoadOptions) => LoadedFile;

// Described from the series' columns: loading the catalogue makes no row objects.
const fromSeries = (file: string, load: (o?: LoadOptions) => Series): Loader => (o) => {
  const { rows, first, asOf } = describeSeries(load(o));
  return { file, rows, firstDate: first, lastDate: asOf };
};

/** Every shipped file's loader, keyed by file name. A new loader module adds its files here. */
export const LOADERS: Record<string, Loader> = {
  ...Object.fromEntries(
    Object.keys(H41_SPECS).map((id) => [`${id}.csv`, fromSeries(`${id}.csv`, (o) => loadH41(id as H41SeriesId, o))]),
  ),
  ...Object.fromEntries(
    Object.keys(H15_SPECS).map((id) => [`${id}.csv`, fromSeries(`${id}.csv`, (o) => loadH15(id as H15SeriesId, o))]),
  ),
  ...Object.fromEntries(
    Object.keys(ICE_SPECS).map((id) => [`${id}.csv`, fromSeries(`${id}.csv`, (o) => loadIce(id as IceSeriesId, o))]),
  ),
  ...Object.fromEntries(
    Object.keys(EQUITY_SPECS).map((
      id,
    ) => [`${id}.csv`, fromSeries(`${id}.csv`, (o) => loadEquity(id as EquityFile, o))]),
  ),
  ...Object.fromEntries(
    Object.keys(MACRO_SPECS).map((id) => [`${id}.csv`, fromSeries(`${id}.csv`, (o) => loadMacro(id as MacroFile, o))]),
  ),
  ...Object.fromEntries(
    Object.keys(TIC_SPECS).map((h) => [
      `TIC_MFH_${h}.csv`,
      fromSeries(`TIC_MFH_${h}.csv`, (o) => loadTic(h as TicHolder, o)),
    ]),
  ),
  "TIC_MFH_long.csv": (o) => {
    const rows = loadTicLong(o);
    let [firstDate, lastDate] = [rows[0].date, rows[0].date];
    for (const r of rows) {
      if (r.date < firstDate) firstDate = r.date;
      if (r.date > lastDate) lastDate = r.date;
    }
    return { file: "TIC_MFH_long.csv", rows: rows.length, firstDate, lastDate };
  },
  "TREASURY_AUCTIONS_2026_partial.csv": (o) => {
    const rows = loadAuctions(o);
    return {
      file: "TREASURY_AUCTIONS_2026_partial.csv",
      rows: rows.length,
      firstDate: rows[0].auctionDate,
      lastDate: rows[rows.length - 1].auctionDate,
    };
  },
};

/** One row of the catalogue table: the provenance record of a file and what loading it gave. */
export interface CatalogRow extends LoadedFile {
  seriesId: string;
  title: string;
  publisher: string;
  unitsAsPublished: string;
  frequency: string;
  vintage: string;
}

/**
 * Load and validate every file listed in the manifest. Throws on the first file that fails, or on a file
 * no loader reads (a shipped file nobody validates is a bug).
 */
export function loadCatalog(options?: LoadOptions): CatalogRow[] {
  const manifest = readManifest(options?.dataDir);
  return Object.entries(manifest.files).map(([file, entry]: [string, ManifestEntry]) => {
    const loader = LOADERS[file];
    if (!loader) {
      throw new Error(`data/${file}: no loader reads this file (add one in lib/data and list it in catalog.ts)`);
    }
    const loaded = loader(options);
    return {
      ...loaded,
      seriesId: entry.seriesId,
      title: entry.title,
      publisher: entry.publisher,
      unitsAsPublished: entry.unitsAsPublished,
      frequency: entry.frequency,
      vintage: entry.vintage,
    };
  });
}
