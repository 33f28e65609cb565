/**
 * Unit conversions and constants. Nothing else lives here.
 *
 * Canonical units in qtlab: US dollar amounts in billions ($bn), rates and yields in percent (pct),
 * spreads in basis points (bp), indices as published.
 */

/** Millions of US dollars → billions. FROM: $ millions (H.4.1, Z.1 as published). TO: $bn. */
export function usdMnToUsdBn(usdMn: number): number {
  return usdMn / 1_000;
}

/** Billions of US dollars → trillions. FROM: $bn. TO: $tn. */
export function usdBnToUsdTn(usdBn: number): number {
  return usdBn / 1_000;
}

/** Percent (or percentage points) → basis points. FROM: pct. TO: bp (1 pct = 100 bp). */
export function pctToBp(pct: number): number {
  return pct * 100;
}

/** Basis points → percent. FROM: bp. TO: pct. */
export function bpToPct(bp: number): number {
  return bp / 100;
}

/** Months in a year. */
export const MONTHS_PER_YEAR = 12;
