/** Notebook 04's one entry point: load and validate the series, compute the article once, and its displays. */
import { loadEquity } from "../../data/equities.ts";
import { loadH15 } from "../../data/h15.ts";
import { loadH41 } from "../../data/h41.ts";
import { loadIce } from "../../data/ice.ts";
import { loadMacro } from "../../data/macro.ts";
import { articleNotebook } from "../../plot/articleNotebook.ts";
import { type ArticleDef, runArticle, seriesAsOf } from "../article.ts";
import { QTEND_CLAIM_IDS, qtEndClaims } from "./claims.ts";
import { ARTICLE, computeQtEnd, type QtEndData, type QtEndResult } from "./compute.ts";
import { qtEndParams } from "./params.ts";
import { qtEndProse } from "./prose.ts";
import { qtEndViews } from "./views.ts";

/** Every series the article reads, each validated on load. */
export function loadQtEndData(): QtEndData {
  return {
    walcl: loadH41("WALCL"),
    treast: loadH41("TREAST"),
    mbs: loadH41("WSHOMCB"),
    targetUpper: loadH15("DFEDTARU"),
    targetLower: loadH15("DFEDTARL"),
    dff: loadH15("DFF"),
    sp500: loadEquity("SP500"),
    sp500Monthly: loadEquity("SP500_monthly_shiller"),
    nasdaq: loadEquity("NASDAQCOM"),
    dgs10: loadH15("DGS10"),
    dgs3mo: loadH15("DGS3MO"),
    igOas: loadIce(),
    mmf: loadMacro("MMMFFAQ027S"),
  };
}

export const qtEndArticle: ArticleDef<typeof qtEndParams.specs, QtEndData, QtEndResult> = {
  meta: {
    slug: "qt-end-and-risk-assets",
    notebook: "04-qt-end-and-risk-assets",
    title: "The end of QT and risk assets",
    source: {
      author: "not named in qtlab's copy",
      title: "QT ends: the liquidity shift and risk assets",
      publisher: "not named in qtlab's copy (Japanese-language market commentary)",
      date: ARTICLE.date,
      seed: "seeds/001_fcdc54459c4c3c68.txt",
    },
    claimIds: QTEND_CLAIM_IDS,
  },
  params: qtEndParams,
  load: loadQtEndData,
  // The S&P 500's monthly averages share the daily series' id; named apart so the vintage list reads unambiguously.
  seriesOf: (d) =>
    Object.entries(d).map(([key, s]) =>
      seriesAsOf(s, key === "sp500Monthly" ? `${s.seriesId} (monthly averages)` : s.seriesId)
    ),
  compute: (data, params) => computeQtEnd(data, params),
  claims: qtEndClaims,
};

/** Run the article with the notebook's values and return its displays. */
export function openQtEnd(values: Record<string, unknown>) {
  const run = runArticle(qtEndArticle, values);
  return articleNotebook(run, qtEndParams, qtEndProse, qtEndViews(run));
}
