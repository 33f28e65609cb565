/**
 * Money market funds' assets against commercial bank deposits, quarter-end levels in $bn, with the
 * events of the tightening cycle marked.
 */
import { fmt, share } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import type { MoneyFundQuarter } from "../calc/moneyFunds.ts";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

/** Options of {@link moneyFundsDepositsChart}; dates are ISO. */
export interface MoneyFundsChartOptions {
  /** First quarter shown (ISO, first day of the quarter). */
  from?: string;
  events?: readonly Annotation[];
  source?: string;
  width?: number;
}

const defaults = {
  from: "2019-01-01",
  source:
    "Federal Reserve Board Z.1 Financial Accounts (MMMFFAQ027S, quarterly) and H.8 (DPSACBW027SBOG, weekly, SA), via FRED",
};

/**
 * Two lines at each quarter's end ($bn): money-fund total financial assets (Z.1 end-of-quarter level)
 * and bank deposits (H.8, the quarter's last Wednesday). The caption gives the ratio at the first and
 * last quarter shown.
 */
export function moneyFundsDepositsChart(quarters: readonly MoneyFundQuarter[], options: MoneyFundsChartOptions = {}) {
  const from = options.from ?? defaults.from;
  const shown = quarters.filter((q) => q.quarter >= from);
  if (shown.length === 0) throw new Error("moneyFundsDepositsChart: no quarters to show");
  const first = shown[0];
  const last = shown[shown.length - 1];
  const points = shown.flatMap((q) => [
    { date: utcDate(q.quarterEnd), name: "Money market funds (Z.1)", value: q.mmfUsdBn },
    { date: utcDate(q.quarterEnd), name: "Bank deposits (H.8)", value: q.depositsUsdBn },
  ]);
  const pct = (f: number) => share(f, 1);
  return render({
    title: "Money market funds against bank deposits",
    subtitle:
      "Quarter-end levels, $bn. Money funds: Z.1 total financial assets (quarterly, not the weekly ICI series); deposits: all commercial banks, SA.",
    caption: sourceCaption(
      options.source ?? defaults.source,
      last.quarterEnd,
      `Money funds / deposits: ${pct(first.ratioFrac)} at ${first.quarterEnd}, ${
        pct(last.ratioFrac)
      } at ${last.quarterEnd}. Deposits are the Wednesday level on or just before each quarter end.`,
    ),
    width: options.width ?? chartDefaults.width,
    marginTop: 30,
    marginLeft: 60,
    marginRight: 90,
    x: { type: "utc", label: null },
    y: { label: "$bn", grid: true, tickFormat: ",.0f", domain: [0, Math.max(...points.map((p) => p.value)) * 1.3] },
    color: { legend: true, domain: ["Bank deposits (H.8)", "Money market funds (Z.1)"], range: ["#1f5fa8", "#e67e22"] },
    marks: [
      ...eventMarks(options.events ?? [], { from, to: last.quarterEnd }),
      Plot.lineY(points, { x: "date", y: "value", stroke: "name", strokeWidth: 1.8, marker: "circle" }),
      hoverTips(points, {
        x: (d) => d.date,
        y: (d) => d.value,
        series: (d) => d.name,
        title: (d) => `${d.name}, ${isoDate(d.date)}: ${fmt(d.value, "usdBn")}`,
      }),
      Plot.text(
        points,
        Plot.selectLast({
          x: "date",
          y: "value",
          z: "name",
          text: (d: { value: number }) => fmt(d.value, "usdBn"),
          fill: "name",
          dx: 6,
          textAnchor: "start",
          fontSize: 10,
        }),
      ),
    ],
  });
}
