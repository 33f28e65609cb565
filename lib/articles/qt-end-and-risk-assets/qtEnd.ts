/**
 * The QT-end argument on data: the inputs the QTEND notebook computes from, its parameters, the event
 * series the study can use, the asset-class regime check, the "what happened since" changes, and the check
 * of every QTEND claim (QTEND-1..9) against the shipped series.
 *
 * Pure: data arrive as rows (canonical units: $bn, pct, bp, index points), parameters as a plain object;
 * nothing here reads a file or the clock. Every figure in a claim is computed from the inputs; a claim no
 * shipped series can check is "not checkable offline" with the missing data named, never a guessed figure.
 */
import { addDays } from "../../calendar.ts";
import {
  type ClaimCheck,
  type Verdict,
  verdictForCondition,
  verdictForDifference,
  weakestVerdict,
} from "../../claims/claims.ts";
import { eventDate, type PolicyEvent, QT_EVENTS } from "../../calc/policyEvents.ts";
import { type Pivot, pivotsByIds } from "../../calc/pivots.ts";
import {
  daysBetween,
  type EventSeries,
  eventStudy,
  type EventStudyRow,
  type HorizonSummary,
  type Point,
  summariseEventStudy,
  type WindowChange,
  windowChanges,
} from "../../calc/eventStudy.ts";
import { levelChanges, levelStats, shareWithinBand, spellsNearLevel, stepSummary } from "../../calc/levelWindow.ts";

/** A loaded series as this module needs it (a lib/data Series satisfies it). */
export interface SeriesRows {
  seriesId: string;
  title: string;
  units: string;
  asOf: string;
  rows: readonly Point[];
}

/** Every input of the QTEND notebook, in canonical units. */
export interface QtEndData {
  /** H.4.1 total assets, Wednesday level, $bn. */
  walcl: SeriesRows;
  /** H.4.1 Treasury securities held outright, Wednesday level, $bn. */
  treast: SeriesRows;
  /** H.4.1 MBS held outright, Wednesday level, $bn. */
  mbs: SeriesRows;
  /** Federal funds target range, upper and lower limit, pct, every calendar day. */
  targetUpper: SeriesRows;
  targetLower: SeriesRows;
  /** Federal funds effective rate, pct, every calendar day (DFF). */
  dff: SeriesRows;
  /** S&P 500 daily close (from 2016-08-04), index. */
  sp500: SeriesRows;
  /** S&P 500 monthly mean of daily closes (Shiller, from 1871), index, dated on the month's first day. */
  sp500Monthly: SeriesRows;
  /** NASDAQ Composite daily close (from 1971), index. */
  nasdaq: SeriesRows;
  /** 10-year and 3-month Treasury constant-maturity yields, pct. */
  dgs10: SeriesRows;
  dgs3mo: SeriesRows;
  /** ICE BofA US investment-grade corporate OAS, bp (from 1996-12-31). */
  igOas: SeriesRows;
  /** Money market funds' total financial assets, end of quarter, $bn (Z.1; dated on the quarter's first day). */
  mmf: SeriesRows;
}

/** The series an event study can use, by the id the parameters name. */
export const EVENT_SERIES_IDS = ["SP500_monthly", "SP500", "NASDAQCOM", "DGS10", "BAMLC0A0CM"] as const;
export type EventSeriesId = (typeof EVENT_SERIES_IDS)[number];

/** The event series with these ids, labelled, in the order given. Throws on an unknown id. */
export function eventSeries(data: QtEndData, ids: readonly string[]): EventSeries[] {
  const menu: Record<EventSeriesId, EventSeries> = {
    SP500_monthly: {
      seriesId: "SP500_monthly",
      label: "S&P 500 (monthly mean)",
      units: "index",
      rows: data.sp500Monthly.rows,
      monthlyMean: true,
    },
    SP500: { seriesId: "SP500", label: "S&P 500 (daily)", units: "index", rows: data.sp500.rows },
    NASDAQCOM: { seriesId: "NASDAQCOM", label: "NASDAQ Composite", units: "index", rows: data.nasdaq.rows },
    DGS10: { seriesId: "DGS10", label: "10-year Treasury yield", units: "pct", rows: data.dgs10.rows },
    BAMLC0A0CM: { seriesId: "BAMLC0A0CM", label: "IG corporate OAS", units: "bp", rows: data.igOas.rows },
  };
  return ids.map((id) => {
    const s = menu[id as EventSeriesId];
    if (!s) throw new Error(`unknown event series "${id}" (known: ${EVENT_SERIES_IDS.join(", ")})`);
    return s;
  });
}

