/**
 * The QTEND notebook's views: one function per chart or table, each taking the loaded data and the
 * parameters and returning the displayable element. Pure (no I/O, no clock) and fast, so the same call can
 * run again, in the notebook or a browser, whenever a reader changes an assumption.
 *
 * Data flow: data (QtEndData rows) + params (QtEndParams) → lib/calc (pivots, eventStudy, levelWindow,
 * qtEnd) → lib/plot charts.
 */
import { QT_EVENTS } from "../../calc/policyEvents.ts";
import { type Pivot, pivotCoverage, PIVOTS, pivotsByIds, policyRateChangeBp } from "../../calc/pivots.ts";
import { changeUnit, daysBetween, eventPaths, type EventSeries, eventStudy, knownRows } from "../../calc/eventStudy.ts";
import { levelChanges, spellsNearLevel } from "../../calc/levelWindow.ts";
import { bandExit, splitChange } from "../../calc/bandExit.ts";
import { fmt, signed } from "../../format.ts";
import {
  eventSeries,
  formatChange,
  formatShare,
  historyStudy,
  qtEndClaims,
  type QtEndData,
  type QtEndParams,
  regimeRows,
  sinceQtEnd,
} from "../../articles/qt-end-and-risk-assets/qtEnd.ts";
import { claimsTable } from "../claimChecksTable.ts";
import type { Annotation } from "../common.ts";
import { htmlTable, note } from "../display.ts";
import { eventHorizonsChart } from "../eventHorizons.ts";
import { eventPathsChart, type PanelPivot, type PanelSeries } from "../eventPaths.ts";
import { holdingsChangeChart } from "../holdingsChange.ts";
import { qtEndWindowChart } from "../qtEndWindow.ts";
import { qtPathChart } from "../qtPath.ts";
import { targetRangeChart } from "../targetRange.ts";

/** Source text of each event series, for captions. */
const SOURCES: Record<string, string> = {
  SP500_monthly: "S&P 500 monthly mean (Shiller; from 2023-07 monthly means of FRED SP500)",
  SP500: "S&P 500 (S&P Dow Jones Indices via FRED)",
  NASDAQCOM: "NASDAQ Composite (Nasdaq via FRED)",
  DGS10: "10-year Treasury yield (Fed H.15 via FRED)",
  BAMLC0A0CM: "ICE BofA US Corporate OAS (ICE via FRED)",
};

const panelSeries = (s: EventSeries): PanelSeries => ({
  seriesId: s.seriesId,
  label: s.label,
  unit: changeUnit(s.units),
});
const panelPivot = (p: Pivot): PanelPivot => ({ id: p.id, label: p.label });
const sourcesOf = (series: readonly EventSeries[]) => series.map((s) => SOURCES[s.seriesId] ?? s.seriesId).join("; ");
/** The as-of text of several series: one date, or "first to last (by series)" when they end apart. */
const asOfOf = (series: readonly EventSeries[]) => {
  const ends = series.map((s) => s.rows[s.rows.length - 1]?.date ?? "").sort();
  return ends[0] === ends.at(-1) ? (ends[0] ?? "") : `${ends[0]} to ${ends.at(-1)} (by series)`;
};
const latestDate = (series: readonly EventSeries[]) =>
  series.map((s) => s.rows[s.rows.length - 1]?.date ?? "").sort().at(-1) ?? "";

/** QT's events plus the FOMC meeting the article expected a cut at, for annotations. */
export function qtEndAnnotations(params: QtEndParams): Annotation[] {
  return [...QT_EVENTS.map((e) => ({ date: e.date, label: e.label })), {
    date: params.articleFomcDate,
    label: "FOMC (article: cut priced)",
  }];
}

// ---------------------------------------------------------------------------------------------------
// Balance sheet and policy rate.

