/**
 * The QT-end article's one computation (notebook 04): the balance sheet around the QT end, the December
 * cut, the Treasury purchases after it, the pivot event study and what happened since the QT end. Every
 * number a claim, sentence, table or chart shows is a field of the result. Pure.
 *
 * The event study measures every pivot on daily closes, at horizons in trading days counted in each
 * series' own calendar from the pivot's close (the last close on or before the pivot date). The S&P 500
 * ships daily only from 2016-08, so its older pivots are read from Shiller's monthly averages: a measure of
 * its own (each average dated at its month's end, horizons in whole months), shown apart and never pooled
 * with a daily one. Pivots inside an earlier pivot's window are one episode (merged) or flagged.
 */
import { addDays, daysBetween, yearsBetween } from "../../calendar.ts";
import { type BandExit, bandExit, splitChange } from "../../calc/bandExit.ts";
import {
  eventPaths,
  type EventSeries,
  eventStudy,
  type PathPoint,
  type Point,
  type WindowChange,
  windowChanges,
} from "../../calc/eventStudy.ts";
import {
  type BandShare,
  type LevelChange,
  levelChanges,
  type LevelSpell,
  levelStats,
  shareWithinBand,
  spellsNearLevel,
  stepSummary,
} from "../../calc/levelWindow.ts";
import { eventDate, type PolicyEvent, QT_EVENTS } from "../../calc/policyEvents.ts";
import { type Pivot, PIVOTS, pivotsByIds, policyRateChangeBp } from "../../calc/pivots.ts";
import {
  type PivotOverlap,
  pivotOverlaps,
  summariseWindows,
  type TradingDaySummary,
  type TradingDayWindow,
  tradingDayWindows,
  upAtEvery,
} from "../../calc/tradingDayStudy.ts";
import { RULES } from "../../claims/verdict.ts";
import type { qtEndParams } from "./params.ts";

type Params = typeof qtEndParams.defaults;

/** A loaded series as the article reads it (a lib/data Series satisfies it). */
export interface SeriesRows {
  seriesId: string;
  title: string;
  units: string;
  asOf: string;
  rows: readonly Point[];
}

/** Every input of the article, in canonical units ($bn, pct, bp, index points). */
export interface QtEndData {
  walcl: SeriesRows;
  treast: SeriesRows;
  mbs: SeriesRows;
  targetUpper: SeriesRows;
  targetLower: SeriesRows;
  dff: SeriesRows;
  /** S&P 500 daily close, from 2016-08-04. */
  sp500: SeriesRows;
  /** S&P 500 monthly average of daily closes (Shiller), dated on the month's first day. */
  sp500Monthly: SeriesRows;
  /** NASDAQ Composite daily close, from 1971-02-05. */
  nasdaq: SeriesRows;
  dgs10: SeriesRows;
  dgs3mo: SeriesRows;
  igOas: SeriesRows;
  mmf: SeriesRows;
}

/**
 * The article (Japanese-language market commentary, undated: written between the QT end and the 2025-12-10
 * FOMC) and its fixed figures. Its date is taken as the earliest the text allows, 2025-12-01, so every
 * figure from later data is flagged as such.
 */
export const ARTICLE = {
  date: "2025-12-01",
  qtEnd: "2025-12-01",
  repoUsdBn: 13.5,
  bitcoinUsd: 91_000,
} as const;

/** Trading days in a month, to state a trading-day horizon as months for the monthly-average measure. */
export const TRADING_DAYS_PER_MONTH = 21;

/** A close no older than this (calendar days) stands for a pivot date (a long weekend, a holiday). */
export const DAILY_STALE_DAYS = 7;

/** Labels of the daily event series. */
export const DAILY_LABELS: Record<string, string> = {
  SP500: "S&P 500 (daily closes)",
  NASDAQCOM: "NASDAQ Composite (daily closes)",
  DGS10: "10-year Treasury yield",
  BAMLC0A0CM: "IG corporate OAS",
};

/** One measure of the event study: a stock index on daily closes, or the S&P 500's monthly averages. */
export interface Measure {
  id: "NASDAQCOM" | "SP500" | "SP500_monthly";
  label: string;
  kind: "daily" | "monthly average";
  /** Horizons as the measure counts them: trading days (daily) or whole months (monthly average). */
  horizons: number[];
  horizonUnit: "trading days" | "months";
  windows: TradingDayWindow[];
  summary: TradingDaySummary[];
  /** Counted episodes higher at every rally horizon (for the monthly measure: its months). */
  upAtEvery: { up: string[]; down: string[]; n: number };
}

