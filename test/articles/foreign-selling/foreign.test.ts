/**
 * Notebook 03 as an article: figures recomputed from the raw files, verdicts under the defaults and the
 * set that flips one, coherence of the prose with the claims, and refused parameters.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openForeign } from "../../../lib/articles/foreign-selling/notebook.ts";
import { foreignSellingParams } from "../../../lib/articles/foreign-selling/params.ts";
import { foreignProse } from "../../../lib/articles/foreign-selling/prose.ts";
import { unmark } from "../../../lib/format.ts";

const root = join(import.meta.dirname, "..", "..", "..");
const open = (o: Record<string, unknown> = {}) => openForeign({ ...foreignSellingParams.defaults, ...o }).run;
const raw = (file: string) =>
  readFileSync(join(root, "data", file), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")).map((
    [d, v],
  ) => ({ date: d, value: Number(v) }));

describe("notebook 03 against the raw files", () => {
  const run = open();
  it("the 10-year's week is +47bp from the closes of 2025-04-04 and 2025-04-11, and no close passed 4.5%", () => {
    const dgs10 = new Map(raw("DGS10.csv").map((r) => [r.date, r.value]));
    expect(Math.round((dgs10.get("2025-04-11")! - dgs10.get("2025-04-04")!) * 100)).toBe(47);
    expect(run.result.week.tenYearHighPct).toBeLessThan(4.5);
    expect(run.result.week.weeklyRank.rank).toBe(1);
  });
  it("China's December 2024 holdings are TIC's $759.0bn, the lowest since February 2009", () => {
    const china = raw("TIC_MFH_CHINA.csv");
    const dec = china.find((r) => r.date === "2024-12-01")!.value;
    expect(dec).toBe(759);
    const earlier = china.filter((r) => r.date < "2024-12-01" && r.value <= dec).at(-1)!;
    expect(earlier.date).toBe("2009-02-01");
    expect(run.result.chinaLow.lowerOrEqualDate).toBe("2009-02-01");
  });
});

describe("notebook 03's verdicts", () => {
  it("under the defaults, with FOREIGN-4 not checkable for want of 2025 auctions", () => {
    expect(open().claims.map((c) => `${c.id} ${c.verdict}`)).toEqual([
      "FOREIGN-1 holds",
      "FOREIGN-2 holds",
      "FOREIGN-3 roughly holds",
      "FOREIGN-4 not checkable",
      "FOREIGN-5 roughly holds",
      "FOREIGN-6 does not hold",
      "FOREIGN-7 roughly holds",
      "FOREIGN-8 does not hold",
    ]);
  });
  it("ranked against every week since 1990 the week is second, FOREIGN-3 does not hold, and the prose says so", () => {
    const run = open({ rankingHistoryStart: "1990-01-02" });
    const c3 = run.claims.find((c) => c.id === "FOREIGN-3")!;
    expect(c3.verdict).toBe("does not hold");
    expect(c3.reason).toMatch(/rank 2 of [\d,]+ Friday-to-Friday weeks since 1990/);
    expect(unmark(foreignProse.conclusion(run))).toMatch(/largest weekly rise in about 20 years does not hold/);
  });
  it("a response window past QT's end is cut there: reserve purchases are not the emergency buying", () => {
    const run = open({ fedResponseWindowDays: 365 });
    expect(run.result.response.cutAtQtEnd).toBe(true);
    expect(run.result.response.windowEnd).toBe("2025-12-01");
    expect(run.claims.find((c) => c.id === "FOREIGN-8")!.verdict).toBe("does not hold");
  });
  it("every verdict the prose marks reads as the claims have it, under each parameter set", () => {
    for (const o of [{}, { rankingHistoryStart: "1990-01-02" }, { durationYears: 30 }]) {
      const run = open(o);
      const text = Object.values(foreignProse).map((f) => f(run)).join("\n");
      for (const m of text.matchAll(/⟦claim:(FOREIGN-\d):verdict\|([^⟧]*)⟧/g)) {
        expect(m[2], m[1]).toBe(run.claims.find((c) => c.id === m[1])!.verdict);
      }
    }
  });
  it("no method note or claim combines the flow and the stock elasticity into an offset amount", () => {
    const run = open();
    const text = [foreignProse.methodNotes(run), ...run.claims.map((c) => c.reason)].join(" ");
    expect(text).toMatch(/Flow and stock elasticities are never combined/);
    expect(text).not.toMatch(/\$[\d.,]+tn to offset/);
  });
});

describe("notebook 03 refuses what it cannot compute", () => {
  it("a GDP quarter outside the data is refused by the schema", () => {
    expect(() => open({ gdpQuarter: "2030-01-01" })).toThrow(/gdpQuarter/);
  });
  it("a week that ends on a day without a close stops the run with the reason", () => {
    expect(() => open({ eventWeekTo: "2025-04-12" })).toThrow(/2025-04-12/);
  });
});
