/**
 * What a refresh changes, and the guards that refuse a download (pure: text in, plain objects out).
 *
 * {@link diffRows} compares the snapshot's rows with the refreshed rows by key (the date; date + holder for
 * the long TIC table; CUSIP + auction date for auctions): rows added and removed, values revised (count and
 * the largest revision with its date), first and last date before and after, and the median ratio of
 * new to old values on the keys both hold. {@link refusalFor} turns that into a refusal when the series
 * shrank by more than a set share, when its last date went backwards, when its values jumped by a unit
 * factor, or when it shares no key with the snapshot. {@link checkDownload} refuses an HTML page served in
 * place of data and a download cut short.
 */
import type { DownloadFormat } from "./sources.ts";
import { nonEmptyLines, splitCsvLine, TIC_FOOTER } from "./normalise.ts";

/** One row of a data file as the diff sees it. */
export interface KeyedRow {
  key: string;
  /** ISO date the row is dated on (observation date; auction date). */
  date: string;
  /** The number a revision is measured on, in the unit as published (undefined when blank). */
  value: number | undefined;
  /** The whole line: any difference in it counts as a revision. */
  record: string;
}

/** How a file's rows are keyed. */
export type RowKind = "date-value" | "tic-long" | "auctions";

/** The rows of shipped-format text (header skipped), keyed for {@link diffRows}. */
export function keyedRows(text: string, kind: RowKind): KeyedRow[] {
  const [, ...lines] = nonEmptyLines(text);
  return lines.map((record) => {
    const f = splitCsvLine(record);
    const num = (s: string | undefined) => (s === undefined || s.trim() === "" ? undefined : Number(s));
    switch (kind) {
      case "date-value":
        return { key: f[0], date: f[0], value: num(f[1]), record };
      case "tic-long":
        return { key: `${f[0]}|${f[1]}`, date: f[0], value: num(f[2]), record };
      case "auctions": // value: total_accepted (USD)
        return { key: `${f[5]}|${f[0]}`, date: f[0], value: num(f[8]), record };
    }
  });
}

/** The largest revision of one value. Units as published; `change` = after − before. */
export interface Revision {
  key: string;
  date: string;
  before: number;
  after: number;
  change: number;
}

/** What a refresh changes in one file. */
export interface SeriesDiff {
  rowsBefore: number;
  rowsAfter: number;
  /** Keys the refreshed file has and the snapshot has not. */
  added: number;
  /** Keys the snapshot has and the refreshed file has not. */
  removed: number;
  /** Keys in both whose value (or, without values, whose record) differs. */
  revised: number;
  /** The revision with the largest absolute change (values in the unit as published). */
  largestRevision?: Revision;
  firstBefore?: string;
  lastBefore?: string;
  firstAfter?: string;
  lastAfter?: string;
  /** Keys both hold. */
  overlap: number;
  /** Median of |after| / |before| over the overlapping keys with non-zero values (1 when nothing changed scale). */
  medianRatio?: number;
}

const minMax = (rows: readonly KeyedRow[]) => {
  let first: string | undefined;
  let last: string | undefined;
  for (const r of rows) {
    if (first === undefined || r.date < first) first = r.date;
    if (last === undefined || r.date > last) last = r.date;
  }
  return { first, last };
};

/** Whether two records differ in any field; a number written differently ("4.20", "4.2") is the same value. */
export function recordsDiffer(a: string, b: string): boolean {
  if (a === b) return false;
  const fa = splitCsvLine(a);
  const fb = splitCsvLine(b);
  if (fa.length !== fb.length) return true;
  const numeric = /^-?\d+(\.\d+)?$/;
  return fa.some((x, i) =>
    x !== fb[i] && !(numeric.test(x.trim()) && numeric.test(fb[i].trim()) && Number(x) === Number(fb[i]))
  );
}

/** Compare the snapshot's rows with the refreshed rows (see {@link SeriesDiff}). */
export function diffRows(before: readonly KeyedRow[], after: readonly KeyedRow[]): SeriesDiff {
  const old = new Map(before.map((r) => [r.key, r]));
  const now = new Map(after.map((r) => [r.key, r]));
  let added = 0;
  let revised = 0;
  let overlap = 0;
  let largest: Revision | undefined;
  const ratios: number[] = [];
  for (const r of now.values()) {
    const o = old.get(r.key);
    if (!o) {
      added++;
      continue;
    }
    overlap++;
    const both = o.value !== undefined && r.value !== undefined;
    if (both && o.value !== 0 && r.value !== 0) ratios.push(Math.abs(r.value!) / Math.abs(o.value!));
    if (!recordsDiffer(o.record, r.record)) continue;
    revised++;
    const change = both ? Number((r.value! - o.value!).toPrecision(12)) : 0;
    if (change !== 0 && (!largest || Math.abs(change) > Math.abs(largest.change))) {
      largest = { key: r.key, date: r.date, before: o.value!, after: r.value!, change };
    }
  }
  let removed = 0;
  for (const k of old.keys()) if (!now.has(k)) removed++;
  ratios.sort((a, b) => a - b);
  const mid = ratios.length >> 1;
  const medianRatio = ratios.length === 0
    ? undefined
    : ratios.length % 2
    ? ratios[mid]
    : (ratios[mid - 1] + ratios[mid]) / 2;
  const b = minMax(before);
  const a = minMax(after);
  return {
    rowsBefore: before.length,
    rowsAfter: after.length,
    added,
    removed,
    revised,
    largestRevision: largest,
    firstBefore: b.first,
    lastBefore: b.last,
    firstAfter: a.first,
    lastAfter: a.last,
    overlap,
    medianRatio,
  };
}

