/** Notebook 05's parameter sets for the coherence test. */
export const PARAM_SETS = [
  { name: "defaults", overrides: {} },
  {
    name: "front-loaded, fixed floor, three-year horizon",
    overrides: {
      scheduleShape: "front-loaded",
      curveFloor: "administered",
      horizonMonths: 36,
      curveSpread: "EFFR-IORB",
      bootstrapReplicates: 50,
    },
  },
  {
    name: "probabilities toward C",
    overrides: { scenarioProbabilities: { A: 0.1, B: 0.2, C: 0.7 } },
    flips: "expected purchases move from inside scenario A's $20–30bn range to outside it",
  },
];
