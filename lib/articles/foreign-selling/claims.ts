/**
 * The foreign-selling article's claims (FOREIGN-1..8, qtlab's claims list) as numbers, judged by the
 * project's one rulebook (lib/claims/verdict.ts). Published levels (TIC holdings) use the publishedLevel
 * rule, spreads the rateBp rule, stock moves the percentagePoints rule; yes/no statements are conditions.
 */
import {
  alsoRequires,
  type Claim,
  type ClaimContext,
  claimIds,
  compare,
  condition,
  notCheckable,
  RULES,
  verdictByRule,
} from "../../claims/verdict.ts";
import { fmt, range, signed } from "../../format.ts";
import { ARTICLE, ARTICLE_TABLE, type ForeignResult } from "./compute.ts";
import type { foreignSellingParams } from "./params.ts";

export const FOREIGN_CLAIM_IDS = claimIds("FOREIGN", 8);
const ctx: ClaimContext = { articleDate: ARTICLE.date };

/** Each figure of the article's table judged as a published level against TIC. */
export function tableVerdicts(r: ForeignResult) {
  return r.holdingsCheck.map((row) => ({
    row,
    verdict: row.dataUsdBn === undefined
      ? "not checkable" as const
      : verdictByRule({ kind: "value", value: row.valueUsdBn, unit: "usdBn" }, row.dataUsdBn, "publishedLevel"),
  }));
}

