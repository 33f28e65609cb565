/**
 * The Bank Term Funding Program (BTFP): the Fed's emergency lending facility opened after Silicon Valley
 * Bank failed, and the carry a bank earned by borrowing from it and leaving the cash on reserve.
 *
 * Terms (Federal Reserve Board, BTFP term sheet, press release of 2023-03-12): advances of up to one year
 * against eligible collateral (Treasuries, agency debt and MBS) valued at par; rate fixed for the term at
 * the one-year overnight index swap (OIS) rate plus 10bp on the day the advance is made; advances can be
 * requested until at least 2024-03-11.
 * Change (Federal Reserve Board press release of 2024-01-24): the program stops making new loans as
 * scheduled on 2024-03-11, and, effective immediately, the rate on new loans is no lower than the
 * interest rate on reserve balances (IORB) in effect on the day the loan is made — which ends the carry.
 *
 * OIS rates are not shipped with qtlab: the one-year OIS rate enters as a parameter, an assumption the
 * caller states. Rates in pct, spreads and carry in bp; carry > 0 means the bank earns IORB above its
 * loan rate.
 */

/** The program's dates and terms, as published. */
export const BTFP_PROGRAM = {
  /** Announced and effective (ISO). Source: Federal Reserve Board press release, 2023-03-12. */
  announced: "2023-03-12",
  /** Last day advances can be requested (ISO). Source: BTFP term sheet, 2023-03-12 ("until at least March 11, 2024"); confirmed by Board press release, 2024-01-24. */
  lastNewLoanDate: "2024-03-11",
  /** Longest advance, years. Source: BTFP term sheet, 2023-03-12. */
  maxTermYears: 1,
  /** Spread over the one-year OIS rate, bp. Source: BTFP term sheet, 2023-03-12. */
  rateSpreadOverOisBp: 10,
  /** How collateral is valued. Source: BTFP term sheet, 2023-03-12. */
  collateralValuation: "par",
  /** From this date (ISO) the rate on new loans is floored at IORB. Source: Federal Reserve Board press release, 2024-01-24. */
  iorbFloorFrom: "2024-01-24",
  source: "Federal Reserve Board, BTFP term sheet and press release of 2023-03-12; press release of 2024-01-24",
} as const;

/** Defaults of {@link btfpLoanRatePct} and {@link btfpCarryBp}. */
export const defaults = {
  spreadBp: BTFP_PROGRAM.rateSpreadOverOisBp,
  iorbFloorFrom: BTFP_PROGRAM.iorbFloorFrom,
} as const;

/** Options of {@link btfpLoanRatePct} and {@link btfpCarryBp}. */
export interface BtfpRateOptions {
  /** Spread over one-year OIS, bp (default 10, the term sheet's). */
  spreadBp?: number;
  /** The ISO date the loan is made; from `iorbFloorFrom` on, the rate is floored at IORB. Omit for the original terms. */
  loanDate?: string;
  /** Date the IORB floor starts (default 2024-01-24). */
  iorbFloorFrom?: string;
}

/**
 * The BTFP loan rate in pct: one-year OIS (pct) + spread (bp → pct); for loans made on or after
 * 2024-01-24, no lower than IORB (pct).
 */
export function btfpLoanRatePct(oneYearOisPct: number, iorbPct: number, options: BtfpRateOptions = {}): number {
  if (!Number.isFinite(oneYearOisPct) || !Number.isFinite(iorbPct)) {
    throw new Error(`btfpLoanRatePct: rates must be finite (OIS ${oneYearOisPct}, IORB ${iorbPct})`);
  }
  const spreadBp = options.spreadBp ?? defaults.spreadBp;
  const rate = oneYearOisPct + spreadBp / 100;
  const floored = options.loanDate !== undefined &&
    options.loanDate >= (options.iorbFloorFrom ?? defaults.iorbFloorFrom);
  return floored ? Math.max(rate, iorbPct) : rate;
}

/**
 * The carry of a BTFP loan left on reserve, bp per year: IORB − loan rate. Positive: the bank earns the
 * difference; zero or negative: no carry. With the 2024-01-24 floor in force the carry is at most 0.
 */
export function btfpCarryBp(oneYearOisPct: number, iorbPct: number, options: BtfpRateOptions = {}): number {
  return Math.round((iorbPct - btfpLoanRatePct(oneYearOisPct, iorbPct, options)) * 100 * 1e6) / 1e6;
}

/** The one-year OIS rate (pct) below which the original terms paid a carry: IORB − spread. */
export function breakEvenOisPct(iorbPct: number, spreadBp: number = defaults.spreadBp): number {
  return iorbPct - spreadBp / 100;
}

/** Annual carry in $mn on a loan of `loanUsdBn` ($bn) at `carryBp` (bp per year): loan × carry. */
export function annualCarryUsdMn(loanUsdBn: number, carryBp: number): number {
  return loanUsdBn * 1_000 * (carryBp / 10_000);
}
