/** Notebook 03's one entry point: load and validate the series, compute the article once, and its displays. */
import { loadAuctions } from "../../data/auctions.ts";
import { loadEquity } from "../../data/equities.ts";
import { loadH15 } from "../../data/h15.ts";
import { loadH41 } from "../../data/h41.ts";
import { loadIce } from "../../data/ice.ts";
import { loadMacro } from "../../data/macro.ts";
import { loadTicHoldings } from "../../data/tic.ts";
import { articleNotebook } from "../../plot/articleNotebook.ts";
import { type ArticleDef, runArticle, seriesAsOf } from "../article.ts";
import { FOREIGN_CLAIM_IDS, foreignClaims } from "./claims.ts";
import { ARTICLE, computeForeign, type ForeignData, type ForeignResult } from "./compute.ts";
import { foreignSellingParams } from "./params.ts";
import { foreignProse } from "./prose.ts";
import { foreignViews } from "./views.ts";

/** Every series the article reads, each validated on load. */
export function loadForeignData(): ForeignData {
  return {
    tic: loadTicHoldings(),
    dgs10: loadH15("DGS10"),
    dgs2: loadH15("DGS2"),
    igOas: loadIce(),
    sp500: loadEquity("SP500"),
    gdp: loadMacro("GDP"),
    treast: loadH41("TREAST"),
    auctions: loadAuctions(),
  };
}

export const foreignArticle: ArticleDef<typeof foreignSellingParams.specs, ForeignData, ForeignResult> = {
  meta: {
    slug: "foreign-selling",
    notebook: "03-foreign-selling",
    title: "Foreign selling of Treasuries: does it drive yields up and force the Fed to buy?",
    source: {
      author: "ALQ Capital",
      title: "China and Japan sell US Treasuries, the Fed heads for emergency bond buying",
      publisher: "user-submitted news post",
      date: ARTICLE.date,
      seed: "seeds/003_93246895511ff33b.txt",
    },
    claimIds: FOREIGN_CLAIM_IDS,
  },
  params: foreignSellingParams,
  load: loadForeignData,
  seriesOf: (d) =>
    [
      ...Object.values(d.tic.series),
      d.dgs10,
      d.dgs2,
      d.igOas,
      d.sp500,
      d.gdp,
      d.treast,
    ].map((x) => seriesAsOf(x)).concat([{
      seriesId: "TREASURY_AUCTIONS",
      rows: d.auctions.length,
      first: d.auctions[0].auctionDate,
      asOf: d.auctions[d.auctions.length - 1].auctionDate,
    }]),
  compute: computeForeign,
  claims: foreignClaims,
};

/** Run the article with the notebook's values and return its displays. */
export function openForeign(values: Record<string, unknown>) {
  const run = runArticle(foreignArticle, values);
  return articleNotebook(run, foreignSellingParams, foreignProse, foreignViews(run));
}
