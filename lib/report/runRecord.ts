/**
 * A record of every report run, and the difference between two runs.
 *
 * Each run of the report command writes `reports/runs/<timestamp>/manifest.json`: per notebook the
 * parameters used (and the params file, if any), its status, and every claim's verdict and figures as the
 * notebook computed them (read from the executed notebook's claims output); for the run the data files
 * with their sha256, qtlab's commit and the Deno, Python and Jupyter versions. `diffRuns` tells which
 * verdicts and figures changed between two runs and why: which assumptions or data files differ.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readManifest } from "../data/manifest.ts";
import { escapeHtml } from "../plot/display.ts";
import { type ClaimRecord, CLAIMS_MIME } from "../plot/claimsTable.ts";
import type { Notebook } from "./notebook.ts";
import type { NotebookStatus } from "./run.ts";

export type { ClaimRecord };

/** One notebook in a run record. */
export interface NotebookRecord {
  notebook: string;
  status: "ok" | "failed";
  seconds: number;
  parameters: Record<string, unknown>;
  overridden: string[];
  claims: ClaimRecord[];
  /** The run's marked figures (`data-q="fig:…"` in its outputs), as a reader sees them. */
  figures?: Record<string, string>;
  error?: string;
}

/** A run record (reports/runs/<id>/manifest.json). */
export interface RunRecord {
  id: string;
  startedAt: string;
  paramsFiles: string[];
  commit: string;
  versions: Record<string, string>;
  dataFiles: Record<string, string>;
  notebooks: NotebookRecord[];
}

/** The claims a notebook's claims output carried (the JSON beside the claims table), in order. */
export function claimsOfNotebook(nb: Notebook): ClaimRecord[] {
  for (const c of nb.cells) {
    for (const o of c.outputs ?? []) {
      const data = (o as { data?: Record<string, unknown> }).data;
      const json = data?.[CLAIMS_MIME];
      if (json !== undefined) return (typeof json === "string" ? JSON.parse(json) : json) as ClaimRecord[];
    }
  }
  return [];
}

/** Every marked figure in a notebook's HTML outputs (the first text of each `fig:` key). */
export function figuresOfNotebook(nb: Notebook): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of nb.cells) {
    for (const o of c.outputs ?? []) {
      const html = (o as { data?: Record<string, unknown> }).data?.["text/html"];
      const text = Array.isArray(html) ? html.join("") : typeof html === "string" ? html : "";
      for (const m of text.matchAll(/data-q="(fig:[^"]+)"[^>]*>([^<]*)</g)) out[m[1]] ??= m[2];
    }
  }
  return out;
}

/** A command's first output line, or "unknown" when it cannot run. */
function firstLine(cmd: string, args: readonly string[], cwd?: string): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", cwd, timeout: 10_000 });
  return r.status === 0 ? (r.stdout.trim().split("\n")[0] ?? "unknown") : "unknown";
}

/** qtlab's commit (with "+changes" when the work tree differs), and the versions of the tools a run used. */
export function environmentOf(
  root: string,
  deno: string,
  python: string,
): { commit: string; versions: Record<string, string> } {
  const head = firstLine("git", ["rev-parse", "--short=12", "HEAD"], root);
  const dirty = head !== "unknown" &&
    spawnSync("git", ["diff", "--quiet", "HEAD", "--", "lib", "notebooks", "data", "scripts"], { cwd: root }).status ===
      1;
  return {
    commit: head === "unknown" ? head : `${head}${dirty ? "+changes" : ""}`,
    versions: {
      deno: firstLine(deno, ["--version"]).replace(/^deno\s+/, "").split(" ")[0],
      node: process.versions.node,
      python: firstLine(python, ["--version"]).replace(/^Python\s+/, ""),
      nbclient_nbconvert: firstLine(python, [
        "-c",
        "import nbclient, nbconvert; print(nbclient.__version__, nbconvert.__version__)",
      ]),
    },
  };
}

