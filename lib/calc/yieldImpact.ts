/**
 * The yield impact of foreign selling of Treasuries, and the Fed purchases that would offset it, from
 * published elasticities. Every coefficient is an argument (notebooks state them in their parameters
 * cell); the defaults below are the published figures, with their sources.
 *
 * Sign convention: a sale is a positive $bn amount (foreign holdings or inflows fall by it); a yield
 * impact is in bp, positive = yields rise. Fed purchases are positive $bn. Scaling is linear in the amount:
 * the papers estimate effects of flows of the size seen in their samples, and extending them to a
 * $500bn sale is an assumption the notebook states.
 */

/** A low–high range of a coefficient or a result. */
export interface Range {
  low: number;
  high: number;
}

/** The published coefficients. */
export const yieldImpactDefaults = {
  /**
   * Beltran, Kretchmer, Marquez & Thomas (2013), "Foreign holdings of U.S. Treasuries and U.S. Treasury
   * yields", Journal of International Money and Finance 32, 1120–1143 (FRB IFDP 1041, 2012), abstract: a
   * $100bn fall in foreign official inflows into Treasuries in a given month raises the 5-year yield by
   * about 40–60bp in the short run. bp per $100bn.
   */
  beltranShortRunBpPer100Bn: { low: 40, high: 60 } as Range,
  /** Same paper, abstract: about 20bp in the long run, once foreign private investors respond. bp per $100bn. */
  beltranLongRunBpPer100Bn: 20,
  /**
   * Warnock & Warnock (2009), "International capital flows and U.S. interest rates", Journal of
   * International Money and Finance 28, 903–919: 12-month foreign flows into Treasuries and agencies equal
   * to 1% of GDP lower the 10-year yield by about 19bp (baseline regression; the coefficient as commonly
   * cited; qtlab could not check the table offline). The verified aggregate (NBER WP 12560 abstract, 2006
   * version): with no foreign official flows over the year to May 2005, the 10-year yield would have been
   * about 90bp higher. bp per 1% of GDP.
   */
  warnockBpPerPctGdp: 19,
  /**
   * Williams (2013), remarks on unconventional policy, FRBSF, October 2013: "$600 billion of Fed asset
   * purchases lowers the yield on 10-year Treasury notes by around 15 to 25 basis points". bp per $600bn.
   */
  qeBpPer600Bn: { low: 15, high: 25 } as Range,
};

/** Yield impact (bp, + = up) of selling `saleUsdBn` at an elasticity of `bpPer100Bn` bp per $100bn: linear. */
export function yieldImpactBp(saleUsdBn: number, bpPer100Bn: number): number {
  return (saleUsdBn / 100) * bpPer100Bn;
}

/** {@link yieldImpactBp} over a range of elasticities. */
export function yieldImpactRangeBp(saleUsdBn: number, bpPer100Bn: Range): Range {
  return { low: yieldImpactBp(saleUsdBn, bpPer100Bn.low), high: yieldImpactBp(saleUsdBn, bpPer100Bn.high) };
}

/**
 * Warnock & Warnock's impact (bp on the 10-year, + = up) of a fall in 12-month foreign flows of
 * `saleUsdBn`, expressed as a share of nominal GDP (`gdpUsdBn`, annual rate): sale/GDP × 100 × bpPerPctGdp.
 */
export function warnockImpactBp(
  saleUsdBn: number,
  gdpUsdBn: number,
  bpPerPctGdp: number = yieldImpactDefaults.warnockBpPerPctGdp,
): number {
  if (!(gdpUsdBn > 0)) throw new Error(`warnockImpactBp: GDP must be positive, got ${gdpUsdBn}`);
  return (saleUsdBn / gdpUsdBn) * 100 * bpPerPctGdp;
}

/** Warnock's elasticity as bp per $100bn at a given GDP ($bn, annual rate). */
export function warnockBpPer100Bn(
  gdpUsdBn: number,
  bpPerPctGdp: number = yieldImpactDefaults.warnockBpPerPctGdp,
): number {
  return warnockImpactBp(100, gdpUsdBn, bpPerPctGdp);
}

