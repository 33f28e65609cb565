/**
 * The QT-mechanics article (notebook 01; K2 College, 2025-04-03) computed once per run: the cap schedule
 * from the parameters, the holdings' monthly runoff against it, the illustrative scenario under the caps,
 * the timeline read off the data, the liability identity and the debt-limit episodes, and the markets
 * while QT ran. Every figure a claim, a sentence, a table or a chart of notebook 01 shows is in the result.
 */
import { addDays, addMonths } from "../../calendar.ts";
import {
  checkDebtLimitWindows,
  type DebtLimitPhases,
  debtLimitPhases,
  type DebtLimitWindow,
  episodeChanges,
  type EpisodePoint,
  type EpisodeSwing,
  tgaDrivenSwings,
  weeksSinceWindowStart,
} from "../../calc/debtCeiling.ts";
import { type DrainOrder, drainOrder } from "../../calc/drainOrder.ts";
import { type MonthChange, type MonthGrid, monthlyChanges, monthlyLevels } from "../../calc/monthly.ts";
import { alignLiabilityWeeks, type LiabilityWeek, reservesIdentity } from "../../calc/reserves.ts";
import {
  actualRunoffAgainstCaps,
  type ActualRunoffMonth,
  medianRunoffUsdBn,
  type RunoffSummary,
  summariseActualRunoff,
} from "../../calc/runoff.ts";
import { type CapPeriod, capPeriod, peakCombinedCapUsdBnPerMonth, runoffCapSchedule } from "../../calc/runoffCaps.ts";
import {
  type RunoffUnderCapsData,
  runoffUnderCapsData,
  type RunoffUnderCapsLines,
  runoffUnderCapsLines,
  type RunoffUnderCapsParams,
} from "../../calc/runoffScenario.ts";
import {
  changesSince,
  type DatedValue,
  firstIncrease,
  firstMonthAbove,
  type LevelChange,
  levelChange,
  meanMonthlyChange,
} from "../../calc/qtTimeline.ts";
import { RULES } from "../../claims/verdict.ts";
import { describeSeries, type Series, type SeriesInfo } from "../../data/series.ts";
import type { qtMechanicsParams } from "./params.ts";

type Params = typeof qtMechanicsParams.defaults;

/** The series notebook 01 reads, each validated on load. */
export interface QtMechanicsData {
  assets: Series;
  treasuries: Series;
  mbs: Series;
  reserves: Series;
  tga: Series;
  onRrp: Series;
  currency: Series;
  rangeUpper: Series;
  tenYear: Series;
  igOas: Series;
}

/** Percent to basis points. */
const BP_PER_PCT = 100;

/** One phase of a debt-limit episode in rows for the drivers table. */
export interface PhaseRow {
  id: string;
  phase: "drawdown" | "rebuild";
  drivers: DebtLimitPhases["drawdown"];
}

