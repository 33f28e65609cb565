/**
 * The QT-mechanics article's sentences that depend on the data or on an assumption, as functions of the
 * run. Figures and verdicts that a table also shows are marked (lib/format.ts mark) with the same text.
 */
import { claimById, markedData, markedVerdict, RULES, TIE_RULE, verdictGroups } from "../../claims/verdict.ts";
import { fmt, list, mark, signed } from "../../format.ts";
import type { ArticleRun } from "../article.ts";
import { timelineParts } from "./claims.ts";
import type { QtMechanicsResult } from "./compute.ts";
import type { qtMechanicsParams } from "./params.ts";

type Run = ArticleRun<typeof qtMechanicsParams.specs, QtMechanicsResult>;

const claim = (run: Run, id: string) => claimById(run.claims, id);
const verdictOf = markedVerdict;
const dataOf = markedData;

/** The mark and text of one driver of reserves in a debt-limit phase (the drivers table uses the same). */
export function driverKey(id: string, phase: string, driver: string): string {
  return `fig:debt.${id}.${phase}.${driver}`;
}
export const driverText = (usdBn: number) => signed(usdBn, "usdBn");

/** The mark of a liability's change in a calendar year (the liabilities-by-year table uses the same). */
export function yearKey(series: string, year: string): string {
  return `fig:year.${series}.${year}`;
}
export const yearText = (usdBn: number) => signed(usdBn, "usdBn");

/** The abstract: the article's argument and what this run's data say about it. */
export function abstract(run: Run): string {
  const r = run.result;
  const c2 = claim(run, "QTMECH-2");
  const c3 = claim(run, "QTMECH-3");
  const c4 = claim(run, "QTMECH-4");
  const c5 = claim(run, "QTMECH-5");
  return (
    `The article explains quantitative tightening as redemptions at maturity up to monthly caps, and the April 2025 slowdown as a cut of the Treasury cap from $25bn to $5bn, made because the debt limit would swing reserves. ` +
    `In the Fed's holdings, Treasury runoff ran at ${dataOf(c2)} under the peak caps (the claim ${
      verdictOf(c2)
    }) and at ${dataOf(c3)} after the slowdown (${verdictOf(c3)}). ` +
    `Redemption without sales ${verdictOf(c4)}: ${dataOf(c4)}. ` +
    `The debt-limit claim ${verdictOf(c5)}: ${dataOf(c5)}. ` +
    `The caps' ceiling over ${r.scenario.lines.months.from} to ${r.scenario.lines.months.to} was ${
      mark("fig:ceiling", fmt(r.scenario.lines.totals.ceilingUsdBn, "usdBn"))
    }; the holdings fell ${mark("fig:actualRunoff", fmt(r.scenario.lines.totals.actualUsdBn, "usdBn"))}.`
  );
}

/** What the runoff-against-caps chart shows, from the run's summary. */
export function runoff(run: Run): string {
  const r = run.result;
  const s = r.summary;
  const o = r.otherGrid.summary;
  const bound = Math.abs(r.peak.treasuryMedianUsdBn - r.peak.period.capTreasuryUsdBnPerMonth) <=
    RULES.holdingsMonthUsdBn.holds;
  return (
    `${
      fmt(s.months, "count")
    } months with runoff caps above 0 (${r.capMonths.from} to ${r.capMonths.to}), on the "${run.params.monthGrid}" grid. ` +
    `Treasuries ran off ${mark("fig:cumTreasury", fmt(s.cumulativeTreasuryRunoffUsdBn, "usdBn"))} in all; ` +
    `in the peak-cap months (${r.peak.period.from} to ${r.peak.to}) the median month was ${
      fmt(r.peak.treasuryMedianUsdBn, "usdBnPerMonth")
    } against a ${fmt(r.peak.period.capTreasuryUsdBnPerMonth, "usdBnPerMonth", { trim: true })} cap, so the cap ${
      bound ? "bound" : "did not bind"
    }. ` +
    `MBS ran off ${mark("fig:cumMbs", fmt(s.cumulativeMbsRunoffUsdBn, "usdBn"))}, below their cap in ${
      fmt(s.mbsBelowCapMonths, "count")
    } of ${fmt(s.months, "count")} months and at most ${
      fmt(r.peak.maxMbs.usdBn, "usdBnPerMonth")
    } (${r.peak.maxMbs.month}), so QT never ran at the combined cap. ` +
    `The largest combined month was ${
      fmt(s.maxTotalRunoffUsdBn, "usdBn", { digits: 1 })
    } (${s.maxTotalRunoffMonth}). ` +
    `The largest Treasury fall beyond its cap is ${
      signed(s.maxTreasuryOverCapUsdBn, "usdBn", { digits: 1 })
    } (${s.maxTreasuryOverCapMonth}); on the "${r.otherGrid.grid}" grid it would be ${
      signed(o.maxTreasuryOverCapUsdBn, "usdBn", { digits: 1 })
    } (${o.maxTreasuryOverCapMonth}).`
  );
}

