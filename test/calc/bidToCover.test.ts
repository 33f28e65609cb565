import { describe, expect, test } from "vitest";
import {
  auctionKind,
  bidToCoverExFed,
  bidToCoverHistory,
  bidToCoverRatio,
  somaAddOnUsdBn,
  termYears,
} from "../../lib/calc/bidToCover.ts";
import { loadAuctions } from "../../lib/data/auctions.ts";

const a = (auctionDate: string, securityTerm: string, bidToCover: number, highYieldPct: number | undefined = 4.2) => ({
  auctionDate,
  securityType: "Note",
  securityTerm,
  offeringUsdBn: 58,
  tenderedUsdBn: bidToCover * 58,
  acceptedUsdBn: 58,
  bidToCover,
  highYieldPct,
});

describe("bidToCoverRatio and the Fed's add-on", () => {
  test("bids ÷ accepted, by hand", () => {
    expect(bidToCoverRatio(150, 60)).toBe(2.5);
    expect(() => bidToCoverRatio(150, 0)).toThrow(/positive/);
  });
  test("3-year of 2026-08-11: $72.67bn accepted against $58bn offered → $14.67bn add-on; ex-Fed ratio 2.71 as published", () => {
    const x = { tenderedUsdBn: 171.9712, acceptedUsdBn: 72.6706, offeringUsdBn: 58 };
    expect(somaAddOnUsdBn(x)).toBeCloseTo(14.6706, 9);
    expect(bidToCoverRatio(x.tenderedUsdBn, x.acceptedUsdBn)).toBeCloseTo(2.366, 3); // not the published 2.71
    expect(bidToCoverExFed(x)).toBeCloseTo(2.71, 2);
  });
  test("reproduces every published ratio in the shipped file to 2 decimals", () => {
    const bad = loadAuctions().filter((x) =>
      x.bidToCover !== undefined && Math.abs(bidToCoverExFed(x) - x.bidToCover) > 0.0051
    );
    expect(bad.map((x) => `${x.auctionDate} ${x.securityTerm}`)).toEqual([]);
  });
});

describe("termYears(term) and auctionKind(auction)", () => {
  test("original tenors, reopenings rounded up", () => {
    expect(
      [
        "10-Year",
        "9-Year 10-Month",
        "9-Year 11-Month",
        "3-Year",
        "29-Year 6-Month",
        "1-Year 10-Month",
        "13-Week",
        "42-Day",
      ].map(termYears),
    ).toEqual([
      10,
      10,
      10,
      3,
      30,
      2,
      0.25,
      42 / 364,
    ]);
    expect(() => termYears("Perpetual")).toThrow(/cannot read/);
  });
  test("bills by type, FRNs without a yield, TIPS below the real-yield threshold", () => {
    expect(auctionKind({ securityType: "Bill", highYieldPct: 4 })).toBe("bill");
    expect(auctionKind({ securityType: "Note", highYieldPct: undefined })).toBe("FRN");
    expect(auctionKind({ securityType: "Note", highYieldPct: 2.438 })).toBe("TIPS");
    expect(auctionKind({ securityType: "Note", highYieldPct: 4.468 })).toBe("nominal coupon");
  });
});

describe("bidToCoverHistory(auctions, tenor, options)", () => {
  const rows = bidToCoverHistory(
    [
      a("2026-04-07", "3-Year", 2.68),
      a("2026-05-11", "3-Year", 2.54),
      a("2026-06-09", "3-Year", 2.64),
      a("2026-07-07", "3-Year", 2.6),
      a("2026-07-23", "10-Year", 2.3, 2.438),
      a("2026-08-11", "3-Year", 2.71),
    ],
    3,
    { trailingAuctions: 3 },
  );
  test("trailing mean of the previous 3 published ratios, by hand", () => {
    expect(rows.map((r) => r.auctionDate)).toEqual([
      "2026-04-07",
      "2026-05-11",
      "2026-06-09",
      "2026-07-07",
      "2026-08-11",
    ]);
    expect(rows[0].trailingMean).toBeUndefined();
    expect(rows[1].trailingMean).toBeCloseTo(2.68, 12);
    expect(rows[4].trailingMean).toBeCloseTo((2.54 + 2.64 + 2.6) / 3, 12);
    expect(rows[4].vsTrailing).toBeCloseTo(2.71 - 2.5933333333, 9);
    expect(rows[4].trailingCount).toBe(3);
  });
  test("lowestSoFar marks a new low, never the first auction", () => {
    expect(rows.map((r) => r.lowestSoFar)).toEqual([false, true, false, false, false]);
  });
  test("TIPS of the same term are left out of the nominal family", () => {
    expect(bidToCoverHistory([a("2026-07-23", "10-Year", 2.3, 2.438)], 10)).toEqual([]);
  });
});
