/**
 * qtlab bench: how fast and how lean qtlab reruns and exports, against the floor of its own pipeline, the
 * plain `jupyter nbconvert --execute` a Deno-notebook user runs, and the pandas + matplotlib notebook a user
 * would write instead. Run with `npm run bench` (setup and the Python packages first); `--help` for options.
 * Not a test: it prints figures beside their targets with ratios and never fails on them. Every run writes
 * its figures to bench/results/<UTC timestamp>.json; `--compare A.json B.json` prints two runs side by side.
 *
 * Measured (bench/README.md describes each figure, its target and how it is measured):
 *   1. floor     an empty notebook (one trivial cell) on the qtlab kernel through scripts/nbrun.py, with
 *                the arguments the report command passes (lib/report/run.ts runOne)
 *   2. notebooks each notebook executed and exported the same way; the full report build (runReports of
 *                every notebook, the report's parallelism, into a temp folder): ≤ 0.8 × floor × notebooks ÷
 *                jobs, and faster than the plain path (every notebook through `jupyter nbconvert --to html
 *                --execute` on the qtlab kernel, one after another, the same round)
 *   3. python    bench/python/<notebook>.ipynb (pandas + matplotlib) through the same nbrun.py on the
 *                python3 kernel: python ÷ qtlab ≥ 3
 *   M. memory    peak resident memory of each notebook's kernel (≤ 250 MB), of the executor, and of the
 *                whole build's process tree (≤ 1.5 GB), polled from /proc every 50 ms
 *   4. in-process (scripts/bench-inproc.ts, one fresh process per measurement, Deno and Node):
 *                loadCatalog() cold, warm and without the cache ≤ 3 × read+sha256 of the same files; the
 *                notebook 05 parameters-cell rerun ≤ 10 ms; the 10,000 × 36 sweep ≤ 3 × its bare pass
 *   5. the import of each notebook's article module, the first import a new kernel pays, in a fresh
 *                Deno process (scripts/bench-import.ts) ≤ 0.08 s; beside it the notebook's first
 *                importing cell (nbclient's timestamps: the import and the article's computation); the
 *                slowest notebook's cells
 *   S. scaling   the sweep as paths and months grow and the curve fit as weeks grow, with fitted exponents
 * Pipeline runs are interleaved (one round = floor, every notebook, the Python notebook, a full build, the
 * plain path) so that a change in machine load hits every figure alike.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { LIVE_TARGETS, type LiveLatencyRow, liveTable, measureLiveViews } from "./bench-live.ts";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { cellSource, newNotebook, type Notebook, readNotebook, writeNotebook } from "../lib/report/notebook.ts";
import { injectParameters } from "../lib/report/parameters.ts";
import { type NbrunTimings, runNbrunOnce } from "../lib/report/nbrun.ts";
import { isExecutor, isKernel, isPythonKernel, maxPeakMb, TreeMemory } from "./bench-memory.ts";
import {
  type BenchRecord,
  compareRecords,
  type Figure,
  growthExponent,
  readResults,
  type ScalingPoint,
  writeResults,
} from "./bench-results.ts";
import { applyInputMode, listNotebooks, notebookTitle, PROJECT_ROOT, runReports } from "../lib/report/run.ts";

const HELP = `qtlab bench: qtlab against its pipeline's floor, the plain nbconvert path and a pandas notebook

usage: npm run bench -- [options]
       npm run bench -- --compare A.json B.json

  --runs N          pipeline runs per figure (floor, notebooks, Python, full build, plain path); default 5
  --inproc-runs N   in-process calls per measurement (the first, cold call is shown apart); default 30
  -j, --jobs N      the full build's parallelism; default ${availableParallelism()} (the report's default: cores)
  --python NAME     the bench/python notebook to compare (default: the one present, e.g.
                    02-balance-sheet-and-stocks)
  --only PART       pipelines | inproc | scaling (default: all three)
  --no-deno         in-process and scaling measurements in Node only
  --no-plain        skip the plain nbconvert path
  --keep DIR        keep the executed notebooks and reports in DIR
  --compare A B     print two recorded runs (bench/results/*.json) side by side with ratios, run nothing
  -h, --help        this text

Targets: full build ≤ 0.8 × (floor × notebooks ÷ jobs) and faster than plain nbconvert; Python ≥ 3 × the
qtlab notebook's time; each notebook's import ≤ 0.08 s; kernel ≤ 250 MB; whole build ≤ 1.5 GB; loadCatalog ≤ 3 ×
read+sha256 of the files, cold and warm; notebook 05 parameters rerun ≤ 10 ms; sweep ≤ 3 × its bare pass.
In-process figures are the median of the warm calls (after the first). Every run is recorded in
bench/results/<UTC timestamp>.json.`;

/** The targets, in one place (units in the names). */
const TARGETS = {
  fullOverFloorRatio: 0.8,
  fullOverPlainRatio: 1,
  pythonOverQtlabRatio: 3,
  importSeconds: 0.08,
  kernelPeakMb: 250,
  buildPeakMb: 1536,
  catalogOverReadShaRatio: 3,
  rmpRerunMs: 10,
  sweepOverBareRatio: 3,
};

interface Options {
  runs: number;
  inprocRuns: number;
  jobs: number;
  python?: string;
  only?: "pipelines" | "inproc" | "scaling";
  deno: boolean;
  plain: boolean;
  keep?: string;
  compare?: [string, string];
}

function parseArgs(argv: string[]): Options | "help" {
  const o: Options = { runs: 5, inprocRuns: 30, jobs: availableParallelism(), deno: true, plain: true };
  const int = (v: string | undefined, flag: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number ≥ 1, got "${v ?? ""}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") return "help";
    else if (a === "--runs") o.runs = int(argv[++i], a);
    else if (a === "--inproc-runs") o.inprocRuns = int(argv[++i], a);
    else if (a === "-j" || a === "--jobs") o.jobs = int(argv[++i], a);
    else if (a === "--python") o.python = argv[++i];
    else if (a === "--only") {
      const v = argv[++i];
      if (v !== "pipelines" && v !== "inproc" && v !== "scaling") {
        throw new Error(`--only takes pipelines, inproc or scaling, got "${v ?? ""}"`);
      }
      o.only = v;
    } else if (a === "--no-deno") o.deno = false;
    else if (a === "--no-plain") o.plain = false;
    else if (a === "--keep") o.keep = argv[++i];
    else if (a === "--compare") {
      const [x, y] = [argv[++i], argv[++i]];
      if (!x || !y || x.startsWith("-") || y.startsWith("-")) {
        throw new Error("--compare needs two files: A.json B.json");
      }
      o.compare = [x, y];
    } else throw new Error(`unknown option "${a}" (see --help)`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const msText = (ms: number) => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const ratioText = (
  r: number,
  digits = 2,
) => (Number.isFinite(r) ? `${r >= 10 ? r.toFixed(0) : r.toFixed(digits)}×` : "–");

interface Child {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(cmd: string, args: string[], env: Record<string, string> = {}, cwd = PROJECT_ROOT): Promise<Child> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (e) => done({ code: 127, stdout, stderr: `${stderr}${e.message}`, ms: performance.now() - t0 }));
    child.on("close", (code) => done({ code: code ?? 1, stdout, stderr, ms: performance.now() - t0 }));
  });
}