export function foreignClaims(r: ForeignResult, p: typeof foreignSellingParams.defaults): Claim[] {
  const w = r.week;
  const table = tableVerdicts(r);
  const exact = table.filter((t) => t.verdict === "holds").length;
  const within = table.filter((t) => t.verdict !== "does not hold" && t.verdict !== "not checkable").length;
  const covered = r.announcements.filter((a) => a.changeBp !== undefined);
  const falls = covered.filter((a) => a.changeBp! < 0);
  const btc3 = r.bidToCover.filter((b) => b.family.startsWith("3-")).map((b) => b.bidToCover);
  const btc10 = r.bidToCover.filter((b) => b.family.startsWith("10-")).map((b) => b.bidToCover);
  const resp = r.response;
  return [
    alsoRequires(
      compare(ctx, {
        id: "FOREIGN-1",
        claim: "China's holdings fell to $759bn, the lowest since 2009",
        article: { kind: "value", value: ARTICLE.china.valueUsdBn, unit: "usdBn" },
        data: { kind: "value", value: r.chinaLow.valueUsdBn, unit: "usdBn", digits: 1, when: { to: "2024-12" } },
        rule: "publishedLevel",
        reason: `TIC China, Mainland; the last month as low was ${r.chinaLow.lowerOrEqualDate?.slice(0, 7) ?? "none"}${
          r.chinaLow.lowerOrEqualUsdBn === undefined
            ? ""
            : ` (${fmt(r.chinaLow.lowerOrEqualUsdBn, "usdBn", { digits: 1 })})`
        }`,
        afterwards: {
          data: {
            kind: "value",
            value: r.chinaLatestLow.valueUsdBn,
            unit: "usdBn",
            digits: 1,
            when: { to: r.chinaLatestLow.date.slice(0, 7) },
          },
          note: `The fall went on: the lowest since ${
            r.chinaLatestLow.lowerOrEqualDate?.slice(0, 7) ?? "the file's start (2000-03)"
          }; mostly sales, not prices (the valuation table)`,
        },
      }),
      [{
        verdict: r.chinaLow.lowerOrEqualDate?.startsWith(ARTICLE.china.sinceYear) ? "holds" : "does not hold",
        text: `lowest since ${r.chinaLow.lowerOrEqualDate?.slice(0, 7) ?? "the start of the file"}`,
      }],
    ),
    condition(ctx, {
      id: "FOREIGN-2",
      claim: "The holdings table for China and Japan, five months",
      article: {
        kind: "statement",
        text: ARTICLE_TABLE.map(([label, , c, j]) => `${label} ${c}/${j}`).join("; "),
      },
      data: {
        kind: "count",
        count: exact,
        of: table.length,
        what: "figures equal to TIC's within 2%",
        when: { from: "2024-01", to: "2025-01" },
      },
      holds: exact === table.length ? true : within === table.length ? "roughly" : false,
      ruleWhy: `each figure a published level (publishedLevel: ${RULES.publishedLevel.why})`,
      reason: `Each row compared with the TIC month its figures are: ${
        ARTICLE_TABLE.map(([, d]) =>
          `${d.slice(0, 7)} ${r.holdingsCheck.filter((x) => x.date === d).map((x) => x.dataUsdBn).join("/")}`
        ).join("; ")
      }. The row labelled 2023-12 is TIC's 2024-01 (its 2023-12 is ${r.labelledMonth.china}/${r.labelledMonth.japan}), a slip in the label. The shipped TIC file is the March 2026 revision.`,
    }),
    condition(ctx, {
      id: "FOREIGN-3",
      claim: "The 10-year topped 4.5% with the largest weekly rise in about 20 years",
      article: { kind: "statement", text: "above 4.5%; largest weekly rise in ~20 years" },
      data: {
        kind: "value",
        value: w.tenYear.change * 100,
        unit: "bp",
        when: { from: p.eventWeekFrom, to: p.eventWeekTo },
      },
      holds: w.weeklyRank.rank === 1 ? (w.tenYearHighPct > ARTICLE.tenYearAbovePct ? true : "roughly") : false,
      reason: `${w.tenYear.fromValue}% → ${w.tenYear.toValue}% (${signed(w.tenYear.change * 100, "bp")}), ${
        w.weeklyRank.rank === 1
          ? "the largest Friday-to-Friday rise"
          : `rank ${fmt(w.weeklyRank.rank, "count")} of ${fmt(w.weeklyRank.count, "count")} Friday-to-Friday weeks`
      } since ${p.rankingHistoryStart.slice(0, 4)} (the last at least as large in the whole file ended ${
        w.largerBeforeInFile?.toDate ?? "never"
      }); on rolling ${p.eventWindowTradingDays}-day windows ${
        w.rollingRank.rank - 1
      } were larger. The daily closes never passed ${ARTICLE.tenYearAbovePct}% (high ${w.tenYearHighPct}%): the threshold half is only roughly borne out, and intraday highs do not ship.`,
    }),
    notCheckable(ctx, {
      id: "FOREIGN-4",
      claim: "Recent 3-year and 10-year auctions had multi-year-low bid-to-cover ratios",
      article: { kind: "statement", text: "multi-year lows (no figure given)" },
      missing: "the April 2025 auctions and their multi-year history (the shipped auction file holds 2026 only)",
      reason: `Shipped auctions run ${r.auctionYears.first} to ${r.auctionYears.last}: 3-year ${
        btc3.length ? `${Math.min(...btc3)}–${Math.max(...btc3)}` : "none"
      } (${btc3.length} auctions), 10-year ${
        btc10.length ? `${Math.min(...btc10)}–${Math.max(...btc10)}` : "none"
      } (${btc10.length}). The article defines the ratio on the amount offered; Treasury publishes bids ÷ amount awarded, the Fed's add-on excluded.`,
    }),
    compare(ctx, {
      id: "FOREIGN-5",
      claim: "IG spreads widened almost 30bp in a week",
      article: { kind: "value", value: ARTICLE.spreadWideningBp, unit: "bp", approx: true },
      data: {
        kind: "value",
        value: r.oas.window.change,
        unit: "bp",
        when: { from: r.oas.window.fromDate, to: r.oas.window.toDate },
      },
      rule: "rateBp",
      reason:
        `The aggregate IG OAS over the article's own table window. Its largest ${p.eventWindowTradingDays}-trading-day rise ending ${p.spreadSearchFrom}..${p.spreadSearchTo} was ${
          signed(r.oas.largest.change, "bp")
        } (${r.oas.largest.fromDate} to ${r.oas.largest.toDate}). The article's table mixes the A- and AA-rated indices and, read as one series, shows a fall (89 → 70); those two series do not ship. In the article's week the aggregate moved ${
          signed(r.oas.eventWeek.change, "bp")
        }`,
    }),
    compare(ctx, {
      id: "FOREIGN-6",
      claim: "The S&P 500 fell almost 4% that week; gold and the Swiss franc rallied",
      article: { kind: "value", value: ARTICLE.sp500WeekPct, unit: "pct", approx: true },
      data: {
        kind: "value",
        value: r.sp500.week.changeFrac * 100,
        unit: "pct",
        when: { from: p.eventWeekFrom, to: p.eventWeekTo },
      },
      rule: "percentagePoints",
      reason: `The index rose in the article's week (the 9 April tariff pause); the week before it moved ${
        signed(r.sp500.weekBefore.changeFrac * 100, "pct")
      }. Gold and the Swiss franc do not ship, so that half cannot be checked`,
    }),
    condition(ctx, {
      id: "FOREIGN-7",
      claim: "Fed purchases (QE) would lower yields",
      article: { kind: "statement", text: "QE lowers yields (mechanism, no figure)" },
      data: {
        kind: "count",
        count: falls.length,
        of: covered.length,
        what: "purchase announcements on which the 10-year fell",
        when: { from: covered[0]?.date ?? "", to: covered.at(-1)?.date ?? "" },
      },
      holds: covered.length > 0 && falls.length === covered.length
        ? true
        : falls.length * 2 >= covered.length && covered.length > 0
        ? "roughly"
        : false,
      reason: `${
        covered.map((a) => `${a.date} ${signed(a.changeBp!, "bp")}`).join(", ")
      }. Surprise announcements lowered the 10-year; anticipated ones moved it little on the day. How much QE would offset foreign selling is not computed: Beltran et al.'s ${
        range(p.beltranShortRunBpPer100Bn.low, p.beltranShortRunBpPer100Bn.high, "bp")
      } per $100bn is a flow (a one-month shortfall of foreign official inflows, 5-year, short run) and Williams' ${
        range(p.qeBpPer600Bn.low, p.qeBpPer600Bn.high, "bp")
      } per $600bn a stock (a programme's cumulative size, 10-year): dividing one by the other would mix units, maturities and horizons.`,
    }),
    condition(ctx, {
      id: "FOREIGN-8",
      claim: "Two scenarios: tactical QE with limited impact, or prolonged disorder with permanent intervention",
      article: { kind: "statement", text: "the Fed forced to buy Treasuries in the coming weeks" },
      data: {
        kind: "value",
        value: resp.treasuries.change,
        unit: "usdBn",
        when: { from: resp.treasuries.fromDate, to: resp.treasuries.toDate },
      },
      holds: resp.treasuries.change > 0,
      reason: `The Fed's Treasury holdings went ${fmt(resp.treasuries.fromValue, "usdBn")} → ${
        fmt(resp.treasuries.toValue, "usdBn")
      } from the week to ${resp.windowEnd}${
        resp.cutAtQtEnd
          ? ` (the ${p.fedResponseWindowDays} days asked for are cut at QT's end)`
          : ` (${p.fedResponseWindowDays} days)`
      }, while QT ran on (cap $5bn a month from April 2025); ${
        fmt(resp.qtEnd.value, "usdBn")
      } at QT's end (${resp.qtEnd.date}), ${
        fmt(resp.latest.value, "usdBn")
      } on ${resp.latest.date}. All foreign holdings ${signed(resp.foreignTotal.changeUsdBn, "usdBn")} ${
        resp.monthBeforeWeek.slice(0, 7)
      } → ${
        resp.foreignTotal.toDate.slice(0, 7)
      }. Purchases resumed only from December 2025 as bill purchases for reserve management, not as QE.`,
    }),
  ];
}
