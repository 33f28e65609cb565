/**
 * Treasury auction demand: the bid-to-cover ratio, by security family, against its trailing average.
 *
 * Treasury's published ratio is bids ÷ amount awarded, both excluding the Fed: the TreasuryDirect totals
 * in qtlab's auction file include Fed SOMA add-on awards in `total_tendered` and `total_accepted` for some
 * auctions (accepted above the amount offered), so tendered ÷ accepted is NOT the published ratio there.
 * Taking the add-on as accepted − offered, (tendered − add-on) ÷ offered reproduces every published ratio
 * in the shipped file to its 2 decimals (checked in the tests). Notebooks use the ratio as published.
 *
 * The shipped auctions cover only 2026 (coupons from about March): a comparison with April 2025
 * auctions is not possible with this file.
 */

/** The fields of an auction these functions read (structurally the loader's `Auction`). */
export interface AuctionLike {
  auctionDate: string;
  securityType: string;
  securityTerm: string;
  offeringUsdBn: number;
  tenderedUsdBn: number;
  acceptedUsdBn: number;
  /** As published by Treasury (undefined when not published). */
  bidToCover: number | undefined;
  highYieldPct: number | undefined;
}

export const bidToCoverDefaults = {
  /**
   * A coupon auction with a high yield below this (pct) is a TIPS (a real yield). Assumption for the
   * 2026 file: TIPS real yields there run 1.3–3.0%, nominal note and bond yields 3.8–5.3% (SOURCES.md).
   */
  tipsMaxYieldPct: 3.0,
  /** Auctions of the same family averaged for the trailing comparison. Assumption: the last 3. */
  trailingAuctions: 3,
};

/** Bids ÷ amount accepted. Both in $bn; throws on a non-positive amount accepted. */
export function bidToCoverRatio(tenderedUsdBn: number, acceptedUsdBn: number): number {
  if (!(acceptedUsdBn > 0)) {
    throw new Error(`bidToCoverRatio: the amount accepted must be positive, got ${acceptedUsdBn}`);
  }
  return tenderedUsdBn / acceptedUsdBn;
}

/** The Fed SOMA add-on inferred from the totals: accepted − offered when positive, else 0 ($bn). */
export function somaAddOnUsdBn(a: Pick<AuctionLike, "acceptedUsdBn" | "offeringUsdBn">): number {
  return Math.max(0, a.acceptedUsdBn - a.offeringUsdBn);
}

/** Bid-to-cover with the Fed excluded: (tendered − add-on) ÷ (accepted − add-on). */
export function bidToCoverExFed(a: Pick<AuctionLike, "tenderedUsdBn" | "acceptedUsdBn" | "offeringUsdBn">): number {
  const soma = somaAddOnUsdBn(a);
  return bidToCoverRatio(a.tenderedUsdBn - soma, a.acceptedUsdBn - soma);
}

/**
 * The original tenor in years of a security term as TreasuryDirect writes it: "10-Year" → 10, a reopening
 * "9-Year 10-Month" → 10 (months round up to the next year), "13-Week" → 0.25, "42-Day" → 42/364.
 */
export function termYears(term: string): number {
  const y = /(\d+)-Year/.exec(term);
  const m = /(\d+)-Month/.exec(term);
  const w = /(\d+)-Week/.exec(term);
  const d = /(\d+)-Day/.exec(term);
  if (y) return +y[1] + (m && +m[1] > 0 ? 1 : 0);
  if (m) return Math.ceil(+m[1] / 12);
  if (w) return +w[1] / 52;
  if (d) return +d[1] / 364;
  throw new Error(`termYears: cannot read the term "${term}"`);
}

/** What kind of security an auction sold. */
export type AuctionKind = "bill" | "nominal coupon" | "TIPS" | "FRN";

/** Classify an auction: bills by type; FRNs by their missing yield; TIPS by a yield below `tipsMaxYieldPct`. */
export function auctionKind(
  a: Pick<AuctionLike, "securityType" | "highYieldPct">,
  tipsMaxYieldPct = bidToCoverDefaults.tipsMaxYieldPct,
): AuctionKind {
  if (a.securityType === "Bill") return "bill";
  if (a.highYieldPct === undefined) return "FRN";
  return a.highYieldPct < tipsMaxYieldPct ? "TIPS" : "nominal coupon";
}

/** One auction against the auctions of its family before it. */
export interface BidToCoverRow {
  auctionDate: string;
  securityTerm: string;
  family: string;
  /** As published. */
  bidToCover: number;
  /** Mean of the published ratios of the previous `trailingAuctions` of the family; undefined for the first. */
  trailingMean: number | undefined;
  /** Auctions in the trailing mean (fewer than asked at the start of the file). */
  trailingCount: number;
  /** bidToCover − trailingMean. */
  vsTrailing: number | undefined;
  /** True when every earlier auction of the family in the data had a higher ratio (false for the first). */
  lowestSoFar: boolean;
}

/**
 * Nominal coupon auctions of one original tenor (e.g. 3 or 10 years, reopenings included), oldest first,
 * each with the trailing mean of the published ratio. Auctions without a published ratio are skipped.
 */
export function bidToCoverHistory(
  auctions: readonly AuctionLike[],
  tenorYears: number,
  options: { trailingAuctions?: number; tipsMaxYieldPct?: number } = {},
): BidToCoverRow[] {
  const n = options.trailingAuctions ?? bidToCoverDefaults.trailingAuctions;
  const family = `${tenorYears}-year nominal`;
  const rows = auctions
    .filter((a) =>
      a.bidToCover !== undefined && auctionKind(a, options.tipsMaxYieldPct) === "nominal coupon" &&
      termYears(a.securityTerm) === tenorYears
    )
    .sort((a, b) => a.auctionDate.localeCompare(b.auctionDate));
  return rows.map((a, i) => {
    const prev = rows.slice(Math.max(0, i - n), i).map((p) => p.bidToCover!);
    const mean = prev.length ? prev.reduce((s, v) => s + v, 0) / prev.length : undefined;
    return {
      auctionDate: a.auctionDate,
      securityTerm: a.securityTerm,
      family,
      bidToCover: a.bidToCover!,
      trailingMean: mean,
      trailingCount: prev.length,
      vsTrailing: mean === undefined ? undefined : a.bidToCover! - mean,
      lowestSoFar: i > 0 && rows.slice(0, i).every((p) => p.bidToCover! > a.bidToCover!),
    };
  });
}