/** Every data file's sha256 as the manifest records it (the loaders verify files against it). */
export function dataFilesOf(dataDir?: string): Record<string, string> {
  return Object.fromEntries(Object.entries(readManifest(dataDir).files).map(([f, e]) => [f, e.sha256]));
}

/** The record of a notebook's run from its status and, when it ran clean, its executed notebook. */
export function notebookRecord(s: NotebookStatus, executed?: Notebook): NotebookRecord {
  return {
    notebook: s.notebook,
    status: s.status,
    seconds: s.seconds,
    parameters: Object.fromEntries(s.parameters.map((p) => [p.name, p.value])),
    overridden: s.parameters.filter((p) => p.overridden).map((p) => p.name),
    claims: executed ? claimsOfNotebook(executed) : [],
    figures: executed ? figuresOfNotebook(executed) : {},
    ...(s.error ? { error: `${s.error.ename}: ${s.error.evalue}` } : {}),
  };
}

/** A run id from its start time: "2026-12-03T23-55-01.123Z" (sortable, safe as a folder name). */
export function runId(startedAt: Date): string {
  return startedAt.toISOString().replaceAll(":", "-");
}

/** The run records under a reports folder, oldest first (unreadable ones skipped). */
export function listRuns(outDir: string): RunRecord[] {
  const dir = join(outDir, "runs");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((id) => {
      try {
        return [JSON.parse(readFileSync(join(dir, id, "manifest.json"), "utf8")) as RunRecord];
      } catch {
        return [];
      }
    });
}

/** One change between two runs. */
export interface Change {
  notebook: string;
  what: "verdict" | "figure" | "assumption" | "data" | "status";
  name: string;
  before: string;
  after: string;
}

/** What differs between run `a` and run `b`: assumptions and data files (the why), then verdicts and figures. */
export function diffRuns(a: RunRecord, b: RunRecord): Change[] {
  const changes: Change[] = [];
  const show = (v: unknown) => (v === undefined ? "—" : JSON.stringify(v));
  for (const file of [...new Set([...Object.keys(a.dataFiles), ...Object.keys(b.dataFiles)])].sort()) {
    if (a.dataFiles[file] !== b.dataFiles[file]) {
      changes.push({
        notebook: "*",
        what: "data",
        name: file,
        before: a.dataFiles[file]?.slice(0, 12) ?? "—",
        after: b.dataFiles[file]?.slice(0, 12) ?? "—",
      });
    }
  }
  for (const nb of [...new Set([...a.notebooks, ...b.notebooks].map((n) => n.notebook))].sort()) {
    const x = a.notebooks.find((n) => n.notebook === nb);
    const y = b.notebooks.find((n) => n.notebook === nb);
    if (!x || !y) {
      changes.push({
        notebook: nb,
        what: "status",
        name: "ran",
        before: x ? x.status : "not run",
        after: y ? y.status : "not run",
      });
      continue;
    }
    if (x.status !== y.status) {
      changes.push({ notebook: nb, what: "status", name: "status", before: x.status, after: y.status });
    }
    for (const p of [...new Set([...Object.keys(x.parameters), ...Object.keys(y.parameters)])]) {
      if (show(x.parameters[p]) !== show(y.parameters[p])) {
        changes.push({
          notebook: nb,
          what: "assumption",
          name: p,
          before: show(x.parameters[p]),
          after: show(y.parameters[p]),
        });
      }
    }
    for (const id of [...new Set([...x.claims, ...y.claims].map((c) => c.id))]) {
      const cx = x.claims.find((c) => c.id === id);
      const cy = y.claims.find((c) => c.id === id);
      if (cx?.verdict !== cy?.verdict) {
        changes.push({
          notebook: nb,
          what: "verdict",
          name: id,
          before: cx?.verdict ?? "—",
          after: cy?.verdict ?? "—",
        });
      }
      if (cx?.data !== cy?.data) {
        changes.push({ notebook: nb, what: "figure", name: id, before: cx?.data ?? "—", after: cy?.data ?? "—" });
      }
    }
    const fx = x.figures ?? {};
    const fy = y.figures ?? {};
    for (const k of [...new Set([...Object.keys(fx), ...Object.keys(fy)])].sort()) {
      if (fx[k] !== fy[k]) {
        changes.push({
          notebook: nb,
          what: "figure",
          name: k.replace(/^fig:/, ""),
          before: fx[k] ?? "—",
          after: fy[k] ?? "—",
        });
      }
    }
  }
  return changes;
}

