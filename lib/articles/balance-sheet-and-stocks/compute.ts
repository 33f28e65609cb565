/**
 * The balance-sheet-and-stocks article (notebook 02; a January 2024 note) computed once per run: the
 * balance sheet at its peak, at the note and before COVID, against GDP, net liquidity against the
 * S&P 500, money funds against deposits and the "double drain", the BTFP's carry (on an assumed OIS), the
 * pace of QT against its caps, the 10-year against the policy rate, the record, and what came after.
 */
import { addDays } from "../../calendar.ts";
import { lastOnOrBefore } from "../../calc/asOf.ts";
import { annualCarryUsdMn, breakEvenOisPct, BTFP_PROGRAM, btfpCarryBp, btfpLoanRatePct } from "../../calc/btfp.ts";
import { type CorrelationInterval, correlationInterval } from "../../calc/correlation.ts";
import { annualMean, balanceSheetToGdp, growthFrac, quarterStart } from "../../calc/gdpRatio.ts";
import { isRecordAt, moneyFundsVsDeposits, quarterEndOf, shiftBetween } from "../../calc/moneyFunds.ts";
import { type MonthGrid, monthlyChanges, monthlyLevels } from "../../calc/monthly.ts";
import { netLiquidityRelation, netLiquidityWeekly, withIndexClose } from "../../calc/netLiquidity.ts";
import { actualRunoffAgainstCaps } from "../../calc/runoff.ts";
import { capsInForce, runoffCapSchedule } from "../../calc/runoffCaps.ts";
import { valueOnOrBefore, yieldPhaseSummary } from "../../calc/yieldPhases.ts";
import { describeSeries, type Series } from "../../data/series.ts";
import type { balanceSheetAndStocksParams } from "./params.ts";

type Params = typeof balanceSheetAndStocksParams.defaults;

/** The series notebook 02 reads, each validated on load. */
export interface BalanceSheetData {
  assets: Series;
  tga: Series;
  onRrp: Series;
  reserves: Series;
  treasuries: Series;
  mbs: Series;
  gdp: Series;
  mmf: Series;
  deposits: Series;
  sp500: Series;
  tenYear: Series;
  rangeUpper: Series;
  rangeLower: Series;
  iorb: Series;
  twoYear: Series;
  threeMonth: Series;
}

type Dated = { date: string; value: number };

function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`balance-sheet-and-stocks: ${what}`);
  return v;
}

