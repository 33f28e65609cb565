/**
 * The balance-sheet-and-stocks article's charts and tables, drawn from the run (computed once, in
 * compute.ts); none recomputes the article.
 */
import { BTFP_PROGRAM } from "../../calc/btfp.ts";
import { QT_EVENTS } from "../../calc/policyEvents.ts";
import { num } from "../../format.ts";
import { balanceSheetToGdpChart } from "../../plot/balanceSheetToGdp.ts";
import { markedTable } from "../../plot/markedTable.ts";
import { seriesTable } from "../../plot/seriesTable.ts";
import { moneyFundsDepositsChart } from "../../plot/moneyFundsDeposits.ts";
import { netLiquidityVsSp500Chart } from "../../plot/netLiquidityVsSp500.ts";
import { yieldVsPolicyChart } from "../../plot/yieldVsPolicy.ts";
import type { ArticleRun } from "../article.ts";
import type { BalanceSheetResult } from "./compute.ts";
import type { balanceSheetAndStocksParams } from "./params.ts";
import { correlationKey, drainKey, drainText, rText } from "./prose.ts";

type Run = ArticleRun<typeof balanceSheetAndStocksParams.specs, BalanceSheetResult>;

export function balanceSheetViews(run: Run) {
  const r = run.result;
  const p = run.params;
  const covid = { date: p.covidQeDateIso, label: "COVID purchases" };
  const note = { date: p.articleAsOfDateIso, label: "the note" };
  const qtEnds = QT_EVENTS.filter((e) => e.id === "qt-start" || e.id === "qt-end");
  return {
    data: () => seriesTable(r.loaded),
    gdpChart: () =>
      balanceSheetToGdpChart(r.gdp.share, {
        from: "2008-01-01",
        basis: p.gdpBasis,
        events: [covid, ...qtEnds],
        highlights: [
          { date: r.gdp.preCovidQuarter.quarter, label: "pre-COVID" },
          { date: r.gdp.lastQuarterBeforeNote.quarter, label: "before the note" },
        ],
      }),
    correlations: () =>
      markedTable(
        r.liquidity.correlations.map((c, i) => {
          const sample = i < 3 ? "before" : "qt";
          return {
            label: `${c.rel.from} to ${c.rel.to}: ${c.what}`,
            cells: [
              { key: correlationKey(sample, c.what), text: rText(c.c.r) },
              { key: `fig:corr.${sample}.${c.what.split(" ")[0]}.n`, text: num(c.c.n) },
              {
                key: `fig:corr.${sample}.${c.what.split(" ")[0]}.ci`,
                text: c.ci ? `${rText(c.ci.lo)} to ${rText(c.ci.hi)}` : "not meaningful: trending levels",
              },
            ],
          };
        }),
        ["r", "n", "95% interval (Fisher z)"],
        "Net liquidity and the S&P 500: correlations with sample and size",
      ),
    liquidityChart: () =>
      netLiquidityVsSp500Chart(r.liquidity.weeks, {
        from: r.liquidity.before.from,
        to: r.liquidity.before.to,
        relation: r.liquidity.before,
        events: [covid, ...QT_EVENTS, { date: BTFP_PROGRAM.announced, label: "BTFP opens" }, note],
      }),
    moneyFundsChart: () =>
      moneyFundsDepositsChart(r.moneyFunds.quarters, {
        from: "2019-01-01",
        events: [covid, ...qtEnds, { date: BTFP_PROGRAM.announced, label: "SVB · BTFP opens" }, note],
      }),
    drainTable: () =>
      markedTable(
        r.drain.map((w, i) => ({
          label: `${w.from} to ${w.to}`,
          cells: [
            { key: drainKey(i, "assetsUsdBn"), text: drainText(w.assetsUsdBn) },
            { key: drainKey(i, "onRrpUsdBn"), text: drainText(w.onRrpUsdBn) },
            { key: drainKey(i, "reservesUsdBn"), text: drainText(w.reservesUsdBn) },
          ],
        })),
        ["Total assets", "ON RRP", "Reserves (week average)"],
        "Changes over QT before the note ($bn; H.4.1 weeks; ON RRP: the operation on or before each date)",
      ),
    yieldChart: () =>
      yieldVsPolicyChart(r.yieldChart.tenYear, r.yieldChart.lower, r.yieldChart.upper, {
        from: p.yieldChartFromIso,
        to: p.articleAsOfDateIso,
        peak: { date: r.yields.peakDate, value: r.yields.peakPct },
        events: [{ date: p.fomcDateIso, label: `FOMC ${p.fomcDateIso}` }, {
          date: p.articleRecordDateIso,
          label: "S&P 500 record",
        }],
      }),
    afterChart: () =>
      netLiquidityVsSp500Chart(r.liquidity.weeks, {
        from: p.articleAsOfDateIso,
        relation: r.liquidity.after,
        showTotalAssets: true,
        title: "After the note: the balance sheet, net liquidity and the S&P 500",
        events: [...QT_EVENTS, { date: BTFP_PROGRAM.lastNewLoanDate, label: "BTFP: last new loans" }],
      }),
  };
}
