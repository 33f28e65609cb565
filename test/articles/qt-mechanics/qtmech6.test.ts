/**
 * QTMECH-6 ("QT raises long yields, tightens credit, strengthens the dollar") cannot be decided with the
 * shipped data: over QT the 10-year yield moved less than the policy rate it rode with, investment-grade
 * spreads narrowed, and no dollar index ships. The report calls it "not checkable", with that reason,
 * not "does not hold".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openQtMechanics } from "../../../lib/articles/qt-mechanics/notebook.ts";
import { qtMechanicsParams } from "../../../lib/articles/qt-mechanics/params.ts";

const root = join(import.meta.dirname, "..", "..", "..");

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
  it('the article calls QTMECH-6 "not checkable" with that reason, and its data figure is the 10-year\'s move', () => {
    const run = openQtMechanics(qtMechanicsParams.defaults).run;
    const c = run.claims.find((x) => x.id === "QTMECH-6")!;
    expect(c.verdict).toBe("not checkable");
    expect(c.reason).toMatch(/moved with the hikes; IG spreads narrowed/);
    expect(c.data?.kind === "value" && c.data.value).toBeCloseTo(run.result.markets.tenYearBp, 9);
    expect(run.result.markets.tenYearBp).toBeLessThan(run.result.markets.policyBp);
  });
});