/** Compute the article once: pure in the data and the parameters. */
export function computeBalanceSheet(d: BalanceSheetData, p: Params) {
  const publishedBy = addDays(p.articleAsOfDateIso, -p.h41ReleaseLagDays);
  const known = d.assets.rows.filter((r) => r.date <= publishedBy);
  if (known.length === 0) throw new Error(`balance-sheet-and-stocks: no H.4.1 week published by ${publishedBy}`);
  const peak = known.reduce((a, b) => (b.value > a.value ? b : a));
  const now = must(lastOnOrBefore(d.assets.rows, publishedBy), `no total assets on or before ${publishedBy}`);
  const articleWeek = known.filter((r) => r.date >= addDays(publishedBy, -35))
    .reduce((a, b) => (Math.abs(b.value - p.articleNowUsdBn) < Math.abs(a.value - p.articleNowUsdBn) ? b : a));
  const preCovid = must(lastOnOrBefore(d.assets.rows, p.preCovidDateIso), `no total assets by ${p.preCovidDateIso}`);
  const preCovidAlt = must(
    lastOnOrBefore(d.assets.rows, p.preCovidAltDateIso),
    `no total assets by ${p.preCovidAltDateIso}`,
  );
  const lastAtOrBelowArticle = d.assets.rows.filter((r) => r.value <= p.articlePreCovidUsdBn).at(-1);

  // Against GDP.
  const gdpShare = balanceSheetToGdp(d.assets.rows, d.gdp.rows, {
    basis: p.gdpBasis as "quarter-average" | "quarter-end",
  });
  const lastQuarterBeforeNote = must(
    gdpShare.filter((q) => quarterEndOf(q.quarter) < p.articleAsOfDateIso).at(-1),
    "no complete quarter before the note",
  );
  const preCovidQuarter = must(
    gdpShare.find((q) => q.quarter === quarterStart(p.preCovidDateIso)),
    `no GDP quarter for ${p.preCovidDateIso}`,
  );
  const gdpFrom = annualMean(d.gdp.rows, p.gdpFromYear, 4);
  const gdpTo = annualMean(d.gdp.rows, p.gdpToYear, 4);
  const assetsFrom = annualMean(d.assets.rows, p.gdpFromYear, 52);
  const assetsTo = annualMean(d.assets.rows, p.gdpToYear, 52);

  // Net liquidity against the S&P 500.
  const nlWeeks = withIndexClose(
    netLiquidityWeekly(d.assets.rows, d.tga.rows, d.onRrp.rows, { from: addDays(p.correlationFromIso, -7) }),
    d.sp500.rows,
  );
  const relationBefore = netLiquidityRelation(nlWeeks, { from: p.correlationFromIso, to: p.articleAsOfDateIso });
  const relationQt = netLiquidityRelation(nlWeeks, { from: p.correlationQtFromIso, to: p.articleAsOfDateIso });
  const relationAfter = netLiquidityRelation(nlWeeks, { from: p.articleAsOfDateIso });
  const correlations = [relationBefore, relationQt].flatMap((rel) => [
    { rel, what: "levels ($bn against index points)", c: rel.levels, ci: undefined as CorrelationInterval | undefined },
    { rel, what: "weekly log changes", c: rel.weekly, ci: correlationInterval(rel.weekly) },
    { rel, what: "month-end log changes", c: rel.monthly, ci: correlationInterval(rel.monthly) },
  ]);

  // Money funds, deposits and the double drain.
  const { quarters: mmfQuarters, unaligned } = moneyFundsVsDeposits(d.mmf.rows, d.deposits.rows, {
    from: "2019-01-01",
  });
  const shift = shiftBetween(mmfQuarters, p.mmfWindowFromQuarter, p.mmfWindowToQuarter);
  const recordQuarter = must(
    d.mmf.rows.filter((r) => quarterEndOf(r.date) < p.articleAsOfDateIso).at(-1),
    "no money-fund quarter before the note",
  ).date;
  const record = isRecordAt(d.mmf.rows, recordQuarter);
  const at = (s: Series, iso: string) => must(lastOnOrBefore(s.rows, iso), `no ${s.seriesId} on or before ${iso}`);
  const drain = [
    { from: quarterEndOf(p.mmfWindowFromQuarter), to: p.reservesYearFromIso },
    { from: p.reservesYearFromIso, to: publishedBy },
    { from: quarterEndOf(p.mmfWindowFromQuarter), to: publishedBy },
  ].map((w) => ({ from: at(d.reserves, w.from).date, to: at(d.reserves, w.to).date })).map(({ from, to }) => ({
    from,
    to,
    reservesUsdBn: at(d.reserves, to).value - at(d.reserves, from).value,
    onRrpUsdBn: at(d.onRrp, to).value - at(d.onRrp, from).value,
    assetsUsdBn: at(d.assets, to).value - at(d.assets, from).value,
  }));

  // The BTFP carry, on the assumed OIS.
  const iorbNow = valueOnOrBefore(d.iorb.rows, p.articleAsOfDateIso);
  const carryBp = btfpCarryBp(p.btfpOneYearOisPct, iorbNow.value);

  // The pace of QT against the caps in force at the note.
  const caps = runoffCapSchedule({
    capTreasuryFrom2022SepUsdBnPerMonth: p.capTreasuryFrom2022SepUsdBnPerMonth,
    capMbsUsdBnPerMonth: p.capMbsUsdBnPerMonth,
  });
  const capsAtNote = must(
    capsInForce(p.articleAsOfDateIso, caps),
    `no runoff caps in force on ${p.articleAsOfDateIso}`,
  );
  const grid = p.runoffMonthGrid as MonthGrid;
  const runoffMonths = actualRunoffAgainstCaps(
    monthlyChanges(monthlyLevels(d.treasuries.rows, grid)),
    monthlyChanges(monthlyLevels(d.mbs.rows, grid)),
    caps,
  ).filter((r) => r.month >= p.qtPaceFromMonth && r.month <= p.qtPaceToMonth);
  if (runoffMonths.length === 0) {
    throw new Error(`balance-sheet-and-stocks: no runoff months ${p.qtPaceFromMonth} to ${p.qtPaceToMonth}`);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const treasuryPace = mean(runoffMonths.map((r) => r.treasuryRunoffUsdBn));
  const mbsPace = mean(runoffMonths.map((r) => r.mbsRunoffUsdBn));

  // The 10-year against the policy range; the record.
  const yields = yieldPhaseSummary(d.tenYear.rows, d.rangeUpper.rows, d.rangeLower.rows, {
    peakFrom: p.tenYearPeakFromIso,
    peakTo: p.tenYearPeakToIso,
    eventDate: p.fomcDateIso,
    asOf: p.articleAsOfDateIso,
  });
  const rangeNow = [
    valueOnOrBefore(d.rangeLower.rows, p.articleAsOfDateIso).value,
    valueOnOrBefore(d.rangeUpper.rows, p.articleAsOfDateIso).value,
  ] as const;
  const knownRrp = d.onRrp.rows.filter((r) => r.date <= p.articleAsOfDateIso);
  const recordClose = d.sp500.rows.find((r) => r.date === p.articleRecordDateIso);
  const before = d.sp500.rows.filter((r) => r.date < p.articleRecordDateIso);
  const priorHigh = before.length ? before.reduce((a, b) => (b.value > a.value ? b : a)) : undefined;

  // After the note.
  const after = d.assets.rows.filter((r) => r.date > p.articleAsOfDateIso);
  let runningHigh = -Infinity;
  let newHighs = 0;
  for (const r of d.sp500.rows) {
    if (r.value > runningHigh && r.date > p.articleAsOfDateIso) newHighs++;
    runningHigh = Math.max(runningHigh, r.value);
  }
  const window = (rows: readonly Dated[], from: string, to: string) =>
    rows.filter((r) => r.date >= from && r.date <= to);

  return {
    publishedBy,
    levels: { peak, now, articleWeek, preCovid, preCovidAlt, lastAtOrBelowArticle },
    gdp: {
      share: gdpShare,
      preCovidQuarter,
      lastQuarterBeforeNote,
      from: gdpFrom,
      to: gdpTo,
      assetsFrom,
      assetsTo,
      gdpGrowthFrac: growthFrac(gdpFrom.mean, gdpTo.mean),
      assetsGrowthFrac: growthFrac(assetsFrom.mean, assetsTo.mean),
    },
    liquidity: { weeks: nlWeeks, before: relationBefore, qt: relationQt, after: relationAfter, correlations },
    moneyFunds: { quarters: mmfQuarters, unaligned, shift, recordQuarter, record },
    drain,
    btfp: {
      iorb: iorbNow,
      carryBp,
      carryAfterFloorBp: btfpCarryBp(p.btfpOneYearOisPct, iorbNow.value, { loanDate: BTFP_PROGRAM.iorbFloorFrom }),
      loanRatePct: btfpLoanRatePct(p.btfpOneYearOisPct, iorbNow.value),
      annualCarryUsdMn: annualCarryUsdMn(p.btfpLoanUsdBn, carryBp),
      breakEvenOisPct: breakEvenOisPct(iorbNow.value),
      threeMonth: valueOnOrBefore(d.threeMonth.rows, p.articleAsOfDateIso),
      twoYear: valueOnOrBefore(d.twoYear.rows, p.articleAsOfDateIso),
    },
    pace: {
      capsAtNote,
      capUsdBn: capsAtNote.capTreasuryUsdBnPerMonth + capsAtNote.capMbsUsdBnPerMonth,
      months: runoffMonths.length,
      treasuryUsdBn: treasuryPace,
      mbsUsdBn: mbsPace,
      totalUsdBn: treasuryPace + mbsPace,
      mbsBelowCap: runoffMonths.filter((r) => r.mbsBelowCap).length,
      largestMbsUsdBn: Math.max(...runoffMonths.map((r) => r.mbsRunoffUsdBn)),
    },
    yields,
    yieldChart: {
      tenYear: window(d.tenYear.rows, p.yieldChartFromIso, p.articleAsOfDateIso),
      lower: window(d.rangeLower.rows, p.yieldChartFromIso, p.articleAsOfDateIso),
      upper: window(d.rangeUpper.rows, p.yieldChartFromIso, p.articleAsOfDateIso),
    },
    rangeNow,
    onRrp: {
      now: valueOnOrBefore(d.onRrp.rows, p.articleAsOfDateIso),
      peak: knownRrp.reduce((a, b) => (b.value > a.value ? b : a)),
    },
    record: { close: recordClose, priorHigh, sp500From: d.sp500.rows[0].date },
    afterNote: {
      assetsLow: after.length ? after.reduce((a, b) => (b.value < a.value ? b : a)) : undefined,
      assetsLatest: d.assets.rows[d.assets.rows.length - 1],
      spAtNote: valueOnOrBefore(d.sp500.rows, p.articleAsOfDateIso),
      spLatest: d.sp500.rows[d.sp500.rows.length - 1],
      newHighs,
    },
    loaded: Object.values(d).map(describeSeries),
  };
}

export type BalanceSheetResult = ReturnType<typeof computeBalanceSheet>;
