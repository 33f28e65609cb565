/** Notebook 04's parameter sets for the coherence test. */
export const PARAM_SETS = [
  { name: "defaults", overrides: {} },
  {
    name: "overlapping windows counted apart, S&P 500 daily, short horizons",
    overrides: {
      overlapRule: "flag",
      rallySeriesId: "SP500",
      horizonsTradingDays: [5, 21, 63, 126, 252, 504],
      rallyHorizonsTradingDays: [5, 504],
      rallyShareMinFrac: 1,
      stableBandFrac: 0.2,
    },
  },
  {
    name: "history without the 2001 and 2007 pivots",
    overrides: { historyPivotIds: ["1995-07-06", "1998-09-29", "2019-07-31", "2020-03-03", "2024-09-18"] },
    flips: "QTEND-6 verdict roughly holds → holds (NASDAQ higher at 126 and 252 trading days after 4 of 4 episodes)",
  },
];