/**
 * The notebook's assumptions. The notebook's parameters cell sets each one (same names); {@link qtEndDefaults}
 * holds the values the notebook ships with.
 */
export interface QtEndParams {
  /** Pivots of the history (ids of lib/calc/pivots.ts PIVOTS). */
  historyPivotIds: string[];
  /** The article's own pivot, held out of the history. */
  outOfSamplePivotId: string;
  /** Event-study horizons, calendar months. */
  horizonsMonths: number[];
  /** Months before and after each pivot shown on the panels, [from, to]. */
  pathWindowMonths: [number, number];
  /** Series on the event-study panels (EVENT_SERIES_IDS). */
  eventSeriesIds: string[];
  /** Series whose rise the QTEND-6 verdict reads. */
  rallySeriesIds: string[];
  /** Horizons (months) of the article's rally window. */
  rallyHorizonsMonths: number[];
  /** "Tend to rally" holds when at least this share of pivots rose at every rally horizon. */
  rallyShareMinFrac: number;
  /** Window of the QT-end balance-sheet charts, ISO dates. */
  qtEndWindow: { from: string; to: string };
  /** First date of the long balance-sheet chart. */
  qtPathFrom: string;
  /** The article's figures: the balance sheet "shrank from about" and is "stable near", $bn. */
  articleStartUsdBn: number;
  articleStableUsdBn: number;
  /** "Stable near": within this fraction of the article's level over `stableCheckWindow`. */
  stableBandFrac: number;
  stableCheckWindow: { from: string; to: string };
  /** "At about" a level: within this fraction of it (for what $7,400bn matches). */
  levelMatchBandFrac: number;
  /** The article's QT length in years, and the tolerance [holds, roughly] in years. */
  articleQtYears: number;
  qtYearsToleranceYears: [number, number];
  /** Weeks before and after QT end over which the change in total assets is measured. */
  flatteningWindowWeeks: number;
  /** The article's cut (bp, negative = cut) and the FOMC meeting it was priced for. */
  articleCutBp: number;
  articleFomcDate: string;
  /** Nasdaq counts as in line with the S&P 500 within ± this many percentage points. */
  regimeTieBandPp: number;
  /** Days a last observation may be older than the date asked for (eventStudyDefaults.maxStaleDays). */
  maxStaleDays: number;
}

/** The values the QTEND notebook ships with; see the notebook's parameters cell for each one's source. */
export const qtEndDefaults: QtEndParams = {
  historyPivotIds: ["1995-07-06", "1998-09-29", "2001-01-03", "2007-09-18", "2019-07-31", "2020-03-03", "2024-09-18"],
  outOfSamplePivotId: "2025-12-01",
  horizonsMonths: [1, 3, 6, 12],
  pathWindowMonths: [-3, 12],
  eventSeriesIds: ["SP500_monthly", "NASDAQCOM", "DGS10", "BAMLC0A0CM"],
  rallySeriesIds: ["SP500_monthly", "NASDAQCOM"],
  rallyHorizonsMonths: [6, 12],
  rallyShareMinFrac: 0.75,
  qtEndWindow: { from: "2025-06-01", to: "2026-08-31" },
  qtPathFrom: "2020-01-01",
  articleStartUsdBn: 7400,
  articleStableUsdBn: 6550,
  stableBandFrac: 0.02,
  stableCheckWindow: { from: "2025-11-01", to: "2025-12-31" },
  levelMatchBandFrac: 0.01,
  articleQtYears: 3,
  qtYearsToleranceYears: [0.25, 0.75],
  flatteningWindowWeeks: 13,
  articleCutBp: -25,
  articleFomcDate: "2025-12-10",
  regimeTieBandPp: 1,
  maxStaleDays: 40,
};

