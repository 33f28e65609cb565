/**
 * The foreign-selling article's sentences that depend on the data or on an assumption, as functions of
 * the run. Figures and verdicts that a table also shows are marked with the same text.
 */
import {
  claimById,
  markedData,
  markedVerdict,
  renderData,
  RULES,
  TIE_RULE,
  verdictGroups,
} from "../../claims/verdict.ts";
import { fmt, list, mark, range, signed } from "../../format.ts";
import type { ArticleRun } from "../article.ts";
import { tableVerdicts } from "./claims.ts";
import type { ForeignResult } from "./compute.ts";
import type { foreignSellingParams } from "./params.ts";

type Run = ArticleRun<typeof foreignSellingParams.specs, ForeignResult>;

const claim = (run: Run, id: string) => claimById(run.claims, id);
const verdictOf = markedVerdict;
const dataOf = markedData;

/** The mark and text of one cell of the valuation table. */
export function valuationKey(holder: string, from: string, field: "change" | "valuation" | "residual"): string {
  return `fig:valuation.${holder}.${from.slice(0, 7)}.${field}`;
}
export const usdText = (usdBn: number) => signed(usdBn, "usdBn", { digits: 1 });

/** The abstract: the argument and what this run's data say. */
export function abstract(run: Run): string {
  const r = run.result;
  const [c1, c3, c6, c8] = ["FOREIGN-1", "FOREIGN-3", "FOREIGN-6", "FOREIGN-8"].map((id) => claim(run, id));
  return (
    `The article reads China's and Japan's retreat from Treasuries into the jump in yields of the week to 11 April 2025 and expects the Fed to be forced back into buying. ` +
    `China's holdings stood at ${dataOf(c1)}: the claim ${verdictOf(c1)}. ` +
    `The 10-year's rise that week ranks ${fmt(r.week.weeklyRank.rank, "count")} of ${
      fmt(r.week.weeklyRank.count, "count")
    } Friday-to-Friday weeks since ${run.params.rankingHistoryStart.slice(0, 4)} (the claim ${verdictOf(c3)}), ` +
    `but the S&P 500 moved ${dataOf(c6)} (the claim of a fall ${
      verdictOf(c6)
    }), and the Fed's Treasury holdings changed ${dataOf(c8)} afterwards: the forced buying ${verdictOf(c8)}.`
  );
}

/** Who holds Treasuries abroad: China's peak, Japan's range, the United Kingdom against China. */
export function holders(run: Run): string {
  const r = run.result;
  const [china, japan, uk] = r.holders;
  const peak = china.rows.reduce((a, b) => (b.value > a.value ? b : a));
  const lastDecade = japan.rows.filter((x) => x.date >= `${+japan.rows.at(-1)!.date.slice(0, 4) - 10}`);
  const lo = Math.min(...lastDecade.map((x) => x.value));
  const hi = Math.max(...lastDecade.map((x) => x.value));
  const ukLast = uk.rows.at(-1)!;
  const chinaLast = china.rows.at(-1)!;
  return `China's holdings peaked at ${fmt(peak.value, "usdBn")} in ${peak.date.slice(0, 7)} and stood at ${
    fmt(chinaLast.value, "usdBn")
  } in ${chinaLast.date.slice(0, 7)}; Japan's moved between ${fmt(lo, "usdBn")} and ${
    fmt(hi, "usdBn")
  } over the last ten years; the United Kingdom (a custody centre) held ${fmt(ukLast.value, "usdBn")}, ${
    ukLast.value > chinaLast.value ? "more" : "less"
  } than China. The grey bars mark survey breaks, not flows.`;
}

/** The article's table against TIC. */
export function table(run: Run): string {
  const r = run.result;
  const t = tableVerdicts(r);
  const exact = t.filter((x) => x.verdict === "holds").length;
  return `The row the article labels December 2023 carries TIC's January 2024 figures (TIC's December 2023 is ${
    fmt(r.labelledMonth.china, "usdBn", { digits: 1 })
  } for China and ${
    fmt(r.labelledMonth.japan, "usdBn", { digits: 1 })
  } for Japan): a one-month slip in the label. Read that way, ${
    mark("claim:FOREIGN-2:data", renderData(claim(run, "FOREIGN-2").data!))
  }${exact === t.length ? "" : `; ${t.length - exact} differ by more`}, and the year-on-year comparison spans ${
    run.params.valuationWindows[0][0].slice(0, 7)
  } to ${run.params.valuationWindows[0][1].slice(0, 7)}, the first valuation window below.`;
}