/** Total assets from `qtPathFrom` with the article's $7,400bn and $6,550bn and the weeks near the first. */
export function qtPathView(data: QtEndData, params: QtEndParams) {
  const spells = spellsNearLevel(
    data.walcl.rows,
    params.articleStartUsdBn,
    params.levelMatchBandFrac,
    params.qtPathFrom,
  );
  const marked = data.walcl.rows.filter((r) => spells.some((s) => r.date >= s.first.date && r.date <= s.last.date));
  return qtPathChart(data.walcl.rows, {
    from: params.qtPathFrom,
    references: [
      { valueUsdBn: params.articleStartUsdBn, label: "article: shrank from about" },
      { valueUsdBn: params.articleStableUsdBn, label: "article: stable near" },
    ],
    marked,
    markedLabel: `Dots: weeks within ±${Number((params.levelMatchBandFrac * 100).toFixed(2))}% of $${
      params.articleStartUsdBn.toLocaleString("en-US")
    }bn.`,
    events: QT_EVENTS,
    asOf: data.walcl.asOf,
  });
}

/** Total assets in the QT-end window against the article's "stable near" level and band. */
export function qtEndWindowView(data: QtEndData, params: QtEndParams) {
  return qtEndWindowChart(data.walcl.rows, {
    from: params.qtEndWindow.from,
    to: params.qtEndWindow.to,
    levelUsdBn: params.articleStableUsdBn,
    bandFrac: params.stableBandFrac,
    events: qtEndAnnotations(params),
    asOf: data.walcl.asOf,
  });
}

/** Change since the QT end ($bn) of total assets, Treasuries and MBS held. */
export function holdingsChangeView(data: QtEndData, params: QtEndParams) {
  const qtEnd = pivotsByIds([params.outOfSamplePivotId])[0].date;
  const series: EventSeries[] = [
    { seriesId: "WALCL", label: "Total assets", units: "$bn", rows: data.walcl.rows },
    { seriesId: "TREAST", label: "Treasuries", units: "$bn", rows: data.treast.rows },
    { seriesId: "WSHOMCB", label: "MBS", units: "$bn", rows: data.mbs.rows },
  ];
  const toMonths = Math.max(1, Math.ceil(daysBetween(qtEnd, params.qtEndWindow.to) / 30.4375));
  const points = eventPaths(series, [{ id: "qt-end", date: qtEnd }], {
    fromMonths: 0,
    toMonths,
    maxStaleDays: params.maxStaleDays,
  });
  return holdingsChangeChart(points, {
    baseDate: qtEnd,
    names: Object.fromEntries(series.map((s) => [s.seriesId, s.label])),
    to: params.qtEndWindow.to,
    events: qtEndAnnotations(params).filter((e) => e.date > qtEnd),
    asOf: [data.walcl.asOf, data.treast.asOf, data.mbs.asOf].sort()[0],
  });
}

/** Target range and effective rate over the QT-end window, each change labelled. */
export function targetRangeView(data: QtEndData, params: QtEndParams) {
  const { from, to } = params.qtEndWindow;
  return targetRangeChart(data.targetUpper.rows, data.targetLower.rows, data.dff.rows, {
    from,
    to,
    changes: levelChanges(data.targetUpper.rows, from, to),
    events: qtEndAnnotations(params).filter((e) => e.label.startsWith("FOMC") || e.label === "QT ends"),
    asOf: [data.targetUpper.asOf, data.dff.asOf].sort()[0],
  });
}

// ---------------------------------------------------------------------------------------------------
// The event study.

/** The history pivots plus the out-of-sample pivot (drawn in black), each selected once. */
function panelPivots(params: QtEndParams): Pivot[] {
  const ids = params.historyPivotIds.includes(params.outOfSamplePivotId)
    ? params.historyPivotIds
    : [...params.historyPivotIds, params.outOfSamplePivotId];
  return pivotsByIds(ids);
}

/** Each event series around each pivot over `pathWindowMonths`, the QT end of 2025 on top. */
export function eventPathsView(data: QtEndData, params: QtEndParams) {
  const series = eventSeries(data, params.eventSeriesIds);
  const pivots = panelPivots(params);
  const [fromMonths, toMonths] = params.pathWindowMonths;
  const points = eventPaths(series, pivots, { fromMonths, toMonths, maxStaleDays: params.maxStaleDays });
  return eventPathsChart(points, {
    title: "After the pivot: stocks, the 10-year yield and credit spreads around each tightening-to-easing turn",
    subtitle: `${fromMonths < 0 ? "−" : ""}${
      Math.abs(fromMonths)
    } to +${toMonths} months around each pivot. Stocks indexed to 100 at the pivot; yield and spread in bp from it. Black: ${
      pivots.find((p) => p.id === params.outOfSamplePivotId)?.label ?? params.outOfSamplePivotId
    } (out of sample).`,
    series: series.map(panelSeries),
    pivots: pivots.map(panelPivot),
    highlightId: params.outOfSamplePivotId,
    windowMonths: [fromMonths, toMonths],
    horizonsMonths: params.horizonsMonths,
    source: sourcesOf(series),
    asOf: asOfOf(series),
    note:
      "Pivot dates: FOMC statements (lib/calc/pivots.ts). Monthly means are placed at their month's end. IG OAS starts 1996-12-31.",
  });
}

