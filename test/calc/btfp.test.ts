import { describe, expect, test } from "vitest";
import { annualCarryUsdMn, breakEvenOisPct, BTFP_PROGRAM, btfpCarryBp, btfpLoanRatePct } from "../../lib/calc/btfp.ts";

describe("BTFP_PROGRAM: the published dates and terms", () => {
  test("opened 2023-03-12, new loans until 2024-03-11, up to one year, OIS + 10bp, par collateral, IORB floor from 2024-01-24", () => {
    expect(BTFP_PROGRAM).toMatchObject({
      announced: "2023-03-12",
      lastNewLoanDate: "2024-03-11",
      maxTermYears: 1,
      rateSpreadOverOisBp: 10,
      collateralValuation: "par",
      iorbFloorFrom: "2024-01-24",
    });
    expect(BTFP_PROGRAM.source).toMatch(/2023-03-12.*2024-01-24/);
  });
});

describe("btfpLoanRatePct(ois, iorb) and btfpCarryBp(ois, iorb)", () => {
  test("original terms: 1-year OIS 4.80% + 10bp = 4.90%; against IORB 5.40% the carry is 50bp", () => {
    expect(btfpLoanRatePct(4.8, 5.4)).toBeCloseTo(4.9, 12);
    expect(btfpCarryBp(4.8, 5.4)).toBe(50);
  });

  test("OIS above the break-even gives a negative carry", () => {
    expect(btfpCarryBp(5.5, 5.4)).toBe(-20);
    expect(breakEvenOisPct(5.4)).toBeCloseTo(5.3, 12);
    expect(btfpCarryBp(breakEvenOisPct(5.4), 5.4)).toBe(0);
  });

  test("loans made from 2024-01-24 are floored at IORB: no carry; loans before keep the original terms", () => {
    expect(btfpLoanRatePct(4.8, 5.4, { loanDate: "2024-01-24" })).toBe(5.4);
    expect(btfpCarryBp(4.8, 5.4, { loanDate: "2024-02-01" })).toBe(0);
    expect(btfpCarryBp(4.8, 5.4, { loanDate: "2024-01-23" })).toBe(50);
    // The floor binds only from below: a loan rate above IORB stays as it is.
    expect(btfpLoanRatePct(5.5, 5.4, { loanDate: "2024-02-01" })).toBeCloseTo(5.6, 12);
  });

  test("the spread is an option", () => {
    expect(btfpCarryBp(4.8, 5.4, { spreadBp: 0 })).toBe(60);
  });

  test("refuses a non-finite rate", () => {
    expect(() => btfpLoanRatePct(NaN, 5.4)).toThrow(/finite/);
  });
});

test("annualCarryUsdMn(loan $bn, carry bp): $1bn at 50bp earns $5mn a year", () => {
  expect(annualCarryUsdMn(1, 50)).toBeCloseTo(5, 12);
  expect(annualCarryUsdMn(100, -20)).toBeCloseTo(-200, 12);
});
