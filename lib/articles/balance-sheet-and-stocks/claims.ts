/**
 * The balance-sheet-and-stocks article's claims (BSEQ-1..9, qtlab's claims list) as numbers, judged by the
 * project's one rulebook (lib/claims/verdict.ts): balance-sheet levels as published levels, "about"
 * figures as rounded figures, growth in percentage points, yields in bp, the rest as conditions.
 */
import {
  alsoRequires,
  type Claim,
  type ClaimContext,
  claimIds,
  compare,
  condition,
  type RuleName,
  RULES,
  type Verdict,
  verdictByRule,
  verdictForDistance,
} from "../../claims/verdict.ts";
import { BTFP_PROGRAM } from "../../calc/btfp.ts";
import { quarterEndOf } from "../../calc/moneyFunds.ts";
import { fmt, signed } from "../../format.ts";
import type { BalanceSheetResult } from "./compute.ts";
import type { balanceSheetAndStocksParams } from "./params.ts";

export const BSEQ_CLAIM_IDS = claimIds("BSEQ", 9);

const yesNo = (b: boolean): Verdict => (b ? "holds" : "does not hold");
/** A level against a figure under a rule, as a part of a claim. */
function part(article: number, data: number, unit: "usdBn", rule: RuleName, text: string) {
  return { verdict: verdictByRule({ kind: "value", value: article, unit }, data, rule), text };
}

