/**
 * The QT-end article's claims (QTEND-1..9, qtlab's claims list) as numbers: the article's figure, the
 * data's figure with its window, and the verdict from the project's one rulebook (lib/claims/verdict.ts).
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
import { countOf, fmt, list, range, share, signed } from "../../format.ts";
import { ARTICLE, type QtEndResult, type RegimeRow } from "./compute.ts";
import type { qtEndParams } from "./params.ts";

type Params = typeof qtEndParams.defaults;

export const QTEND_CLAIM_IDS = claimIds("QTEND", 9);
const ctx: ClaimContext = { articleDate: ARTICLE.date };

/** A claim whose verdict is the weakest of its own and of further parts (each named in its reason). */
function withParts(c: Claim, parts: readonly Verdict[]): Claim {
  return { ...c, verdict: weakest([c.verdict, ...parts]) };
}

/** The share of counted episodes up at every rally horizon, in %. */
export function rallySharePct(r: QtEndResult): number | undefined {
  const u = r.rally.upAtEvery;
  return u.n ? (u.up.length / u.n) * 100 : undefined;
}

/** "126 and 252 trading days". */
export function horizonsText(horizons: readonly number[], unit: string): string {
  return `${list(horizons.map(String))} ${unit}`;
}

/** A regime row's data in words (the same text in the regime table and the QTEND-9 reason). */
export function regimeFigureText(row: RegimeRow): string {
  const f = row.figures;
  if (!f) return "—";
  switch (row.assetClass) {
    case "Tech stocks":
      return `NASDAQ ${signed(f.nasdaqPct as number, "pct")}, S&P 500 ${
        signed(f.sp500Pct as number, "pct")
      } (${f.from} to ${f.to}): gap ${signed(f.gapPp as number, "pp")}`;
    case "Long bonds":
      return `${signed(f.changeBp as number, "bp")} (${fmt(f.fromPct as number, "pct", { digits: 2 })} → ${
        fmt(f.toPct as number, "pct", { digits: 2 })
      }, ${f.from} to ${f.to})`;
    default:
      return `3-month yield ${signed(f.billChangeBp as number, "bp")} (${f.from} to ${f.to}); fund assets ${
        f.mmfChangeUsdBn === undefined
          ? "no quarter after the QT end ships"
          : `${fmt(f.mmfFromUsdBn as number, "usdBn")} (quarter of ${f.mmfFromQuarter}) → ${
            fmt(f.mmfToUsdBn as number, "usdBn")
          } (quarter of ${f.mmfToQuarter}), ${signed(f.mmfChangeUsdBn as number, "usdBn")}`
      }`;
  }
}

const asVerdict = (o: RegimeRow["outcome"]): Verdict => o;

