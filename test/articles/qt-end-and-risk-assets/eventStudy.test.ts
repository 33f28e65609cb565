/**
 * The pivot event study (QTEND-6) measures every pivot on daily closes at trading-day horizons, keeps the
 * S&P 500's monthly averages apart, merges overlapping windows into one episode and shows every count with
 * its denominator. The key figures are recomputed here from the raw CSV files, independently of lib/calc.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runArticle } from "../../../lib/articles/article.ts";
import { qtEndArticle } from "../../../lib/articles/qt-end-and-risk-assets/notebook.ts";
import { qtEndParams } from "../../../lib/articles/qt-end-and-risk-assets/params.ts";
import { eventStudy as eventStudyProse } from "../../../lib/articles/qt-end-and-risk-assets/prose.ts";
import {
  pivotOverlaps,
  summariseWindows,
  tradingDayPaths,
  tradingDayWindows,
  upAtEvery,
  windowsOfPaths,
} from "../../../lib/calc/tradingDayStudy.ts";
import { unmark } from "../../../lib/format.ts";
import { PARAM_SETS } from "./paramSets.ts";

const root = join(import.meta.dirname, "..", "..", "..");
const raw = (file: string) =>
  readFileSync(join(root, "data", file), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")).filter(([, v]) =>
    v !== "" && v !== "."
  ).map(([date, v]) => ({ date, value: Number(v) }));
const run = (overrides: Record<string, unknown> = {}) =>
  runArticle(qtEndArticle, { ...qtEndParams.defaults, ...overrides });

describe("tradingDayStudy, by hand", () => {
  const closes = ["2020-01-02", "2020-01-03", "2020-01-06", "2020-01-07", "2020-01-08", "2020-01-09"].map((
    date,
    i,
  ) => ({
    date,
    value: [100, 90, 110, 120, 80, 130][i],
  }));
  const pivots = [{ id: "a", date: "2020-01-04" }, { id: "b", date: "2020-01-07" }, { id: "c", date: "2019-01-01" }];
  it("reads the pivot's close (last on or before) and the close h trading days later; past the data is missing", () => {
    const w = tradingDayWindows(closes, pivots, [1, 3]);
    expect(w[0].base).toEqual(closes[1]);
    expect(w[0].horizons.map((h) => h.changePct)).toEqual([(110 / 90 - 1) * 100, (80 / 90 - 1) * 100]);
    expect(w[1].horizons[1].changePct).toBeUndefined();
    expect(w[2].base).toBeUndefined();
    expect(windowsOfPaths(tradingDayPaths(closes, pivots, 3), [1, 3]).map((x) => x.horizons)).toEqual(
      w.map((x) => x.horizons.map((h) => ({ horizonDays: h.horizonDays, changePct: h.changePct }))),
    );
    expect(() => tradingDayWindows(closes, pivots, [0])).toThrow(/positive whole trading days/);
  });
  it("merges a pivot inside an earlier window, or flags it; counts carry their denominator", () => {
    const merged = pivotOverlaps(closes, pivots.slice(0, 2), 3, "merge");
    expect(merged).toEqual([
      { pivotId: "a", insideWindowOf: undefined, counted: true },
      { pivotId: "b", insideWindowOf: "a", counted: false },
    ]);
    expect(pivotOverlaps(closes, pivots.slice(0, 2), 1, "merge")[1].counted).toBe(true);
    expect(pivotOverlaps(closes, pivots.slice(0, 2), 3, "flag")[1]).toMatchObject({
      insideWindowOf: "a",
      counted: true,
    });
    const w = tradingDayWindows(closes, pivots.slice(0, 2), [1]);
    expect(summariseWindows(w, merged, [1])[0]).toMatchObject({ n: 1, nUp: 1, mergedPivotIds: ["b"] });
    expect(upAtEvery(w, merged, [1])).toEqual({ up: ["a"], down: [], n: 1 });
  });
});

describe("QTEND-6 recomputed from the raw files", () => {
  const r = run();
  const nasdaq = raw("NASDAQCOM.csv");
  const sp500 = raw("SP500.csv");
  /** Independent: the close on or before the date, and the one h rows later. */
  const change = (rows: { date: string; value: number }[], date: string, h: number) => {
    const i = rows.findLastIndex((x) => x.date <= date);
    return i < 0 || i + h >= rows.length ? undefined : (rows[i + h].value / rows[i].value - 1) * 100;
  };
  const ids = qtEndParams.defaults.historyPivotIds;

  it("every NASDAQ and S&P 500 daily change equals the raw closes' ratio, horizons in trading days", () => {
    for (const m of r.result.measures.filter((x) => x.kind === "daily")) {
      const rows = m.id === "SP500" ? sp500 : nasdaq;
      for (const w of m.windows) {
        for (const h of w.horizons) {
          const expected = rows[0].date > w.pivotDate ? undefined : change(rows, w.pivotDate, h.horizonDays);
          if (expected === undefined) expect(h.changePct).toBeUndefined();
          else expect(h.changePct).toBeCloseTo(expected, 9);
        }
      }
    }
  });
  it("the 2019 and 2020 pivots are one episode: NASDAQ higher at 126 and 252 trading days after 4 of 6", () => {
    // By hand from the raw closes, the 2020-03-03 pivot merged into 2019-07-31's window.
    const episodes = ids.filter((id) => id !== "2020-03-03");
    const up = episodes.filter((d) => change(nasdaq, d, 126)! > 0 && change(nasdaq, d, 252)! > 0);
    expect([up.length, episodes.length]).toEqual([4, 6]);
    expect(r.result.overlaps.filter((o) => !o.counted).map((o) => [o.pivotId, o.insideWindowOf])).toEqual([
      ["2020-03-03", "2019-07-31"],
    ]);
    expect(r.result.rally.upAtEvery).toEqual({
      up: up,
      down: episodes.filter((d) => !up.includes(d)),
      n: 6,
    });
    const c6 = r.claims.find((c) => c.id === "QTEND-6")!;
    expect(c6.data).toMatchObject({ kind: "value", value: (4 / 6) * 100, unit: "pct" });
    expect(c6.verdict).toBe("roughly holds");
    expect(c6.reason).toContain("after 4 of 6 (67%) episodes");
  });
  it("the S&P 500 daily measure holds only pivots its daily closes reach; the monthly averages are a measure apart", () => {
    const sp = r.result.measures.find((m) => m.id === "SP500")!;
    const s252 = sp.summary.find((s) => s.horizonDays === 252)!;
    // Daily closes start 2016-08: 1995..2007 have no daily S&P 500 and are missing, never filled from monthly means.
    expect(s252.missingPivotIds).toEqual(["1995-07-06", "1998-09-29", "2001-01-03", "2007-09-18"]);
    expect([s252.nUp, s252.n]).toEqual([2, 2]);
    const monthly = r.result.measures.find((m) => m.id === "SP500_monthly")!;
    expect(monthly.kind).toBe("monthly average");
    expect(monthly.horizonUnit).toBe("months");
    // The old study pooled monthly S&P means and daily NASDAQ closes over 7 pivots ("5 of 7", "4 of 7"): gone.
    const text = unmark(eventStudyProse(r as never));
    expect(text).not.toMatch(/of 7\b/);
    expect(text).toMatch(/never pooled/);
    expect(text).toContain("S&P 500 (monthly averages): higher 1 month after");
  });
});