// ---------------------------------------------------------------------------------------------------
// Formatting of figures for claims and tables (text with units).

/** "$6,536bn". */
export function formatUsdBn(usdBn: number): string {
  return `$${Math.round(usdBn).toLocaleString("en-US")}bn`;
}

/** A signed change with its unit: "+13.4%", "−4bp" (bp to whole numbers, % to one decimal). */
export function formatChange(value: number | undefined, unit: "%" | "bp" | "$bn" | "pp"): string {
  if (value === undefined || !Number.isFinite(value)) return "missing";
  const digits = unit === "bp" || unit === "$bn" ? 0 : 1;
  const rounded = Number(value.toFixed(digits));
  const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "";
  const abs = Math.abs(rounded).toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return unit === "$bn" ? `${sign}$${abs}bn` : `${sign}${abs}${unit}`;
}

/** "2/3" style count with the share: "5 of 7 (71%)". */
export function formatShare(k: number, n: number): string {
  return n === 0 ? "none of 0" : `${k} of ${n} (${Math.round((100 * k) / n)}%)`;
}

// ---------------------------------------------------------------------------------------------------
// Event study over the history of pivots.

/** The event study of the history pivots: rows per pivot × series and the cross-pivot summary. */
export interface HistoryStudy {
  pivots: Pivot[];
  series: EventSeries[];
  rows: EventStudyRow[];
  summary: HorizonSummary[];
}

/** The event study over `historyPivotIds` for `seriesIds` (default: the panels' series) at `horizonsMonths`. */
export function historyStudy(
  data: QtEndData,
  params: QtEndParams,
  seriesIds: readonly string[] = params.eventSeriesIds,
): HistoryStudy {
  const pivots = pivotsByIds(params.historyPivotIds);
  const series = eventSeries(data, seriesIds);
  const rows = eventStudy(series, pivots, { horizonsMonths: params.horizonsMonths, maxStaleDays: params.maxStaleDays });
  return { pivots, series, rows, summary: summariseEventStudy(rows) };
}

/** The verdict of "risk assets tend to rally" for one series at one horizon. */
export function rallyVerdict(s: HorizonSummary, shareMinFrac: number): Verdict {
  if (s.n === 0 || s.mean === undefined || s.sharePositiveFrac === undefined) return "not checkable offline";
  if (s.mean > 0 && s.sharePositiveFrac >= shareMinFrac) return "holds";
  if (s.mean > 0 && s.sharePositiveFrac >= 0.5) return "roughly holds";
  return "does not hold";
}

// ---------------------------------------------------------------------------------------------------
// Since the QT end: what happened to the data's end.

/** A labelled change since the QT end. */
export interface SinceQtEndRow extends WindowChange {
  label: string;
}

/** Change of each event series (and the 3-month yield) from the QT end to each series' last observation. */
export function sinceQtEnd(
  data: QtEndData,
  params: QtEndParams,
  seriesIds: readonly string[] = EVENT_SERIES_IDS,
): SinceQtEndRow[] {
  const qtEnd = pivotsByIds([params.outOfSamplePivotId])[0].date;
  const series = eventSeries(data, seriesIds);
  const bill: EventSeries = {
    seriesId: "DGS3MO",
    label: "3-month Treasury yield",
    units: "pct",
    rows: data.dgs3mo.rows,
  };
  return windowChanges([...series, bill], qtEnd, undefined, params.maxStaleDays).map((c, i) => ({
    ...c,
    label: [...series, bill][i].label,
  }));
}

// ---------------------------------------------------------------------------------------------------
// The article's asset-class regime table (QTEND-9).

/** One row of the article's regime table with what the data can say about it since the QT end. */
export interface RegimeRow {
  assetClass: string;
  /** The article's cells: under tightening, after the QT end. */
  articleTightening: string;
  articleAfterQtEnd: string;
  /** What the data measures, or what is missing. */
  measure: string;
  /** The figure, with units and dates; "—" when not checkable. */
  dataFigure: string;
  verdict: Verdict;
}

