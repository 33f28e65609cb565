/** Notebook 00's parameter sets for the coherence test: the defaults, an extreme, and a window that flips the drain's order. */
export const PARAM_SETS = [
  { name: "defaults", overrides: {} },
  {
    name: "chart from 2002, drain from 2008",
    overrides: { chartFromDate: "2002-12-18", drainFromDate: "2008-01-01", drainToDate: "2026-08-19" },
  },
  {
    name: "drain window 2022 only",
    overrides: { drainToDate: "2022-12-31" },
    flips: "ON RRP no longer falls in the window; the largest fall moves from ON RRP to the TGA",
  },
];
