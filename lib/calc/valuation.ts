/**
 * The valuation effect in reported holdings: TIC reports holdings at market value (the SLT report, the
 * basis of mfhhis01 from Dec 2011, asks for fair values), so a rise in yields lowers reported holdings
 * without any sale. To first order the price change of a bond portfolio is −(modified duration) × Δyield:
 *
 *   valuationUsdBn ≈ −durationYears × (Δyield pct / 100) × holdingsUsdBn
 *
 * and the rest of the change in holdings is the residual: net transactions plus anything else (coupon
 * accrual, reclassification, survey revisions). Convexity is ignored (second order: about
 * ½ × convexity × Δy², under 0.1% of holdings for a 50bp move at a duration of 5).
 *
 * Duration is a parameter, not data: TIC publishes no duration of foreign portfolios. Sign convention:
 * Δyield > 0 (yields up) → valuation < 0 (holdings marked down).
 */

export const valuationDefaults = {
  /**
   * Modified duration of foreign holdings, years. Assumption: a broad Treasury index had a modified
   * duration near 6 years in 2025; foreign official holdings include bills (TIC "Treasury Bills" ≈ 11% of
   * "For. Official" in March 2025), which shortens it. 5 years. Notebooks pass their own.
   */
  durationYears: 5,
};

/**
 * The market-value change of holdings explained by a yield move, in $bn.
 * @param holdingsUsdBn holdings at market value before the move, $bn
 * @param yieldChangePct the move of the yield matched to the portfolio's duration, in percentage points (0.25 = +25bp)
 * @param durationYears modified duration, years (must be ≥ 0)
 */
export function valuationChangeUsdBn(
  holdingsUsdBn: number,
  yieldChangePct: number,
  durationYears: number = valuationDefaults.durationYears,
): number {
  if (!(durationYears >= 0)) throw new Error(`valuationChangeUsdBn: duration must be ≥ 0 years, got ${durationYears}`);
  return -durationYears * (yieldChangePct / 100) * holdingsUsdBn;
}

/** A change in reported holdings split into the part a yield move explains and the rest. */
export interface HoldingsDecomposition {
  startUsdBn: number;
  endUsdBn: number;
  /** end − start, $bn. */
  changeUsdBn: number;
  yieldChangePct: number;
  durationYears: number;
  /** −duration × Δy × start, $bn: price effect on the starting portfolio. */
  valuationUsdBn: number;
  /** change − valuation, $bn: net purchases (+) or sales (−) and other effects. */
  residualUsdBn: number;
}

/**
 * Split a change in reported holdings into valuation and residual (≈ net transactions). The valuation is
 * computed on the starting holdings (the portfolio that was marked).
 */
export function decomposeHoldingsChange(
  startUsdBn: number,
  endUsdBn: number,
  yieldChangePct: number,
  durationYears: number = valuationDefaults.durationYears,
): HoldingsDecomposition {
  const valuationUsdBn = valuationChangeUsdBn(startUsdBn, yieldChangePct, durationYears);
  const changeUsdBn = endUsdBn - startUsdBn;
  return {
    startUsdBn,
    endUsdBn,
    changeUsdBn,
    yieldChangePct,
    durationYears,
    valuationUsdBn,
    residualUsdBn: changeUsdBn - valuationUsdBn,
  };
}

/**
 * The yield move (percentage points) that would, by valuation alone, explain a change of `changeUsdBn` in
 * holdings of `holdingsUsdBn` at the given duration: Δy = −change / (duration × holdings) × 100.
 */
export function yieldChangeExplainingPct(
  changeUsdBn: number,
  holdingsUsdBn: number,
  durationYears: number = valuationDefaults.durationYears,
): number {
  if (durationYears <= 0 || holdingsUsdBn <= 0) {
    throw new Error("yieldChangeExplainingPct: duration and holdings must be positive");
  }
  return (-changeUsdBn / (durationYears * holdingsUsdBn)) * 100;
}

/**
 * A blended yield change from several yields' changes (pct points) and weights (normalised to sum to 1):
 * e.g. {DGS2: 0.5, DGS10: 0.5} as a stand-in for a ~5-year point where no 5-year yield ships.
 */
export function blendedYieldChangePct(
  changesPct: Readonly<Record<string, number>>,
  weights: Readonly<Record<string, number>>,
): number {
  const keys = Object.keys(weights);
  const total = keys.reduce((s, k) => s + weights[k], 0);
  if (keys.length === 0 || !(total > 0)) {
    throw new Error("blendedYieldChangePct: weights must be positive and sum above 0");
  }
  return keys.reduce((s, k) => {
    if (changesPct[k] === undefined) throw new Error(`blendedYieldChangePct: no change for ${k}`);
    return s + (weights[k] / total) * changesPct[k];
  }, 0);
}
