/**
 * What every report says about its own run, right after its findings: which assumptions differ from the
 * defaults (name, default → used, unit), how current each data series is (with a notice when the newest
 * observation is older than a threshold relative to the run date), the full table of assumptions, and the
 * method notes at the end. Drawn from an ArticleRun; nothing here computes a result.
 *
 * The run date and the staleness threshold come from the report command (environment variables
 * QTLAB_RUN_DATE, YYYY-MM-DD, and QTLAB_STALE_AFTER_DAYS); a notebook opened by hand uses today's date
 * and 60 days. Only this display reads a date: no result depends on it.
 */
import type { AnyRun } from "../articles/article.ts";
import { daysBetween, isIsoDate, isoDate } from "../calendar.ts";
import { fmt, plural, unmark } from "../format.ts";
import { type AnyArticleParams, cellLiteral, type ParamSpec } from "../params/schema.ts";
import { type Displayable, displayable, escapeHtml, prose } from "./display.ts";
import { document } from "./document.ts";

/** Days after which a series' newest observation is called stale, unless the report command says otherwise. */
export const DEFAULT_STALE_AFTER_DAYS = 60;

/** The environment, in Deno and in Node alike. */
function env(name: string): string | undefined {
  const g = globalThis as {
    Deno?: { env: { get(n: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  try {
    return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
  } catch {
    return undefined;
  }
}

/** The run date and the staleness threshold the report command set, or today and the default. */
export function runContext(): { runDate: string; staleAfterDays: number } {
  const d = env("QTLAB_RUN_DATE");
  const n = Number(env("QTLAB_STALE_AFTER_DAYS"));
  return {
    runDate: d && isIsoDate(d) ? d : isoDate(new Date()),
    staleAfterDays: Number.isInteger(n) && n > 0 ? n : DEFAULT_STALE_AFTER_DAYS,
  };
}

function block(className: string, html: string, alt: string): HTMLDivElement & Displayable {
  const div = document.createElement("div");
  div.setAttribute("class", `${className} tex2jax_ignore`);
  div.innerHTML = html;
  return displayable(div, alt);
}

/** A value as the cell writes it, with its unit: `25 ($bn/month)`. */
function valueText(v: unknown, spec: ParamSpec): string {
  return `${cellLiteral(v)}${spec.unit ? ` ${spec.unit}` : ""}`;
}

/** The banner of assumptions that differ from the defaults: name, default → used, unit. */
export function assumptionsBanner(
  run: AnyRun,
  params: AnyArticleParams,
): HTMLDivElement & Displayable {
  if (run.changed.length === 0) {
    return block(
      "qtlab-banner qtlab-defaults",
      `<p><strong>Assumptions:</strong> every assumption at its default (the table of assumptions is beside the parameters).</p>`,
      "Every assumption at its default.",
    );
  }
  const items = run.changed.map((n) => {
    const s = params.specs[n];
    return `<li><code>${escapeHtml(n)}</code>: ${escapeHtml(valueText(s.default, s))} → <strong>${
      escapeHtml(valueText(run.params[n], s))
    }</strong></li>`;
  });
  const alt = `Assumptions changed: ${run.changed.join(", ")}`;
  return block(
    "qtlab-banner qtlab-changed",
    `<p><strong>${escapeHtml(plural(run.changed.length, "assumption"))} ${
      run.changed.length === 1 ? "differs" : "differ"
    } from the defaults</strong> (default → used):</p><ul>${items.join("")}</ul>`,
    alt,
  );
}

/** Per series read: id, rows, first and latest observation; a notice for each one older than the threshold. */
export function dataAsOf(run: AnyRun, context = runContext()): HTMLDivElement & Displayable {
  const stale = run.series.filter((s) => daysBetween(s.asOf, context.runDate) > context.staleAfterDays);
  const rows = run.series
    .map((s) => {
      const age = daysBetween(s.asOf, context.runDate);
      return `<tr${age > context.staleAfterDays ? ' class="qtlab-stale"' : ""}><td>${
        escapeHtml(s.seriesId)
      }</td><td style="text-align:right">${escapeHtml(fmt(s.rows, "count"))}</td><td>${escapeHtml(s.first)}</td><td>${
        escapeHtml(s.asOf)
      }</td><td style="text-align:right">${escapeHtml(fmt(age, "days"))}</td></tr>`;
    })
    .join("");
  const newest = [...run.series].sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
  const which = stale.length <= 6
    ? `: ${stale.map((s) => `${s.seriesId} (${s.asOf})`).join(", ")}`
    : ` (${
      stale.length === run.series.length ? "every series read" : `${stale.length} of ${run.series.length} series`
    }; the newest observation is ${newest?.seriesId} on ${newest?.asOf}; the list is below)`;
  const notice = stale.length
    ? `<p class="qtlab-notice"><strong>Data notice:</strong> ${escapeHtml(plural(stale.length, "series", "series"))} ${
      stale.length === 1 ? "ends" : "end"
    } more than ${escapeHtml(fmt(context.staleAfterDays, "days"))} before this run (${escapeHtml(context.runDate)})${
      escapeHtml(which)
    }. Refresh with <code>npm run data:refresh</code>.</p>`
    : `<p>Every series read has an observation within ${escapeHtml(fmt(context.staleAfterDays, "days"))} of this run (${
      escapeHtml(context.runDate)
    }).</p>`;
  return block(
    "qtlab-asof",
    `${notice}<details><summary>Data as of, per series</summary><table class="qtlab-table"><thead><tr><th>series</th><th>rows</th><th>first</th><th>latest</th><th>age at run</th></tr></thead><tbody>${rows}</tbody></table></details>`,
    stale.length ? `Stale series: ${stale.map((s) => s.seriesId).join(", ")}` : "Data current.",
  );
}

/** Every assumption the run used: name, value, default, unit, allowed, meaning, source; changed ones marked. */
export function assumptionsTable(
  run: AnyRun,
  params: AnyArticleParams,
): HTMLDivElement & Displayable {
  const rows = params.names
    .map((n: string) => {
      const s = params.specs[n];
      const changed = run.changed.includes(n);
      return `<tr${changed ? ' class="qtlab-overridden"' : ""}><td><code>${escapeHtml(n)}</code></td><td>${
        escapeHtml(cellLiteral(run.params[n]))
      }</td><td>${escapeHtml(cellLiteral(s.default))}</td><td>${escapeHtml(s.unit)}</td><td>${
        escapeHtml(s.meaning)
      }</td><td>${escapeHtml(s.source)}</td></tr>`;
    })
    .join("");
  return block(
    "qtlab-assumptions",
    `<details><summary>All ${
      escapeHtml(plural(params.names.length, "assumption"))
    } of this run</summary><div class="qtlab-scroll"><table class="qtlab-table"><thead><tr><th>name</th><th>used</th><th>default</th><th>unit</th><th>meaning</th><th>source</th></tr></thead><tbody>${rows}</tbody></table></div></details>`,
    "Assumptions of this run.",
  );
}

/** The method notes that close a report: paragraphs of computed prose (marks and **bold** kept) under a heading. */
export function methodNotes(notes: string | readonly string[]): HTMLDivElement & Displayable {
  const text = typeof notes === "string" ? notes : notes.join("\n\n");
  const body = prose(text);
  return block("qtlab-method", `<h2>Method</h2>${body.innerHTML}`, `Method. ${unmark(text)}`);
}
