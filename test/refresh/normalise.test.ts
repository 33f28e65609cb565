import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { DEFAULT_DATA_DIR } from "../../lib/data/manifest.ts";
import { parseAuctions } from "../../lib/data/auctions.ts";
import { parseTicLong } from "../../lib/data/tic.ts";
import {
  csvField,
  DownloadFormatError,
  dropMonth,
  fredCsvToDateValue,
  joinSnapshot,
  parseTicMfh,
  plainNumber,
  splitCsvLine,
  ticHolderText,
  ticLabel,
  ticLongText,
  treasuryDirectJsonToCsv,
} from "../../lib/refresh/normalise.ts";
import { thrownBy } from "../helpers/errors.ts";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/refresh/${name}`, import.meta.url), "utf8");
const shipped = (file: string) => readFileSync(`${DEFAULT_DATA_DIR}/${file}`, "utf8");

/** The shipped long TIC table as a map "date|holder" → value text. */
function shippedTic(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of shipped("TIC_MFH_long.csv").trimEnd().split("\n").slice(1)) {
    const [date, holder, value] = splitCsvLine(line);
    out.set(`${date}|${holder}`, value);
  }
  return out;
}

const formatErrorOf = (fn: () => unknown): DownloadFormatError => thrownBy(DownloadFormatError, fn);

describe("fredCsvToDateValue(text, id): FRED's CSV download → the shipped date,value format", () => {
  test("drops the blank holiday row, copies every value as published, ends with a line break", () => {
    const n = fredCsvToDateValue(fixture("fredgraph-DGS10.2026-07.csv"), "DGS10");
    expect(n.missingDropped).toBe(1);
    expect(n.text.startsWith("date,value\n2026-06-29,4.38\n")).toBe(true);
    expect(n.text).not.toContain("2026-07-03");
    expect(n.text.endsWith("2026-07-10,4.56\n")).toBe(true);
    // every row is the shipped snapshot's row, byte for byte
    const rows = new Set(shipped("DGS10.csv").split("\n"));
    expect(n.text.trimEnd().split("\n").slice(1).every((r) => rows.has(r))).toBe(true);
  });

  test('reads the older "DATE,ID" header with "." for missing values, and CRLF line ends', () => {
    const n = fredCsvToDateValue(
      "DATE,RRPONTSYD\r\n2003-02-07,2.5\r\n2003-02-10,.\r\n2003-03-19,1.25\r\n",
      "RRPONTSYD",
    );
    expect(n).toEqual({ text: "date,value\n2003-02-07,2.5\n2003-03-19,1.25\n", missingDropped: 1 });
  });

  test("does not rescale or reformat values (units stay as published)", () => {
    const n = fredCsvToDateValue("observation_date,WALCL\n2026-08-19,6745699\n2026-08-26,6745699.50\n", "WALCL");
    expect(n.text).toBe("date,value\n2026-08-19,6745699\n2026-08-26,6745699.50\n");
  });

  test("refuses another series' download and a text that is no FRED CSV, naming the line", () => {
    expect(formatErrorOf(() => fredCsvToDateValue("observation_date,WRESBAL\n2026-08-19,1\n", "WALCL")).message)
      .toMatch(
        /line 1: the download is FRED series WRESBAL, expected WALCL/,
      );
    expect(formatErrorOf(() => fredCsvToDateValue("<!DOCTYPE html><html>", "WALCL")).message).toMatch(
      /line 1: not a FRED CSV download/,
    );
    expect(formatErrorOf(() => fredCsvToDateValue("observation_date,WALCL\n2026-08-19;6745699\n", "WALCL")).line).toBe(
      2,
    );
  });
});

describe("parseTicMfh(text): Treasury's major-foreign-holders table", () => {
  test("the 2024-2025 blocks give, cell for cell, the shipped snapshot's values, with the file's date stamp", () => {
    const table = parseTicMfh(fixture("mfhhis01.2024-2025.txt"));
    const tic = shippedTic();
    expect(table.cells.length).toBe(996);
    for (const c of table.cells) {
      expect([c.date, c.label, c.value]).toEqual([c.date, c.label, tic.get(`${c.date}|${c.label}`)]);
    }
    expect(table.labels.slice(0, 5)).toEqual(["Japan", "United Kingdom", "China, Mainland", "Belgium", "Canada"]);
    expect(table.labels.slice(-5)).toEqual([
      "For. Official",
      "Treasury Bills",
      "T-Bonds & Notes",
      "Bahamas",
      "Indonesia",
    ]);
    expect(table.stamp).toEqual({ text: "3/18/26", iso: "2026-03-18" });
    expect(table.revised).toBe("2025 revised March 18, 2026");
  });

  test("at a survey break keeps the newer series' column (China Jun 2011 1307, not the old 1165.5; Japan Mar 2000 307.6)", () => {
    const table = parseTicMfh(fixture("mfhhis01.survey-breaks.txt"));
    const at = (date: string, label: string) =>
      table.cells.filter((c) => c.date === date && c.label === label).map((c) => c.value);
    expect(at("2011-06-01", "China, Mainland")).toEqual(["1307"]);
    expect(at("2000-03-01", "Japan")).toEqual(["307.6"]);
    expect(at("2002-06-01", "United Kingdom")).toEqual(["53.2"]);
    expect(table.oldSeriesColumnsDropped).toEqual(["2011-06-01", "2002-06-01", "2000-03-01"]);
    const tic = shippedTic();
    for (const c of table.cells) expect(tic.get(`${c.date}|${c.label}`)).toBe(c.value);
  });

  test('omits "n.a." cells, never fills them (Luxembourg Jan-May 2002), and cleans labels as the snapshot does', () => {
    const table = parseTicMfh(fixture("mfhhis01.survey-breaks.txt"));
    expect(table.cells.filter((c) => c.label === "Luxembourg").map((c) => c.date)).toEqual([
      "2002-06-01",
      "2002-07-01",
      "2002-08-01",
      "2002-09-01",
      "2002-10-01",
      "2002-11-01",
      "2002-12-01",
    ]);
    expect(table.cellsOmitted).toBe(5);
    expect(table.labels).toContain("Korea, South");
    expect(table.labels).toContain("Belgium-Luxembourg");
    expect(table.labels).not.toContain("United Kingdom 2/");
    expect(ticLabel("Belgium  5/")).toBe("Belgium");
    expect(ticLabel("    T-Bonds & Notes")).toBe("T-Bonds & Notes");
  });

  test("writes the long table (the snapshot's 2024-2025 lines, byte for byte) and the single-holder files, which the loaders accept", () => {
    const table = parseTicMfh(fixture("mfhhis01.2024-2025.txt"));
    const long = ticLongText(table);
    const lines = shipped("TIC_MFH_long.csv").trimEnd().split("\n");
    expect(long).toBe([lines[0], ...lines.slice(1).filter((l) => l >= "2024-01-01")].join("\n") + "\n");
    expect(long.split("\n").slice(0, 4)).toEqual([
      "date,country,value",
      "2024-01-01,Japan,1140.6",
      "2024-01-01,United Kingdom,701.8",
      '2024-01-01,"China, Mainland",797.7',
    ]);
    expect(parseTicLong(long).length).toBe(996);
    const china = ticHolderText(table, "China, Mainland");
    expect(china.split("\n").slice(-3)).toEqual(["2025-11-01,683.9", "2025-12-01,683.5", ""]);
  });

  test("a file cut before Treasury's footer is refused as truncated; a non-number names its line", () => {
    const text = fixture("mfhhis01.2024-2025.txt");
    expect(formatErrorOf(() => parseTicMfh(text.slice(0, text.indexOf("Grand Total")))).message).toMatch(
      /footer.*truncated/,
    );
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.startsWith("Japan"));
    lines[at] = lines[at].replace("1202.7", "1,202.7");
    expect(formatErrorOf(() => parseTicMfh(lines.join("\n"))).message).toBe(
      `mfhhis01.txt line ${at + 1}: "1,202.7" for Japan 2025-11-01 is not a number`,
    );
  });
});

describe("treasuryDirectJsonToCsv(json): TreasuryDirect auction records → the shipped auction CSV", () => {
  test("the fixture's six auctions become the snapshot's six rows, byte for byte (CRLF kept)", () => {
    const n = treasuryDirectJsonToCsv(fixture("treasurydirect-auctioned.json"), "\r\n");
    const snapshot = shipped("TREASURY_AUCTIONS_2026_partial.csv").split("\r\n");
    expect(n.records).toBe(6);
    expect(n.text.split("\r\n")).toEqual([snapshot[0], ...snapshot.slice(-7, -1), ""]);
    expect(parseAuctions(n.text).map((a) => a.cusip)).toContain("912810US5");
  });

  test("leaves out records without results and refuses two different records for one auction", () => {
    const records = JSON.parse(fixture("treasurydirect-auctioned.json")) as Record<string, string>[];
    const pending = { ...records[0], cusip: "912797XX0", totalAccepted: "", totalTendered: "", bidToCoverRatio: "" };
    expect(treasuryDirectJsonToCsv(JSON.stringify([...records, pending])).withoutResults).toBe(1);
    const clash = { ...records[0], bidToCoverRatio: "9.990000" };
    expect(formatErrorOf(() => treasuryDirectJsonToCsv(JSON.stringify([records[0], clash]))).message).toMatch(
      /two different records for 912810US5/,
    );
    expect(formatErrorOf(() => treasuryDirectJsonToCsv('{"error": "no data"}')).message).toMatch(
      /expected a JSON array/,
    );
  });

  test("plainNumber writes published numbers plainly, without trailing zeros", () => {
    expect(["3.060000", "100000000000", "2.000000", "4.4740", "0.000", "-0.50", ".5"].map(plainNumber)).toEqual([
      "3.06",
      "100000000000",
      "2",
      "4.474",
      "0",
      "-0.5",
      "0.5",
    ]);
  });
});

describe("joinSnapshot(snapshot, download, mode)", () => {
  const snap = "date,value\n2020-01-01,1\n2020-01-02,2\n2020-01-03,3\n";
  test("replace: the download as is", () => {
    expect(joinSnapshot(snap, "date,value\n2020-01-02,2\n", { mode: "replace" })).toEqual({
      text: "date,value\n2020-01-02,2\n",
      keptFromSnapshot: 0,
    });
  });

  test("splice: snapshot rows before the download's window, the download from its first date on", () => {
    expect(joinSnapshot(snap, "date,value\n2020-01-02,2.5\n2020-01-04,4\n", { mode: "splice" })).toEqual({
      text: "date,value\n2020-01-01,1\n2020-01-02,2.5\n2020-01-04,4\n",
      keptFromSnapshot: 1,
      spliceFrom: "2020-01-02",
    });
    const fixed = joinSnapshot(snap, "date,value\n2020-01-01,9\n2020-01-03,3.5\n", {
      mode: "splice",
      spliceFrom: "2020-01-03",
    });
    expect(fixed.text).toBe("date,value\n2020-01-01,1\n2020-01-02,2\n2020-01-03,3.5\n");
  });

  test("merge: auctions keyed by CUSIP and date, the download's record winning, in the snapshot's order and line ends", () => {
    const text = shipped("TREASURY_AUCTIONS_2026_partial.csv");
    const lines = text.split("\r\n");
    const older = [...lines.slice(0, -4), ""].join("\r\n"); // without the last three auctions
    const download = treasuryDirectJsonToCsv(fixture("treasurydirect-auctioned.json"), "\n").text;
    const joined = joinSnapshot(older, download, { mode: "merge", eol: "\r\n" });
    expect(joined.text).toBe(text);
    expect(joined.keptFromSnapshot).toBe(lines.length - 2 - 6);
  });

  test("dropMonth leaves out a month in progress; csvField quotes only when needed", () => {
    expect(dropMonth("date,value\n2026-10-01,1\n2026-11-01,2\n", "2026-11")).toEqual({
      text: "date,value\n2026-10-01,1\n",
      dropped: 1,
    });
    expect([csvField("Japan"), csvField("China, Mainland"), csvField('a "b"')]).toEqual([
      "Japan",
      '"China, Mainland"',
      '"a ""b"""',
    ]);
  });
});
