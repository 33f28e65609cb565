/**
 * The report runner: execute notebooks through Jupyter on the qtlab kernel with injected parameters,
 * export each to a static HTML report, and keep the last good report whatever happens.
 *
 * Files under the output folder (default reports/):
 *   <name>.html, <name>.ipynb   the last good report and its executed notebook (replaced by rename)
 *   failed/<name>.ipynb         the executed notebook of a failed run, kept for inspection
 *   index.html                  every notebook's title, status, run time and assumptions
 *   status.json                 the record index.html is built from (kept across runs)
 *   .work-<pid>/                a run's scratch copies, removed at its end
 */
import { num } from "../format.ts";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cellSource, cellTags, type Notebook, readNotebook, writeNotebook } from "./notebook.ts";
import { writeFileAtomic } from "../atomic.ts";
import { type IndexEntry, indexPage, type RunLinks } from "./indexPage.ts";
import { type NbrunEvent, type NbrunRunner, type NbrunTimings, NbrunWorker, runNbrunOnce } from "./nbrun.ts";
import { injectParameters, notebookParameters, type Parameter, validateOverrides } from "./parameters.ts";
import { embedLiveViews } from "../live/export.ts";
import { articleParamsFor } from "./articleParams.ts";
import { allowedShort, type AnyArticleParams, cellLiteral } from "../params/schema.ts";
import {
  dataFilesOf,
  diffPage,
  diffRuns,
  environmentOf,
  isDefaultsRun,
  listRuns,
  notebookRecord,
  runId,
  type RunRecord,
} from "./runRecord.ts";

export const PROJECT_ROOT: string = resolve(fileURLToPath(new URL("../../", import.meta.url)));

/** How code shows in a report. */
export type InputMode =
  | "assumptions" // default: code hidden except the parameters and injected-parameters cells
  | "all" //         every cell's code shown
  | "none"; //       no code at all (--no-input)

/** The executor's timings from its "done" event, if it got that far. */
function doneTimings(events: readonly NbrunEvent[]): NbrunTimings | undefined {
  return events.find((e) => e.event === "done")?.timings;
}

/** What one notebook's run used and gave. */
export interface NotebookStatus {
  notebook: string;
  title: string;
  status: "ok" | "failed";
  seconds: number;
  /** ISO timestamp of the run (the runner's clock; notebooks read none). */
  ranAt: string;
  parameters: { name: string; type: string; default: unknown; value: unknown; overridden: boolean; comment: string }[];
  /** On failure: the cell index (0-based, in the executed notebook), error name and message. */
  error?: { cell: number | null; ename: string; evalue: string; traceback: string };
  /** Path of the executed notebook kept after a failure, relative to the output folder. */
  failedNotebook?: string;
  /** Where the executor's time went, in seconds: the kernel's start, the cells, its shutdown, the export. */
  timings?: NbrunTimings;
}

/** Overrides: for every notebook ("*") and per notebook name. */
export interface Overrides {
  all: Record<string, unknown>;
  byNotebook: Record<string, Record<string, unknown>>;
}

export interface RunOptions {
  notebooksDir?: string;
  outDir?: string;
  inputMode?: InputMode;
  jobs?: number;
  timeoutSeconds?: number;
  /** Progress lines (default: console.log). */
  log?: (line: string) => void;
  /** The params files the overrides came from (recorded in the run's manifest). */
  paramsFiles?: readonly string[];
  /** Aborted (SIGINT, SIGTERM): no further notebook starts, running ones stop, their reports stay as they were. */
  signal?: AbortSignal;
}

/** A notebook's title: the text of its first markdown "# " heading, else its file name. */
export function notebookTitle(nb: Notebook, fallback: string): string {
  for (const c of nb.cells) {
    if (c.cell_type !== "markdown") continue;
    const m = /^#\s+(.+)$/m.exec(cellSource(c));
    if (m) return m[1].trim();
  }
  return fallback;
}

/** The notebooks in a folder by name (without .ipynb), sorted. */
export function listNotebooks(notebooksDir: string): string[] {
  return readdirSync(notebooksDir)
    .filter((f) => f.endsWith(".ipynb"))
    .map((f) => f.replace(/\.ipynb$/, ""))
    .sort();
}

