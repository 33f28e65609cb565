/**
 * The QT-end article's charts, tables and live view, drawn from the run (nothing here computes a figure:
 * every number is a field of the result, formatted through lib/format.ts).
 */
import { changeUnit } from "../../calc/eventStudy.ts";
import { PIVOTS } from "../../calc/pivots.ts";
import { QT_EVENTS } from "../../calc/policyEvents.ts";
import { tradingDayPaths } from "../../calc/tradingDayStudy.ts";
import { fmt, signed } from "../../format.ts";
import { liveView } from "../../live/liveView.ts";
import { type EventHorizonsData, MAX_HORIZON_TRADING_DAYS } from "../../live/views/eventHorizons.ts";
import type { Annotation } from "../../plot/common.ts";
import { htmlTable } from "../../plot/display.ts";
import { eventPathsChart } from "../../plot/eventPaths.ts";
import { holdingsChangeChart } from "../../plot/holdingsChange.ts";
import { markedTable } from "../../plot/markedTable.ts";
import { pivotHorizonsChart } from "../../plot/pivotHorizons.ts";
import { qtEndWindowChart } from "../../plot/qtEndWindow.ts";
import { qtPathChart } from "../../plot/qtPath.ts";
import { targetRangeChart } from "../../plot/targetRange.ts";
import type { ArticleRun } from "../article.ts";
import { regimeFigureText } from "./claims.ts";
import { DAILY_STALE_DAYS, monthsOfTradingDays, type QtEndResult } from "./compute.ts";
import type { qtEndParams } from "./params.ts";
import { countText, everyKey, horizonText, upKey } from "./prose.ts";

type Run = ArticleRun<typeof qtEndParams.specs, QtEndResult>;

const SOURCES = {
  daily: "NASDAQ Composite (Nasdaq via FRED), S&P 500 (S&P Dow Jones Indices via FRED, daily from 2016-08)",
  monthly: "S&P 500 monthly averages (Shiller; from 2023-07 monthly means of FRED SP500)",
  paths: "FRED: NASDAQCOM, SP500; Fed H.15 DGS10; ICE BofA US Corporate OAS",
};

/** The live view's data from the run: each daily stock index's closes from each pivot to the longest horizon. */
export function eventHorizonsDataOf(run: Run): EventHorizonsData {
  const r = run.result;
  const maxHorizonDays = Math.max(MAX_HORIZON_TRADING_DAYS, ...run.params.horizonsTradingDays);
  const rows = { NASDAQCOM: r.data.nasdaq.rows, SP500: r.data.sp500.rows };
  const daily = r.measures.filter((m) => m.kind === "daily");
  return {
    maxHorizonDays,
    pivots: r.pivots.map((p) => ({ id: p.id, label: p.label })),
    // Plain JSON for the page: an absent "inside the window of" is left out, not undefined.
    overlaps: r.overlaps.map((o) => ({
      pivotId: o.pivotId,
      counted: o.counted,
      ...(o.insideWindowOf ? { insideWindowOf: o.insideWindowOf } : {}),
    })) as EventHorizonsData["overlaps"],
    measures: daily.map((m) => ({
      id: m.id,
      label: m.label,
      paths: tradingDayPaths(rows[m.id as keyof typeof rows], r.pivots, maxHorizonDays, DAILY_STALE_DAYS),
    })),
    source: SOURCES.daily,
    asOf: [r.data.nasdaq.asOf, r.data.sp500.asOf].sort()[0],
  };
}