export function balanceSheetClaims(r: BalanceSheetResult, p: typeof balanceSheetAndStocksParams.defaults): Claim[] {
  const ctx: ClaimContext = { articleDate: p.articleAsOfDateIso };
  const L = r.levels;
  const g = r.gdp;
  const mf = r.moneyFunds;
  const lastYear = r.drain[1];
  const whole = r.drain[2];
  const shifted = mf.shift.depositsChangeUsdBn < 0 && mf.shift.mmfChangeUsdBn > 0;
  const multiple = L.now.value / L.preCovid.value;
  const y = r.yields;
  const peakVerdict = verdictForDistance(Math.abs(y.peakPct - p.articleTenYearPeakPct) * 100, RULES.rateBp);
  const rec = r.record;
  return [
    alsoRequires(
      compare(ctx, {
        id: "BSEQ-1",
        claim: "Total assets peaked at $8,965.4bn in April 2022; $7,681.0bn now",
        article: { kind: "value", value: p.articlePeakUsdBn, unit: "usdBn" },
        data: { kind: "value", value: L.peak.value, unit: "usdBn", digits: 1, when: { to: L.peak.date } },
        rule: "publishedLevel",
        reason: `WALCL, Wednesday levels; the article's "now" equals the ${L.articleWeek.date} week (${
          fmt(L.articleWeek.value, "usdBn", { digits: 1 })
        })`,
      }),
      [
        { verdict: yesNo(L.peak.date.slice(0, 7) === "2022-04"), text: `the peak week ${L.peak.date}` },
        part(
          p.articleNowUsdBn,
          L.now.value,
          "usdBn",
          "publishedLevel",
          `"now": ${fmt(L.now.value, "usdBn", { digits: 1 })} in the last week published by the note (${L.now.date})`,
        ),
      ],
    ),
    alsoRequires(
      compare(ctx, {
        id: "BSEQ-2",
        claim: "Pre-COVID total assets were about $3,000bn; now more than twice that",
        article: { kind: "value", value: p.articlePreCovidUsdBn, unit: "usdBn", approx: true },
        data: { kind: "value", value: L.preCovid.value, unit: "usdBn", digits: 1, when: { to: L.preCovid.date } },
        rule: "roundedFigure",
        reason: `The 2019 low; total assets were last at or below $${p.articlePreCovidUsdBn}bn on ${
          L.lastAtOrBelowArticle?.date ?? "no date in the file"
        }. Against the week before the COVID purchases (${L.preCovidAlt.date}, ${
          fmt(L.preCovidAlt.value, "usdBn")
        }) the balance sheet at the note is ×${fmt(L.now.value / L.preCovidAlt.value, "ratio")}`,
      }),
      [{
        verdict: yesNo(multiple > p.articleMultipleOfPreCovid),
        text: `at the note ×${fmt(multiple, "ratio")} the 2019 low`,
      }],
    ),
    alsoRequires(
      compare(ctx, {
        id: "BSEQ-3",
        claim: "Nominal GDP +26% (2019 $21.38tn → 2023 ~$27tn) while the Fed's money doubled",
        article: { kind: "value", value: p.articleGdpGrowthPct, unit: "pct" },
        data: {
          kind: "value",
          value: g.gdpGrowthFrac * 100,
          unit: "pct",
          when: { from: String(p.gdpFromYear), to: `${p.gdpToYear}-12-31` },
        },
        rule: "percentagePoints",
        reason: `Annual means of quarterly GDP (SAAR): ${fmt(g.from.mean, "usdBn")} → ${
          fmt(g.to.mean, "usdBn")
        }. The shipped GDP is the August 2026 vintage, after BEA's 2023 comprehensive revision; the article's vintage does not ship`,
      }),
      [
        part(
          p.articleGdpFromUsdBn,
          g.from.mean,
          "usdBn",
          "publishedLevel",
          `GDP ${p.gdpFromYear} ${fmt(g.from.mean, "usdBn")}`,
        ),
        part(p.articleGdpToUsdBn, g.to.mean, "usdBn", "roundedFigure", `GDP ${p.gdpToYear} ${fmt(g.to.mean, "usdBn")}`),
        {
          verdict: yesNo(1 + g.assetsGrowthFrac >= 2),
          text: `total assets ×${fmt(1 + g.assetsGrowthFrac, "ratio")} (annual means ${
            fmt(g.assetsFrom.mean, "usdBn")
          } → ${fmt(g.assetsTo.mean, "usdBn")})`,
        },
      ],
    ),
    condition(ctx, {
      id: "BSEQ-4",
      claim: "Money-fund assets at a record; funds park cash at the ON RRP at 5.25–5.50%",
      article: { kind: "statement", text: `record; ${p.articleTargetRangePct[0]}–${p.articleTargetRangePct[1]}%` },
      data: {
        kind: "value",
        value: mf.record.valueUsdBn,
        unit: "usdBn",
        when: { to: quarterEndOf(mf.recordQuarter) },
      },
      holds: mf.record.record && r.rangeNow[0] === p.articleTargetRangePct[0] &&
        r.rangeNow[1] === p.articleTargetRangePct[1],
      reason: `${mf.record.record ? "A record" : "Not a record"} (previous high ${
        fmt(mf.record.previousHighUsdBn, "usdBn")
      }); target range ${r.rangeNow[0]}–${r.rangeNow[1]}% at the note; ON RRP ${
        fmt(r.onRrp.now.value, "usdBn")
      } on ${r.onRrp.now.date} (peak ${
        fmt(r.onRrp.peak.value, "usdBn")
      }, ${r.onRrp.peak.date}): funds were leaving it. Z.1 quarterly (the weekly ICI series is not shipped); the ON RRP offering rate itself is not shipped, the target range is checked.`,
    }),
    condition(ctx, {
      id: "BSEQ-5",
      claim: "Banks lose deposits to money funds: QT plus the funds drain the banking system twice",
      article: { kind: "statement", text: "deposits → money funds; a double drain" },
      data: {
        kind: "value",
        value: lastYear.reservesUsdBn,
        unit: "usdBn",
        when: { from: lastYear.from, to: lastYear.to },
      },
      holds: !shifted ? false : lastYear.reservesUsdBn < 0 && lastYear.onRrpUsdBn > 0 ? true : "roughly",
      reason: `${mf.shift.fromQuarterEnd} → ${mf.shift.toQuarterEnd}: deposits ${
        signed(mf.shift.depositsChangeUsdBn, "usdBn")
      }, money funds ${signed(mf.shift.mmfChangeUsdBn, "usdBn")}; over QT to the note reserves changed ${
        signed(whole.reservesUsdBn, "usdBn")
      }. In the last year (the data figure: reserves) the ON RRP changed ${signed(lastYear.onRrpUsdBn, "usdBn")}: ${
        lastYear.onRrpUsdBn < 0
          ? "the second drain ran backwards as funds left the ON RRP"
          : "the funds' cash kept draining"
      }. A co-movement, not a measured flow from one to the other.`,
    }),
    condition(ctx, {
      id: "BSEQ-6",
      claim: "BTFP expires 2024-03-11 (collateral at par, up to one year, 1-year swap + 10bp)",
      article: { kind: "date", date: p.articleBtfpExpiryIso },
      data: { kind: "date", date: BTFP_PROGRAM.lastNewLoanDate, when: { to: BTFP_PROGRAM.lastNewLoanDate } },
      holds: p.articleBtfpExpiryIso === BTFP_PROGRAM.lastNewLoanDate &&
        p.articleBtfpSpreadBp === BTFP_PROGRAM.rateSpreadOverOisBp && BTFP_PROGRAM.maxTermYears === 1,
      ruleWhy: "the Fed's published terms of the programme, not a data series",
      reason:
        `Terms: ${BTFP_PROGRAM.collateralValuation}, up to ${BTFP_PROGRAM.maxTermYears} year, +${BTFP_PROGRAM.rateSpreadOverOisBp}bp (${BTFP_PROGRAM.source}); "expires" is the last day for new loans. The carry (${
          fmt(r.btfp.carryBp, "bp")
        }) rests on an assumed 1-year OIS of ${p.btfpOneYearOisPct}% (OIS does not ship); it is positive for any OIS below ${
          fmt(r.btfp.breakEvenOisPct, "pct", { digits: 2 })
        }.`,
    }),
    alsoRequires(
      compare(ctx, {
        id: "BSEQ-7",
        claim: "QT runs at $95bn a month",
        article: { kind: "value", value: p.articleQtPaceUsdBnPerMonth, unit: "usdBnPerMonth" },
        data: {
          kind: "value",
          value: r.pace.totalUsdBn,
          unit: "usdBnPerMonth",
          when: { from: p.qtPaceFromMonth, to: p.qtPaceToMonth },
        },
        rule: "roundedFigure",
        reason: `The mean monthly fall of TREAST + WSHOMCB (${p.runoffMonthGrid} grid): Treasuries ${
          fmt(r.pace.treasuryUsdBn, "usdBnPerMonth")
        }, MBS ${
          fmt(r.pace.mbsUsdBn, "usdBnPerMonth")
        }; MBS ran off below their cap in ${r.pace.mbsBelowCap} of ${r.pace.months} months. $${p.articleQtPaceUsdBnPerMonth}bn is the cap, not the pace`,
      }),
      [{
        verdict: yesNo(r.pace.capUsdBn === p.articleQtPaceUsdBnPerMonth),
        text: `the caps in force at the note (parameters, FOMC record): ${
          fmt(r.pace.capUsdBn, "usdBnPerMonth", { trim: true })
        }`,
      }],
    ),
    alsoRequires(
      condition(ctx, {
        id: "BSEQ-8",
        claim:
          "10-year peaked near 5% in late Oct 2023, fell after the 2023-11-01 FOMC, now well below the policy rate",
        article: { kind: "value", value: p.articleTenYearPeakPct, unit: "pct", approx: true },
        data: { kind: "value", value: y.peakPct, unit: "pct", digits: 2, when: { to: y.peakDate } },
        holds: true,
        ruleWhy:
          `three parts: the peak judged as a rate in bp (rateBp: ${RULES.rateBp.why}); the fall and the gap as signs`,
        reason: `DGS10 close; ${fmt(y.basePct, "pct", { digits: 2 })} (${y.baseDate}) → ${
          fmt(y.asOfPct, "pct", { digits: 2 })
        } (${y.asOfDate}). The Treasury's refunding announcement came the same day as the FOMC, so the fall is not the FOMC's alone`,
      }),
      [
        {
          verdict: peakVerdict,
          text: `the peak ${
            fmt(Math.abs(y.peakPct - p.articleTenYearPeakPct) * 100, "bp")
          } from ${p.articleTenYearPeakPct}%`,
        },
        { verdict: yesNo(y.changeSinceEventBp < 0), text: `${signed(y.changeSinceEventBp, "bp")} after the meeting` },
        {
          verdict: yesNo(y.gapToLowerBp < 0),
          text: `${signed(y.gapToLowerBp, "bp")} to the range's floor at the note`,
        },
      ],
    ),
    condition(ctx, {
      id: "BSEQ-9",
      claim: "S&P 500 record on 2024-01-19 while the balance sheet shrinks; a plateau expected",
      article: { kind: "date", date: p.articleRecordDateIso },
      data: rec.close
        ? { kind: "value", value: rec.close.value, unit: "index", digits: 2, when: { to: rec.close.date } }
        : { kind: "statement", text: "no close that day", when: { to: p.articleRecordDateIso } },
      holds: rec.close !== undefined && rec.priorHigh !== undefined && rec.close.value > rec.priorHigh.value &&
        L.now.value < L.peak.value,
      reason: rec.close && rec.priorHigh
        ? `The highest close before it: ${
          fmt(rec.priorHigh.value, "index", { digits: 2 })
        } (${rec.priorHigh.date}); total assets ${
          fmt(L.peak.value - L.now.value, "usdBn")
        } below their peak. The plateau is a forecast, kept apart ("after the note").`
        : `No S&P 500 close on ${p.articleRecordDateIso} in the file (it starts ${rec.sp500From}).`,
    }),
  ];
}
