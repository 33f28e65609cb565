import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { DEFAULT_DATA_DIR } from "../../lib/data/manifest.ts";
import {
  checkDownload,
  diffRows,
  guardDefaults,
  keyedRows,
  recordsDiffer,
  refusalFor,
  type SeriesDiff,
} from "../../lib/refresh/diff.ts";

const dv = (text: string) => keyedRows(text, "date-value");

describe("diffRows(before, after): what a refresh changes", () => {
  test("counts rows added, removed and revised, and finds the largest revision with its date (GDP, BEA revision of 2025 Q3)", () => {
    // SOURCES.md: GDP for 2025-07-01 was 31,095.089 in the Jan-2026 vintage and 31,098.027 in Aug-2026.
    const before = dv("date,value\n2025-04-01,30485.729\n2025-07-01,31095.089\n2025-10-01,31422.526\n");
    const after = dv(
      "date,value\n2025-07-01,31098.027\n2025-10-01,31422.526\n2026-01-01,31865.721\n2026-04-01,32475.21\n",
    );
    const d = diffRows(before, after);
    expect(d).toMatchObject({ rowsBefore: 3, rowsAfter: 4, added: 2, removed: 1, revised: 1, overlap: 2 });
    expect(d.largestRevision).toEqual({
      key: "2025-07-01",
      date: "2025-07-01",
      before: 31095.089,
      after: 31098.027,
      change: 2.938,
    });
    expect([d.firstBefore, d.lastBefore, d.firstAfter, d.lastAfter]).toEqual([
      "2025-04-01",
      "2025-10-01",
      "2025-07-01",
      "2026-04-01",
    ]);
    expect(d.medianRatio).toBeCloseTo(1, 4);
  });

  test("a number written differently is not a revision; any changed field of an auction record is", () => {
    expect(recordsDiffer("2026-01-01,4.20", "2026-01-01,4.2")).toBe(false);
    expect(recordsDiffer("2026-01-01,4.2", "2026-01-01,4.21")).toBe(true);
    const text = readFileSync(`${DEFAULT_DATA_DIR}/TREASURY_AUCTIONS_2026_partial.csv`, "utf8");
    const lines = text.split("\r\n");
    const last = lines[lines.length - 2];
    const edited = [...lines.slice(0, -2), last.replace(",2.82,", ",2.83,"), ""].join("\r\n");
    const d = diffRows(keyedRows(text, "auctions"), keyedRows(edited, "auctions"));
    expect(d).toMatchObject({ added: 0, removed: 0, revised: 1 });
    expect(d.largestRevision).toBeUndefined(); // total_accepted unchanged: a count, no size
  });

  test("the long TIC table is keyed by month and holder", () => {
    const before = keyedRows(
      'date,country,value\n2025-11-01,Japan,1202.7\n2025-11-01,"China, Mainland",683.9\n',
      "tic-long",
    );
    const after = keyedRows(
      'date,country,value\n2025-11-01,Japan,1202.7\n2025-11-01,"China, Mainland",683.9\n2025-12-01,Japan,1185.5\n',
      "tic-long",
    );
    expect(before.map((r) => r.key)).toEqual(["2025-11-01|Japan", "2025-11-01|China, Mainland"]);
    expect(diffRows(before, after)).toMatchObject({ added: 1, revised: 0, lastAfter: "2025-12-01" });
  });
});

describe("refusalFor(diff): the guards", () => {
  const base: SeriesDiff = {
    rowsBefore: 100,
    rowsAfter: 103,
    added: 3,
    removed: 0,
    revised: 0,
    overlap: 100,
    firstBefore: "2020-01-01",
    lastBefore: "2026-08-19",
    firstAfter: "2020-01-01",
    lastAfter: "2026-09-09",
    medianRatio: 1,
  };

  test("accepts a series that grew and kept its scale", () => {
    expect(refusalFor(base)).toBeUndefined();
  });

  test("refuses a series that shrank by more than the set share (default 5%), and the share is a parameter", () => {
    const shrunk = { ...base, rowsAfter: 90, removed: 13 };
    expect(refusalFor(shrunk)).toBe(
      "the series shrank from 100 to 90 rows (−10%), more than the 5% allowed (--max-shrink 0.05)",
    );
    expect(refusalFor(shrunk, { maxShrink: 0.2 })).toBeUndefined();
    expect(refusalFor({ ...base, rowsAfter: 96 })).toBeUndefined();
    expect(guardDefaults.maxShrink).toBe(0.05);
  });

  test("refuses dates that went backwards (the download ends before the snapshot)", () => {
    expect(refusalFor({ ...base, lastAfter: "2026-08-12" })).toBe(
      "dates went backwards: the download ends 2026-08-12, before the snapshot's last date 2026-08-19",
    );
  });

  test("refuses a unit switch seen as a scale jump on the shared observations, both ways", () => {
    expect(refusalFor({ ...base, medianRatio: 0.01 })).toMatch(
      /^a unit switch\? on the 100 observations both hold, values are 1\/100 the snapshot's/,
    );
    expect(refusalFor({ ...base, medianRatio: 1000 })).toMatch(/values are 1000× the snapshot's/);
    expect(refusalFor({ ...base, medianRatio: 1.3 })).toBeUndefined();
  });

  test("refuses an empty download and one that shares no observation with the snapshot", () => {
    expect(refusalFor({ ...base, rowsAfter: 0 })).toBe("the download holds no observations");
    expect(refusalFor({ ...base, overlap: 0, firstAfter: "2026-08-26" })).toMatch(
      /shares no observation with the snapshot/,
    );
  });
});

describe("checkDownload(text, format): pages and cut files", () => {
  test("an HTML error page served with status 200 is named, with its title", () => {
    const page = "<!DOCTYPE html>\n<html><head><title>Error - FRED</title></head><body>Series not found</body></html>";
    expect(checkDownload(page, "fred-csv")).toBe('an HTML page instead of CSV ("Error - FRED")');
    expect(checkDownload("date,value\n", "fred-csv", "text/html; charset=utf-8")).toMatch(
      /^an HTML page instead of CSV/,
    );
    expect(checkDownload("<html><body>maintenance</body></html>", "treasurydirect-json")).toBe(
      "an HTML page instead of JSON",
    );
  });

  test("a truncated file: TIC without its footer, JSON without its bracket, a FRED row cut in the middle", () => {
    expect(checkDownload("\tDec\tNov\nCountry\t2025\t2025\nJapan\t1185.5\t1202.7\n", "tic-mfh")).toMatch(
      /^truncated: no "Department of the Treasury" footer/,
    );
    expect(checkDownload('[{"cusip": "912797VM6", "auctionDate": "2026-08-2', "treasurydirect-json")).toMatch(
      /^truncated: the JSON/,
    );
    expect(checkDownload("observation_date,WALCL\n2026-08-12,6759955\n2026-08-1", "fred-csv")).toBe(
      'truncated: the last line "2026-08-1" stops mid-row',
    );
    expect(checkDownload("observation_date,WALCL", "fred-csv")).toBe("truncated: a header and no observations");
    expect(checkDownload("", "fred-csv")).toBe("the download is empty");
  });

  test("complete downloads pass", () => {
    expect(checkDownload("observation_date,WALCL\n2026-08-12,6759955\n2026-08-19,6745699", "fred-csv")).toBeUndefined();
    expect(checkDownload("observation_date,WALCL\r\n2026-08-12,6759955\r\n", "fred-csv")).toBeUndefined();
    expect(checkDownload("[]", "treasurydirect-json")).toBeUndefined();
  });
});