// ---------------------------------------------------------------------------------------------------
// Pipelines: nbrun.py exactly as the report calls it

interface PipelineRun {
  ok: boolean;
  ms: number;
  timings?: NbrunTimings;
  executed: string;
  /** Seconds inside cells (sum of execute_input → execute_reply) and between them (reply → next busy). */
  inCells?: number;
  betweenCells?: number;
  /** Seconds of the first code cell that imports from lib/ (nbclient's timestamps), and the module. */
  importCell?: { seconds: number; module: string };
  /** The code cell after it (in the notebooks, the first that imports and computes: it pays the module load). */
  /** Peak resident memory (MB) of the notebook's kernel and of the executor, polled from /proc. */
  kernelPeakMb?: number;
  executorPeakMb?: number;
  error?: string;
}

/** A job for nbrun.py: a notebook prepared as runOne prepares it (no overrides, default input mode). */
interface Job {
  key: string;
  label: string;
  source: string;
  kernel: string;
  cwd: string;
  title: string;
}

function prepare(job: Job, work: string): string {
  const input = join(work, `${job.key}.input.ipynb`);
  if (!existsSync(input)) {
    writeNotebook(input, applyInputMode(injectParameters(readNotebook(job.source), {}), "assumptions"));
  }
  return input;
}

async function runJob(job: Job, work: string, round: number): Promise<PipelineRun> {
  const input = prepare(job, work);
  const executed = join(work, `${job.key}.run${round}.ipynb`);
  const html = join(work, `${job.key}.run${round}.html`);
  // The arguments of lib/report/run.ts runOne, plus --kernel for the Python notebook.
  const watch = new TreeMemory().start();
  const t0 = performance.now();
  const child = await runNbrunOnce([
    "--in",
    input,
    "--out-ipynb",
    executed,
    "--out-html",
    html,
    "--cwd",
    job.cwd,
    "--timeout",
    "600",
    "--title",
    job.title,
    "--kernel",
    job.kernel,
  ]);
  const ms = performance.now() - t0;
  const peak = watch.stop();
  const events = child.events;
  const done = events.find((e) => e.event === "done");
  const err = events.find((e) => e.event === "error");
  const ok = child.code === 0 && existsSync(html);
  const cells = ok ? cellTimes(executed) : [];
  return {
    ok,
    ms,
    timings: done?.timings,
    executed,
    inCells: cells.reduce((t, c) => t + c.seconds, 0),
    betweenCells: cells.slice(1).reduce((t, c, i) => t + (c.busyMs - cells[i].replyMs) / 1000, 0),
    importCell: ((c) => c && { seconds: c.seconds, module: c.imports! })(cells.find((c) => c.imports)),
    kernelPeakMb: maxPeakMb(peak, job.kernel === "qtlab" ? isKernel : isPythonKernel),
    executorPeakMb: maxPeakMb(peak, isExecutor),
    error: ok
      ? undefined
      : `${err?.ename ?? "exit " + child.code}: ${
        String(err?.evalue ?? child.stderr.trim().split("\n").slice(-2).join(" "))
      }`,
  };
}

/** Per-cell seconds from nbclient's timestamps (record_timing): execute_input → execute_reply. */
function cellTimes(
  executedPath: string,
): { index: number; firstLine: string; seconds: number; busyMs: number; replyMs: number; imports?: string }[] {
  const nb = JSON.parse(readFileSync(executedPath, "utf8")) as Notebook;
  return nb.cells.flatMap((c, index) => {
    const t = (c.metadata as { execution?: Record<string, string> }).execution;
    if (c.cell_type !== "code" || !t) return [];
    const start = Date.parse(t["iopub.execute_input"] ?? t["iopub.status.busy"]);
    const end = Date.parse(t["shell.execute_reply"] ?? t["iopub.status.idle"]);
    const firstLine = cellSource(c).split("\n").find((l) => l.trim() !== "" && !l.trim().startsWith("//"))?.trim() ??
      "";
    const busy = Date.parse(t["iopub.status.busy"] ?? t["iopub.execute_input"]);
    const imports = /^\s*import\b[^;]*?from\s+"(\.\.\/lib\/[^"]+)"/m.exec(cellSource(c))?.[1];
    return Number.isFinite(start) && Number.isFinite(end)
      ? [{ index, firstLine, seconds: (end - start) / 1000, busyMs: busy, replyMs: end, imports }]
      : [];
  });
}

// ---------------------------------------------------------------------------------------------------
// The plain path: what a Deno-notebook user runs without qtlab's runner

/**
 * A folder where copies of the notebooks run as if in the project: notebooks/ holds the copies, every other
 * top-level entry of the project (lib, data, package.json, node_modules, .qtlab with the data cache, …) is a
 * symbolic link, so the notebooks' `../lib/…` imports and the kernel's package resolution work unchanged.
 */
function plainFolder(names: readonly string[], notebooksDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), "qtlab-bench-plain-"));
  mkdirSync(join(dir, "notebooks"));
  for (const entry of readdirSync(PROJECT_ROOT)) {
    if (["notebooks", ".git", "reports", "bench"].includes(entry)) continue;
    symlinkSync(join(PROJECT_ROOT, entry), join(dir, entry));
  }
  for (const n of names) copyFileSync(join(notebooksDir, `${n}.ipynb`), join(dir, "notebooks", `${n}.ipynb`));
  return dir;
}

interface PlainRun {
  ms: number;
  failures: string[];
  kernelPeakMb?: number;
  treePeakMb?: number;
}

/**
 * Every notebook through `jupyter nbconvert --to html --execute` on the qtlab kernel, one after another
 * (Debian's jupyter on PATH, the notebook's folder as the kernel's working folder, nbconvert's default
 * template): the wall clock of the whole sequence and the peak memory of its kernels.
 */
