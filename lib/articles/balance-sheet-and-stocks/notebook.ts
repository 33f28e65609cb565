/** Notebook 02's one entry point: load and validate the series, compute the article once, and its displays. */
import { loadEquity } from "../../data/equities.ts";
import { loadH15 } from "../../data/h15.ts";
import { loadH41 } from "../../data/h41.ts";
import { loadMacro } from "../../data/macro.ts";
import { articleNotebook } from "../../plot/articleNotebook.ts";
import { type ArticleDef, runArticle, seriesAsOf } from "../article.ts";
import { balanceSheetClaims, BSEQ_CLAIM_IDS } from "./claims.ts";
import { type BalanceSheetData, type BalanceSheetResult, computeBalanceSheet } from "./compute.ts";
import { balanceSheetAndStocksParams } from "./params.ts";
import { balanceSheetProse } from "./prose.ts";
import { balanceSheetViews } from "./views.ts";

/** Every series the article reads, each validated on load. */
export function loadBalanceSheetData(): BalanceSheetData {
  return {
    assets: loadH41("WALCL"),
    tga: loadH41("WTREGEN"),
    onRrp: loadH41("RRPONTSYD"),
    reserves: loadH41("WRESBAL"),
    treasuries: loadH41("TREAST"),
    mbs: loadH41("WSHOMCB"),
    gdp: loadMacro("GDP"),
    mmf: loadMacro("MMMFFAQ027S"),
    deposits: loadMacro("DPSACBW027SBOG"),
    sp500: loadEquity("SP500"),
    tenYear: loadH15("DGS10"),
    rangeUpper: loadH15("DFEDTARU"),
    rangeLower: loadH15("DFEDTARL"),
    iorb: loadH15("IORB"),
    twoYear: loadH15("DGS2"),
    threeMonth: loadH15("DGS3MO"),
  };
}

export const balanceSheetArticle: ArticleDef<
  typeof balanceSheetAndStocksParams.specs,
  BalanceSheetData,
  BalanceSheetResult
> = {
  meta: {
    slug: "balance-sheet-and-stocks",
    notebook: "02-balance-sheet-and-stocks",
    title: "The Fed's balance sheet and the US stock market (January 2024)",
    source: {
      author: "a Japanese securities broker (author not named)",
      title: "The Fed's balance sheet and the US stock market: is continued QT a new risk?",
      publisher: "market note",
      date: "2024-01-24",
      seed: "seeds/004_2f88de1a5a2c16fa.txt",
    },
    claimIds: BSEQ_CLAIM_IDS,
  },
  params: balanceSheetAndStocksParams,
  load: loadBalanceSheetData,
  seriesOf: (d) => Object.values(d).map((x) => seriesAsOf(x)),
  compute: computeBalanceSheet,
  claims: balanceSheetClaims,
};

/** Run the article with the notebook's values and return its displays. */
export function openBalanceSheet(values: Record<string, unknown>) {
  const run = runArticle(balanceSheetArticle, values);
  return articleNotebook(run, balanceSheetAndStocksParams, balanceSheetProse, balanceSheetViews(run));
}
