/**
 * A loaded series holds its validated columns and makes its `rows` on first read (lib/data/series.ts):
 * the rows are the very rows a parse always gave, made once, and an ordinary own property to every
 * reader (spread, JSON, structuredClone, deep equality). The cold load still validates every file.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { cachePath, readCachedColumns } from "../../lib/data/cache.ts";
import { H41_SPECS, loadH41 } from "../../lib/data/h41.ts";
import { DEFAULT_DATA_DIR, type ManifestEntry, measureDataFile, readManifest } from "../../lib/data/manifest.ts";
import {
  DataValidationError,
  describeSeries,
  isoDateOfDay,
  isoDayNumber,
  loadedColumns,
  parseDateValueCsv,
  type Series,
  seriesColumns,
  seriesFromColumns,
} from "../../lib/data/series.ts";
import { thrownBy } from "../helpers/errors.ts";

const tmp = mkdtempSync(join(tmpdir(), "qtlab-columns-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.QTLAB_DATA_CACHE;
});

const KEYS = ["seriesId", "title", "units", "observation", "frequency", "file", "asOf", "rows"];
/** Whether `rows` is still the accessor that makes them (not read yet). */
const rowsPending = (s: Series) => typeof Object.getOwnPropertyDescriptor(s, "rows")?.get === "function";
/** The rows of a `date,value` text as a plain reading gives them (split, Number, no columns). */
const plainRows = (text: string, scale: number) =>
  text.trim().split("\n").slice(1).map((line) => {
    const [date, value] = line.split(",");
    return { date, value: scale < 1 ? Number(value) / Math.round(1 / scale) : Number(value) * scale };
  });