/** The change at each horizon after each history pivot, with the mean, n and the count that rose. */
export function eventHorizonsView(data: QtEndData, params: QtEndParams) {
  const study = historyStudy(data, params);
  return eventHorizonsChart(study.rows, study.summary, {
    title: `How often did they rise? Changes ${
      params.horizonsMonths.map((h) => `+${h}`).join("/")
    } months after ${study.pivots.length} pivots`,
    subtitle: "One dot per pivot; black bar: the mean across pivots. n counts pivots with data at that horizon.",
    series: study.series.map(panelSeries),
    pivots: study.pivots.map(panelPivot),
    source: sourcesOf(study.series),
    asOf: asOfOf(study.series),
    note:
      "Indices: % change; yield and spread: bp change. Value at a date = last observation on or before it; a horizon beyond the data is missing, never filled.",
  });
}

/** The event series from three months before the QT end to the data's end: what happened since. */
export function sinceQtEndView(data: QtEndData, params: QtEndParams) {
  const pivot = pivotsByIds([params.outOfSamplePivotId])[0];
  const series = eventSeries(data, ["SP500", "NASDAQCOM", "DGS10", "BAMLC0A0CM"]);
  const end = latestDate(series);
  const toMonths = Math.max(1, Math.ceil(daysBetween(pivot.date, end) / 30.4375));
  const points = eventPaths(series, [pivot], { fromMonths: -3, toMonths, maxStaleDays: params.maxStaleDays });
  return eventPathsChart(points, {
    title: `Since the QT end (${pivot.date}): an update beyond the article`,
    subtitle: "Daily closes. Stocks indexed to 100 at the QT end; yield and spread in bp from it.",
    series: series.map(panelSeries),
    pivots: [panelPivot(pivot)],
    highlightId: pivot.id,
    windowMonths: [-3, toMonths],
    horizonsMonths: params.horizonsMonths,
    source: sourcesOf(series),
    asOf: asOfOf(series),
    note: `Series end on different days: ${
      series.map((s) => `${s.label} ${s.rows[s.rows.length - 1]?.date}`).join(", ")
    }.`,
  });
}

// ---------------------------------------------------------------------------------------------------
// Tables.

/** Every sourced pivot: kind, the effective rate's change across it, coverage by the shipped series, use. */
export function pivotTableView(data: QtEndData, params: QtEndParams) {
  const all = eventSeries(data, ["SP500_monthly", "SP500", "NASDAQCOM", "DGS10", "BAMLC0A0CM"]);
  const ranges = all.map((s) => {
    const rows = knownRows(s);
    return { seriesId: s.seriesId, first: rows[0].date, last: rows[rows.length - 1].date };
  });
  const coverage = pivotCoverage(PIVOTS, ranges, params.horizonsMonths);
  const short: Record<string, string> = {
    SP500_monthly: "S&P m",
    SP500: "S&P d",
    NASDAQCOM: "Nasdaq",
    DGS10: "10y",
    BAMLC0A0CM: "OAS",
  };
  const use = (
    p: Pivot,
  ) => (p.id === params.outOfSamplePivotId
    ? "out of sample"
    : params.historyPivotIds.includes(p.id)
    ? "history"
    : "not selected");
  return htmlTable(
    PIVOTS,
    [
      { label: "Pivot", value: (p) => p.id },
      { label: "Kind", value: (p) => p.kind },
      { label: "What was decided", value: (p) => p.description },
      {
        label: "Effective rate ±14d (bp)",
        value: (p) => formatChange(policyRateChangeBp(data.dff.rows, p.date), "bp"),
        align: "right",
      },
      {
        label: `Coverage (+${params.horizonsMonths.join("/")}m)`,
        value: (p) =>
          coverage
            .filter((c) => c.pivotId === p.id)
            .map((c) =>
              `${short[c.seriesId]} ${
                c.status === "full" ? "✓" : c.status === "none" ? "–" : `to +${c.horizonsMonths.at(-1) ?? 0}m`
              }`
            )
            .join(", "),
      },
      { label: "Used as", value: use },
      { label: "Source", value: (p) => p.source },
    ],
    "Tightening-to-easing pivots, as sourced (FOMC statements), with the effective federal funds rate's change across each (median of 14 days after minus 14 days before) and which shipped series cover it",
  );
}

