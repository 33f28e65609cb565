import { describe, expect, it } from "vitest";
import {
  alsoRequires,
  assertComplete,
  type Claim,
  compare,
  condition,
  distance,
  notCheckable,
  RULES,
  verdictByRule,
  verdictForDistance,
  weakest,
} from "../../lib/claims/verdict.ts";

const ctx = { articleDate: "2025-12-10" };

describe("lib/claims/verdict.ts: one rulebook", () => {
  it("verdictForDistance applies the tie rule: a distance on a bound counts as within it", () => {
    expect(verdictForDistance(0.02, RULES.publishedLevel)).toBe("holds");
    expect(verdictForDistance(0.1 + 2e-12, RULES.publishedLevel)).toBe("roughly holds");
    expect(verdictForDistance(0.1000001, RULES.publishedLevel)).toBe("does not hold");
    expect(verdictForDistance(5, RULES.rateBp)).toBe("holds");
    expect(() => verdictForDistance(-1, RULES.rateBp)).toThrow(/≥ 0/);
  });
  it("distance is 0 inside a range or bound and measured to the nearest end outside it", () => {
    expect(distance({ kind: "range", lo: 20, hi: 30, unit: "usdBnPerMonth" }, 25, RULES.roundedFigure)).toBe(0);
    expect(distance({ kind: "range", lo: 20, hi: 30, unit: "usdBnPerMonth" }, 33, RULES.roundedFigure)).toBeCloseTo(
      0.1,
    );
    expect(distance({ kind: "atLeast", value: 45, unit: "usdBnPerMonth" }, 50, RULES.roundedFigure)).toBe(0);
    expect(distance({ kind: "value", value: 100, unit: "bp" }, 112, RULES.rateBp)).toBe(12);
    expect(distance({ kind: "date", date: "2025-12-01" }, "2025-12-12", RULES.eventDate)).toBe(11);
    expect(() => distance({ kind: "value", value: 1, unit: "bp" }, NaN, RULES.rateBp)).toThrow(/finite/);
  });
  it("compare() states the figures, the distance and the rule, and flags data after the article", () => {
    const c = compare(ctx, {
      id: "X-1",
      claim: "total assets fell to about $6,600bn",
      article: { kind: "value", value: 6600, unit: "usdBn", approx: true },
      data: { kind: "value", value: 6552.3, unit: "usdBn", when: { to: "2025-12-03" } },
      rule: "roundedFigure",
    });
    expect(c.verdict).toBe("holds");
    expect(c.reason).toMatch(
      /^\$6,552bn \(2025-12-03\) against about \$6,600bn: 0\.7% apart \(roundedFigure: holds within 5%, roughly within 20%\)/,
    );
    expect(c.usesLaterData).toBe(false);
    const later = compare(ctx, {
      ...c,
      data: { kind: "value", value: 6700, unit: "usdBn", when: { from: "2026-01", to: "2026-07" } },
      rule: "roundedFigure",
    });
    expect(later.usesLaterData).toBe(true);
  });
  it("condition() and notCheckable() carry their reasons; weakest() ignores not-checkable parts", () => {
    const yes = condition(ctx, {
      id: "X-2",
      claim: "SOFR rose above IORB",
      article: { kind: "statement", text: "SOFR above IORB" },
      data: { kind: "count", count: 69, of: 249, what: "days", when: { from: "2025-01-02", to: "2025-12-31" } },
      holds: true,
      reason: "69 days above",
    });
    expect(yes.verdict).toBe("holds");
    expect(yes.usesLaterData).toBe(true);
    const na = notCheckable(ctx, {
      id: "X-3",
      claim: "QT strengthens the dollar",
      article: { kind: "statement", text: "stronger dollar" },
      missing: "a dollar index",
    });
    expect(na.verdict).toBe("not checkable");
    expect(na.reason).toMatch(/a dollar index/);
    expect(weakest(["holds", "not checkable", "roughly holds"])).toBe("roughly holds");
    expect(weakest(["not checkable"])).toBe("not checkable");
  });
  it("assertComplete() refuses missing, extra, duplicated and out-of-order claims", () => {
    const mk = (id: string): Claim =>
      notCheckable(ctx, { id, claim: "c", article: { kind: "statement", text: "s" }, missing: "m" });
    expect(() => assertComplete([mk("A-1"), mk("A-2")], ["A-1", "A-2"])).not.toThrow();
    expect(() => assertComplete([mk("A-1")], ["A-1", "A-2"])).toThrow(/missing A-2/);
    expect(() => assertComplete([mk("A-2"), mk("A-1")], ["A-1", "A-2"])).toThrow(/out of order/);
    expect(() => assertComplete([mk("A-1"), mk("A-1"), mk("A-2")], ["A-1", "A-2"])).toThrow(/duplicated A-1/);
  });
});

describe("alsoRequires", () => {
  const base = condition({ articleDate: "2025-01-01" }, {
    id: "X-1",
    claim: "a claim",
    article: { kind: "statement", text: "s" },
    data: { kind: "count", count: 1, of: 1, what: "w", when: { to: "2024-12-31" } },
    holds: true,
    reason: "first",
  });
  it("takes the weakest verdict of the claim and its parts, and states each part with its verdict", () => {
    const c = alsoRequires(base, [{ verdict: "holds", text: "part a" }, { verdict: "roughly holds", text: "part b" }]);
    expect(c.verdict).toBe("roughly holds");
    expect(c.reason).toBe("first. Also: part a (holds); part b (roughly holds).");
  });
  it("leaves a claim without parts as it is", () => {
    expect(alsoRequires(base, [])).toBe(base);
  });
});

describe("verdictByRule", () => {
  it("is the named rule's verdict on the distance, as verdictForDistance(distance(…)) gives it", () => {
    const fig = { kind: "value", value: 60, unit: "usdBnPerMonth" } as const;
    expect(verdictByRule(fig, 58.4, "holdingsMonthUsdBn")).toBe("holds");
    expect(verdictByRule(fig, 56.5, "holdingsMonthUsdBn")).toBe("roughly holds");
    expect(verdictByRule(fig, 50, "holdingsMonthUsdBn")).toBe(
      verdictForDistance(distance(fig, 50, RULES.holdingsMonthUsdBn), RULES.holdingsMonthUsdBn),
    );
  });
});
