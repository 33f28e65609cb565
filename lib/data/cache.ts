/**
 * A cache of parsed and validated `date,value` series, so that a notebook's load costs little more than
 * reading and hashing its files. An entry is keyed by the data file's sha256 (verified against the
 * provenance record on every load, cached or not), the loader's declaration of the file (its spec) and
 * the source of the parser itself: a changed file, spec or parser misses the cache, and the full parse and
 * validation run again before a new entry is written. Validation is never skipped on a cold load.
 *
 * Entries live in `.qtlab/cache/data/` (not committed). The cache is an optimisation only: a folder that
 * cannot be written, a damaged or truncated entry, or `QTLAB_DATA_CACHE=0` in the environment all fall
 * back to parsing the file.
 *
 * Entry layouts (little-endian, each read with one file read):
 *   series: "QTL2" | n (uint32) | n values (float64, canonical units) | n dates (int32 day numbers, days
 *           since 1970-01-01, strictly increasing)
 *   table (the long TIC table): "QTLT" | n (uint32) | label bytes (uint32) | labels (JSON array of
 *           strings, padded to 8 bytes) | n values (float64) | n dates (int32 day numbers) | n label
 *           indexes (int32)
 * A warm load gives the series its columns as read (no row objects, no date strings); its rows, when read,
 * carry the very strings a parse gives ({@link isoDateOfDay}).
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writevSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { isoDateOfDay, isoDayNumber, type Observation, type SeriesColumns, type SeriesSpec } from "./series.ts";

/** The cache folder (under the project's .qtlab/, resolved from this module's location). */
export const DATA_CACHE_DIR: string = resolve(fileURLToPath(new URL("../../.qtlab/cache/data/", import.meta.url)));

const SERIES_MAGIC = 0x324c5451; // "QTL2" read as a little-endian uint32
const TABLE_MAGIC = 0x544c5451; // "QTLT"
const HEADER_BYTES = 8;

let parserHash: string | undefined;
/** sha256 of the parser's and this module's source: an entry written by other code never matches. */
function codeHash(): string {
  if (parserHash === undefined) {
    const h = createHash("sha256");
    for (const f of ["series.ts", "cache.ts"]) h.update(readFileSync(new URL(`./${f}`, import.meta.url)));
    parserHash = h.digest("hex").slice(0, 16);
  }
  return parserHash;
}

/** False when the environment turns the cache off (QTLAB_DATA_CACHE=0). */
export function dataCacheEnabled(): boolean {
  try {
    return process.env.QTLAB_DATA_CACHE !== "0";
  } catch {
    return true; // no permission to read the environment: the default
  }
}

const entryKeys = new Map<string, string>();
/** The entry's path for a file with this sha256, read with this spec by this code. */
export function cachePath(file: string, sha256: string, spec: SeriesSpec, dir = DATA_CACHE_DIR): string {
  // The key hashes the spec as it reads now (never a remembered spec object): the same text, the same key.
  const specText = JSON.stringify(spec);
  const memo = `${sha256}\n${specText}`;
  let key = entryKeys.get(memo);
  if (key === undefined) {
    key = createHash("sha256").update(sha256).update(specText).update(codeHash()).digest("hex");
    entryKeys.set(memo, key);
  }
  return join(dir, `${file.replace(/[^\w.-]/g, "_")}.${key.slice(0, 24)}.bin`);
}

