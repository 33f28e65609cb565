/**
 * refresh() end to end against a local HTTP server on 127.0.0.1 that plays the three publishers: FRED's CSV
 * download (built from the shipped files in FRED's format, holidays as blank rows), Treasury's mfhhis01.txt
 * (the real 2024-2025 blocks) and TreasuryDirect's auction JSON (the fixture). Each test works on a temporary
 * copy of data/; an "older snapshot" is made by dropping the newest rows of a file (its manifest entry
 * re-measured), so a good refresh must bring back exactly the shipped bytes. Every broken download must
 * leave the folder byte-for-byte as it was. Nothing here touches the internet.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadAuctions } from "../../lib/data/auctions.ts";
import { loadCatalog } from "../../lib/data/catalog.ts";
import { loadH15 } from "../../lib/data/h15.ts";
import { loadH41 } from "../../lib/data/h41.ts";
import { loadMacro } from "../../lib/data/macro.ts";
import { clearManifestCache, DEFAULT_DATA_DIR, type Manifest, sha256Hex } from "../../lib/data/manifest.ts";
import { loadTicHoldings } from "../../lib/data/tic.ts";
import {
  formatReport,
  measure,
  refresh,
  type RefreshedSource,
  type RefreshOptions,
  type SeriesReport,
} from "../../lib/refresh/refresh.ts";
import { TIC_PATH } from "../../lib/refresh/sources.ts";

const RETRIEVED = "2026-11-21";
const TIC_FILES = ["CHINA", "JAPAN", "UNITED_KINGDOM", "GRAND_TOTAL", "FOREIGN_OFFICIAL"].map((h) => `TIC_MFH_${h}.csv`)
  .concat("TIC_MFH_long.csv");
const AUCTIONS = "TREASURY_AUCTIONS_2026_partial.csv";
const fixture = (name: string) => readFileSync(new URL(`../fixtures/refresh/${name}`, import.meta.url), "utf8");
const original = (file: string) => readFileSync(join(DEFAULT_DATA_DIR, file), "utf8");
const originalManifest = JSON.parse(original("manifest.json")) as Manifest;

// ------------------------------------------------------------------------------------ the fixture server

/** Weekdays strictly between two ISO dates. */
function weekdaysBetween(a: string, b: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${a}T00:00:00Z`) + 86_400_000; t < Date.parse(`${b}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/**
 * FRED's CSV download of a shipped series: FRED's header; with `holidays`, the weekdays without a value
 * as FRED lists them (blank, or "." in the older format); `edit` changes the observation rows first.
 */
function fredCsv(
  file: string,
  id: string,
  opts: { holidays?: boolean; oldFormat?: boolean; edit?: (rows: string[]) => string[] } = {},
): string {
  let rows = original(file).trimEnd().split("\n").slice(1);
  if (opts.edit) rows = opts.edit(rows);
  const out = [`${opts.oldFormat ? "DATE" : "observation_date"},${id}`];
  let prev: string | undefined;
  for (const r of rows) {
    if (opts.holidays && prev) {
      for (const d of weekdaysBetween(prev, r.slice(0, 10))) out.push(`${d},${opts.oldFormat ? "." : ""}`);
    }
    out.push(r);
    prev = r.slice(0, 10);
  }
  return out.join("\n") + "\n";
}

const FRED_FILES: Record<string, { file: string; holidays?: boolean }> = {
  WALCL: { file: "WALCL.csv" },
  GDP: { file: "GDP.csv" },
  DGS10: { file: "DGS10.csv", holidays: true },
  EFFR: { file: "EFFR.csv", holidays: true },
};

const ERROR_PAGE =
  '<!DOCTYPE html>\n<html lang="en"><head><title>FRED - Error</title></head><body><h1>Sorry, something went wrong</h1></body></html>\n';
const hanging: ServerResponse[] = [];

/** The body a publisher serves for `path` (path + query under the base) in a scenario, or undefined (404). */
function body(scenario: string, path: string): { text: string; type: string } | undefined {
  const u = new URL(path, "http://publisher");
  if (u.pathname === "/graph/fredgraph.csv") {
    const id = u.searchParams.get("id")!;
    const known = FRED_FILES[id];
    if (!known) return undefined;
    const csv = (opts: Parameters<typeof fredCsv>[2] = {}) => ({
      text: fredCsv(known.file, id, { holidays: known.holidays, ...opts }),
      type: "text/csv",
    });
    switch (scenario) {
      case "old-format":
        return csv({ oldFormat: true });
      case "billions": // $ millions published as $ billions
        return csv({ edit: (rows) => rows.map((r) => r.replace(/,(\d+)$/, (_, v: string) => `,${Number(v) / 1000}`)) });
      case "fraction": // percent published as a fraction
        return csv({
          edit: (rows) =>
            rows.map((r) => r.replace(/,([-\d.]+)$/, (_, v: string) => `,${Number((Number(v) / 100).toPrecision(8))}`)),
        });
      case "backwards": // the newest five weeks missing
        return csv({ edit: (rows) => rows.slice(0, -5) });
      case "unordered": // two observations swapped
        return csv({ edit: (rows) => [...rows.slice(0, 100), rows[101], rows[100], ...rows.slice(102)] });
      case "shrunk": // the first 200 observations missing
        return csv({ edit: (rows) => rows.slice(200) });
      case "cut-row": {
        const text = csv().text;
        return { text: text.slice(0, text.lastIndexOf("\n", text.length - 2) + 10), type: "text/csv" }; // "2026-08-1"
      }
      default:
        return csv();
    }
  }
  if (u.pathname === TIC_PATH) {
    const text = fixture("mfhhis01.2024-2025.txt");
    return { text: scenario === "cut-tic" ? text.slice(0, text.indexOf("Grand Total")) : text, type: "text/plain" };
  }
  if (u.pathname === "/TA_WS/securities/auctioned" && u.searchParams.get("format") === "json") {
    const text = fixture("treasurydirect-auctioned.json");
    return { text: scenario === "cut-json" ? text.slice(0, 700) : text, type: "application/json" };
  }
  return undefined;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const [, scenario, ...rest] = req.url!.split("/");
  const path = `/${rest.join("/")}`;
  const only = /^(\w+)-only-(\w+)$/.exec(scenario); // e.g. "http500-only-WALCL": that series fails, the others are served
  const applies = !only || new URL(path, "http://publisher").searchParams.get("id") === only[2];
  const mode = only ? (applies ? only[1] : "ok") : scenario;
  if (mode === "hang") {
    hanging.push(res);
    return;
  }
  if (mode === "http500") {
    res.writeHead(500, { "content-type": "text/html" }).end(ERROR_PAGE);
    return;
  }
  if (mode === "html") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ERROR_PAGE);
    return;
  }
  const b = body(mode, path);
  if (!b) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  const bytes = Buffer.from(b.text, "utf8");
  if (mode === "cut") {
    // announce the whole file, send half of it, hang up
    res.writeHead(200, { "content-type": b.type, "content-length": String(bytes.length) });
    res.write(bytes.subarray(0, bytes.length >> 1), () => res.socket?.destroy());
    return;
  }
  res.writeHead(200, { "content-type": b.type, "content-length": String(bytes.length) }).end(bytes);
}

