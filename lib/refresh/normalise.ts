/**
 * Turn a publisher's download into the shipped file's format, and join it to the snapshot (pure: text in,
 * text out; no I/O, no clock).
 *
 * - {@link fredCsvToDateValue}: FRED's CSV download → `date,value`. Missing observations ("." or blank)
 *   are dropped, as in the snapshot; every value is copied as published (no rescaling, no rounding).
 * - {@link parseTicMfh}, {@link ticLongText}, {@link ticHolderText}: Treasury's mfhhis01.txt → the long
 *   `date,country,value` table and the single-holder `date,value` files. At a survey break the source prints
 *   the same month twice (new series first, old series "shown for comparison only"): the first (newer)
 *   column is kept. "n.a." and "*" (less than $50 million) cells are omitted, never filled.
 * - {@link treasuryDirectJsonToCsv}: TreasuryDirect's auctioned-securities JSON → the auction CSV.
 * - {@link joinSnapshot}: replace, splice (keep snapshot rows before a publisher's window) or merge by key.
 *
 * Text that is not in the expected format throws a {@link DownloadFormatError} naming the line.
 */
import { AUCTION_COLUMNS } from "../data/auctions.ts";

/** A download that is not in its publisher's format. `line` counts from 1 in the downloaded text. */
export class DownloadFormatError extends Error {
  readonly line: number | undefined;
  constructor(what: string, line: number | undefined, reason: string) {
    super(`${what}${line === undefined ? "" : ` line ${line}`}: ${reason}`);
    this.name = "DownloadFormatError";
    this.line = line;
  }
}

/** The line ending of a text ("\r\n" if its first line ends so, else "\n"). */
export function detectEol(text: string): "\n" | "\r\n" {
  const i = text.indexOf("\n");
  return i > 0 && text[i - 1] === "\r" ? "\r\n" : "\n";
}

/** Split text into lines without their endings, dropping empty lines (blank trailing lines included). */
export function nonEmptyLines(text: string): string[] {
  return text.split("\n").map((l) => l.replace(/\r$/, "")).filter((l) => l.length > 0);
}

/** Join lines with `eol`, ending with `eol` (the shipped files end with a line break). */
export function joinLines(lines: readonly string[], eol: "\n" | "\r\n" = "\n"): string {
  return lines.join(eol) + eol;
}

/** Split one CSV line into fields (RFC 4180 quotes: `"a, b"`, `""` for a quote). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** One CSV field, quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// ---------------------------------------------------------------------------------------------- FRED

/** What {@link fredCsvToDateValue} returns: the shipped-format text and how many missing rows it dropped. */
export interface FredNormalised {
  text: string;
  missingDropped: number;
}

/**
 * FRED's CSV download of one series → the shipped `date,value` text (ending with "\n").
 * Accepts the header `observation_date,ID` or the older `DATE,ID` (ID may carry a FRED suffix such as
 * `_avg`). Rows whose value is "." or blank are dropped (the snapshot has no blanks); every other value
 * and date is copied as published, for the loader's parser to validate. FROM: as published. TO: as published.
 */
export function fredCsvToDateValue(text: string, fredId: string, what = `FRED ${fredId}`): FredNormalised {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const header = lines[0].replace(/^\uFEFF/, "").trim();
  const m = /^(observation_date|DATE),([A-Za-z0-9_.]+)$/i.exec(header);
  if (!m) {
    throw new DownloadFormatError(
      what,
      1,
      `not a FRED CSV download: expected the header "observation_date,${fredId}", found "${header.slice(0, 80)}"`,
    );
  }
  const named = m[2].toUpperCase();
  if (named !== fredId.toUpperCase() && !named.startsWith(`${fredId.toUpperCase()}_`)) {
    throw new DownloadFormatError(what, 1, `the download is FRED series ${m[2]}, expected ${fredId}`);
  }
  const out = ["date,value"];
  let missingDropped = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    const cells = line.split(",");
    if (cells.length !== 2) {
      throw new DownloadFormatError(what, i + 1, `expected "date,value", found "${line.slice(0, 80)}"`);
    }
    const [date, raw] = [cells[0].trim(), cells[1].trim()];
    if (raw === "." || raw === "") {
      missingDropped++;
      continue;
    }
    out.push(`${date},${raw}`);
  }
  return { text: joinLines(out), missingDropped };
}

// ----------------------------------------------------------------------------------------------- TIC

/** One cell of the TIC table: a holder's end-of-month holdings as published ($ billions, text). */
export interface TicCell {
  /** First day of the month (2025-12-01 = end of December 2025). */
  date: string;
  /** Row label without footnote markers ("United Kingdom 2/" → "United Kingdom"). */
  label: string;
  value: string;
}

