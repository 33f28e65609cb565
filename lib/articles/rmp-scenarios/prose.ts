/**
 * The RMP article's sentences that depend on the data or on an assumption, as functions of the run.
 * Figures and verdicts that a table also shows are marked (lib/format.ts mark) with the same text.
 */
import { type Claim, claimById, markedData, markedVerdict, rulebookText, TIE_RULE } from "../../claims/verdict.ts";
import { fmt, list, mark, range, signed } from "../../format.ts";
import type { ArticleRun } from "../article.ts";
import type { RmpResult } from "./compute.ts";
import type { rmpParams } from "./params.ts";
import { scenarioOutcomes } from "./claims.ts";

type Run = ArticleRun<typeof rmpParams.specs, RmpResult>;

const claim = (run: Run, id: string) => claimById(run.claims, id);
const verdictOf = markedVerdict;
const dataOf = markedData;
const spreadName = (run: Run) => (run.params.curveSpread === "SOFR-IORB" ? "SOFR − IORB" : "EFFR − IORB");

/** The figures the regime table and the prose share, each formatted once. */
export function regimeFigures(run: Run) {
  const g = run.result.regimes;
  const usd = (x: number | undefined) => fmt(x, "usdBn");
  return {
    abundant: usd(g.abundant.usdBn),
    abundantBand: range(g.abundantBand.lo, g.abundantBand.hi, "usdBn"),
    abundantBoot: g.abundantBootstrap ? range(g.abundantBootstrap.lo, g.abundantBootstrap.hi, "usdBn") : "n/a",
    scarce: usd(g.scarce.usdBn),
    scarceBand: range(g.scarceBand.lo, g.scarceBand.hi, "usdBn"),
    scarceBoot: g.scarceBootstrap ? range(g.scarceBootstrap.lo, g.scarceBootstrap.hi, "usdBn") : "n/a",
    latestReserves: fmt(g.latest.reservesUsdBn, "usdBn"),
    latestShare: fmt(g.latest.sharePct, "pctOfGdp", { digits: 2 }),
    latestRegime: g.latest.nearBoundary
      ? `${g.latest.regime} (within the ${g.latest.nearBoundary} band)`
      : g.latest.regime,
    oosMean: run.result.outOfSample ? signed(run.result.outOfSample.meanResidualBp, "bp", { digits: 1 }) : "n/a",
    expected: fmt(run.result.expectedPurchasesUsdBnPerMonth, "usdBnPerMonth", { digits: 1 }),
  };
}

/** The abstract: the article's question and what this run's data and assumptions answer. */
export function abstract(run: Run): string {
  const r = run.result;
  const f = regimeFigures(run);
  const c10 = claim(run, "RMP-10");
  const inA = r.expectedPurchasesUsdBnPerMonth >= 20 && r.expectedPurchasesUsdBnPerMonth <= 30;
  return (
    `The article weighs three sizes of reserve management purchases for 2026. With this run's sizes and probabilities the expected purchases are ${
      mark("fig:expectedPurchases", f.expected)
    }, ` +
    `${inA ? "inside" : "outside"} scenario A's $20–30bn range. What the Fed bought is ${
      dataOf(c10)
    }, closest to scenario ${mark("fig:closestScenario", r.model.closest.id)}; the scenario claim ${verdictOf(c10)}. ` +
    `In the week of ${r.regimes.latest.weekEnding} reserves of ${
      mark("fig:latestReserves", f.latestReserves)
    } (${f.latestShare}) are ${
      mark("fig:latestRegime", f.latestRegime)
    } on the fitted curve, in the New York Fed's terms: ` +
    `the ample/scarce boundary is ${mark("fig:scarce", f.scarce)} (band ${
      mark("fig:scarceBand", f.scarceBand)
    }) and the abundant/ample one ${mark("fig:abundant", f.abundant)} (band ${
      mark("fig:abundantBand", f.abundantBand)
    }). ` +
    (r.outOfSample
      ? `The curve is fitted to ${run.params.curveFitTo}; the ${r.outOfSample.n} weeks since sit ${
        mark("fig:oosMean", f.oosMean)
      } from it on average, so readings off it for 2026 carry that error.`
      : "")
  );
}

