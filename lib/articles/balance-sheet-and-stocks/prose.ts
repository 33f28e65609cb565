/**
 * The balance-sheet-and-stocks article's sentences that depend on the data or on an assumption, as
 * functions of the run. Figures and verdicts that a table also shows are marked with the same text.
 */
import { claimById, markedData, markedVerdict, RULES, TIE_RULE, verdictGroups } from "../../claims/verdict.ts";
import { BTFP_PROGRAM } from "../../calc/btfp.ts";
import { quarterEndOf } from "../../calc/moneyFunds.ts";
import { fmt, list, mark, share, signed } from "../../format.ts";
import type { ArticleRun } from "../article.ts";
import type { BalanceSheetResult } from "./compute.ts";
import type { balanceSheetAndStocksParams } from "./params.ts";

type Run = ArticleRun<typeof balanceSheetAndStocksParams.specs, BalanceSheetResult>;

const claim = (run: Run, id: string) => claimById(run.claims, id);
const verdictOf = markedVerdict;
const dataOf = markedData;

/** The marks and texts of the correlation table's r column. */
export function correlationKey(sample: string, what: string): string {
  return `fig:corr.${sample}.${what.split(" ")[0]}`;
}
export const rText = (r: number) => fmt(r, "ratio");
/** The marks and texts of the drain table. */
export function drainKey(i: number, field: string): string {
  return `fig:drain.${i}.${field}`;
}
export const drainText = (usdBn: number) => signed(usdBn, "usdBn");

/** The abstract: the note's argument and what this run's data say. */
export function abstract(run: Run): string {
  const r = run.result;
  const [c1, c2, c7, c9] = ["BSEQ-1", "BSEQ-2", "BSEQ-7", "BSEQ-9"].map((id) => claim(run, id));
  const weekly = r.liquidity.before.weekly;
  return (
    `The note ties the S&P 500's record of January 2024 to the Fed's balance sheet. Its dated figures check out: the peak at ${
      dataOf(c1)
    } (${verdictOf(c1)}) and the record close ${dataOf(c9)} (${verdictOf(c9)}). ` +
    `Its framing is looser: the "pre-COVID" level ${verdictOf(c2)} (${dataOf(c2)}), and QT's pace ${verdictOf(c7)} (${
      dataOf(c7)
    }). ` +
    `The link it leans on is weak in the data: net liquidity and the S&P 500 move together in levels, but their weekly changes correlate at r = ${
      mark(correlationKey("before", "weekly"), rText(weekly.r))
    } (n = ${fmt(weekly.n, "count")}).`
  );
}

/** The balance sheet at its peak, at the note and before COVID. */
export function levels(run: Run): string {
  const L = run.result.levels;
  const p = run.params;
  return `Peak ${
    fmt(L.peak.value, "usdBn", { digits: 1 })
  } on ${L.peak.date}. Last week published by ${p.articleAsOfDateIso}: ${
    fmt(L.now.value, "usdBn", { digits: 1 })
  } (${L.now.date}); the week closest to the article's ${
    fmt(p.articleNowUsdBn, "usdBn", { digits: 1 })
  } is ${L.articleWeek.date} (${fmt(L.articleWeek.value, "usdBn", { digits: 1 })}). Before COVID: ${
    fmt(L.preCovid.value, "usdBn")
  } on ${L.preCovid.date} (the note's week is ×${fmt(L.now.value / L.preCovid.value, "ratio")} that), ${
    fmt(L.preCovidAlt.value, "usdBn")
  } on ${L.preCovidAlt.date} (×${
    fmt(L.now.value / L.preCovidAlt.value, "ratio")
  }). Total assets were last at or below ${fmt(p.articlePreCovidUsdBn, "usdBn")} on ${
    L.lastAtOrBelowArticle?.date ?? "no date in the file"
  }.`;
}