/** The table read from mfhhis01.txt. */
export interface TicTable {
  /** Sorted by date, then by the order labels first appear in the file (top to bottom). */
  cells: TicCell[];
  /** Labels in order of first appearance. */
  labels: string[];
  /** Treasury's date stamp under the table ("3/18/26"), and as ISO ("2026-03-18"). */
  stamp?: { text: string; iso: string };
  /** The newest revision note, e.g. "2025 revised March 18, 2026". */
  revised?: string;
  /** Months printed twice at a survey break whose second (old-series) column was dropped. */
  oldSeriesColumnsDropped: string[];
  /** "n.a.", "*" and blank cells left out. */
  cellsOmitted: number;
}

const MONTHS: Record<string, number> = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  May: 5,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
};
const TIC_NUMBER = /^-?\d+(\.\d+)?$/;
/** The line that ends the table in Treasury's file. */
export const TIC_FOOTER = "Department of the Treasury";

/** The cells of one tab-separated line, each unquoted (Treasury quotes labels that hold a comma). */
function tabCells(line: string): string[] {
  return line.split("\t").map((
    c,
  ) => (c.length >= 2 && c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c));
}

/** A row label as the shipped files write it: trimmed, footnote marker ("2/", "5/") removed. */
export function ticLabel(raw: string): string {
  return raw.trim().replace(/\s+\d+\/$/, "").trim();
}

/**
 * Read Treasury's "Major Foreign Holders of Treasury Securities" history (mfhhis01.txt): blocks of a
 * month line (`\tDec\tNov\t…`), a year line (`Country\t2025\t2025\t…`), then one line per holder, newest
 * block first, ending at the "Department of the Treasury" footer with the file's date stamp.
 * FROM: $ billions, end of month. TO: the same values as text, dated on the month's first day.
 */
export function parseTicMfh(text: string, what = "mfhhis01.txt"): TicTable {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const labelOrder = new Map<string, number>();
  const cells: TicCell[] = [];
  const seen = new Set<string>();
  const datesSeen = new Set<string>();
  const oldSeriesColumnsDropped: string[] = [];
  let pendingMonths: { index: number; month: number }[] | undefined;
  let columns: { index: number; date: string }[] | undefined;
  let cellsOmitted = 0;
  let footerAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const c = tabCells(lines[i]);
    const first = c[0].trim();
    if (first.startsWith(TIC_FOOTER)) {
      footerAt = i;
      break;
    }
    if (first === "") {
      const filled = c.map((v, index) => ({ index, v: v.trim() })).filter((x) => x.index > 0 && x.v !== "");
      if (filled.length > 0 && filled.every((x) => x.v in MONTHS)) {
        pendingMonths = filled.map((x) => ({ index: x.index, month: MONTHS[x.v] }));
        columns = undefined;
      }
      continue; // titles, series-break headers, "------" rules and blank lines
    }
    if (first === "Country") {
      if (!pendingMonths) {
        throw new DownloadFormatError(what, i + 1, 'a "Country" line without a line of months above it');
      }
      columns = [];
      for (const { index, month } of pendingMonths) {
        const year = (c[index] ?? "").trim();
        if (!/^\d{4}$/.test(year)) {
          throw new DownloadFormatError(
            what,
            i + 1,
            `no year under the month in column ${index + 1} (found "${year}")`,
          );
        }
        const date = `${year}-${String(month).padStart(2, "0")}-01`;
        if (datesSeen.has(date)) {
          oldSeriesColumnsDropped.push(date); // the old series "shown for comparison only"
          continue;
        }
        datesSeen.add(date);
        columns.push({ index, date });
      }
      pendingMonths = undefined;
      continue;
    }
    if (!columns) continue; // text before the first block
    const label = ticLabel(first);
    const tokens = columns.map((col) => ({ date: col.date, t: (c[col.index] ?? "").trim() }));
    if (tokens.every((x) => x.t === "")) continue; // "Of which:"
    if (!labelOrder.has(label)) labelOrder.set(label, labelOrder.size);
    for (const { date, t } of tokens) {
      if (t === "" || t === "n.a." || t === "*") {
        cellsOmitted++;
        continue;
      }
      if (!TIC_NUMBER.test(t)) {
        throw new DownloadFormatError(what, i + 1, `"${t}" for ${label} ${date} is not a number`);
      }
      const key = `${date}|${label}`;
      if (seen.has(key)) throw new DownloadFormatError(what, i + 1, `a second row for ${label} ${date}`);
      seen.add(key);
      cells.push({ date, label, value: t });
    }
  }
  if (footerAt < 0) {
    throw new DownloadFormatError(what, undefined, `no "${TIC_FOOTER}" footer after the table: the file is truncated`);
  }
  if (cells.length === 0) throw new DownloadFormatError(what, undefined, "no holdings table found");
  let stamp: TicTable["stamp"];
  let revised: string | undefined;
  for (let i = footerAt + 1; i < lines.length && (!stamp || !revised); i++) {
    const first = tabCells(lines[i])[0].trim();
    const s = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec(first);
    if (s && !stamp) stamp = { text: first, iso: `20${s[3]}-${s[1].padStart(2, "0")}-${s[2].padStart(2, "0")}` };
    const r = /^\((\d{4} revised [^)]+)\)$/.exec(first);
    if (r && !revised) revised = r[1];
  }
  cells.sort((
    a,
    b,
  ) => (a.date < b.date ? -1 : a.date > b.date ? 1 : labelOrder.get(a.label)! - labelOrder.get(b.label)!));
  return { cells, labels: [...labelOrder.keys()], stamp, revised, oldSeriesColumnsDropped, cellsOmitted };
}