/** The entry's bytes, or undefined when it is missing or unreadable. */
function readEntry(path: string): Uint8Array | undefined {
  // A missing entry (every file of a cold load) is asked about without the cost of a thrown error.
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** A float64 column of an entry (a view when aligned, else a copy). */
function float64s(bytes: Uint8Array, at: number, n: number): Float64Array {
  if ((bytes.byteOffset + at) % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset + at, n);
  const out = new Float64Array(n);
  new Uint8Array(out.buffer).set(bytes.subarray(at, at + 8 * n));
  return out;
}

/** An int32 (or uint32) column of an entry (a view when aligned, else a copy). */
function int32s(bytes: Uint8Array, at: number, n: number): Int32Array {
  if ((bytes.byteOffset + at) % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset + at, n);
  const out = new Int32Array(n);
  new Uint8Array(out.buffer).set(bytes.subarray(at, at + 4 * n));
  return out;
}

/** Whether day numbers are strictly increasing dates of the years 0000-9999 (not a damaged entry). */
function increasingDays(days: Int32Array): boolean {
  const n = days.length;
  if (n > 0 && !(days[0] >= FIRST_DAY && days[n - 1] <= LAST_DAY)) return false;
  for (let i = 1; i < n; i++) if (days[i] <= days[i - 1]) return false;
  return true;
}

/** Day numbers of 0000-01-01 and 9999-12-31, the dates {@link isoDateOfDay} writes. */
const FIRST_DAY = isoDayNumber("0000-01-01")!;
const LAST_DAY = isoDayNumber("9999-12-31")!;

/**
 * The cached columns of a series, or undefined when there is no usable entry (missing, damaged, empty,
 * another length, a non-finite value, dates not strictly increasing).
 */
export function readCachedColumns(path: string, expectedRows: number): SeriesColumns | undefined {
  const bytes = readEntry(path);
  if (!bytes || bytes.byteLength < HEADER_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(4, true);
  if (view.getUint32(0, true) !== SERIES_MAGIC || n !== expectedRows || n === 0) return undefined;
  if (bytes.byteLength !== HEADER_BYTES + n * 12) return undefined;
  const values = float64s(bytes, HEADER_BYTES, n);
  const epochDays = int32s(bytes, HEADER_BYTES + 8 * n, n);
  if (!increasingDays(epochDays)) return undefined;
  for (let i = 0; i < n; i++) if (!Number.isFinite(values[i])) return undefined;
  return { epochDays, values };
}

/** {@link readCachedColumns} as `{date, value}` rows. */
export function readCachedRows(path: string, expectedRows: number): Observation[] | undefined {
  const columns = readCachedColumns(path, expectedRows);
  if (!columns) return undefined;
  const rows: Observation[] = [];
  for (let i = 0; i < expectedRows; i++) {
    rows.push({ date: isoDateOfDay(columns.epochDays[i]), value: columns.values[i] });
  }
  return rows;
}

/**
 * Write an entry for validated columns, straight from the columns' memory (no copy of the entry is
 * made); a failure to write is ignored (the cache is optional).
 */
export function writeCachedColumns(path: string, columns: SeriesColumns): void {
  const { epochDays, values } = columns;
  const n = epochDays.length;
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  view.setUint32(0, SERIES_MAGIC, true);
  view.setUint32(4, n, true);
  writeEntry(path, [
    header,
    new Uint8Array(values.buffer, values.byteOffset, 8 * n),
    new Uint8Array(epochDays.buffer, epochDays.byteOffset, 4 * n),
  ]);
}

/**
 * Write an entry for validated rows (their dates as ISO strings); a row whose date is not an ISO date
 * skips the entry: never cache what would not round-trip.
 */
export function writeCachedRows(path: string, rows: readonly Observation[]): void {
  const n = rows.length;
  const epochDays = new Int32Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const day = isoDayNumber(rows[i].date);
    if (day === undefined || isoDateOfDay(day) !== rows[i].date) return;
    epochDays[i] = day;
    values[i] = rows[i].value;
  }
  writeCachedColumns(path, { epochDays, values });
}

const moduleHashes = new Map<string, string>();
/** sha256 of a module's source, read once per process. */
function moduleHash(m: URL): string {
  let h = moduleHashes.get(m.href);
  if (h === undefined) {
    h = createHash("sha256").update(readFileSync(m)).digest("hex");
    moduleHashes.set(m.href, h);
  }
  return h;
}

/**
 * The entry's path for a file parsed by other code than the `date,value` parser (the long TIC table):
 * keyed by the file's sha256 and the source of the modules that parse and validate it.
 */
export function tableCachePath(
  file: string,
  sha256: string,
  parserModules: readonly URL[],
  dir = DATA_CACHE_DIR,
): string {
  const h = createHash("sha256").update(sha256).update(codeHash());
  for (const m of parserModules) h.update(moduleHash(m));
  return join(dir, `${file.replace(/[^\w.-]/g, "_")}.${h.digest("hex").slice(0, 24)}.tbl`);
}

/** Rows of a table entry: a date, a text label and a number each. */
export interface LabelledRow {
  date: string;
  label: string;
  value: number;
}

/**
 * A table entry's rows as `make(date, label, value)` gives them, or undefined when there is no usable
 * entry (missing, damaged, or another length).
 */
export function readCachedTable<T>(
  path: string,
  expectedRows: number,
  make: (date: string, label: string, value: number) => T,
): T[] | undefined {
  const bytes = readEntry(path);
  if (!bytes || bytes.byteLength < HEADER_BYTES + 4) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(4, true);
  const labelBytes = view.getUint32(8, true);
  if (view.getUint32(0, true) !== TABLE_MAGIC || n !== expectedRows) return undefined;
  const at = HEADER_BYTES + 8 + Math.ceil(labelBytes / 8) * 8;
  if (bytes.byteLength !== at + n * 16) return undefined;
  let labels: unknown;
  try {
    labels = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER_BYTES + 8, HEADER_BYTES + 8 + labelBytes)));
  } catch {
    return undefined;
  }
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === "string")) return undefined;
  const values = float64s(bytes, at, n);
  const days = int32s(bytes, at + 8 * n, n);
  const index = int32s(bytes, at + 12 * n, n);
  const out: T[] = new Array(n);
  try {
    for (let i = 0; i < n; i++) {
      const value = values[i];
      const label = labels[index[i]] as string | undefined;
      if (!Number.isFinite(value) || label === undefined) return undefined;
      out[i] = make(isoDateOfDay(days[i]), label, value);
    }
  } catch {
    return undefined; // a day number outside the years 0000-9999
  }
  return out;
}