async function runPlain(names: readonly string[], dir: string): Promise<PlainRun> {
  const failures: string[] = [];
  const watch = new TreeMemory().start();
  const t0 = performance.now();
  for (const n of names) {
    const child = await run(
      "jupyter",
      [
        "nbconvert",
        "--to",
        "html",
        "--execute",
        "--ExecutePreprocessor.kernel_name=qtlab",
        "--ExecutePreprocessor.timeout=600",
        `${n}.ipynb`,
      ],
      { JUPYTER_PATH: [join(PROJECT_ROOT, ".qtlab", "jupyter"), process.env.JUPYTER_PATH].filter(Boolean).join(":") },
      join(dir, "notebooks"),
    );
    if (child.code !== 0 || !existsSync(join(dir, "notebooks", `${n}.html`))) {
      failures.push(`${n}: ${child.stderr.trim().split("\n").slice(-1)[0] ?? `exit ${child.code}`}`);
    }
    rmSync(join(dir, "notebooks", `${n}.html`), { force: true });
  }
  const ms = performance.now() - t0;
  const peak = watch.stop();
  return { ms, failures, kernelPeakMb: maxPeakMb(peak, isKernel), treePeakMb: peak.treePeakMb };
}

// ---------------------------------------------------------------------------------------------------
// In-process: one fresh process per measurement

interface Inproc {
  mode: string;
  runtime: string;
  runs: number;
  firstMs: number;
  medianMs: number;
  refMedianMs: number;
  refLabel: string;
  baseRssMb?: number;
  peakRssMb?: number;
  peakOneMb?: number;
  peakDeltaMb?: number;
  peakDeltaAllMb?: number;
  extra: Record<string, unknown>;
}

/** The environment of the bench's Deno processes: the project's Deno cache, as the kernelspec's. */
const denoEnv = { NO_COLOR: "1", DENO_DIR: join(PROJECT_ROOT, ".cache", "deno"), DENO_NO_UPDATE_CHECK: "1" };

/** One in-process measurement in a fresh process: `bench-inproc.ts ARGS…` (or another script) on Node (tsx) or Deno. */
async function inprocRaw(
  args: string[],
  runtime: "node" | "deno",
  extraEnv: Record<string, string> = {},
  scriptName = "bench-inproc.ts",
): Promise<Record<string, unknown> | { error: string }> {
  const script = join("scripts", scriptName);
  const env = { ...denoEnv, ...extraEnv };
  const child = runtime === "node"
    ? await run(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [script, ...args], env)
    : await run(join(PROJECT_ROOT, "node_modules", ".bin", "deno"), ["run", "-A", "--quiet", script, ...args], env);
  const last = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.code !== 0 || !last.startsWith("{")) {
    const why = (child.stderr.trim() || child.stdout.trim()).split("\n").filter((l) =>
      /error|Error|ENOENT/.test(l)
    )[0] ?? `exit ${child.code}`;
    return { error: why.slice(0, 160) };
  }
  return JSON.parse(last) as Record<string, unknown>;
}

/** A timed measurement (catalog, rmp, sweep) with its reference. */
async function inproc(
  mode: string,
  runtime: "node" | "deno",
  runs: number,
  env: Record<string, string> = {},
): Promise<Inproc | { error: string }> {
  return (await inprocRaw([mode, String(runs)], runtime, env)) as Inproc | { error: string };
}

// ---------------------------------------------------------------------------------------------------
// The table

/** A printed row; its id (section and label) keys it across recorded runs. */
type Row = Omit<Figure, "id"> & { id?: string };