/** The diff as text lines for the terminal. */
export function diffText(a: RunRecord, b: RunRecord, changes: readonly Change[]): string {
  const head = `qtlab runs ${a.id} → ${b.id}: ${
    changes.length ? `${changes.length} change${changes.length === 1 ? "" : "s"}` : "no change"
  }`;
  const order: Change["what"][] = ["data", "assumption", "status", "verdict", "figure"];
  const lines = [...changes]
    .sort((p, q) => order.indexOf(p.what) - order.indexOf(q.what) || p.notebook.localeCompare(q.notebook))
    .map((c) =>
      `  ${c.what.padEnd(10)} ${c.notebook === "*" ? "" : `${c.notebook} `}${c.name}: ${c.before} → ${c.after}`
    );
  return [head, ...lines].join("\n");
}

/** The diff as a static HTML page (escaped, no script). */
export function diffPage(a: RunRecord, b: RunRecord, changes: readonly Change[]): string {
  const why = changes.filter((c) => c.what === "data" || c.what === "assumption");
  const what = changes.filter((c) => c.what !== "data" && c.what !== "assumption");
  const table = (rows: readonly Change[]) =>
    rows.length
      ? `<table><thead><tr><th>notebook</th><th>what</th><th>name</th><th>before</th><th>after</th></tr></thead><tbody>${
        rows
          .map((c) =>
            `<tr><td>${escapeHtml(c.notebook)}</td><td>${escapeHtml(c.what)}</td><td>${escapeHtml(c.name)}</td><td>${
              escapeHtml(c.before)
            }</td><td>${escapeHtml(c.after)}</td></tr>`
          )
          .join("")
      }</tbody></table>`
      : "<p>None.</p>";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>qtlab: ${
    escapeHtml(a.id)
  } → ${escapeHtml(b.id)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;width:100%;font-size:.92em}th,td{text-align:left;padding:.25em .6em;border-bottom:1px solid #eee;vertical-align:top;overflow-wrap:anywhere}th{border-bottom:1px solid #999}</style></head>
<body><p><a href="../../index.html">All reports</a></p><h1>What changed between two runs</h1>
<p>From run <code>${escapeHtml(a.id)}</code> (commit ${escapeHtml(a.commit)}) to run <code>${
    escapeHtml(b.id)
  }</code> (commit ${escapeHtml(b.commit)}).</p>
<h2>Why: assumptions and data that differ</h2>${table(why)}<h2>What: verdicts, figures and runs that changed</h2>${
    table(what)
  }</body></html>\n`;
}

/** True when every notebook of a run ran with its defaults. */
export function isDefaultsRun(r: RunRecord): boolean {
  return r.paramsFiles.length === 0 && r.notebooks.every((n) => n.overridden.length === 0);
}

/**
 * Find a run by what a user types: a run id (or its unique prefix), "latest", or "defaults" (the latest
 * run in which every notebook ran with its defaults). Throws naming the runs there are.
 */
export function findRun(runs: readonly RunRecord[], which: string): RunRecord {
  const found = which === "latest"
    ? runs.at(-1)
    : which === "defaults"
    ? runs.filter(isDefaultsRun).at(-1)
    : runs.find((r) => r.id === which) ??
      (runs.filter((r) => r.id.startsWith(which)).length === 1 ? runs.find((r) => r.id.startsWith(which)) : undefined);
  if (!found) {
    throw new Error(
      `no run "${which}"; runs: ${runs.map((r) => r.id).join(", ") || "none yet (run the report first)"}`,
    );
  }
  return found;
}
