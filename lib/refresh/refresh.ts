/**
 * `npm run data:refresh`: bring data/ up to date from the publishers, one series at a time, never losing
 * the last good file.
 *
 * For each series: download its publisher's file (once per address, with a timeout), refuse an HTML page
 * or a file cut short, normalise it to the shipped format (normalise.ts), join it to the snapshot where the
 * publisher serves only a window, validate it with the SAME parse function the loaders use (range check
 * included: a unit switch fails there), refuse it if it shrank, went backwards or changed scale (diff.ts),
 * and only then write the CSV and its provenance record, each through a temporary file renamed into place.
 * The written file is then read back by the catalogue's loader; if that fails both files are restored.
 * A refused series leaves its file and its manifest entry byte-for-byte unchanged; the others go on.
 * An address that cannot be reached (DNS, refused connection, timeout) fails at once for every series
 * served from that host: "cannot reach <host>: no network? the snapshot is unchanged".
 *
 * The library reads no clock: the run's date (`retrieved`) is passed in by the CLI (scripts/refresh.ts).
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { LOADERS } from "../data/catalog.ts";
import {
  clearManifestCache,
  DEFAULT_DATA_DIR,
  type Manifest,
  type ManifestEntry,
  measureDataFile,
  sha256Hex,
  type SourceRecord,
} from "../data/manifest.ts";
import {
  checkDownload,
  diffRows,
  guardDefaults,
  keyedRows,
  refusalFor,
  type RowKind,
  type SeriesDiff,
} from "./diff.ts";
import {
  detectEol,
  DownloadFormatError,
  dropMonth,
  fredCsvToDateValue,
  joinSnapshot,
  parseTicMfh,
  ticHolderText,
  ticLongText,
  type TicTable,
  treasuryDirectJsonToCsv,
} from "./normalise.ts";
import { DEFAULT_BASES, type RefreshBases, selectSources, type SeriesSource, sourceUrl } from "./sources.ts";

/** Options of {@link refresh}. */
export interface RefreshOptions {
  /** The run's date, YYYY-MM-DD: recorded as `retrieved` (and as the vintage of FRED and TreasuryDirect data). */
  retrieved: string;
  /** Folder holding the data files and manifest.json (default: the project's data/). */
  dataDir?: string;
  /** File stems to refresh ("WALCL", "TIC_MFH_CHINA", ...); default all. */
  series?: readonly string[];
  /** Publisher base addresses (default {@link DEFAULT_BASES}). */
  bases?: Partial<RefreshBases>;
  /** Report what would change and write nothing. */
  dryRun?: boolean;
  /** Refuse a series whose row count falls by more than this share (0.05 = 5%). */
  maxShrink?: number;
  /** Per-download time limit in milliseconds. */
  timeoutMs?: number;
  /** Called with each series' report as soon as it is done (the CLI prints progress). */
  onReport?: (report: SeriesReport) => void;
}

/** Defaults of {@link RefreshOptions}. */
export const refreshDefaults = { dryRun: false, maxShrink: guardDefaults.maxShrink, timeoutMs: 60_000 };

/** What happened to one series. */
export type SeriesStatus = "updated" | "unchanged" | "would update" | "refused";

/** The outcome of one series. */
export interface SeriesReport {
  id: string;
  file: string;
  url: string;
  status: SeriesStatus;
  /** For a refused series: "<id>: <reason>; <file> and its provenance record are unchanged". */
  message?: string;
  /** What changed (or would have changed); absent when the download never got that far. */
  diff?: SeriesDiff;
  /** Remarks: missing values dropped, rows kept from the snapshot, auctions without results, ... */
  notes: string[];
}

/** A provenance source written by a refresh: the download address, plus where rows kept from before came from. */
export interface RefreshedSource extends SourceRecord {
  url: string;
  /** splice/merge: the origin of the rows this download did not provide. */
  earlierRows?: string;
  /** splice: rows dated before this were kept from the snapshot. */
  keptBefore?: string;
}