/** The scarcity signal in 2025. */
export function scarcity(run: Run): string {
  const c3 = claim(run, "RMP-3");
  const c4 = claim(run, "RMP-4");
  return `${spreadName(run) === "SOFR − IORB" ? "" : "The article's signal is SOFR − IORB. "}In 2025 the data show ${
    dataOf(c3)
  }: the scarcity claim ${verdictOf(c3)}. Averaged over Q4 2025, SOFR − IORB was ${
    dataOf(c4)
  }; that bill supply drove it ${verdictOf(c4)} (the cash side only is in the data).`;
}

/** The regimes, their bands, the bootstrap and the out-of-sample test. */
export function regimes(run: Run): string {
  const r = run.result;
  const f = regimeFigures(run);
  const o = r.outOfSample;
  const floor = run.params.curveFloor === "administered"
    ? `fixed at the administered ON RRP − IORB spread of ${fmt(run.params.administeredFloorBp, "bp")}`
    : `fitted at ${
      fmt(r.model.fit.curve.aBp, "bp", { digits: 1 })
    }, close to the administered ON RRP − IORB spread of ${
      fmt(run.params.administeredFloorBp, "bp")
    } (set "curveFloor" to "administered" to fix it there)`;
  const oos = o
    ? `Tested on the ${o.n} weeks after the cut-off (${run.params.curveFitTo}), the observed spreads sit ${
      mark("fig:oosAbove", String(o.above))
    } above and ${o.below} below the curve, by ${mark("fig:oosMean", f.oosMean)} on average (RMSE ${
      fmt(o.rmseBp, "bp", { digits: 1 })
    }): ${
      o.meanResidualBp < -1
        ? "the curve overstates the spread reserves now pay, so the scenarios' implied spreads are upper readings"
        : o.meanResidualBp > 1
        ? "the curve understates recent spreads, so the scenarios' implied spreads are lower readings"
        : "the curve holds out of sample within a basis point on average"
    }.`
    : `No week lies after the cut-off (${run.params.curveFitTo}), so the curve is not tested out of sample in this run.`;
  return (
    `Read off the curve with slopes of ${
      fmt(run.params.abundantSlopeBpPer100UsdBn, "ratio", { trim: true, digits: 1 })
    }bp and ${
      fmt(run.params.scarceSlopeBpPer100UsdBn, "ratio", { trim: true, digits: 1 })
    }bp per $100bn, reserves are abundant above ${mark("fig:abundant", f.abundant)} and scarce below ${
      mark("fig:scarce", f.scarce)
    }; between them they are ample. ` +
    `Across slope rules and both spreads the boundaries move within ${mark("fig:abundantBand", f.abundantBand)} and ${
      mark("fig:scarceBand", f.scarceBand)
    }; the bootstrap over weeks (${fmt(r.regimes.replicates, "count")} refits) puts them within ${
      mark("fig:abundantBoot", f.abundantBoot)
    } and ${mark("fig:scarceBoot", f.scarceBoot)}. ` +
    `The floor is ${floor}.\n\n${oos}`
  );
}

/** The scenarios: expected purchases and the extrapolation behind each path's spread. */
export function scenarios(run: Run): string {
  const r = run.result;
  const out = r.extrapolation.filter((e) => e.monthsOutside > 0);
  const ex = out.length
    ? `${
      list(out.map((e) =>
        `${e.id} leaves the curve's sample for ${e.monthsOutside} of ${e.months} months (${
          signed(e.extrapolatedSpreadBp, "bp", { digits: 1 })
        } of its mean spread of ${fmt(e.meanSpreadBp, "bp", { digits: 1 })} comes from there)`
      ))
    }.`
    : `No scenario path leaves the range of reserves the curve was fitted on (${
      fmt(r.model.fit.curve.shareRangePct[0], "pctOfGdp", { digits: 2 })
    } and up), so no implied spread is an extrapolation.`;
  return `The probability-weighted expectation is ${
    mark("fig:expectedPurchases", regimeFigures(run).expected)
  } over the horizon. ${ex}`;
}

