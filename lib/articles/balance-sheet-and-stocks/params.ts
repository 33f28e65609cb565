/**
 * The assumptions of the balance-sheet-and-stocks note (notebook 02; broker note, January 2024), declared
 * once: the note's figures, the dates it is read at, the windows and tolerances of the checks.
 */
import { defineParams, p } from "../../params/schema.ts";

const date = (def: string, meaning: string, source: string) =>
  p.isoDate({ default: def, min: "1990-01-01", withinData: true, unit: "date", meaning, source });
const usdBn = (def: number, meaning: string, source: string) =>
  p.number({ default: def, min: 0, max: 50_000, step: 0.1, unit: "$bn", meaning, source });
const month = (def: string, meaning: string, source: string) =>
  p.month({ default: def, min: "2008-01", max: "2026-12", unit: "month", meaning, source });
const FOMC_2022 = "FOMC, Plans for Reducing the Size of the Federal Reserve's Balance Sheet, 2022-05-04";

export const balanceSheetAndStocksParams = defineParams(
  {
    articleAsOfDateIso: date(
      "2024-01-24",
      'the date the note is read at (its "now")',
      'assumption: the note cites the 2024-01-19 record and awaits the 2024-01-30/31 FOMC; "now" is taken as this date',
    ),
    h41ReleaseLagDays: p.number({
      default: 1,
      min: 0,
      max: 7,
      integer: true,
      unit: "days",
      meaning: "days between an H.4.1 Wednesday and its release",
      source: "Federal Reserve Board H.4.1: a Wednesday's data are released the next day (Thursday)",
    }),
    articlePeakUsdBn: usdBn(
      8965.4,
      "the note's peak of total assets",
      "the article: USD 8.9654 trillion in April 2022",
    ),
    articleNowUsdBn: usdBn(7681.0, "the note's current total assets", 'the article: USD 7.6810 trillion "now"'),
    articlePreCovidUsdBn: usdBn(3000, "the note's pre-COVID total assets", "the article: USD 3 trillion before COVID"),
    articleMultipleOfPreCovid: p.number({
      default: 2,
      min: 1,
      max: 5,
      step: 0.1,
      unit: "×",
      meaning: "the note's multiple of the pre-COVID balance sheet",
      source: 'the article: "more than twice"',
    }),
    preCovidDateIso: date(
      "2019-09-11",
      'the week that stands for "before COVID"',
      "assumption: the 2019 low, the last H.4.1 week before the September 2019 repo operations began to grow the balance sheet",
    ),
    preCovidAltDateIso: date(
      "2020-03-11",
      "the alternative pre-COVID week",
      "assumption: the last H.4.1 week before the FOMC statement of 2020-03-15",
    ),
    covidQeDateIso: date(
      "2020-03-15",
      "the date COVID QE was announced",
      "FOMC statement of 2020-03-15 (Treasury and MBS purchases of at least $700bn)",
    ),
    gdpBasis: p.oneOf({
      values: ["quarter-average", "quarter-end"],
      default: "quarter-average",
      unit: "",
      meaning: "which balance-sheet level a quarter's GDP is set against",
      source: "assumption: GDP is a flow over the quarter, set against the average of the quarter's Wednesday levels",
    }),
    gdpFromYear: p.number({
      default: 2019,
      min: 1990,
      max: 2025,
      integer: true,
      unit: "year",
      meaning: "the first year of the note's GDP comparison",
      source: 'the article: "2019 ... 2023"',
    }),
    gdpToYear: p.number({
      default: 2023,
      min: 1991,
      max: 2025,
      integer: true,
      unit: "year",
      meaning: "the last year of the note's GDP comparison",
      source: "the article",
    }),
    articleGdpFromUsdBn: usdBn(21380, "the note's GDP in the first year", "the article: USD 21.38 trillion in 2019"),
    articleGdpToUsdBn: usdBn(27000, "the note's GDP in the last year", "the article: about USD 27 trillion in 2023"),
    articleGdpGrowthPct: p.number({
      default: 26,
      min: -50,
      max: 200,
      step: 0.5,
      unit: "%",
      meaning: "the note's GDP growth over the years",
      source: "the article: +26% in four years",
    }),
    articleTargetRangePct: p.pair({
      default: [5.25, 5.5],
      min: 0,
      max: 20,
      step: 0.25,
      unit: "%",
      meaning: "the note's federal funds target range",
      source: "the article: 5.25–5.50%",
    }),
    mmfWindowFromQuarter: date(
      "2021-10-01",
      "the first quarter of the money-fund window",
      "assumption: end of 2021 (quarter starting 2021-10-01), before the 2022 hikes",
    ),
    mmfWindowToQuarter: date(
      "2023-10-01",
      "the last quarter of the money-fund window",
      "assumption: end of 2023, the last quarter end before the note",
    ),
    reservesYearFromIso: date(
      "2022-12-28",
      "the week the note's year of reserves starts",
      "assumption: the last H.4.1 week of 2022, start of the year before the note",
    ),
    btfpOneYearOisPct: p.number({
      default: 4.8,
      min: 0,
      max: 20,
      step: 0.05,
      unit: "%",
      meaning: "the 1-year OIS rate the BTFP loan was priced off (assumed, not data)",
      source:
        "assumption: illustrative 1-year OIS rate for mid-January 2024; OIS is not shipped, so the carry is shown against its break-even too",
    }),
    btfpLoanUsdBn: p.number({
      default: 1,
      min: 0.001,
      max: 1000,
      step: 1,
      unit: "$bn",
      meaning: "the loan size the carry is shown for",
      source: "assumption: carry shown per $1bn borrowed",
    }),
    articleBtfpExpiryIso: date("2024-03-11", "the BTFP's expiry", "the article: BTFP expires on 11 March"),
    articleBtfpSpreadBp: p.number({
      default: 10,
      min: 0,
      max: 200,
      step: 1,
      unit: "bp",
      meaning: "the BTFP's rate over the 1-year swap rate",
      source: "the article: the 1-year swap rate + 0.1%",
    }),
    capTreasuryFrom2022SepUsdBnPerMonth: p.number({
      default: 60,
      min: 0,
      max: 200,
      step: 0.5,
      unit: "$bn/month",
      meaning: "Treasury runoff cap from September 2022",
      source: `${FOMC_2022} (from September 2022)`,
    }),
    capMbsUsdBnPerMonth: p.number({
      default: 35,
      min: 0,
      max: 200,
      step: 0.5,
      unit: "$bn/month",
      meaning: "MBS runoff cap from September 2022",
      source: `${FOMC_2022} (from September 2022)`,
    }),
    articleQtPaceUsdBnPerMonth: p.number({
      default: 95,
      min: 0,
      max: 300,
      step: 1,
      unit: "$bn/month",
      meaning: "the note's pace of QT",
      source: "the article: USD 95bn a month",
    }),
    qtPaceFromMonth: month(
      "2023-01",
      "the first month of the QT pace measured",
      "assumption: the 12 calendar months before the note",
    ),
    qtPaceToMonth: month("2023-12", "the last month of the QT pace measured", "assumption: see qtPaceFromMonth"),
    runoffMonthGrid: p.oneOf({
      values: ["month-end", "last-wednesday"],
      default: "month-end",
      unit: "",
      meaning: "which weekly level closes a month",
      source:
        "assumption: each month closes at the Wednesday on or just after its last day, so month-end maturities fall in their month (lib/calc/monthly.ts)",
    }),
    tenYearPeakFromIso: date(
      "2023-10-01",
      "the first day searched for the 10-year's peak",
      "the article: peak in late October 2023 (searched over all of October)",
    ),
    tenYearPeakToIso: date("2023-10-31", "the last day searched for the 10-year's peak", "the article"),
    articleTenYearPeakPct: p.number({
      default: 5,
      min: 0,
      max: 20,
      step: 0.05,
      unit: "%",
      meaning: "the note's 10-year peak",
      source: "the article: the 5% peak",
    }),
    fomcDateIso: date(
      "2023-11-01",
      "the FOMC meeting the note refers to",
      "FOMC statement of 2023-11-01 (target range held at 5.25–5.50%)",
    ),
    yieldChartFromIso: date(
      "2023-08-01",
      "the first date on the yield chart",
      "assumption: from three months before the FOMC",
    ),
    articleRecordDateIso: date(
      "2024-01-19",
      "the day of the S&P 500 record",
      "the article: the S&P 500 record of 19 January",
    ),
    correlationFromIso: date(
      "2020-01-01",
      "the first day of the correlation sample",
      "assumption: the sample spans COVID QE, QT and the note",
    ),
    correlationQtFromIso: date(
      "2022-06-01",
      "the first day of the QT-only correlation sample",
      `QT start (${FOMC_2022}): a second sample, QT only`,
    ),
    netLiquidityChartFromIso: date(
      "2020-01-01",
      "the first date on the net-liquidity chart",
      "assumption: the same window as the correlation",
    ),
  },
  [
    {
      names: ["gdpFromYear", "gdpToYear"],
      check: (
        v,
      ) => (v.gdpFromYear < v.gdpToYear
        ? undefined
        : `gdpFromYear (${v.gdpFromYear}) must be before gdpToYear (${v.gdpToYear})`),
    },
    {
      names: ["mmfWindowFromQuarter", "mmfWindowToQuarter"],
      check: (
        v,
      ) => (v.mmfWindowFromQuarter < v.mmfWindowToQuarter
        ? undefined
        : "mmfWindowFromQuarter must be before mmfWindowToQuarter"),
    },
    {
      names: ["qtPaceFromMonth", "qtPaceToMonth"],
      check: (
        v,
      ) => (v.qtPaceFromMonth <= v.qtPaceToMonth ? undefined : "qtPaceFromMonth must not be after qtPaceToMonth"),
    },
    {
      names: ["tenYearPeakFromIso", "tenYearPeakToIso"],
      check: (
        v,
      ) => (v.tenYearPeakFromIso < v.tenYearPeakToIso
        ? undefined
        : "tenYearPeakFromIso must be before tenYearPeakToIso"),
    },
  ],
);