/** A QE elasticity quoted as bp per `perUsdBn` of purchases, converted to bp per $100bn. */
export function qeBpPer100Bn(bp: number, perUsdBn = 600): number {
  if (!(perUsdBn > 0)) throw new Error(`qeBpPer100Bn: the purchase size must be positive, got ${perUsdBn}`);
  return (bp / perUsdBn) * 100;
}

/**
 * The Fed purchases ($bn) that lower yields by `yieldRiseBp` at a QE elasticity of `qeBpPer100BnValue`
 * bp per $100bn: yieldRiseBp / qeBpPer100Bn × 100. Treats the foreign-selling and QE elasticities as
 * acting on the same yield (the papers measure the 5-year and the 10-year: an assumption).
 */
export function offsettingPurchasesUsdBn(yieldRiseBp: number, qeBpPer100BnValue: number): number {
  if (!(qeBpPer100BnValue > 0)) {
    throw new Error(`offsettingPurchasesUsdBn: the QE elasticity must be positive, got ${qeBpPer100BnValue}`);
  }
  return (yieldRiseBp / qeBpPer100BnValue) * 100;
}

/** The elasticities one scenario table uses. */
export interface ImpactParameters {
  beltranShortRunBpPer100Bn: Range;
  beltranLongRunBpPer100Bn: number;
  warnockBpPerPctGdp: number;
  /** QE elasticity in bp per $600bn (Williams' form). */
  qeBpPer600Bn: Range;
  /** Nominal GDP, $bn annual rate, for Warnock's % of GDP. */
  gdpUsdBn: number;
}

/** One row of the scenario table: a sale size under one model. */
export interface ImpactScenario {
  saleUsdBn: number;
  model: "Beltran et al. short run" | "Beltran et al. long run" | "Warnock & Warnock";
  /** Which yield the model speaks of. */
  tenor: "5-year" | "10-year";
  /** Yield impact range, bp (+ = up); low = high for point estimates. */
  yieldRiseBp: Range;
  /**
   * Fed purchases that offset the rise, $bn: low = smallest rise ÷ strongest QE effect, high = largest
   * rise ÷ weakest QE effect.
   */
  fedOffsetUsdBn: Range;
  /** Offset purchases per $ of foreign sale (central: mid rise ÷ mid QE elasticity). */
  offsetPerDollarSold: number;
}

/**
 * Scenario table: for each sale size, the yield rise under each model and the Fed purchases that would
 * offset it under the QE elasticity range.
 */
export function impactScenarios(salesUsdBn: readonly number[], p: ImpactParameters): ImpactScenario[] {
  const qe = { low: qeBpPer100Bn(p.qeBpPer600Bn.low), high: qeBpPer100Bn(p.qeBpPer600Bn.high) };
  const qeMid = (qe.low + qe.high) / 2;
  const row = (
    saleUsdBn: number,
    model: ImpactScenario["model"],
    tenor: ImpactScenario["tenor"],
    rise: Range,
  ): ImpactScenario => ({
    saleUsdBn,
    model,
    tenor,
    yieldRiseBp: rise,
    fedOffsetUsdBn: {
      low: offsettingPurchasesUsdBn(rise.low, qe.high),
      high: offsettingPurchasesUsdBn(rise.high, qe.low),
    },
    offsetPerDollarSold: saleUsdBn === 0
      ? NaN
      : offsettingPurchasesUsdBn((rise.low + rise.high) / 2, qeMid) / saleUsdBn,
  });
  return salesUsdBn.flatMap((s) => {
    const warnock = warnockImpactBp(s, p.gdpUsdBn, p.warnockBpPerPctGdp);
    const longRun = yieldImpactBp(s, p.beltranLongRunBpPer100Bn);
    return [
      row(s, "Beltran et al. short run", "5-year", yieldImpactRangeBp(s, p.beltranShortRunBpPer100Bn)),
      row(s, "Beltran et al. long run", "5-year", { low: longRun, high: longRun }),
      row(s, "Warnock & Warnock", "10-year", { low: warnock, high: warnock }),
    ];
  });
}
