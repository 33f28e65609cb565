import { describe, expect, test } from "vitest";
import {
  inWindow,
  levelChanges,
  levelStats,
  shareWithinBand,
  spellsNearLevel,
  stepSummary,
} from "../../lib/calc/levelWindow.ts";

// Weekly total assets in $bn (made-up round numbers on real Wednesdays).
const w = [
  { date: "2025-11-05", value: 6600 },
  { date: "2025-11-12", value: 6560 },
  { date: "2025-11-19", value: 6540 },
  { date: "2025-11-26", value: 6420 },
  { date: "2025-12-03", value: 6545 },
  { date: "2025-12-10", value: 6560 },
  { date: "2025-12-17", value: 6700 },
];

describe("levelStats(rows, from, to)", () => {
  test("first, last, min, max and mean over the window", () => {
    const s = levelStats(w, "2025-11-12", "2025-12-10");
    expect(s.n).toBe(5);
    expect(s.first).toEqual({ date: "2025-11-12", value: 6560 });
    expect(s.last).toEqual({ date: "2025-12-10", value: 6560 });
    expect(s.min).toEqual({ date: "2025-11-26", value: 6420 });
    expect(s.max!.value).toBe(6560);
    expect(s.mean).toBeCloseTo((6560 + 6540 + 6420 + 6545 + 6560) / 5, 9);
  });

  test("an empty window gives n = 0 and undefined figures", () => {
    expect(levelStats(w, "2026-01-01")).toEqual({
      n: 0,
      first: undefined,
      last: undefined,
      min: undefined,
      max: undefined,
      mean: undefined,
    });
    expect(inWindow(w, undefined, "2025-11-05")).toHaveLength(1);
  });
});

describe("shareWithinBand(rows, level, bandFrac, from, to)", () => {
  test("hand-worked: ±1% of 6,550 is 6,484.5..6,615.5, so 5 of 7 weeks; the farthest is 6,700 (+2.29%)", () => {
    const b = shareWithinBand(w, 6550, 0.01);
    expect(b.n).toBe(7);
    expect(b.nWithin).toBe(5);
    expect(b.shareWithinFrac).toBeCloseTo(5 / 7, 12);
    expect(b.farthest).toMatchObject({ date: "2025-12-17", value: 6700 });
    expect(b.farthest!.distanceFrac).toBeCloseTo(150 / 6550, 12);
  });

  test("refuses a negative band or a zero level", () => {
    expect(() => shareWithinBand(w, 6550, -0.1)).toThrow(/bandFrac/);
    expect(() => shareWithinBand(w, 0, 0.1)).toThrow(/zero/);
  });
});

describe("spellsNearLevel(rows, level, bandFrac)", () => {
  test("runs of consecutive weeks within the band; one week outside ends a run", () => {
    const spells = spellsNearLevel(w, 6550, 0.005); // 6,517.25..6,582.75
    expect(spells.map((s) => [s.first.date, s.last.date, s.n])).toEqual([
      ["2025-11-12", "2025-11-19", 2],
      ["2025-12-03", "2025-12-10", 2],
    ]);
    expect(spells[1].closest).toEqual({ date: "2025-12-03", value: 6545 });
    expect(spellsNearLevel(w, 7400, 0.01)).toEqual([]);
  });
});

describe("stepSummary(rows, from, to)", () => {
  test("counts rises and falls between consecutive observations and the total change", () => {
    expect(stepSummary(w)).toEqual({ nSteps: 6, nUp: 3, nDown: 3, totalChange: 100 });
    expect(stepSummary(w, "2025-12-03")).toEqual({ nSteps: 2, nUp: 2, nDown: 0, totalChange: 155 });
    expect(stepSummary(w, "2025-12-17")).toEqual({ nSteps: 0, nUp: 0, nDown: 0, totalChange: undefined });
  });
});

describe("levelChanges(rows, from, to)", () => {
  test("each date where a step series changes, with the value before and after", () => {
    const upper = [
      { date: "2025-12-09", value: 4.0 },
      { date: "2025-12-10", value: 4.0 },
      { date: "2025-12-11", value: 3.75 },
      { date: "2025-12-12", value: 3.75 },
    ];
    expect(levelChanges(upper)).toEqual([{
      before: { date: "2025-12-10", value: 4.0 },
      after: { date: "2025-12-11", value: 3.75 },
      change: -0.25,
    }]);
    expect(levelChanges(upper, "2025-12-12")).toEqual([]);
  });
});
