import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drainOrder, yearPeriods } from "../../../lib/calc/drainOrder.ts";
import { openDataTour } from "../../../lib/articles/data-tour/notebook.ts";
import { dataTourParams } from "../../../lib/articles/data-tour/params.ts";
import { drainSentence } from "../../../lib/articles/data-tour/prose.ts";
import { unmark } from "../../../lib/format.ts";

const root = join(import.meta.dirname, "..", "..", "..");
/** A FRED CSV straight from data/ ($ millions → $bn), without qtlab's loaders. */
function raw(file: string): { date: string; value: number }[] {
  return readFileSync(join(root, "data", file), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")).filter((
    [, v],
  ) => v !== ".").map(([d, v]) => ({ date: d, value: Number(v) }));
}
/** The last raw value on or before a date. */
const at = (rows: { date: string; value: number }[], d: string) => rows.filter((r) => r.date <= d).at(-1)!.value;

describe("notebook 00: where the QT drain fell", () => {
  it("yearPeriods cuts calendar years at the window's ends", () => {
    expect(yearPeriods("2022-06-01", "2023-03-31")).toEqual([{ from: "2022-06-01", to: "2022-12-31" }, {
      from: "2023-01-01",
      to: "2023-03-31",
    }]);
    expect(() => yearPeriods("2023-01-01", "2022-01-01")).toThrow(/must be before/);
  });
  it("drainOrder: first year of fall and the window's total, by hand", () => {
    const s = {
      a: [{ date: "2022-01-01", value: 10 }, { date: "2022-12-31", value: 8 }, { date: "2023-12-31", value: 9 }],
      b: [{ date: "2022-01-01", value: 5 }, { date: "2022-12-31", value: 6 }, { date: "2023-12-31", value: 1 }],
    };
    const d = drainOrder(s, "2022-01-01", "2023-12-31");
    expect(d.firstFall).toEqual({ a: "2022-01-01", b: "2023-01-01" });
    expect(d.totalUsdBn).toEqual({ a: -1, b: -4 });
    expect(() => drainOrder(s, "2021-01-01", "2022-06-01")).toThrow(/a has no observation on or before 2021-01-01/);
  });
  it("recomputed from the raw H.4.1 files: in 2022 reserves fell while ON RRP rose; ON RRP fell from 2023 (the old prose had the order backwards)", () => {
    const res = raw("WRESBAL.csv").map((r) => ({ ...r, value: r.value / 1000 }));
    const rrp = raw("RRPONTSYD.csv");
    expect(at(res, "2022-12-31") - at(res, "2022-06-01")).toBeLessThan(0);
    expect(at(rrp, "2022-12-31") - at(rrp, "2022-06-01")).toBeGreaterThan(0);
    expect(at(rrp, "2023-12-31") - at(rrp, "2023-01-01")).toBeLessThan(0);
    const run = openDataTour(dataTourParams.defaults).run;
    expect(run.result.drain.firstFall.reserves).toBe("2022-06-01");
    expect(run.result.drain.firstFall.onRrp).toBe("2023-01-01");
    expect(run.result.drain.totalUsdBn.reserves).toBeCloseTo(at(res, "2025-11-30") - at(res, "2022-06-01"), 6);
    expect(unmark(drainSentence(run))).toMatch(
      /The drain fell first on reserves and the TGA \(in 2022\), later on ON RRP \(from 2023\)\. Over the whole window the largest fall was in ON RRP\./,
    );
  });
  it("a 2022-only window flips the conclusion: ON RRP did not fall, the TGA fell most", () => {
    const run = openDataTour({ ...dataTourParams.defaults, drainToDate: "2022-12-31" }).run;
    expect(unmark(drainSentence(run))).toMatch(
      /ON RRP did not fall in any calendar year of the window\. Over the whole window the largest fall was in the TGA\./,
    );
  });
  it("refuses values outside the declaration before reading a result", () => {
    expect(() => openDataTour({ ...dataTourParams.defaults, drainFromDate: "2030-01-01" })).toThrow(
      /drainFromDate.*inside the shipped data/,
    );
    expect(() => openDataTour({ ...dataTourParams.defaults, drainFromDate: "2024-01-01", drainToDate: "2023-01-01" }))
      .toThrow(/must be before drainToDate/);
  });
});