/** The long TIC file: `date,country,value`, every row label of every month. */
export function ticLongText(table: TicTable, eol: "\n" | "\r\n" = "\n"): string {
  return joinLines(["date,country,value", ...table.cells.map((c) => `${c.date},${csvField(c.label)},${c.value}`)], eol);
}

/** A single-holder TIC file (`date,value`) for one row label; empty of observations if the label is absent. */
export function ticHolderText(table: TicTable, label: string, eol: "\n" | "\r\n" = "\n"): string {
  return joinLines(
    ["date,value", ...table.cells.filter((c) => c.label === label).map((c) => `${c.date},${c.value}`)],
    eol,
  );
}

// ------------------------------------------------------------------------------------- TreasuryDirect

/** A number as the shipped auction file writes it: plain decimal, no trailing fractional zeros ("3.060000" → "3.06"). */
export function plainNumber(raw: string | number): string {
  if (typeof raw === "number") return Number.isFinite(raw) ? String(raw) : "";
  const t = raw.trim();
  const m = /^(-?)(\d+)(?:\.(\d*?)0*)?$/.exec(t);
  if (m) {
    const int = m[2].replace(/^0+(?=\d)/, "");
    const frac = m[3] ?? "";
    const s = frac ? `${int}.${frac}` : int;
    return m[1] && s !== "0" ? `-${s}` : s;
  }
  const n = Number(t);
  return t !== "" && Number.isFinite(n) ? String(n) : t;
}

/** What {@link treasuryDirectJsonToCsv} returns: the auction CSV and the records left out. */
export interface AuctionsNormalised {
  text: string;
  records: number;
  /** Records without results yet (no offering, tendered or accepted amount). */
  withoutResults: number;
}

/** The order of the shipped auction file: auction date, security type, term, CUSIP (code-unit order). */
export function auctionSortKey(fields: readonly string[]): string {
  return [fields[0], fields[3], fields[4], fields[5]].join("\u0000");
}

/**
 * TreasuryDirect's `securities/auctioned` JSON (an array of records whose fields are strings) → the
 * shipped auction CSV with {@link AUCTION_COLUMNS}, sorted as {@link auctionSortKey}.
 * Dates keep their first 10 characters ("2026-08-20T00:00:00" → "2026-08-20"); numbers are written plainly
 * without trailing zeros; `high_yield_or_rate` is the first non-empty of highYield, highRate and
 * highInvestmentRate (the snapshot's rule). Zero bidder amounts are left blank, as the snapshot has them.
 * Records without results are left out. FROM: USD and percent. TO: USD and percent.
 */
