import { describe, expect, test } from "vitest";
import {
  assertClaimsComplete,
  type ClaimCheck,
  claimIds,
  verdictCounts,
  verdictForCondition,
  verdictForDifference,
  verdictForValue,
  weakestVerdict,
} from "../../lib/claims/claims.ts";
import { claimsTable } from "../../lib/plot/claimChecksTable.ts";

const check = (id: string, verdict: ClaimCheck["verdict"] = "holds"): ClaimCheck => ({
  id,
  claim: "a claim",
  articleFigure: "$1bn",
  dataFigure: "$1bn",
  verdict,
  note: "note",
});

describe("verdictForValue(article, data, tolerance)", () => {
  test("holds within 2%, roughly within 10%, otherwise does not hold (defaults)", () => {
    expect(verdictForValue(8965.4, 8965.487)).toBe("holds");
    expect(verdictForValue(100, 98)).toBe("holds");
    expect(verdictForValue(100, 97.9)).toBe("roughly holds");
    expect(verdictForValue(100, 110)).toBe("roughly holds");
    expect(verdictForValue(100, 111)).toBe("does not hold");
    expect(verdictForValue(7400, 6550)).toBe("does not hold");
  });
  test("custom tolerances and a zero article figure", () => {
    expect(verdictForValue(100, 104, { holds: 0.05 })).toBe("holds");
    expect(verdictForValue(0, 0)).toBe("holds");
    expect(verdictForValue(0, 0.5)).toBe("does not hold");
  });
  test("refuses a missing figure instead of guessing", () => {
    expect(() => verdictForValue(100, Number.NaN)).toThrow(/finite/);
    expect(() => verdictForValue(Number.POSITIVE_INFINITY, 1)).toThrow(/finite/);
  });
});

describe("verdictForDifference, verdictForCondition, weakestVerdict", () => {
  test("absolute tolerance in the figures' unit", () => {
    expect(verdictForDifference(4.41, 4.43, 0.05, 0.15)).toBe("holds");
    expect(verdictForDifference(30, 18, 5, 15)).toBe("roughly holds");
    expect(verdictForDifference(30, 10, 5, 15)).toBe("does not hold");
  });
  test("conditions and the weakest of several parts", () => {
    expect(verdictForCondition(true)).toBe("holds");
    expect(verdictForCondition(false)).toBe("does not hold");
    expect(weakestVerdict(["holds", "roughly holds"])).toBe("roughly holds");
    expect(weakestVerdict(["holds", "not checkable offline"])).toBe("holds");
    expect(weakestVerdict(["not checkable offline"])).toBe("not checkable offline");
    expect(weakestVerdict(["holds", "does not hold", "roughly holds"])).toBe("does not hold");
    expect(() => weakestVerdict([])).toThrow();
  });
});

describe("assertClaimsComplete(checks, ids)", () => {
  const ids = claimIds("RMP", 3);
  test("claimIds numbers from 1", () => expect(ids).toEqual(["RMP-1", "RMP-2", "RMP-3"]));
  test("passes a complete table", () =>
    expect(() => assertClaimsComplete(ids.map((id) => check(id)), ids)).not.toThrow());
  test("names missing, unexpected and duplicated ids", () => {
    const checks = [check("RMP-1"), check("RMP-1"), check("RMP-4")];
    expect(() => assertClaimsComplete(checks, ids)).toThrow(
      "claims table incomplete: missing RMP-2, RMP-3; unexpected RMP-4; duplicated RMP-1",
    );
  });
  test("refuses an empty figure or an unknown verdict", () => {
    const bad = [check("RMP-1"), { ...check("RMP-2"), dataFigure: "" }, {
      ...check("RMP-3"),
      verdict: "maybe" as never,
    }];
    expect(() => assertClaimsComplete(bad, ids)).toThrow(
      /RMP-2: empty claim, figure or note; RMP-3: unknown verdict "maybe"/,
    );
  });
});

describe("claimsTable(checks)", () => {
  test("one row per claim, verdicts coloured, counts in the caption, text escaped", () => {
    const checks = [check("X-1"), check("X-2", "does not hold"), {
      ...check("X-3", "not checkable offline"),
      note: "<no data>",
    }];
    const html = claimsTable(checks).outerHTML;
    expect(html.match(/<tr>/g)?.length).toBe(4);
    expect(html).toContain("1 holds");
    expect(html).toContain("1 does not hold");
    expect(html).toContain("&lt;no data&gt;");
    expect(html).toMatch(/<td style="[^"]*background:#fbe1df[^"]*" class="verdict-not">does not hold</);
    expect(verdictCounts(checks)).toEqual({
      holds: 1,
      "roughly holds": 0,
      "does not hold": 1,
      "not checkable offline": 1,
    });
  });
});