/** The scenario under the caps against the caps' ceiling and the actual fall. */
export function scenario(run: Run): string {
  const l = run.result.scenario.lines;
  const t = l.totals;
  const nearer = Math.abs(t.actualUsdBn - t.scenarioUsdBn) < Math.abs(t.ceilingUsdBn - t.actualUsdBn)
    ? "nearer the illustrative scenario than the caps' ceiling"
    : "nearer the caps' ceiling than the illustrative scenario";
  return (
    `${l.months.from} to ${l.months.to}: the caps allowed at most ${
      mark("fig:ceiling", fmt(t.ceilingUsdBn, "usdBn"))
    }; the scenario (assumed maturities and paydowns) runs off ${fmt(t.scenarioUsdBn, "usdBn")} (Treasuries ${
      fmt(t.scenarioTreasuryUsdBn, "usdBn")
    }, MBS ${fmt(t.scenarioMbsUsdBn, "usdBn")}); the holdings actually fell ${
      mark("fig:actualRunoff", fmt(t.actualUsdBn, "usdBn"))
    }, ${nearer}, ${fmt(t.ceilingUsdBn - t.actualUsdBn, "usdBn")} short of the ceiling.`
  );
}

/** The timeline read off the data. */
export function timeline(run: Run): string {
  const t = run.result.timeline;
  const p = run.params;
  const parts = timelineParts(run.result);
  return (
    `Treasury holdings first rose by more than ${
      fmt(p.qeSurgeThresholdUsdBnPerMonth, "usdBn")
    } in a month in ${t.qeSurge.month} (${signed(t.qeSurge.change, "usdBn")}). ` +
    `Net purchases (Treasuries + MBS) averaged ${
      fmt(t.preTaperPaceUsdBn, "usdBnPerMonth")
    } from ${p.preTaperFromMonth} and ${
      fmt(t.taperPaceUsdBn, "usdBnPerMonth")
    } from ${p.articleTaperMonth} to ${p.taperToMonth}. ` +
    `The target range's upper limit first rose on ${t.firstHike.date} (${t.firstHike.before}% → ${t.firstHike.after}%). ` +
    `Treasury holdings first fell in ${t.qtTurn.month} (${signed(t.qtTurn.change, "usdBn", { digits: 1 })}). ` +
    (parts.missed.length
      ? `Against the article's dates, ${list(parts.missed)} ${parts.missed.length === 1 ? "does" : "do"} not match.`
      : "All four match the article's dates.")
  );
}

