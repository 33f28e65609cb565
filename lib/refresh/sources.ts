/**
 * Where each shipped data file can be refreshed from: the publisher's public download, how the download
 * is read, how it joins the snapshot, and the loader parse function that validates the result.
 *
 * Three publishers' downloads serve all of data/:
 * - FRED's CSV download by series id (`<fred>/graph/fredgraph.csv?id=SERIES`), header
 *   `observation_date,SERIES` (older: `DATE,SERIES`), missing values "." or blank: H.4.1, H.15, ON RRP,
 *   ICE BofA, equities, GDP, deposits, money funds. FRED aggregates the monthly deposit file itself
 *   (`&fq=Monthly&fam=avg`, the mean of the weekly values), as the shipped file was downloaded.
 * - Treasury's "Major Foreign Holders of Treasury Securities" text file (`<tic>/…/mfhhis01.txt`,
 *   tab-separated blocks of twelve months), which feeds the five single-holder TIC files and the long one.
 * - TreasuryDirect's auction results (`<treasurydirect>/TA_WS/securities/auctioned?format=json`).
 *
 * The base addresses are configurable ({@link RefreshBases}) so the tests serve fixtures from 127.0.0.1.
 */
import { H15_SPECS, type H15SeriesId, parseH15 } from "../data/h15.ts";
import { H41_SPECS, type H41SeriesId, parseH41 } from "../data/h41.ts";
import { ICE_SPECS, type IceSeriesId, parseIce } from "../data/ice.ts";
import { EQUITY_SPECS, type EquityFile, parseEquity } from "../data/equities.ts";
import { MACRO_SPECS, type MacroFile, parseMacro } from "../data/macro.ts";
import { loadTicHoldings, parseTic, parseTicLong, TIC_LABELS, TIC_SPECS, type TicHolder } from "../data/tic.ts";
import { parseAuctions } from "../data/auctions.ts";

/** Base addresses of the three publishers (scheme + host, optionally a path prefix; no trailing slash needed). */
export interface RefreshBases {
  fred: string;
  tic: string;
  treasurydirect: string;
}

/** The publishers' real addresses. */
export const DEFAULT_BASES: RefreshBases = {
  fred: "https://fred.stlouisfed.org",
  tic: "https://ticdata.treasury.gov",
  treasurydirect: "https://www.treasurydirect.gov",
};

/** Environment variables that override {@link DEFAULT_BASES} (the CLI's flags override these). */
export const BASE_ENV: Record<keyof RefreshBases, string> = {
  fred: "QTLAB_BASE_FRED",
  tic: "QTLAB_BASE_TIC",
  treasurydirect: "QTLAB_BASE_TREASURYDIRECT",
};

/** The path of Treasury's major-foreign-holders history file under the TIC base. */
export const TIC_PATH = "/resource-center/data-chart-center/tic/Documents/mfhhis01.txt";
/** The path of TreasuryDirect's auctioned-securities query under its base. */
export const TREASURYDIRECT_PATH = "/TA_WS/securities/auctioned?format=json";

/** How a download is read: FRED CSV, the TIC text table, or TreasuryDirect JSON. */
export type DownloadFormat = "fred-csv" | "tic-mfh" | "treasurydirect-json";

/**
 * How the normalised download joins the snapshot:
 * - "replace": the download is the whole published history; it replaces the file.
 * - "splice": the publisher serves only a recent window (FRED keeps ~3 years of ICE BofA indices and 10
 *   years of the S&P 500); snapshot rows dated before the window (or before `spliceFrom`) are kept, rows
 *   from it on come from the download.
 * - "merge": auction records keyed by cusip + auction date; downloaded records replace the snapshot's
 *   record with the same key, snapshot records the download no longer lists are kept.
 */
export type JoinMode = "replace" | "splice" | "merge";

/** Parses refreshed text with the loader's own parse function: throws (DataValidationError) if it is invalid. */
export type Validate = (text: string, name: string) => unknown;

/** One refreshable file. */
export interface SeriesSource {
  /** The id used on the command line: the file's stem ("WALCL", "TIC_MFH_CHINA", ...). */
  id: string;
  /** The file in data/. */
  file: string;
  publisher: keyof RefreshBases;
  format: DownloadFormat;
  /** The path (and query) of the download under the publisher's base address. */
  path: string;
  join: JoinMode;
  /** splice: take downloaded rows from this date on, keep older snapshot rows (default: the download's first date). */
  spliceFrom?: string;
  /** Drop a downloaded observation dated in the run's month (a monthly mean FRED may compute from part of it). */
  dropRunMonth?: boolean;
  /** fred-csv: the series id FRED names in the header. */
  fredId?: string;
  /** tic-mfh: the row label of a single-holder file; undefined for the long file (every row). */
  ticRow?: string;
  /** What the provenance record says the file came through. */
  via: string;
  validate: Validate;
  /**
   * Files fed by one download that must agree with each other (the six TIC files: the holder files are
   * checked against the long table) share a group: they are written together or not at all.
   */
  group?: string;
  /** After a group is written: the cross-file check that must pass, or the group is restored. */
  groupCheck?: (dataDir: string) => unknown;
}

const fredPath = (id: string, extra = "") => `/graph/fredgraph.csv?id=${encodeURIComponent(id)}${extra}`;

