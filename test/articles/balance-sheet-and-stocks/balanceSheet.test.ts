/**
 * Notebook 02 as an article: figures recomputed from the raw files, verdicts under the defaults and the
 * set that flips one, the prose against the claims, and refused parameters.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openBalanceSheet } from "../../../lib/articles/balance-sheet-and-stocks/notebook.ts";
import { balanceSheetAndStocksParams } from "../../../lib/articles/balance-sheet-and-stocks/params.ts";
import { balanceSheetProse } from "../../../lib/articles/balance-sheet-and-stocks/prose.ts";
import { unmark } from "../../../lib/format.ts";

const root = join(import.meta.dirname, "..", "..", "..");
const open = (o: Record<string, unknown> = {}) =>
  openBalanceSheet({ ...balanceSheetAndStocksParams.defaults, ...o }).run;
const raw = (file: string) =>
  readFileSync(join(root, "data", file), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")).map((
    [d, v],
  ) => ({ date: d, value: Number(v) }));

describe("notebook 02 against the raw files", () => {
  const run = open();
  it("the peak week and the article's 'now' week are WALCL's, in $bn", () => {
    const walcl = raw("WALCL.csv").filter((r) => r.date <= "2024-01-23");
    const peak = walcl.reduce((a, b) => (b.value > a.value ? b : a));
    expect(peak.date).toBe("2022-04-13");
    expect(run.result.levels.peak.value).toBeCloseTo(peak.value / 1000, 6);
    expect(walcl.find((r) => r.date === "2024-01-03")!.value / 1000).toBeCloseTo(7681.0, 1);
  });
  it("the S&P 500 closed at a record on 2024-01-19, above every earlier close", () => {
    const sp = raw("SP500.csv");
    const rec = sp.find((r) => r.date === "2024-01-19")!;
    expect(sp.filter((r) => r.date < rec.date).every((r) => r.value < rec.value)).toBe(true);
  });
});

describe("notebook 02's verdicts", () => {
  it("under the defaults", () => {
    expect(open().claims.map((c) => `${c.id} ${c.verdict}`)).toEqual([
      "BSEQ-1 holds",
      "BSEQ-2 does not hold",
      "BSEQ-3 does not hold",
      "BSEQ-4 holds",
      "BSEQ-5 roughly holds",
      "BSEQ-6 holds",
      "BSEQ-7 roughly holds",
      "BSEQ-8 holds",
      "BSEQ-9 holds",
    ]);
  });
  it("QT's pace over its first three months flips BSEQ-7, and the conclusion follows", () => {
    const run = open({ qtPaceFromMonth: "2022-06", qtPaceToMonth: "2022-08" });
    expect(run.claims.find((c) => c.id === "BSEQ-7")!.verdict).toBe("does not hold");
    expect(unmark(balanceSheetProse.conclusion(run))).toMatch(/the cap, not the pace: the claim does not hold/);
  });
  it("the BTFP carry moves with the assumed OIS and is named an assumption", () => {
    const low = open({ btfpOneYearOisPct: 3.5 });
    expect(low.result.btfp.carryBp).toBeGreaterThan(open().result.btfp.carryBp);
    expect(unmark(balanceSheetProse.btfp(low))).toMatch(/an assumption: OIS does not ship/);
  });
  it("every verdict the prose marks reads as the claims have it", () => {
    for (const o of [{}, { qtPaceFromMonth: "2022-06", qtPaceToMonth: "2022-08" }, { preCovidDateIso: "2020-03-11" }]) {
      const run = open(o);
      const text = Object.values(balanceSheetProse).map((f) => f(run)).join("\n");
      for (const m of text.matchAll(/⟦claim:(BSEQ-\d):verdict\|([^⟧]*)⟧/g)) {
        expect(m[2], m[1]).toBe(run.claims.find((c) => c.id === m[1])!.verdict);
      }
    }
  });
});

describe("notebook 02 refuses what it cannot compute", () => {
  it("a QT window that ends before it starts names both parameters", () => {
    expect(() => open({ qtPaceFromMonth: "2023-12", qtPaceToMonth: "2023-01" })).toThrow(/qtPaceFromMonth/);
  });
  it("GDP years in the wrong order are refused", () => {
    expect(() => open({ gdpFromYear: 2023, gdpToYear: 2019 })).toThrow(/gdpFromYear \(2023\) must be before gdpToYear/);
  });
});
