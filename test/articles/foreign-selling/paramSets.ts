/** Notebook 03's parameter sets for the coherence test. */
export const PARAM_SETS = [
  { name: "defaults", overrides: {} },
  {
    name: "a long duration, a weaker flow elasticity, a $3tn sale, a year's response window",
    overrides: {
      durationYears: 30,
      beltranShortRunBpPer100Bn: { low: 10, high: 20 },
      foreignSaleUsdBn: 3000,
      fedResponseWindowDays: 365,
    },
  },
  {
    name: "the week ranked against every week since 1990",
    overrides: { rankingHistoryStart: "1990-01-02" },
    flips: "FOREIGN-3 roughly holds → does not hold: a week of 2001 rose more",
  },
];
