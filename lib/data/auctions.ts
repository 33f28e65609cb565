/**
 * U.S. Treasury auction results (TreasuryDirect "auctioned securities"), one row per auction. Only the
 * window the shipped snapshot covers: coupons from about March 2026, bills from April 2026 (no 2025
 * auctions). `total_accepted` includes Fed SOMA add-ons for some auctions, so the published
 * bid-to-cover ratio is kept as published rather than recomputed.
 *
 * FROM: amounts in USD, rates in percent. TO: amounts in $bn, rates in pct.
 */
import { type LoadOptions, readDataFile } from "./manifest.ts";
import { DataValidationError, isoDayNumber, parseNumber, readCsvColumns } from "./series.ts";

export const AUCTION_COLUMNS = [
  "auction_date",
  "issue_date",
  "maturity_date",
  "security_type",
  "security_term",
  "cusip",
  "offering_amt",
  "total_tendered",
  "total_accepted",
  "bid_to_cover_ratio",
  "high_yield_or_rate",
  "interest_rate",
  "primary_dealer_accepted",
  "direct_bidder_accepted",
  "indirect_bidder_accepted",
] as const;

/** One auction. Amounts in $bn; rates in pct; `highYieldPct` is undefined for FRNs (no yield). */
export interface Auction {
  auctionDate: string;
  issueDate: string;
  maturityDate: string;
  securityType: string;
  securityTerm: string;
  cusip: string;
  offeringUsdBn: number;
  tenderedUsdBn: number;
  acceptedUsdBn: number;
  bidToCover: number | undefined;
  highYieldPct: number | undefined;
  interestRatePct: number | undefined;
  primaryDealerAcceptedUsdBn: number | undefined;
  directBidderAcceptedUsdBn: number | undefined;
  indirectBidderAcceptedUsdBn: number | undefined;
}

/** Parse the auction results file (pure), sorted by auction date. Errors name the file and line. */
export function parseAuctions(text: string, file = "TREASURY_AUCTIONS_2026_partial.csv"): Auction[] {
  const { columns: c, rows: n } = readCsvColumns(text, file, AUCTION_COLUMNS);
  const out: Auction[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const line = i + 2;
    for (const d of ["auction_date", "issue_date", "maturity_date"] as const) {
      if (isoDayNumber(c[d][i]) === undefined) {
        throw new DataValidationError(file, line, `${d} "${c[d][i]}" is not an ISO date`);
      }
    }
    const amount = (col: (typeof AUCTION_COLUMNS)[number], required: boolean) => {
      const v = parseNumber(c[col][i]);
      if (v === undefined) {
        if (required) throw new DataValidationError(file, line, `${col} "${c[col][i]}" is not a number`);
        return undefined;
      }
      if (v < 0) throw new DataValidationError(file, line, `${col} ${v} is negative`);
      return v / 1e9;
    };
    const rate = (col: (typeof AUCTION_COLUMNS)[number]) => {
      const v = parseNumber(c[col][i]);
      if (v !== undefined && (v < -1 || v > 25)) {
        throw new DataValidationError(file, line, `${col} ${v} is not a rate in percent`);
      }
      return v;
    };
    const key = `${c.cusip[i]}|${c.auction_date[i]}`;
    if (seen.has(key)) {
      throw new DataValidationError(file, line, `duplicate auction ${c.cusip[i]} on ${c.auction_date[i]}`);
    }
    seen.add(key);
    const offering = parseNumber(c.offering_amt[i]);
    if (offering !== undefined && offering < 1e8) {
      throw new DataValidationError(
        file,
        line,
        `offering_amt ${offering} is below $100 million: amounts must be in USD, is the file in other units?`,
      );
    }
    const btc = parseNumber(c.bid_to_cover_ratio[i]);
    if (btc !== undefined && (btc < 0.5 || btc > 20)) {
      throw new DataValidationError(file, line, `bid-to-cover ${btc} is implausible`);
    }
    out.push({
      auctionDate: c.auction_date[i],
      issueDate: c.issue_date[i],
      maturityDate: c.maturity_date[i],
      securityType: c.security_type[i],
      securityTerm: c.security_term[i],
      cusip: c.cusip[i],
      offeringUsdBn: amount("offering_amt", true)!,
      tenderedUsdBn: amount("total_tendered", true)!,
      acceptedUsdBn: amount("total_accepted", true)!,
      bidToCover: btc,
      highYieldPct: rate("high_yield_or_rate"),
      interestRatePct: rate("interest_rate"),
      primaryDealerAcceptedUsdBn: amount("primary_dealer_accepted", false),
      directBidderAcceptedUsdBn: amount("direct_bidder_accepted", false),
      indirectBidderAcceptedUsdBn: amount("indirect_bidder_accepted", false),
    });
  }
  if (out.length === 0) throw new DataValidationError(file, undefined, "no auctions after the header");
  return out.sort((a, b) => a.auctionDate.localeCompare(b.auctionDate) || a.cusip.localeCompare(b.cusip));
}

/** Load the shipped auction results, verified against their provenance record. */
export function loadAuctions(options?: LoadOptions): Auction[] {
  const { text, path } = readDataFile("TREASURY_AUCTIONS_2026_partial.csv", options);
  return parseAuctions(text, path);
}
