/** Notebook 02's parameter sets for the coherence test. */
export const PARAM_SETS = [
  { name: "defaults", overrides: {} },
  {
    name: "a low OIS, correlations from 2022, GDP 2019 to 2022, the week before COVID purchases as pre-COVID",
    overrides: {
      btfpOneYearOisPct: 3.5,
      correlationFromIso: "2022-01-05",
      gdpToYear: 2022,
      preCovidDateIso: "2020-03-11",
    },
  },
  {
    name: "QT's pace over its first three months",
    overrides: { qtPaceFromMonth: "2022-06", qtPaceToMonth: "2022-08" },
    flips: "BSEQ-7 roughly holds → does not hold: runoff ran far below $95bn under the June–August 2022 caps",
  },
];