/**
 * Resolve user-given notebook names ("05-rmp-scenarios", "05", "notebooks/05-rmp-scenarios.ipynb") to
 * notebook names. Throws with the list of notebooks on an unknown or ambiguous name.
 */
export function resolveNotebookNames(requested: readonly string[], available: readonly string[]): string[] {
  if (requested.length === 0) return [...available];
  return requested.map((r) => {
    const name = basename(r).replace(/\.ipynb$/, "");
    if (available.includes(name)) return name;
    const prefixed = available.filter((a) => a.startsWith(name));
    if (prefixed.length === 1) return prefixed[0];
    throw new Error(
      `${prefixed.length > 1 ? "ambiguous" : "unknown"} notebook "${r}"; notebooks: ${available.join(", ")}`,
    );
  });
}

/**
 * Check every override against the notebooks it applies to, before anything runs. A global override
 * ("-p name=value") applies to each selected notebook that declares the name and must be declared by at
 * least one; a scoped one ("-p notebook:name=value") must be declared by that notebook. Returns the
 * overrides per notebook, or throws an Error listing every problem.
 */
export function planOverrides(
  notebooks: readonly { name: string; params: readonly Parameter[] }[],
  overrides: Overrides,
): Record<string, Record<string, unknown>> {
  const errors: string[] = [];
  const plan: Record<string, Record<string, unknown>> = Object.fromEntries(notebooks.map((n) => [n.name, {}]));
  for (const [name, value] of Object.entries(overrides.all)) {
    const takers = notebooks.filter((n) => n.params.some((p) => p.name === name));
    if (takers.length === 0) {
      // Report it against the notebooks' combined names, with the nearest suggested.
      const all = notebooks.flatMap((n) => n.params);
      errors.push(
        ...validateOverrides(
          all,
          { [name]: value },
          notebooks.length === 1 ? notebooks[0].name : "the selected notebooks",
        ),
      );
    }
    for (const n of takers) {
      errors.push(...validateOverrides(n.params, { [name]: value }, n.name));
      plan[n.name][name] = value;
    }
  }
  for (const [nbName, values] of Object.entries(overrides.byNotebook)) {
    const nb = notebooks.find((n) => n.name === nbName);
    if (!nb) {
      errors.push(
        `parameters given for notebook "${nbName}", which is not selected (selected: ${
          notebooks.map((n) => n.name).join(", ")
        })`,
      );
      continue;
    }
    errors.push(...validateOverrides(nb.params, values, nb.name));
    Object.assign(plan[nbName], values);
  }
  if (errors.length) throw new Error(errors.join("\n"));
  return plan;
}

/** The tag that hides a code cell's input (code and prompt) in the exported report. */
export const HIDE_INPUT_TAG = "qtlab-hide-input";

/**
 * Tag code cells whose input the report hides, according to the mode; the report template leaves out
 * the input of every cell carrying {@link HIDE_INPUT_TAG}. Outputs are always shown.
 */
export function applyInputMode(nb: Notebook, mode: InputMode): Notebook {
  for (const c of nb.cells) {
    if (c.cell_type !== "code") continue;
    const tags = cellTags(c).filter((t) => t !== HIDE_INPUT_TAG);
    const assumptions = tags.includes("parameters") || tags.includes("injected-parameters");
    const hide = mode === "none" || (mode === "assumptions" && !assumptions);
    c.metadata.tags = hide ? [...tags, HIDE_INPUT_TAG] : tags;
    if (c.metadata.tags.length === 0) delete c.metadata.tags;
  }
  return nb;
}

/** This process's scratch folder under the output folder (one per run, so two runs never share it). */
export function workDir(outDir: string): string {
  return join(outDir, `.work-${process.pid}`);
}

/** One row of a report's table of assumptions (shown by the report template after the parameters cell). */
export interface AssumptionRow {
  name: string;
  used: string;
  default: string;
  unit: string;
  allowed: string;
  meaning: string;
  source: string;
  changed: boolean;
}

