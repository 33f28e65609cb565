/**
 * What every article's notebook entry (`lib/articles/<slug>/notebook.ts`) returns, built the same way for
 * all: the run, and the displays a notebook calls — the abstract and the findings first, then the run's
 * assumptions and data, the article's own prose and views, the claims table and the method notes last.
 * Every display is drawn from the one run; none computes.
 */
import type { ArticleRun } from "../articles/article.ts";
import type { ArticleParams, ParamSpec } from "../params/schema.ts";
import { claimsTable, findingsTable } from "./claimsTable.ts";
import { type Displayable, displayable, prose } from "./display.ts";
import { document } from "./document.ts";
import { assumptionsBanner, dataAsOf, methodNotes } from "./runHeader.ts";

/** A sentence-writer of the article: the run → prose text (with marks). */
// deno-lint-ignore no-explicit-any
export type ProseFn<R> = (run: ArticleRun<any, R>) => string;

/** Bind each prose function to the run, as a display call returning a paragraph. */
export type BoundProse<P> = { [K in keyof P]: () => HTMLDivElement & Displayable };

/** The displays a notebook calls, for one run. */
export interface ArticleNotebook<S extends Record<string, ParamSpec>, R, P extends Record<string, ProseFn<R>>, V> {
  run: ArticleRun<S, R>;
  prose: BoundProse<P>;
  views: V;
  /** The one-paragraph abstract (prose.abstract). */
  abstract(): HTMLDivElement & Displayable;
  /** The findings table: claim, the article says, the data say, verdict. */
  findings(): HTMLTableElement & Displayable;
  /** The assumptions that differ from the defaults and the data's as-of dates. */
  header(): HTMLDivElement & Displayable;
  /** The full claims table. */
  claims(): HTMLTableElement & Displayable;
  /** The method notes (prose.methodNotes). */
  methods(): HTMLDivElement & Displayable;
}

/**
 * Assemble an article's notebook displays from its run, its parameter declaration, its prose functions
 * (which must include `abstract` and `methodNotes`) and its views (already bound to the run).
 */
export function articleNotebook<
  S extends Record<string, ParamSpec>,
  R,
  P extends Record<string, ProseFn<R>> & { abstract: ProseFn<R>; methodNotes: ProseFn<R> },
  V,
>(
  run: ArticleRun<S, R>,
  params: ArticleParams<S>,
  proseFns: P,
  views: V,
): ArticleNotebook<S, R, P, V> {
  const bound = Object.fromEntries(Object.entries(proseFns).map(([k, f]) => [k, () => prose(f(run))])) as BoundProse<P>;
  return {
    run,
    prose: bound,
    views,
    abstract: () => prose(proseFns.abstract(run)),
    findings: () => findingsTable(run.claims, `Findings: ${run.meta.title}`),
    header: () => {
      const div = document.createElement("div");
      div.setAttribute("class", "qtlab-run-header tex2jax_ignore");
      // The full table of assumptions sits in the report beside the parameters cell (the report template).
      div.innerHTML = [assumptionsBanner(run, params), dataAsOf(run)].map((e) => e.outerHTML).join("");
      return displayable(
        div,
        run.changed.length ? `Assumptions changed: ${run.changed.join(", ")}` : "Every assumption at its default.",
      );
    },
    claims: () => claimsTable(run.claims),
    methods: () => methodNotes(proseFns.methodNotes(run)),
  };
}