/** Against the size of the economy. */
export function gdp(run: Run): string {
  const g = run.result.gdp;
  const p = run.params;
  const peak = g.share.reduce((a, b) => (b.shareFrac > a.shareFrac ? b : a));
  return `Total assets were ${
    share(g.preCovidQuarter.shareFrac, 1)
  } of nominal GDP in the quarter of ${g.preCovidQuarter.quarter}, ${
    share(peak.shareFrac, 1)
  } at the most (quarter of ${peak.quarter}) and ${
    share(g.lastQuarterBeforeNote.shareFrac, 1)
  } in the last complete quarter before the note (${g.lastQuarterBeforeNote.quarter}). GDP ${p.gdpFromYear} ${
    fmt(g.from.mean, "usdBn")
  } → ${p.gdpToYear} ${fmt(g.to.mean, "usdBn")} (${
    signed(g.gdpGrowthFrac * 100, "pct")
  }); total assets, annual means of ${g.assetsFrom.n} and ${g.assetsTo.n} weeks, ${fmt(g.assetsFrom.mean, "usdBn")} → ${
    fmt(g.assetsTo.mean, "usdBn")
  } (×${fmt(1 + g.assetsGrowthFrac, "ratio")}).`;
}

/** What the correlations of net liquidity and the S&P 500 say, and what they cannot. */
export function liquidity(run: Run): string {
  const l = run.result.liquidity;
  const m = (sample: "before" | "qt", what: string, r: number) => mark(correlationKey(sample, what), rText(r));
  return `From ${l.before.from} to ${l.before.to} the levels correlate at r = ${
    m("before", "levels", l.before.levels.r)
  }, which two trending series always do; their weekly log changes at r = ${
    m("before", "weekly", l.before.weekly.r)
  } and their month-end changes at r = ${m("before", "month-end", l.before.monthly.r)} (n = ${
    fmt(l.before.monthly.n, "count")
  }). Over QT alone (${l.qt.from} to ${l.qt.to}) the month-end correlation is r = ${
    m("qt", "month-end", l.qt.monthly.r)
  } on ${fmt(l.qt.monthly.n, "count")} months, its interval in the table. The data give ${
    Math.abs(l.before.weekly.r) < 0.3 ? "little" : "some"
  } support to a tight link from net liquidity to stock prices.`;
}

/** Money funds against deposits. */
export function moneyFunds(run: Run): string {
  const mf = run.result.moneyFunds;
  const s = mf.shift;
  return `${s.fromQuarterEnd} to ${s.toQuarterEnd}: money funds ${signed(s.mmfChangeUsdBn, "usdBn")}, deposits ${
    signed(s.depositsChangeUsdBn, "usdBn")
  }; money funds went from ${share(s.ratioFromFrac, 1)} to ${share(s.ratioToFrac, 1)} of deposits. The quarter ending ${
    quarterEndOf(mf.recordQuarter)
  }: ${fmt(mf.record.valueUsdBn, "usdBn")}, ${mf.record.record ? "a record" : "not a record"} (previous high ${
    fmt(mf.record.previousHighUsdBn, "usdBn")
  }, quarter of ${mf.record.previousHighDate}).${
    mf.unaligned.length ? ` Quarters without deposits at quarter end (not shown): ${list(mf.unaligned)}.` : ""
  }`;
}

/** The "double drain" over QT before the note. */
export function drain(run: Run): string {
  const [first, last] = run.result.drain;
  const d = (i: number, f: "reservesUsdBn" | "onRrpUsdBn", v: number) => mark(drainKey(i, f), drainText(v));
  return `From ${first.from} to ${first.to} reserves changed ${
    d(0, "reservesUsdBn", first.reservesUsdBn)
  } and the ON RRP ${
    d(0, "onRrpUsdBn", first.onRrpUsdBn)
  }; in the last year before the note (${last.from} to ${last.to}) reserves changed ${
    d(1, "reservesUsdBn", last.reservesUsdBn)
  } and the ON RRP ${d(1, "onRrpUsdBn", last.onRrpUsdBn)}: the second drain ${
    last.onRrpUsdBn < 0 && last.reservesUsdBn > 0 ? "ran backwards, as funds left the ON RRP" : "went on"
  }.`;
}