/** Re-exported from lib/data/manifest.ts: the measured fields of a provenance record. */
export { measureDataFile as measure };

/** A failed download. `hostDown`: the host could not be reached at all (then no other series tries it). */
class DownloadError extends Error {
  constructor(
    message: string,
    readonly hostDown: boolean,
  ) {
    super(message);
  }
}

/**
 * The network itself is down (no route, no DNS): not one publisher's failure, so the whole refresh stops
 * at once with one line, data/ untouched.
 */
export class NetworkDownError extends Error {}

/** Error codes that say the machine has no network, whatever the host. */
const NETWORK_DOWN = new Set(["ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ENETDOWN"]);

interface Fetched {
  text: string;
  contentType: string;
}

/** The error code under a fetch failure (undici wraps it: TypeError → cause → maybe AggregateError). */
function errorCode(e: unknown): string | undefined {
  for (let x: unknown = e, depth = 0; x && depth < 5; depth++) {
    const o = x as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof o.code === "string") return o.code;
    x = o.cause ?? o.errors?.[0];
  }
  return undefined;
}

const isTimeout = (e: unknown) =>
  (e as { name?: string })?.name === "TimeoutError" ||
  (e as { cause?: { name?: string } })?.cause?.name === "TimeoutError";

/** Download one address as text, or throw a {@link DownloadError} saying what went wrong. */
async function download(url: string, timeoutMs: number): Promise<Fetched> {
  const host = new URL(url).host;
  const seconds = Number((timeoutMs / 1000).toPrecision(3));
  const unchanged = "no network? the snapshot is unchanged";
  let res: Response;
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { "user-agent": "qtlab data:refresh", accept: "*/*" },
    });
  } catch (e) {
    if (isTimeout(e)) throw new DownloadError(`no answer from ${host} within ${seconds} s: ${unchanged}`, true);
    const code = errorCode(e);
    if (code && NETWORK_DOWN.has(code)) {
      throw new NetworkDownError(
        `no network: cannot reach ${host} (${code}); nothing was downloaded, data/ and its provenance are unchanged`,
      );
    }
    throw new DownloadError(`cannot reach ${host}${code ? ` (${code})` : ""}: ${unchanged}`, true);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new DownloadError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""} from ${url}`, false);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    const why = isTimeout(e) ? `stalled for ${seconds} s` : `broke off (${errorCode(e) ?? (e as Error).message})`;
    throw new DownloadError(`truncated: the download from ${url} ${why}`, false);
  }
  const declared = res.headers.get("content-length");
  if (declared !== null && !res.headers.get("content-encoding") && Number(declared) !== bytes.length) {
    throw new DownloadError(`truncated: received ${bytes.length} of the ${declared} bytes ${host} announced`, false);
  }
  return { text: new TextDecoder("utf-8").decode(bytes), contentType: res.headers.get("content-type") ?? "" };
}

let tmpCounter = 0;

/** Replace files through temporary files in the same folder, fsynced, then renamed; no temporary file survives. */
function replaceFiles(files: readonly { path: string; data: Uint8Array | string }[]): void {
  const tmps = files.map((f) =>
    join(dirname(f.path), `.${basename(f.path)}.refresh-${process.pid}-${++tmpCounter}.tmp`)
  );
  try {
    files.forEach((f, i) => {
      const fd = openSync(tmps[i], "w");
      try {
        writeFileSync(fd, f.data);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    });
    files.forEach((f, i) => renameSync(tmps[i], f.path));
  } finally {
    for (const t of tmps) rmSync(t, { force: true });
  }
}

const rowKind = (
  s: SeriesSource,
): RowKind => (s.id === "TIC_MFH_long" ? "tic-long" : s.format === "treasurydirect-json" ? "auctions" : "date-value");

/** One line naming where a provenance source came from. */
function describeSource(s: SourceRecord & { url?: string }): string {
  if (s.url) return `${s.url}, retrieved ${s.retrieved}`;
  return `${s.repository} @ ${s.commit}, ${s.path}${s.via ? ` (via ${s.via})` : ""}, retrieved ${s.retrieved}`;
}

/** The manifest entry after a refresh: new source, vintage and measured fields; every description kept. */
function refreshedEntry(
  entry: ManifestEntry,
  source: SeriesSource,
  url: string,
  bytes: Uint8Array,
  run: { retrieved: string; vintage: string; release?: string; keptBefore?: string; keptRows: number },
): ManifestEntry {
  const previous = entry.source as RefreshedSource;
  const src: RefreshedSource = {
    repository: "(direct download from the publisher)",
    commit: "(none)",
    path: source.path,
    url,
    via: source.via,
    retrieved: run.retrieved,
  };
  if (source.join !== "replace" && run.keptRows > 0) {
    src.earlierRows = previous.url === url && previous.earlierRows ? previous.earlierRows : describeSource(previous);
    if (run.keptBefore) src.keptBefore = run.keptBefore;
  }
  return {
    ...entry,
    ...(run.release ? { release: run.release } : {}),
    source: src,
    vintage: run.vintage,
    ...measureDataFile(bytes),
  };
}

/** A series ready to be written: validated, diffed, guarded. */
interface Prepared {
  source: SeriesSource;
  url: string;
  notes: string[];
  diff: SeriesDiff;
  path: string;
  oldBytes: Buffer;
  newBytes: Buffer;
  changed: boolean;
  vintage: string;
  release?: string;
  keptBefore?: string;
  keptRows: number;
}

/** State shared by the series of one run. */
interface RunContext {
  opts: RefreshOptions & typeof refreshDefaults;
  dataDir: string;
  bases: RefreshBases;
  fetched: Map<string, Fetched | DownloadError>;
  ticTables: Map<string, TicTable | DownloadFormatError>;
  hostsDown: Map<string, string>;
}

const refusedReport = (
  source: SeriesSource,
  url: string,
  reason: string,
  extra: { diff?: SeriesDiff; notes?: string[]; bare?: boolean } = {},
): SeriesReport => ({
  id: source.id,
  file: source.file,
  url,
  status: "refused",
  message: extra.bare
    ? `${source.id}: ${reason}`
    : `${source.id}: ${reason}; ${source.file} and its provenance record are unchanged`,
  diff: extra.diff,
  notes: extra.notes ?? [],
});

/** Steps 1-4 for one series: download, check, normalise, join, validate, diff, guard. Writes nothing. */
async function prepare(source: SeriesSource, ctx: RunContext): Promise<Prepared | SeriesReport> {
  const { opts } = ctx;
  const url = sourceUrl(source, ctx.bases);
  const notes: string[] = [];
  const refused = (reason: string, diff?: SeriesDiff, bare = false) =>
    refusedReport(source, url, reason, { diff, notes, bare });

  // 1. download (once per address; a host that cannot be reached is not tried again)
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return refused(`invalid download address "${url}"`);
  }
  const down = ctx.hostsDown.get(host);
  if (down) return refused(down, undefined, true);
  let got = ctx.fetched.get(url);
  if (!got) {
    try {
      got = await download(url, opts.timeoutMs);
    } catch (e) {
      if (!(e instanceof DownloadError)) throw e;
      if (e.hostDown) ctx.hostsDown.set(host, e.message);
      got = e;
    }
    ctx.fetched.set(url, got);
  }
  if (got instanceof DownloadError) return refused(got.message, undefined, got.hostDown);
  const bad = checkDownload(got.text, source.format, got.contentType);
  if (bad) return refused(bad);

  // 2. the snapshot and its provenance record, as they are now
  const path = join(ctx.dataDir, source.file);
  const manifestPath = join(ctx.dataDir, "manifest.json");
  let manifest: Manifest;
  let oldBytes: Buffer;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  } catch (e) {
    return refused(`cannot read ${manifestPath} (${(e as Error).message})`);
  }
  const entry = manifest.files?.[source.file];
  if (!entry) return refused(`no provenance record for ${source.file} in ${manifestPath}`);
  try {
    oldBytes = readFileSync(path);
  } catch (e) {
    return refused(`cannot read the snapshot ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (sha256Hex(oldBytes) !== entry.sha256) {
    return refused(
      "the snapshot file does not match its provenance record (sha256): restore it (git checkout data/) before refreshing",
    );
  }
  const oldText = oldBytes.toString("utf8");
  const eol = detectEol(oldText);

  // 3. normalise to the shipped format and join to the snapshot
  let normalised: string;
  let vintage = opts.retrieved;
  let release: string | undefined;
  try {
    switch (source.format) {
      case "fred-csv": {
        const n = fredCsvToDateValue(got.text, source.fredId!, `${source.id} download`);
        normalised = n.text;
        if (n.missingDropped > 0) notes.push(`${n.missingDropped} missing values dropped`);
        if (source.dropRunMonth) {
          const d = dropMonth(normalised, opts.retrieved.slice(0, 7));
          normalised = d.text;
          if (d.dropped > 0) notes.push(`${opts.retrieved.slice(0, 7)} left out (month in progress)`);
        }
        break;
      }
      case "tic-mfh": {
        let table = ctx.ticTables.get(url);
        if (!table) {
          try {
            table = parseTicMfh(got.text, `${host} mfhhis01.txt`);
          } catch (e) {
            if (!(e instanceof DownloadFormatError)) throw e;
            table = e;
          }
          ctx.ticTables.set(url, table);
        }
        if (table instanceof DownloadFormatError) throw table;
        normalised = source.ticRow === undefined ? ticLongText(table, eol) : ticHolderText(table, source.ticRow, eol);
        if (table.stamp) {
          vintage = table.stamp.iso;
          release = `Major Foreign Holders of Treasury Securities (mfhhis01.txt, stamped ${table.stamp.text}${
            table.revised ? `; ${table.revised}` : ""
          })`;
        }
        break;
      }
      case "treasurydirect-json": {
        const n = treasuryDirectJsonToCsv(got.text, eol, `${source.id} download`);
        normalised = n.text;
        if (n.withoutResults > 0) notes.push(`${n.withoutResults} auctions without results yet left out`);
        break;
      }
    }
  } catch (e) {
    if (e instanceof DownloadFormatError) return refused(e.message);
    throw e;
  }
  const joined = joinSnapshot(oldText, normalised, { mode: source.join, spliceFrom: source.spliceFrom, eol });
  if (joined.keptFromSnapshot > 0) {
    notes.push(
      source.join === "splice"
        ? `${joined.keptFromSnapshot} rows before ${joined.spliceFrom} kept from the snapshot`
        : `${joined.keptFromSnapshot} auctions not in the download kept from the snapshot`,
    );
  }

  // 4. validate with the loader's own parser, then the guards on what changed
  try {
    source.validate(joined.text, `downloaded ${source.file}`);
  } catch (e) {
    return refused(`the loader refuses it: ${(e as Error).message}`);
  }
  const kind = rowKind(source);
  const diff = diffRows(keyedRows(oldText, kind), keyedRows(joined.text, kind));
  const why = refusalFor(diff, { maxShrink: opts.maxShrink });
  if (why) return refused(why, diff);
  return {
    source,
    url,
    notes,
    diff,
    path,
    oldBytes,
    newBytes: Buffer.from(joined.text, "utf8"),
    changed: joined.text !== oldText,
    vintage,
    release,
    keptBefore: source.join === "splice" ? joined.spliceFrom : undefined,
    keptRows: joined.keptFromSnapshot,
  };
}

