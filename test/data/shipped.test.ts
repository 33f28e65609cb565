import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { loadCatalog, LOADERS } from "../../lib/data/catalog.ts";
import { loadH41 } from "../../lib/data/h41.ts";
import { clearManifestCache, DEFAULT_DATA_DIR, readManifest, sha256Hex } from "../../lib/data/manifest.ts";
import { loadTicLong } from "../../lib/data/tic.ts";
import { loadAuctions } from "../../lib/data/auctions.ts";

const manifest = readManifest();
const files = Object.keys(manifest.files);

describe("data/manifest.json: the provenance record of every shipped file", () => {
  test("lists exactly the CSV files in data/", async () => {
    const { readdirSync } = await import("node:fs");
    expect(files.sort()).toEqual(readdirSync(DEFAULT_DATA_DIR).filter((f) => f.endsWith(".csv")).sort());
  });

  test.each(files)("%s: sha256 and row count match the file on disk", (file) => {
    const bytes = readFileSync(join(DEFAULT_DATA_DIR, file));
    const entry = manifest.files[file];
    expect(sha256Hex(bytes)).toBe(entry.sha256);
    expect(bytes.toString("utf8").trimEnd().split("\n").length - 1).toBe(entry.rows);
  });

  test.each(files)(
    "%s: carries publisher, series id, units, frequency, source repository and commit, vintage",
    (file) => {
      const e = manifest.files[file];
      for (
        const key of [
          "title",
          "publisher",
          "seriesId",
          "unitsAsPublished",
          "frequency",
          "vintage",
          "firstDate",
          "lastDate",
        ] as const
      ) {
        expect(e[key], key).toBeTruthy();
      }
      // A copied file names its repository and commit; a refreshed one, the publisher's download address.
      if (e.source.url) expect(e.source.url).toMatch(/^https?:\/\/[^/]+\//);
      else {
        expect(e.source.repository).toMatch(/\w+\/\w+/);
        expect(e.source.commit).toMatch(/[0-9a-f]{40}/);
      }
      expect(e.source.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}/);
    },
  );
});

describe("every shipped file loads and validates", () => {
  test("every manifest file has a loader", () => {
    expect(files.filter((f) => !LOADERS[f])).toEqual([]);
  });

  test("loadCatalog() loads all files with the rows and date ranges of their provenance records", () => {
    const catalog = loadCatalog();
    expect(catalog.length).toBe(files.length);
    for (const row of catalog) {
      const e = manifest.files[row.file];
      expect([row.file, row.rows, row.firstDate, row.lastDate]).toEqual([row.file, e.rows, e.firstDate, e.lastDate]);
    }
  });

  test("known published values come through in canonical units", () => {
    const walcl = loadH41("WALCL");
    const peak = walcl.rows.reduce((a, b) => (b.value > a.value ? b : a));
    expect(peak).toEqual({ date: "2022-04-13", value: 8965.487 }); // SOURCES: 8,965,487 $mn on 2022-04-13
    expect(walcl.rows.find((r) => r.date === "2025-12-03")?.value).toBe(6535.781);
    const tic = loadTicLong();
    expect(tic.find((r) => r.date === "2025-01-01" && r.holder === "China, Mainland")?.valueUsdBn).toBe(760.8);
    expect(tic.find((r) => r.date === "2025-01-01" && r.holder === "Japan")?.valueUsdBn).toBe(1079.3);
    const auction = loadAuctions().find((a) => a.auctionDate === "2025-12-18");
    expect(auction?.offeringUsdBn).toBe(24);
    expect(auction?.bidToCover).toBe(2.62);
  });
});

describe("load…() failure paths name the file", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  /** A scratch data dir holding the manifest and WALCL.csv, with WALCL rewritten by `edit`. */
  function scratch(edit?: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), "qtlab-data-"));
    dirs.push(dir);
    copyFileSync(join(DEFAULT_DATA_DIR, "manifest.json"), join(dir, "manifest.json"));
    const text = readFileSync(join(DEFAULT_DATA_DIR, "WALCL.csv"), "utf8");
    if (edit) writeFileSync(join(dir, "WALCL.csv"), edit(text));
    clearManifestCache();
    return dir;
  }

  test("a missing file", () => {
    const dir = scratch();
    expect(() => loadH41("WALCL", { dataDir: dir })).toThrow(`${join(dir, "WALCL.csv")}: file not found`);
  });

  test("a changed file fails its sha256 check before it is parsed", () => {
    const dir = scratch((t) => t.replace("2026-08-19,6745699", "2026-08-19,6745700"));
    expect(() => loadH41("WALCL", { dataDir: dir })).toThrow(
      /WALCL\.csv: sha256 [0-9a-f]{64} does not match the provenance record/,
    );
  });

  test("a file not in the manifest", () => {
    const dir = scratch((t) => t);
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    delete m.files["WALCL.csv"];
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(m));
    clearManifestCache();
    expect(() => loadH41("WALCL", { dataDir: dir })).toThrow(/WALCL\.csv: no provenance record/);
  });

  test("a missing manifest", () => {
    const dir = mkdtempSync(join(tmpdir(), "qtlab-data-"));
    dirs.push(dir);
    clearManifestCache();
    expect(() => loadH41("WALCL", { dataDir: dir })).toThrow(/manifest\.json: cannot read the provenance manifest/);
  });
});