export interface QtMechanicsResult {
  /** The series read, described for the data table. */
  loaded: SeriesInfo[];
  /** The cap schedule in force, from the parameters (FOMC caps unless overridden). */
  schedule: CapPeriod[];
  peakCombinedCapUsdBnPerMonth: number;
  /** Holdings' monthly runoff against the caps, on the parameters' month grid. */
  actual: ActualRunoffMonth[];
  summary: RunoffSummary;
  /** The same summary on the other month grid, to show what the grid decides. */
  otherGrid: { grid: MonthGrid; summary: RunoffSummary };
  /** First and last month with a runoff cap above 0. */
  capMonths: { from: string; to: string };
  /**
   * Months (of `summary.months`) in which Treasury or MBS holdings fell beyond their cap by more than the
   * rulebook's tolerance for a month's holdings (RULES.holdingsMonthUsdBn.holds).
   */
  monthsBeyondCap: number;
  /** The scenario under the caps and its totals (assumed maturities and paydowns). */
  scenario: { data: RunoffUnderCapsData; params: RunoffUnderCapsParams; lines: RunoffUnderCapsLines };
  /** The timeline read off the data (QTMECH-1). */
  timeline: {
    qeSurge: MonthChange;
    preTaperPaceUsdBn: number;
    taperPaceUsdBn: number;
    firstHike: { date: string; before: number; after: number };
    qtTurn: MonthChange;
    matched: { qe: boolean; taper: boolean; hike: boolean; qt: boolean };
  };
  /** Peak-cap months and how runoff ran in them (QTMECH-2). */
  peak: {
    period: CapPeriod;
    to: string;
    treasuryMedianUsdBn: number;
    maxMbs: { month: string; usdBn: number };
  };
  /** Runoff before and after the April 2025 slowdown (QTMECH-3). */
  slowdown: {
    period: CapPeriod;
    beforeTo: string;
    treasuryBeforeUsdBn: number;
    treasuryAfterUsdBn: number;
    mbsBeforeUsdBn: number;
    mbsAfterUsdBn: number;
  };
  /** The liability identity week by week, and the weeks the table shows. */
  weeks: LiabilityWeek[];
  shownWeeks: LiabilityWeek[];
  /** Reserves, ON RRP and the TGA by calendar year, from the chart's first date to the last week. */
  liabilityYears: DrainOrder;
  /** The debt-limit episodes: their windows, phases, sharp TGA-driven swings and the chart's points. */
  debtLimit: {
    windows: DebtLimitWindow[];
    phases: DebtLimitPhases[];
    rows: PhaseRow[];
    sharp: EpisodeSwing[][];
    points: EpisodePoint[];
    markers: { episode: string; week: number; label: string }[];
    spans: { episode: string; from: number; to: number }[];
    asOf: string;
  };
  /** Long yields, the policy rate and IG spreads over QT (QTMECH-6 context). */
  markets: {
    span: { from: string; to: string };
    tenYearBp: number;
    policyBp: number;
    oasBp: number;
    tenYear: LevelChange;
    policy: LevelChange;
    oas: LevelChange;
    lines: { name: string; rows: DatedValue[] }[];
  };
}

/** Month-on-month changes of a series' levels on `grid`. */
function monthlyOn(s: Series, grid: MonthGrid): MonthChange[] {
  return monthlyChanges(monthlyLevels(s.rows, grid));
}