/** Sales or prices: the split of each holdings change. */
export function valuation(run: Run): string {
  const r = run.result;
  const parts = r.decompositions.map((x) => {
    const sales = Math.abs(x.residualUsdBn) > Math.abs(x.valuationUsdBn);
    return `${x.holder} ${x.fromDate.slice(0, 7)} → ${x.toDate.slice(0, 7)}: ${
      mark(valuationKey(x.holder, x.fromDate, "change"), usdText(x.changeUsdBn))
    }, of which prices ${mark(valuationKey(x.holder, x.fromDate, "valuation"), usdText(x.valuationUsdBn))} and net ${
      x.residualUsdBn < 0 ? "sales" : "purchases"
    } about ${mark(valuationKey(x.holder, x.fromDate, "residual"), usdText(x.residualUsdBn))} (${
      sales ? "mostly transactions" : "mostly prices"
    })`;
  });
  return `At a duration of ${fmt(run.params.durationYears, "years")}: ${parts.join("; ")}.`;
}

/** The article's week in the data. */
export function week(run: Run): string {
  const w = run.result.week;
  const o = run.result.oas;
  const s = run.result.sp500.week;
  return `Across the shaded week the 10-year went from ${w.tenYear.fromValue}% to ${w.tenYear.toValue}% and the 2-year from ${w.twoYear.fromValue}% to ${w.twoYear.toValue}%; the aggregate IG spread moved ${
    signed(o.eventWeek.change, "bp")
  } (its largest ${run.params.eventWindowTradingDays}-day rise around then, ${
    signed(o.largest.change, "bp")
  }, ended ${o.largest.toDate}); the S&P 500 ended the week ${s.changeFrac >= 0 ? "above" : "below"} where it began (${
    signed(s.changeFrac * 100, "pct")
  }).`;
}

/** How rare the week was. */
export function rarity(run: Run): string {
  const w = run.result.week;
  const p = run.params;
  return `Friday to Friday since ${p.rankingHistoryStart}: ${p.eventWeekFrom} → ${p.eventWeekTo} is ${
    signed(w.weeklyRank.window.change * 100, "bp")
  }, rank ${fmt(w.weeklyRank.rank, "count")} of ${
    fmt(w.weeklyRank.count, "count")
  }; the last week at least as large in the whole file ends ${w.largerBeforeInFile?.toDate ?? "never"}. Among all ${
    fmt(w.rollingCount, "count")
  } windows of ${p.eventWindowTradingDays} trading days it ranks ${fmt(w.rollingRank.rank, "count")}${
    w.largerRolling.length
      ? ` (larger: ${list(w.largerRolling.map((c) => `${c.toDate} ${signed(c.change * 100, "bp")}`))})`
      : ""
  }.`;
}

/** What the shipped auctions can say. */
export function auctions(run: Run): string {
  const b = run.result.bidToCover;
  const of = (prefix: string) => b.filter((x) => x.family.startsWith(prefix)).map((x) => x.bidToCover);
  const span = (
    xs: number[],
  ) => (xs.length
    ? `${fmt(Math.min(...xs), "ratio", { digits: 2 })}–${fmt(Math.max(...xs), "ratio", { digits: 2 })}`
    : "n/a");
  return `In the shipped file (${run.result.auctionYears.first} to ${run.result.auctionYears.last}) the 3-year drew ${
    span(of("3-"))
  } times the amount awarded and the 10-year ${span(of("10-"))}; nothing here reaches back to April 2025.`;
}

/** The elasticities at this run's values, each in its own unit. */
export function impact(run: Run): string {
  const p = run.params;
  const rows = run.result.impact.sale;
  const row = (m: string) => rows.find((x) => x.model === m);
  const b = row("Beltran et al. short run");
  const w = row("Warnock & Warnock");
  return `At this run's elasticities a ${fmt(p.foreignSaleUsdBn, "usdBn")} sale moves the 5-year by ${
    b ? range(b.yieldRiseBp.low, b.yieldRiseBp.high, "bp") : "n/a"
  } on Beltran et al.'s short-run estimate (a one-month shortfall of foreign official inflows) and the 10-year by ${
    w ? fmt(w.yieldRiseBp.high, "bp", { digits: 1 }) : "n/a"
  } on Warnock & Warnock's (12-month flows scaled by GDP). The right panel divides a flow effect by a stock effect (Williams 2013: cumulative purchases, 10-year): units, maturities and horizons differ, so it is an illustration of scale, not an estimate, and no claim or conclusion rests on it.`;
}