/** Reserves, ON RRP and the TGA by calendar year: where the drain fell. */
export function liabilities(run: Run): string {
  const y = run.result.liabilityYears;
  const year = (from: string) => from.slice(0, 4);
  const reservesFell = y.periods.filter((q) => q.changesUsdBn.reserves < 0);
  const sharp = run.params.sharpReserveSwingUsdBn;
  const both = reservesFell.filter((q) => q.changesUsdBn.reserves <= -sharp && q.changesUsdBn.onRrp > 0).map((q) =>
    year(q.from)
  );
  const rrpFell = y.periods.filter((q) => q.changesUsdBn.onRrp < 0);
  const worst = y.periods.reduce((a, b) => (b.changesUsdBn.reserves < a.changesUsdBn.reserves ? b : a));
  const rrpWorst = y.periods.reduce((a, b) => (b.changesUsdBn.onRrp < a.changesUsdBn.onRrp ? b : a));
  return (
    `Reserves fell most in ${year(worst.from)} (${
      mark(yearKey("reserves", year(worst.from)), yearText(worst.changesUsdBn.reserves))
    }) while the ON RRP changed ${mark(yearKey("onRrp", year(worst.from)), yearText(worst.changesUsdBn.onRrp))}. ` +
    (both.length
      ? `In ${list(both)} reserves fell by ${fmt(sharp, "usdBn")} or more while the ON RRP still grew. `
      : `In no year did reserves fall by ${fmt(sharp, "usdBn")} or more while the ON RRP grew. `) +
    `The ON RRP fell most in ${year(rrpWorst.from)} (${
      mark(yearKey("onRrp", year(rrpWorst.from)), yearText(rrpWorst.changesUsdBn.onRrp))
    }), when reserves changed ${
      mark(yearKey("reserves", year(rrpWorst.from)), yearText(rrpWorst.changesUsdBn.reserves))
    }; it fell in ${rrpFell.length ? list(rrpFell.map((q) => year(q.from))) : "no year"} of the window.`
  );
}

/** What moved reserves in each debt-limit episode. */
export function debtLimit(run: Run): string {
  const r = run.result;
  const p = run.params;
  const sentences = r.debtLimit.phases.map((ph, i) => {
    const d = ph.drawdown;
    const b = ph.rebuild;
    const paidBy = Math.abs(b.onRrpUsdBn) > Math.abs(b.deltaReservesUsdBn)
      ? "mostly by the ON RRP"
      : "mostly out of reserves";
    const sharp = r.debtLimit.sharp[i];
    return `In ${ph.id} the TGA's drawdown added ${
      mark(driverKey(ph.id, "drawdown", "tga"), driverText(d.tgaUsdBn))
    } to reserves (Δ reserves ${
      mark(driverKey(ph.id, "drawdown", "reserves"), driverText(d.deltaReservesUsdBn))
    }); its rebuild (−Δ TGA ${
      mark(driverKey(ph.id, "rebuild", "tga"), driverText(b.tgaUsdBn))
    }) was paid ${paidBy} (−Δ ON RRP ${
      mark(driverKey(ph.id, "rebuild", "onRrp"), driverText(b.onRrpUsdBn))
    }, Δ reserves ${mark(driverKey(ph.id, "rebuild", "reserves"), driverText(b.deltaReservesUsdBn))}). ${
      sharp.length
        ? `The ${list(sharp.map((x) => x.phase))} moved reserves by ${
          fmt(p.sharpReserveSwingUsdBn, "usdBn")
        } or more with the TGA the largest driver.`
        : `No phase moved reserves by ${
          fmt(p.sharpReserveSwingUsdBn, "usdBn")
        } or more with the TGA the largest driver.`
    }`;
  });
  return sentences.join(" ");
}

