/**
 * FOREIGN-2: the article's holdings table labels its last row December 2023, but its figures are TIC's
 * January 2024 to the decimal. The check compares each row with the TIC month its figures are, and the
 * year-on-year valuation window follows: January 2024 to January 2025.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, describe, expect, it } from "vitest";
import { foreignSellingParams } from "../../../lib/articles/foreign-selling/params.ts";
import { runReports } from "../../../lib/report/run.ts";

const root = join(import.meta.dirname, "..", "..", "..");
const out = mkdtempSync(join(tmpdir(), "qtlab-foreign2-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const tic = (holder: string) =>
  new Map(
    readFileSync(join(root, "data", `TIC_MFH_${holder}.csv`), "utf8").trim().split("\n").slice(1).map((l) =>
      l.split(",")
    ).map(([d, v]) => [d, Number(v)]),
  );

describe("FOREIGN-2: the article's row labelled 2023-12 is TIC's 2024-01", () => {
  it("recomputed from the raw TIC files: 797.7/1,140.6 is January 2024, not December 2023", () => {
    const [china, japan] = [tic("CHINA"), tic("JAPAN")];
    expect([china.get("2024-01-01"), japan.get("2024-01-01")]).toEqual([797.7, 1140.6]);
    expect([china.get("2023-12-01"), japan.get("2023-12-01")]).not.toEqual([797.7, 1140.6]);
  });
  it("the year-on-year valuation window is January 2024 to January 2025", () => {
    expect(foreignSellingParams.defaults.valuationWindows[0]).toEqual(["2024-01-01", "2025-01-01"]);
  });
  it("the report's claims table compares that row with 2024-01 and the claim holds", async () => {
    const [s] = await runReports(["03-foreign-selling"], {}, { outDir: out, log: () => {} });
    expect(s.status).toBe("ok");
    const { document } = parseHTML(readFileSync(join(out, "03-foreign-selling.html"), "utf8"));
    // The findings table and the claims table both carry the claim; the claims table has the why.
    const rows = [...document.querySelectorAll("tr")].filter((tr) =>
      tr.querySelector("td")?.textContent === "FOREIGN-2"
    );
    expect(rows.length).toBe(2);
    const cells = rows.flatMap((row) => [...row.querySelectorAll("td")].map((td) => td.textContent ?? ""));
    expect(cells.join(" | ")).toMatch(/2024-01 797\.7\/1140\.6/);
    expect(cells).toContain("holds");
    expect(cells.join(" ")).toMatch(/The row labelled 2023-12 is TIC's 2024-01/);
  }, 120_000);
});
