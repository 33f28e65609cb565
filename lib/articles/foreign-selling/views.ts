/**
 * The foreign-selling article's charts, tables and live view, drawn from the run (computed once, in
 * compute.ts); none recomputes the article.
 */
import { fmt, num } from "../../format.ts";
import { liveView } from "../../live/liveView.ts";
import { htmlTable } from "../../plot/display.ts";
import { eventWeekChart } from "../../plot/eventWeek.ts";
import { foreignHoldingsChart } from "../../plot/foreignHoldings.ts";
import { announcementTable, bidToCoverTable, holdingsCheckTable, scenarioTable } from "../../plot/foreignTables.ts";
import { markedTable } from "../../plot/markedTable.ts";
import { weeklyChangesChart } from "../../plot/weeklyYieldChanges.ts";
import type { ArticleRun } from "../article.ts";
import type { ForeignResult } from "./compute.ts";
import { foreignSellingParams } from "./params.ts";
import { usdText, valuationKey } from "./prose.ts";

type Run = ArticleRun<typeof foreignSellingParams.specs, ForeignResult>;

export function foreignViews(run: Run) {
  const r = run.result;
  const p = run.params;
  return {
    data: () =>
      htmlTable(
        r.loaded,
        [
          { label: "Series", value: (s) => s.seriesId },
          {
            label: "Rows",
            value: (s) => num(s.rows),
            align: "right",
          },
          { label: "As of", value: (s) => s.asOf },
        ],
        `Data loaded (all validated); auctions ${
          num(r.auctionYears.rows)
        } rows, ${r.auctionYears.first} to ${r.auctionYears.last}`,
      ),
    holdingsChart: () =>
      foreignHoldingsChart(r.holders, {
        from: p.holdingsChartFrom,
        breaks: r.breaks,
        highlights: [{
          name: "China",
          date: r.chinaArticleMonth.date,
          label: `China ${fmt(r.chinaArticleMonth.value, "usdBn", { digits: 1 })}, Dec 2024`,
        }],
      }),
    holdingsTable: () =>
      holdingsCheckTable(
        r.holdingsCheck,
        `The article's table against TIC (mfhhis01 revised March 18, 2026; data to ${
          r.holders[0].rows.at(-1)!.date.slice(0, 7)
        })`,
      ),
    valuationTable: () =>
      markedTable(
        r.decompositions.map((x) => ({
          label: `${x.holder}, ${x.fromDate.slice(0, 7)} → ${x.toDate.slice(0, 7)}`,
          cells: [
            { key: valuationKey(x.holder, x.fromDate, "change"), text: usdText(x.changeUsdBn) },
            {
              key: `fig:valuation.${x.holder}.${x.fromDate.slice(0, 7)}.yieldBp`,
              text: fmt(x.yieldChangePct * 100, "bp"),
            },
            { key: valuationKey(x.holder, x.fromDate, "valuation"), text: usdText(x.valuationUsdBn) },
            { key: valuationKey(x.holder, x.fromDate, "residual"), text: usdText(x.residualUsdBn) },
          ],
        })),
        ["Change", "Yield move", "Valuation", "Residual ≈ net transactions"],
        `Change in holdings = valuation (−duration × Δyield × holdings) + residual; yield move = weighted 2- and 10-year month-end change; duration ${
          fmt(p.durationYears, "years")
        }`,
      ),
    weekChart: () =>
      eventWeekChart(
        [
          {
            heading: "Treasury yields",
            unit: "pct",
            lines: [{ name: "10-year", rows: r.around.dgs10 }, { name: "2-year", rows: r.around.dgs2 }],
          },
          { heading: "IG corporate OAS", unit: "bp", lines: [{ name: "IG OAS", rows: r.around.igOas }], format: ".0f" },
          { heading: "S&P 500", unit: "index", lines: [{ name: "S&P 500", rows: r.around.sp500 }], format: ",.0f" },
        ],
        {
          from: p.eventChartFrom,
          to: p.eventChartTo,
          windowFrom: p.eventWeekFrom,
          windowTo: p.eventWeekTo,
          title: "The article's week: yields, spreads and stocks",
        },
      ),
    weeklyChart: () =>
      weeklyChangesChart(r.week.weeklyBp, {
        highlightToDate: p.eventWeekTo,
        rank: r.week.weeklyRank.rank,
        count: r.week.weeklyRank.count,
        labelToDates: r.week.labelToDates,
      }),
    auctionsTable: () =>
      bidToCoverTable(
        r.bidToCover,
        `3- and 10-year nominal auctions in the shipped file (reopenings included, TIPS and FRNs left out); trailing mean of the previous ${p.bidToCoverTrailingAuctions}`,
      ),
    /** In the exported report a reader changes the sale and the elasticities; the page recomputes with lib. */
    impactLive: () =>
      liveView("foreignSaleImpact", {
        gdpUsdBn: r.impact.gdpUsdBn,
        gdpQuarter: p.gdpQuarter,
        fedTreasuries: r.impact.fedTreasuries,
      }, {
        beltranShortRunBpPer100Bn: p.beltranShortRunBpPer100Bn,
        beltranLongRunBpPer100Bn: p.beltranLongRunBpPer100Bn,
        warnockBpPerPctGdp: p.warnockBpPerPctGdp,
        qeBpPer600Bn: p.qeBpPer600Bn,
        foreignSaleUsdBn: p.foreignSaleUsdBn,
        scenarioSalesUsdBn: p.scenarioSalesUsdBn,
      }, { declaration: foreignSellingParams }),
    saleTable: () =>
      scenarioTable(
        r.impact.sale,
        `A foreign sale of ${fmt(p.foreignSaleUsdBn, "usdBn")} (GDP ${p.gdpQuarter.slice(0, 7)}: ${
          fmt(r.impact.gdpUsdBn, "usdBn")
        } SAAR)`,
      ),
    announcementsTable: () =>
      announcementTable(
        r.announcements,
        "10-year yield from the close before each announcement to the close on (or after) its day",
      ),
  };
}