/** The cross-pivot summary per series and horizon, with the out-of-sample pivot's change beside it. */
export function eventSummaryTableView(data: QtEndData, params: QtEndParams) {
  const study = historyStudy(data, params);
  const oos = eventStudy(study.series, pivotsByIds([params.outOfSamplePivotId]), {
    horizonsMonths: params.horizonsMonths,
    maxStaleDays: params.maxStaleDays,
  });
  const label = (id: string) => study.series.find((s) => s.seriesId === id)?.label ?? id;
  return htmlTable(
    study.summary,
    [
      { label: "Series", value: (s) => label(s.seriesId) },
      { label: "Horizon", value: (s) => `+${s.horizonMonths}m`, align: "right" },
      { label: "n", value: (s) => s.n, align: "right" },
      { label: "Mean", value: (s) => formatChange(s.mean, s.unit), align: "right" },
      { label: "Median", value: (s) => formatChange(s.median, s.unit), align: "right" },
      { label: "Min", value: (s) => formatChange(s.min, s.unit), align: "right" },
      { label: "Max", value: (s) => formatChange(s.max, s.unit), align: "right" },
      { label: "Rose", value: (s) => formatShare(s.nPositive, s.n), align: "right" },
      { label: "Missing", value: (s) => s.missingPivotIds.join(", ") || "–" },
      {
        label: `${params.outOfSamplePivotId} (out of sample)`,
        value: (s) => {
          const h = oos.find((r) => r.seriesId === s.seriesId)?.horizons.find((x) =>
            x.horizonMonths === s.horizonMonths
          );
          return h?.change === undefined ? `beyond the data (${h?.targetDate ?? "?"})` : formatChange(h.change, s.unit);
        },
        align: "right",
      },
    ],
    `Event study over ${study.pivots.length} history pivots (${
      params.historyPivotIds.join(", ")
    }): change after each pivot, % for indices, bp for the yield and spread`,
  );
}

/** One series' change at each horizon after each history pivot (rows: pivots). */
export function eventDetailTableView(
  data: QtEndData,
  params: QtEndParams,
  seriesId: string = params.rallySeriesIds[0],
) {
  const series = eventSeries(data, [seriesId]);
  const pivots = panelPivots(params);
  const rows = eventStudy(series, pivots, { horizonsMonths: params.horizonsMonths, maxStaleDays: params.maxStaleDays });
  const unit = changeUnit(series[0].units);
  return htmlTable(
    rows,
    [
      {
        label: "Pivot",
        value: (r) => `${r.pivotId}${r.pivotId === params.outOfSamplePivotId ? " (out of sample)" : ""}`,
      },
      {
        label: "Value at pivot",
        value: (
          r,
        ) => (r.base
          ? `${r.base.value.toLocaleString("en-US", { maximumFractionDigits: 2 })} (${r.base.date})`
          : "not covered"),
        align: "right",
      },
      ...params.horizonsMonths.map((h) => ({
        label: `+${h}m`,
        value: (r: (typeof rows)[number]) => {
          const x = r.horizons.find((y) => y.horizonMonths === h);
          return x?.change === undefined ? (r.base ? "beyond data" : "–") : formatChange(x.change, unit);
        },
        align: "right" as const,
      })),
    ],
    `${series[0].label}: change after each pivot (${unit})`,
  );
}