/** The table of assumptions a run used, from the article's declaration and the overrides. */
export function assumptionRows(
  declaration: AnyArticleParams,
  overrides: Readonly<Record<string, unknown>>,
): AssumptionRow[] {
  return declaration.names.map((n: string) => {
    const s = declaration.specs[n];
    const used = Object.hasOwn(overrides, n) ? overrides[n] : s.default;
    return {
      name: n,
      used: cellLiteral(used),
      default: cellLiteral(s.default),
      unit: s.unit,
      allowed: allowedShort(s),
      meaning: s.meaning,
      source: s.source,
      changed: JSON.stringify(used) !== JSON.stringify(s.default),
    };
  });
}

/** The links a report carries to its neighbours (href relative to the reports folder, and title). */
export interface ReportNav {
  prev?: { href: string; title: string };
  next?: { href: string; title: string };
}

/** Each notebook's neighbours among all notebooks in the folder (not only those run now), by name order. */
export function reportNav(notebooksDir: string, name: string): ReportNav {
  const all = listNotebooks(notebooksDir);
  const i = all.indexOf(name);
  const link = (
    n: string | undefined,
  ) => (n ? { href: `${n}.html`, title: notebookTitle(readNotebook(join(notebooksDir, `${n}.ipynb`)), n) } : undefined);
  return { prev: link(i > 0 ? all[i - 1] : undefined), next: link(i >= 0 ? all[i + 1] : undefined) };
}

/** Execute and export one notebook; never replaces a good report unless this run succeeded. */
export async function runOne(
  name: string,
  overrides: Record<string, unknown>,
  options: Required<Pick<RunOptions, "notebooksDir" | "outDir" | "inputMode" | "timeoutSeconds">> & {
    nav?: ReportNav;
    signal?: AbortSignal;
  },
  runner: NbrunRunner = runNbrunOnce,
): Promise<NotebookStatus> {
  const { notebooksDir, outDir, inputMode, timeoutSeconds } = options;
  const source = readNotebook(join(notebooksDir, `${name}.ipynb`));
  const params = notebookParameters(source, name);
  const work = workDir(outDir);
  mkdirSync(work, { recursive: true });
  const input = join(work, `${name}.input.ipynb`);
  const executed = join(work, `${name}.ipynb`);
  const html = join(work, `${name}.html`);
  for (const f of [executed, html]) rmSync(f, { force: true });
  const title = notebookTitle(source, name);
  const prepared = applyInputMode(injectParameters(source, overrides), inputMode);
  const declaration = await articleParamsFor(join(PROJECT_ROOT, "lib"), name);
  // What the report template shows beside the assumptions' code: the neighbours, and the table of assumptions.
  prepared.metadata = {
    ...prepared.metadata,
    qtlab: {
      ...((prepared.metadata?.qtlab as object) ?? {}),
      ...(options.nav ? { nav: options.nav } : {}),
      ...(declaration ? { assumptions: assumptionRows(declaration, overrides) } : {}),
    },
  };
  writeNotebook(input, prepared);
  const started = Date.now();
  const run = await runner([
    "--in",
    input,
    "--out-ipynb",
    executed,
    "--out-html",
    html,
    "--cwd",
    notebooksDir,
    "--timeout",
    String(timeoutSeconds),
    "--title",
    title,
    ...(inputMode === "none" ? ["--no-input"] : []),
  ]);
  // Live views: reset targets from the parameters cell and the page script, in the work copy.
  const liveError = run.code === 0 && existsSync(html)
    ? await embedLiveViews(html, Object.fromEntries(params.map((p) => [p.name, p.default])), declaration).then(
      () => undefined,
      (e: Error) => e,
    )
    : undefined;
  const seconds = (Date.now() - started) / 1000;
  const status: NotebookStatus = {
    notebook: name,
    title,
    status: run.code === 0 && existsSync(html) && !liveError ? "ok" : "failed",
    seconds,
    ranAt: new Date(started).toISOString(),
    ...(doneTimings(run.events) ? { timings: doneTimings(run.events) } : {}),
    parameters: params.map((p) => ({
      name: p.name,
      type: p.type,
      default: p.default,
      value: p.name in overrides ? overrides[p.name] : p.default,
      overridden: p.name in overrides,
      comment: p.comment,
    })),
  };
  if (status.status === "ok") {
    // Both files are complete before either replaces the previous report.
    renameSync(executed, join(outDir, `${name}.ipynb`));
    renameSync(html, join(outDir, `${name}.html`));
    rmSync(join(outDir, "failed", `${name}.ipynb`), { force: true });
  } else {
    const err = run.events.find((e) => e.event === "error");
    status.error = liveError
      ? { cell: null, ename: "LiveViewError", evalue: liveError.message, traceback: liveError.stack ?? "" }
      : {
        cell: err?.index ?? null,
        ename: err?.ename ?? (run.code === 127 ? "SetupError" : "RunnerError"),
        evalue: err?.evalue ?? (run.stderr.trim().split("\n").slice(-3).join(" ") || `nbrun exited ${run.code}`),
        traceback: err?.traceback ?? run.stderr,
      };
    if (options.signal?.aborted) rmSync(executed, { force: true }); // interrupted: nothing to inspect, nothing replaced
    if (existsSync(executed)) {
      mkdirSync(join(outDir, "failed"), { recursive: true });
      renameSync(executed, join(outDir, "failed", `${name}.ipynb`));
      status.failedNotebook = `failed/${name}.ipynb`;
    }
    rmSync(html, { force: true });
  }
  rmSync(input, { force: true });
  return status;
}

