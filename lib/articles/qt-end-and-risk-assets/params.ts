/**
 * The assumptions of the QT-end article (notebook 04; December 2025), declared once: the pivots studied,
 * horizons (trading days), series, the article's figures and the bands and windows of the checks.
 */
import { defineParams, p } from "../../params/schema.ts";

const PIVOTS = [
  "1995-07-06",
  "1998-09-29",
  "2001-01-03",
  "2007-09-18",
  "2019-07-31",
  "2020-03-03",
  "2024-09-18",
] as const;
/** Daily series of the event study (the S&P 500 monthly averages are a measure of their own, never pooled). */
const DAILY_SERIES = ["SP500", "NASDAQCOM", "DGS10", "BAMLC0A0CM"] as const;

export const qtEndParams = defineParams(
  {
    historyPivotIds: p.subset({
      values: PIVOTS,
      default: [...PIVOTS],
      minItems: 2,
      unit: "pivot dates",
      meaning: "the easing pivots of the event study",
      source: "lib/calc/pivots.ts (FOMC statements); one pivot per easing episode",
    }),
    outOfSamplePivotId: p.oneOf({
      values: ["2025-12-01"],
      default: "2025-12-01",
      unit: "pivot date",
      meaning: "the article's own pivot, held out of the history",
      source: "the article's own pivot, the QT end (FOMC 2025-10-29): held out of the history",
    }),
    horizonsTradingDays: p.list({
      default: [21, 63, 126, 252],
      min: 1,
      max: 504,
      step: 1,
      minItems: 1,
      maxItems: 8,
      ascending: true,
      unit: "trading days",
      meaning: "the horizons after each pivot, counted in the series' own trading days from the pivot's close",
      source: "article: rally over 6–12 months (126 and 252 trading days); 21 and 63 (1 and 3 months) show the path",
    }),
    pathWindowMonths: p.pair({
      default: [-3, 12],
      min: -24,
      max: 36,
      step: 1,
      unit: "months",
      meaning: "the window of the paths around each pivot",
      source: "assumption: a quarter before each pivot to the article's year after",
    }),
    eventSeriesIds: p.subset({
      values: DAILY_SERIES,
      default: [...DAILY_SERIES],
      minItems: 1,
      unit: "series ids",
      meaning: "the daily series drawn around each pivot",
      source: "assumption: broad stocks (daily from 2016-08), tech (daily from 1971), long yield, IG credit",
    }),
    rallySeriesId: p.oneOf({
      values: ["NASDAQCOM", "SP500"],
      default: "NASDAQCOM",
      unit: "series id",
      meaning: 'the daily stock index read as "risk assets" for the verdict',
      source:
        "assumption: the NASDAQ Composite is the only stock index with daily closes over every pivot since 1995 (the S&P 500's start in 2016-08)",
    }),
    rallyHorizonsTradingDays: p.list({
      default: [126, 252],
      min: 1,
      max: 504,
      step: 1,
      minItems: 1,
      maxItems: 8,
      ascending: true,
      unit: "trading days",
      meaning: "the horizons of the rally claim: the index must be higher at every one of them",
      source: 'article: "6–12 months" (126 and 252 trading days)',
    }),
    overlapRule: p.oneOf({
      values: ["merge", "flag"],
      default: "merge",
      unit: "rule",
      meaning:
        "a pivot inside an earlier pivot's window (to the longest rally horizon): merge = one episode, counted from its first pivot; flag = counted, flagged",
      source: "assumption: overlapping windows are one episode, not two independent observations (2019-07 and 2020-03)",
    }),
    rallyShareMinFrac: p.number({
      default: 0.75,
      min: 0,
      max: 1,
      step: 0.05,
      unit: "fraction",
      meaning: 'the share of episodes that must be higher at every rally horizon for "tend to rally"',
      source: 'assumption: "tend to rally" holds if at least 3 in 4 episodes were higher at every rally horizon',
    }),
    qtEndWindow: p.dateWindow({
      default: { from: "2025-06-01", to: "2026-08-31" },
      unit: "dates",
      meaning: "the window around the QT end that is charted",
      source: "assumption: half a year before the QT end to the data's end",
    }),
    qtPathFrom: p.isoDate({
      default: "2020-01-01",
      min: "2002-12-18",
      withinData: true,
      unit: "date",
      meaning: "the first date of the long view of the balance sheet",
      source: "assumption: the long view starts before the 2020 expansion",
    }),
    articleStartUsdBn: p.number({
      default: 7400,
      min: 0,
      max: 20_000,
      step: 10,
      unit: "$bn",
      meaning: "the level the article says QT started from",
      source: 'article: the balance sheet shrank "from about $7.4tn"',
    }),
    articleStableUsdBn: p.number({
      default: 6550,
      min: 0,
      max: 20_000,
      step: 10,
      unit: "$bn",
      meaning: "the level the article says the balance sheet is stable at",
      source: 'article: "stable at about $6.55tn"',
    }),
    stableBandFrac: p.number({
      default: 0.02,
      min: 0,
      max: 0.2,
      step: 0.005,
      unit: "fraction",
      meaning: "the band around a level that counts as stable near it",
      source: 'assumption: "stable near" = within ±2% of the level',
    }),
    stableCheckWindow: p.dateWindow({
      default: { from: "2025-11-01", to: "2025-12-31" },
      withinData: true,
      unit: "dates",
      meaning: "the weeks in which stability is checked",
      source: "assumption: the weeks around the article's writing",
    }),
    levelMatchBandFrac: p.number({
      default: 0.01,
      min: 0,
      max: 0.2,
      step: 0.005,
      unit: "fraction",
      meaning: "the band within which a level matches the article's",
      source: 'assumption: "at about $7,400bn" = within ±1%',
    }),
    articleQtYears: p.number({
      default: 3,
      min: 0,
      max: 10,
      step: 0.25,
      unit: "years",
      meaning: "the article's length of QT",
      source: 'article: a "three-year" QT programme',
    }),
    flatteningWindowWeeks: p.number({
      default: 13,
      min: 1,
      max: 52,
      integer: true,
      unit: "weeks",
      meaning: "weeks either side of the QT end compared",
      source: "assumption: a quarter either side of the QT end",
    }),
    articleCutBp: p.number({
      default: -25,
      min: -200,
      max: 200,
      step: 5,
      unit: "bp",
      meaning: "the cut the article says was priced",
      source: "article: a 25bp cut priced",
    }),
    articleFomcDate: p.isoDate({
      default: "2025-12-10",
      min: "2025-01-01",
      max: "2026-12-31",
      unit: "date",
      meaning: "the FOMC meeting the article looks to",
      source: "article: the December FOMC meeting",
    }),
    maxStaleDays: p.number({
      default: 40,
      min: 0,
      max: 120,
      integer: true,
      unit: "days",
      meaning: "how old a value may be to stand for a date",
      source:
        'assumption: a value older than 40 days is not "at" a date (lets a monthly mean serve its month; daily closes use 7)',
    }),
  },
  [
    {
      names: ["rallyHorizonsTradingDays", "horizonsTradingDays"],
      check: (v) => {
        const missing = v.rallyHorizonsTradingDays.filter((h) => !v.horizonsTradingDays.includes(h));
        return missing.length
          ? `rallyHorizonsTradingDays (${missing.join(", ")}) must be among horizonsTradingDays (${
            v.horizonsTradingDays.join(", ")
          })`
          : undefined;
      },
    },
  ],
);
