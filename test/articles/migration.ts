/**
 * The notebooks that still compute in their cells instead of opening their article
 * (lib/articles/<slug>/notebook.ts). The layout tests (size, no logic in cells, parameter sets for the
 * coherence test) hold every other notebook to the article standard; test/articles/migration.test.ts
 * checks this list is exactly the notebooks without an entry point, so it can only shrink.
 */
export const NOT_YET_ARTICLES: readonly string[] = [
  "02-balance-sheet-and-stocks",
];
