import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mean } from "d3-array";
import { beforeAll, describe, expect, it } from "vitest";
import { clearRmpMemos } from "../../../lib/articles/rmp-scenarios/memo.ts";
import { openRmp } from "../../../lib/articles/rmp-scenarios/notebook.ts";
import { rmpParams } from "../../../lib/articles/rmp-scenarios/params.ts";
import { abstract } from "../../../lib/articles/rmp-scenarios/prose.ts";
import { regimeOf, regimeThresholds, seededRandom } from "../../../lib/calc/reserveRegimes.ts";
import { unmark } from "../../../lib/format.ts";

const root = join(import.meta.dirname, "..", "..", "..");
/** A FRED CSV straight from data/, without qtlab's loaders. */
function raw(file: string): { date: string; value: number }[] {
  return readFileSync(join(root, "data", file), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")).filter((
    [, v],
  ) => v !== "." && v !== "").map(([d, v]) => ({ date: d, value: Number(v) }));
}

let run: ReturnType<typeof openRmp>["run"];
beforeAll(() => {
  run = openRmp(rmpParams.defaults).run;
});

describe("notebook 05: reserve regimes in the New York Fed's terms", () => {
  it("two boundaries: abundant/ample above ample/scarce, each with a band across slope rules and both spreads and a bootstrap band", () => {
    const g = run.result.regimes;
    expect(g.abundant.usdBn!).toBeGreaterThan(g.scarce.usdBn!);
    expect(g.abundantBand.readings).toHaveLength(6); // 3 slopes × 2 spreads
    expect(g.abundantBand.lo).toBeLessThanOrEqual(g.abundant.usdBn!);
    expect(g.abundantBand.hi).toBeGreaterThanOrEqual(g.abundant.usdBn!);
    expect(g.abundantBootstrap!.lo).toBeLessThan(g.abundantBootstrap!.hi);
    expect(g.replicates).toBe(200);
  });
  it('the 1bp-per-$100bn reading that used to be called "ample" is now the abundant/ample boundary, and a steeper one splits off scarce', () => {
    const c = run.result.model.fit.curve;
    const gdp = run.result.regimes.gdp.usdBn;
    const t = regimeThresholds(c, gdp, 1, 5);
    expect(run.result.model.fit.thresholdSharePct).toBeCloseTo(t.abundantSharePct!, 9);
    expect(regimeOf(t.abundantSharePct! + 0.01, t)).toBe("abundant");
    expect(regimeOf((t.abundantSharePct! + t.scarceSharePct!) / 2, t)).toBe("ample");
    expect(regimeOf(t.scarceSharePct! - 0.01, t)).toBe("scarce");
    expect(() => regimeThresholds(c, gdp, 5, 1)).toThrow(/must be below/);
  });
  it("the latest week's reserves are the raw WRESBAL value of that week", () => {
    const res = raw("WRESBAL.csv");
    const l = run.result.regimes.latest;
    expect(l.reservesUsdBn).toBeCloseTo(res.find((r) => r.date === l.weekEnding)!.value / 1000, 6);
  });
  it("the curve is fitted to the cut-off and tested on every later week with a spread and a GDP quarter", () => {
    const o = run.result.outOfSample!;
    const later = run.result.fullSample.filter((p) => p.weekEnding > rmpParams.defaults.curveFitTo);
    expect(run.result.model.fit.sample.every((p) => p.weekEnding <= rmpParams.defaults.curveFitTo)).toBe(true);
    expect(o.n).toBe(later.length);
    expect(o.above + o.below).toBeLessThanOrEqual(o.n);
    expect(o.n).toBeGreaterThan(0);
  });
  it("the bootstrap is deterministic: the same seed gives the same bands", () => {
    clearRmpMemos(); // a cold computation, not the memoised bootstrap
    const again = openRmp(rmpParams.defaults).run.result.regimes;
    expect(again.abundantBootstrap).toEqual(run.result.regimes.abundantBootstrap);
    const r = seededRandom(7);
    const s = seededRandom(7);
    expect([r(), r(), r()]).toEqual([s(), s(), s()]);
  });
});

describe("notebook 05: volatility baseline and like-for-like strain", () => {
  it("the VIX baseline is the 20 trading days before the article, recomputed from the raw file, not the mean of 2025", () => {
    const vix = raw("VIXCLS.csv");
    const before = vix.filter((r) => r.date < "2025-12-10").slice(-20);
    expect(run.result.vix.chosen.baseline).toBeCloseTo(mean(before, (r) => r.value)!, 9);
    expect(run.result.vix.fullYear2025).toBeCloseTo(
      mean(vix.filter((r) => r.date.startsWith("2025")), (r) => r.value)!,
      9,
    );
    expect(run.result.vix.chosen.baseline).not.toBeCloseTo(run.result.vix.fullYear2025, 3);
  });
  it("RMP-8 compares the same measure in both years: the day SOFR exceeded the top of the range most (2019-09-17 in 2019)", () => {
    const sofr = raw("SOFR.csv");
    const top = new Map(raw("DFEDTARU.csv").map((r) => [r.date, r.value]));
    const over2019 = sofr.filter((r) => r.date.startsWith("2019") && top.has(r.date)).map((r) => ({
      date: r.date,
      over: r.value - top.get(r.date)!,
    }));
    const max2019 = over2019.reduce((a, b) => (b.over > a.over ? b : a));
    expect(max2019.date).toBe("2019-09-17");
    expect(run.result.facts.strain2019.date).toBe(max2019.date);
    expect(run.claims.find((c) => c.id === "RMP-8")!.reason).toMatch(/^Like with like/);
  });
});

describe("notebook 05: prose follows the assumptions", () => {
  it("probabilities toward C move the expected purchases out of scenario A's range, and the abstract says so", () => {
    expect(unmark(abstract(run))).toMatch(
      /expected purchases are \$26\.6bn\/month, inside scenario A's \$20–30bn range/,
    );
    const c = openRmp({ ...rmpParams.defaults, scenarioProbabilities: { A: 0.1, B: 0.2, C: 0.7 } }).run;
    expect(c.result.expectedPurchasesUsdBnPerMonth).toBeLessThan(20);
    expect(unmark(abstract(c))).toMatch(/outside scenario A's \$20–30bn range/);
  });
});
