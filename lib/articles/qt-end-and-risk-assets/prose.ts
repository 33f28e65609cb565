/**
 * The QT-end article's sentences that depend on the data or on an assumption, as functions of the run.
 * Figures and verdicts a table also shows are marked (lib/format.ts mark) with the same text.
 */
import { type Claim, claimById, markedData, markedVerdict, rulebookText, TIE_RULE } from "../../claims/verdict.ts";
import { countOf, fmt, list, mark, share, signed } from "../../format.ts";
import type { ArticleRun } from "../article.ts";
import { horizonsText, rallySharePct } from "./claims.ts";
import { DAILY_STALE_DAYS, type Measure, type QtEndResult, TRADING_DAYS_PER_MONTH } from "./compute.ts";
import type { qtEndParams } from "./params.ts";

type Run = ArticleRun<typeof qtEndParams.specs, QtEndResult>;

const claim = (run: Run, id: string) => claimById(run.claims, id);
const verdictOf = markedVerdict;
const dataOf = markedData;

/** The mark key of a measure's count at one horizon ("up after k of n"). */
export const upKey = (m: Measure, h: number) => `fig:up.${m.id}.${h}`;
/** The mark key of a measure's count of episodes up at every rally horizon. */
export const everyKey = (m: Measure) => `fig:upAtEvery.${m.id}`;
/** The text of a count: "4 of 6 (67%)". */
export const countText = (k: number, n: number) => countOf(k, n);
/** A horizon as a measure counts it: "126 trading days" / "6 months". */
export const horizonText = (m: Measure, h: number) =>
  `${h} ${m.horizonUnit === "months" ? (h === 1 ? "month" : "months") : "trading days"}`;

/** The abstract: the argument and what this run's data say. */
export function abstract(run: Run): string {
  const r = run.result;
  const c1 = claim(run, "QTEND-1");
  const c6 = claim(run, "QTEND-6");
  const c9 = claim(run, "QTEND-9");
  const u = r.rally.upAtEvery;
  const sp = r.since.rows.find((x) => x.seriesId === "SP500");
  return (
    `The article argues that the end of QT on ${r.qt.end}, with a December cut and bill purchases, turns liquidity from draining to adding, and that risk assets rally for 6–12 months after such a pivot. ` +
    `QT did end on ${r.qt.end} after ${fmt(r.qt.years, "years")} (the claim ${verdictOf(c1)}). ` +
    `On daily closes the ${r.rally.label.replace(/ \(daily closes\)/, "")} was higher at ${
      horizonsText(run.params.rallyHorizonsTradingDays, "trading days")
    } after ${mark(everyKey(r.rally), countText(u.up.length, u.n))} episodes of the history, so "tend to rally" ${
      verdictOf(c6)
    }${u.down.length ? ` (lower at one of them after ${list(u.down)})` : ""}. ` +
    (sp?.change !== undefined
      ? `After the article the S&P 500 moved ${
        mark("fig:sinceSp500", signed(sp.change, "pct"))
      } from the QT end to ${sp.to?.date}; the asset-class table ${verdictOf(c9)}.`
      : "")
  );
}

/** Where QT started and where the balance sheet stood when the article was written. */
export function levels(run: Run): string {
  const L = run.result.levels;
  const c2 = claim(run, "QTEND-2");
  const band = fmt(run.params.levelMatchBandFrac * 100, "pct", { trim: true });
  return `QT began with total assets at ${
    mark("fig:qtStartLevel", fmt(L.atQtStart.value, "usdBn"))
  } (${L.atQtStart.date}); the article's ${fmt(run.params.articleStartUsdBn, "usdBn")} is ${
    Math.abs(L.atQtStart.value / run.params.articleStartUsdBn - 1) <= run.params.levelMatchBandFrac ? "" : "not "
  }where QT started: total assets were within ±${band} of it in ${
    L.spells.length ? list(L.spells.map((s) => s.first.date.slice(0, 7))) : "no week"
  } (the dots). "Stable near ${fmt(run.params.articleStableUsdBn, "usdBn")}": within ±${
    fmt(run.params.stableBandFrac * 100, "pct", { trim: true })
  } in ${
    mark("fig:stableWeeks", countOf(L.stable.nWithin, L.stable.n))
  } weeks from ${run.params.stableCheckWindow.from} to ${run.params.stableCheckWindow.to}. The claim ${verdictOf(c2)}.`;
}

/**
 * After QT ended: when total assets left a ±stableBandFrac band around their QT-end week, and what moved
 * them in the week of their largest swing inside it (securities against repo operations, loans and other assets).
 */
