import { readFileSync } from "node:fs";
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
    recompute: ["rmp.scenarios", "rmp.fans"],
  },
  { name: "the horizon", change: { horizonMonths: 36 }, recompute: ["rmp.scenarios", "rmp.fans", "rmp.sensitivity"] },
  { name: "the fans' band", change: { fanBandQuantiles: [0.05, 0.95] }, recompute: ["rmp.fans"] },
  { name: "the sensitivity grid", change: { sensitivityCurveShiftsPp: [-1, 0, 1] }, recompute: ["rmp.sensitivity"] },
  { name: "the days-above start", change: { daysAboveFrom: "2025-01-01" }, recompute: ["rmp.daysAbove"] },
  {
    name: "GDP growth (a claim's figure reads it)",
    change: { nominalGdpGrowthPctPerYear: 4 },
    recompute: ["rmp.facts", "rmp.scenarios", "rmp.fans", "rmp.sensitivity"],
  },
  {
    name: "the fit's cut-off",
    change: { curveFitTo: "2025-06-30" },
    recompute: ["rmp.base", "rmp.fit", "rmp.bootstrap", "rmp.regimes", "rmp.scenarios", "rmp.fans", "rmp.sensitivity"],
  },
  {
    name: "the curve's form",
    change: { curveForm: "logistic" },
    recompute: ["rmp.base", "rmp.fit", "rmp.bootstrap", "rmp.regimes", "rmp.scenarios", "rmp.fans", "rmp.sensitivity"],
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

const DISPLAY = Symbol.for("Jupyter.display");
type Shown = { [DISPLAY](): Record<string, string> };

/** The display calls of notebook 05's code cells (`rmp.findings()`, `rmp.views.spreads()`, …), as paths. */
const CALLS: string[][] = (JSON.parse(readFileSync("notebooks/05-rmp-scenarios.ipynb", "utf8")).cells as {
  cell_type: string;
  source: string | string[];
}[])
  .filter((c) => c.cell_type === "code")
  .map((c) => /^rmp\.([\w.]+)\(\)$/.exec((Array.isArray(c.source) ? c.source.join("") : c.source).trim()))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => m[1].split("."));

/** Every display the notebook shows, by its call (`views.sensitivity`), as the kernel gets it. */
function shownBy(nb: ReturnType<typeof openRmp>): Record<string, Shown> {
  return Object.fromEntries(CALLS.map((path) => {
    let owner = nb as unknown as Record<string, unknown>;
    for (const k of path.slice(0, -1)) owner = owner[k] as Record<string, unknown>;
    return [path.join("."), (owner[path[path.length - 1]] as () => Shown)()];
  }));
}

/**
 * Each display's MIME bundle as the kernel publishes it (JSON). The spreads chart carries a clip-path id
 * from Plot's counter across every chart drawn in the process, which no two draws share: it is left out
 * (no other display of the notebook carries such an id).
 */
function bundles(shown: Record<string, Shown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(shown).map(([k, v]) => [k, JSON.stringify(v[DISPLAY]()).replace(/plot-clip-\d+/g, "plot-clip")]),
  );
}

const withA = (usdBnPerMonth: number): Params => ({
  ...defaults,
  scenarioSizesUsdBnPerMonth: { ...defaults.scenarioSizesUsdBnPerMonth, A: usdBnPerMonth },
});

describe("notebook 05's displays on a rerun: reused when their inputs are unchanged, redrawn when not", () => {
  const UNCHANGED = [
    "views.spreads",
    "views.daysAbove",
    "views.regimesChart",
    "views.regimesTable",
    "views.bandReadings",
    "views.vixTable",
  ];
  const REDRAWN = [
    "views.liveExpected",
    "views.liveFan",
    "views.liveScenarioTable",
    "views.extrapolationTable",
    "views.realisedChart",
    "views.realisedTable",
    "views.sensitivity",
  ];

  it(
    "after a scenario's size changes every display is byte for byte a cold run's; the scenario's displays are drawn again",
    () => {
      clearRmpMemos();
      const cold = bundles(shownBy(openRmp(withA(30))));
      clearRmpMemos();
      const a = shownBy(openRmp(defaults));
      const aBundles = bundles(a);
      const b = shownBy(openRmp(withA(30)));
      expect(bundles(b)).toEqual(cold);
      for (const k of UNCHANGED) expect(b[k], k).toBe(a[k]);
      for (const k of REDRAWN) {
        expect(b[k], k).not.toBe(a[k]);
        expect(bundles(b)[k], k).not.toBe(aBundles[k]);
      }
      // Whatever shows different figures was drawn again; what is reused shows what a cold run shows.
      for (const k of Object.keys(b)) if (bundles(b)[k] !== aBundles[k]) expect(b[k], k).not.toBe(a[k]);
      // Back to the defaults: the displays drawn for them a moment ago, exactly.
      const c = shownBy(openRmp(defaults));
      for (const k of [...UNCHANGED, ...REDRAWN]) expect(c[k], k).toBe(a[k]);
      expect(bundles(c)).toEqual(aBundles);
    },
    120_000,
  );

  it(
    "scenario A at $60bn/month: the charts show the new size, and the prose, the findings and the claims follow",
    () => {
      clearRmpMemos();
      const cold = bundles(shownBy(openRmp(withA(60))));
      clearRmpMemos();
      const before = bundles(shownBy(openRmp(defaults)));
      const after = bundles(shownBy(openRmp(withA(60))));
      expect(after).toEqual(cold);
      for (const k of ["findings", "claims", "header", "prose.scenarios", "prose.realised", "prose.conclusion"]) {
        expect(after[k], k).not.toBe(before[k]);
      }
      // The sensitivity chart marks scenario A over the purchase size nearest its own: 25, then 60 (further right).
      const markA = (html: string) => Number(/translate\((\d+),\d+\)\\" y=\\"0.71em\\">A</.exec(html)?.[1]);
      expect(markA(after["views.sensitivity"])).toBeGreaterThan(markA(before["views.sensitivity"]));
      expect(after["views.liveFan"].includes("$60bn/mo"), "the fan's legend").toBe(true);
      expect(before["views.liveFan"].includes("$60bn/mo"), "the fan's legend").toBe(false);
      expect(after["views.realisedChart"].includes("A $60bn"), "the realised chart's legend").toBe(true);
    },
    120_000,
  );

  it(
    "a size moved within the sensitivity grid's column keeps that chart, byte for byte a cold run's; the scenario's other displays are drawn again",
    () => {
      clearRmpMemos();
      const cold = bundles(shownBy(openRmp(withA(26))));
      clearRmpMemos();
      const a = shownBy(openRmp(defaults)); // A at 25
      const b = shownBy(openRmp(withA(26))); // nearest grid column still 25
      expect(bundles(b)).toEqual(cold);
      expect(b["views.sensitivity"]).toBe(a["views.sensitivity"]);
      for (const k of ["views.liveFan", "views.realisedChart"]) expect(b[k], k).not.toBe(a[k]);
    },
    120_000,
  );

  it("every display memo stays within its capacity however many sizes are tried", () => {
    clearRmpMemos();
    for (let i = 0; i < 7; i++) shownBy(openRmp(withA(10 + 5 * i)));
    const views = [...rmpMemos()].filter(([n]) => n.startsWith("rmp.view."));
    expect(views.length).toBeGreaterThanOrEqual(13);
    for (const [name, m] of views) expect(m.size, name).toBeLessThanOrEqual(4);
    expect(rmpMemos().get("rmp.view.sensitivity")!.computed).toBe(7);
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