export interface QtEndResult {
  data: QtEndData;
  qt: { start: string; end: string; endDecided: string; years: number };
  /** Total assets' mean weekly change over QT, the weeks before its end and after ($bn/week). */
  flattening: { qtPerWeekUsdBn: number; beforePerWeekUsdBn: number; afterPerWeekUsdBn: number; weeks: number };
  levels: {
    atQtStart: Point;
    peak: Point;
    latest: Point;
    /** Spells within ±levelMatchBandFrac of the article's start level, and those during QT. */
    spells: LevelSpell[];
    spellsDuringQt: LevelSpell[];
    decisionsNearSpells: PolicyEvent[];
    stable: BandShare;
  };
  afterQtEnd: {
    exit: BandExit;
    split: { totalUsdBn: number; securitiesUsdBn: number; restUsdBn: number } | undefined;
    reversed: boolean;
  };
  cut: {
    changes: LevelChange[];
    cutBp: number | undefined;
    fromLower?: number;
    fromUpper?: number;
    toLower?: number;
    toUpper?: number;
    effective?: string;
  };
  purchases: {
    from: string;
    to: string;
    treasuriesUsdBn: number;
    weeksUp: number;
    weeks: number;
    mbsUsdBn: number;
    totalUsdBn: number;
    rmp: PolicyEvent | undefined;
  };
  /** The event study. */
  pivots: Pivot[];
  outOfSample: Pivot;
  overlaps: PivotOverlap[];
  measures: Measure[];
  /** The measure the verdict reads (the rally series on daily closes). */
  rally: Measure;
  /** The out-of-sample pivot on daily closes, for each daily stock measure. */
  outOfSampleWindows: { id: string; window: TradingDayWindow }[];
  policyRateBp: { pivotId: string; changeBp: number | undefined }[];
  paths: { series: EventSeries[]; pivots: Pivot[]; points: PathPoint[] };
  since: { rows: (WindowChange & { label: string })[]; points: PathPoint[]; series: EventSeries[] };
  holdingsPaths: { series: EventSeries[]; points: PathPoint[] };
  regime: RegimeRow[];
}

/** One row of the article's asset-class table with what the data say since the QT end. */
export interface RegimeRow {
  assetClass: string;
  articleTightening: string;
  articleAfterQtEnd: string;
  measure: string;
  /** "holds" | "does not hold" | "roughly holds" | "not checkable", from the figures below. */
  outcome: "holds" | "roughly holds" | "does not hold" | "not checkable";
  figures?: Record<string, number | string | undefined>;
}

const eventSeriesOf = (data: QtEndData, id: string): EventSeries => {
  const menu: Record<string, EventSeries> = {
    SP500: { seriesId: "SP500", label: DAILY_LABELS.SP500, units: "index", rows: data.sp500.rows },
    NASDAQCOM: { seriesId: "NASDAQCOM", label: DAILY_LABELS.NASDAQCOM, units: "index", rows: data.nasdaq.rows },
    DGS10: { seriesId: "DGS10", label: DAILY_LABELS.DGS10, units: "pct", rows: data.dgs10.rows },
    BAMLC0A0CM: { seriesId: "BAMLC0A0CM", label: DAILY_LABELS.BAMLC0A0CM, units: "bp", rows: data.igOas.rows },
  };
  const s = menu[id];
  if (!s) {
    throw new Error(`qt-end-and-risk-assets: unknown event series "${id}" (known: ${Object.keys(menu).join(", ")})`);
  }
  return s;
};

/** A daily stock measure: windows at trading-day horizons, summary and the rally count. */
export function dailyMeasure(
  id: "NASDAQCOM" | "SP500",
  closes: readonly Point[],
  pivots: readonly Pivot[],
  overlaps: readonly PivotOverlap[],
  params: Pick<Params, "horizonsTradingDays" | "rallyHorizonsTradingDays">,
): Measure {
  const windows = tradingDayWindows(closes, pivots, params.horizonsTradingDays, DAILY_STALE_DAYS);
  return {
    id,
    label: DAILY_LABELS[id],
    kind: "daily",
    horizons: [...params.horizonsTradingDays],
    horizonUnit: "trading days",
    windows,
    summary: summariseWindows(windows, overlaps, params.horizonsTradingDays),
    upAtEvery: upAtEvery(windows, overlaps, params.rallyHorizonsTradingDays),
  };
}

/** Trading-day horizons as whole months (21 trading days a month); horizons under half a month drop out. */
export function monthsOfTradingDays(days: readonly number[]): number[] {
  return [...new Set(days.map((d) => Math.round(d / TRADING_DAYS_PER_MONTH)).filter((m) => m >= 1))];
}