export function afterQtEnd(run: Run): string {
  const { exit, split, reversed } = run.result.afterQtEnd;
  const band = fmt(run.params.stableBandFrac * 100, "pct", { trim: true });
  const swing = exit.largestSwing;
  const walcl = run.result.data.walcl.rows;
  return (
    `Total assets stood at ${
      fmt(exit.reference.value, "usdBn")
    } in the QT-end week (${exit.reference.date}) and stayed within ±${band} of it ` +
    (exit.firstOutside
      ? `until ${mark("fig:bandExit", exit.firstOutside.date)}, when they were ${
        signed(exit.firstOutside.changeFrac * 100, "pct")
      } above it as the bill purchases added up.`
      : `to the data's end (${walcl.at(-1)!.date}).`) +
    (swing && split
      ? ` The largest weekly swing inside the band, ${
        signed(swing.changeUsdBn, "usdBn")
      } in the week of ${swing.date}, came ${
        Math.abs(split.restUsdBn) > Math.abs(split.securitiesUsdBn)
          ? "from outside the securities"
          : "from the securities"
      }: ${signed(split.restUsdBn, "usdBn")} in repo operations, loans and other assets, ${
        signed(split.securitiesUsdBn, "usdBn")
      } in Treasuries and MBS${reversed ? "; it reversed the next week" : ""}.`
      : "")
  );
}

/** The holdings after the QT end (QTEND-4). */
export function purchases(run: Run): string {
  const c4 = claim(run, "QTEND-4");
  const p = run.result.purchases;
  return `After the QT end Treasury holdings rose in ${dataOf(c4)}, by ${
    signed(p.treasuriesUsdBn, "usdBn")
  }, while MBS changed ${
    signed(p.mbsUsdBn, "usdBn")
  }: the nearest check of "switched to T-bill purchases" the shipped data allow, so the claim ${verdictOf(c4)}.`;
}

/** The December cut (QTEND-3). */
export function cut(run: Run): string {
  const c3 = claim(run, "QTEND-3");
  return `Across the ${run.params.articleFomcDate} meeting the target range moved ${
    dataOf(c3)
  }; the cut the article expected ${
    verdictOf(c3)
  } as a cut, and whether it was priced needs futures data qtlab does not ship.`;
}

/** The event study (QTEND-6): every count with its denominator, each measure apart. */
export function eventStudy(run: Run): string {
  const r = run.result;
  const p = run.params;
  const c6 = claim(run, "QTEND-6");
  const merged = r.overlaps.filter((o) => o.insideWindowOf);
  const perMeasure = (m: Measure) => {
    const hs = m.summary.filter((s) => s.n > 0);
    return hs.length
      ? `${m.label}: higher ${
        list(hs.map((s) =>
          `${horizonText(m, s.horizonDays)} after ${mark(upKey(m, s.horizonDays), countText(s.nUp, s.n))}`
        ))
      }`
      : `${m.label}: no counted pivot in range`;
  };
  const daily = r.measures.filter((m) => m.kind === "daily");
  const monthly = r.measures.filter((m) => m.kind !== "daily");
  return (
    `Each pivot is measured on daily closes from the pivot's close (the last on or before its date) to the close ${
      horizonsText(p.horizonsTradingDays, "trading days")
    } later. ` +
    (merged.length
      ? `The windows overlap: ${
        list(merged.map((o) =>
          `${o.pivotId} falls inside the ${p.rallyHorizonsTradingDays.at(-1)}-day window of ${o.insideWindowOf}`
        ))
      }, so ${
        p.overlapRule === "merge"
          ? "they count as one episode, measured from its first pivot"
          : "they are flagged and still counted apart"
      }. `
      : "No pivot falls inside another's window. ") +
    `${daily.map(perMeasure).join(". ")}. ` +
    `Apart, and never pooled with the daily counts, the ${
      monthly.map(perMeasure).join("; ")
    } (monthly averages reach back before 2016, when the S&P 500's daily closes start). ` +
    `Higher at every one of ${horizonsText(p.rallyHorizonsTradingDays, "trading days")}: ${
      list(daily.map((m) => `${m.label} after ${mark(everyKey(m), countText(m.upAtEvery.up.length, m.upAtEvery.n))}`))
    } episodes. Read on ${r.rally.label}, the claim ${verdictOf(c6)}: ${dataOf(c6)} against at least ${
      share(p.rallyShareMinFrac)
    }.`
  );
}