describe("QTEND-6 flips with the pivot list (paramSets)", () => {
  it("without the 2001 and 2007 pivots the claim holds: 4 of 4 episodes", () => {
    const flip = PARAM_SETS.find((s) => s.flips)!;
    const r = run(flip.overrides);
    const c6 = r.claims.find((c) => c.id === "QTEND-6")!;
    expect(c6.verdict).toBe("holds");
    expect(r.result.rally.upAtEvery).toMatchObject({ n: 4, down: [] });
    expect(unmark(eventStudyProse(r as never))).toContain("the claim holds");
  });
  it("flagging instead of merging counts 2020 apart: 5 of 7, still roughly", () => {
    const r = run({ overlapRule: "flag" });
    expect(r.result.rally.upAtEvery.up.length).toBe(5);
    expect(r.result.rally.upAtEvery.n).toBe(7);
    expect(r.claims.find((c) => c.id === "QTEND-6")!.verdict).toBe("roughly holds");
  });
  it("refuses rally horizons that are not among the horizons, naming both", () => {
    expect(() => run({ rallyHorizonsTradingDays: [100] })).toThrow(/rallyHorizonsTradingDays \(100\) must be among/);
  });
  it("every parameter set runs and keeps the claims complete", () => {
    for (const s of PARAM_SETS) expect(run(s.overrides).claims).toHaveLength(9);
  });
});