/**
 * The S&P 500's monthly-average measure: the average of the last complete month before the pivot against
 * the average of the last complete month before pivot + h months (lib/calc/eventStudy.ts).
 */
export function monthlyMeasure(
  monthly: readonly Point[],
  pivots: readonly Pivot[],
  overlaps: readonly PivotOverlap[],
  params: Pick<Params, "horizonsTradingDays" | "rallyHorizonsTradingDays" | "maxStaleDays">,
): Measure {
  const months = monthsOfTradingDays(params.horizonsTradingDays);
  const rallyMonths = monthsOfTradingDays(params.rallyHorizonsTradingDays);
  const rows = eventStudy(
    [{ seriesId: "SP500_monthly", label: "", units: "index", rows: monthly, monthlyMean: true }],
    pivots,
    { horizonsMonths: months, maxStaleDays: params.maxStaleDays },
  );
  const windows: TradingDayWindow[] = rows.map((r) => ({
    pivotId: r.pivotId,
    pivotDate: r.pivotDate,
    base: r.base,
    horizons: r.horizons.map((h) => ({ horizonDays: h.horizonMonths, close: h.observation, changePct: h.change })),
  }));
  return {
    id: "SP500_monthly",
    label: "S&P 500 (monthly averages)",
    kind: "monthly average",
    horizons: months,
    horizonUnit: "months",
    windows,
    summary: summariseWindows(windows, overlaps, months),
    upAtEvery: upAtEvery(windows, overlaps, rallyMonths),
  };
}

/** The article's asset-class table checked from the QT end to each series' last observation. */
export function regimeRows(
  since: readonly (WindowChange & { label: string })[],
  mmf: readonly Point[],
  qtEnd: string,
): RegimeRow[] {
  const get = (id: string) => since.find((r) => r.seriesId === id)!;
  const sp = get("SP500");
  const nq = get("NASDAQCOM");
  const y10 = get("DGS10");
  const bill = get("DGS3MO");
  // Z.1 quarters are dated on their first day and hold the end-of-quarter level: the base is the first
  // quarter whose end is on or after the QT end.
  const quarterEnd = (iso: string) => {
    const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) + 2, 0));
    return d.toISOString().slice(0, 10);
  };
  const mmfBase = mmf.find((r) => quarterEnd(r.date) >= qtEnd);
  const mmfLast = mmf.at(-1);
  const mmfChange = mmfBase && mmfLast && mmfLast.date > mmfBase.date ? mmfLast.value - mmfBase.value : undefined;
  const none = (assetClass: string, t: string, a: string, measure: string): RegimeRow => ({
    assetClass,
    articleTightening: t,
    articleAfterQtEnd: a,
    measure,
    outcome: "not checkable",
  });
  const gapPp = nq.change !== undefined && sp.change !== undefined ? nq.change - sp.change : undefined;
  return [
    none("Growth stocks", "valuations held down", "multiple expansion", "no earnings or valuation series ships"),
    {
      assetClass: "Tech stocks",
      articleTightening: "downward pressure",
      articleAfterQtEnd: "favourable positioning",
      measure: "NASDAQ Composite against the S&P 500, daily closes",
      outcome: gapPp === undefined || nq.change === undefined
        ? "not checkable"
        : nq.change > 0 && gapPp > RULES.percentagePoints.holds
        ? "holds"
        : nq.change > 0 && gapPp >= -RULES.percentagePoints.holds
        ? "roughly holds"
        : "does not hold",
      figures: { nasdaqPct: nq.change, sp500Pct: sp.change, gapPp, from: nq.from?.date, to: nq.to?.date },
    },
    {
      assetClass: "Long bonds",
      articleTightening: "prices falling",
      articleAfterQtEnd: "capital gains possible",
      measure: "10-year Treasury yield (a fall means price gains)",
      outcome: y10.change === undefined ? "not checkable" : y10.change < 0 ? "holds" : "does not hold",
      figures: {
        changeBp: y10.change,
        fromPct: y10.from?.value,
        toPct: y10.to?.value,
        from: y10.from?.date,
        to: y10.to?.date,
      },
    },
    none("Digital assets", "retail-driven volatility", "institutional inflows", "no crypto price or flow series ships"),
    {
      assetClass: "Money market funds",
      articleTightening: "relatively high yields",
      articleAfterQtEnd: "yields compress (money moves out)",
      measure: "3-month Treasury yield; money funds' total assets (Z.1, end of quarter)",
      outcome: bill.change === undefined
        ? "not checkable"
        : bill.change < 0 && (mmfChange === undefined || mmfChange < 0)
        ? "holds"
        : "does not hold",
      figures: {
        billChangeBp: bill.change,
        from: bill.from?.date,
        to: bill.to?.date,
        mmfFromUsdBn: mmfBase?.value,
        mmfFromQuarter: mmfBase?.date,
        mmfToUsdBn: mmfLast?.value,
        mmfToQuarter: mmfLast?.date,
        mmfChangeUsdBn: mmfChange,
      },
    },
    none("Alternatives", "limited demand", "larger allocations", "no alternative-asset series ships"),
  ];
}

