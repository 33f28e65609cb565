/**
 * The foreign-selling article (notebook 03; April 2025) computed once per run: TIC holdings and the
 * article's table against them, the valuation split of holdings changes, the week of 4–11 April 2025 and
 * how rare it was, auction demand in the shipped file, the elasticity scenarios (each coefficient with its
 * own unit, maturity and horizon), the 10-year on QE announcements, and what the Fed did afterwards.
 */
import { addDays } from "../../calendar.ts";
import { bidToCoverHistory, type BidToCoverRow } from "../../calc/bidToCover.ts";
import {
  announcementChange,
  largestRiseEndingIn,
  largestRises,
  lastOnOrBefore,
  rankWindow,
  tradingDayChanges,
  weeklyChanges,
  type WindowChange,
  windowChange,
  type WindowRank,
} from "../../calc/eventWindow.ts";
import {
  compareHoldings,
  type HoldingComparison,
  type HoldingsChange,
  holdingsChange,
  type LowestSince,
  lowestSince,
  monthEndIso,
} from "../../calc/holdings.ts";
import { eventDate } from "../../calc/policyEvents.ts";
import { blendedYieldChangePct, decomposeHoldingsChange, type HoldingsDecomposition } from "../../calc/valuation.ts";
import { type ImpactScenario, impactScenarios } from "../../calc/yieldImpact.ts";
import type { Auction } from "../../data/auctions.ts";
import type { Series } from "../../data/series.ts";
import type { TicHoldings } from "../../data/tic.ts";
import type { foreignSellingParams } from "./params.ts";

type Params = typeof foreignSellingParams.defaults;

/** The series notebook 03 reads, each validated on load. */
export interface ForeignData {
  tic: TicHoldings;
  dgs10: Series;
  dgs2: Series;
  igOas: Series;
  sp500: Series;
  gdp: Series;
  treast: Series;
  auctions: readonly Auction[];
}

/**
 * The article's holdings table as printed: its row label, the TIC month its figures are, China, Japan ($bn).
 * The row labelled 2023-12 carries TIC's 2024-01 figures to the decimal.
 */
export const ARTICLE_TABLE = [
  ["2025-01", "2025-01-01", 760.8, 1079.3],
  ["2024-12", "2024-12-01", 759.0, 1059.8],
  ["2024-11", "2024-11-01", 768.6, 1087.1],
  ["2024-10", "2024-10-01", 760.1, 1101.6],
  ["2023-12", "2024-01-01", 797.7, 1140.6],
] as const;

/** The article's own figures, as printed. */
export const ARTICLE = {
  date: "2025-04-11",
  china: { date: "2024-12-01", valueUsdBn: 759, sinceYear: "2009" },
  tenYearAbovePct: 4.5,
  spreadWideningBp: 30,
  sp500WeekPct: -4,
} as const;

const BP_PER_PCT = 100;

export interface ForeignResult {
  holders: { name: string; rows: Series["rows"] }[];
  /** TIC's series breaks (survey months, the SLT level break). */
  breaks: TicHoldings["breaks"];
  chinaArticleMonth: { date: string; value: number };
  holdingsCheck: HoldingComparison[];
  /** TIC's figures for the month the row is labelled (2023-12), to show the slip. */
  labelledMonth: { china?: number; japan?: number };
  decompositions: (HoldingsDecomposition & { holder: string; fromDate: string; toDate: string })[];
  week: {
    tenYear: WindowChange;
    tenYearHighPct: number;
    twoYear: WindowChange;
    weeklyRank: WindowRank;
    rollingRank: WindowRank;
    rollingCount: number;
    largerRolling: WindowChange[];
    /** The last week at least as large in the whole file (back to 1962). */
    largerBeforeInFile: WindowChange | undefined;
    weeklyBp: { fromDate: string; toDate: string; changeBp: number }[];
    labelToDates: string[];
  };
  oas: { window: WindowChange; largest: WindowChange; eventWeek: WindowChange };
  sp500: { week: WindowChange; weekBefore: WindowChange };
  chinaLow: LowestSince;
  chinaLatestLow: LowestSince;
  bidToCover: BidToCoverRow[];
  auctionYears: { first: string; last: string; rows: number };
  impact: {
    gdpUsdBn: number;
    fedTreasuries: { date: string; valueUsdBn: number };
    sale: ImpactScenario[];
  };
  announcements: {
    date: string;
    what: string;
    fromDate: string | undefined;
    toDate: string | undefined;
    changeBp: number | undefined;
  }[];
  response: {
    treasuries: WindowChange;
    qtEnd: { date: string; value: number };
    latest: { date: string; value: number };
    foreignTotal: HoldingsChange;
    monthBeforeWeek: string;
    windowEnd: string;
    /** True when the window asked for runs past QT's end and was cut there. */
    cutAtQtEnd: boolean;
  };
  loaded: { seriesId: string; rows: number; asOf: string }[];
  /** The daily series around the week, for its chart (eventChartFrom to eventChartTo). */
  around: { dgs10: Series["rows"]; dgs2: Series["rows"]; igOas: Series["rows"]; sp500: Series["rows"] };
}