export function treasuryDirectJsonToCsv(
  text: string,
  eol: "\n" | "\r\n" = "\n",
  what = "TreasuryDirect auctions",
): AuctionsNormalised {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DownloadFormatError(what, undefined, `not readable as JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new DownloadFormatError(what, undefined, "expected a JSON array of auction records");
  const str = (r: Record<string, unknown>, k: string) => (r[k] == null ? "" : String(r[k]).trim());
  const num = (r: Record<string, unknown>, k: string) => (str(r, k) === "" ? "" : plainNumber(r[k] as string | number));
  const zeroBlank = (v: string) => (v === "0" ? "" : v);
  const byKey = new Map<string, string[]>();
  let withoutResults = 0;
  data.forEach((item, i) => {
    if (!item || typeof item !== "object") {
      throw new DownloadFormatError(what, undefined, `record ${i + 1} is not an object`);
    }
    const r = item as Record<string, unknown>;
    if (
      num(r, "offeringAmount") === "" || num(r, "totalTendered") === "" || zeroBlank(num(r, "totalAccepted")) === ""
    ) {
      withoutResults++;
      return;
    }
    const high = ["highYield", "highRate", "highInvestmentRate"].map((k) => num(r, k)).find((v) => v !== "") ?? "";
    const fields = [
      str(r, "auctionDate").slice(0, 10),
      str(r, "issueDate").slice(0, 10),
      str(r, "maturityDate").slice(0, 10),
      str(r, "securityType"),
      str(r, "securityTerm"),
      str(r, "cusip"),
      num(r, "offeringAmount"),
      num(r, "totalTendered"),
      num(r, "totalAccepted"),
      num(r, "bidToCoverRatio"),
      high,
      num(r, "interestRate"),
      zeroBlank(num(r, "primaryDealerAccepted")),
      zeroBlank(num(r, "directBidderAccepted")),
      zeroBlank(num(r, "indirectBidderAccepted")),
    ];
    const key = `${fields[5]}|${fields[0]}`;
    const prior = byKey.get(key);
    if (prior && prior.join(",") !== fields.join(",")) {
      throw new DownloadFormatError(what, undefined, `two different records for ${fields[5]} auctioned ${fields[0]}`);
    }
    byKey.set(key, fields);
  });
  const rows = [...byKey.values()].sort((a, b) => (auctionSortKey(a) < auctionSortKey(b) ? -1 : 1));
  return {
    text: joinLines([AUCTION_COLUMNS.join(","), ...rows.map((f) => f.map(csvField).join(","))], eol),
    records: rows.length,
    withoutResults,
  };
}

// -------------------------------------------------------------------------------------------- joining

/** Drop the observations of `date,value` text dated in the month `yyyyMm` ("2026-11"). */
export function dropMonth(text: string, yyyyMm: string): { text: string; dropped: number } {
  const [header, ...rows] = nonEmptyLines(text);
  const kept = rows.filter((r) => !r.startsWith(`${yyyyMm}-`));
  return { text: joinLines([header, ...kept], detectEol(text)), dropped: rows.length - kept.length };
}

/** How {@link joinSnapshot} joins a download to the snapshot (see sources.ts JoinMode). */
export interface JoinOptions {
  mode: "replace" | "splice" | "merge";
  /** splice: downloaded rows from this date on; snapshot rows before it (default: the download's first date). */
  spliceFrom?: string;
  /** Line ending of the result (the snapshot file's). */
  eol?: "\n" | "\r\n";
}

/** What {@link joinSnapshot} returns: the joined text and how many snapshot rows it kept from before. */
export interface Joined {
  text: string;
  keptFromSnapshot: number;
  /** splice: the first date taken from the download. */
  spliceFrom?: string;
}

/**
 * Join the normalised download to the snapshot text (same header).
 * - replace: the download as is.
 * - splice (`date,value`): snapshot rows dated before `spliceFrom` (default the download's first date),
 *   then the downloaded rows from that date on.
 * - merge (auctions): the union keyed by CUSIP + auction date, the download's record winning, sorted by
 *   {@link auctionSortKey}.
 */
export function joinSnapshot(snapshot: string, download: string, options: JoinOptions): Joined {
  const eol = options.eol ?? detectEol(snapshot);
  const [header, ...newRows] = nonEmptyLines(download);
  if (options.mode === "replace") return { text: joinLines([header, ...newRows], eol), keptFromSnapshot: 0 };
  const [oldHeader, ...oldRows] = nonEmptyLines(snapshot);
  if (oldHeader !== header) {
    throw new Error(`cannot join: the snapshot's header "${oldHeader}" differs from "${header}"`);
  }
  if (options.mode === "splice") {
    const from = options.spliceFrom ?? newRows[0]?.slice(0, 10);
    if (from === undefined) return { text: joinLines([header, ...oldRows], eol), keptFromSnapshot: oldRows.length };
    const kept = oldRows.filter((r) => r.slice(0, 10) < from);
    const taken = newRows.filter((r) => r.slice(0, 10) >= from);
    return { text: joinLines([header, ...kept, ...taken], eol), keptFromSnapshot: kept.length, spliceFrom: from };
  }
  const key = (fields: string[]) => `${fields[5]}|${fields[0]}`;
  const merged = new Map<string, string[]>();
  for (const r of oldRows) {
    const f = splitCsvLine(r);
    merged.set(key(f), f);
  }
  const downloaded = new Set<string>();
  for (const r of newRows) {
    const f = splitCsvLine(r);
    merged.set(key(f), f);
    downloaded.add(key(f));
  }
  const rows = [...merged.values()].sort((
    a,
    b,
  ) => (auctionSortKey(a) < auctionSortKey(b) ? -1 : auctionSortKey(a) > auctionSortKey(b) ? 1 : 0));
  return {
    text: joinLines([header, ...rows.map((f) => f.map(csvField).join(","))], eol),
    keptFromSnapshot: [...merged.keys()].filter((k) => !downloaded.has(k)).length,
  };
}