/**
 * The regime table of the article checked from the QT end to the data's end: tech against the S&P 500
 * (daily closes), long bonds through the 10-year yield (a fall = price gains), money funds through the
 * 3-month bill yield and the funds' assets (Z.1, quarterly). Growth-stock multiples, digital assets and
 * alternatives have no shipped series.
 */
export function regimeRows(data: QtEndData, params: QtEndParams): RegimeRow[] {
  const since = sinceQtEnd(data, params, ["SP500", "NASDAQCOM", "DGS10"]);
  const get = (id: string) => since.find((r) => r.seriesId === id)!;
  const sp = get("SP500");
  const nq = get("NASDAQCOM");
  const y10 = get("DGS10");
  const bill = get("DGS3MO");
  const qtEnd = pivotsByIds([params.outOfSamplePivotId])[0].date;
  // Z.1 quarters are dated on their first day and hold the end-of-quarter level: the base is the first
  // quarter-end on or after the QT end (2025-12-31 for a 2025-12-01 end), the nearest level to it.
  const mmfRows = data.mmf.rows;
  const mmfBefore = mmfRows.find((r) => quarterEnd(r.date) >= qtEnd);
  const mmfLast = mmfRows[mmfRows.length - 1];
  const dated = (c: WindowChange) => `${c.from?.date ?? "?"} → ${c.to?.date ?? "?"}`;
  const rows: RegimeRow[] = [];
  const notCheckable = (assetClass: string, tight: string, after: string, missing: string): RegimeRow => ({
    assetClass,
    articleTightening: tight,
    articleAfterQtEnd: after,
    measure: missing,
    dataFigure: "—",
    verdict: "not checkable offline",
  });
  rows.push(
    notCheckable(
      "Growth stocks",
      "valuations held down",
      "multiple expansion",
      "no earnings or valuation series ships",
    ),
  );
  const gapPp = nq.change !== undefined && sp.change !== undefined ? nq.change - sp.change : undefined;
  rows.push({
    assetClass: "Tech stocks",
    articleTightening: "downward pressure",
    articleAfterQtEnd: "favourable positioning",
    measure: "NASDAQ Composite against the S&P 500, daily closes",
    dataFigure: `NASDAQ ${formatChange(nq.change, "%")}, S&P 500 ${formatChange(sp.change, "%")} (${dated(nq)}): gap ${
      formatChange(gapPp, "pp")
    }`,
    verdict: gapPp === undefined || nq.change === undefined
      ? "not checkable offline"
      : nq.change > 0 && gapPp > params.regimeTieBandPp
      ? "holds"
      : nq.change > 0 && gapPp >= -params.regimeTieBandPp
      ? "roughly holds"
      : "does not hold",
  });
  rows.push({
    assetClass: "Long bonds",
    articleTightening: "prices falling",
    articleAfterQtEnd: "capital gains possible",
    measure: "10-year Treasury yield (a fall means price gains)",
    dataFigure: `${formatChange(y10.change, "bp")} (${y10.from?.value.toFixed(2)}% → ${y10.to?.value.toFixed(2)}%, ${
      dated(y10)
    })`,
    verdict: y10.change === undefined ? "not checkable offline" : verdictForCondition(y10.change < 0),
  });
  rows.push(
    notCheckable(
      "Digital assets",
      "retail-driven volatility",
      "institutional inflows",
      "no crypto price or flow series ships",
    ),
  );
  const mmfChange = mmfBefore && mmfLast && mmfLast.date > mmfBefore.date ? mmfLast.value - mmfBefore.value : undefined;
  rows.push({
    assetClass: "Money market funds",
    articleTightening: "relatively high yields",
    articleAfterQtEnd: "yields compress (money moves out)",
    measure: "3-month Treasury yield; money funds' total assets (Z.1, end of quarter)",
    dataFigure: `3-month yield ${formatChange(bill.change, "bp")} (${dated(bill)}); fund assets ` +
      (mmfChange === undefined || !mmfBefore
        ? "no quarter after the QT end ships"
        : `${formatUsdBn(mmfBefore.value)} (end ${quarterLabel(mmfBefore.date)}) → ${formatUsdBn(mmfLast.value)} (end ${
          quarterLabel(mmfLast.date)
        }), ${formatChange(mmfChange, "$bn")}`),
    verdict: bill.change === undefined
      ? "not checkable offline"
      : verdictForCondition(bill.change < 0 && (mmfChange === undefined || mmfChange < 0)),
  });
  rows.push(notCheckable("Alternatives", "limited demand", "larger allocations", "no alternative-asset series ships"));
  return rows;
}

