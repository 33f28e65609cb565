/**
 * The claims of an article as tables: the full claims table a notebook ends with, and the short findings
 * table a report opens with. Both render each claim's numbers through lib/format.ts (via the verdict
 * module's renderers) and mark every verdict and data figure (`data-q="claim:ID:verdict"`), so the
 * report's coherence test can hold the prose against them.
 */
import { type Claim, renderData, renderFigure, type Verdict, verdictCounts } from "../claims/verdict.ts";
import { type Displayable, displayable, escapeHtml } from "./display.ts";
import { document } from "./document.ts";

/** Background of each verdict's cell, inline so a table reads the same in Jupyter and in a report. */
export const VERDICT_COLOURS: Record<Verdict, string> = {
  holds: "#e3f4e1",
  "roughly holds": "#fdf3d7",
  "does not hold": "#fbe1df",
  "not checkable": "#eeeeee",
};

function verdictCell(c: Claim): string {
  return `<td data-q="claim:${escapeHtml(c.id)}:verdict" style="text-align:left;background:${
    VERDICT_COLOURS[c.verdict]
  };font-weight:600">${escapeHtml(c.verdict)}</td>`;
}

function dataCell(c: Claim): string {
  if (!c.data) return `<td>—</td>`;
  const later = c.usesLaterData
    ? ` <span class="qtlab-later" title="data published after the article">(after the article)</span>`
    : "";
  return `<td><span data-q="claim:${escapeHtml(c.id)}:data">${escapeHtml(renderData(c.data))}</span>${later}</td>`;
}

/** "holds 3, roughly holds 2, not checkable 1": how many claims got each verdict. */
export function verdictSummary(claims: readonly Claim[]): string {
  return Object.entries(verdictCounts(claims))
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${v} ${n}`)
    .join(", ");
}

/** The MIME type of the claims JSON a claims table's output carries beside its HTML (read by the run record). */
export const CLAIMS_MIME = "application/vnd.qtlab.claims+json";

/** One claim as the run record keeps it: id, verdict and the figures as a reader sees them. */
export interface ClaimRecord {
  id: string;
  verdict: Verdict;
  article: string;
  data: string | null;
  usesLaterData: boolean;
}

/** The run record's view of claims. */
export function claimRecords(claims: readonly Claim[]): ClaimRecord[] {
  return claims.map((c) => ({
    id: c.id,
    verdict: c.verdict,
    article: renderFigure(c.article),
    data: c.data ? renderData(c.data) : null,
    usesLaterData: c.usesLaterData,
  }));
}

function table(
  caption: string,
  head: readonly string[],
  rows: readonly string[],
  extra: Readonly<Record<string, string>> = {},
): HTMLTableElement & Displayable {
  const el = document.createElement("table");
  el.setAttribute("class", "qtlab-table qtlab-claims tex2jax_ignore");
  el.innerHTML = `<caption>${escapeHtml(caption)}</caption>` +
    `<thead><tr>${head.map((h) => `<th style="text-align:left">${escapeHtml(h)}</th>`).join("")}</tr></thead>` +
    // Text reads from the left (the notebook's table style would right-align it).
    `<tbody>${rows.join("").replace(/<td(?![^>]*style=)/g, '<td style="text-align:left"')}</tbody>`;
  return displayable(el, caption, extra);
}

/**
 * The full claims table: claim, the article's figure, the data's figure with its date or window (marked
 * when it postdates the article), the verdict, why (the rule and the reason), and what happened afterwards.
 */
export function claimsTable(
  claims: readonly Claim[],
  title = "Claims checked against data",
): HTMLTableElement & Displayable {
  const rows = claims.map(
    (c) =>
      `<tr data-claim="${escapeHtml(c.id)}"><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.claim)}</td>` +
      `<td data-q="claim:${escapeHtml(c.id)}:article">${escapeHtml(renderFigure(c.article))}</td>${dataCell(c)}${
        verdictCell(c)
      }` +
      `<td>${escapeHtml(c.reason)} <span class="qtlab-rule">Rule: ${escapeHtml(c.rule)}: ${
        escapeHtml(c.ruleWhy)
      }.</span></td>` +
      `<td>${c.afterwards ? escapeHtml(`${renderData(c.afterwards.data)}: ${c.afterwards.note}`) : ""}</td></tr>`,
  );
  return table(
    `${title}: ${verdictSummary(claims)}`,
    ["Claim", "What the article says", "Article's figure", "Data's figure", "Verdict", "Why", "Afterwards"],
    rows,
    {
      [CLAIMS_MIME]: JSON.stringify(claimRecords(claims)),
    },
  );
}

/** The findings table a report opens with: claim, what the article says, what the data say, verdict. */
export function findingsTable(claims: readonly Claim[], title = "Findings"): HTMLTableElement & Displayable {
  const rows = claims.map(
    (c) =>
      `<tr data-claim="${escapeHtml(c.id)}"><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.claim)}: ${
        escapeHtml(renderFigure(c.article))
      }</td>${dataCell(c)}${verdictCell(c)}</tr>`,
  );
  return table(`${title}: ${verdictSummary(claims)}`, ["Claim", "The article says", "The data say", "Verdict"], rows);
}
