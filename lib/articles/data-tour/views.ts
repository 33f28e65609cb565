/** The data tour's views: the catalogue, the balance sheet since the chart's first date, the drain by year. */
import { QT_EVENTS } from "../../calc/policyEvents.ts";
import { balanceSheetChart, balanceSheetLines } from "../../plot/balanceSheet.ts";
import { dataTourTable } from "../../plot/dataTour.ts";
import { markedTable } from "../../plot/markedTable.ts";
import type { ArticleRun } from "../article.ts";
import { type DataTourResult, DRAIN_SERIES } from "./compute.ts";
import type { dataTourParams } from "./params.ts";
import { drainKey, drainText } from "./prose.ts";

type Run = ArticleRun<typeof dataTourParams.specs, DataTourResult>;

export function dataTourViews(run: Run) {
  const r = run.result;
  return {
    catalog: () => dataTourTable(r.catalog),
    balanceSheet: () =>
      balanceSheetChart(balanceSheetLines(r.balanceSheet), { from: run.params.chartFromDate, events: QT_EVENTS }),
    drain: () =>
      markedTable(
        Object.entries(DRAIN_SERIES).map(([key, label]) => ({
          label,
          cells: [
            ...r.drain.periods.map((p) => ({
              key: drainKey(key as keyof typeof DRAIN_SERIES, p.from.slice(0, 4)),
              text: drainText(p.changesUsdBn[key]),
            })),
            { key: drainKey(key as keyof typeof DRAIN_SERIES, "all"), text: drainText(r.drain.totalUsdBn[key]) },
          ],
        })),
        [...r.drain.periods.map((p) => `${p.from} to ${p.to}`), "whole window"],
        `Change of each liability by calendar year, ${run.params.drainFromDate} to ${run.params.drainToDate} ($bn; H.4.1)`,
      ),
  };
}
