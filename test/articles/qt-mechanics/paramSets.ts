/** Notebook 01's parameter sets for the coherence test. */
export const PARAM_SETS = [
  { name: "defaults", overrides: {} },
  {
    name: "a stricter sharp swing, a year-long rebuild, high assumed maturities, the chart from 2008",
    overrides: {
      sharpReserveSwingUsdBn: 400,
      tgaRebuildHorizonWeeks: 52,
      assumedTreasuryCouponsMaturingUsdBnPerMonth: 150,
      onRrpMaxStaleDays: 0,
      chartFromDate: "2008-01-02",
    },
  },
  {
    name: "months closed by their last Wednesday",
    overrides: { monthGrid: "last-wednesday" },
    flips: "QTMECH-4 holds → does not hold: a month's redemptions settle after its last Wednesday",
  },
];
