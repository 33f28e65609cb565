/**
 * Notebook 01 as an article: its figures recomputed from the raw H.4.1 files, its verdicts under the
 * defaults and under the set that flips one, its prose against its claims, and refused parameters.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openQtMechanics } from "../../../lib/articles/qt-mechanics/notebook.ts";
import { qtMechanicsParams } from "../../../lib/articles/qt-mechanics/params.ts";
import { qtMechanicsProse } from "../../../lib/articles/qt-mechanics/prose.ts";
import { unmark } from "../../../lib/format.ts";

const root = join(import.meta.dirname, "..", "..", "..");
const defaults = qtMechanicsParams.defaults;
const open = (overrides: Record<string, unknown> = {}) => openQtMechanics({ ...defaults, ...overrides }).run;

/** A raw H.4.1 file in $bn (published in $ millions). */
function raw(file: string): { date: string; usdBn: number }[] {
  return readFileSync(join(root, "data", file), "utf8").trim().split("\n").slice(1).map((l) => l.split(","))
    .map(([date, v]) => ({ date, usdBn: Number(v) / 1000 }));
}
const lastDay = (m: string) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 0)).toISOString().slice(0, 10);
const months = (from: string, to: string) => {
  const out: string[] = [];
  for (let y = +from.slice(0, 4), mo = +from.slice(5, 7); `${y}-${String(mo).padStart(2, "0")}` <= to;) {
    out.push(`${y}-${String(mo).padStart(2, "0")}`);
    if (++mo === 13) [y, mo] = [y + 1, 1];
  }
  return out;
};
/** The level closing month m: the first week on or after its last day, or the last week inside it. */
function level(rows: { date: string; usdBn: number }[], m: string, grid: "month-end" | "last-wednesday"): number {
  const end = lastDay(m);
  return grid === "month-end"
    ? rows.find((r) => r.date >= end)!.usdBn
    : rows.filter((r) => r.date <= end).at(-1)!.usdBn;
}
/** The Treasury cap in force in month m as the FOMC set it ($bn). */
const capOf = (m: string) => (m < "2022-09" ? 30 : m < "2024-06" ? 60 : m < "2025-04" ? 25 : 5);
const prev = (m: string) => months(`${+m.slice(0, 4) - 1}-${m.slice(5, 7)}`, m).at(-2)!;

function largestTreasuryExcess(grid: "month-end" | "last-wednesday"): number {
  const t = raw("TREAST.csv");
  return Math.max(...months("2022-06", "2025-11").map((m) => level(t, prev(m), grid) - level(t, m, grid) - capOf(m)));
}

describe("notebook 01 against the raw H.4.1 files", () => {
  const run = open();
  it("the largest Treasury fall beyond its cap is the one the claim reports, on each month grid", () => {
    const monthEnd = largestTreasuryExcess("month-end");
    expect(run.result.summary.maxTreasuryOverCapUsdBn).toBeCloseTo(monthEnd, 6);
    expect(monthEnd).toBeLessThanOrEqual(2);
    const lastWednesday = largestTreasuryExcess("last-wednesday");
    expect(open({ monthGrid: "last-wednesday" }).result.summary.maxTreasuryOverCapUsdBn).toBeCloseTo(lastWednesday, 6);
    expect(lastWednesday).toBeGreaterThan(2);
  });
  it("the median Treasury runoff under the peak caps is the data figure of QTMECH-2", () => {
    const t = raw("TREAST.csv");
    const v = months("2022-09", "2024-05").map((m) => level(t, prev(m), "month-end") - level(t, m, "month-end"))
      .sort((a, b) => a - b);
    const median = v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    const c = run.claims.find((x) => x.id === "QTMECH-2")!;
    expect(c.data?.kind === "value" && c.data.value).toBeCloseTo(median, 6);
  });
});

describe("notebook 01's verdicts", () => {
  it("under the defaults: QTMECH-1..5 hold, 6 and 7 are not checkable, each with its reason", () => {
    const run = open();
    expect(run.claims.map((c) => c.verdict)).toEqual([
      "holds",
      "holds",
      "holds",
      "holds",
      "holds",
      "not checkable",
      "not checkable",
    ]);
    const c6 = run.claims.find((c) => c.id === "QTMECH-6")!;
    expect(c6.ruleWhy).toMatch(/dollar index/);
    expect(c6.reason).toMatch(/moved with the hikes/);
  });
  it("months closed by their last Wednesday flip QTMECH-4, and the conclusion says so", () => {
    const def = open();
    const run = open({ monthGrid: "last-wednesday" });
    expect(def.claims[3].verdict).toBe("holds");
    expect(run.claims[3].verdict).toBe("does not hold");
    const text = unmark(qtMechanicsProse.conclusion(run));
    expect(text).toMatch(/Redemption up to the caps, not sales, does not hold on the "last-wednesday" month grid/);
    expect(text).toMatch(/QTMECH-4 do(es)? not hold/);
  });
  it("a lower Treasury cap than the FOMC's makes holdings fall beyond it: QTMECH-4 does not hold", () => {
    const run = open({ capTreasuryFrom2022SepUsdBnPerMonth: 40 });
    expect(run.claims[3].verdict).toBe("does not hold");
    expect(run.result.summary.maxTreasuryOverCapUsdBn).toBeGreaterThan(15);
  });
  it("every verdict and data figure the prose marks reads as the claims have it", () => {
    for (const overrides of [{}, { monthGrid: "last-wednesday" }, { sharpReserveSwingUsdBn: 400 }]) {
      const run = open(overrides);
      const text = Object.values(qtMechanicsProse).map((f) => f(run)).join("\n");
      for (const m of text.matchAll(/⟦claim:(QTMECH-\d):(verdict|data)\|([^⟧]*)⟧/g)) {
        const c = run.claims.find((x) => x.id === m[1])!;
        if (m[2] === "verdict") expect(m[3], m[1]).toBe(c.verdict);
      }
    }
  });
});

describe("notebook 01 refuses what it cannot compute", () => {
  it("a slowdown window that ends before it starts names both parameters", () => {
    expect(() => open({ slowdownBeforeFromMonth: "2025-12", slowdownAfterToMonth: "2025-06" })).toThrow(
      /slowdownBeforeFromMonth \(2025-12\) must be before slowdownAfterToMonth \(2025-06\)/,
    );
  });
  it("an unknown month grid is refused with the allowed values", () => {
    expect(() => open({ monthGrid: "mid-month" })).toThrow(/monthGrid/);
  });
  it("a purchase surge threshold no month reached stops the run with the reason", () => {
    expect(() => open({ qeSurgeThresholdUsdBnPerMonth: 1000 })).toThrow(
      /no month with Treasury purchases above \$1000bn/,
    );
  });
});
