/**
 * Notebook 04 as an article: the balance-sheet and rate figures of QTEND-1..4 recomputed from the raw
 * H.4.1 and H.15 files, its verdicts under the defaults and under the set that flips one, its prose against
 * its claims, and refused parameters. (The pivot event study behind QTEND-6 has its own file, eventStudy.test.ts.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openQtEnd } from "../../../lib/articles/qt-end-and-risk-assets/notebook.ts";
import { qtEndParams } from "../../../lib/articles/qt-end-and-risk-assets/params.ts";
import { qtEndProse } from "../../../lib/articles/qt-end-and-risk-assets/prose.ts";
import { unmark } from "../../../lib/format.ts";
import { PARAM_SETS } from "./paramSets.ts";

const root = join(import.meta.dirname, "..", "..", "..");
const defaults = qtEndParams.defaults;
const open = (overrides: Record<string, unknown> = {}) => openQtEnd({ ...defaults, ...overrides }).run;

/** A raw FRED-style file as dated numbers, blanks dropped; `scale` divides (H.4.1 is published in $ millions). */
function raw(file: string, scale = 1): { date: string; value: number }[] {
  return readFileSync(join(root, "data", file), "utf8").trim().split("\n").slice(1).map((l) => l.split(","))
    .filter(([, v]) => v !== "" && v !== ".").map(([date, v]) => ({ date, value: Number(v) / scale }));
}

describe("notebook 04 against the raw H.4.1 and H.15 files", () => {
  const run = open();
  const walcl = raw("WALCL.csv", 1000);
  it("QTEND-1: QT ran from 2022-06-01 to 2025-12-01, about 3.5 years, against the article's three", () => {
    const c = run.claims.find((x) => x.id === "QTEND-1")!;
    const years = (Date.parse("2025-12-01") - Date.parse("2022-06-01")) / 86_400_000 / 365.25;
    expect(c.data).toMatchObject({ kind: "value", unit: "years" });
    expect(c.data?.kind === "value" && c.data.value).toBeCloseTo(years, 2);
    // 3.5 against 3 is 17% apart: beyond rounding (5%), within the same magnitude (20%) of roundedFigure.
    expect(c.rule).toBe("roundedFigure");
    expect(c.verdict).toBe("roughly holds");
  });
  it("QTEND-2: total assets at QT's start are the first week on or after 2022-06-01, far above $7,400bn", () => {
    const start = walcl.find((r) => r.date >= "2022-06-01")!;
    expect(run.result.levels.atQtStart.value).toBeCloseTo(start.value, 6);
    expect(Math.abs(start.value / 7400 - 1)).toBeGreaterThan(0.2);
    // Every week from 2025-11-01 to 2025-12-31 within ±2% of $6,550bn.
    const weeks = walcl.filter((r) => r.date >= "2025-11-01" && r.date <= "2025-12-31");
    const within = weeks.filter((r) => Math.abs(r.value / 6550 - 1) <= 0.02);
    expect([run.result.levels.stable.nWithin, run.result.levels.stable.n]).toEqual([within.length, weeks.length]);
    expect(run.claims.find((x) => x.id === "QTEND-2")!.verdict).toBe("does not hold");
  });
  it("QTEND-3: both ends of the target range fell 25bp in the week after the 2025-12-10 meeting", () => {
    const upper = raw("DFEDTARU.csv");
    const before = upper.filter((r) => r.date <= "2025-12-10").at(-1)!.value;
    const after = upper.filter((r) => r.date <= "2025-12-17").at(-1)!.value;
    expect(Math.round((after - before) * 100)).toBe(run.result.cut.cutBp);
    expect(run.result.cut.cutBp).toBe(-25);
  });
  it("QTEND-4: Treasury holdings rose in every week after the QT end, by the raw files' difference", () => {
    const t = raw("TREAST.csv", 1000).filter((r) => r.date >= "2025-12-01");
    const p = run.result.purchases;
    expect(p.treasuriesUsdBn).toBeCloseTo(t.at(-1)!.value - t[0].value, 6);
    const ups = t.slice(1).filter((r, i) => r.value > t[i].value).length;
    expect([p.weeksUp, p.weeks]).toEqual([ups, t.length - 1]);
  });
});

describe("notebook 04's verdicts", () => {
  it("under the defaults, each claim with its verdict", () => {
    expect(open().claims.map((c) => `${c.id} ${c.verdict}`)).toEqual([
      "QTEND-1 roughly holds",
      "QTEND-2 does not hold",
      "QTEND-3 holds",
      "QTEND-4 roughly holds",
      "QTEND-5 not checkable",
      "QTEND-6 roughly holds",
      "QTEND-7 not checkable",
      "QTEND-8 not checkable",
      "QTEND-9 does not hold",
    ]);
  });
  it("the parameter set that says it flips a verdict does, and the conclusion follows", () => {
    const flip = PARAM_SETS.find((s) => s.flips)!;
    expect(flip.flips).toMatch(/QTEND-6 verdict roughly holds → holds/);
    const run = open(flip.overrides);
    expect(open().claims[5].verdict).toBe("roughly holds");
    expect(run.claims[5].verdict).toBe("holds");
    expect(unmark(qtEndProse.conclusion(run))).toMatch(/\*\*What holds\.\*\*[^*]*QTEND-6/);
  });
  it("every verdict and data figure the prose marks reads as the claims have it, in every parameter set", () => {
    for (const s of PARAM_SETS) {
      const run = open(s.overrides);
      const text = Object.values(qtEndProse).map((f) => f(run as never)).join("\n");
      const marks = [...text.matchAll(/⟦claim:(QTEND-\d):(verdict|data)\|([^⟧]*)⟧/g)];
      expect(marks.length, s.name).toBeGreaterThan(0);
      for (const m of marks) {
        const c = run.claims.find((x) => x.id === m[1])!;
        if (m[2] === "verdict") expect(m[3], `${s.name}: ${m[1]}`).toBe(c.verdict);
      }
    }
  });
});

describe("notebook 04's method notes", () => {
  it("name every series read once, the S&P 500's monthly averages apart from its daily closes", () => {
    const run = open();
    const ids = run.series.map((s) => s.seriesId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(unmark(qtEndProse.methodNotes(run as never))).toMatch(
      /SP500 \d{4}-\d\d-\d\d, SP500 \(monthly averages\) \d{4}/,
    );
  });
});

describe("notebook 04 refuses what it cannot compute", () => {
  it("an overlap rule it does not know, with the allowed values", () => {
    expect(() => open({ overlapRule: "pool" })).toThrow(/"overlapRule": expected one of "merge", "flag"/);
  });
  it("a check window that ends before it starts", () => {
    expect(() => open({ stableCheckWindow: { from: "2025-12-31", to: "2025-11-01" } })).toThrow(
      /"stableCheckWindow".*from must be before to/,
    );
  });
  it("a pivot that is not in the sourced list, and a rally series without daily closes", () => {
    expect(() => open({ historyPivotIds: ["1999-01-01", "2001-01-03"] })).toThrow(/"historyPivotIds"/);
    expect(() => open({ rallySeriesId: "DGS10" })).toThrow(/"rallySeriesId": expected one of "NASDAQCOM", "SP500"/);
  });
  it("a share above one", () => {
    expect(() => open({ rallyShareMinFrac: 1.5 })).toThrow(/"rallyShareMinFrac": expected a number between 0 and 1/);
  });
});