/** Which scenario 2026 followed, and its outcomes from the article's date. */
export function realised(run: Run): string {
  const r = run.result;
  const c10 = claim(run, "RMP-10");
  const outcomes = scenarioOutcomes(r);
  const v = r.vix;
  return (
    `By cumulative purchases the data sit closest to scenario ${mark("fig:closestScenario", r.model.closest.id)}: ${
      dataOf(c10)
    }. Of its outcomes, ${outcomes.filter((o) => o.met).length} of ${outcomes.length} followed (${
      outcomes.map((o) => `${o.text} ${o.met ? "✓" : "✗"}`).join("; ")
    }), so the claim ${verdictOf(c10)}. ` +
    `The volatility reading leans on its baseline: against the mean of all of 2025 (${
      fmt(v.fullYear2025, "index")
    }, inflated by the April spike) the VIX since the article (${fmt(v.chosen.since, "index")}) ${
      v.chosen.since < v.fullYear2025 ? "is lower" : "is higher"
    }; against the ${v.chosen.days} trading days before the article (${fmt(v.chosen.baseline, "index")}) it ${
      v.chosen.down ? "is lower" : "is higher"
    }.`
  );
}

/** The conclusion: what holds and what does not, by verdict, with what the result leans on. */
export function conclusion(run: Run): string {
  const by = (v: Claim["verdict"]) => run.claims.filter((c) => c.verdict === v);
  const ids = (cs: Claim[]) => (cs.length ? list(cs.map((c) => `${c.id} (${verdictOf(c)})`)) : "none");
  return (
    `**What holds.** ${ids(by("holds"))}. **Roughly.** ${ids(by("roughly holds"))}. **What does not.** ${
      ids(by("does not hold"))
    }. **What the data cannot decide.** ${ids(by("not checkable"))}.\n\n` +
    `**What the result leans on.** The scenario paths lean on the organic drain (currency ${
      fmt(run.params.currencyGrowthUsdBnPerMonth, "usdBnPerMonth", { trim: true })
    }, TGA ${fmt(run.params.tgaGrowthUsdBnPerMonth, "usdBnPerMonth", { trim: true })}) and GDP growth (${
      fmt(run.params.nominalGdpGrowthPctPerYear, "pct", { trim: true })
    } a year) as much as on the sizes; the implied spreads on a curve fitted to ${run.params.curveFitTo} that ${
      run.result.outOfSample && Math.abs(run.result.outOfSample.meanResidualBp) > 1
        ? `misses the later weeks by ${mark("fig:oosMean", regimeFigures(run).oosMean)} on average`
        : "holds on the later weeks"
    }; the regimes on slope rules stated as assumptions, whose band is shown.`
  );
}

/** How the article is checked. */
export function methodNotes(run: Run): string {
  const p = run.params;
  const r = run.result;
  return [
    `**Rules.** Every verdict comes from qtlab's rulebook: ${rulebookText()}. ${TIE_RULE}`,
    `**Curve.** Weekly means of daily ${
      spreadName(run)
    } (New York Fed SOFR/EFFR less Board IORB, bp) against reserves (H.4.1 WRESBAL, week average to Wednesday) as a share of nominal GDP (BEA, the quarter containing the week, no interpolation), from ${p.curveFitFrom} to ${p.curveFitTo}, ${p.curveForm} form, least squares on a fixed grid (n = ${r.model.fit.curve.n}, R² ${
      fmt(r.model.fit.curve.r2, "ratio")
    }). Regimes after Afonso, Giannone, La Spada & Williams (FRBNY Staff Report 1019): slopes in bp per $100bn converted at GDP ${
      fmt(r.regimes.gdp.usdBn, "usdBn")
    } (${r.regimes.gdp.date}). Bootstrap: ${
      fmt(r.regimes.replicates, "count")
    } resamples of the weeks with replacement (seed ${p.bootstrapSeed}), 5–95 percentiles.`,
    `**Scenarios.** Reserves = last month's + purchases − growth of currency, TGA and other liabilities, from the H.4.1 week closing ${r.model.start.month}; MBS principal reinvested in bills (reserve-neutral). Realised purchases: Treasuries + MBS held on the month-end grid since ${p.startMonth}.`,
    `**Windows.** VIX baseline: the ${p.vixBaselineTradingDays} trading days before ${run.meta.source?.date}; sensitivity over 5–120 days in the table. Claims about 2026 use data published after the article and say so ("after the article" in the claims table). Data vintage: ${
      run.series.map((s) => `${s.seriesId} ${s.asOf}`).join(", ")
    }.`,
  ].join("\n\n");
}

export const rmpProse = { abstract, scarcity, regimes, scenarios, realised, conclusion, methodNotes };