/** Long yields, the policy rate and IG spreads over QT. */
export function markets(run: Run): string {
  const m = run.result.markets;
  const ratio = m.policyBp !== 0 ? m.tenYearBp / m.policyBp : Number.NaN;
  return (
    `${m.span.from} to ${m.span.to}: the 10-year yield ${m.tenYear.fromValue}% → ${m.tenYear.toValue}% (${
      mark("fig:tenYearBp", signed(m.tenYearBp, "bp"))
    }); the policy rate (upper limit) ${m.policy.fromValue}% → ${m.policy.toValue}% (${
      mark("fig:policyBp", signed(m.policyBp, "bp"))
    }); IG OAS ${m.oas.fromValue}bp → ${m.oas.toValue}bp (${mark("fig:oasBp", signed(m.oasBp, "bp"))}). ` +
    `The 10-year moved ${
      Number.isFinite(ratio) ? fmt(ratio, "ratio") : "n/a"
    } times as much as the policy rate and IG spreads ${
      m.oasBp > 0 ? "widened" : "narrowed"
    }; these series cannot separate QT's own effect from the hikes, and no dollar index ships.`
  );
}

/** The conclusion: every verdict of the run, in the article's order. */
export function conclusion(run: Run): string {
  const c4 = claim(run, "QTMECH-4");
  const c6 = claim(run, "QTMECH-6");
  return [
    `With this run's assumptions: ${verdictGroups(run.claims)}.`,
    `Redemption up to the caps, not sales, ${verdictOf(c4)} on the "${run.params.monthGrid}" month grid: ${
      dataOf(c4)
    }. ` +
    `That QT itself raised long yields, tightened credit and strengthened the dollar is ${
      verdictOf(c6)
    }: the 10-year moved with the policy rate, and nothing here separates QT's effect from the hikes.`,
    `The results lean on the month grid, the $${RULES.holdingsMonthUsdBn.holds}bn tolerance for TIPS inflation compensation inside TREAST, the ${run.params.tgaRebuildHorizonWeeks}-week horizon of the TGA rebuild and the ${
      fmt(run.params.sharpReserveSwingUsdBn, "usdBn")
    } threshold for a "sharp" swing, and — for the scenario only — the assumed maturities and paydowns.`,
  ].join("\n\n");
}

/** How the notebook reads its data and decides its claims. */
export function methodNotes(run: Run): string {
  const r = run.result;
  const p = run.params;
  return [
    `**Data.** H.4.1 Wednesday levels (WALCL, TREAST, WSHOMCB), week averages (WRESBAL, WTREGEN), the New York Fed's daily ON RRP total (RRPONTSYD; on a holiday Wednesday the last operation up to ${p.onRrpMaxStaleDays} days before), monthly currency in circulation (CURRCIR, to its last month), H.15 (DFEDTARU, DGS10) and ICE BofA IG OAS (BAMLC0A0CM). Latest observation per series: ${
      r.loaded.map((s) => `${s.seriesId} ${s.asOf}`).join(", ")
    }.`,
    `**Runoff.** A month's runoff is the fall of TREAST and WSHOMCB from one month's level to the next on the "${p.monthGrid}" grid; the caps come from the FOMC record in the parameters. A month beyond a cap by more than ${
      fmt(RULES.holdingsMonthUsdBn.holds, "usdBn")
    } counts as beyond it (rule holdingsMonthUsdBn: ${RULES.holdingsMonthUsdBn.why}). The scenario under the caps uses assumed constant maturities and paydowns (no SOMA maturity schedule ships); it is an illustration, not data.`,
    `**Reserves.** Reserves = total assets − TGA − ON RRP − currency − other; "currency + other" is the residual, so the decomposition is exact by construction and its residual also carries the mix of Wednesday levels and week averages. Debt-limit phases: the drawdown runs from each window's start to the law that lifted the limit; the rebuild to the TGA's highest week within ${p.tgaRebuildHorizonWeeks} weeks.`,
    `**Verdicts.** One rulebook for every notebook (lib/claims/verdict.ts). ${TIE_RULE} A claim checked with data after the article's date (${
      run.meta.source?.date ?? ""
    }) says so in the claims table.`,
  ].join("\n\n");
}

export const qtMechanicsProse = {
  abstract,
  runoff,
  scenario,
  timeline,
  liabilities,
  debtLimit,
  markets,
  conclusion,
  methodNotes,
};
