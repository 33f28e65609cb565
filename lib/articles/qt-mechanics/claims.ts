/**
 * The QT-mechanics article's claims (QTMECH-1..7, qtlab's claims list) as numbers: the article's figure,
 * the data's figure with its window, and the verdict from the project's one rulebook (lib/claims/verdict.ts).
 * A month's runoff against a cap is judged by RULES.holdingsMonthUsdBn ($2bn for TIPS inflation
 * compensation and timing); the caps themselves come from the FOMC record in the parameters, never from data.
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
import { fmt, list, signed } from "../../format.ts";
import type { QtMechanicsResult } from "./compute.ts";
import type { qtMechanicsParams } from "./params.ts";

export const QTMECH_CLAIM_IDS = claimIds("QTMECH", 7);
/** The article's publication date. */
export const ARTICLE_DATE = "2025-04-03";
const ctx: ClaimContext = { articleDate: ARTICLE_DATE };

/** A month's runoff against a figure in $bn a month, judged by the holdings rule. */
function runoffPart(articleUsdBn: number, dataUsdBn: number, text: string) {
  return {
    verdict: verdictByRule(
      { kind: "value", value: articleUsdBn, unit: "usdBnPerMonth" },
      dataUsdBn,
      "holdingsMonthUsdBn",
    ),
    text,
  };
}

/** The parts of the timeline that match the article, and those that do not. */
export function timelineParts(r: QtMechanicsResult): { matched: string[]; missed: string[] } {
  const m = r.timeline.matched;
  const names: [keyof typeof m, string][] = [
    ["qe", "the purchase surge"],
    ["taper", "the taper"],
    ["hike", "the first hike"],
    ["qt", "the start of QT"],
  ];
  return {
    matched: names.filter(([k]) => m[k]).map(([, n]) => n),
    missed: names.filter(([k]) => !m[k]).map(([, n]) => n),
  };
}

