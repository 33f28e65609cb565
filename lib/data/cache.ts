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
 * Entry layout (little-endian): "QTLC" | n (uint32) | n values (float64, canonical units) | n ISO dates
 * (10 ASCII bytes each).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../atomic.ts";
import type { Observation, SeriesSpec } from "./series.ts";

/** The cache folder (under the project's .qtlab/, resolved from this module's location). */
export const DATA_CACHE_DIR: string = resolve(fileURLToPath(new URL("../../.qtlab/cache/data/", import.meta.url)));

const MAGIC = 0x434c5451; // "QTLC" read as a little-endian uint32
const HEADER_BYTES = 8;
const DATE_BYTES = 10;

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

/** The entry's path for a file with this sha256, read with this spec by this code. */
export function cachePath(file: string, sha256: string, spec: SeriesSpec, dir = DATA_CACHE_DIR): string {
  const key = createHash("sha256").update(sha256).update(JSON.stringify(spec)).update(codeHash()).digest("hex");
  return join(dir, `${file.replace(/[^\w.-]/g, "_")}.${key.slice(0, 24)}.bin`);
}

/** The cached rows, or undefined when there is no usable entry (missing, damaged, or another length). */
export function readCachedRows(path: string, expectedRows: number): Observation[] | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (bytes.byteLength < HEADER_BYTES) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(4, true);
  if (view.getUint32(0, true) !== MAGIC || n !== expectedRows) return undefined;
  if (bytes.byteLength !== HEADER_BYTES + n * (8 + DATE_BYTES)) return undefined;
  // Copy the values into an aligned array (the file's buffer may start anywhere).
  const values = new Float64Array(n);
  new Uint8Array(values.buffer).set(bytes.subarray(HEADER_BYTES, HEADER_BYTES + 8 * n));
  const dates = new TextDecoder("latin1").decode(bytes.subarray(HEADER_BYTES + 8 * n));
  const rows: Observation[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) return undefined;
    rows[i] = { date: dates.slice(i * DATE_BYTES, (i + 1) * DATE_BYTES), value };
  }
  return rows;
}

/** Write an entry for validated rows; a failure to write is ignored (the cache is optional). */
export function writeCachedRows(path: string, rows: readonly Observation[]): void {
  const n = rows.length;
  const bytes = new Uint8Array(HEADER_BYTES + n * (8 + DATE_BYTES));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, n, true);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = rows[i].value;
  bytes.set(new Uint8Array(values.buffer), HEADER_BYTES);
  let at = HEADER_BYTES + 8 * n;
  for (const r of rows) {
    if (r.date.length !== DATE_BYTES) return; // not an ISO date: never cache what would not round-trip
    for (let j = 0; j < DATE_BYTES; j++) bytes[at++] = r.date.charCodeAt(j);
  }
  try {
    writeFileAtomic(path, bytes);
  } catch {
    // A read-only checkout or a full disk: the next load parses again.
  }
}

/**
 * The entry's path for a file parsed by other code than the `date,value` parser (the long TIC table):
 * keyed by the file's sha256 and the source of the modules that parse and validate it.
 */
export function jsonCachePath(
  file: string,
  sha256: string,
  parserModules: readonly URL[],
  dir = DATA_CACHE_DIR,
): string {
  const h = createHash("sha256").update(sha256).update(codeHash());
  for (const m of parserModules) h.update(readFileSync(m));
  return join(dir, `${file.replace(/[^\w.-]/g, "_")}.${h.digest("hex").slice(0, 24)}.json`);
}

/** A JSON entry's value, or undefined when it is missing or unreadable. */
export function readCachedJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Write a JSON entry; a failure to write is ignored. */
export function writeCachedJson(path: string, value: unknown): void {
  try {
    writeFileAtomic(path, JSON.stringify(value));
  } catch {
    // The next load parses again.
  }
}