export function qtEndClaims(r: QtEndResult, params: Params): Claim[] {
  const L = r.levels;
  const fl = r.flattening;
  const flattened = fl.beforePerWeekUsdBn > fl.qtPerWeekUsdBn && fl.afterPerWeekUsdBn >= 0;
  const dateMatches = r.qt.end === ARTICLE.qtEnd && r.outOfSample.date === ARTICLE.qtEnd;
  const stable: Verdict = L.stable.n === 0
    ? "not checkable"
    : L.stable.nWithin === L.stable.n
    ? "holds"
    : (L.stable.shareWithinFrac ?? 0) >= 0.5
    ? "roughly holds"
    : "does not hold";
  const band = fmt(params.stableBandFrac * 100, "pct", { trim: true });
  const spells = L.spells.length
    ? list(L.spells.map((s) => (s.first.date === s.last.date ? s.first.date : `${s.first.date} to ${s.last.date}`)))
    : "never";
  const p = r.purchases;
  const rally = r.rally;
  const sharePct = rallySharePct(r);
  const horizons = horizonsText(params.rallyHorizonsTradingDays, "trading days");
  const merged = r.overlaps.filter((o) => o.insideWindowOf);
  const overlapText = merged.length
    ? `${list(merged.map((o) => `${o.pivotId} lies inside the window of ${o.insideWindowOf}`))} (${
      params.overlapRule === "merge" ? "merged: one episode, counted from its first pivot" : "flagged, counted apart"
    })`
    : "no pivot lies inside another's window";
  const others = r.measures.filter((m) => m !== rally);
  const regimeChecked = r.regime.filter((x) => x.outcome !== "not checkable");
  return [
    withParts(
      compare(ctx, {
        id: "QTEND-1",
        claim: "QT formally ended on 2025-12-01 after about three years",
        article: { kind: "value", value: params.articleQtYears, unit: "years", approx: true },
        data: { kind: "value", value: r.qt.years, unit: "years", when: { from: r.qt.start, to: r.qt.end } },
        rule: "roundedFigure",
        reason: `QT ran from ${r.qt.start} to ${r.qt.end} (the end decided ${r.qt.endDecided}), ${
          dateMatches ? "the article's end date" : "not the article's end date"
        }; total assets fell ${fmt(-fl.qtPerWeekUsdBn, "usdBn")}/week over QT, ${
          signed(fl.beforePerWeekUsdBn, "usdBn")
        }/week in the ${fl.weeks} weeks before the end and ${
          signed(fl.afterPerWeekUsdBn, "usdBn")
        }/week in the ${fl.weeks} after${flattened ? ": the shrinking stopped" : ": the shrinking did not stop"}`,
      }),
      [dateMatches ? "holds" : "does not hold", flattened ? "holds" : "does not hold"],
    ),
    withParts(
      compare(ctx, {
        id: "QTEND-2",
        claim: "The balance sheet shrank from about $7,400bn and is stable near $6,550bn",
        article: { kind: "value", value: params.articleStartUsdBn, unit: "usdBn", approx: true },
        data: { kind: "value", value: L.atQtStart.value, unit: "usdBn", when: { to: L.atQtStart.date } },
        rule: "roundedFigure",
        reason: `Total assets at QT's start (peak ${fmt(L.peak.value, "usdBn")} on ${L.peak.date}). ${
          fmt(params.articleStartUsdBn, "usdBn")
        } is the level of ${spells}${
          L.decisionsNearSpells.length
            ? ` (during QT, when the FOMC decided: ${
              list(L.decisionsNearSpells.map((e) => `${e.label} (${e.decided ?? e.date})`))
            })`
            : ""
        }. Stable near ${fmt(params.articleStableUsdBn, "usdBn")}: within ±${band} in ${
          countOf(L.stable.nWithin, L.stable.n)
        } weeks from ${params.stableCheckWindow.from} to ${params.stableCheckWindow.to} (${stable}); the verdict is the weaker of the two`,
      }),
      [stable],
    ),
    r.cut.cutBp === undefined
      ? notCheckable(ctx, {
        id: "QTEND-3",
        claim: `A 25bp cut was priced for the ${params.articleFomcDate} FOMC`,
        article: { kind: "value", value: params.articleCutBp, unit: "bp" },
        missing: "one move of both ends of the target range in the week after the meeting, and fed funds futures",
      })
      : compare(ctx, {
        id: "QTEND-3",
        claim: `A 25bp cut was priced for the ${params.articleFomcDate} FOMC`,
        article: { kind: "value", value: params.articleCutBp, unit: "bp" },
        data: {
          kind: "value",
          value: r.cut.cutBp,
          unit: "bp",
          when: { from: params.articleFomcDate, to: r.cut.effective ?? params.articleFomcDate },
        },
        rule: "rateBp",
        reason: r.cut.effective
          ? `The target range moved from ${range(r.cut.fromLower!, r.cut.fromUpper!, "pct", { digits: 2 })} to ${
            range(r.cut.toLower!, r.cut.toUpper!, "pct", { digits: 2 })
          }, effective ${r.cut.effective}. Whether the cut was priced beforehand cannot be checked: fed funds futures and OIS do not ship`
          : `No change of the target range in the week after the meeting. Whether a cut was priced cannot be checked: fed funds futures and OIS do not ship`,
      }),
    condition(ctx, {
      id: "QTEND-4",
      claim: 'The Fed switched to Treasury bill purchases to keep reserves ample ("stealth QE")',
      article: { kind: "statement", text: "T-bill purchases after the QT end" },
      data: {
        kind: "count",
        count: p.weeksUp,
        of: p.weeks,
        what: "weeks with Treasury holdings up",
        when: { from: p.from, to: p.to },
      },
      holds: p.weeks > 0 && p.treasuriesUsdBn > 0 && p.weeksUp / p.weeks >= 0.75 ? "roughly" : false,
      reason: `From ${p.from} to ${p.to} Treasuries held changed ${signed(p.treasuriesUsdBn, "usdBn")}, MBS ${
        signed(p.mbsUsdBn, "usdBn")
      }, total assets ${signed(p.totalUsdBn, "usdBn")}${
        p.rmp ? `; reserve management purchases from ${p.rmp.date} (${p.rmp.source})` : ""
      }. SOMA bill holdings do not ship, so bills cannot be told from coupons: "roughly" at best.`,
    }),
    notCheckable(ctx, {
      id: "QTEND-5",
      claim: "A recent overnight repo operation supplied $13.5bn, the second largest since COVID",
      article: { kind: "value", value: ARTICLE.repoUsdBn, unit: "usdBn" },
      missing: "the New York Fed's repo operation results (the shipped RRPONTSYD is the reverse repo)",
    }),
    sharePct === undefined
      ? notCheckable(ctx, {
        id: "QTEND-6",
        claim: "Risk assets tend to rally for 6–12 months after a tightening-to-easing pivot",
        article: { kind: "atLeast", value: params.rallyShareMinFrac * 100, unit: "pct" },
        missing: `a pivot whose ${rally.label} reach ${horizons} after it`,
      })
      : compare(ctx, {
        id: "QTEND-6",
        claim:
          `Risk assets tend to rally for 6–12 months after a tightening-to-easing pivot (read: ${rally.label} higher at ${horizons} in at least ${
            share(params.rallyShareMinFrac)
          } of episodes)`,
        article: { kind: "atLeast", value: params.rallyShareMinFrac * 100, unit: "pct" },
        data: {
          kind: "value",
          value: sharePct,
          unit: "pct",
          when: {
            from: r.pivots[0].date,
            to: rally.windows.map((w) => w.horizons.at(-1)?.close?.date ?? "").sort().at(-1)!,
          },
        },
        rule: "eventShare",
        reason: `${rally.label} higher at every one of ${horizons} after ${
          countOf(rally.upAtEvery.up.length, rally.upAtEvery.n)
        } episodes${rally.upAtEvery.down.length ? `; lower at one of them after ${list(rally.upAtEvery.down)}` : ""}. ${
          overlapText.charAt(0).toUpperCase() + overlapText.slice(1)
        }. Shown apart, never pooled: ${
          list(others.map((m) => `${m.label}, ${countOf(m.upAtEvery.up.length, m.upAtEvery.n)}`))
        }`,
      }),
    notCheckable(ctx, {
      id: "QTEND-7",
      claim: "Bitcoin reached $91,000 at the end of November 2025",
      article: { kind: "value", value: ARTICLE.bitcoinUsd, unit: "count" },
      missing: "a Bitcoin price series",
    }),
    notCheckable(ctx, {
      id: "QTEND-8",
      claim:
        "Cuts reach employment with a 3–6 month lag; housing starts pick up 6–9 months after easing; consumer confidence improves within 3 months",
      article: { kind: "statement", text: "lags: employment 3–6 months, housing starts 6–9, confidence ≤ 3" },
      missing: "payrolls, housing starts and consumer confidence around each pivot",
    }),
    condition(ctx, {
      id: "QTEND-9",
      claim:
        "Asset-class regime table: growth/tech, long bonds, digital assets, money funds, alternatives gain after the QT end",
      article: { kind: "statement", text: "tech favoured, long bonds gain, money-fund yields compress" },
      data: {
        kind: "count",
        count: regimeChecked.filter((x) => x.outcome === "holds").length,
        of: regimeChecked.length,
        what: "checkable rows that held",
        when: { from: r.qt.end, to: r.purchases.to },
      },
      holds: ((v) => (v === "holds" ? true : v === "roughly holds" ? "roughly" : false))(
        weakest(r.regime.map((x) => asVerdict(x.outcome))),
      ),
      reason: `The weakest checkable row decides: ${
        regimeChecked.map((x) => `${x.assetClass}: ${regimeFigureText(x)} (${x.outcome})`).join("; ")
      }. Tech within ${
        fmt(RULES.percentagePoints.holds, "pp")
      } of the index counts as in line (percentagePoints rule). Not checkable: ${
        list(r.regime.filter((x) => x.outcome === "not checkable").map((x) => `${x.assetClass} (${x.measure})`))
      }.`,
    }),
  ];
}
