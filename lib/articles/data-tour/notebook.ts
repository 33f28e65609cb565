/** Notebook 00's one entry point: load and validate every file, compute the tour, and its displays. */
import { loadCatalog } from "../../data/catalog.ts";
import { loadBalanceSheet } from "../../data/h41.ts";
import { articleNotebook } from "../../plot/articleNotebook.ts";
import { type ArticleDef, runArticle } from "../article.ts";
import { dataTourClaims } from "./claims.ts";
import { computeDataTour, type DataTourData, type DataTourResult } from "./compute.ts";
import { dataTourParams } from "./params.ts";
import { dataTourProse } from "./prose.ts";
import { dataTourViews } from "./views.ts";

export const dataTour: ArticleDef<typeof dataTourParams.specs, DataTourData, DataTourResult> = {
  meta: { slug: "data-tour", notebook: "00-data-tour", title: "A tour of qtlab's data", claimIds: [] },
  params: dataTourParams,
  load: () => ({ catalog: loadCatalog(), balanceSheet: loadBalanceSheet() }),
  seriesOf: (d) => d.catalog.map((f) => ({ seriesId: f.seriesId, rows: f.rows, first: f.firstDate, asOf: f.lastDate })),
  compute: computeDataTour,
  claims: dataTourClaims,
};

/** Run the tour with the notebook's values and return its displays. */
export function openDataTour(values: Record<string, unknown>) {
  const run = runArticle(dataTour, values);
  return articleNotebook(run, dataTourParams, dataTourProse, dataTourViews(run));
}