/** Changes from the QT end to each series' last observation (an update beyond the article). */
export function sinceQtEndTableView(data: QtEndData, params: QtEndParams) {
  const rows = sinceQtEnd(data, params);
  const level = (units: string, v: number | undefined) =>
    v === undefined
      ? "missing"
      : units === "pct"
      ? `${v.toFixed(2)}%`
      : units === "bp"
      ? `${v.toFixed(0)}bp`
      : v.toLocaleString("en-US", { maximumFractionDigits: 0 });
  return htmlTable(
    rows,
    [
      { label: "Series", value: (r) => r.label },
      {
        label: "At the QT end",
        value: (r) => `${level(r.units, r.from?.value)} (${r.from?.date ?? "–"})`,
        align: "right",
      },
      { label: "Latest", value: (r) => `${level(r.units, r.to?.value)} (${r.to?.date ?? "–"})`, align: "right" },
      { label: "Change", value: (r) => formatChange(r.change, changeUnit(r.units)), align: "right" },
    ],
    `What happened from the QT end (${
      pivotsByIds([params.outOfSamplePivotId])[0].date
    }) to the data's end — an update beyond the article`,
  );
}

/** The article's asset-class regime table with what the data says since the QT end. */
export function regimeTableView(data: QtEndData, params: QtEndParams) {
  return htmlTable(
    regimeRows(data, params),
    [
      { label: "Asset class", value: (r) => r.assetClass },
      { label: "Article: tightening", value: (r) => r.articleTightening },
      { label: "Article: after the QT end", value: (r) => r.articleAfterQtEnd },
      { label: "Measured by", value: (r) => r.measure },
      { label: "Data since the QT end", value: (r) => r.dataFigure },
      { label: "Verdict", value: (r) => r.verdict },
    ],
    "The article's regime table, checked from the QT end to the data's end",
  );
}

/** The claims table for QTEND-1..9 (the notebook asserts completeness before showing it). */
export function claimsView(data: QtEndData, params: QtEndParams) {
  return claimsTable(qtEndClaims(data, params), "QTEND claims checked against data");
}

/**
 * The sentence on the balance sheet after QT ended, computed: when total assets left a ±`stableBandFrac`
 * band around their level in the QT-end week, and what moved them in the week of their largest move inside
 * it (securities against the rest of the balance sheet: repo operations, loans and other assets).
 */
export function afterQtEndNote(data: QtEndData, params: QtEndParams) {
  const qtEnd = QT_EVENTS.find((e) => e.id === "qt-end")!.date;
  const walcl = data.walcl.rows;
  const exit = bandExit(walcl, qtEnd, params.stableBandFrac);
  const band = fmt(params.stableBandFrac * 100, "pct", { trim: true });
  const swing = exit.largestSwing;
  const split = swing
    ? splitChange(walcl, { Treasuries: data.treast.rows, MBS: data.mbs.rows }, swing.previousDate, swing.date)
    : undefined;
  const securities = split ? split.partsUsdBn.Treasuries + split.partsUsdBn.MBS : 0;
  const reversed = swing?.nextChangeUsdBn !== undefined &&
    Math.sign(swing.nextChangeUsdBn) === -Math.sign(swing.changeUsdBn) &&
    Math.abs(swing.nextChangeUsdBn) >= Math.abs(swing.changeUsdBn) / 2;
  return note(
    `Total assets stood at ${
      fmt(exit.reference.value, "usdBn")
    } in the QT-end week (${exit.reference.date}) and stayed within ±${band} of it ` +
      (exit.firstOutside
        ? `until ${exit.firstOutside.date}, when they were ${
          signed(exit.firstOutside.changeFrac * 100, "pct")
        } above it as the bill purchases added up.`
        : `to the data's end (${walcl.at(-1)!.date}).`) +
      (swing && split
        ? ` The largest weekly swing inside the band, ${
          signed(swing.changeUsdBn, "usdBn")
        } in the week of ${swing.date}, came ${
          Math.abs(split.restUsdBn) > Math.abs(securities) ? "from outside the securities" : "from the securities"
        }: ${signed(split.restUsdBn, "usdBn")} in repo operations, loans and other assets, ${
          signed(securities, "usdBn")
        } in Treasuries and MBS${reversed ? "; it reversed the next week" : ""}.`
        : ""),
  );
}
