/**
 * What every article is: its parameters, a load of the shipped data it reads, one pure compute, and its
 * claims — run once per notebook execution into one {@link ArticleRun}, from which every number, verdict,
 * sentence, table and chart that a reader sees is drawn.
 *
 * An article lives in `lib/articles/<slug>/`:
 *   params.ts    the typed parameter declaration (lib/params/schema.ts)
 *   compute.ts   pure (data, params) → result; every number shown anywhere lives in the result
 *   claims.ts    (result, params) → Claim[] through lib/claims/verdict.ts
 *   prose.ts     sentences that depend on data or assumptions, as functions of the run
 *   views.ts     charts, tables and live views drawn from the run; they compute nothing
 *   notebook.ts  the notebook's one entry point: `open…(values)` → the run with its prose and views
 */
import { assertComplete, type Claim } from "../claims/verdict.ts";
import { type ArticleParams, type DataRange, type ParamSpec, type ParamValues, parseValues } from "../params/schema.ts";
import type { Series } from "../data/series.ts";

/** Who wrote what, when: the article a notebook rebuilds. */
export interface ArticleSource {
  author: string;
  title: string;
  publisher: string;
  /** Publication date, ISO. Claims checked with data after it say so. */
  date: string;
  /** qtlab's copy of the article, relative to the shared folder (seeds/…). */
  seed?: string;
}

/** An article's fixed description. */
export interface ArticleMeta {
  /** The folder name under lib/articles/ and the notebook's name without its number. */
  slug: string;
  /** The notebook file's name without extension, e.g. "05-rmp-scenarios". */
  notebook: string;
  /** The notebook's title. */
  title: string;
  /** The article it rebuilds; undefined for the data tour. */
  source?: ArticleSource;
  /** Claim ids in order (from the claims list), e.g. RMP-1 … RMP-11. */
  claimIds: readonly string[];
}

/** The shipped series an article read, with their latest observation. */
export interface SeriesAsOf {
  seriesId: string;
  rows: number;
  first: string;
  asOf: string;
}

/** A loaded series as an article lists it: its id, rows, first date and latest observation. */
export function seriesAsOf(
  s: Pick<Series, "seriesId" | "asOf"> & { rows: readonly { date: string }[] },
  seriesId = s.seriesId,
): SeriesAsOf {
  return { seriesId, rows: s.rows.length, first: s.rows[0].date, asOf: s.asOf };
}

/** An article's definition: everything but the views and the prose. */
export interface ArticleDef<S extends Record<string, ParamSpec>, D, R> {
  meta: ArticleMeta;
  params: ArticleParams<S>;
  /** Read and verify the shipped data the article needs (lib/data loaders). */
  load: () => D;
  /** The series read, for the as-of lines and the method notes. */
  seriesOf: (data: D) => readonly SeriesAsOf[];
  /** Pure: the data and the parameters → the result. */
  compute: (data: D, params: ParamValues<S>) => R;
  /** Pure: the result → the claims, in the order of meta.claimIds. */
  claims: (result: R, params: ParamValues<S>) => Claim[];
}

/** One execution of an article: parameters used, data read, result and claims. */
export interface ArticleRun<S extends Record<string, ParamSpec>, R> {
  meta: ArticleMeta;
  params: ParamValues<S>;
  /** Names whose value differs from the declared default, in declaration order. */
  changed: readonly (keyof S & string)[];
  series: readonly SeriesAsOf[];
  result: R;
  claims: Claim[];
}

/** Any article's run (for displays that handle every article alike). */
// deno-lint-ignore no-explicit-any
export type AnyRun = ArticleRun<any, unknown>;

/** The shipped data's date range over the series read (earliest first date to latest last date). */
export function dataRangeOf(series: readonly SeriesAsOf[]): DataRange {
  if (series.length === 0) throw new Error("dataRangeOf: no series");
  return { from: series.map((s) => s.first).sort()[0], to: series.map((s) => s.asOf).sort().at(-1)! };
}

/**
 * Run an article once: load its data, validate `values` (every declared name; throws one Error listing
 * every refused value), compute, check the claims are complete. The notebook calls this in its first code
 * cell after the parameters; a refused value stops the run there.
 */
export function runArticle<S extends Record<string, ParamSpec>, D, R>(
  def: ArticleDef<S, D, R>,
  values: Readonly<Record<string, unknown>>,
): ArticleRun<S, R> {
  const data = def.load();
  const series = def.seriesOf(data);
  const params = parseValues(def.params, values, dataRangeOf(series));
  const result = def.compute(data, params);
  const claims = def.claims(result, params);
  assertComplete(claims, def.meta.claimIds);
  const changed = def.params.names.filter((n) => JSON.stringify(params[n]) !== JSON.stringify(def.params.defaults[n]));
  return { meta: def.meta, params, changed, series, result, claims };
}
