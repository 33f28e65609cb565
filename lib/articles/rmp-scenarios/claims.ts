/**
 * The RMP article's claims (RMP-1..11, qtlab's claims list) as numbers: each with the article's figure,
 * the data's figure and its window, and the verdict from the project's one rulebook (lib/claims/verdict.ts).
 */
import {
  type Claim,
  type ClaimContext,
  claimIds,
  compare,
  condition,
  notCheckable,
  RULES,
  type Verdict,
  weakest,
} from "../../claims/verdict.ts";
import { addMonths } from "../../calendar.ts";
import { fmt, signed } from "../../format.ts";
import { ARTICLE, type RmpResult } from "./compute.ts";
import type { rmpParams } from "./params.ts";

export const RMP_CLAIM_IDS = claimIds("RMP", 11);
const ctx: ClaimContext = { articleDate: ARTICLE.date };

/** The outcomes the article attaches to each scenario, checked from its date; "vol down" uses the pre-event VIX baseline. */
export function scenarioOutcomes(r: RmpResult): { id: string; text: string; met: boolean }[] {
  const f = r.facts;
  const v = r.vix.chosen;
  const all: Record<string, { text: string; met: boolean }[]> = {
    A: [
      { text: `equities up (S&P 500 ${signed(f.sp500.changePct, "pct")})`, met: f.sp500.changePct > 0 },
      {
        text: `volatility down (VIX mean ${fmt(v.since, "index")} since, against ${
          fmt(v.baseline, "index")
        } over the ${v.days} trading days before)`,
        met: v.down,
      },
      {
        text: `curve normalises (10y−2y ${signed(f.curve10y2y.to.value - f.curve10y2y.from.value, "bp")})`,
        met: f.curve10y2y.to.value > f.curve10y2y.from.value,
      },
    ],
    B: [{
      text: `risk assets melt up (S&P 500 ${signed(f.sp500.changePct, "pct")}, above +20%)`,
      met: f.sp500.changePct > 20,
    }],
    C: [{
      text: `equities correct hard (S&P 500 ${signed(f.sp500.changePct, "pct")}, below −10%)`,
      met: f.sp500.changePct < -10,
    }],
  };
  return (all[r.model.closest.id] ?? []).map((o) => ({ id: r.model.closest.id, ...o }));
}

/** The strategy's checkable legs from the article's date; tech against the index judged with the percentage-points rule. */
export function strategyLegs(r: RmpResult): { text: string; verdict: Verdict }[] {
  const f = r.facts;
  const gap = f.nasdaq.changePct - f.sp500.changePct;
  const tech: Verdict = Math.abs(gap) <= RULES.percentagePoints.holds
    ? "roughly holds"
    : gap > 0
    ? "holds"
    : "does not hold";
  return [
    {
      text: `short VIX: ${fmt(f.vixSpot.from.value, "index")} (${f.vixSpot.from.date}) → ${
        fmt(f.vixSpot.to.value, "index")
      } (${f.vixSpot.to.date})`,
      verdict: f.vixSpot.to.value < f.vixSpot.from.value ? "holds" : "does not hold",
    },
    {
      text: `tech over the index: Nasdaq ${signed(f.nasdaq.changePct, "pct")} against the S&P 500 ${
        signed(f.sp500.changePct, "pct")
      } (within ${fmt(RULES.percentagePoints.holds, "pp")} counts as in line)`,
      verdict: tech,
    },
    {
      text: `steepener: 10y−2y ${fmt(f.curve10y2y.from.value, "bp")} → ${fmt(f.curve10y2y.to.value, "bp")}`,
      verdict: f.curve10y2y.to.value > f.curve10y2y.from.value ? "holds" : "does not hold",
    },
  ];
}