export function qtMechanicsClaims(r: QtMechanicsResult, p: typeof qtMechanicsParams.defaults): Claim[] {
  const t = r.timeline;
  const parts = timelineParts(r);
  const tol = RULES.holdingsMonthUsdBn.holds;
  const articleTreasuryPeak = p.articlePeakCapUsdBnPerMonth - p.articleMbsCapUsdBnPerMonth;
  const sharpIn = r.debtLimit.sharp.filter((s) => s.length > 0).length;
  const episodes = r.debtLimit.phases.length;
  const lastPhase = r.debtLimit.phases.at(-1);
  const m = r.markets;
  return [
    condition(ctx, {
      id: "QTMECH-1",
      claim: "Heavy purchases from 2020, taper decided Nov 2021, first hike Mar 2022, QT from Jun 2022",
      article: {
        kind: "statement",
        text:
          `purchases ${p.articleQeStartMonth}; taper ${p.articleTaperMonth}; hike ${p.articleFirstHikeMonth}; QT ${p.articleQtStartMonth}`,
      },
      data: {
        kind: "count",
        count: parts.matched.length,
        of: 4,
        what: "dates of the timeline matched",
        when: { from: t.qeSurge.month, to: t.qtTurn.month },
      },
      holds: parts.missed.length === 0,
      reason: `Treasury holdings first rose by more than ${
        fmt(p.qeSurgeThresholdUsdBnPerMonth, "usdBn")
      } in a month in ${t.qeSurge.month} (${signed(t.qeSurge.change, "usdBn")}); net purchases slowed from ${
        fmt(t.preTaperPaceUsdBn, "usdBnPerMonth")
      } to ${
        fmt(t.taperPaceUsdBn, "usdBnPerMonth")
      } from ${p.articleTaperMonth}; the target range first rose on ${t.firstHike.date}; Treasury holdings first fell in ${t.qtTurn.month}. ${
        parts.missed.length ? `Not matched: ${list(parts.missed)}.` : "All four match."
      } The taper is checked as a slower pace of net purchases from the decision month, not its exact start.`,
    }),
    alsoRequires(
      compare(ctx, {
        id: "QTMECH-2",
        claim: "Peak runoff caps of $95bn a month ($60bn Treasuries + $35bn MBS)",
        article: { kind: "value", value: articleTreasuryPeak, unit: "usdBnPerMonth" },
        data: {
          kind: "value",
          value: r.peak.treasuryMedianUsdBn,
          unit: "usdBnPerMonth",
          when: { from: r.peak.period.from, to: r.peak.to },
        },
        rule: "holdingsMonthUsdBn",
        reason:
          `The article's Treasury part of the $${p.articlePeakCapUsdBnPerMonth}bn against the median monthly fall of Treasury holdings in the peak-cap months. MBS paydowns never reached their cap (at most ${
            fmt(r.peak.maxMbs.usdBn, "usdBnPerMonth")
          }, ${r.peak.maxMbs.month}), so the $${p.articlePeakCapUsdBnPerMonth}bn was a ceiling QT never ran at: the MBS cap is not visible in holdings`,
      }),
      [{
        verdict: r.peakCombinedCapUsdBnPerMonth === p.articlePeakCapUsdBnPerMonth ? "holds" : "does not hold",
        text: `the caps in the parameters (FOMC record) peak at ${
          fmt(r.peakCombinedCapUsdBnPerMonth, "usdBnPerMonth", { trim: true })
        } combined`,
      }],
    ),
    alsoRequires(
      compare(ctx, {
        id: "QTMECH-3",
        claim: "From April 2025 the Treasury cap falls from $25bn to $5bn a month; the MBS cap stays $35bn",
        article: { kind: "value", value: p.articleTreasuryCapAfterUsdBnPerMonth, unit: "usdBnPerMonth" },
        data: {
          kind: "value",
          value: r.slowdown.treasuryAfterUsdBn,
          unit: "usdBnPerMonth",
          when: { from: r.slowdown.period.from, to: p.slowdownAfterToMonth },
        },
        rule: "holdingsMonthUsdBn",
        reason:
          `Median monthly Treasury runoff after the slowdown (decided ${r.slowdown.period.decided}); the article prints $5.9bn, a slip for $5bn`,
      }),
      [
        runoffPart(
          p.articleTreasuryCapBeforeUsdBnPerMonth,
          r.slowdown.treasuryBeforeUsdBn,
          `before, ${p.slowdownBeforeFromMonth} to ${r.slowdown.beforeTo}: median ${
            fmt(r.slowdown.treasuryBeforeUsdBn, "usdBnPerMonth")
          } against ${fmt(p.articleTreasuryCapBeforeUsdBnPerMonth, "usdBnPerMonth", { trim: true })}`,
        ),
        {
          verdict: Math.max(r.slowdown.mbsBeforeUsdBn, r.slowdown.mbsAfterUsdBn) < p.articleMbsCapUsdBnPerMonth
            ? "holds"
            : "does not hold",
          text: `MBS ran off ${fmt(r.slowdown.mbsBeforeUsdBn, "usdBnPerMonth")} before and ${
            fmt(r.slowdown.mbsAfterUsdBn, "usdBnPerMonth")
          } after, below a $${p.articleMbsCapUsdBnPerMonth}bn cap that did not bind`,
        },
      ],
    ),
    condition(ctx, {
      id: "QTMECH-4",
      claim: "QT is redemption at maturity up to the caps, not outright sales",
      article: { kind: "statement", text: "redemptions up to the caps, no sales" },
      data: {
        kind: "count",
        count: r.monthsBeyondCap,
        of: r.summary.months,
        what: `months in which holdings fell beyond a cap by more than ${fmt(tol, "usdBn")}`,
        when: { from: r.capMonths.from, to: r.capMonths.to },
      },
      holds: r.monthsBeyondCap === 0,
      ruleWhy:
        `a yes/no statement: outright sales would show as holdings falling by more than the cap (tolerance: ${RULES.holdingsMonthUsdBn.why})`,
      reason: `Largest fall beyond the cap: Treasuries ${
        signed(r.summary.maxTreasuryOverCapUsdBn, "usdBn", { digits: 1 })
      } (${r.summary.maxTreasuryOverCapMonth}), MBS ${
        signed(r.summary.maxMbsOverCapUsdBn, "usdBn", { digits: 1 })
      } (${r.summary.maxMbsOverCapMonth}), on the "${p.monthGrid}" grid. Holdings cannot rule out sales smaller than the unused part of a cap.`,
    }),
    condition(ctx, {
      id: "QTMECH-5",
      claim: "Debt-ceiling TGA drawdown and rebuild can swing reserves sharply",
      article: { kind: "statement", text: "reserves may swing widely until the debt limit is resolved" },
      data: {
        kind: "count",
        count: sharpIn,
        of: episodes,
        what: `debt-limit episodes with a TGA-led swing of reserves of ${
          fmt(p.sharpReserveSwingUsdBn, "usdBn")
        } or more`,
        when: { from: r.debtLimit.windows[0]?.from ?? "", to: lastPhase?.rebuild.toDate ?? "" },
      },
      holds: episodes > 0 && sharpIn === episodes,
      reason: r.debtLimit.phases.map((ph) =>
        `${ph.id}: drawdown ${signed(ph.drawdown.deltaReservesUsdBn, "usdBn")} (−ΔTGA ${
          signed(ph.drawdown.tgaUsdBn, "usdBn")
        }), rebuild ${signed(ph.rebuild.deltaReservesUsdBn, "usdBn")} (−ΔTGA ${
          signed(ph.rebuild.tgaUsdBn, "usdBn")
        }, −ΔON RRP ${signed(ph.rebuild.onRrpUsdBn, "usdBn")})`
      ).join("; ") + ". Whether reserves move depends on the ON RRP, which can pay for the TGA's rebuild instead.",
    }),
    notCheckable(ctx, {
      id: "QTMECH-6",
      claim: "QT raises long yields, tightens credit and strengthens the dollar",
      article: { kind: "statement", text: "long yields up, credit tighter, dollar stronger" },
      data: { kind: "value", value: m.tenYearBp, unit: "bp", when: { from: m.span.from, to: m.span.to } },
      missing: "a dollar index and a way to separate QT's own effect from the rate hikes",
      reason: `The 10-year yield moved ${signed(m.tenYearBp, "bp")} over QT against ${
        signed(m.policyBp, "bp")
      } for the policy rate, so it moved with the hikes; IG spreads ${m.oasBp > 0 ? "widened" : "narrowed"} (${
        signed(m.oasBp, "bp")
      }); no dollar index ships. The figures are context, not a test of QT's effect.`,
    }),
    notCheckable(ctx, {
      id: "QTMECH-7",
      claim: "Leveraged cash–futures basis trades can force fire sales when liquidity drops",
      article: { kind: "statement", text: "hedge-fund basis trades a risk to the Treasury market" },
      missing: "Treasury futures positioning (CFTC), hedge-fund repo or market-depth data",
      reason:
        "A mechanism and a motive attributed to the FOMC; checking it needs futures positioning and dealer or repo data that qtlab does not hold. The article itself says there is no evidence of the Fed easing QT to rescue hedge funds.",
    }),
  ];
}