/** Run `count` tasks with at most `jobs` at a time, in order of start. */
export async function pool<T>(
  count: number,
  jobs: number,
  task: (i: number, slot: number) => Promise<T>,
  signal?: AbortSignal,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async (_: unknown, slot: number) => {
    while (next < count && !signal?.aborted) {
      const i = next++;
      results[i] = await task(i, slot);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, count)) }, worker));
  return results;
}

/** The status record of earlier runs, per notebook its last good and last failed run (empty if none or unreadable). */
export function readStatus(outDir: string): Record<string, IndexEntry> {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(join(outDir, "status.json"), "utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
  const out: Record<string, IndexEntry> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (!v || typeof v !== "object") continue;
    // An older record kept one status per notebook.
    if ("status" in v) {
      out[name] = (v as NotebookStatus).status === "ok"
        ? { notebook: name, good: v as NotebookStatus }
        : { notebook: name, failed: v as NotebookStatus };
    } else out[name] = { notebook: name, ...(v as Omit<IndexEntry, "notebook">) };
  }
  return out;
}

/** The record after a run: a clean run replaces the good one and clears a failure; a failed run is kept apart. */
export function recordRun(record: Record<string, IndexEntry>, s: NotebookStatus): void {
  const prev = record[s.notebook] ?? { notebook: s.notebook };
  record[s.notebook] = s.status === "ok"
    ? { notebook: s.notebook, good: s }
    : { ...prev, notebook: s.notebook, failed: s };
}

/**
 * Run the selected notebooks in parallel (up to `jobs`, default the number of cores), printing one
 * progress line per notebook as it starts and ends. Returns each notebook's status; the caller decides
 * the exit code. Reports of notebooks that fail keep their previous good version.
 */