/** The QT end of 2025 against the history, and what happened since. */
export function since(run: Run): string {
  const r = run.result;
  const rows = r.since.rows.filter((x) => x.change !== undefined);
  const y10 = rows.find((x) => x.seriesId === "DGS10");
  const oas = rows.find((x) => x.seriesId === "BAMLC0A0CM");
  const stocks = rows.filter((x) => x.units === "index");
  const meanHistory = r.rally.summary.at(-1);
  return `From the QT end (${r.outOfSample.date}) to the data's end: ${
    list(stocks.map((x) =>
      `${x.label.replace(/ \(daily closes\)/, "")} ${
        mark(`fig:since.${x.seriesId}`, signed(x.change, "pct"))
      } (to ${x.to?.date})`
    ))
  }${
    meanHistory?.mean !== undefined
      ? `, against a mean of ${signed(meanHistory.mean, "pct")} for ${
        r.rally.label.replace(/ \(daily closes\)/, "")
      } ${meanHistory.horizonDays} trading days after the history's counted pivots`
      : ""
  }; the 10-year yield ${
    y10 ? `${y10.change! < 0 ? "fell" : "rose"} ${fmt(Math.abs(y10.change!), "bp")}` : "has no data"
  } and the IG spread moved ${oas ? signed(oas.change, "bp") : "n/a"}.`;
}

/** The conclusion: what holds and what does not, by verdict, with what the result leans on. */
export function conclusion(run: Run): string {
  const by = (v: Claim["verdict"]) => run.claims.filter((c) => c.verdict === v);
  const ids = (cs: Claim[]) => (cs.length ? list(cs.map((c) => `${c.id} (${verdictOf(c)})`)) : "none");
  const p = run.params;
  return (
    `**What holds.** ${ids(by("holds"))}. **Roughly.** ${ids(by("roughly holds"))}. **What does not.** ${
      ids(by("does not hold"))
    }. **What the data cannot decide.** ${ids(by("not checkable"))}.\n\n` +
    `**What the result leans on.** The pivot list (${p.historyPivotIds.length} pivots, one per easing turn; overlapping windows ${
      p.overlapRule === "merge" ? "merged into one episode" : "flagged but counted"
    }), reading "risk assets" as ${run.result.rally.label}, "tend to" as at least ${
      share(p.rallyShareMinFrac)
    } of episodes higher at ${
      horizonsText(p.rallyHorizonsTradingDays, "trading days")
    }, and with so few episodes one of them moves the share by ${
      run.result.rally.upAtEvery.n ? share(1 / run.result.rally.upAtEvery.n) : "n/a"
    }.`
  );
}

/** How the article is checked. */
export function methodNotes(run: Run): string {
  const p = run.params;
  const r = run.result;
  return [
    `**Rules.** Every verdict comes from qtlab's rulebook: ${rulebookText()}. ${TIE_RULE} A claim with several parts takes the weakest part's verdict.`,
    `**Event study.** Pivots: ${
      p.historyPivotIds.join(", ")
    } (FOMC statements, lib/calc/pivots.ts); ${p.outOfSamplePivotId} held out. Daily measures (NASDAQ Composite from 1971, S&P 500 from 2016-08; FRED): the close on the pivot date or the last before it (no older than ${DAILY_STALE_DAYS} days) against the close ${
      horizonsText(p.horizonsTradingDays, "trading days")
    } later in the series' own trading days, in %; a horizon past the data is missing, never filled. Monthly-average measure (S&P 500, Shiller to 2023-06 then monthly means of FRED closes): the average of the last complete month before the pivot against that before pivot + ${
      list(r.measures.find((m) => m.kind !== "daily")!.horizons.map(String))
    } months (${TRADING_DAYS_PER_MONTH} trading days to a month); never pooled with the daily counts. Overlap: a pivot on or before trading day ${
      Math.max(...p.rallyHorizonsTradingDays)
    } (NASDAQ calendar) after an earlier counted pivot is ${
      p.overlapRule === "merge" ? "merged into that episode" : "flagged"
    }. "Up" = a change above zero; every count is shown with its denominator.`,
    `**Balance sheet.** H.4.1 Wednesday levels in $bn (WALCL, TREAST, WSHOMCB); QT dates from the FOMC (lib/calc/policyEvents.ts). "Stable near" = within ±${
      fmt(p.stableBandFrac * 100, "pct", { trim: true })
    } of the level; "at about" a level = within ±${
      fmt(p.levelMatchBandFrac * 100, "pct", { trim: true })
    }. Flattening: mean weekly change over ${p.flatteningWindowWeeks} weeks either side of the QT end.`,
    `**Data vintage.** Latest observation per series: ${
      run.series.map((s) => `${s.seriesId} ${s.asOf}`).join(", ")
    }. The article is undated (written between the QT end and the 2025-12-10 FOMC); it is taken as of 2025-12-01, so every later figure is flagged "after the article".`,
  ].join("\n\n");
}

export const qtEndProse = { abstract, levels, afterQtEnd, purchases, cut, eventStudy, since, conclusion, methodNotes };

/** Used by tests: the rally share in %, as the claim reads it. */
export { rallySharePct };