function fred(id: string, validate: Validate, extra: Partial<SeriesSource> = {}): SeriesSource {
  return {
    id,
    file: `${id}.csv`,
    publisher: "fred",
    format: "fred-csv",
    path: fredPath(extra.fredId ?? id),
    join: "replace",
    fredId: id,
    via: "FRED CSV download (fredgraph.csv)",
    validate,
    ...extra,
  };
}

/** Windows FRED serves in part only (see {@link JoinMode} "splice"). */
const SPLICED = new Set(["BAMLC0A0CM", "SP500"]);

/** What the six TIC files share: one download, written together, checked against each other. */
const TIC_SOURCE = {
  publisher: "tic",
  format: "tic-mfh",
  path: TIC_PATH,
  join: "replace",
  via: "Treasury TIC text file (mfhhis01.txt)",
  group: "TIC",
  groupCheck: (dataDir: string) => loadTicHoldings({ dataDir }),
} as const;

/** Every refreshable file of data/, in catalogue order. */
export const SOURCES: readonly SeriesSource[] = [
  ...Object.keys(H41_SPECS).map((id) => fred(id, (t, n) => parseH41(t, id as H41SeriesId, n))),
  ...Object.keys(H15_SPECS).map((id) => fred(id, (t, n) => parseH15(t, id as H15SeriesId, n))),
  ...Object.keys(ICE_SPECS).map((id) =>
    fred(id, (t, n) => parseIce(t, id as IceSeriesId, n), SPLICED.has(id) ? { join: "splice" } : {})
  ),
  ...Object.keys(EQUITY_SPECS).map((stem): SeriesSource => {
    const validate: Validate = (t, n) => parseEquity(t, stem as EquityFile, n);
    if (stem === "SP500_monthly_shiller") {
      // Shiller's monthly means to 2023-06; from 2023-07 the snapshot appends monthly means of FRED's SP500,
      // which FRED computes itself with fq=Monthly&fam=avg.
      return fred(stem, validate, {
        fredId: "SP500",
        path: fredPath("SP500", "&fq=Monthly&fam=avg"),
        join: "splice",
        spliceFrom: "2023-07-01",
        dropRunMonth: true,
        via: "FRED CSV download (fredgraph.csv, monthly mean of SP500) spliced onto Shiller's monthly series",
      });
    }
    return fred(stem, validate, SPLICED.has(stem) ? { join: "splice" } : {});
  }),
  ...Object.keys(MACRO_SPECS).map((stem) => {
    const validate: Validate = (t, n) => parseMacro(t, stem as MacroFile, n);
    if (stem === "DPSACBW027SBOG_monthly") {
      return fred(stem, validate, {
        fredId: "DPSACBW027SBOG",
        path: fredPath("DPSACBW027SBOG", "&fq=Monthly&fam=avg"),
        dropRunMonth: true,
        via: "FRED CSV download (fredgraph.csv, monthly mean of the weekly series)",
      });
    }
    return fred(stem, validate);
  }),
  ...(Object.keys(TIC_SPECS) as TicHolder[]).map(
    (holder): SeriesSource => ({
      ...TIC_SOURCE,
      id: `TIC_MFH_${holder}`,
      file: `TIC_MFH_${holder}.csv`,
      ticRow: TIC_LABELS[holder],
      validate: (t, n) => parseTic(t, holder, n),
    }),
  ),
  { ...TIC_SOURCE, id: "TIC_MFH_long", file: "TIC_MFH_long.csv", validate: (t, n) => parseTicLong(t, n) },
  {
    id: "TREASURY_AUCTIONS_2026_partial",
    file: "TREASURY_AUCTIONS_2026_partial.csv",
    publisher: "treasurydirect",
    format: "treasurydirect-json",
    path: TREASURYDIRECT_PATH,
    join: "merge",
    via: "TreasuryDirect auction results (TA_WS securities/auctioned, JSON)",
    validate: (t, n) => parseAuctions(t, n),
  },
];

/** The download address of a source under the given bases. */
export function sourceUrl(source: SeriesSource, bases: RefreshBases): string {
  return `${bases[source.publisher].replace(/\/+$/, "")}${source.path}`;
}

/**
 * The sources named by `ids` (file stems, with or without ".csv"; case-insensitive), in catalogue order,
 * or all of them; naming one file of a group selects the whole group (the six TIC files). Throws on an id
 * no source has, listing the known ones.
 */
export function selectSources(ids: readonly string[] = []): SeriesSource[] {
  if (ids.length === 0) return [...SOURCES];
  const wanted = new Set(ids.map((id) => id.replace(/\.csv$/i, "").toUpperCase()));
  const unknown = [...wanted].filter((id) => !SOURCES.some((s) => s.id.toUpperCase() === id));
  if (unknown.length > 0) {
    throw new Error(`unknown series ${unknown.join(", ")}; known: ${SOURCES.map((s) => s.id).join(", ")}`);
  }
  const groups = new Set(SOURCES.filter((s) => wanted.has(s.id.toUpperCase()) && s.group).map((s) => s.group));
  return SOURCES.filter((s) => wanted.has(s.id.toUpperCase()) || (s.group !== undefined && groups.has(s.group)));
}