/** The last day of the quarter that starts on `iso` (Z.1 dating: a quarter is dated on its first day). */
function quarterEnd(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const endMonth = m + 2;
  const last = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
  return `${y}-${String(endMonth).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

/** "2025 Q4" for a quarter dated on its first day. */
function quarterLabel(iso: string): string {
  return `${iso.slice(0, 4)} Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

// ---------------------------------------------------------------------------------------------------
// The claims.

/** The QTEND claim ids. */
export const QTEND_CLAIM_COUNT = 9;

/** Every QTEND claim checked against the data, in id order (QTEND-1..9). */
export function qtEndClaims(
  data: QtEndData,
  params: QtEndParams,
  events: readonly PolicyEvent[] = QT_EVENTS,
): ClaimCheck[] {
  return [
    claimQtEnded(data, params, events),
    claimBalanceSheetLevels(data, params, events),
    claimDecemberCut(data, params),
    claimBillPurchases(data, params, events),
    {
      id: "QTEND-5",
      claim: "A recent overnight repo operation supplied $13.5bn, the second largest since COVID",
      articleFigure: "$13.5bn overnight repo; 2nd largest since COVID",
      dataFigure: "no repo operation data ships (only the reverse repo, RRPONTSYD)",
      verdict: "not checkable offline",
      note:
        "The New York Fed's repo operation results (standing repo facility take-up) are not in data/; the ON RRP series is the opposite operation.",
    },
    claimRally(data, params),
    {
      id: "QTEND-7",
      claim: "Bitcoin reached $91,000 at the end of November 2025",
      articleFigure: "$91,000 (end Nov 2025)",
      dataFigure: "no Bitcoin price series ships",
      verdict: "not checkable offline",
      note: "No crypto price is in data/; the figure is neither confirmed nor disputed here.",
    },
    {
      id: "QTEND-8",
      claim:
        "Cuts reach employment with a 3–6 month lag; housing starts pick up 6–9 months after easing; consumer confidence improves within 3 months",
      articleFigure: "lags: employment 3–6m, housing starts 6–9m, confidence ≤3m",
      dataFigure: "no payrolls, housing-starts or Conference Board confidence series ships",
      verdict: "not checkable offline",
      note: "These lags would need PAYEMS, HOUST and the confidence index around each pivot; none is in data/.",
    },
    claimRegimes(data, params),
  ];
}

function qtEndedYears(events: readonly PolicyEvent[]): { start: string; end: string; years: number } {
  const start = eventDate("qt-start", events);
  const end = eventDate("qt-end", events);
  return { start, end, years: daysBetween(start, end) / 365.25 };
}

function claimQtEnded(data: QtEndData, params: QtEndParams, events: readonly PolicyEvent[]): ClaimCheck {
  const { start, end, years } = qtEndedYears(events);
  const qtEndPivot = pivotsByIds([params.outOfSamplePivotId])[0];
  const weeks = params.flatteningWindowWeeks;
  const w = data.walcl.rows;
  const before = stepSummary(w, addDays(end, -7 * weeks), end);
  const after = stepSummary(w, end, addDays(end, 7 * weeks));
  const during = levelStats(w, start, end);
  const qtPerWeek = during.first && during.last
    ? (during.last.value - during.first.value) / (daysBetween(during.first.date, during.last.date) / 7)
    : undefined;
  const perWeek = (
    s: ReturnType<typeof stepSummary>,
  ) => (s.totalChange === undefined || s.nSteps === 0 ? undefined : s.totalChange / s.nSteps);
  const dateHolds = verdictForCondition(end === "2025-12-01" && qtEndPivot.date === end);
  const [holdsYears, roughlyYears] = params.qtYearsToleranceYears;
  const lengthVerdict = verdictForDifference(params.articleQtYears, years, holdsYears, roughlyYears);
  const flattening = verdictForCondition(
    (perWeek(before) ?? -Infinity) > (qtPerWeek ?? 0) && (perWeek(after) ?? -Infinity) >= 0,
  );
  return {
    id: "QTEND-1",
    claim: "QT formally ended on 2025-12-01 after about three years",
    articleFigure: `end 2025-12-01; about ${params.articleQtYears} years`,
    dataFigure:
      `QT ${start} → ${end} = ${years.toFixed(1)} years; total assets ${
        formatChange(qtPerWeek, "$bn")
      }/week over QT, ` +
      `${formatChange(perWeek(before), "$bn")}/week in the ${weeks} weeks before the end, ${
        formatChange(perWeek(after), "$bn")
      }/week in the ${weeks} after`,
    verdict: weakestVerdict([dateHolds, lengthVerdict, flattening]),
    note:
      `The end date is the FOMC's (decided ${
        eventDecided("qt-end", events)
      }); the shrinking stopped in the data too. ` +
      `QT began on ${start}, so it ran about three and a half years, not three (tolerance ±${holdsYears} year holds, ±${roughlyYears} roughly).`,
  };
}

function claimBalanceSheetLevels(data: QtEndData, params: QtEndParams, events: readonly PolicyEvent[]): ClaimCheck {
  const w = data.walcl.rows;
  const { start, end } = qtEndedYears(events);
  const atStart = levelStats(w, start).first;
  const peak = levelStats(w).max;
  const spells = spellsNearLevel(w, params.articleStartUsdBn, params.levelMatchBandFrac);
  const spellsDuringQt = spells.filter((s) => s.last.date >= start && s.first.date <= end);
  const band = shareWithinBand(
    w,
    params.articleStableUsdBn,
    params.stableBandFrac,
    params.stableCheckWindow.from,
    params.stableCheckWindow.to,
  );
  const latest = w[w.length - 1];
  const startVerdict = atStart
    ? verdictForCondition(
      Math.abs(atStart.value - params.articleStartUsdBn) <= params.levelMatchBandFrac * params.articleStartUsdBn,
    )
    : "not checkable offline";
  const stableVerdict: Verdict = band.n === 0
    ? "not checkable offline"
    : band.nWithin === band.n
    ? "holds"
    : (band.shareWithinFrac ?? 0) >= 0.5
    ? "roughly holds"
    : "does not hold";
  const spellText = spells.length
    ? spells.map((s) => (s.first.date === s.last.date ? s.first.date : `${s.first.date}…${s.last.date}`)).join(", ")
    : "never";
  return {
    id: "QTEND-2",
    claim: "The balance sheet shrank from about $7,400bn and is stable near $6,550bn",
    articleFigure: `from ${formatUsdBn(params.articleStartUsdBn)}; stable near ${
      formatUsdBn(params.articleStableUsdBn)
    }`,
    dataFigure:
      `QT start ${atStart ? `${formatUsdBn(atStart.value)} (${atStart.date})` : "missing"}, peak ${
        peak ? `${formatUsdBn(peak.value)} (${peak.date})` : "missing"
      }; ` +
      `within ±${fmtPctFrac(params.stableBandFrac)} of ${
        formatUsdBn(params.articleStableUsdBn)
      } in ${band.nWithin} of ${band.n} weeks ${params.stableCheckWindow.from}..${params.stableCheckWindow.to}` +
      (band.farthest ? ` (farthest ${formatUsdBn(band.farthest.value)} on ${band.farthest.date})` : "") +
      `; latest ${formatUsdBn(latest.value)} (${latest.date})`,
    verdict: weakestVerdict([startVerdict, stableVerdict]),
    note:
      `${formatUsdBn(params.articleStartUsdBn)} is not where QT started. Total assets were within ±${
        fmtPctFrac(params.levelMatchBandFrac)
      } of it on ${spellText}` +
      (spellsDuringQt.length
        ? ` — during QT, the level of ${spellsDuringQt.map((s) => s.first.date.slice(0, 7)).join(", ")}${
          nearbyDecisions(spellsDuringQt, events)
        }`
        : "") +
      `. "Stable near ${
        formatUsdBn(params.articleStableUsdBn)
      }" holds for the weeks around the article; by ${latest.date} total assets stood ${
        formatChange(((latest.value - params.articleStableUsdBn) / params.articleStableUsdBn) * 100, "%")
      } from it, with Treasury bill purchases under way (update beyond the article).`,
  };
}

function claimDecemberCut(data: QtEndData, params: QtEndParams): ClaimCheck {
  const to = addDays(params.articleFomcDate, 7);
  const upper = levelChanges(data.targetUpper.rows, params.articleFomcDate, to);
  const lower = levelChanges(data.targetLower.rows, params.articleFomcDate, to);
  const cutBp = upper.length === 1 && lower.length === 1 && upper[0].change === lower[0].change
    ? Math.round(upper[0].change * 100)
    : undefined;
  const range = (u: number, l: number) => `${l.toFixed(2)}–${u.toFixed(2)}%`;
  const cutVerdict: Verdict = cutBp === undefined
    ? (upper.length === 0 ? "does not hold" : "not checkable offline")
    : verdictForDifference(params.articleCutBp, cutBp, 0, 5);
  return {
    id: "QTEND-3",
    claim: `A 25bp cut was priced for the ${params.articleFomcDate} FOMC`,
    articleFigure: `${formatChange(params.articleCutBp, "bp")} at the ${params.articleFomcDate} meeting (priced)`,
    dataFigure: upper.length && lower.length
      ? `target range ${range(upper[0].before.value, lower[0].before.value)} → ${
        range(upper[0].after.value, lower[0].after.value)
      } effective ${upper[0].after.date} (${formatChange(cutBp, "bp")})`
      : `no change of the target range between ${params.articleFomcDate} and ${to}`,
    verdict: weakestVerdict([cutVerdict, "not checkable offline"]),
    note:
      "The cut the article expected did happen (DFEDTARU/DFEDTARL step the day after the meeting). Whether it was priced beforehand cannot be checked: fed funds futures and OIS do not ship.",
  };
}

function claimBillPurchases(data: QtEndData, _params: QtEndParams, events: readonly PolicyEvent[]): ClaimCheck {
  const qtEnd = eventDate("qt-end", events);
  const rmp = events.find((e) => e.id === "rmp-start");
  const t = stepSummary(data.treast.rows, qtEnd);
  const m = stepSummary(data.mbs.rows, qtEnd);
  const a = stepSummary(data.walcl.rows, qtEnd);
  const last = data.treast.rows[data.treast.rows.length - 1];
  const upShare = t.nSteps ? t.nUp / t.nSteps : 0;
  const verdict: Verdict = t.nSteps === 0
    ? "not checkable offline"
    : (t.totalChange ?? 0) > 0 && upShare >= 0.75
    ? "roughly holds"
    : "does not hold";
  return {
    id: "QTEND-4",
    claim: 'The Fed switched to Treasury bill purchases to keep reserves ample ("stealth QE")',
    articleFigure: "T-bill purchases after the QT end",
    dataFigure:
      `from ${qtEnd} to ${last.date}: Treasuries held ${formatChange(t.totalChange, "$bn")} (up in ${
        formatShare(t.nUp, t.nSteps)
      } weeks), ` +
      `MBS ${formatChange(m.totalChange, "$bn")}, total assets ${formatChange(a.totalChange, "$bn")}`,
    verdict,
    note:
      `Treasury holdings rise week after week from December 2025${
        rmp ? ` (reserve management purchases from ${rmp.date}: ${rmp.source})` : ""
      }, while MBS run off. ` +
      'The nearest check only: SOMA bill holdings (WSHOBL) do not ship, so bills cannot be told from coupons; "roughly" because of that.',
  };
}

function claimRally(data: QtEndData, params: QtEndParams): ClaimCheck {
  const study = historyStudy(data, params, params.rallySeriesIds);
  const cells = study.summary.filter((s) => params.rallyHorizonsMonths.includes(s.horizonMonths));
  if (cells.length === 0) throw new Error("QTEND-6: none of rallyHorizonsMonths is among horizonsMonths");
  const label = (id: string) => study.series.find((s) => s.seriesId === id)?.label ?? id;
  const figure = cells
    .map((s) =>
      `${label(s.seriesId)} +${s.horizonMonths}m: mean ${formatChange(s.mean, s.unit)}, median ${
        formatChange(s.median, s.unit)
      }, range ${formatChange(s.min, s.unit)}..${formatChange(s.max, s.unit)}, up in ${formatShare(s.nPositive, s.n)}`
    )
    .join("; ");
  const losers = [
    ...new Set(
      study.rows.filter((r) => params.rallySeriesIds.includes(r.seriesId)).flatMap((r) =>
        r.horizons.filter((h) => params.rallyHorizonsMonths.includes(h.horizonMonths) && (h.change ?? 0) < 0).map(() =>
          r.pivotId
        )
      ),
    ),
  ];
  const minN = Math.min(...cells.map((s) => s.n));
  return {
    id: "QTEND-6",
    claim: "Risk assets tend to rally for 6–12 months after the Fed pivots from tightening to easing",
    articleFigure: "rally over 6–12 months after a pivot",
    dataFigure: `n = ${minN} pivots (${params.historyPivotIds.join(", ")}): ${figure}`,
    verdict: weakestVerdict(cells.map((s) => rallyVerdict(s, params.rallyShareMinFrac))),
    note:
      `On average stocks were higher ${
        params.rallyHorizonsMonths.join(" and ")
      } months after a pivot, but not reliably: ${
        losers.length
          ? `at least one of them was lower ${params.rallyHorizonsMonths.join(" or ")} months after ${
            losers.join(", ")
          }`
          : "none was lower at any of these horizons"
      }. ` +
      `Holds needs a positive mean and at least ${
        Math.round(params.rallyShareMinFrac * 100)
      }% of pivots up at each horizon; roughly, a positive mean and at least half up. ` +
      `With n = ${minN} one episode moves the mean by several points.`,
  };
}

function claimRegimes(data: QtEndData, params: QtEndParams): ClaimCheck {
  const rows = regimeRows(data, params);
  const checked = rows.filter((r) => r.verdict !== "not checkable offline");
  const unchecked = rows.filter((r) => r.verdict === "not checkable offline");
  return {
    id: "QTEND-9",
    claim:
      "Asset-class regime table: growth/tech, long bonds, digital assets, money funds, alternatives gain after the QT end",
    articleFigure: rows.map((r) => `${r.assetClass}: ${r.articleAfterQtEnd}`).join("; "),
    dataFigure: checked.map((r) => `${r.assetClass}: ${r.dataFigure} → ${r.verdict}`).join("; "),
    verdict: weakestVerdict(rows.map((r) => r.verdict)),
    note: `Checked from the QT end to the data's end (an update beyond the article): ${
      checked.map((r) => r.assetClass).join(", ")
    }. Not checkable offline: ${unchecked.map((r) => `${r.assetClass} (${r.measure})`).join("; ")}.`,
  };
}

/** ", when the FOMC decided X (date)" for policy events decided within a month of the spells, or "". */
function nearbyDecisions(spells: readonly { first: Point; last: Point }[], events: readonly PolicyEvent[]): string {
  const hits = events.filter((e) => {
    const d = e.decided ?? e.date;
    return spells.some((s) => daysBetween(s.first.date, d) >= -31 && daysBetween(s.last.date, d) <= 31);
  });
  return hits.length
    ? `, when the FOMC decided: ${
      hits.map((e) => `${e.description.replace(/\.$/, "")} (${e.decided ?? e.date})`).join("; ")
    }`
    : "";
}

function eventDecided(id: string, events: readonly PolicyEvent[]): string {
  const e = events.find((x) => x.id === id);
  return e?.decided ?? e?.date ?? "?";
}

function fmtPctFrac(frac: number): string {
  return `${Number((frac * 100).toFixed(2))}%`;
}