export function rmpClaims(r: RmpResult, params: typeof rmpParams.defaults): Claim[] {
  const f = r.facts;
  const m = r.model;
  const realisedFrom = m.realised.months[0]?.month ?? params.startMonth;
  const realisedTo = m.realised.months.at(-1)?.month ?? params.startMonth;
  const datesMatch = f.qtStart.startsWith(ARTICLE.qtStartMonth) && f.qtEnd === ARTICLE.qtEnd &&
    f.qtEndDecided.startsWith(ARTICLE.qtEndDecidedMonth);
  const holdingsMatch = f.treasuryMonthsDuring > 0 && f.treasuryMonthsFell / f.treasuryMonthsDuring >= 0.9;
  const outcomes = scenarioOutcomes(r);
  const met = outcomes.filter((o) => o.met).length;
  const closest = m.closest;
  const ranges: Record<string, [number, number | null]> = { A: [20, 30], B: [45, null], C: [3.5, 3.5] };
  const spec = ranges[closest.id];
  const legs = strategyLegs(r);
  return [
    condition(ctx, {
      id: "RMP-1",
      claim: "QT ran from June 2022 to 2025-12-01; the end was decided at the October 2025 FOMC",
      article: { kind: "date", date: ARTICLE.qtEnd },
      data: {
        kind: "count",
        count: f.treasuryMonthsFell,
        of: f.treasuryMonthsDuring,
        what: "months of QT in which Treasury holdings fell",
        when: { from: f.qtStart, to: f.qtEnd },
      },
      holds: datesMatch && holdingsMatch,
      reason:
        `The policy record dates QT from ${f.qtStart} (decided ${f.qtStartDecided}) to ${f.qtEnd} (decided ${f.qtEndDecided}); H.4.1 Treasury holdings fell in ${f.treasuryMonthsFell} of ${f.treasuryMonthsDuring} months of QT (month-end grid).`,
    }),
    compare(ctx, {
      id: "RMP-2",
      claim: "Total assets fell from a peak near $9,000bn to about $6,600bn: about $2,400bn drained",
      article: { kind: "value", value: ARTICLE.drainedUsdBn, unit: "usdBn", approx: true },
      data: { kind: "value", value: f.drainedUsdBn, unit: "usdBn", when: { from: f.peak.date, to: f.afterQt.date } },
      rule: "roundedFigure",
      reason: `WALCL peaked at ${fmt(f.peak.value, "usdBn")} (${f.peak.date}) and stood at ${
        fmt(f.afterQt.value, "usdBn")
      } in the first week after QT ended (${f.afterQt.date}); the drain counts from the April 2022 peak, before QT's June start`,
    }),
    condition(ctx, {
      id: "RMP-3",
      claim: "In 2025 SOFR rose above IORB: the scarcity signal",
      article: { kind: "statement", text: "SOFR − IORB > 0 in 2025" },
      data: {
        kind: "count",
        count: f.sofrAbove2025.daysAbove,
        of: f.sofrAbove2025.days,
        what: "business days with SOFR above IORB",
        when: { from: "2025-01-01", to: "2025-12-31" },
      },
      holds: f.sofrAbove2025.daysAbove > 0 && f.monthsMostlyAbove2025.length > 0,
      reason: `SOFR traded above IORB on most days of ${f.monthsMostlyAbove2025.join(", ") || "no month"}, at most ${
        signed(f.sofrAbove2025.maxBp, "bp")
      } (${f.sofrAbove2025.maxDate}); EFFR was above IORB on ${f.effrAbove2025} days: the strain sat in secured repo.`,
    }),
    condition(ctx, {
      id: "RMP-4",
      claim: "Heavy bill issuance chasing scarce cash pushed repo rates up",
      article: { kind: "statement", text: "more bills, less cash → higher repo rates" },
      data: {
        kind: "value",
        value: f.sofrSpreadMeanQ4,
        unit: "bp",
        digits: 1,
        when: { from: "2025-10-01", to: "2025-12-31" },
      },
      holds: f.onRrpMeanQ4 < f.onRrpMeanH1 / 2 && f.sofrSpreadMeanQ4 > 0 && f.sofrSpreadMeanQ4 > f.sofrSpreadMeanH1
        ? "roughly"
        : false,
      reason: `The cash side is in the data: ON RRP averaged ${fmt(f.onRrpMeanH1, "usdBn")} in H1 2025 and ${
        fmt(f.onRrpMeanQ4, "usdBn")
      } in Q4, and SOFR − IORB ${fmt(f.sofrSpreadMeanH1, "bp", { digits: 1 })} then ${
        fmt(f.sofrSpreadMeanQ4, "bp", { digits: 1 })
      }. The bill side is not: bills outstanding and SOMA bills do not ship, so only part of the claim is checked.`,
    }),
    notCheckable(ctx, {
      id: "RMP-5",
      claim: 'RMP buys bills: near-cash, no duration transfer, "neutral"; it supports Treasury\'s bill financing',
      article: { kind: "statement", text: "bills only; no duration" },
      missing: "SOMA holdings by maturity (bills apart from coupons)",
      data: {
        kind: "value",
        value: f.holdingsSinceQtEnd.treasuriesUsdBn,
        unit: "usdBn",
        when: { from: f.holdingsSinceQtEnd.from, to: f.holdingsSinceQtEnd.to },
      },
      reason: `Treasury holdings changed by ${signed(f.holdingsSinceQtEnd.treasuriesUsdBn, "usdBn")} and MBS by ${
        signed(f.holdingsSinceQtEnd.mbsUsdBn, "usdBn")
      } since QT ended; without holdings by maturity bills cannot be told from coupons, so no duration can be measured.`,
    }),
    compare(ctx, {
      id: "RMP-6",
      claim: 'Size camps: "maintain" ≈ $3.5bn/month (currency growth) vs "replenish" ≈ $45bn ($20bn + $25bn)',
      article: { kind: "value", value: ARTICLE.maintainUsdBnPerMonth, unit: "usdBnPerMonth", approx: true },
      data: {
        kind: "value",
        value: f.currencyGrowth.m12,
        unit: "usdBnPerMonth",
        when: { from: addMonths(f.currencyGrowth.to.slice(0, 7), -12), to: f.currencyGrowth.to.slice(0, 7) },
      },
      rule: "roundedFigure",
      reason: `Currency in circulation grew ${fmt(f.currencyGrowth.m60, "usdBnPerMonth")} over 5 years and ${
        fmt(f.currencyGrowth.m120, "usdBnPerMonth")
      } over 10; CURRCIR ends ${
        f.currencyGrowth.to.slice(0, 7)
      }, so 2025's pace is not observed. The $45bn adds up. Keeping reserves a constant share of GDP at ${
        fmt(params.nominalGdpGrowthPctPerYear, "pct")
      } nominal growth would take ${
        fmt(f.keepShareUsdBnPerMonth, "usdBnPerMonth")
      } on top of currency (an assumption, not data)`,
    }),
    notCheckable(ctx, {
      id: "RMP-7",
      claim: "Bill purchases lower bill yields and push money funds into private short credit",
      article: { kind: "statement", text: "lower bill yields; crowding-out" },
      missing:
        "money-fund holdings by instrument and dealer positions, and a way to separate the purchases from expected policy rates",
      data: {
        kind: "value",
        value: f.bill3mMinusIorb.after,
        unit: "bp",
        digits: 1,
        when: { from: f.bill3mMinusIorb.afterMonth, to: f.bill3mMinusIorb.afterMonth },
      },
      reason: `The nearest proxy, the 3-month yield over IORB, went from ${
        fmt(f.bill3mMinusIorb.before, "bp", { digits: 1 })
      } (${f.bill3mMinusIorb.beforeMonth}) to ${
        fmt(f.bill3mMinusIorb.after, "bp", { digits: 1 })
      } (${f.bill3mMinusIorb.afterMonth}), but it also prices expected policy rates, so it cannot isolate the purchases.`,
    }),
    f.strain2025
      ? condition(ctx, {
        id: "RMP-8",
        claim: "Regulation (LCR, Basel III) raises banks' lowest comfortable reserves",
        article: { kind: "statement", text: "a higher lowest comfortable reserve level, driven by regulation" },
        data: { kind: "value", value: f.strain2025.sharePct, unit: "pctOfGdp", when: { to: f.strain2025.date } },
        holds: f.strain2025.sharePct > f.strain2019.sharePct ? "roughly" : false,
        reason:
          `Like with like: reserves as a share of GDP on the day of each year SOFR traded furthest above the top of the target range, ${
            fmt(f.strain2019.sharePct, "pctOfGdp")
          } (${fmt(f.strain2019.usdBn, "usdBn")}, ${f.strain2019.date}) in 2019 against ${
            fmt(f.strain2025.sharePct, "pctOfGdp")
          } (${
            fmt(f.strain2025.usdBn, "usdBn")
          }, ${f.strain2025.date}) in 2025. Banks wanted more reserves before bidding repo above the range; that regulation is the reason cannot be tested here (no bank-level LCR or HQLA data), hence only "roughly".`,
      })
      : notCheckable(ctx, {
        id: "RMP-8",
        claim: "Regulation (LCR, Basel III) raises banks' lowest comfortable reserves",
        article: { kind: "statement", text: "a higher lowest comfortable reserve level, driven by regulation" },
        missing:
          "a 2025 day with SOFR above the top of the target range (the 2019 measure), and bank-level LCR or HQLA data",
        reason: `SOFR never traded above the top of the target range in 2025, so the 2019 measure (${
          fmt(f.strain2019.sharePct, "pctOfGdp")
        } on ${f.strain2019.date}) has no 2025 counterpart; a spread to IORB in 2025 against a spread to the range in 2019 would compare different definitions.`,
      }),
    notCheckable(ctx, {
      id: "RMP-9",
      claim: "Treasury issues bills, the Fed buys them: close to debt monetisation",
      article: { kind: "statement", text: "Fed as marginal buyer of Treasury's bills" },
      missing: "bills outstanding and SOMA bills (the Fed's share of net bill issuance) and inflation expectations",
      data: {
        kind: "value",
        value: f.holdingsSinceQtEnd.treasuriesUsdBn,
        unit: "usdBn",
        when: { from: f.holdingsSinceQtEnd.from, to: f.holdingsSinceQtEnd.to },
      },
    }),
    condition(ctx, {
      id: "RMP-10",
      claim: "The three scenarios A/B/C with probabilities 40/35/25% and their outcomes",
      article: spec && spec[1] !== null
        ? { kind: "range", lo: spec[0], hi: spec[1], unit: "usdBnPerMonth" }
        : { kind: "atLeast", value: spec?.[0] ?? 45, unit: "usdBnPerMonth" },
      data: {
        kind: "value",
        value: m.realisedPaceUsdBnPerMonth,
        unit: "usdBnPerMonth",
        digits: 1,
        when: { from: realisedFrom, to: realisedTo },
      },
      holds: !f.closestInRange ? false : met === outcomes.length ? true : met > 0 ? "roughly" : false,
      reason: `The realised purchases sit closest to scenario ${closest.id} (RMSE of cumulative purchases ${
        fmt(closest.rmseCumulativePurchasesUsdBn, "usdBn")
      }; the Fed's first round was about ${fmt(f.firstRound.usdBnPerMonth, "usdBnPerMonth")}); the pace ${
        f.closestInRange ? "lies" : "does not lie"
      } in its range, and ${met} of its ${outcomes.length} outcomes followed: ${
        outcomes.map((o) => `${o.text} ${o.met ? "✓" : "✗"}`).join("; ")
      }.`,
      afterwards: {
        data: {
          kind: "value",
          value: m.realisedPaceUsdBnPerMonth,
          unit: "usdBnPerMonth",
          digits: 1,
          when: { from: realisedFrom, to: realisedTo },
        },
        note: "a forecast checked on what happened after the article",
      },
    }),
    condition(ctx, {
      id: "RMP-11",
      claim: "Strategy: short VIX, overweight gold, real assets, small caps and tech, curve steepeners",
      article: {
        kind: "statement",
        text: "short VIX; long tech; steepeners (gold, real assets, small caps not in the data)",
      },
      data: {
        kind: "count",
        count: legs.filter((l) => l.verdict === "holds").length,
        of: legs.length,
        what: "checkable legs that paid",
        when: { from: ARTICLE.date, to: f.sp500.to.date },
      },
      holds: ((v) => (v === "holds" ? true : v === "roughly holds" ? "roughly" : false))(
        weakest(legs.map((l) => l.verdict)),
      ),
      reason:
        `Spot levels from the article's date (a VIX short earns the futures roll, not in the data); gold, real assets and small caps do not ship. The verdict is the weakest checkable leg: ${
          legs.map((l) => `${l.text} (${l.verdict})`).join("; ")
        }.`,
    }),
  ];
}