let server: Server;
let origin: string;
const dirs: string[] = [];

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  clearManifestCache();
});

// ------------------------------------------------------------------------------------------- helpers

/** A temporary copy of data/. */
function freshData(): string {
  const dir = mkdtempSync(join(tmpdir(), "qtlab-refresh-"));
  dirs.push(dir);
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  clearManifestCache();
  return dir;
}

/** Rewrite a file's observation rows in a data folder and re-measure its manifest entry (an older snapshot). */
function age(dir: string, file: string, edit: (rows: string[]) => string[]): void {
  const text = readFileSync(join(dir, file), "utf8");
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const [header, ...rows] = text.split(eol).filter((l) => l.length > 0);
  const out = [header, ...edit(rows)].join(eol) + eol;
  writeFileSync(join(dir, file), out);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  Object.assign(manifest.files[file], measure(Buffer.from(out)));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  clearManifestCache();
}

/** Every file of a folder (names, so a left-over temporary file shows) with its sha256. */
function state(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, sha256Hex(readFileSync(join(dir, f)))]));
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;

/** Bases pointing every publisher at one scenario of the fixture server. */
const at = (scenario: string): RefreshOptions["bases"] => ({
  fred: `${origin}/${scenario}`,
  tic: `${origin}/${scenario}`,
  treasurydirect: `${origin}/${scenario}`,
});