/** The 10-year on the days purchases were announced. */
export function announcements(run: Run): string {
  const a = run.result.announcements.filter((x) => x.changeBp !== undefined);
  if (a.length === 0) return "No announcement falls inside the shipped 10-year series.";
  const sorted = [...a].sort((x, y) => x.changeBp! - y.changeBp!);
  const largest = sorted.slice(0, Math.min(3, sorted.length));
  const smallest = sorted.filter((x) => Math.abs(x.changeBp!) < 10);
  return `The largest falls of the 10-year on an announcement day: ${
    list(largest.map((x) => `${x.date} (${signed(x.changeBp!, "bp")})`))
  }${
    smallest.length
      ? `; it moved less than 10bp on ${list(smallest.map((x) => `${x.date} (${signed(x.changeBp!, "bp")})`))}`
      : ""
  }. The claim that purchases lower yields ${verdictOf(claim(run, "FOREIGN-7"))}: ${dataOf(claim(run, "FOREIGN-7"))}.`;
}

/** The conclusion: every verdict of the run, grouped. */
export function conclusion(run: Run): string {
  const c3 = claim(run, "FOREIGN-3");
  const c8 = claim(run, "FOREIGN-8");
  return [
    `With this run's assumptions: ${verdictGroups(run.claims)}.`,
    `The claim of the largest weekly rise in about 20 years ${verdictOf(c3)}: the week ranks ${
      fmt(run.result.week.weeklyRank.rank, "count")
    } of ${fmt(run.result.week.weeklyRank.count, "count")} since ${
      run.params.rankingHistoryStart.slice(0, 4)
    }, and the closes never passed 4.5%. No emergency buying followed: the Fed's Treasury holdings changed ${
      dataOf(c8)
    }, and purchases resumed only in December 2025 as reserve management, after QT ended.`,
    `The impact figures scale published elasticities linearly to the sale size, each with its own unit, maturity and horizon; the flow estimates and the stock estimate are never combined into an amount of offsetting purchases. The valuation split leans on the assumed duration (${
      fmt(run.params.durationYears, "years")
    }) and on the 2-/10-year blend standing in for a 5-year yield.`,
  ].join("\n\n");
}

/** How the notebook reads its data and decides its claims. */
export function methodNotes(run: Run): string {
  const p = run.params;
  return [
    `**Data.** TIC Major Foreign Holders (month-end, $bn, March 2026 revision), H.15 daily yields (DGS10, DGS2), ICE BofA US Corporate OAS (BAMLC0A0CM), S&P 500 closes, H.4.1 Treasury holdings (TREAST, Wednesday levels), BEA GDP and the 2026 auction results. Latest observation per series: ${
      run.result.loaded.map((s) => `${s.seriesId} ${s.asOf}`).join(", ")
    }.`,
    `**Windows.** The article's week ${p.eventWeekFrom} → ${p.eventWeekTo} (closes on both days); rank among Friday-to-Friday weeks since ${p.rankingHistoryStart} and among rolling ${p.eventWindowTradingDays}-trading-day windows; the Fed's response over ${p.fedResponseWindowDays} days after the week.`,
    `**Coefficients, each in its own units.** Beltran, Kretchmer, Marquez & Thomas (2013): ${
      range(p.beltranShortRunBpPer100Bn.low, p.beltranShortRunBpPer100Bn.high, "bp")
    } on the 5-year per $100bn one-month shortfall of foreign official inflows (short run; ${
      fmt(p.beltranLongRunBpPer100Bn, "bp")
    } long run): a flow elasticity. Warnock & Warnock (2009): ${
      fmt(p.warnockBpPerPctGdp, "bp")
    } on the 10-year per 1% of GDP of 12-month foreign flows: a flow scaled by GDP. Williams (2013): ${
      range(p.qeBpPer600Bn.low, p.qeBpPer600Bn.high, "bp")
    } on the 10-year per $600bn of asset purchases: a stock elasticity. Flow and stock elasticities are never combined.`,
    `**Valuation.** Price effect = −duration (${
      fmt(p.durationYears, "years")
    }) × the blended month-end yield change (2-year ${p.valuationYieldWeights.DGS2}, 10-year ${p.valuationYieldWeights.DGS10}) × starting holdings; the residual is net transactions and anything else.`,
    `**Verdicts.** One rulebook (lib/claims/verdict.ts): TIC figures as published levels (${RULES.publishedLevel.why}); spreads in bp (${RULES.rateBp.why}); stock moves in pp (${RULES.percentagePoints.why}). ${TIE_RULE} Claims checked with data after the article's date (${run.meta.source?.date}) say so.`,
  ].join("\n\n");
}

export const foreignProse = {
  abstract,
  holders,
  table,
  valuation,
  week,
  rarity,
  auctions,
  impact,
  announcements,
  conclusion,
  methodNotes,
};