/**
 * Step 5 for the changed series of a group: write the files and the manifest (temporary files renamed into
 * place), read every written file back with the catalogue's loader and run the group's cross-file check;
 * on any failure restore every file byte for byte. Returns one report per series.
 */
function commit(batch: readonly Prepared[], ctx: RunContext): SeriesReport[] {
  const manifestPath = join(ctx.dataDir, "manifest.json");
  const fail = (reason: string, bare = false) =>
    batch.map((p) => refusedReport(p.source, p.url, reason, { diff: p.diff, notes: p.notes, bare }));
  let manifestBytes: Buffer;
  let manifest: Manifest;
  try {
    manifestBytes = readFileSync(manifestPath);
    manifest = JSON.parse(manifestBytes.toString("utf8")) as Manifest;
  } catch (e) {
    return fail(`cannot read ${manifestPath} (${(e as Error).message})`);
  }
  const files = { ...manifest.files };
  for (const p of batch) {
    files[p.source.file] = refreshedEntry(files[p.source.file], p.source, p.url, p.newBytes, {
      retrieved: ctx.opts.retrieved,
      vintage: p.vintage,
      release: p.release,
      keptBefore: p.keptBefore,
      keptRows: p.keptRows,
    });
  }
  const newManifest: Manifest = { ...manifest, files };
  const restore = () =>
    replaceFiles([...batch.map((p) => ({ path: p.path, data: p.oldBytes })), {
      path: manifestPath,
      data: manifestBytes,
    }]);
  try {
    replaceFiles([...batch.map((p) => ({ path: p.path, data: p.newBytes })), {
      path: manifestPath,
      data: JSON.stringify(newManifest, null, 2) + "\n",
    }]);
  } catch (e) {
    try {
      restore();
    } catch {
      return fail(
        `writing failed (${(e as Error).message}) and so did restoring: check ${ctx.dataDir} against git`,
        true,
      );
    }
    return fail(`writing failed (${(e as Error).message})`);
  }
  clearManifestCache();
  try {
    for (const p of batch) {
      const loaded = LOADERS[p.source.file]({ dataDir: ctx.dataDir });
      if (loaded.lastDate !== p.diff.lastAfter) {
        throw new Error(`${p.source.file} reads up to ${loaded.lastDate}, expected ${p.diff.lastAfter}`);
      }
    }
    const checks = new Set(batch.map((p) => p.source.groupCheck).filter((c) => c !== undefined));
    for (const check of checks) check(ctx.dataDir);
  } catch (e) {
    restore();
    clearManifestCache();
    return fail(`after writing, the loader refused it (${(e as Error).message}); the files were restored`);
  }
  return batch.map((p) => ({
    id: p.source.id,
    file: p.source.file,
    url: p.url,
    status: "updated",
    diff: p.diff,
    notes: p.notes,
  }));
}

