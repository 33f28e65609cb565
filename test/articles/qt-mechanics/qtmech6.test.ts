/**
 * QTMECH-6 ("QT raises long yields, tightens credit, strengthens the dollar") cannot be decided with the
 * shipped data: over QT the 10-year yield moved less than the policy rate it rode with, investment-grade
 * spreads narrowed, and no dollar index ships. The report calls it "not checkable", with that reason,
 * not "does not hold".
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, describe, expect, it } from "vitest";
import { runReports } from "../../../lib/report/run.ts";

const root = join(import.meta.dirname, "..", "..", "..");
const out = mkdtempSync(join(tmpdir(), "qtlab-qtmech6-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function raw(file: string): { date: string; value: number }[] {
  return readFileSync(join(root, "data", file), "utf8").trim().split("\n").slice(1).map((l) => l.split(","))
    .filter(([, v]) => v !== "." && v !== "").map(([d, v]) => ({ date: d, value: Number(v) }));
}
const at = (rows: { date: string; value: number }[], d: string) => rows.filter((r) => r.date <= d).at(-1)!.value;

describe("QTMECH-6 is not checkable with the shipped data", () => {
  it("recomputed from the raw files: over QT the 10-year rose less than the policy rate and IG spreads narrowed", () => {
    const [from, to] = ["2022-06-01", "2025-12-01"];
    const tenYear = at(raw("DGS10.csv"), to) - at(raw("DGS10.csv"), from);
    const policy = at(raw("DFEDTARU.csv"), to) - at(raw("DFEDTARU.csv"), from);
    const oas = at(raw("BAMLC0A0CM.csv"), to) - at(raw("BAMLC0A0CM.csv"), from);
    expect(tenYear).toBeLessThan(policy);
    expect(oas).toBeLessThan(0);
    expect(readFileSync(join(root, "data", "manifest.json"), "utf8")).not.toMatch(/DTWEX|dollar index/i);
  });
  it('the report\'s claims table gives QTMECH-6 "not checkable offline" with the reason', async () => {
    const [s] = await runReports(["01-qt-mechanics"], {}, { outDir: out, log: () => {} });
    expect(s.status).toBe("ok");
    const { document } = parseHTML(readFileSync(join(out, "01-qt-mechanics.html"), "utf8"));
    const row = [...document.querySelectorAll("tr")].find((tr) => tr.querySelector("td")?.textContent === "QTMECH-6")!;
    const cells = [...row.querySelectorAll("td")].map((td) => td.textContent ?? "");
    expect(cells).toContain("not checkable offline");
    expect(cells.join(" ")).toMatch(/cannot identify QT's own effect/);
  }, 120_000);
});
