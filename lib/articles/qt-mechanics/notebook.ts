/** Notebook 01's one entry point: load and validate the series, compute the article once, and its displays. */
import { loadH15 } from "../../data/h15.ts";
import { loadH41 } from "../../data/h41.ts";
import { loadIce } from "../../data/ice.ts";
import { articleNotebook } from "../../plot/articleNotebook.ts";
import { type ArticleDef, runArticle, seriesAsOf } from "../article.ts";
import { ARTICLE_DATE, QTMECH_CLAIM_IDS, qtMechanicsClaims } from "./claims.ts";
import { computeQtMechanics, type QtMechanicsData, type QtMechanicsResult } from "./compute.ts";
import { qtMechanicsParams } from "./params.ts";
import { qtMechanicsProse } from "./prose.ts";
import { qtMechanicsViews } from "./views.ts";

/** Every series the article reads, each validated on load. */
export function loadQtMechanicsData(): QtMechanicsData {
  return {
    assets: loadH41("WALCL"),
    treasuries: loadH41("TREAST"),
    mbs: loadH41("WSHOMCB"),
    reserves: loadH41("WRESBAL"),
    tga: loadH41("WTREGEN"),
    onRrp: loadH41("RRPONTSYD"),
    currency: loadH41("CURRCIR"),
    rangeUpper: loadH15("DFEDTARU"),
    tenYear: loadH15("DGS10"),
    igOas: loadIce("BAMLC0A0CM"),
  };
}

export const qtMechanicsArticle: ArticleDef<typeof qtMechanicsParams.specs, QtMechanicsData, QtMechanicsResult> = {
  meta: {
    slug: "qt-mechanics",
    notebook: "01-qt-mechanics",
    title: "QT mechanics and the 2025 slowdown",
    source: {
      author: "Osaki (K2 College)",
      title: "What does the QT slowdown mean?",
      publisher: "K2 College",
      date: ARTICLE_DATE,
      seed: "seeds/002_60d8466865700d62.txt",
    },
    claimIds: QTMECH_CLAIM_IDS,
  },
  params: qtMechanicsParams,
  load: loadQtMechanicsData,
  seriesOf: (d) => Object.values(d).map((x) => seriesAsOf(x)),
  compute: computeQtMechanics,
  claims: qtMechanicsClaims,
};

/** Run the article with the notebook's values and return its displays. */
export function openQtMechanics(values: Record<string, unknown>) {
  const run = runArticle(qtMechanicsArticle, values);
  return articleNotebook(run, qtMechanicsParams, qtMechanicsProse, qtMechanicsViews(run));
}