/** The BTFP carry at the assumed OIS. */
export function btfp(run: Run): string {
  const b = run.result.btfp;
  const p = run.params;
  return `IORB ${fmt(b.iorb.value, "pct", { digits: 2 })} (${b.iorb.date}). At an assumed 1-year OIS of ${
    fmt(p.btfpOneYearOisPct, "pct", { digits: 2 })
  } (an assumption: OIS does not ship) a BTFP loan cost ${fmt(b.loanRatePct, "pct", { digits: 2 })}: a carry of ${
    fmt(b.carryBp, "bp")
  } a year, ${fmt(b.annualCarryUsdMn, "ratio", { digits: 1 })} $mn per ${
    fmt(p.btfpLoanUsdBn, "usdBn")
  } borrowed; any OIS below ${
    fmt(b.breakEvenOisPct, "pct", { digits: 2 })
  } paid a carry. For loans from ${BTFP_PROGRAM.iorbFloorFrom} the rate is floored at IORB: carry ${
    fmt(b.carryAfterFloorBp, "bp")
  }. Context (Treasury yields, not OIS): 3-month ${fmt(b.threeMonth.value, "pct", { digits: 2 })}, 2-year ${
    fmt(b.twoYear.value, "pct", { digits: 2 })
  } on ${b.twoYear.date}.`;
}

/** The pace of QT against its caps. */
export function pace(run: Run): string {
  const q = run.result.pace;
  const p = run.params;
  return `Caps in force on ${p.articleAsOfDateIso}: ${
    fmt(q.capsAtNote.capTreasuryUsdBnPerMonth, "usdBn")
  } Treasuries + ${fmt(q.capsAtNote.capMbsUsdBnPerMonth, "usdBn")} MBS = ${
    fmt(q.capUsdBn, "usdBnPerMonth", { trim: true })
  } (${q.capsAtNote.source}). Actual, ${p.qtPaceFromMonth} to ${p.qtPaceToMonth} (${q.months} months): ${
    fmt(q.totalUsdBn, "usdBnPerMonth")
  } (Treasuries ${fmt(q.treasuryUsdBn, "usdBnPerMonth")}, MBS ${
    fmt(q.mbsUsdBn, "usdBnPerMonth")
  }); MBS ran off less than their cap in ${q.mbsBelowCap} of ${q.months} months (largest month ${
    fmt(q.largestMbsUsdBn, "usdBn", { digits: 1 })
  }).`;
}

/** The 10-year against the policy rate around the 2023-11-01 meeting. */
export function yields(run: Run): string {
  const y = run.result.yields;
  return `The 10-year peaked at ${fmt(y.peakPct, "pct", { digits: 2 })} on ${y.peakDate}, ${
    signed(y.peakGapToLowerBp, "bp")
  } from the floor of the policy range; from the close before the meeting (${
    fmt(y.basePct, "pct", { digits: 2 })
  }) it moved ${signed(y.changeSinceEventBp, "bp")} to ${fmt(y.asOfPct, "pct", { digits: 2 })} on ${y.asOfDate}, ${
    signed(y.gapToLowerBp, "bp")
  } to the range's floor.`;
}

/** The record close. */
export function record(run: Run): string {
  const rec = run.result.record;
  const p = run.params;
  if (!rec.close || !rec.priorHigh) return `No S&P 500 close on ${p.articleRecordDateIso} in the file.`;
  return `S&P 500 close ${
    fmt(rec.close.value, "index", { digits: 2 })
  } on ${rec.close.date}; the highest close before it was ${
    fmt(rec.priorHigh.value, "index", { digits: 2 })
  } on ${rec.priorHigh.date}.`;
}

