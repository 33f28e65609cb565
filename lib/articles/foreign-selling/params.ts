/**
 * The assumptions of the foreign-selling article (notebook 03; ALQ Capital, April 2025), declared once:
 * each published coefficient with its paper, unit, maturity and horizon; the sale examined; the windows.
 */
import { defineParams, p } from "../../params/schema.ts";

const date = (def: string, meaning: string, source: string) =>
  p.isoDate({ default: def, min: "1990-01-01", withinData: true, unit: "date", meaning, source });

export const foreignSellingParams = defineParams(
  {
    beltranShortRunBpPer100Bn: p.record({
      keys: ["low", "high"],
      default: { low: 40, high: 60 },
      min: 0,
      max: 200,
      step: 1,
      unit: "bp per $100bn in a month (5-year, short run)",
      meaning:
        "a flow elasticity: the 5-year yield's short-run rise per $100bn fall of foreign official inflows in one month",
      source:
        "Beltran, Kretchmer, Marquez & Thomas (2013, JIMF 32; FRB IFDP 1041, abstract): 5-year yield rise, short run, per $100bn fall in foreign official inflows in a month",
    }),
    beltranLongRunBpPer100Bn: p.number({
      default: 20,
      min: 0,
      max: 200,
      step: 1,
      unit: "bp per $100bn in a month (5-year, long run)",
      meaning: "the same flow elasticity once foreign private investors respond",
      source: "same paper, abstract: long-run effect once foreign private investors respond",
    }),
    warnockBpPerPctGdp: p.number({
      default: 19,
      min: 0,
      max: 200,
      step: 1,
      unit: "bp per 1% of GDP of 12-month flows (10-year)",
      meaning: "the 10-year yield per 1% of GDP of 12-month foreign flows",
      source:
        "Warnock & Warnock (2009, JIMF 28): 10-year yield per 1% of GDP of 12-month foreign flows (as commonly cited; table not checked offline)",
    }),
    qeBpPer600Bn: p.record({
      keys: ["low", "high"],
      default: { low: 15, high: 25 },
      min: 0,
      max: 200,
      step: 1,
      unit: "bp per $600bn of purchases (10-year, stock)",
      meaning: "a stock elasticity: the 10-year yield's fall per $600bn of cumulative Fed purchases",
      source: "Williams (2013, FRBSF remarks, Oct 2013): $600bn of Fed purchases lowers the 10-year yield 15-25bp",
    }),
    foreignSaleUsdBn: p.number({
      default: 300,
      min: 0,
      max: 3000,
      step: 10,
      unit: "$bn",
      meaning: "the foreign sale examined in the claims",
      source: "assumption: the sale examined in the claims (about 40% of China's holdings in Dec 2024)",
    }),
    scenarioSalesUsdBn: p.list({
      default: [100, 200, 300, 400, 500],
      min: 0,
      max: 3000,
      step: 10,
      minItems: 1,
      maxItems: 20,
      ascending: true,
      unit: "$bn",
      meaning: "the range of sales charted",
      source: "assumption: the range of sales charted",
    }),
    gdpQuarter: date(
      "2025-01-01",
      "the GDP quarter that converts % of GDP to $bn",
      "the quarter of the article's week: nominal GDP (SAAR) that converts Warnock's % of GDP to $bn",
    ),
    durationYears: p.number({
      default: 5,
      min: 0.1,
      max: 30,
      step: 0.1,
      unit: "years",
      meaning: "the modified duration of foreign holdings",
      source:
        "assumption: modified duration of foreign holdings; a broad Treasury index is near 6, bills (~11% of official holdings) shorten it",
    }),
    valuationYieldWeights: p.record({
      keys: ["DGS2", "DGS10"],
      default: { DGS2: 0.5, DGS10: 0.5 },
      min: 0,
      max: 1,
      step: 0.05,
      probabilities: true,
      unit: "weight",
      meaning: "the weights of the 2- and 10-year yields standing in for a 5-year point",
      source: "assumption: no 5-year yield ships; the 2- and 10-year average stands in for a ~5-year duration point",
    }),
    valuationWindows: p.dateWindows({
      default: [["2024-01-01", "2025-01-01"], ["2025-03-01", "2025-04-01"]],
      ids: false,
      maxItems: 6,
      withinData: true,
      unit: "dates",
      meaning: "the windows over which holdings are revalued",
      source:
        "the article's year-on-year window in TIC's months (its table's row labelled 2023-12 is TIC's 2024-01) and the month of its week (TIC month-end dates)",
    }),
    holdingsChartFrom: date("2000-03-01", "the first month on the holdings chart", "first month of the TIC table"),
    eventWeekFrom: date(
      "2025-04-04",
      "the start of the article's week",
      "article: the 10-year at about 4.01% on 4 April",
    ),
    eventWeekTo: date("2025-04-11", "the end of the article's week", "article: about 4.41-4.43% on 11 April"),
    eventChartFrom: date(
      "2025-03-24",
      "the first date on the event chart",
      "assumption: two weeks before the article's week",
    ),
    eventChartTo: date("2025-04-25", "the last date on the event chart", "assumption: two weeks after"),
    eventWindowTradingDays: p.number({
      default: 5,
      min: 1,
      max: 60,
      integer: true,
      unit: "trading days",
      meaning: "the length of the event window",
      source: "one week of trading days",
    }),
    rankingHistoryStart: date(
      "2005-01-01",
      "the first day of the history the week is ranked in",
      'article: "the past 20 years"',
    ),
    spreadSearchFrom: date(
      "2025-04-01",
      "the first day of the spread table",
      "the article's spread table starts on 1 April",
    ),
    spreadSearchTo: date(
      "2025-04-11",
      "the last day searched for the spread's peak",
      "the article's week ends on 11 April",
    ),
    spreadTableTo: date("2025-04-08", "the last day of the spread table", "the article's spread table ends on 8 April"),
    bidToCoverTrailingAuctions: p.number({
      default: 3,
      min: 1,
      max: 20,
      integer: true,
      unit: "auctions",
      meaning: "auctions in the trailing mean of bid-to-cover",
      source: "assumption: trailing mean over the previous 3 auctions of the family",
    }),
    tipsMaxYieldPct: p.number({
      default: 3.0,
      min: 0,
      max: 10,
      step: 0.1,
      unit: "%",
      meaning: "the highest yield read as a TIPS (real) auction",
      source: "assumption (SOURCES.md): 2026 TIPS real yields run 1.3-3.0%, nominal coupon yields 3.8-5.3%",
    }),
    qeAnnouncements: p.events({
      default: [
        { date: "2008-11-25", what: "GSE debt and MBS purchases ($600bn)" },
        { date: "2009-03-18", what: "QE1 expanded: $300bn longer-term Treasuries" },
        { date: "2010-11-03", what: "QE2: $600bn Treasuries" },
        { date: "2012-12-12", what: "QE3: $45bn a month of Treasuries" },
        { date: "2020-03-15", what: "At least $500bn Treasuries (Sunday)" },
      ],
      maxItems: 20,
      unit: "dates",
      meaning: "Fed purchase announcements the response is looked for among",
      source: "Federal Reserve Board press release 2008-11-25; FOMC statements of the other dates",
    }),
    fedResponseWindowDays: p.number({
      default: 90,
      min: 1,
      max: 365,
      integer: true,
      unit: "days",
      meaning: "how long after the article's week a Fed purchase counts as its response",
      source: 'assumption: the article expects Fed buying "in the coming weeks"; 90 days is generous',
    }),
  },
  [
    {
      names: ["eventWeekFrom", "eventWeekTo"],
      check: (v) => (v.eventWeekFrom < v.eventWeekTo ? undefined : "eventWeekFrom must be before eventWeekTo"),
    },
    {
      names: ["eventChartFrom", "eventChartTo"],
      check: (v) => (v.eventChartFrom < v.eventChartTo ? undefined : "eventChartFrom must be before eventChartTo"),
    },
    {
      names: ["spreadSearchFrom", "spreadSearchTo"],
      check: (
        v,
      ) => (v.spreadSearchFrom < v.spreadSearchTo ? undefined : "spreadSearchFrom must be before spreadSearchTo"),
    },
    {
      names: ["beltranShortRunBpPer100Bn"],
      check: (
        v,
      ) => (v.beltranShortRunBpPer100Bn.low <= v.beltranShortRunBpPer100Bn.high
        ? undefined
        : "beltranShortRunBpPer100Bn: low must not exceed high"),
    },
    {
      names: ["qeBpPer600Bn"],
      check: (v) => (v.qeBpPer600Bn.low <= v.qeBpPer600Bn.high ? undefined : "qeBpPer600Bn: low must not exceed high"),
    },
  ],
);