/** Compute the article once: pure in the data and the parameters. */
export function computeQtMechanics(d: QtMechanicsData, p: Params): QtMechanicsResult {
  // The caps as the parameters set them: the schedule and the scenario under the caps both read them.
  const caps = {
    capTreasuryFrom2022JunUsdBnPerMonth: p.capTreasuryFrom2022JunUsdBnPerMonth,
    capMbsFrom2022JunUsdBnPerMonth: p.capMbsFrom2022JunUsdBnPerMonth,
    capTreasuryFrom2022SepUsdBnPerMonth: p.capTreasuryFrom2022SepUsdBnPerMonth,
    capTreasuryFrom2024JunUsdBnPerMonth: p.capTreasuryFrom2024JunUsdBnPerMonth,
    capTreasuryFrom2025AprUsdBnPerMonth: p.capTreasuryFrom2025AprUsdBnPerMonth,
    capMbsUsdBnPerMonth: p.capMbsUsdBnPerMonth,
  };
  const schedule = runoffCapSchedule(caps);
  const grid = p.monthGrid as MonthGrid;
  const treasuryChanges = monthlyOn(d.treasuries, grid);
  const mbsChanges = monthlyOn(d.mbs, grid);
  const actual = actualRunoffAgainstCaps(treasuryChanges, mbsChanges, schedule);
  const summary = summariseActualRunoff(actual);
  const other: MonthGrid = grid === "month-end" ? "last-wednesday" : "month-end";
  const otherSummary = summariseActualRunoff(
    actualRunoffAgainstCaps(monthlyOn(d.treasuries, other), monthlyOn(d.mbs, other), schedule),
  );
  const capped = actual.filter((r) => (r.capTreasuryUsdBnPerMonth ?? 0) + (r.capMbsUsdBnPerMonth ?? 0) > 0);
  const tol = RULES.holdingsMonthUsdBn.holds;
  const monthsBeyondCap =
    capped.filter((r) => (r.treasuryOverCapUsdBn ?? 0) > tol || (r.mbsOverCapUsdBn ?? 0) > tol).length;

  const scenarioParams: RunoffUnderCapsParams = {
    ...caps,
    assumedTreasuryCouponsMaturingUsdBnPerMonth: p.assumedTreasuryCouponsMaturingUsdBnPerMonth,
    assumedTreasuryBillsMaturingUsdBnPerMonth: p.assumedTreasuryBillsMaturingUsdBnPerMonth,
    assumedMbsPaydownsUsdBnPerMonth: p.assumedMbsPaydownsUsdBnPerMonth,
  };
  const scenarioData = runoffUnderCapsData(actual, schedule);

  // The timeline: net purchases are Treasuries + MBS month by month.
  const mbsByMonth = new Map(mbsChanges.map((c) => [c.month, c.change]));
  const netPurchases = treasuryChanges.flatMap((t) =>
    mbsByMonth.has(t.month) ? [{ ...t, change: t.change + mbsByMonth.get(t.month)! }] : []
  );
  const qeSurge = firstMonthAbove(
    treasuryChanges,
    p.qeSurgeThresholdUsdBnPerMonth,
    addMonths(p.articleQeStartMonth, -12),
  );
  if (!qeSurge) {
    throw new Error(
      `qt-mechanics: no month with Treasury purchases above $${p.qeSurgeThresholdUsdBnPerMonth}bn from a year before ${p.articleQeStartMonth}`,
    );
  }
  const preTaperPace = meanMonthlyChange(netPurchases, p.preTaperFromMonth, addMonths(p.articleTaperMonth, -1));
  const taperPace = meanMonthlyChange(netPurchases, p.articleTaperMonth, p.taperToMonth);
  const firstHike = firstIncrease(d.rangeUpper.rows, `${p.articleQeStartMonth}-16`);
  if (!firstHike) throw new Error(`qt-mechanics: the target range never rose after ${p.articleQeStartMonth}`);
  const qtTurn = treasuryChanges.find((c) => c.month >= p.articleFirstHikeMonth && c.change < 0);
  if (!qtTurn) throw new Error(`qt-mechanics: Treasury holdings never fell from ${p.articleFirstHikeMonth}`);

  // The peak caps and the slowdown.
  const peakPeriod = schedule.reduce((a, b) =>
    b.capTreasuryUsdBnPerMonth + b.capMbsUsdBnPerMonth > a.capTreasuryUsdBnPerMonth + a.capMbsUsdBnPerMonth ? b : a
  );
  const peakNext = schedule[schedule.indexOf(peakPeriod) + 1];
  const peakTo = peakNext ? addMonths(peakNext.from, -1) : capped.at(-1)!.month;
  const maxMbs = capped.reduce((a, b) => (b.mbsRunoffUsdBn > a.mbsRunoffUsdBn ? b : a));
  const slowdown = capPeriod("cap-2025-04", schedule);
  const beforeTo = addMonths(slowdown.from, -1);

  // The liability identity and the debt-limit episodes.
  const weeks = alignLiabilityWeeks({
    totalAssets: d.assets.rows,
    reserves: d.reserves.rows,
    tga: d.tga.rows,
    onRrp: d.onRrp.rows,
    currency: d.currency.rows,
  }, { onRrpMaxStaleDays: p.onRrpMaxStaleDays }).map(reservesIdentity);
  const lastWithCurrency = weeks.filter((w) => w.currencyUsdBn !== undefined).at(-1)!;
  const weekFrom = (iso: string) => weeks.find((w) => w.date >= iso) ?? weeks.at(-1)!;
  const shownWeeks = [weekFrom(p.chartFromDate), weekFrom("2022-04-13"), lastWithCurrency, weeks.at(-1)!];
  const windows = checkDebtLimitWindows(p.debtLimitWindows);
  const phases = windows.map((w) => debtLimitPhases(weeks, w, p.tgaRebuildHorizonWeeks));
  const markerOf = (w: DebtLimitWindow, iso: string, label: string) => ({
    episode: w.id,
    week: weeksSinceWindowStart(weeks, w, iso),
    label,
  });

  // Markets over the months runoff ran.
  const span = {
    from: capPeriod("qt-start", schedule).effective,
    to: addDays(capPeriod("qt-end", schedule).effective, -1),
  };
  const tenYear = levelChange(d.tenYear.rows, span.from, span.to);
  const policy = levelChange(d.rangeUpper.rows, span.from, span.to);
  const oas = levelChange(d.igOas.rows, span.from, span.to);
  const marketsTo = [d.tenYear.asOf, d.rangeUpper.asOf, d.igOas.asOf].sort()[0];

  return {
    loaded: Object.values(d).map(describeSeries),
    schedule,
    peakCombinedCapUsdBnPerMonth: peakCombinedCapUsdBnPerMonth(schedule),
    actual,
    summary,
    otherGrid: { grid: other, summary: otherSummary },
    capMonths: { from: capped[0].month, to: capped.at(-1)!.month },
    monthsBeyondCap,
    scenario: {
      data: scenarioData,
      params: scenarioParams,
      lines: runoffUnderCapsLines(scenarioData, scenarioParams),
    },
    timeline: {
      qeSurge,
      preTaperPaceUsdBn: preTaperPace,
      taperPaceUsdBn: taperPace,
      firstHike,
      qtTurn,
      matched: {
        qe: qeSurge.month === p.articleQeStartMonth,
        taper: taperPace < preTaperPace,
        hike: firstHike.date.slice(0, 7) === p.articleFirstHikeMonth,
        qt: qtTurn.month === p.articleQtStartMonth,
      },
    },
    peak: {
      period: peakPeriod,
      to: peakTo,
      treasuryMedianUsdBn: medianRunoffUsdBn(actual, peakPeriod.from, peakTo, "treasury"),
      maxMbs: { month: maxMbs.month, usdBn: maxMbs.mbsRunoffUsdBn },
    },
    slowdown: {
      period: slowdown,
      beforeTo,
      treasuryBeforeUsdBn: medianRunoffUsdBn(actual, p.slowdownBeforeFromMonth, beforeTo, "treasury"),
      treasuryAfterUsdBn: medianRunoffUsdBn(actual, slowdown.from, p.slowdownAfterToMonth, "treasury"),
      mbsBeforeUsdBn: medianRunoffUsdBn(actual, p.slowdownBeforeFromMonth, beforeTo, "mbs"),
      mbsAfterUsdBn: medianRunoffUsdBn(actual, slowdown.from, p.slowdownAfterToMonth, "mbs"),
    },
    weeks,
    shownWeeks,
    liabilityYears: drainOrder(
      {
        reserves: weeks.map((w) => ({ date: w.date, value: w.reservesUsdBn })),
        onRrp: weeks.map((w) => ({ date: w.date, value: w.onRrpUsdBn })),
        tga: weeks.map((w) => ({ date: w.date, value: w.tgaUsdBn })),
      },
      p.chartFromDate,
      weeks.at(-1)!.date,
    ),
    debtLimit: {
      windows,
      phases,
      rows: phases.flatMap((ph) => [
        { id: ph.id, phase: "drawdown" as const, drivers: ph.drawdown },
        { id: ph.id, phase: "rebuild" as const, drivers: ph.rebuild },
      ]),
      sharp: phases.map((ph) => tgaDrivenSwings(ph, p.sharpReserveSwingUsdBn)),
      points: windows.flatMap((w) => episodeChanges(weeks, w, 4, p.tgaRebuildHorizonWeeks)),
      markers: windows.flatMap((w, i) => [
        markerOf(w, w.to, "limit lifted"),
        markerOf(w, phases[i].tgaPeakDate, "TGA peak"),
      ]),
      spans: windows.map((w) => ({ episode: w.id, from: 0, to: weeksSinceWindowStart(weeks, w, w.to) })),
      asOf: weeks.at(-1)!.date,
    },
    markets: {
      span,
      tenYearBp: tenYear.change * BP_PER_PCT,
      policyBp: policy.change * BP_PER_PCT,
      oasBp: oas.change,
      tenYear,
      policy,
      oas,
      lines: [
        { name: "10-year yield", rows: changesSince(d.tenYear.rows, span.from, marketsTo, BP_PER_PCT) },
        { name: "Policy rate (upper limit)", rows: changesSince(d.rangeUpper.rows, span.from, marketsTo, BP_PER_PCT) },
        { name: "IG corporate OAS", rows: changesSince(d.igOas.rows, span.from, marketsTo) },
      ],
    },
  };
}
