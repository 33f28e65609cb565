/**
 * reports/index.html: one static page listing every notebook's report, its status, run time and the
 * assumptions it ran with, overridden ones highlighted. No script, no external style: it opens from disk.
 */
import { num } from "../format.ts";
import { escapeHtml } from "../plot/display.ts";
import type { NotebookStatus } from "./run.ts";

const CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em auto; max-width: 1100px; padding: 0 1.2em; color: #222; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
p.lede { color: #555; margin-top: 0; }
section { border-top: 1px solid #ddd; padding: 1em 0; }
h2 { font-size: 1.2em; margin: 0 0 0.3em 0; }
.meta { color: #555; font-size: 0.92em; margin-bottom: 0.6em; }
.status { font-weight: 600; padding: 0.1em 0.5em; border-radius: 3px; }
.status.ok { background: #e3f4e1; color: #1d5e1a; }
.status.failed { background: #fbe1df; color: #8a1c12; }
.failed-run { border-left: 3px solid #c0392b; padding-left: 0.8em; margin-top: 0.8em; }
.failed-run h3 { font-size: 1em; margin: 0 0 0.3em 0; color: #8a1c12; }
pre.error { background: #fbe1df; padding: 0.6em; overflow-x: auto; font-size: 0.85em; white-space: pre-wrap; }
table { border-collapse: collapse; font-size: 0.92em; font-variant-numeric: tabular-nums; width: 100%; }
th, td { text-align: left; padding: 0.25em 0.7em; vertical-align: top; border-bottom: 1px solid #eee; }
th { border-bottom: 1px solid #999; }
tr.overridden td { background: #fff4c2; }
td.value { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; max-width: 16em; overflow-wrap: anywhere; }
td.name { overflow-wrap: break-word; max-width: 20em; }
details { margin-top: 0.4em; }
summary { cursor: pointer; color: #333; }
.tag { font-size: 0.8em; background: #f0c000; color: #000; padding: 0 0.4em; border-radius: 3px; margin-left: 0.4em; white-space: nowrap; display: inline-block; }
`;

/** A parameter value as the page shows it (JSON, long values shortened). */
function shown(value: unknown): string {
  const s = JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/**
 * The index page for the given statuses (sorted by notebook). `hasReport(name)` tells whether a good
 * report file exists (after a failure, the previous good report is still linked).
 */
/** Links to the latest run's record and to its difference from the latest run with every default. */
export interface RunLinks {
  latestId: string;
  latestManifest: string;
  diffVsDefaults?: { href: string; defaultsId: string; changes: number };
}

/** What the index knows of a notebook: its last good run and, when a later run failed, that failure. */
export interface IndexEntry {
  notebook: string;
  good?: NotebookStatus;
  failed?: NotebookStatus;
}

/** A run's assumptions: the overridden ones shown, every one folded away. */
function assumptionsBlock(s: NotebookStatus): string {
  const row = (p: NotebookStatus["parameters"][number]) =>
    `<tr${p.overridden ? ' class="overridden"' : ""}><td class="name">${escapeHtml(p.name)}${
      p.overridden ? '<span class="tag">overridden</span>' : ""
    }</td>` +
    `<td class="value">${escapeHtml(shown(p.value))}</td><td class="value">${escapeHtml(shown(p.default))}</td><td>${
      escapeHtml(p.comment)
    }</td></tr>`;
  const table = (params: NotebookStatus["parameters"]) =>
    `<table><thead><tr><th>Assumption</th><th>Used</th><th>Default</th><th>Source</th></tr></thead><tbody>${
      params.map(row).join("")
    }</tbody></table>`;
  const changed = s.parameters.filter((p) => p.overridden);
  return s.parameters.length
    ? (changed.length ? table(changed) : "") +
      `<details><summary>All ${s.parameters.length} assumption${
        s.parameters.length > 1 ? "s" : ""
      } of this run</summary>${table(s.parameters)}</details>`
    : '<p class="meta">No parameters.</p>';
}

function runMeta(s: NotebookStatus): string {
  const overridden = s.parameters.filter((p) => p.overridden).length;
  return `<code>${escapeHtml(s.notebook)}.ipynb</code> · <span class="status ${s.status}">${s.status}</span> · ran in ${
    num(s.seconds, 1)
  } s · ${escapeHtml(s.ranAt.replace("T", " ").slice(0, 19))} UTC · ${
    overridden ? `${overridden} assumption${overridden > 1 ? "s" : ""} overridden` : "default assumptions"
  }`;
}

/**
 * The index page (sorted by notebook). Each notebook shows its last good report with the assumptions
 * that report was built with; a later failed run is listed apart, with its time, its assumptions and its
 * error, never mixed into the good one. `hasReport(name)` tells whether the good report's file exists.
 */
export function indexPage(
  entries: readonly IndexEntry[],
  hasReport: (name: string) => boolean,
  runs?: RunLinks,
): string {
  const sorted = [...entries].sort((a, b) => a.notebook.localeCompare(b.notebook));
  const failed = sorted.filter((e) => e.failed).length;
  const sections = sorted.map((e) => {
    const title = (e.good ?? e.failed)!.title;
    const link = e.good && hasReport(e.notebook)
      ? `<a href="${escapeHtml(e.notebook)}.html">${escapeHtml(title)}</a>`
      : escapeHtml(title);
    const good = e.good
      ? `<div class="meta">${runMeta(e.good)}</div>\n${assumptionsBlock(e.good)}`
      : `<p class="meta">No good report yet.</p>`;
    const f = e.failed;
    const failure = f
      ? `<div class="failed-run"><h3>Latest attempt failed</h3><div class="meta">${runMeta(f)}</div>` +
        (f.error
          ? `<pre class="error">${
            escapeHtml(`${f.error.cell != null ? `cell ${f.error.cell}: ` : ""}${f.error.ename}: ${f.error.evalue}`)
          }</pre>`
          : "") +
        `<div class="meta">${
          f.failedNotebook
            ? `Executed notebook kept for inspection: <a href="${escapeHtml(f.failedNotebook)}">${
              escapeHtml(f.failedNotebook)
            }</a>. `
            : ""
        }${
          e.good && hasReport(e.notebook)
            ? "The report linked above is the last good one, built with the assumptions listed above."
            : "No earlier good report exists."
        }</div>` +
        `${assumptionsBlock(f)}</div>`
      : "";
    return `<section id="${escapeHtml(e.notebook)}">
<h2>${link}</h2>
${good}
${failure}
</section>`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>qtlab reports</title>
<style>${CSS}</style>
</head>
<body>
<h1>qtlab reports</h1>
<p class="lede">The Federal Reserve's balance sheet, argument by argument, on published data. ${sorted.length} notebook${
    sorted.length === 1 ? "" : "s"
  }${
    failed ? `, <strong>${failed} with a failed latest attempt</strong>` : ", all ran"
  }. Highlighted assumptions differ from the notebook's defaults.</p>
${
    runs
      ? `<p class="runs">Latest run: <a href="${escapeHtml(runs.latestManifest)}">${
        escapeHtml(runs.latestId)
      }</a> (its record: assumptions, data files, versions, every verdict)${
        runs.diffVsDefaults
          ? ` · <a href="${escapeHtml(runs.diffVsDefaults.href)}">what changed against the defaults run ${
            escapeHtml(runs.diffVsDefaults.defaultsId)
          }</a> (${runs.diffVsDefaults.changes} change${runs.diffVsDefaults.changes === 1 ? "" : "s"})`
          : ""
      }</p>`
      : ""
  }
${sections.join("\n")}
</body>
</html>
`;
}