describe("seriesFromColumns: rows made on first read, once", () => {
  test("a loaded series' rows are the file's rows, made on first read and the same array afterwards", () => {
    const s = loadH41("WALCL");
    expect(rowsPending(s)).toBe(true);
    expect(Object.keys(s)).toEqual(KEYS);
    const rows = s.rows;
    expect(rowsPending(s)).toBe(false);
    expect(Object.getOwnPropertyDescriptor(s, "rows")).toMatchObject({ value: rows, enumerable: true, writable: true });
    expect(s.rows).toBe(rows);
    expect(rows).toEqual(plainRows(readFileSync(join(DEFAULT_DATA_DIR, "WALCL.csv"), "utf8"), H41_SPECS.WALCL.scale));
    expect(s.asOf).toBe(rows[rows.length - 1].date);
  });

  test("spread, JSON, structuredClone and deep equality see the rows as a plain property", () => {
    const s = loadH41("WRESBAL");
    const plain = { ...s };
    expect(Object.keys(plain)).toEqual(KEYS);
    expect(plain.rows).toBe(s.rows);
    const again = loadH41("WRESBAL");
    expect(JSON.parse(JSON.stringify(again))).toEqual(plain);
    expect(structuredClone(loadH41("WRESBAL"))).toEqual(plain);
    expect(loadH41("WRESBAL")).toEqual(plain);
    expect(Object.keys(JSON.parse(JSON.stringify(loadH41("WRESBAL"))))).toEqual(KEYS);
  });

  test("the console shows a loaded series with its rows, as it showed a parsed one", () => {
    const shown = inspect(loadH41("WALCL"), { depth: 2, maxArrayLength: 2 });
    expect(shown).toBe(inspect({ ...loadH41("WALCL") }, { depth: 2, maxArrayLength: 2 }));
    expect(shown).toMatch(/rows: \[\s+\{ date: '2002-12-18', value: 719\.542 \}/);
  });

  test("the rows of a parse are those of a warm load and of a load without the cache", () => {
    loadH41("TREAST"); // writes the entry if missing
    const warm = loadH41("TREAST");
    process.env.QTLAB_DATA_CACHE = "0";
    const parsed = loadH41("TREAST");
    expect(warm.rows).toEqual(parsed.rows);
    const text = readFileSync(join(DEFAULT_DATA_DIR, "TREAST.csv"), "utf8");
    expect(parseDateValueCsv(text, H41_SPECS.TREAST, parsed.file).rows).toEqual(parsed.rows);
  });

  test("rows assigned before the first read replace the made ones", () => {
    const s = loadH41("WALCL");
    const mine = [{ date: "2025-01-01", value: 1 }];
    s.rows = mine;
    expect(s.rows).toBe(mine);
    expect(Object.keys(s)).toEqual(KEYS);
  });
});

describe("seriesColumns(s): the loader's columns, or columns made from rows", () => {
  test("a loaded series gives its columns without making rows, and they match the rows", () => {
    const s = loadH41("WALCL");
    const { epochDays, values } = seriesColumns(s);
    expect(rowsPending(s)).toBe(true);
    expect(describeSeries(s)).toMatchObject({ rows: epochDays.length, asOf: s.asOf });
    expect(rowsPending(s)).toBe(true);
    expect(seriesColumns(s).epochDays).toBe(epochDays);
    const rows = s.rows;
    expect(Array.from(epochDays, isoDateOfDay)).toEqual(rows.map((r) => r.date));
    expect(Array.from(values)).toEqual(rows.map((r) => r.value));
    expect(loadedColumns(s)?.values).toBe(values); // still the loader's after the rows were made
  });

  test("a copy, a series built by hand or one whose rows were replaced gives columns of its rows", () => {
    const s = loadH41("WALCL");
    const copy = { ...s, rows: s.rows.slice(0, 3) };
    expect(loadedColumns(copy)).toBeUndefined();
    expect(Array.from(seriesColumns(copy).values)).toEqual(copy.rows.map((r) => r.value));
    s.rows = s.rows.slice(-2);
    expect(loadedColumns(s)).toBeUndefined();
    expect(Array.from(seriesColumns(s).epochDays)).toEqual(s.rows.map((r) => isoDayNumber(r.date)));
    const byHand: Series = { ...copy, rows: [{ date: "2025-13-01", value: 1 }] };
    expect(() => seriesColumns(byHand)).toThrow(/"2025-13-01", not an ISO date/);
  });

  test("seriesFromColumns dates asOf by the last day number", () => {
    const epochDays = Int32Array.from(["2025-01-01", "2025-01-08"], (d) => isoDayNumber(d)!);
    const s = seriesFromColumns(H41_SPECS.WALCL, "x.csv", { epochDays, values: Float64Array.of(1.5, -0) });
    expect(s.asOf).toBe("2025-01-08");
    expect(s.rows).toEqual([{ date: "2025-01-01", value: 1.5 }, { date: "2025-01-08", value: -0 }]);
    expect(Object.is(s.rows[1].value, -0)).toBe(true);
  });
});

describe("a cold load validates the file (the cache only replaces a parse that passed)", () => {
  /** A data folder holding WALCL.csv as `text`, recorded in its own manifest as measured. */
  const folderWith = (name: string, text: string): string => {
    const dir = join(tmp, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "WALCL.csv"), text);
    const record: ManifestEntry = { ...readManifest().files["WALCL.csv"], ...measureDataFile(Buffer.from(text)) };
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ description: "test", files: { "WALCL.csv": record } }));
    return dir;
  };
  const original = readFileSync(join(DEFAULT_DATA_DIR, "WALCL.csv"), "utf8");
  const lines = original.split("\n");

  test("a recorded file off the weekly grid fails on every load, and no entry is written for it", () => {
    // A Wednesday moved to the Thursday: a real date, in order, off the grid.
    const at = 100;
    const day = isoDayNumber(lines[at].slice(0, 10))!;
    const bad = [...lines.slice(0, at), `${isoDateOfDay(day + 1)}${lines[at].slice(10)}`, ...lines.slice(at + 1)];
    const dir = folderWith("offgrid", bad.join("\n"));
    for (let k = 0; k < 2; k++) {
      const e = thrownBy(DataValidationError, () => loadH41("WALCL", { dataDir: dir }));
      expect(e.line).toBe(at + 1);
      expect(e.message).toMatch(/is off the weekly grid/);
    }
    const sha = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).files["WALCL.csv"].sha256;
    expect(existsSync(cachePath("WALCL.csv", sha, H41_SPECS.WALCL))).toBe(false);
  });

  test("a recorded file in other units or with a duplicate date fails, naming the line", () => {
    const rescaled = [
      lines[0],
      ...lines.slice(1).map((l) => (l ? `${l.slice(0, 11)}${Number(l.slice(11)) * 1000}` : l)),
    ];
    expect(() => loadH41("WALCL", { dataDir: folderWith("units", rescaled.join("\n")) })).toThrow(
      /line 2: WALCL value .* is outside the declared range/,
    );
    const duplicated = [...lines.slice(0, 6), lines[5], ...lines.slice(6)];
    expect(() => loadH41("WALCL", { dataDir: folderWith("dup", duplicated.join("\n")) })).toThrow(
      /line 7: duplicate date/,
    );
  });

  test("the shipped file, once validated, has an entry holding its columns", () => {
    const s = loadH41("WALCL");
    const entry = readCachedColumns(
      cachePath("WALCL.csv", readManifest().files["WALCL.csv"].sha256, H41_SPECS.WALCL),
      1,
    );
    expect(entry).toBeUndefined(); // another row count is no match
    const n = describeSeries(s).rows;
    const columns = readCachedColumns(
      cachePath("WALCL.csv", readManifest().files["WALCL.csv"].sha256, H41_SPECS.WALCL),
      n,
    );
    expect(Array.from(columns!.values)).toEqual(s.rows.map((r) => r.value));
  });
});