const run = (dataDir: string, series: string[], scenario: string, extra: Partial<RefreshOptions> = {}) =>
  refresh({ dataDir, series, bases: at(scenario), retrieved: RETRIEVED, timeoutMs: 10_000, ...extra });

const byId = (reports: SeriesReport[], id: string) => reports.find((r) => r.id === id)!;

/** The older snapshot of the good-refresh test: the newest rows of each refreshed file dropped. */
function ageAll(dir: string): void {
  age(dir, "WALCL.csv", (rows) => rows.slice(0, -3));
  age(
    dir,
    "GDP.csv",
    (rows) => rows.slice(0, -1).map((r) => (r === "2025-07-01,31098.027" ? "2025-07-01,31095.089" : r)),
  ); // Jan-2026 vintage (SOURCES.md)
  age(dir, "DGS10.csv", (rows) => rows.filter((r) => r <= "2026-07-01"));
  for (const f of TIC_FILES) age(dir, f, (rows) => rows.filter((r) => r >= "2024-01-01" && r < "2025-12-01"));
  age(dir, AUCTIONS, (rows) => rows.filter((r) => !r.startsWith("2026-08-20")));
}

// --------------------------------------------------------------------------------------------- tests

describe("refresh(): a good refresh from the publishers", () => {
  test("updates the files and their provenance; the loaders read them and the as-of dates follow", async () => {
    const dir = freshData();
    ageAll(dir);
    expect(loadH41("WALCL", { dataDir: dir }).asOf).toBe("2026-07-29");
    const reports = await run(dir, ["WALCL", "GDP", "DGS10", "TIC_MFH_CHINA", "TREASURY_AUCTIONS_2026_partial"], "ok");
    expect(reports.map((r) => [r.id, r.status])).toEqual([
      ["WALCL", "updated"],
      ["DGS10", "updated"],
      ["GDP", "updated"],
      ...TIC_FILES.map((f) => [f.replace(".csv", ""), "updated"]),
      ["TREASURY_AUCTIONS_2026_partial", "updated"],
    ]);

    // what changed, per series
    expect(byId(reports, "WALCL").diff).toMatchObject({
      added: 3,
      removed: 0,
      revised: 0,
      lastBefore: "2026-07-29",
      lastAfter: "2026-08-19",
    });
    expect(byId(reports, "GDP").diff).toMatchObject({
      added: 1,
      revised: 1,
      largestRevision: { date: "2025-07-01", before: 31095.089, after: 31098.027, change: 2.938 },
    });
    expect(byId(reports, "DGS10").notes.join()).toMatch(/\d+ missing values dropped/);
    expect(byId(reports, "TIC_MFH_long").diff).toMatchObject({ added: 41, revised: 0, lastAfter: "2025-12-01" });
    expect(byId(reports, "TREASURY_AUCTIONS_2026_partial").diff).toMatchObject({
      added: 3,
      revised: 0,
      lastAfter: "2026-08-20",
    });

    // the files: exactly the shipped bytes again (TIC: the shipped rows of the months the fixture holds)
    for (const f of ["WALCL.csv", "GDP.csv", "DGS10.csv", AUCTIONS]) {
      expect(readFileSync(join(dir, f), "utf8"), f).toBe(original(f));
    }
    for (const f of TIC_FILES) {
      const [header, ...rows] = original(f).trimEnd().split("\n");
      expect(readFileSync(join(dir, f), "utf8"), f).toBe(
        [header, ...rows.filter((r) => r >= "2024-01-01")].join("\n") + "\n",
      );
    }

    // the provenance: source address, retrieved date, vintage, measured fields; descriptions kept
    const m = manifestOf(dir);
    for (const f of ["WALCL.csv", "GDP.csv", "DGS10.csv", AUCTIONS, ...TIC_FILES]) {
      const e = m.files[f];
      const o = originalManifest.files[f];
      expect(measure(readFileSync(join(dir, f)))).toEqual({
        sha256: e.sha256,
        rows: e.rows,
        firstDate: e.firstDate,
        lastDate: e.lastDate,
      });
      expect([e.title, e.seriesId, e.publisher, e.unitsAsPublished, e.frequency, e.notes]).toEqual([
        o.title,
        o.seriesId,
        o.publisher,
        o.unitsAsPublished,
        o.frequency,
        o.notes,
      ]);
      expect(e.source.retrieved).toBe(RETRIEVED);
    }
    const walcl = m.files["WALCL.csv"];
    expect(walcl.source).toEqual({
      repository: "(direct download from the publisher)",
      commit: "(none)",
      path: "/graph/fredgraph.csv?id=WALCL",
      url: `${origin}/ok/graph/fredgraph.csv?id=WALCL`,
      via: "FRED CSV download (fredgraph.csv)",
      retrieved: RETRIEVED,
    });
    expect(walcl.vintage).toBe(RETRIEVED);
    expect(m.files["TIC_MFH_CHINA.csv"].vintage).toBe("2026-03-18"); // Treasury's stamp, not the run date
    expect(m.files["TIC_MFH_CHINA.csv"].release).toBe(
      "Major Foreign Holders of Treasury Securities (mfhhis01.txt, stamped 3/18/26; 2025 revised March 18, 2026)",
    );
    const auctions = m.files[AUCTIONS].source as RefreshedSource;
    expect(auctions.url).toBe(`${origin}/ok/TA_WS/securities/auctioned?format=json`);
    expect(auctions.earlierRows).toMatch(/^z66g\/macromonitor @ aeb4c294/); // auctions the download no longer lists

    // the loaders read the refreshed folder; the as-of dates follow
    expect(loadH41("WALCL", { dataDir: dir }).asOf).toBe("2026-08-19");
    const gdp = loadMacro("GDP", { dataDir: dir });
    expect([gdp.asOf, gdp.rows.find((r) => r.date === "2025-07-01")?.value]).toEqual(["2026-04-01", 31098.027]);
    expect(loadH15("DGS10", { dataDir: dir }).asOf).toBe("2026-08-19");
    expect(loadTicHoldings({ dataDir: dir }).asOf).toBe("2025-12-01");
    expect(loadAuctions({ dataDir: dir }).at(-1)?.auctionDate).toBe("2026-08-20");
    expect(loadCatalog({ dataDir: dir }).length).toBe(Object.keys(originalManifest.files).length);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const table = formatReport(reports, { retrieved: RETRIEVED });
    expect(table).toMatch(
      /^GDP +updated +317 → 318 +1 +0 +1 +\+2\.938 \(2025-07-01\) +1947-01-01 +2026-01-01 → 2026-04-01$/m,
    );
    expect(table.split("\n").at(-1)).toBe(
      `data:refresh: 10 updated, 0 unchanged, 0 refused of 10 series (retrieved ${RETRIEVED})`,
    );
  });

  test('FRED\'s older format (DATE header, "." for missing days) normalises to the same file', async () => {
    const dir = freshData();
    age(dir, "DGS10.csv", (rows) => rows.slice(0, -30));
    const [r] = await run(dir, ["DGS10"], "old-format");
    expect([r.status, r.diff?.added]).toEqual(["updated", 30]);
    expect(readFileSync(join(dir, "DGS10.csv"), "utf8")).toBe(original("DGS10.csv"));
  });

  test("a download equal to the snapshot is reported unchanged and writes nothing", async () => {
    const dir = freshData();
    const before = state(dir);
    const reports = await run(dir, ["WALCL", "GDP", "TREASURY_AUCTIONS_2026_partial"], "ok");
    expect(reports.map((r) => r.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(byId(reports, "TREASURY_AUCTIONS_2026_partial").notes).toEqual([
      "170 auctions not in the download kept from the snapshot",
    ]);
    expect(state(dir)).toEqual(before);
  });

  test("--dry-run reports what would change and writes nothing", async () => {
    const dir = freshData();
    age(dir, "WALCL.csv", (rows) => rows.slice(0, -3));
    const before = state(dir);
    const [r] = await run(dir, ["WALCL"], "ok", { dryRun: true });
    expect([r.status, r.diff?.added, r.diff?.lastAfter]).toEqual(["would update", 3, "2026-08-19"]);
    expect(state(dir)).toEqual(before);
    expect(formatReport([r], { dryRun: true }).split("\n").at(-1)).toBe(
      "data:refresh: 1 would update, 0 unchanged, 0 refused of 1 series (dry run, nothing written)",
    );
  });
});

describe("refresh(): every broken download is refused with the series id and the reason; data/ stays byte-for-byte", () => {
  const port = () => origin.slice("http://127.0.0.1:".length);
  const cases: [string, string, string, RegExp][] = [
    [
      "an HTTP error",
      "http500",
      "WALCL",
      /^WALCL: HTTP 500 Internal Server Error from http:\/\/127\.0\.0\.1:\d+\/http500\/graph\/fredgraph\.csv\?id=WALCL; WALCL\.csv and its provenance record are unchanged$/,
    ],
    [
      "an HTML error page instead of CSV",
      "html",
      "WALCL",
      /^WALCL: an HTML page instead of CSV \("FRED - Error"\); WALCL\.csv and its provenance record are unchanged$/,
    ],
    [
      "a download cut off mid-transfer",
      "cut",
      "WALCL",
      /^WALCL: truncated: the download from http:\/\/127\.0\.0\.1:\d+\/cut\/graph\/fredgraph\.csv\?id=WALCL broke off \(\w+\); WALCL\.csv and its provenance record are unchanged$/,
    ],
    [
      "a file cut in the middle of a row",
      "cut-row",
      "WALCL",
      /^WALCL: truncated: the last line "2026-08-1" stops mid-row; WALCL\.csv/,
    ],
    [
      "a unit switch the loader's range check catches ($ millions sent as $ billions)",
      "billions",
      "WALCL",
      /^WALCL: the loader refuses it: downloaded WALCL\.csv line 2: WALCL value 719\.542 on 2002-12-18 is outside the declared range \[100000, 20000000\] in \$ millions: is the file in other units\?; WALCL\.csv/,
    ],
    [
      "a unit switch inside the range (percent sent as a fraction)",
      "fraction",
      "EFFR",
      /^EFFR: a unit switch\? on the 6561 observations both hold, values are 1\/100 the snapshot's \(median\); EFFR\.csv and its provenance record are unchanged$/,
    ],
    [
      "dates going backwards (the download ends before the snapshot)",
      "backwards",
      "WALCL",
      /^WALCL: dates went backwards: the download ends 2026-07-15, before the snapshot's last date 2026-08-19; WALCL\.csv/,
    ],
    [
      "dates out of order inside the download",
      "unordered",
      "WALCL",
      /^WALCL: the loader refuses it: downloaded WALCL\.csv line 103: dates out of order: 2004-11-17 after 2004-11-24; WALCL\.csv/,
    ],
    [
      "a series that shrank",
      "shrunk",
      "WALCL",
      /^WALCL: the series shrank from 1236 to 1036 rows \(−16\.2%\), more than the 5% allowed \(--max-shrink 0\.05\); WALCL\.csv/,
    ],
    [
      "a TreasuryDirect reply cut short",
      "cut-json",
      "TREASURY_AUCTIONS_2026_partial",
      /^TREASURY_AUCTIONS_2026_partial: truncated: the JSON does not end with its closing bracket; TREASURY_AUCTIONS_2026_partial\.csv/,
    ],
  ];

  test.each(cases)("%s (%s)", async (_, scenario, id, message) => {
    const dir = freshData();
    const before = state(dir);
    const [r] = await run(dir, [id], scenario);
    expect(r.status).toBe("refused");
    expect(r.message).toMatch(message);
    expect(state(dir)).toEqual(before);
  });

  test("the TIC text cut before its footer, or an HTML page in its place: all six TIC files refused, none written", async () => {
    for (
      const [scenario, reason] of [
        ["cut-tic", 'truncated: no "Department of the Treasury" footer after the table'],
        ["html", 'an HTML page instead of Treasury\'s text table ("FRED - Error")'],
      ]
    ) {
      const dir = freshData();
      const before = state(dir);
      const reports = await run(dir, ["TIC_MFH_long"], scenario);
      expect(reports.map((r) => r.message)).toEqual(
        TIC_FILES.map((f) => `${f.replace(".csv", "")}: ${reason}; ${f} and its provenance record are unchanged`),
      );
      expect(state(dir)).toEqual(before);
    }
  });

  test("no network: a refused connection fails every series of that host at once, saying so", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const dead = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dir = freshData();
    const before = state(dir);
    const reports = await refresh({
      dataDir: dir,
      series: ["WALCL", "GDP", "TIC_MFH_CHINA"],
      bases: { fred: dead, tic: dead, treasurydirect: dead },
      retrieved: RETRIEVED,
    });
    expect(reports.length).toBe(8);
    for (const r of reports) {
      expect(r.status).toBe("refused");
      expect(r.message).toBe(
        `${r.id}: cannot reach ${dead.slice(7)} (ECONNREFUSED): no network? the snapshot is unchanged`,
      );
    }
    expect(state(dir)).toEqual(before);
  });

  test("a host that hangs up is tried once, not once per series (fail fast)", async () => {
    let connections = 0;
    const tcp = createTcpServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
    const host = `127.0.0.1:${(tcp.address() as { port: number }).port}`;
    const dir = freshData();
    const before = state(dir);
    const reports = await refresh({
      dataDir: dir,
      series: ["WALCL", "GDP", "DGS10"],
      bases: { fred: `http://${host}` },
      retrieved: RETRIEVED,
    });
    await new Promise<void>((resolve) => tcp.close(() => resolve()));
    expect(connections).toBe(1);
    expect(reports.map((r) => r.message)).toEqual(
      reports.map((r) =>
        expect.stringMatching(
          new RegExp(`^${r.id}: cannot reach ${host} \\(\\w+\\): no network\\? the snapshot is unchanged$`),
        )
      ),
    );
    expect(state(dir)).toEqual(before);
  });

  test("a host that never answers times out with a clear message", async () => {
    const dir = freshData();
    const before = state(dir);
    const [r] = await run(dir, ["WALCL"], "hang", { timeoutMs: 300 });
    expect(r.message).toBe(
      `WALCL: no answer from 127.0.0.1:${port()} within 0.3 s: no network? the snapshot is unchanged`,
    );
    expect(state(dir)).toEqual(before);
  });

  test("one series refused, the others still refresh; the refused file and its manifest entry are untouched", async () => {
    const dir = freshData();
    age(dir, "WALCL.csv", (rows) => rows.slice(0, -3));
    age(dir, "GDP.csv", (rows) => rows.slice(0, -1));
    const walclBefore = readFileSync(join(dir, "WALCL.csv"));
    const entryBefore = manifestOf(dir).files["WALCL.csv"];
    const reports = await run(dir, ["WALCL", "GDP"], "http500-only-WALCL");
    expect(reports.map((r) => [r.id, r.status])).toEqual([["WALCL", "refused"], ["GDP", "updated"]]);
    expect(readFileSync(join(dir, "WALCL.csv")).equals(walclBefore)).toBe(true);
    expect(manifestOf(dir).files["WALCL.csv"]).toEqual(entryBefore);
    expect(readFileSync(join(dir, "GDP.csv"), "utf8")).toBe(original("GDP.csv"));
    expect(loadMacro("GDP", { dataDir: dir }).asOf).toBe("2026-04-01");
  });

  test("the TIC files are written together: one refused, none written", async () => {
    const dir = freshData();
    for (const f of TIC_FILES) age(dir, f, (rows) => rows.filter((r) => r >= "2024-01-01" && r < "2025-12-01"));
    writeFileSync(join(dir, "TIC_MFH_JAPAN.csv"), readFileSync(join(dir, "TIC_MFH_JAPAN.csv"), "utf8") + "\n"); // no longer its recorded bytes
    const before = state(dir);
    const reports = await run(dir, ["TIC_MFH_CHINA"], "ok");
    expect(byId(reports, "TIC_MFH_JAPAN").message).toMatch(
      /^TIC_MFH_JAPAN: the snapshot file does not match its provenance record/,
    );
    expect(byId(reports, "TIC_MFH_CHINA").message).toBe(
      "TIC_MFH_CHINA: not written: TIC_MFH_JAPAN from the same download was refused, and the TIC files are written together; TIC_MFH_CHINA.csv and its provenance record are unchanged",
    );
    expect(reports.every((r) => r.status === "refused")).toBe(true);
    expect(state(dir)).toEqual(before);
  });

  test("the shrink share is a parameter: --max-shrink 0.2 accepts what 0.05 refuses", async () => {
    const dir = freshData();
    const [r] = await run(dir, ["WALCL"], "shrunk", { maxShrink: 0.2 });
    expect([r.status, r.diff?.removed]).toEqual(["updated", 200]);
    expect(loadH41("WALCL", { dataDir: dir }).rows[0].date).toBe("2006-10-18");
  });
});

describe("scripts/refresh.ts: the command line", () => {
  const cli = (args: string[]) =>
    promisify(execFile)(join(DEFAULT_DATA_DIR, "..", "node_modules", ".bin", "tsx"), [
      join(DEFAULT_DATA_DIR, "..", "scripts", "refresh.ts"),
      ...args,
    ], {
      env: { ...process.env, QTLAB_BASE_FRED: "", QTLAB_BASE_TIC: "", QTLAB_BASE_TREASURYDIRECT: "" },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );

  test("prints the summary table and a final line; exits 0, or 1 when a series is refused", async () => {
    const dir = freshData();
    age(dir, "WALCL.csv", (rows) => rows.slice(0, -3));
    const common = ["--data-dir", dir, "--retrieved", RETRIEVED, "--series", "WALCL"];
    const failed = await cli([...common, "--base-fred", `${origin}/http500`]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(
      /^refused {2}WALCL: HTTP 500 Internal Server Error from .*; WALCL\.csv and its provenance record are unchanged$/m,
    );
    expect(failed.stdout.trimEnd().split("\n").at(-1)).toBe(
      `data:refresh: 0 updated, 0 unchanged, 1 refused of 1 series (retrieved ${RETRIEVED})`,
    );
    const ok = await cli([...common, "--base-fred", `${origin}/ok`, "--max-shrink", "0.05"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^series +result +rows +added +removed +revised/);
    expect(ok.stdout).toMatch(/^WALCL +updated +1233 → 1236 +3 +0 +0 +2002-12-18 +2026-07-29 → 2026-08-19$/m);
    expect(manifestOf(dir).files["WALCL.csv"].source.retrieved).toBe(RETRIEVED);
  }, 60_000);
});