/** Compute the article once: pure in the data and the parameters. */
export function computeForeign(d: ForeignData, p: Params): ForeignResult {
  const { tic } = d;
  const holders = [
    { name: "China", rows: tic.series.CHINA.rows },
    { name: "Japan", rows: tic.series.JAPAN.rows },
    { name: "United Kingdom", rows: tic.series.UNITED_KINGDOM.rows },
  ];
  const chinaArticleMonth = tic.series.CHINA.rows.find((r) => r.date === ARTICLE.china.date);
  if (!chinaArticleMonth) throw new Error(`foreign-selling: TIC has no China figure for ${ARTICLE.china.date}`);
  const published = ARTICLE_TABLE.flatMap(([, date, china, japan]) => [
    { date, holder: "China", valueUsdBn: china },
    { date, holder: "Japan", valueUsdBn: japan },
  ]);
  const holdingsCheck = compareHoldings(published, { China: tic.series.CHINA.rows, Japan: tic.series.JAPAN.rows });

  // Valuation: a duration times the blended 2-/10-year month-end yield move.
  const yieldAt = (rows: Series["rows"], month: string) => {
    const r = lastOnOrBefore(rows, monthEndIso(month));
    if (!r) throw new Error(`foreign-selling: no yield on or before the end of ${month}`);
    return r.value;
  };
  const decompositions = p.valuationWindows.flatMap(([from, to]) =>
    holders.slice(0, 2).map((h) => {
      const c = holdingsChange(h.rows, from, to, tic.breaks);
      const dy = blendedYieldChangePct({
        DGS2: yieldAt(d.dgs2.rows, to) - yieldAt(d.dgs2.rows, from),
        DGS10: yieldAt(d.dgs10.rows, to) - yieldAt(d.dgs10.rows, from),
      }, p.valuationYieldWeights);
      return {
        holder: h.name,
        fromDate: from,
        toDate: to,
        ...decomposeHoldingsChange(c.fromUsdBn, c.toUsdBn, dy, p.durationYears),
      };
    })
  );

  // The week and how rare it was.
  const history = d.dgs10.rows.filter((r) => r.date >= p.rankingHistoryStart);
  const weekly = weeklyChanges(history);
  const rolling = tradingDayChanges(history, p.eventWindowTradingDays);
  const weeklyRank = rankWindow(weekly, p.eventWeekTo);
  const rollingRank = rankWindow(rolling, p.eventWeekTo);
  const inWeek = d.dgs10.rows.filter((r) => r.date >= p.eventWeekFrom && r.date <= p.eventWeekTo);

  // Spreads and stocks around the week.
  const oasTo = lastOnOrBefore(d.igOas.rows, p.spreadTableTo);
  if (!oasTo) throw new Error(`foreign-selling: no IG OAS on or before ${p.spreadTableTo}`);
  const oasLargest = largestRiseEndingIn(
    tradingDayChanges(d.igOas.rows, p.eventWindowTradingDays),
    p.spreadSearchFrom,
    p.spreadSearchTo,
  );
  if (!oasLargest) {
    throw new Error(`foreign-selling: no IG OAS window ending ${p.spreadSearchFrom}..${p.spreadSearchTo}`);
  }
  const weekBefore = weeklyChanges(d.sp500.rows).find((c) => c.toDate === p.eventWeekFrom);
  if (!weekBefore) throw new Error(`foreign-selling: no S&P 500 week ending ${p.eventWeekFrom}`);

  // Auctions, impact scenarios, announcements.
  const bidToCover = [3, 10].flatMap((t) =>
    bidToCoverHistory(d.auctions, t, {
      trailingAuctions: p.bidToCoverTrailingAuctions,
      tipsMaxYieldPct: p.tipsMaxYieldPct,
    })
  );
  const gdpRow = d.gdp.rows.find((r) => r.date === p.gdpQuarter);
  if (!gdpRow) throw new Error(`foreign-selling: no GDP for the quarter ${p.gdpQuarter}`);
  const treastLatest = d.treast.rows[d.treast.rows.length - 1];
  const impactParams = {
    beltranShortRunBpPer100Bn: p.beltranShortRunBpPer100Bn,
    beltranLongRunBpPer100Bn: p.beltranLongRunBpPer100Bn,
    warnockBpPerPctGdp: p.warnockBpPerPctGdp,
    qeBpPer600Bn: p.qeBpPer600Bn,
    gdpUsdBn: gdpRow.value,
  };
  const announcements = p.qeAnnouncements.map((a) => {
    const c = announcementChange(d.dgs10.rows, a.date);
    return {
      date: a.date,
      what: a.what,
      fromDate: c?.fromDate,
      toDate: c?.toDate,
      changeBp: c === undefined ? undefined : c.change * BP_PER_PCT,
    };
  });

  // What the Fed and foreign holders did after the week.
  // The window stops at QT's end: purchases after it are reserve management, decided once QT ended, not
  // the emergency buying the article expects.
  const qtEnd = eventDate("qt-end");
  const asked = addDays(p.eventWeekTo, p.fedResponseWindowDays);
  const windowEnd = asked < qtEnd ? asked : qtEnd;
  const at = (iso: string) => {
    const r = lastOnOrBefore(d.treast.rows, iso);
    if (!r) throw new Error(`foreign-selling: no H.4.1 Treasury holdings on or before ${iso}`);
    return r;
  };
  const monthBeforeWeek = tic.series.GRAND_TOTAL.rows.filter((r) => monthEndIso(r.date) < p.eventWeekFrom).at(-1)!
    .date;

  return {
    holders,
    breaks: tic.breaks,
    chinaArticleMonth,
    holdingsCheck,
    labelledMonth: {
      china: tic.series.CHINA.rows.find((r) => r.date === "2023-12-01")?.value,
      japan: tic.series.JAPAN.rows.find((r) => r.date === "2023-12-01")?.value,
    },
    decompositions,
    week: {
      tenYear: windowChange(d.dgs10.rows, p.eventWeekFrom, p.eventWeekTo),
      tenYearHighPct: Math.max(...inWeek.map((r) => r.value)),
      twoYear: windowChange(d.dgs2.rows, p.eventWeekFrom, p.eventWeekTo),
      weeklyRank,
      rollingRank,
      rollingCount: rolling.length,
      largerRolling: largestRises(rolling, rollingRank.rank - 1),
      largerBeforeInFile: rankWindow(weeklyChanges(d.dgs10.rows), p.eventWeekTo).largerBefore,
      weeklyBp: weekly.map((c) => ({ fromDate: c.fromDate, toDate: c.toDate, changeBp: c.change * BP_PER_PCT })),
      labelToDates: largestRises(weekly, 15).map((c) => c.toDate),
    },
    oas: {
      window: windowChange(d.igOas.rows, p.spreadSearchFrom, oasTo.date),
      largest: oasLargest,
      eventWeek: windowChange(d.igOas.rows, p.eventWeekFrom, p.eventWeekTo),
    },
    sp500: { week: windowChange(d.sp500.rows, p.eventWeekFrom, p.eventWeekTo), weekBefore },
    chinaLow: lowestSince(tic.series.CHINA.rows, ARTICLE.china.date),
    chinaLatestLow: lowestSince(tic.series.CHINA.rows, tic.asOf),
    bidToCover,
    auctionYears: {
      first: d.auctions[0].auctionDate,
      last: d.auctions[d.auctions.length - 1].auctionDate,
      rows: d.auctions.length,
    },
    impact: {
      gdpUsdBn: gdpRow.value,
      fedTreasuries: { date: treastLatest.date, valueUsdBn: treastLatest.value },
      sale: impactScenarios([p.foreignSaleUsdBn], impactParams),
    },
    announcements,
    response: {
      treasuries: windowChange(d.treast.rows, at(p.eventWeekTo).date, at(windowEnd).date),
      qtEnd: at(qtEnd),
      latest: treastLatest,
      foreignTotal: holdingsChange(tic.series.GRAND_TOTAL.rows, monthBeforeWeek, tic.asOf),
      monthBeforeWeek,
      windowEnd,
      cutAtQtEnd: asked > qtEnd,
    },
    around: Object.fromEntries(
      (["dgs10", "dgs2", "igOas", "sp500"] as const).map((k) => [
        k,
        d[k].rows.filter((x) => x.date >= p.eventChartFrom && x.date <= p.eventChartTo),
      ]),
    ) as ForeignResult["around"],
    loaded: [tic.series.CHINA, d.dgs10, d.dgs2, d.igOas, d.sp500, d.gdp, d.treast].map((s) => ({
      seriesId: s.seriesId,
      rows: s.rows.length,
      asOf: s.asOf,
    })),
  };
}
