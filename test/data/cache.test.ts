/**
 * The cache of parsed series (lib/data/cache.ts): a warm load gives exactly what a full parse gives, an
 * entry belongs to one file content, one spec and one parser, and a damaged or unwritable cache only
 * costs a parse.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { cachePath, DATA_CACHE_DIR, readCachedRows, tableCachePath, writeCachedRows } from "../../lib/data/cache.ts";
import { loadCatalog } from "../../lib/data/catalog.ts";
import { H41_SPECS, loadH41 } from "../../lib/data/h41.ts";
import { readManifest } from "../../lib/data/manifest.ts";
import { loadTicLong } from "../../lib/data/tic.ts";

const tmp = mkdtempSync(join(tmpdir(), "qtlab-cache-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.QTLAB_DATA_CACHE;
});
const spec = H41_SPECS.WALCL;
const sha = readManifest().files["WALCL.csv"].sha256;

describe("a warm load is the full parse", () => {
  it("every shipped file loads the same with the cache as without it, and the cache holds an entry for it", () => {
    loadCatalog(); // writes any missing entry
    const warm = loadCatalog();
    process.env.QTLAB_DATA_CACHE = "0";
    const parsed = loadCatalog();
    expect(warm).toEqual(parsed);
    expect(readCachedRows(cachePath("WALCL.csv", sha, spec), parsed.find((f) => f.file === "WALCL.csv")!.rows))
      .toBeDefined();
  });
  it("series rows and the long TIC table are deep-equal with and without the cache", () => {
    loadH41("WALCL");
    loadTicLong();
    const warm = [loadH41("WALCL"), loadTicLong()];
    process.env.QTLAB_DATA_CACHE = "0";
    expect(warm).toEqual([loadH41("WALCL"), loadTicLong()]);
  });
});

describe("an entry belongs to one file, one spec, one parser", () => {
  it("another sha256 or another spec is another entry", () => {
    const a = cachePath("WALCL.csv", sha, spec, tmp);
    expect(cachePath("WALCL.csv", "0".repeat(64), spec, tmp)).not.toBe(a);
    expect(cachePath("WALCL.csv", sha, { ...spec, scale: spec.scale * 10 }, tmp)).not.toBe(a);
    expect(cachePath("WALCL.csv", sha, spec, tmp)).toBe(a);
    expect(tableCachePath("TIC_MFH_long.csv", sha, [], tmp)).not.toBe(tableCachePath("TIC_MFH_long.csv", "1", [], tmp));
  });
  it("rows round-trip through an entry exactly", () => {
    const rows = loadH41("WALCL").rows;
    const path = join(tmp, "walcl.bin");
    writeCachedRows(path, rows);
    expect(readCachedRows(path, rows.length)).toEqual(rows);
  });
});

describe("a damaged or unusable cache costs only a parse", () => {
  const rows = [{ date: "2025-01-01", value: 1.5 }, { date: "2025-01-08", value: 2 }];
  it("a truncated entry, a wrong magic number, a wrong row count or a non-finite value is ignored", () => {
    const path = join(tmp, "damaged.bin");
    writeCachedRows(path, rows);
    const good = readFileSync(path);
    expect(readCachedRows(path, 2)).toEqual(rows);
    expect(readCachedRows(path, 3)).toBeUndefined();
    writeFileSync(path, good.subarray(0, good.length - 3));
    expect(readCachedRows(path, 2)).toBeUndefined();
    const badMagic = Buffer.from(good);
    badMagic[0] = 0;
    writeFileSync(path, badMagic);
    expect(readCachedRows(path, 2)).toBeUndefined();
    writeCachedRows(path, [{ date: "2025-01-01", value: Number.NaN }, rows[1]]);
    expect(readCachedRows(path, 2)).toBeUndefined();
    expect(readCachedRows(join(tmp, "missing.bin"), 2)).toBeUndefined();
  });
  it("an entry that cannot be written is skipped without an error", () => {
    expect(() => writeCachedRows("/dev/null/no/such/dir/x.bin", rows)).not.toThrow();
  });
  it("a damaged entry in the project's cache is replaced by the next load, which parses the file", () => {
    const n = readManifest().files["WALCL.csv"].rows;
    const path = cachePath("WALCL.csv", sha, spec);
    expect(path.startsWith(DATA_CACHE_DIR)).toBe(true);
    writeFileSync(path, "not an entry");
    const s = loadH41("WALCL");
    expect(s.rows.length).toBe(n);
    expect(readCachedRows(path, n)).toEqual(s.rows);
  });
  it("QTLAB_DATA_CACHE=0 neither reads nor writes entries", () => {
    const path = cachePath("WALCL.csv", sha, spec);
    writeFileSync(path, "not an entry");
    process.env.QTLAB_DATA_CACHE = "0";
    loadH41("WALCL");
    expect(readFileSync(path, "utf8")).toBe("not an entry");
    delete process.env.QTLAB_DATA_CACHE;
    loadH41("WALCL");
    expect(readCachedRows(path, readManifest().files["WALCL.csv"].rows)).toBeDefined();
  });
});