/**
 * Refresh the selected series of a data folder from their publishers. Resolves to one report per series
 * (in catalogue order); never rejects for a series' failure (that is a "refused" report). Files of a group
 * (the six TIC files, fed by one download and checked against each other) are written together or not at all.
 */
export async function refresh(options: RefreshOptions): Promise<SeriesReport[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.retrieved)) {
    throw new Error(`retrieved must be a date YYYY-MM-DD, got "${options.retrieved}"`);
  }
  const opts = { ...refreshDefaults, ...options };
  const ctx: RunContext = {
    opts,
    dataDir: opts.dataDir ?? DEFAULT_DATA_DIR,
    bases: { ...DEFAULT_BASES, ...opts.bases },
    fetched: new Map(),
    ticTables: new Map(),
    hostsDown: new Map(),
  };
  const selected = selectSources(opts.series);
  const groups: SeriesSource[][] = [];
  for (const s of selected) {
    const last = groups[groups.length - 1];
    if (s.group !== undefined && last?.[0].group === s.group) last.push(s);
    else groups.push([s]);
  }
  const reports: SeriesReport[] = [];
  for (const group of groups) {
    const results: (Prepared | SeriesReport)[] = [];
    for (const s of group) results.push(await prepare(s, ctx));
    const isReport = (r: Prepared | SeriesReport): r is SeriesReport => "status" in r;
    const refusedIds = results.filter(isReport).map((r) => r.id);
    let out: SeriesReport[];
    if (refusedIds.length > 0) {
      out = results.map((r) =>
        isReport(r) ? r : refusedReport(
          r.source,
          r.url,
          `not written: ${
            refusedIds.join(", ")
          } from the same download was refused, and the ${r.source.group} files are written together`,
          { diff: r.diff, notes: r.notes },
        )
      );
    } else {
      const prepared = results as Prepared[];
      const changed = prepared.filter((p) => p.changed);
      const written = opts.dryRun || changed.length === 0 ? [] : commit(changed, ctx);
      out = prepared.map((p) => {
        if (!p.changed) {
          return {
            id: p.source.id,
            file: p.source.file,
            url: p.url,
            status: "unchanged",
            diff: p.diff,
            notes: p.notes,
          };
        }
        if (opts.dryRun) {
          return {
            id: p.source.id,
            file: p.source.file,
            url: p.url,
            status: "would update",
            diff: p.diff,
            notes: p.notes,
          };
        }
        return written.find((w) => w.id === p.source.id)!;
      });
    }
    for (const r of out) {
      reports.push(r);
      opts.onReport?.(r);
    }
  }
  clearManifestCache();
  return reports;
}