export async function runReports(
  names: readonly string[],
  plan: Record<string, Record<string, unknown>>,
  options: RunOptions = {},
): Promise<NotebookStatus[]> {
  const notebooksDir = options.notebooksDir ?? join(PROJECT_ROOT, "notebooks");
  const outDir = options.outDir ?? join(PROJECT_ROOT, "reports");
  const log = options.log ?? ((l: string) => console.log(l));
  const jobs = options.jobs ?? availableParallelism();
  const startedAt = new Date();
  const width = Math.max(...names.map((n) => n.length));
  const label = (n: string) => n.padEnd(width);
  mkdirSync(outDir, { recursive: true });
  // The reports' as-of notices measure data age against the run's date (the kernels inherit it).
  process.env.QTLAB_RUN_DATE ??= new Date().toISOString().slice(0, 10);
  // One executor process per parallel job, reused from notebook to notebook.
  const workers = Array.from({ length: Math.max(1, Math.min(jobs, names.length)) }, () => new NbrunWorker());
  const onAbort = () => workers.forEach((w) => w.kill());
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const record = readStatus(outDir);
  const writeIndex = (links?: RunLinks) => {
    writeFileAtomic(join(outDir, "status.json"), JSON.stringify(record, null, 2) + "\n");
    writeFileAtomic(
      join(outDir, "index.html"),
      indexPage(Object.values(record), (n) => existsSync(join(outDir, `${n}.html`)), links),
    );
  };
  const started = await pool(names.length, jobs, async (i, slot) => {
    const name = names[i];
    const overridden = Object.keys(plan[name] ?? {});
    log(`${label(name)}  started${overridden.length ? ` (overriding ${overridden.join(", ")})` : ""}`);
    const s = await runOne(name, plan[name] ?? {}, {
      notebooksDir,
      outDir,
      inputMode: options.inputMode ?? "assumptions",
      timeoutSeconds: options.timeoutSeconds ?? 600,
      nav: reportNav(notebooksDir, name),
      signal: options.signal,
    }, (argv) => workers[slot].run(argv));
    // The status and the index follow each finished notebook at once, so that they describe the reports
    // on disk even if this process is killed before the run ends.
    if (!(options.signal?.aborted && s.status === "failed")) {
      recordRun(record, s);
      writeIndex();
    }
    if (s.status === "ok") log(`${label(name)}  done in ${num(s.seconds, 1)} s`);
    else {log(
        `${label(name)}  failed${s.error?.cell != null ? ` at cell ${s.error.cell}` : ""} after ${
          num(s.seconds, 1)
        } s: ${s.error?.ename}: ${s.error?.evalue}`,
      );}
    return s;
  }, options.signal).finally(() => {
    options.signal?.removeEventListener("abort", onAbort);
    workers.forEach((w) => w.close());
  });
  // An interrupted run records only the notebooks that finished before the signal: the others keep their
  // earlier report, status and index entry (their executed copies are discarded, not kept as failures).
  const statuses = started.filter((s): s is NotebookStatus =>
    s !== undefined && !(options.signal?.aborted && s.status === "failed")
  );
  // An interrupted run that finished no notebook changes nothing under the reports folder.
  // A failed run keeps the previous good report: the index shows the failure apart and links the old report.
  try {
    if (statuses.length > 0 || !options.signal?.aborted) {
      writeIndex(runLinks(outDir, writeRunRecord(outDir, startedAt, statuses, options.paramsFiles ?? [])));
    }
  } finally {
    // The scratch folder goes whatever happened (a full disk, say): nothing half-written stays behind.
    rmSync(workDir(outDir), { recursive: true, force: true });
  }
  return statuses;
}

/**
 * Write the run's record, reports/runs/<id>/manifest.json: per notebook its parameters, status and claims
 * (from the executed notebook of a clean run), and the data files, commit and tool versions of the run.
 */
export function writeRunRecord(
  outDir: string,
  startedAt: Date,
  statuses: readonly NotebookStatus[],
  paramsFiles: readonly string[],
): RunRecord {
  const env = environmentOf(PROJECT_ROOT, join(PROJECT_ROOT, "node_modules", "deno", "deno"), "/usr/bin/python3");
  const record: RunRecord = {
    id: runId(startedAt),
    startedAt: startedAt.toISOString(),
    paramsFiles: [...paramsFiles],
    ...env,
    dataFiles: dataFilesOf(),
    notebooks: statuses.map((s) =>
      notebookRecord(
        s,
        s.status === "ok" && existsSync(join(outDir, `${s.notebook}.ipynb`))
          ? readNotebook(join(outDir, `${s.notebook}.ipynb`))
          : undefined,
      )
    ),
  };
  const dir = join(outDir, "runs", record.id);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(join(dir, "manifest.json"), JSON.stringify(record, null, 2) + "\n");
  return record;
}

/**
 * The index's links for a run: its record and, when an earlier run used every default, the page of what
 * changed since that run (written now, beside the record).
 */
export function runLinks(outDir: string, run: RunRecord): RunLinks {
  const links: RunLinks = { latestId: run.id, latestManifest: `runs/${run.id}/manifest.json` };
  const defaults = listRuns(outDir).filter((r) => isDefaultsRun(r) && r.id !== run.id).at(-1);
  if (defaults && !isDefaultsRun(run)) {
    const changes = diffRuns(defaults, run);
    const href = `runs/${run.id}/diff-${defaults.id}.html`;
    writeFileAtomic(join(outDir, href), diffPage(defaults, run, changes));
    links.diffVsDefaults = { href, defaultsId: defaults.id, changes: changes.length };
  }
  return links;
}