export function computeQtEnd(data: QtEndData, params: Params, events: readonly PolicyEvent[] = QT_EVENTS): QtEndResult {
  const start = eventDate("qt-start", events);
  const end = eventDate("qt-end", events);
  const endDecided = events.find((e) => e.id === "qt-end")?.decided ?? end;
  const w = data.walcl.rows;

  // QTEND-1: the length and the flattening around the end.
  const weeks = params.flatteningWindowWeeks;
  const before = stepSummary(w, addDays(end, -7 * weeks), end);
  const after = stepSummary(w, end, addDays(end, 7 * weeks));
  const during = levelStats(w, start, end);
  if (!during.first || !during.last) {
    throw new Error(`qt-end-and-risk-assets: WALCL has no week between ${start} and ${end}`);
  }
  const perWeek = (s: ReturnType<typeof stepSummary>) => (s.nSteps ? (s.totalChange ?? 0) / s.nSteps : NaN);

  // QTEND-2: the levels.
  const spells = spellsNearLevel(w, params.articleStartUsdBn, params.levelMatchBandFrac);
  const spellsDuringQt = spells.filter((s) => s.last.date >= start && s.first.date <= end);
  const decisionsNearSpells = events.filter((e) => {
    const d = e.decided ?? e.date;
    return spellsDuringQt.some((s) => daysBetween(s.first.date, d) >= -31 && daysBetween(s.last.date, d) <= 31);
  });

  // After the QT end: when total assets left the band, and what moved them inside it.
  const exit = bandExit(w, end, params.stableBandFrac);
  const swing = exit.largestSwing;
  const sp = swing
    ? splitChange(w, { Treasuries: data.treast.rows, MBS: data.mbs.rows }, swing.previousDate, swing.date)
    : undefined;
  const split = sp
    ? {
      totalUsdBn: sp.totalUsdBn,
      securitiesUsdBn: sp.partsUsdBn.Treasuries + sp.partsUsdBn.MBS,
      restUsdBn: sp.restUsdBn,
    }
    : undefined;
  const reversed = swing?.nextChangeUsdBn !== undefined &&
    Math.sign(swing.nextChangeUsdBn) === -Math.sign(swing.changeUsdBn) &&
    Math.abs(swing.nextChangeUsdBn) >= Math.abs(swing.changeUsdBn) / 2;

  // QTEND-3: the target range across the meeting.
  const to = addDays(params.articleFomcDate, 7);
  const upper = levelChanges(data.targetUpper.rows, params.articleFomcDate, to);
  const lower = levelChanges(data.targetLower.rows, params.articleFomcDate, to);
  const cutBp = upper.length === 1 && lower.length === 1 && upper[0].change === lower[0].change
    ? Math.round(upper[0].change * 100)
    : upper.length === 0
    ? 0
    : undefined;

  // QTEND-4: holdings after the QT end.
  const t = stepSummary(data.treast.rows, end);
  const m = stepSummary(data.mbs.rows, end);
  const a = stepSummary(data.walcl.rows, end);

  // QTEND-6: the event study.
  const pivots = pivotsByIds(params.historyPivotIds);
  const outOfSample = pivotsByIds([params.outOfSamplePivotId])[0];
  const windowDays = Math.max(...params.rallyHorizonsTradingDays);
  const overlaps = pivotOverlaps(data.nasdaq.rows, pivots, windowDays, params.overlapRule);
  const nasdaq = dailyMeasure("NASDAQCOM", data.nasdaq.rows, pivots, overlaps, params);
  const sp500 = dailyMeasure("SP500", data.sp500.rows, pivots, overlaps, params);
  const monthly = monthlyMeasure(data.sp500Monthly.rows, pivots, overlaps, params);
  const measures = [nasdaq, sp500, monthly];
  const rally = params.rallySeriesId === "SP500" ? sp500 : nasdaq;
  const outOfSampleWindows = (["NASDAQCOM", "SP500"] as const).map((id) => ({
    id,
    window: tradingDayWindows(
      id === "SP500" ? data.sp500.rows : data.nasdaq.rows,
      [outOfSample],
      params.horizonsTradingDays,
      DAILY_STALE_DAYS,
    )[0],
  }));
  const pathSeries = params.eventSeriesIds.map((id) => eventSeriesOf(data, id));
  const pathPivots = pivots.some((p) => p.id === outOfSample.id) ? pivots : [...pivots, outOfSample];
  const [fromMonths, toMonths] = params.pathWindowMonths;

  // Since the QT end.
  const sinceSeries = ["SP500", "NASDAQCOM", "DGS10", "BAMLC0A0CM"].map((id) => eventSeriesOf(data, id));
  const bill: EventSeries = {
    seriesId: "DGS3MO",
    label: "3-month Treasury yield",
    units: "pct",
    rows: data.dgs3mo.rows,
  };
  const sinceRows = windowChanges([...sinceSeries, bill], outOfSample.date, undefined, params.maxStaleDays).map((
    c,
    i,
  ) => ({
    ...c,
    label: [...sinceSeries, bill][i].label,
  }));
  const lastDate = sinceSeries.map((s) => s.rows.at(-1)?.date ?? "").sort().at(-1)!;
  const holdingsSeries: EventSeries[] = [
    { seriesId: "WALCL", label: "Total assets", units: "$bn", rows: data.walcl.rows },
    { seriesId: "TREAST", label: "Treasuries", units: "$bn", rows: data.treast.rows },
    { seriesId: "WSHOMCB", label: "MBS", units: "$bn", rows: data.mbs.rows },
  ];

  return {
    data,
    qt: { start, end, endDecided, years: yearsBetween(start, end) },
    flattening: {
      qtPerWeekUsdBn: (during.last.value - during.first.value) / (daysBetween(during.first.date, during.last.date) / 7),
      beforePerWeekUsdBn: perWeek(before),
      afterPerWeekUsdBn: perWeek(after),
      weeks,
    },
    levels: {
      atQtStart: levelStats(w, start).first!,
      peak: levelStats(w).max!,
      latest: w.at(-1)!,
      spells,
      spellsDuringQt,
      decisionsNearSpells,
      stable: shareWithinBand(
        w,
        params.articleStableUsdBn,
        params.stableBandFrac,
        params.stableCheckWindow.from,
        params.stableCheckWindow.to,
      ),
    },
    afterQtEnd: { exit, split, reversed },
    cut: {
      changes: upper,
      cutBp,
      ...(upper.length && lower.length
        ? {
          fromLower: lower[0].before.value,
          fromUpper: upper[0].before.value,
          toLower: lower[0].after.value,
          toUpper: upper[0].after.value,
          effective: upper[0].after.date,
        }
        : {}),
    },
    purchases: {
      from: end,
      to: data.treast.rows.at(-1)!.date,
      treasuriesUsdBn: t.totalChange ?? 0,
      weeksUp: t.nUp,
      weeks: t.nSteps,
      mbsUsdBn: m.totalChange ?? 0,
      totalUsdBn: a.totalChange ?? 0,
      rmp: events.find((e) => e.id === "rmp-start"),
    },
    pivots,
    outOfSample,
    overlaps,
    measures,
    rally,
    outOfSampleWindows,
    policyRateBp: PIVOTS.map((p) => ({ pivotId: p.id, changeBp: policyRateChangeBp(data.dff.rows, p.date) })),
    paths: {
      series: pathSeries,
      pivots: pathPivots,
      points: eventPaths(pathSeries, pathPivots, { fromMonths, toMonths, maxStaleDays: DAILY_STALE_DAYS }),
    },
    since: {
      rows: sinceRows,
      series: sinceSeries,
      points: eventPaths(sinceSeries, [outOfSample], {
        fromMonths: -3,
        toMonths: Math.max(1, Math.ceil(daysBetween(outOfSample.date, lastDate) / 30.4375)),
        maxStaleDays: DAILY_STALE_DAYS,
      }),
    },
    holdingsPaths: {
      series: holdingsSeries,
      points: eventPaths(holdingsSeries, [{ id: "qt-end", date: end }], {
        fromMonths: 0,
        toMonths: Math.max(1, Math.ceil(daysBetween(end, params.qtEndWindow.to) / 30.4375)),
        maxStaleDays: params.maxStaleDays,
      }),
    },
    regime: regimeRows(sinceRows, data.mmf.rows, end),
  };
}
