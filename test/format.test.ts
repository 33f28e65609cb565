import { describe, expect, it } from "vitest";
import { countOf, dateLong, fmt, list, mark, monthLong, range, share, signed, unmark } from "../lib/format.ts";

describe("lib/format.ts: one way to read each unit", () => {
  it("fmt(value, unit) reads $bn, $tn, bp, %, pp and time units", () => {
    expect(fmt(1234.4, "usdBn")).toBe("$1,234bn");
    expect(fmt(-45.2, "usdBn")).toBe("−$45bn");
    expect(fmt(3.456, "usdTn")).toBe("$3.46tn");
    expect(fmt(25, "usdBnPerMonth", { trim: true })).toBe("$25bn/month");
    expect(fmt(3.5, "usdBnPerMonth", { trim: true })).toBe("$3.5bn/month");
    expect(fmt(-12, "bp")).toBe("−12bp");
    expect(fmt(10.76, "pctOfGdp")).toBe("10.8% of GDP");
    expect(fmt(1, "months")).toBe("1 month");
    expect(fmt(24, "months")).toBe("24 months");
  });
  it("a value that rounds to zero reads without a minus sign; a missing one reads n/a", () => {
    expect(fmt(-0.2, "bp")).toBe("0bp");
    expect(signed(-0.2, "bp")).toBe("0bp");
    expect(fmt(undefined, "usdBn")).toBe("n/a");
    expect(fmt(NaN, "pct")).toBe("n/a");
  });
  it("signed(value, unit) always carries + or −", () => {
    expect(signed(3.46, "pct")).toBe("+3.5%");
    expect(signed(-45, "usdBn")).toBe("−$45bn");
    expect(signed(108, "bp")).toBe("+108bp");
  });
  it("range(lo, hi, unit) writes the unit once, and 'to' when an end is negative", () => {
    expect(range(20, 30, "usdBnPerMonth", { trim: true })).toBe("$20–30bn/month");
    expect(range(-5, 5, "bp")).toBe("−5bp to 5bp");
    expect(range(3, 3, "months")).toBe("3 months");
  });
  it("shares, counts, dates, months and lists", () => {
    expect(share(0.254)).toBe("25%");
    expect(countOf(5, 7)).toBe("5 of 7 (71%)");
    expect(countOf(0, 0)).toBe("0 of 0");
    expect(dateLong("2025-04-03")).toBe("3 April 2025");
    expect(monthLong("2025-12-10")).toBe("December 2025");
    expect(list(["A", "B", "C"])).toBe("A, B and C");
    expect(() => dateLong("2025-02-30")).toThrow(/not an ISO date/);
  });
  it("mark(key, text) survives unmark as the plain text and refuses its own delimiters", () => {
    const s = `Purchases sit closest to ${mark("fig:closest", "A")}.`;
    expect(unmark(s)).toBe("Purchases sit closest to A.");
    expect(() => mark("a|b", "x")).toThrow(/may not contain/);
  });
});
