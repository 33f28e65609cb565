/**
 * After QT ended, total assets stayed within ±2% of their QT-end level until April 2026 (the old prose had
 * them leave it in late December as bill purchases began); the year-end swing came from repo operations,
 * loans and other assets, not from securities. Recomputed from the raw H.4.1 files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runArticle } from "../../../lib/articles/article.ts";
import { qtEndArticle } from "../../../lib/articles/qt-end-and-risk-assets/notebook.ts";
import { qtEndParams } from "../../../lib/articles/qt-end-and-risk-assets/params.ts";
import { afterQtEnd } from "../../../lib/articles/qt-end-and-risk-assets/prose.ts";
import { bandExit, splitChange } from "../../../lib/calc/bandExit.ts";
import { unmark } from "../../../lib/format.ts";

const root = join(import.meta.dirname, "..", "..", "..");
const raw = (file: string) =>
  readFileSync(join(root, "data", file), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")).map(([d, v]) => ({
    date: d,
    value: Number(v) / 1000,
  }));

describe("the balance sheet after QT ended", () => {
  it("bandExit and splitChange, by hand", () => {
    const rows = [{ date: "a", value: 100 }, { date: "b", value: 101 }, { date: "c", value: 99 }, {
      date: "d",
      value: 103,
    }];
    const e = bandExit(rows, "a", 0.02);
    expect(e.firstOutside).toMatchObject({ date: "d", value: 103 });
    expect(e.largestSwing).toMatchObject({ date: "c", changeUsdBn: -2 });
    expect(splitChange(rows, { x: [{ date: "a", value: 10 }, { date: "c", value: 12 }] }, "a", "c")).toEqual({
      totalUsdBn: -1,
      partsUsdBn: { x: 2 },
      restUsdBn: -3,
    });
    expect(() => bandExit(rows, "a", 0)).toThrow(/positive fraction/);
  });
  it("recomputed from the raw files: within ±2% of the QT-end week until April 2026; the year-end swing is outside securities", () => {
    const w = raw("WALCL.csv");
    const t = raw("TREAST.csv");
    const m = raw("WSHOMCB.csv");
    const ref = w.find((r) => r.date >= "2025-12-01")!;
    const out = w.find((r) => r.date > ref.date && Math.abs(r.value / ref.value - 1) > 0.02)!;
    expect(out.date).toBe("2026-04-01");
    const at = (rows: typeof w, d: string) => rows.find((r) => r.date === d)!.value;
    const total = at(w, "2025-12-31") - at(w, "2025-12-24");
    const securities = at(t, "2025-12-31") - at(t, "2025-12-24") + at(m, "2025-12-31") - at(m, "2025-12-24");
    expect(total).toBeGreaterThan(40);
    expect(Math.abs(total - securities)).toBeGreaterThan(Math.abs(securities));
    const run = runArticle(qtEndArticle, { ...qtEndParams.defaults, stableBandFrac: 0.02 });
    const text = unmark(afterQtEnd(run as never));
    expect(text).toContain(`stayed within ±2% of it until ${out.date}`);
    expect(text).toMatch(/came from outside the securities/);
    expect(text).not.toMatch(/late December/);
  });
});