function printTable(rows: Row[]): void {
  const head: Row = {
    section: "#",
    what: "measurement",
    median: "median",
    runs: "runs",
    reference: "reference (same run)",
    ratio: "ratio",
    target: "target",
    memory: "peak mem",
  };
  const cols: (keyof Row)[] = ["section", "what", "median", "runs", "reference", "ratio", "target", "met", "memory"];
  const cell = (
    r: Row,
    k: keyof Row,
  ) => (k === "met" ? (r === head ? "met" : r.met === undefined ? "" : r.met ? "yes" : "NO") : String(r[k] ?? ""));
  const right = new Set<keyof Row>(["median", "runs", "ratio", "memory"]);
  const width = Object.fromEntries(
    cols.map((k) => [k, Math.max(...[head, ...rows].map((r) => cell(r, k).length))]),
  ) as Record<keyof Row, number>;
  const line = (r: Row) =>
    cols.map((k) => (right.has(k) ? cell(r, k).padStart(width[k]) : cell(r, k).padEnd(width[k]))).join("  ").trimEnd();
  console.log(line(head));
  console.log(cols.map((k) => "-".repeat(width[k])).join("  "));
  let prev = "";
  for (const r of rows) {
    if (prev && r.section !== prev) console.log("");
    prev = r.section;
    console.log(line(r));
  }
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let opts: Options | "help";
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${(e as Error).message}`);
    return 2;
  }
  if (opts === "help") {
    console.log(HELP);
    return 0;
  }
  const o = opts;
  if (o.compare) {
    try {
      const [a, b] = o.compare.map((f) => readResults(f));
      console.log(compareRecords(a, b, basename(o.compare[0]), basename(o.compare[1])));
      return 0;
    } catch (e) {
      console.error(`bench: ${(e as Error).message}`);
      return 2;
    }
  }
  const startedAt = new Date();
  const notebooksDir = join(PROJECT_ROOT, "notebooks");
  const names = listNotebooks(notebooksDir);
  const pythonDir = join(PROJECT_ROOT, "bench", "python");
  const pythonName = o.python ??
    (existsSync(pythonDir) ? listNotebooks(pythonDir).find((n) => names.includes(n)) : undefined);
  const work = o.keep ? join(PROJECT_ROOT, o.keep) : mkdtempSync(join(tmpdir(), "qtlab-bench-"));
  mkdirSync(work, { recursive: true });
  const rows: Row[] = [];
  const targets: { name: string; met: boolean }[] = [];
  const notes: string[] = [];
  const scalingPoints: ScalingPoint[] = [];
  const exponents: { kind: string; exponent: number | undefined }[] = [];
  const load0 = loadavg();
  const started = performance.now();
  const want = (part: "pipelines" | "inproc" | "scaling") => o.only === undefined || o.only === part;
  /** Add a row; when it carries a target (met defined), count it. */
  const add = (r: Row, targetName?: string) => {
    rows.push(r);
    if (r.met !== undefined) targets.push({ name: targetName ?? r.what.trim(), met: r.met });
  };
  const mb = (x: number | undefined) => (x === undefined ? "?" : `${x.toFixed(0)} MB`);

  console.log(
    `qtlab bench: ${availableParallelism()} cores, load average ${
      load0.map((l) => l.toFixed(2)).join(" ")
    } at start; ` +
      `${o.runs} pipeline runs, ${o.inprocRuns} in-process calls; full build with ${o.jobs} jobs`,
  );

  // 1–3, M, 5: pipelines -----------------------------------------------------------------------------
  if (want("pipelines")) {
    const floorSource = join(work, "floor.ipynb");
    const floorNb = newNotebook([{
      cell_type: "code",
      id: "floor",
      metadata: {},
      source: ["1 + 1"],
      execution_count: null,
      outputs: [],
    }]);
    floorNb.cells.unshift({ cell_type: "markdown", id: "title", metadata: {}, source: ["# floor"] });
    writeNotebook(floorSource, floorNb);
    const jobs: Job[] = [
      {
        key: "floor",
        label: "floor: empty notebook (1 cell), qtlab kernel",
        source: floorSource,
        kernel: "qtlab",
        cwd: notebooksDir,
        title: "floor",
      },
      ...names.map((n) => {
        const source = join(notebooksDir, `${n}.ipynb`);
        return {
          key: n,
          label: n,
          source,
          kernel: "qtlab",
          cwd: notebooksDir,
          title: notebookTitle(readNotebook(source), n),
        };
      }),
    ];
    if (pythonName) {
      const source = join(pythonDir, `${pythonName}.ipynb`);
      // "1 + 1" is Python too: the same empty notebook on the python3 kernel is the Python side's floor.
      jobs.push({
        key: "python-floor",
        label: "python floor: the empty notebook, python3 kernel",
        source: floorSource,
        kernel: "python3",
        cwd: pythonDir,
        title: "floor",
      });
      jobs.push({
        key: `python-${pythonName}`,
        label: `python: ${pythonName} (pandas+matplotlib)`,
        source,
        kernel: "python3",
        cwd: pythonDir,
        title: notebookTitle(readNotebook(source), pythonName),
      });
    } else notes.push("no bench/python notebook matching a qtlab notebook: the Python comparison was skipped");

    let plainDir: string | undefined;
    if (o.plain) {
      const jupyter = spawnSync("jupyter", ["nbconvert", "--version"], { encoding: "utf8", timeout: 60_000 });
      if (jupyter.status === 0) plainDir = plainFolder(names, notebooksDir);
      else notes.push("no `jupyter nbconvert` on PATH: the plain path was skipped");
    }

    const results = new Map<string, PipelineRun[]>(jobs.map((j) => [j.key, []]));
    const full: number[] = [];
    const fullFailures: string[] = [];
    const fullKernelMb: number[] = [];
    const fullExecutorMb: number[] = [];
    const fullTreeMb: number[] = [];
    const fullRootMb: number[] = [];
    const plain: PlainRun[] = [];
    for (let round = 1; round <= o.runs; round++) {
      const parts: string[] = [];
      for (const job of jobs) {
        const r = await runJob(job, work, round);
        results.get(job.key)!.push(r);
        parts.push(`${job.key} ${r.ok ? sec(r.ms) : "FAILED"}`);
      }
      const out = join(work, `full-${round}`);
      const watch = new TreeMemory().start();
      const t0 = performance.now();
      const statuses = await runReports(names, {}, { notebooksDir, outDir: out, jobs: o.jobs, log: () => {} });
      full.push(performance.now() - t0);
      const peak = watch.stop();
      const k = maxPeakMb(peak, isKernel), x = maxPeakMb(peak, isExecutor);
      if (k !== undefined) fullKernelMb.push(k);
      if (x !== undefined) fullExecutorMb.push(x);
      if (peak.treePeakMb !== undefined) fullTreeMb.push(peak.treePeakMb);
      const root = peak.processes.find((p) => p.pid === process.pid)?.peakMb;
      if (root !== undefined) fullRootMb.push(root);
      for (const s of statuses) {
        if (s.status !== "ok") fullFailures.push(`${s.notebook}: ${s.error?.ename}: ${s.error?.evalue}`);
      }
      parts.push(`full ${sec(full[full.length - 1])}`);
      if (!o.keep) rmSync(out, { recursive: true, force: true });
      if (plainDir) {
        const p = await runPlain(names, plainDir);
        plain.push(p);
        parts.push(`plain ${p.failures.length ? "FAILED" : sec(p.ms)}`);
      }
      progress(`round ${round}/${o.runs}: ${parts.join(", ")}`);
    }
    if (plainDir) rmSync(plainDir, { recursive: true, force: true });

    const okMs = (key: string) => results.get(key)!.filter((r) => r.ok).map((r) => r.ms);
    const floorMs = median(okMs("floor"));
    const floorOk = okMs("floor").length > 0;
    const kernelMb = (key: string) => {
      const xs = results.get(key)!.flatMap((r) => (r.kernelPeakMb === undefined ? [] : [r.kernelPeakMb]));
      return xs.length ? Math.max(...xs) : undefined;
    };
    add({
      section: "1",
      what: jobs[0].label,
      value: floorOk ? floorMs / 1000 : undefined,
      unit: "s",
      median: floorOk ? sec(floorMs) : "FAILED",
      runs: String(okMs("floor").length),
      reference: "—",
      ratio: floorOk ? "1.00×" : "–",
      target: "",
      memory: `kernel ${mb(kernelMb("floor"))}`,
    });
    for (const job of jobs.slice(1)) {
      if (job.kernel !== "qtlab") continue;
      const ms = okMs(job.key);
      const failed = results.get(job.key)!.find((r) => !r.ok);
      if (failed) notes.push(`${job.key} failed in ${o.runs - ms.length} of ${o.runs} runs: ${failed.error}`);
      add({
        section: "2",
        what: job.label,
        value: ms.length ? median(ms) / 1000 : undefined,
        unit: "s",
        median: ms.length ? sec(median(ms)) : "FAILED",
        runs: String(ms.length),
        reference: `floor ${sec(floorMs)}`,
        ratio: ratioText(median(ms) / floorMs),
        target: "",
        memory: `kernel ${mb(kernelMb(job.key))}`,
      });
    }
    const ideal = (floorMs * names.length) / o.jobs;
    const fullMs = median(full);
    const fullTreePeak = fullTreeMb.length ? Math.max(...fullTreeMb) : undefined;
    add({
      section: "2",
      what: `full report build (${names.length} notebooks, ${o.jobs} jobs)`,
      value: fullMs / 1000,
      unit: "s",
      median: sec(fullMs),
      runs: String(full.length),
      reference: `floor×${names.length}÷${o.jobs} = ${sec(ideal)}`,
      ratio: ratioText(fullMs / ideal, 3),
      target: `≤ ${TARGETS.fullOverFloorRatio.toFixed(2)}×`,
      met: fullMs / ideal <= TARGETS.fullOverFloorRatio && fullFailures.length === 0,
      memory: `tree ${mb(fullTreePeak)}`,
    }, "full build vs the naive floor");
    const sumMs = names.reduce((t, n) => t + (okMs(n).length ? median(okMs(n)) : 0), 0);
    add({
      section: "2",
      what: "  notebooks run one at a time, summed ÷ jobs",
      value: sumMs / o.jobs / 1000,
      unit: "s",
      median: sec(sumMs / o.jobs),
      runs: "",
      reference: `floor×${names.length}÷${o.jobs} = ${sec(ideal)}`,
      ratio: ratioText(sumMs / o.jobs / ideal),
      target: "(info: perfect overlap)",
      memory: "",
    });
    if (fullFailures.length) notes.push(`full build failures: ${[...new Set(fullFailures)].join("; ")}`);
    if (plainDir) {
      const okPlain = plain.filter((p) => !p.failures.length);
      const plainMs = median(okPlain.map((p) => p.ms));
      const failures = plain.flatMap((p) => p.failures);
      if (failures.length) notes.push(`plain nbconvert failures: ${[...new Set(failures)].slice(0, 3).join("; ")}`);
      const plainKernel = okPlain.flatMap((p) => (p.kernelPeakMb === undefined ? [] : [p.kernelPeakMb]));
      add({
        section: "2",
        what: `plain: jupyter nbconvert --execute, ${names.length} notebooks in a row`,
        value: okPlain.length ? plainMs / 1000 : undefined,
        unit: "s",
        median: okPlain.length ? sec(plainMs) : "FAILED",
        runs: String(okPlain.length),
        reference: `floor×${names.length} = ${sec(floorMs * names.length)}`,
        ratio: ratioText(plainMs / (floorMs * names.length)),
        target: "(info: the plain path)",
        memory: `kernel ${mb(plainKernel.length ? Math.max(...plainKernel) : undefined)}`,
      });
      add({
        section: "2",
        what: "  full report build against the plain path",
        value: okPlain.length ? fullMs / plainMs : undefined,
        unit: "×",
        median: sec(fullMs),
        runs: "",
        reference: `plain ${okPlain.length ? sec(plainMs) : "FAILED"}`,
        ratio: ratioText(fullMs / plainMs, 3),
        target: `< ${TARGETS.fullOverPlainRatio.toFixed(2)}× (qtlab faster)`,
        met: okPlain.length > 0 && fullMs / plainMs < TARGETS.fullOverPlainRatio && fullFailures.length === 0,
        memory: "",
      }, "full build faster than plain nbconvert");
    }

    if (pythonName) {
      const py = okMs(`python-${pythonName}`);
      const ours = okMs(pythonName);
      const ratio = median(py) / median(ours);
      const failed = results.get(`python-${pythonName}`)!.find((r) => !r.ok);
      if (failed) notes.push(`the Python notebook failed in ${o.runs - py.length} of ${o.runs} runs: ${failed.error}`);
      const pyFloor = median(okMs("python-floor"));
      add({
        section: "3",
        what: "python floor: empty notebook, python3 kernel",
        value: okMs("python-floor").length ? pyFloor / 1000 : undefined,
        unit: "s",
        median: okMs("python-floor").length ? sec(pyFloor) : "FAILED",
        runs: String(okMs("python-floor").length),
        reference: `qtlab floor ${sec(floorMs)}`,
        ratio: ratioText(pyFloor / floorMs),
        target: "",
        memory: `kernel ${mb(kernelMb("python-floor"))}`,
      });
      add({
        section: "3",
        what: jobs[jobs.length - 1].label,
        value: py.length ? median(py) / 1000 : undefined,
        unit: "s",
        median: py.length ? sec(median(py)) : "FAILED",
        runs: String(py.length),
        reference: `qtlab ${pythonName.slice(0, 2)} ${sec(median(ours))}`,
        ratio: ratioText(ratio, 3),
        target: `≥ ${TARGETS.pythonOverQtlabRatio.toFixed(2)}× (python÷qtlab)`,
        met: py.length > 0 && ours.length > 0 && ratio >= TARGETS.pythonOverQtlabRatio,
        memory: `kernel ${mb(kernelMb(`python-${pythonName}`))}`,
      }, "python twin vs qtlab");
      const above = (median(py) - pyFloor) / (median(ours) - floorMs);
      add({
        section: "3",
        what: "  the same, above each kernel's floor",
        value: Number.isFinite(above) ? (median(py) - pyFloor) / 1000 : undefined,
        unit: "s",
        median: Number.isFinite(above) ? sec(median(py) - pyFloor) : "–",
        runs: "",
        reference: `qtlab ${sec(median(ours) - floorMs)}`,
        ratio: ratioText(above),
        target: "(info)",
        memory: "",
      });
    }

    // M: memory. Each notebook's kernel from its own runs; the executor and the whole tree from the full build.
    // The reference is the empty notebook's kernel (the floor's): what Deno's kernel holds before any qtlab
    // code runs, and the notebook's own share above it.
    const emptyKernel = kernelMb("floor");
    const aboveEmpty = (k: number | undefined) =>
      k === undefined || emptyKernel === undefined
        ? ""
        : `empty kernel ${mb(emptyKernel)}, notebook +${mb(k - emptyKernel)}`;
    for (const n of names) {
      const k = kernelMb(n);
      add({
        section: "M",
        what: `kernel peak: ${n}`,
        value: k,
        unit: "MB",
        median: mb(k),
        runs: String(results.get(n)!.filter((r) => r.kernelPeakMb !== undefined).length),
        reference: aboveEmpty(k),
        ratio: k === undefined ? "–" : ratioText(k / TARGETS.kernelPeakMb),
        target: `≤ ${TARGETS.kernelPeakMb} MB`,
        met: k !== undefined && k <= TARGETS.kernelPeakMb,
        memory: "",
      }, `kernel ${n} ≤ ${TARGETS.kernelPeakMb} MB`);
    }
    const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : undefined);
    const execOne = maxOf(names.flatMap((n) => results.get(n)!.flatMap((r) => r.executorPeakMb ?? [])));
    const execWorker = maxOf(fullExecutorMb);
    add({
      section: "M",
      what: "executor peak: nbrun.py, one notebook / a build's worker",
      value: execWorker,
      unit: "MB",
      median: `${mb(execOne)} / ${mb(execWorker)}`,
      runs: String(fullExecutorMb.length),
      reference: "",
      ratio: "–",
      target: "(info)",
      memory: "",
    });
    add({
      section: "M",
      what: `kernel peak in the full build (largest of ${names.length})`,
      value: maxOf(fullKernelMb),
      unit: "MB",
      median: mb(maxOf(fullKernelMb)),
      runs: String(fullKernelMb.length),
      reference: aboveEmpty(maxOf(fullKernelMb)),
      ratio: maxOf(fullKernelMb) === undefined ? "–" : ratioText(maxOf(fullKernelMb)! / TARGETS.kernelPeakMb),
      target: `≤ ${TARGETS.kernelPeakMb} MB`,
      met: maxOf(fullKernelMb) !== undefined && maxOf(fullKernelMb)! <= TARGETS.kernelPeakMb,
      memory: "",
    }, `kernels in the full build ≤ ${TARGETS.kernelPeakMb} MB`);
    add({
      section: "M",
      what: "whole build: bench process + executors + kernels, summed",
      value: fullTreePeak,
      unit: "MB",
      median: mb(fullTreePeak),
      runs: String(fullTreeMb.length),
      reference: `of which the bench process ≤ ${mb(maxOf(fullRootMb))}`,
      ratio: fullTreePeak === undefined ? "–" : ratioText(fullTreePeak / TARGETS.buildPeakMb),
      target: `≤ ${TARGETS.buildPeakMb} MB (1.5 GB)`,
      met: fullTreePeak !== undefined && fullTreePeak <= TARGETS.buildPeakMb,
      memory: "",
    }, "whole build ≤ 1.5 GB");

    // 5: the first import of each notebook's article module, in a fresh Deno process (a new kernel's
    // cost), beside the notebook's first importing cell (the import and the article's computation).
    for (const n of names) {
      const cells = results.get(n)!.flatMap((r) => (r.ok && r.importCell ? [r.importCell] : []));
      const cellS = cells.length ? median(cells.map((c) => c.seconds)) : undefined;
      const module = cells[0]?.module;
      const imports: number[] = [];
      for (let i = 0; module && i < o.runs; i++) {
        const r = await inprocRaw([join("notebooks", module)], "deno", {}, "bench-import.ts");
        if (!("error" in r)) imports.push((r as { ms: number }).ms / 1000);
      }
      const s = imports.length ? median(imports) : undefined;
      add({
        id: `5 import: ${n}`,
        section: "5",
        what: `import of ${n}'s ${module ? module.replace(/^\.\.\/lib\//, "lib/") : "module"} (fresh Deno)`,
        value: s,
        unit: "s",
        median: s === undefined ? "FAILED" : `${s.toFixed(3)} s`,
        runs: String(imports.length),
        reference: cellS === undefined ? "" : `(info) the importing cell ${cellS.toFixed(3)} s, with the computation`,
        ratio: s === undefined ? "–" : ratioText(s / TARGETS.importSeconds),
        target: `≤ ${TARGETS.importSeconds} s`,
        met: s !== undefined && s <= TARGETS.importSeconds,
        memory: "",
      }, `import for ${n} ≤ ${TARGETS.importSeconds} s`);
    }

    // nbrun phases per job (medians), then the slowest notebook's cells.
    pipelineDetails = () => {
      console.log(
        "\nnbrun.py phases, median seconds: kernel start · execute (= in cells + between cells, where nbrun reads late outputs: until the result of a Deno cell ending in an expression has come, at most 0.1 s after idle, or 20 ms of silence after a cell that prints) · kernel shutdown · export · rest (Python start, imports, files):",
      );
      const w = Math.max(...jobs.map((j) => j.key.length));
      for (const job of jobs) {
        const ok = results.get(job.key)!.filter((r) => r.ok && r.timings);
        if (!ok.length) continue;
        const m = (f: (t: NbrunTimings) => number) => median(ok.map((r) => f(r.timings!))).toFixed(2);
        const rest = median(
          ok.map((r) =>
            r.ms / 1000 -
            ((r.timings!.kernel_start ?? 0) + r.timings!.execute + r.timings!.shutdown + r.timings!.export)
          ),
        ).toFixed(2);
        const cellsS = median(ok.map((r) => r.inCells ?? 0)).toFixed(2);
        const betweenS = median(ok.map((r) => r.betweenCells ?? 0)).toFixed(2);
        console.log(
          `  ${job.key.padEnd(w)}  kernel ${m((t) => t.kernel_start ?? 0)}  execute ${
            m((t) => t.execute)
          } (cells ${cellsS} + between ${betweenS})  shutdown ${m((t) => t.shutdown)}  export ${
            m((t) => t.export)
          }  rest ${rest}  wall ${(median(ok.map((r) => r.ms)) / 1000).toFixed(2)}`,
        );
      }
      const qtlabJobs = jobs.filter((j) => j.kernel === "qtlab" && j.key !== "floor" && okMs(j.key).length);
      if (!qtlabJobs.length) return;
      const slowest = qtlabJobs.reduce((a, b) => (median(okMs(b.key)) > median(okMs(a.key)) ? b : a));
      const ok = results.get(slowest.key)!.filter((r) => r.ok);
      const mid = ok.reduce((
        a,
        b,
      ) => (Math.abs(b.ms - median(okMs(slowest.key))) < Math.abs(a.ms - median(okMs(slowest.key))) ? b : a));
      const cells = cellTimes(mid.executed);
      const total = cells.reduce((s, c) => s + c.seconds, 0);
      const top = [...cells].sort((a, b) => b.seconds - a.seconds).slice(0, 8);
      const rest = cells.filter((c) => !top.includes(c));
      console.log(
        `\n5. where the time goes: ${slowest.key} (the slowest notebook), its median run: ${sec(mid.ms)} wall, ` +
          `kernel start ${mid.timings?.kernel_start?.toFixed(2)} s, ${cells.length} code cells ${total.toFixed(2)} s, ${
            mid.betweenCells?.toFixed(2)
          } s between cells, export ${mid.timings?.export.toFixed(2)} s`,
      );
      console.log(`  ${"cell".padStart(4)}  ${"seconds".padStart(7)}  ${"share".padStart(5)}  first line`);
      for (const c of top) {
        console.log(
          `  ${String(c.index).padStart(4)}  ${c.seconds.toFixed(3).padStart(7)}  ${
            `${((100 * c.seconds) / total).toFixed(0)}%`.padStart(5)
          }  ${c.firstLine.slice(0, 90)}`,
        );
      }
      const restS = rest.reduce((s, c) => s + c.seconds, 0);
      console.log(
        `  ${"rest".padStart(4)}  ${restS.toFixed(3).padStart(7)}  ${
          `${((100 * restS) / total).toFixed(0)}%`.padStart(5)
        }  the other ${rest.length} cells (median ${(median(rest.map((c) => c.seconds)) * 1000).toFixed(0)} ms)`,
      );
      console.log(
        `  (cell seconds: nbclient's timestamps, iopub execute_input → shell execute_reply${
          o.keep ? `, from ${relative(PROJECT_ROOT, mid.executed)}` : ""
        })`,
      );
    };
  }

  // 4: in-process ----------------------------------------------------------------------------------
  if (want("inproc")) {
    const runtimes: ("node" | "deno")[] = o.deno ? ["deno", "node"] : ["node"];
    const specs: {
      mode: string;
      what: string;
      env?: Record<string, string>;
      /** Target on the median (ms), or on the ratio to the reference. */
      targetMs?: number;
      targetRatio?: number;
    }[] = [
      {
        mode: "catalog-cold",
        what: "loadCatalog() COLD: cache folder deleted",
        targetRatio: TARGETS.catalogOverReadShaRatio,
      },
      { mode: "catalog", what: "loadCatalog() WARM: cache present", targetRatio: TARGETS.catalogOverReadShaRatio },
      { mode: "catalog", what: "loadCatalog(), QTLAB_DATA_CACHE=0 (no cache)", env: { QTLAB_DATA_CACHE: "0" } },
      {
        mode: "rmp",
        what: "05 parameters-cell rerun, scenario A at a size not tried before: openRmp + every display",
        targetMs: TARGETS.rmpRerunMs,
      },
      { mode: "sweep", what: "sweep 10,000 paths × 36 months", targetRatio: TARGETS.sweepOverBareRatio },
    ];
    const details: string[] = [];
    for (const rt of runtimes) {
      const got = new Map<string, Inproc>();
      for (const spec of specs) {
        progress(`in-process ${spec.what} on ${rt} ...`);
        let r = await inproc(spec.mode, rt, o.inprocRuns, spec.env ?? {});
        const what = `${spec.what} [${rt}]`;
        const target = spec.targetMs !== undefined
          ? `≤ ${spec.targetMs} ms`
          : spec.targetRatio !== undefined
          ? `≤ ${spec.targetRatio.toFixed(2)}× ref`
          : "(info: baseline)";
        if (!("error" in r) && spec.mode === "catalog" && !spec.env && r.extra.cacheDirExists === false) {
          // No cache folder after a warm run (the cache is off or absent): cold and warm are the same load.
          const cold = got.get("catalog-cold");
          if (cold) r = cold;
          notes.push(`[${rt}] no .qtlab/cache/data folder after the warm run: cold = warm`);
        }
        if ("error" in r) {
          add({
            section: "4",
            what,
            median: "FAILED",
            runs: "0",
            reference: "",
            ratio: "–",
            target,
            met: spec.targetMs !== undefined || spec.targetRatio !== undefined ? false : undefined,
            memory: "",
          });
          notes.push(`${spec.what} on ${rt}: ${r.error}`);
          continue;
        }
        got.set(spec.mode + (spec.env ? "-nocache" : ""), r);
        const ratio = r.medianMs / r.refMedianMs;
        const met = spec.targetMs !== undefined
          ? r.medianMs <= spec.targetMs
          : spec.targetRatio !== undefined
          ? ratio <= spec.targetRatio
          : undefined;
        add({
          section: "4",
          what,
          value: r.medianMs,
          unit: "ms",
          median: msText(r.medianMs),
          runs: String(r.runs - 1),
          reference: `${r.refLabel} ${msText(r.refMedianMs)}`,
          ratio: spec.targetMs !== undefined
            ? `${ratioText(r.medianMs / spec.targetMs)} tgt, ${ratioText(ratio)} ref`
            : ratioText(ratio),
          target,
          met,
          memory: r.peakDeltaMb === undefined ? "?" : `+${r.peakDeltaMb.toFixed(0)} MB`,
        });
        details.push(inprocDetail(r, spec.what));
      }
    }
    inprocDetails = () => {
      console.log(
        "\n4. in-process details ([deno] = the notebooks' kernel runtime, [node] = tsx as in tests and scripts; median = warm calls, first = the first call of a fresh process; peak mem = peak resident set of one call over the baseline after imports and data):",
      );
      for (const d of details) console.log(d);
    };
  }

  // S: scaling -------------------------------------------------------------------------------------
  if (want("scaling")) {
    const rt: "node" | "deno" = o.deno ? "deno" : "node";
    const series: { kind: ScalingPoint["kind"]; sizes: number[]; label: (n: number) => string }[] = [
      {
        kind: "paths",
        sizes: [1_000, 10_000, 100_000, 1_000_000],
        label: (n) => `${n.toLocaleString("en-US")} paths × 36 months`,
      },
      { kind: "months", sizes: [12, 36, 120], label: (n) => `10,000 paths × ${n} months` },
      { kind: "weeks", sizes: [1, 3, 10], label: (n) => `curve fit, weeks ×${n}${n > 1 ? " (synthetic)" : " (real)"}` },
    ];
    for (const sr of series) {
      for (const size of sr.sizes) {
        progress(`scaling ${sr.kind} ${size} on ${rt} ...`);
        const r = await inprocRaw(["scaling", sr.kind, String(size), String(Math.min(o.inprocRuns, 10))], rt);
        if ("error" in r) {
          scalingPoints.push({ kind: sr.kind, size, runtime: rt, error: String(r.error), detail: sr.label(size) });
          notes.push(`scaling ${sr.kind} ${size} on ${rt}: ${r.error}`);
          continue;
        }
        scalingPoints.push({
          kind: sr.kind,
          size,
          runtime: rt,
          medianMs: Number(r.medianMs),
          peakDeltaMb: r.peakDeltaMb === undefined ? undefined : Number(r.peakDeltaMb),
          calls: Number(r.calls),
          detail: sr.kind === "weeks" ? `${sr.label(size)}: ${r.weeks} weekly points` : sr.label(size),
        });
      }
      exponents.push({
        kind: sr.kind,
        exponent: growthExponent(
          scalingPoints.filter((p) => p.kind === sr.kind).map((p) => ({ size: p.size, ms: p.medianMs })),
        ),
      });
    }
  }

  // Live views as the reader feels them: input event to the first frame after the redraw, in Chromium on
  // the exported reports (scripts/bench-live.ts). Part of the pipelines: it builds the reports first.
  let liveRows: LiveLatencyRow[] = [];
  if (want("pipelines")) {
    try {
      const liveDir = join(work, "live-reports");
      await runReports(names, {}, { outDir: liveDir, log: () => {} });
      liveRows = await measureLiveViews(liveDir);
      for (const r of liveRows) {
        targets.push({
          name: `live view ${r.view}: median ≤ ${LIVE_TARGETS.medianMs} ms, p95 ≤ ${LIVE_TARGETS.p95Ms} ms`,
          met: r.medianMs <= LIVE_TARGETS.medianMs && r.p95Ms <= LIVE_TARGETS.p95Ms,
        });
      }
    } catch (e) {
      notes.push(`live views not measured: ${(e as Error).message}`);
    }
  }

  const load1 = loadavg();
  // Sections in reading order (rows are added in measurement order).
  const order = ["1", "2", "3", "4", "5", "M"];
  rows.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
  if (rows.length) {
    console.log("");
    printTable(rows);
  }
  if (scalingPoints.length) console.log(`\n${scalingTable(scalingPoints, exponents)}`);
  if (liveRows.length) console.log(`\n${liveTable(liveRows)}`);
  pipelineDetails?.();
  inprocDetails?.();
  const busiest = Math.max(load0[0], load1[0]);
  if (busiest > availableParallelism()) {
    notes.push(
      `the machine was busy (load average up to ${
        busiest.toFixed(1)
      } on ${availableParallelism()} cores): absolute figures are inflated and noisier than on an idle machine; ratios within a section are measured side by side`,
    );
  }
  if (notes.length) {
    console.log("\nnotes:");
    for (const n of notes) console.log(`  - ${n}`);
  }
  if (!o.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`\nexecuted notebooks kept in ${relative(PROJECT_ROOT, work) || work}`);
  const met = targets.filter((t) => t.met).length;
  const missed = targets.filter((t) => !t.met).map((t) => t.name);
  console.log(
    `\nload average ${load1.map((l) => l.toFixed(2)).join(" ")} at end; ${
      ((performance.now() - started) / 1000).toFixed(0)
    } s in all`,
  );
  const record: BenchRecord = {
    version: 1,
    startedAt: startedAt.toISOString(),
    commit: spawnSync("git", ["rev-parse", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8" }).stdout?.trim() ?? "",
    cores: availableParallelism(),
    loadAverage: { start: load0, end: load1 },
    options: { ...o },
    figures: rows.map((r) => ({ ...r, id: r.id ?? `${r.section} ${r.what.trim()}` })),
    scaling: scalingPoints,
    exponents,
    live: liveRows,
    targets: { met, total: targets.length, missed },
    notes,
  };
  const saved = writeResults(join(PROJECT_ROOT, "bench", "results"), record);
  console.log(`figures recorded in ${relative(PROJECT_ROOT, saved)}`);
  console.log(
    `bench: ${met} of ${targets.length} targets met${missed.length ? ` (missed: ${missed.join(", ")})` : ""}`,
  );
  return 0;
}

/** The scaling table: each point's median time and peak memory, and each series' fitted growth exponent. */
function scalingTable(
  points: readonly ScalingPoint[],
  exponents: readonly { kind: string; exponent?: number }[],
): string {
  const lines = [
    "S. scaling (in-process, one fresh process per point; median of the calls after the first; peak = resident set of the first call over the baseline)",
    `  ${"point".padEnd(56)} ${"median".padStart(10)} ${"× prev".padStart(7)} ${"peak mem".padStart(9)}  runtime`,
  ];
  for (const kind of ["paths", "months", "weeks"]) {
    const ps = points.filter((p) => p.kind === kind);
    if (!ps.length) continue;
    ps.forEach((p, i) => {
      const prev = ps[i - 1]?.medianMs;
      lines.push(
        `  ${(p.detail ?? `${p.kind} ${p.size}`).padEnd(56)} ${
          (p.medianMs === undefined ? "FAILED" : msText(p.medianMs)).padStart(10)
        } ${(prev && p.medianMs ? ratioText(p.medianMs / prev) : "").padStart(7)} ${
          (p.peakDeltaMb === undefined ? "?" : `+${p.peakDeltaMb.toFixed(0)} MB`).padStart(9)
        }  ${p.runtime}`,
      );
    });
    const e = exponents.find((x) => x.kind === kind)?.exponent;
    lines.push(
      `  ${`  growth exponent (time ∝ ${kind === "weeks" ? "weeks" : kind}^k, least squares on logs)`.padEnd(56)} ${
        (e === undefined ? "–" : `k = ${e.toFixed(2)}`).padStart(10)
      }`,
    );
  }
  return lines.join("\n");
}

let pipelineDetails: (() => void) | undefined;
let inprocDetails: (() => void) | undefined;

function inprocDetail(r: Inproc, what: string): string {
  const head = `  ${what} [${r.runtime}]: first ${msText(r.firstMs)}, median ${msText(r.medianMs)}, ` +
    `RSS ${r.baseRssMb?.toFixed(0) ?? "?"} MB before, peak ${r.peakOneMb?.toFixed(0) ?? "?"} MB in the first call (+${
      r.peakDeltaMb?.toFixed(0) ?? "?"
    }), ${r.peakRssMb?.toFixed(0) ?? "?"} MB over all ${r.runs} calls (+${
      r.peakDeltaAllMb?.toFixed(0) ?? "?"
    }, uncollected garbage included)`;
  const x = r.extra;
  if (r.mode.startsWith("catalog")) {
    const per = (x.perFile as { file: string; loadMs: number; readShaMs: number; bytes: number }[]) ?? [];
    const sumLoad = per.reduce((s, f) => s + f.loadMs, 0);
    const sumRead = per.reduce((s, f) => s + f.readShaMs, 0);
    const top = per.slice(0, 5).map((f) => `${f.file} ${msText(f.loadMs)} (${(f.bytes / 1024).toFixed(0)} kB)`).join(
      ", ",
    );
    return `${head}\n    ${x.files} files; per-file loaders sum to ${msText(sumLoad)}, of which read+sha256 ${
      msText(sumRead)
    } and parse+validate ${msText(sumLoad - sumRead)}; slowest: ${top}`;
  }
  if (r.mode === "rmp") {
    return `${head}\n    of a rerun with a new size: the recompute (openRmp: data load, computation, claims) ${
      msText(Number(x.recomputeMs))
    }, drawing the ${x.displays} displays ≈ ${msText(Math.max(0, r.medianMs - Number(x.recomputeMs)))}; ` +
      `back and forth between two sizes tried a moment ago (25 ↔ 30, held by the memos) ${
        msText(Number(x.revisitMs))
      }, of which the recompute ${msText(Number(x.revisitRecomputeMs))}; ` +
      `a fit assumption changed (curveFitTo, full recompute) ${msText(Number(x.fitChangeMs))}, of which the recompute ${
        msText(Number(x.fitChangeRecomputeMs))
      }; the first call (cold) ${msText(r.firstMs)}; model alone (curve fit, scenarios) ${
        msText(Number(x.modelMs))
      }, with the fan sweeps ${msText(r.refMedianMs)}; horizon ${x.horizonMonths} months`;
  }
  return `${head}\n    ${x.paths} paths × ${x.months} months (${x.curveFrom}); fan quantiles (10/50/90, reserves and spread) on top: ${
    msText(Number(x.fanQuantilesMs))
  }; the same sweep allocating its arrays on every call (no workspace): ${msText(Number(x.allocatingMs))}`;
}

process.exitCode = await main();
