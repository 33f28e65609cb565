/**
 * data/manifest.json: the provenance record of every shipped data file, and the one place that reads
 * data files from disk. {@link readDataFile} refuses a file whose sha256 differs from its record, so a
 * notebook never computes on data whose origin is unknown.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cachePath, dataCacheEnabled, readCachedColumns, writeCachedColumns } from "./cache.ts";
import {
  DataValidationError,
  isoDateOfDay,
  parseDateValueColumns,
  type Series,
  seriesFromColumns,
  type SeriesSpec,
} from "./series.ts";

/** Where a file came from: the repository and commit it was copied from. */
export interface SourceRecord {
  repository: string;
  commit: string;
  path: string;
  via?: string;
  retrieved: string;
  commitDate?: string;
  url?: string;
}

/** One file's provenance record. sha256, rows, firstDate and lastDate are measured, the rest described. */
export interface ManifestEntry {
  title: string;
  seriesId: string;
  publisher: string;
  release: string;
  unitsAsPublished: string;
  frequency: string;
  observation: string;
  columns: string[];
  source: SourceRecord;
  vintage: string;
  notes?: string;
  sha256: string;
  rows: number;
  firstDate: string;
  lastDate: string;
}

export interface Manifest {
  description: string;
  files: Record<string, ManifestEntry>;
}

/** The project's data/ folder (resolved from this module's location, so any working directory works). */
export const DEFAULT_DATA_DIR: string = resolve(fileURLToPath(new URL("../../data/", import.meta.url)));

/** Options every `load…()` takes. */
export interface LoadOptions {
  /** Folder holding the data files and manifest.json (default: the project's data/). */
  dataDir?: string;
}

const cache = new Map<string, Manifest>();

/** Read and parse `<dataDir>/manifest.json` (cached per folder). */
export function readManifest(dataDir: string = DEFAULT_DATA_DIR): Manifest {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const path = join(dataDir, "manifest.json");
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch (cause) {
    throw new DataValidationError(
      path,
      undefined,
      `cannot read the provenance manifest (${(cause as Error).message})`,
      { cause },
    );
  }
  if (!manifest || typeof manifest.files !== "object") {
    throw new DataValidationError(path, undefined, 'the manifest has no "files" record');
  }
  cache.set(dataDir, manifest);
  return manifest;
}

/** Forget cached manifests (after data/ was rewritten in the same process, e.g. by a refresh). */
export function clearManifestCache(): void {
  cache.clear();
}

/** sha256 of bytes or text, lowercase hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * The measured fields of a provenance record: sha256 of the bytes, observation rows (lines after the
 * header), first and last date (the first 10 characters of each row). Used when a file is recorded
 * (scripts/data-manifest.ts) and when a refresh replaces it.
 */
export function measureDataFile(bytes: Uint8Array): Pick<ManifestEntry, "sha256" | "rows" | "firstDate" | "lastDate"> {
  const lines = Buffer.from(bytes).toString("utf8").split("\n").filter((l) => l.length > 0);
  const dates = lines.slice(1).map((l) => l.slice(0, 10)).sort();
  return { sha256: sha256Hex(bytes), rows: lines.length - 1, firstDate: dates[0], lastDate: dates[dates.length - 1] };
}

/**
 * Read one data file's bytes after checking them against the provenance record: the file must be
 * listed in the manifest and its sha256 must match. Errors name the file.
 */
export function readDataBytes(
  file: string,
  options: LoadOptions = {},
): { bytes: Uint8Array; path: string; entry: ManifestEntry } {
  return readVerified(file, options, readFileSync);
}

/**
 * {@link readDataBytes} with the bytes read by `read`: the file's own new buffer, or
 * {@link readIntoScratch} for a caller that is done with the bytes before its next read.
 */
function readVerified(
  file: string,
  options: LoadOptions,
  read: (path: string) => Uint8Array,
): { bytes: Uint8Array; path: string; entry: ManifestEntry } {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const path = join(dataDir, file);
  const entry = readManifest(dataDir).files[file];
  if (!entry) throw new DataValidationError(path, undefined, "no provenance record in data/manifest.json");
  let bytes: Uint8Array;
  try {
    bytes = read(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new DataValidationError(path, undefined, code === "ENOENT" ? "file not found" : `cannot read (${code})`, {
      cause,
    });
  }
  const sha = sha256Hex(bytes);
  if (sha !== entry.sha256) {
    throw new DataValidationError(
      path,
      undefined,
      `sha256 ${sha} does not match the provenance record (${entry.sha256}): the file changed since it was recorded`,
    );
  }
  return { bytes, path, entry };
}

let scratch = new Uint8Array(0);
/**
 * A file's bytes read into one buffer kept for the next read (grown when too short): a view that the
 * next call overwrites. The `date,value` loader parses the bytes at once into columns of their own, so
 * a load allocates no memory for the file itself.
 */
function readIntoScratch(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (scratch.length < size) scratch = new Uint8Array(Math.max(size, 2 * scratch.length));
    let got = 0;
    while (got < size) {
      const n = readSync(fd, scratch, got, size - got, got);
      if (n === 0) break; // the file shrank while read: its sha256 will not match
      got += n;
    }
    return scratch.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** {@link readDataBytes}, the verified file decoded as UTF-8 text. */
export function readDataFile(
  file: string,
  options: LoadOptions = {},
): { text: string; path: string; entry: ManifestEntry } {
  const { bytes, path, entry } = readDataBytes(file, options);
  return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), path, entry };
}

/**
 * Read, verify and parse one shipped `date,value` file with the given spec; the building block of every
 * `load…()` function. Also checks the parsed row count and date range against the provenance record.
 */
export function loadDateValueFile(file: string, spec: SeriesSpec, options: LoadOptions = {}): Series {
  // The bytes are parsed below, before any other read: they can live in the reused buffer.
  const { bytes, path, entry } = readVerified(file, options, readIntoScratch);
  // The file is verified (sha256) above in every case; a cache entry only replaces the parse of a file
  // that an earlier load parsed and validated with the same spec and the same parser (lib/data/cache.ts).
  const useCache = dataCacheEnabled();
  const entryPath = useCache ? cachePath(file, entry.sha256, spec) : undefined;
  const cached = entryPath ? readCachedColumns(entryPath, entry.rows) : undefined;
  const columns = cached ?? parseDateValueColumns(bytes, spec, path);
  const n = columns.epochDays.length;
  const first = isoDateOfDay(columns.epochDays[0]);
  const last = isoDateOfDay(columns.epochDays[n - 1]);
  if (n !== entry.rows || first !== entry.firstDate || last !== entry.lastDate) {
    throw new DataValidationError(
      path,
      undefined,
      `parsed ${n} rows ${first}..${last}, the provenance record says ${entry.rows} rows ${entry.firstDate}..${entry.lastDate}`,
    );
  }
  if (entryPath && !cached) writeCachedColumns(entryPath, columns);
  return seriesFromColumns(spec, path, columns);
}