/** Thresholds of {@link refusalFor}. */
export const guardDefaults = {
  /** Refuse a refreshed file with fewer rows than (1 − maxShrink) × the snapshot's rows. */
  maxShrink: 0.05,
  /** Refuse when the median new/old ratio on overlapping keys exceeds this factor either way (a unit switch). */
  maxScaleRatio: 2,
};

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toString()}%`;

/**
 * Why a refreshed file must not replace the snapshot, or undefined if it may. Checked in this order:
 * no rows; last date earlier than the snapshot's (dates went backwards); rows shrank by more than
 * `maxShrink`; no key in common with the snapshot; values scaled by more than `maxScaleRatio` (median).
 */
export function refusalFor(diff: SeriesDiff, options: Partial<typeof guardDefaults> = {}): string | undefined {
  const { maxShrink, maxScaleRatio } = { ...guardDefaults, ...options };
  if (diff.rowsAfter === 0) return "the download holds no observations";
  if (diff.lastBefore !== undefined && diff.lastAfter !== undefined && diff.lastAfter < diff.lastBefore) {
    return `dates went backwards: the download ends ${diff.lastAfter}, before the snapshot's last date ${diff.lastBefore}`;
  }
  if (diff.rowsAfter < diff.rowsBefore * (1 - maxShrink)) {
    const share = 1 - diff.rowsAfter / diff.rowsBefore;
    return `the series shrank from ${diff.rowsBefore} to ${diff.rowsAfter} rows (−${pct(share)}), more than the ${
      pct(maxShrink)
    } allowed (--max-shrink ${maxShrink})`;
  }
  if (diff.rowsBefore > 0 && diff.overlap === 0) {
    return `the download (${diff.firstAfter}..${diff.lastAfter}) shares no observation with the snapshot (${diff.firstBefore}..${diff.lastBefore}): a different series?`;
  }
  if (diff.medianRatio !== undefined && (diff.medianRatio > maxScaleRatio || diff.medianRatio < 1 / maxScaleRatio)) {
    const r = diff.medianRatio;
    const shown = r >= 1 ? `${Number(r.toPrecision(3))}×` : `1/${Number((1 / r).toPrecision(3))}`;
    return `a unit switch? on the ${diff.overlap} observations both hold, values are ${shown} the snapshot's (median)`;
  }
  return undefined;
}

/**
 * Why a download cannot be data of the expected format, or undefined: an HTML page (an error or login page
 * served with status 200), an empty body, or a file cut short (the TIC table without Treasury's footer,
 * JSON without its closing bracket, a FRED CSV whose last line stops mid-row).
 */
export function checkDownload(text: string, format: DownloadFormat, contentType?: string): string | undefined {
  const head = text.replace(/^\uFEFF/, "").trimStart().slice(0, 200).toLowerCase();
  if (
    head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head") ||
    head.startsWith("<body") || (contentType ?? "").toLowerCase().includes("text/html")
  ) {
    const title = /<title[^>]*>([^<]{0,80})/i.exec(text)?.[1]?.trim();
    return `an HTML page instead of ${
      format === "treasurydirect-json" ? "JSON" : format === "tic-mfh" ? "Treasury's text table" : "CSV"
    }${title ? ` ("${title}")` : ""}`;
  }
  if (text.trim() === "") return "the download is empty";
  switch (format) {
    case "tic-mfh":
      if (!text.includes(TIC_FOOTER)) return `truncated: no "${TIC_FOOTER}" footer after the table`;
      break;
    case "treasurydirect-json": {
      const end = text.trimEnd().slice(-1);
      if (end !== "]" && end !== "}") return "truncated: the JSON does not end with its closing bracket";
      break;
    }
    case "fred-csv": {
      if (!/\n/.test(text.trimEnd())) return "truncated: a header and no observations";
      const last = text.trimEnd().split("\n").pop()!.replace(/\r$/, "");
      if (!text.endsWith("\n") && !/^\d{4}-\d{2}-\d{2},(-?\d+(\.\d+)?|\.|)$/.test(last.trim())) {
        return `truncated: the last line "${last.slice(0, 40)}" stops mid-row`;
      }
      break;
    }
  }
  return undefined;
}
