/**
 * The data tour's sentences that depend on the data or the assumptions: what ships and how current it is,
 * the balance sheet's peak and latest week, and where the drain fell.
 */
import type { ArticleRun } from "../article.ts";
import { fmt, list, mark, signed } from "../../format.ts";
import { type DataTourResult, DRAIN_SERIES, type DrainKey } from "./compute.ts";
import type { dataTourParams } from "./params.ts";

type Run = ArticleRun<typeof dataTourParams.specs, DataTourResult>;

/** The mark of a drain figure: one key per series and period ("all" for the whole window). */
export function drainKey(series: DrainKey, period: string): string {
  return `fig:drain.${series}.${period}`;
}

/** A drain change as tables and sentences write it. */
export function drainText(usdBn: number): string {
  return signed(usdBn, "usdBn");
}

/** Which liability fell first, which next, in the window; and which fell most over it. */
export function drainSentence(run: Run): string {
  const r = run.result;
  const p = run.params;
  const fell = r.fallOrder.filter((k) => r.drain.firstFall[k] !== undefined);
  const never = r.fallOrder.filter((k) => r.drain.firstFall[k] === undefined);
  const totals = (Object.keys(DRAIN_SERIES) as DrainKey[]).map((k) =>
    `${DRAIN_SERIES[k]} ${mark(drainKey(k, "all"), drainText(r.drain.totalUsdBn[k]))}`
  );
  // Group the series by the year each first fell, in order.
  const years = [...new Set(fell.map((k) => r.drain.firstFall[k]!.slice(0, 4)))];
  const groups = years.map((y) => ({
    year: y,
    names: list(fell.filter((k) => r.drain.firstFall[k]!.startsWith(y)).map((k) => DRAIN_SERIES[k])),
  }));
  const order = groups.length
    ? `The drain fell first on ${groups[0].names} (in ${mark("fig:firstFallYear", groups[0].year)})${
      groups.length > 1 ? `, later on ${list(groups.slice(1).map((g) => `${g.names} (from ${g.year})`))}` : ""
    }.`
    : "None of the three liabilities fell in any year of the window.";
  const neverText = never.length
    ? ` ${capitalise(list(never.map((k) => DRAIN_SERIES[k])))} did not fall in any calendar year of the window.`
    : "";
  const most = (Object.keys(DRAIN_SERIES) as DrainKey[]).reduce((
    a,
    b,
  ) => (r.drain.totalUsdBn[a] <= r.drain.totalUsdBn[b] ? a : b));
  return `From ${p.drainFromDate} to ${p.drainToDate}: ${
    list(totals)
  }. ${order}${neverText} Over the whole window the largest fall was in ${
    mark("fig:drainLargest", DRAIN_SERIES[most])
  }.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The abstract: what ships, how current, and the balance sheet in two figures. */
export function abstract(run: Run): string {
  const r = run.result;
  return (
    `qtlab ships ${mark("fig:files", fmt(r.files, "count"))} files from ${
      fmt(r.publishers, "count")
    } publishers, each validated against its provenance record; ` +
    `the newest observation is ${
      mark("fig:newest", r.newest.date)
    } (${r.newest.file}) and the file that ends earliest is ${r.stalest.file} (${r.stalest.date}). ` +
    `The Fed's total assets peaked at ${
      mark("fig:peakAssets", fmt(r.peakAssets.value, "usdBn"))
    } in the week of ${r.peakAssets.date} and stood at ${
      mark("fig:latestAssets", fmt(r.latestAssets.value, "usdBn"))
    } on ${r.latestAssets.date}.\n\n` +
    drainSentence(run)
  );
}

/** How the tour reads its data. */
export function methodNotes(run: Run): string {
  const r = run.result;
  return [
    `**Data.** Every file in data/ is checked against data/manifest.json (sha256, rows, first and last date) and validated on load (header, ISO dates sorted and unique on the publisher's grid, numbers, declared unit range). Latest observation per series: ${
      r.catalog.map((f) => `${f.seriesId} ${f.lastDate}`).join(", ")
    }.`,
    `**Balance sheet.** H.4.1 weekly Wednesday levels (WALCL, TREAST, WSHOMCB, WRESBAL, WTREGEN) and ON RRP (RRPONTSYD), in $bn (published in $ millions, converted on load).`,
    `**Drain.** Each calendar year inside the window (${run.params.drainFromDate} to ${run.params.drainToDate}, cut at its ends) is measured between the latest observations on or before its first and last day; a series "fell" in a year when that change is negative.`,
  ].join("\n\n");
}

export const dataTourProse = { abstract, drain: drainSentence, methodNotes };