export function qtEndViews(run: Run) {
  const r = run.result;
  const p = run.params;
  const annotations: Annotation[] = [
    ...QT_EVENTS.map((e) => ({ date: e.date, label: e.label })),
    { date: p.articleFomcDate, label: "FOMC (article: cut priced)" },
  ];
  const merged = r.overlaps.filter((o) => !o.counted).map((o) => o.pivotId);
  const flag = (id: string) => {
    const o = r.overlaps.find((x) => x.pivotId === id);
    return o?.insideWindowOf ? ` (inside ${o.insideWindowOf}'s window${o.counted ? ", flagged" : ", merged"})` : "";
  };
  return {
    qtPath: () =>
      qtPathChart(r.data.walcl.rows, {
        from: p.qtPathFrom,
        references: [
          { valueUsdBn: p.articleStartUsdBn, label: "article: shrank from about" },
          { valueUsdBn: p.articleStableUsdBn, label: "article: stable near" },
        ],
        marked: r.data.walcl.rows.filter((x) =>
          r.levels.spells.some((s) => x.date >= s.first.date && x.date <= s.last.date)
        ),
        markedLabel: `Dots: weeks within ±${fmt(p.levelMatchBandFrac * 100, "pct", { trim: true })} of ${
          fmt(p.articleStartUsdBn, "usdBn")
        }.`,
        events: QT_EVENTS,
        asOf: r.data.walcl.asOf,
      }),
    qtEndWindow: () =>
      qtEndWindowChart(r.data.walcl.rows, {
        from: p.qtEndWindow.from,
        to: p.qtEndWindow.to,
        levelUsdBn: p.articleStableUsdBn,
        bandFrac: p.stableBandFrac,
        events: annotations,
        asOf: r.data.walcl.asOf,
      }),
    holdingsChange: () =>
      holdingsChangeChart(r.holdingsPaths.points, {
        baseDate: r.qt.end,
        names: Object.fromEntries(r.holdingsPaths.series.map((s) => [s.seriesId, s.label])),
        to: p.qtEndWindow.to,
        events: annotations.filter((e) => e.date > r.qt.end),
        asOf: [r.data.walcl.asOf, r.data.treast.asOf, r.data.mbs.asOf].sort()[0],
      }),
    targetRange: () =>
      targetRangeChart(r.data.targetUpper.rows, r.data.targetLower.rows, r.data.dff.rows, {
        from: p.qtEndWindow.from,
        to: p.qtEndWindow.to,
        changes: r.cut.changes,
        events: annotations.filter((e) => e.label.startsWith("FOMC") || e.label === "QT ends"),
        asOf: [r.data.targetUpper.asOf, r.data.dff.asOf].sort()[0],
      }),
    pivotTable: () =>
      htmlTable(
        PIVOTS,
        [
          { label: "Pivot", value: (x) => x.id },
          { label: "Kind", value: (x) => x.kind },
          { label: "What was decided", value: (x) => x.description },
          {
            label: "Effective rate ±14 days",
            value: (x) => signed(r.policyRateBp.find((y) => y.pivotId === x.id)?.changeBp, "bp"),
            align: "right",
          },
          {
            label: "Used as",
            value: (x) =>
              x.id === p.outOfSamplePivotId
                ? "out of sample"
                : (p.historyPivotIds as readonly string[]).includes(x.id)
                ? `history${flag(x.id)}`
                : "not selected",
          },
          { label: "Source", value: (x) => x.source },
        ],
        "Tightening-to-easing pivots as sourced (FOMC statements), with the effective federal funds rate's change across each (median of 14 days after minus 14 days before)",
      ),
    paths: () =>
      eventPathsChart(r.paths.points, {
        title: "Around each pivot, on daily data: stocks, the 10-year yield and the IG spread",
        subtitle: `${p.pathWindowMonths[0]} to +${
          p.pathWindowMonths[1]
        } months around each pivot. Stocks indexed to 100 at the pivot; yield and spread in bp from it. Black: ${r.outOfSample.label} (out of sample).`,
        series: r.paths.series.map((s) => ({ seriesId: s.seriesId, label: s.label, unit: changeUnit(s.units) })),
        pivots: r.paths.pivots.map((x) => ({ id: x.id, label: x.label })),
        highlightId: r.outOfSample.id,
        windowMonths: p.pathWindowMonths,
        horizonsMonths: monthsOfTradingDays(p.rallyHorizonsTradingDays),
        source: SOURCES.paths,
        asOf: r.paths.series.map((s) => s.rows.at(-1)?.date ?? "").sort()[0],
        note: "Daily series only; the S&P 500's daily closes start in 2016-08. IG OAS starts 1996-12-31.",
      }),
    horizons: () =>
      pivotHorizonsChart(r.measures, {
        title: `After the pivot: changes at each horizon, ${r.pivots.length} pivots, daily and monthly measures apart`,
        subtitle:
          "One dot per pivot (hollow: merged into an earlier episode, in no count); black bar: mean of the counted episodes; under each horizon: up k of n.",
        pivots: r.pivots.map((x) => ({ id: x.id, label: x.label })),
        mergedPivotIds: merged,
        source: `${SOURCES.daily}; ${SOURCES.monthly}`,
        asOf: [r.data.nasdaq.asOf, r.data.sp500.asOf].sort()[0],
        note: "Daily: close to close, horizons in trading days (+d). Monthly averages: horizons in months (+m).",
      }),
    liveHorizons: () =>
      liveView("eventHorizons", eventHorizonsDataOf(run), {
        horizonsTradingDays: p.horizonsTradingDays,
        rallySeriesId: p.rallySeriesId,
      }),
    summaryTable: () =>
      markedTable(
        r.measures.flatMap((m) =>
          m.summary.map((s) => ({
            label: `${m.label}, +${horizonText(m, s.horizonDays)}`,
            cells: [
              { key: upKey(m, s.horizonDays), text: countText(s.nUp, s.n) },
              { key: `fig:mean.${m.id}.${s.horizonDays}`, text: signed(s.mean, "pct") },
              { key: `fig:median.${m.id}.${s.horizonDays}`, text: signed(s.median, "pct") },
              {
                key: `fig:range.${m.id}.${s.horizonDays}`,
                text: s.n ? `${signed(s.min, "pct")} to ${signed(s.max, "pct")}` : "n/a",
              },
              { key: `fig:missing.${m.id}.${s.horizonDays}`, text: s.missingPivotIds.join(", ") || "none" },
            ],
          }))
        ),
        ["Higher after (of counted episodes)", "Mean", "Median", "Range", "No data (counted pivots)"],
        `Event study over ${r.pivots.length} pivots (${
          merged.length ? `${merged.join(", ")} merged into an earlier episode` : "no overlapping windows"
        }): % change; daily measures and the monthly-average measure are never pooled`,
      ),
    rallyTable: () =>
      markedTable(
        r.measures.map((m) => ({
          label: m.label,
          cells: [
            { key: everyKey(m), text: countText(m.upAtEvery.up.length, m.upAtEvery.n) },
            { key: `fig:upAtEveryDown.${m.id}`, text: m.upAtEvery.down.join(", ") || "none" },
          ],
        })),
        ["Higher at every rally horizon (of counted episodes)", "Lower at one of them"],
        `Episodes higher at every one of ${
          p.rallyHorizonsTradingDays.join(" and ")
        } trading days (monthly averages: the same horizons in months); each measure apart`,
      ),
    detailTable: () =>
      htmlTable(
        [...r.pivots, r.outOfSample],
        [
          { label: "Pivot", value: (x) => `${x.id}${x.id === r.outOfSample.id ? " (out of sample)" : flag(x.id)}` },
          ...r.measures.flatMap((m) =>
            m.horizons.map((h) => ({
              label: `${
                m.id === "SP500_monthly" ? "S&P 500 monthly avg" : m.id === "SP500" ? "S&P 500 daily" : "NASDAQ daily"
              } +${h}${m.horizonUnit === "months" ? "m" : "d"}`,
              value: (x: { id: string }) => {
                const w = x.id === r.outOfSample.id
                  ? r.outOfSampleWindows.find((o) => o.id === m.id)?.window
                  : m.windows.find((y) => y.pivotId === x.id);
                const c = w?.horizons.find((y) => y.horizonDays === h);
                return !w
                  ? "–"
                  : !w.base
                  ? "no data"
                  : c?.changePct === undefined
                  ? "beyond data"
                  : signed(c.changePct, "pct");
              },
              align: "right" as const,
            }))
          ),
        ],
        "Change after each pivot, %: daily closes (+d trading days) and S&P 500 monthly averages (+m months)",
      ),
    since: () =>
      eventPathsChart(r.since.points, {
        title: `Since the QT end (${r.outOfSample.date}): an update beyond the article`,
        subtitle: "Daily closes. Stocks indexed to 100 at the QT end; yield and spread in bp from it.",
        series: r.since.series.map((s) => ({ seriesId: s.seriesId, label: s.label, unit: changeUnit(s.units) })),
        pivots: [{ id: r.outOfSample.id, label: r.outOfSample.label }],
        highlightId: r.outOfSample.id,
        windowMonths: [-3, Math.max(1, Math.ceil(r.since.points.at(-1)?.monthsSincePivot ?? 1))],
        horizonsMonths: monthsOfTradingDays(p.rallyHorizonsTradingDays),
        source: SOURCES.paths,
        asOf: r.since.series.map((s) => s.rows.at(-1)?.date ?? "").sort()[0],
      }),
    sinceTable: () =>
      markedTable(
        r.since.rows.map((x) => ({
          label: x.label,
          cells: [
            { key: `fig:sinceFrom.${x.seriesId}`, text: `${x.from?.date ?? "n/a"}` },
            { key: `fig:sinceTo.${x.seriesId}`, text: `${x.to?.date ?? "n/a"}` },
            {
              key: `fig:since.${x.seriesId}`,
              text: x.units === "index" ? signed(x.change, "pct") : signed(x.change, "bp"),
            },
          ],
        })),
        ["From (QT end)", "To (latest)", "Change"],
        `What happened from the QT end (${r.outOfSample.date}) to each series' latest observation — an update beyond the article`,
      ),
    regimeTable: () =>
      htmlTable(
        r.regime,
        [
          { label: "Asset class", value: (x) => x.assetClass },
          { label: "Article: tightening", value: (x) => x.articleTightening },
          { label: "Article: after the QT end", value: (x) => x.articleAfterQtEnd },
          { label: "Measured by", value: (x) => x.measure },
          { label: "Data since the QT end", value: (x) => regimeFigureText(x) },
          { label: "Outcome", value: (x) => x.outcome },
        ],
        "The article's regime table, checked from the QT end to the data's end",
      ),
  };
}
