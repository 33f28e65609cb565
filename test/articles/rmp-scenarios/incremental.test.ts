import { describe, expect, it } from "vitest";
import { computeRmp, type RmpResult } from "../../../lib/articles/rmp-scenarios/compute.ts";
import { clearRmpMemos, keyOf, pick, rmpMemos, stageMemo } from "../../../lib/articles/rmp-scenarios/memo.ts";
import { forgetRmpData, loadRmpData, loadRmpDataOnce, openRmp } from "../../../lib/articles/rmp-scenarios/notebook.ts";
import { rmpParams } from "../../../lib/articles/rmp-scenarios/params.ts";

type Params = typeof rmpParams.defaults;
const defaults = rmpParams.defaults;
const data = loadRmpData();

/** The result computed with every memo empty. */
function cold(p: Params): RmpResult {
  clearRmpMemos();
  return computeRmp(data, p);
}

/** How many times each stage computed since the memos were cleared. */
function computed(): Record<string, number> {
  return Object.fromEntries([...rmpMemos()].filter(([n]) => n.startsWith("rmp.")).map(([n, m]) => [n, m.computed]));
}

// Each case: a change from the defaults, and the stages that must compute again (the others are reused).
const CASES: { name: string; change: Partial<Params>; recompute: string[] }[] = [
  {
    name: "a scenario's size",
    change: { scenarioSizesUsdBnPerMonth: { ...defaults.scenarioSizesUsdBnPerMonth, A: 30 } },
    recompute: [],
  },
  { name: "the horizon", change: { horizonMonths: 36 }, recompute: [] },
  { name: "the days-above start", change: { daysAboveFrom: "2025-01-01" }, recompute: ["rmp.daysAbove"] },
  {
    name: "GDP growth (a claim's figure reads it)",
    change: { nominalGdpGrowthPctPerYear: 4 },
    recompute: ["rmp.facts"],
  },
  {
    name: "the fit's cut-off",
    change: { curveFitTo: "2025-06-30" },
    recompute: ["rmp.base", "rmp.fit", "rmp.bootstrap", "rmp.regimes"],
  },
  {
    name: "the curve's form",
    change: { curveForm: "logistic" },
    recompute: ["rmp.base", "rmp.fit", "rmp.bootstrap", "rmp.regimes"],
  },
  {
    name: "the bootstrap's replicates",
    change: { bootstrapReplicates: 40 },
    recompute: ["rmp.bootstrap", "rmp.regimes"],
  },
  { name: "the bootstrap's seed", change: { bootstrapSeed: 7 }, recompute: ["rmp.bootstrap", "rmp.regimes"] },
  { name: "the scarce slope rule", change: { scarceSlopeBpPer100UsdBn: 12 }, recompute: ["rmp.regimes"] },
];