/** How to read a table row's date, text label and number (see {@link writeCachedTable}). */
export interface TableFields<T> {
  date(row: T): string;
  label(row: T): string;
  value(row: T): number;
}

/** The fields of a {@link LabelledRow}. */
const LABELLED: TableFields<LabelledRow> = { date: (r) => r.date, label: (r) => r.label, value: (r) => r.value };

/**
 * Write a table entry for validated rows, each read through `fields` (default: rows that are
 * {@link LabelledRow}s); a failure to write (or a row that is not an ISO date) skips it.
 */
export function writeCachedTable<T = LabelledRow>(
  path: string,
  rows: readonly T[],
  fields: TableFields<T> = LABELLED as unknown as TableFields<T>,
): void {
  const n = rows.length;
  const labelIndex = new Map<string, number>();
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = fields.label(rows[i]);
    let k = labelIndex.get(label);
    if (k === undefined) labelIndex.set(label, k = labelIndex.size);
    index[i] = k;
  }
  const labelJson = new TextEncoder().encode(JSON.stringify([...labelIndex.keys()]));
  const at = HEADER_BYTES + 8 + Math.ceil(labelJson.byteLength / 8) * 8;
  const head = new Uint8Array(at);
  const view = new DataView(head.buffer);
  view.setUint32(0, TABLE_MAGIC, true);
  view.setUint32(4, n, true);
  view.setUint32(8, labelJson.byteLength, true);
  head.set(labelJson, HEADER_BYTES + 8);
  const values = new Float64Array(n);
  const days = new Int32Array(n);
  let lastDate: string | undefined;
  let lastDay = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const date = fields.date(row);
    if (date !== lastDate) {
      // consecutive rows mostly share a date: convert and check it once
      const day = isoDayNumber(date);
      if (day === undefined || isoDateOfDay(day) !== date) return;
      lastDate = date;
      lastDay = day;
    }
    values[i] = fields.value(row);
    days[i] = lastDay;
  }
  writeEntry(path, [
    head,
    new Uint8Array(values.buffer),
    new Uint8Array(days.buffer),
    new Uint8Array(index.buffer),
  ]);
}

/**
 * Write an entry atomically (a temporary file renamed over it, so a reader in another process sees the
 * old entry or the new, never half of one); the folder is made only when missing. Errors are ignored:
 * a read-only checkout or a full disk only means the next load parses again. `parts` are written one
 * after the other.
 */
function writeEntry(path: string, parts: Uint8Array | readonly Uint8Array[]): void {
  const chunks = parts instanceof Uint8Array ? [parts] : parts;
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    let fd: number;
    try {
      fd = openSync(tmp, "w");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(tmp, "w");
    }
    try {
      writeAll(fd, chunks);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/** Write every byte of `chunks` to `fd`, in order (writev may write less than asked: go on from there). */
function writeAll(fd: number, chunks: readonly Uint8Array[]): void {
  let rest = chunks.filter((c) => c.byteLength > 0);
  while (rest.length > 0) {
    let written = writevSync(fd, rest);
    const next: Uint8Array[] = [];
    for (const c of rest) {
      if (written >= c.byteLength) written -= c.byteLength;
      else {
        next.push(c.subarray(written));
        written = 0;
      }
    }
    rest = next;
  }
}