/** After the note: the balance sheet, net liquidity and stocks. */
export function afterNote(run: Run): string {
  const a = run.result.afterNote;
  const L = run.result.levels;
  const rel = run.result.liquidity.after;
  const spChange = (a.spLatest.value / a.spAtNote.value - 1) * 100;
  return `Total assets: ${fmt(L.now.value, "usdBn")} (${L.now.date}) → low ${fmt(a.assetsLow?.value, "usdBn")} (${
    a.assetsLow?.date ?? "n/a"
  }) → ${fmt(a.assetsLatest.value, "usdBn")} (${a.assetsLatest.date}). S&P 500: ${
    fmt(a.spAtNote.value, "index", { digits: 0 })
  } (${a.spAtNote.date}) → ${fmt(a.spLatest.value, "index", { digits: 0 })} (${a.spLatest.date}), ${
    signed(spChange, "pct", { digits: 0 })
  }, with ${fmt(a.newHighs, "count")} record closes after the note: the plateau the note expected ${
    spChange > 10 && a.newHighs > 0 ? "did not come" : "is not ruled out"
  }. Since the note the levels of net liquidity and the S&P 500 correlate at r = ${fmt(rel.levels.r, "ratio")} (n = ${
    fmt(rel.levels.n, "count")
  }), their month-end changes at r = ${fmt(rel.monthly.r, "ratio")}.`;
}

/** The conclusion: every verdict of the run, grouped. */
export function conclusion(run: Run): string {
  const [c2, c3, c5, c7] = ["BSEQ-2", "BSEQ-3", "BSEQ-5", "BSEQ-7"].map((id) => claim(run, id));
  return [
    `With this run's assumptions: ${verdictGroups(run.claims)}.`,
    `The "pre-COVID" $3,000bn ${
      verdictOf(c2)
    }: it is the balance sheet of early 2013, so "more than twice" depends on the week chosen (\`preCovidDateIso\`). $95bn a month is the cap, not the pace: the claim ${
      verdictOf(c7)
    }. GDP growth ${verdictOf(c3)} on the shipped BEA vintage. The "double drain" ${
      verdictOf(c5)
    }. The BTFP carry is only as good as the assumed OIS (\`btfpOneYearOisPct\`), and the link from the balance sheet to stocks is not in the data's changes (\`correlationFromIso\`).`,
  ].join("\n\n");
}

/** How the notebook reads its data and decides its claims. */
export function methodNotes(run: Run): string {
  const p = run.params;
  return [
    `**Data.** H.4.1 (WALCL, TREAST, WSHOMCB Wednesday levels; WRESBAL, WTREGEN week averages; RRPONTSYD daily), BEA GDP (SAAR, August 2026 vintage), Z.1 money-market fund assets (quarterly), H.8 deposits (weekly), S&P 500 closes, H.15 (DGS10, DGS2, DGS3MO, DFEDTARU, DFEDTARL, IORB). A week is known on the note's date when published by then (H.4.1 is released ${p.h41ReleaseLagDays} day after its Wednesday). Latest observation per series: ${
      run.result.loaded.map((s) => `${s.seriesId} ${s.asOf}`).join(", ")
    }.`,
    `**Windows.** Correlations from ${p.correlationFromIso} (and from ${p.correlationQtFromIso} for QT) to the note; intervals by Fisher's z (95%); levels correlations carry no interval because trending levels make them meaningless. QT's pace ${p.qtPaceFromMonth} to ${p.qtPaceToMonth} on the ${p.runoffMonthGrid} grid; money funds ${p.mmfWindowFromQuarter} to ${p.mmfWindowToQuarter}.`,
    `**Assumptions shown as assumptions.** The 1-year OIS (${p.btfpOneYearOisPct}%) behind the BTFP carry does not ship; the caps come from the FOMC record in the parameters.`,
    `**Verdicts.** One rulebook (lib/claims/verdict.ts): balance-sheet levels as published levels (${RULES.publishedLevel.why}); "about" figures as rounded figures (${RULES.roundedFigure.why}); growth in pp (${RULES.percentagePoints.why}); the 10-year's peak in bp (${RULES.rateBp.why}). ${TIE_RULE}`,
  ].join("\n\n");
}

export const balanceSheetProse = {
  abstract,
  levels,
  gdp,
  liquidity,
  moneyFunds,
  drain,
  btfp,
  pace,
  yields,
  record,
  afterNote,
  conclusion,
  methodNotes,
};