describe("notebook 05's rerun is incremental: reuse gives the cold result, a changed input recomputes", () => {
  for (const c of CASES) {
    it(
      `after the defaults, a change of ${c.name} equals a cold computation and recomputes ${
        c.recompute.join(", ") || "no memoised stage"
      }`,
      () => {
        const p = { ...defaults, ...c.change };
        const expected = cold(p);
        clearRmpMemos();
        const before = computeRmp(data, defaults);
        const counts = computed();
        const warm = computeRmp(data, p);
        expect(warm).toEqual(expected);
        const after = computed();
        const grew = Object.keys(after).filter((n) => after[n] > counts[n]).sort();
        expect(grew).toEqual([...c.recompute].sort());
        // And back: the defaults again come from the memo, equal to their first computation.
        expect(computeRmp(data, defaults)).toEqual(before);
      },
      60_000,
    );
  }

  it(
    "a stage reused by a rerun is the very object the first run computed; a changed fit parameter gives a new one",
    () => {
      clearRmpMemos();
      const a = computeRmp(data, defaults);
      const b = computeRmp(data, { ...defaults, scenarioSizesUsdBnPerMonth: { A: 20, B: 50, C: 0 } });
      expect(b.regimes).toBe(a.regimes);
      expect(b.model.fit).toBe(a.model.fit);
      expect(b.model.set).not.toEqual(a.model.set);
      const c = computeRmp(data, { ...defaults, curveFitTo: "2025-09-30" });
      expect(c.model.fit).not.toBe(a.model.fit);
      expect(c.regimes).not.toEqual(a.regimes);
    },
    60_000,
  );

  it("openRmp's rerun (data reused) gives the same run as a cold one, claims and displays included", () => {
    const values = { ...defaults, horizonMonths: 30 };
    clearRmpMemos();
    forgetRmpData();
    const first = openRmp(values);
    openRmp(defaults);
    const again = openRmp(values);
    expect(again.run).toEqual(first.run);
    expect(again.findings().outerHTML).toBe(first.findings().outerHTML);
    expect(again.views.regimesChart().outerHTML).toBe(first.views.regimesChart().outerHTML);
    expect(again.views.realisedChart().outerHTML).toBe(first.views.realisedChart().outerHTML);
  }, 60_000);

  it(
    "the charts of the data alone are drawn once per data and parameters: a kept chart shows the cold chart's HTML",
    () => {
      // A chart's HTML, its clip-path ids (a counter across every chart drawn) left out.
      const html = (x: Element) =>
        (x as unknown as { [k: symbol]: () => Record<string, string> })[Symbol.for("Jupyter.display")]()["text/html"]
          .replace(/plot-clip-\d+/g, "plot-clip");
      clearRmpMemos();
      const coldViews = openRmp({ ...defaults, rollingWindowDays: 30 }).views;
      const coldHtml = [html(coldViews.spreads()), html(coldViews.daysAbove()), html(coldViews.regimesChart())];
      clearRmpMemos();
      const a = openRmp(defaults).views;
      const spreads = a.spreads();
      const b = openRmp({ ...defaults, scenarioSizesUsdBnPerMonth: { A: 20, B: 50, C: 0 } }).views;
      expect(b.spreads()).toBe(spreads); // a scenario does not redraw the spreads
      const c = openRmp({ ...defaults, rollingWindowDays: 30 }).views;
      expect(c.spreads()).not.toBe(spreads); // the rolling window does
      expect([html(c.spreads()), html(c.daysAbove()), html(c.regimesChart())]).toEqual(coldHtml);
      expect(html(c.spreads())).not.toBe(html(spreads));
    },
    60_000,
  );

  it("the data load is reused while the files are unchanged, and is a fresh load after it is forgotten", () => {
    forgetRmpData();
    const a = loadRmpDataOnce();
    expect(loadRmpDataOnce()).toBe(a);
    forgetRmpData();
    const b = loadRmpDataOnce();
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });

  it("every memo stays within its capacity however many values are tried", () => {
    clearRmpMemos();
    for (let i = 0; i < 6; i++) {
      computeRmp(data, { ...defaults, bootstrapReplicates: 20 + i, curveFitTo: `2025-0${i + 3}-30` });
    }
    for (const [name, m] of rmpMemos()) expect(m.size, name).toBeLessThanOrEqual(8);
    expect(rmpMemos().get("rmp.bootstrap")!.size).toBeLessThanOrEqual(4);
  }, 120_000);
});

describe("stageMemo", () => {
  it("computes on a miss, reuses on a hit, drops the least recently used beyond its capacity", () => {
    const m = stageMemo<number>("test.lru", 2);
    let calls = 0;
    const f = (x: number) => () => (calls++, x * 10);
    expect(m.get("a", f(1))).toBe(10);
    expect(m.get("b", f(2))).toBe(20);
    expect(m.get("a", f(1))).toBe(10); // a is now the most recent
    expect(m.get("c", f(3))).toBe(30); // b dropped
    expect(calls).toBe(3);
    expect(m.get("a", f(1))).toBe(10);
    expect(m.get("b", f(2))).toBe(20);
    expect(calls).toBe(4);
    expect(m.size).toBe(2);
    expect(() => stageMemo("test.lru", 2)).toThrow(/exists already/);
  });

  it("keys name objects by identity and values by their JSON, in the picked order", () => {
    const o = {};
    expect(keyOf([o], pick({ x: 1, y: [2], z: 3 }, ["y", "x"]))).toBe(keyOf([o], { y: [2], x: 1 }));
    expect(keyOf([o], 1)).not.toBe(keyOf([{}], 1));
  });
});