// ---------------------------------------------------------------------------------------- the summary

const arrow = (
  a: string | number | undefined,
  b: string | number | undefined,
) => (a === b ? `${a ?? "-"}` : `${a ?? "-"} → ${b ?? "-"}`);
const signed = (x: number) => `${x > 0 ? "+" : ""}${Number(x.toPrecision(6))}`;

/** The per-series summary table, the refused series' reasons and notes, and a final line (plain text). */
export function formatReport(
  reports: readonly SeriesReport[],
  options: { dryRun?: boolean; retrieved?: string } = {},
): string {
  const head = [
    "series",
    "result",
    "rows",
    "added",
    "removed",
    "revised",
    "largest revision (date)",
    "first date",
    "last date",
  ];
  const rows = reports.map((r) => {
    const d = r.diff;
    const lr = d?.largestRevision;
    return [
      r.id,
      r.status,
      d ? arrow(d.rowsBefore, d.rowsAfter) : "",
      d ? String(d.added) : "",
      d ? String(d.removed) : "",
      d ? String(d.revised) : "",
      lr ? `${signed(lr.change)} (${lr.date})` : "",
      d ? arrow(d.firstBefore, d.firstAfter) : "",
      d ? arrow(d.lastBefore, d.lastAfter) : "",
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  const out = [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  const refused = reports.filter((r) => r.status === "refused");
  if (refused.length > 0) out.push("", ...refused.map((r) => `refused  ${r.message}`));
  const noted = reports.filter((r) => r.notes.length > 0 && r.status !== "refused");
  if (noted.length > 0) out.push("", ...noted.map((r) => `note     ${r.id}: ${r.notes.join("; ")}`));
  const count = (s: SeriesStatus) => reports.filter((r) => r.status === s).length;
  const parts = options.dryRun
    ? [`${count("would update")} would update`, `${count("unchanged")} unchanged`, `${count("refused")} refused`]
    : [`${count("updated")} updated`, `${count("unchanged")} unchanged`, `${count("refused")} refused`];
  const tail = options.dryRun ? "dry run, nothing written" : `retrieved ${options.retrieved ?? "?"}`;
  out.push("", `data:refresh: ${parts.join(", ")} of ${reports.length} series (${tail})`);
  return out.join("\n");
}
