/**
 * qtlab bench: how fast qtlab reruns and exports, against the floor of its own pipeline and against the
 * pandas + matplotlib notebook a user would write instead. Run with `npm run bench` (setup and the
 * Python packages first); `--help` for options. Not a test: it prints figures and never fails on them.
 *
 * Measured, each the median of several runs, each with its ratio to a reference measured in the same run:
 *   1. floor     an empty notebook (one trivial cell) on the qtlab kernel through scripts/nbrun.py, with
 *                the arguments the report command passes (lib/report/run.ts runOne)
 *   2. notebooks each notebook in notebooks/ executed and exported the same way, and the full report
 *                build (runReports of every notebook, the report's parallelism, into a temp folder).
 *                Target: full ≤ 1.5 × floor × notebooks ÷ jobs
 *   3. python    bench/python/<notebook>.ipynb (pandas + matplotlib, the same argument as the qtlab
 *                notebook of that name) through the same nbrun.py on the python3 kernel.
 *                Target: python ÷ qtlab ≥ 2
 *   4. in-process (scripts/bench-inproc.ts, one fresh process per measurement, Node via tsx and Deno):
 *                loadCatalog() ≤ 150 ms; the RMP scenario cell rerun ≤ 50 ms; a 10,000-path × 36-month
 *                sweep ≤ 200 ms; with each one's peak memory
 *   5. where the time goes: per-cell times of the slowest notebook (nbclient's execution timestamps)
 * Pipeline runs are interleaved (one round = floor, every notebook, the Python notebook, a full build) so
 * that a change in machine load hits every figure alike.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { LIVE_TARGETS, type LiveLatencyRow, liveTable, measureLiveViews } from "./bench-live.ts";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { cellSource, newNotebook, type Notebook, readNotebook, writeNotebook } from "../lib/report/notebook.ts";
import { injectParameters } from "../lib/report/parameters.ts";
import { type NbrunTimings, runNbrunOnce } from "../lib/report/nbrun.ts";
import { applyInputMode, listNotebooks, notebookTitle, PROJECT_ROOT, runReports } from "../lib/report/run.ts";

const HELP = `qtlab bench: qtlab against its pipeline's floor and against a pandas + matplotlib notebook

usage: npm run bench -- [options]

  --runs N          pipeline runs per figure (floor, notebooks, Python, full build); default 5
  --inproc-runs N   in-process calls per measurement (the first, cold call is shown apart); default 30
  -j, --jobs N      the full build's parallelism; default ${availableParallelism()} (the report's default: cores)
  --python NAME     the bench/python notebook to compare (default: the one present, e.g.
                    02-balance-sheet-and-stocks)
  --only PART       pipelines | inproc (default: both)
  --no-deno         in-process measurements in Node only
  --keep DIR        keep the executed notebooks and reports in DIR
  -h, --help        this text

Targets: full build ≤ 1.5 × (floor × notebooks ÷ jobs); Python ≥ 2 × the qtlab notebook's time;
loadCatalog ≤ 150 ms; RMP parameters rerun ≤ 50 ms; sweep of 10,000 paths × 36 months ≤ 200 ms.
In-process figures are the median of the warm calls (after the first).`;

interface Options {
  runs: number;
  inprocRuns: number;
  jobs: number;
  python?: string;
  only?: "pipelines" | "inproc";
  deno: boolean;
  keep?: string;
}

function parseArgs(argv: string[]): Options | "help" {
  const o: Options = { runs: 5, inprocRuns: 30, jobs: availableParallelism(), deno: true };
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
      if (v !== "pipelines" && v !== "inproc") throw new Error(`--only takes pipelines or inproc, got "${v ?? ""}"`);
      o.only = v;
    } else if (a === "--no-deno") o.deno = false;
    else if (a === "--keep") o.keep = argv[++i];
    else throw new Error(`unknown option "${a}" (see --help)`);
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

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<Child> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, {
      cwd: PROJECT_ROOT,
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
): { index: number; firstLine: string; seconds: number; busyMs: number; replyMs: number }[] {
  const nb = JSON.parse(readFileSync(executedPath, "utf8")) as Notebook;
  return nb.cells.flatMap((c, index) => {
    const t = (c.metadata as { execution?: Record<string, string> }).execution;
    if (c.cell_type !== "code" || !t) return [];
    const start = Date.parse(t["iopub.execute_input"] ?? t["iopub.status.busy"]);
    const end = Date.parse(t["shell.execute_reply"] ?? t["iopub.status.idle"]);
    const firstLine = cellSource(c).split("\n").find((l) => l.trim() !== "" && !l.trim().startsWith("//"))?.trim() ??
      "";
    const busy = Date.parse(t["iopub.status.busy"] ?? t["iopub.execute_input"]);
    return Number.isFinite(start) && Number.isFinite(end)
      ? [{ index, firstLine, seconds: (end - start) / 1000, busyMs: busy, replyMs: end }]
      : [];
  });
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

async function inproc(mode: string, runtime: "node" | "deno", runs: number): Promise<Inproc | { error: string }> {
  const script = join("scripts", "bench-inproc.ts");
  const env = { NO_COLOR: "1", DENO_DIR: join(PROJECT_ROOT, ".cache", "deno"), DENO_NO_UPDATE_CHECK: "1" };
  const child = runtime === "node"
    ? await run(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [script, mode, String(runs)], env)
    : await run(join(PROJECT_ROOT, "node_modules", ".bin", "deno"), [
      "run",
      "-A",
      "--quiet",
      script,
      mode,
      String(runs),
    ], env);
  const last = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.code !== 0 || !last.startsWith("{")) {
    const why = (child.stderr.trim() || child.stdout.trim()).split("\n").filter((l) =>
      /error|Error|ENOENT/.test(l)
    )[0] ?? `exit ${child.code}`;
    return { error: why.slice(0, 160) };
  }
  return JSON.parse(last) as Inproc;
}

// ---------------------------------------------------------------------------------------------------
// The table

interface Row {
  section: string;
  what: string;
  median: string;
  runs: string;
  reference: string;
  ratio: string;
  target: string;
  met?: boolean;
  memory: string;
}

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
  const load0 = loadavg();
  const started = performance.now();

  console.log(
    `qtlab bench: ${availableParallelism()} cores, load average ${
      load0.map((l) => l.toFixed(2)).join(" ")
    } at start; ` +
      `${o.runs} pipeline runs, ${o.inprocRuns} in-process calls; full build with ${o.jobs} jobs`,
  );

  // 1–3, 5: pipelines ------------------------------------------------------------------------------
  if (o.only !== "inproc") {
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

    const results = new Map<string, PipelineRun[]>(jobs.map((j) => [j.key, []]));
    const full: number[] = [];
    const fullFailures: string[] = [];
    for (let round = 1; round <= o.runs; round++) {
      const parts: string[] = [];
      for (const job of jobs) {
        const r = await runJob(job, work, round);
        results.get(job.key)!.push(r);
        parts.push(`${job.key} ${r.ok ? sec(r.ms) : "FAILED"}`);
      }
      const out = join(work, `full-${round}`);
      const t0 = performance.now();
      const statuses = await runReports(names, {}, { notebooksDir, outDir: out, jobs: o.jobs, log: () => {} });
      full.push(performance.now() - t0);
      for (const s of statuses) {
        if (s.status !== "ok") fullFailures.push(`${s.notebook}: ${s.error?.ename}: ${s.error?.evalue}`);
      }
      parts.push(`full ${sec(full[full.length - 1])}`);
      if (!o.keep) rmSync(out, { recursive: true, force: true });
      progress(`round ${round}/${o.runs}: ${parts.join(", ")}`);
    }

    const okMs = (key: string) => results.get(key)!.filter((r) => r.ok).map((r) => r.ms);
    const floorMs = median(okMs("floor"));
    const floorOk = okMs("floor").length > 0;
    rows.push({
      section: "1",
      what: jobs[0].label,
      median: floorOk ? sec(floorMs) : "FAILED",
      runs: String(okMs("floor").length),
      reference: "—",
      ratio: floorOk ? "1.00×" : "–",
      target: "",
      memory: "",
    });
    for (const job of jobs.slice(1)) {
      if (job.kernel !== "qtlab") continue;
      const ms = okMs(job.key);
      const failed = results.get(job.key)!.find((r) => !r.ok);
      if (failed) notes.push(`${job.key} failed in ${o.runs - ms.length} of ${o.runs} runs: ${failed.error}`);
      rows.push({
        section: "2",
        what: job.label,
        median: ms.length ? sec(median(ms)) : "FAILED",
        runs: String(ms.length),
        reference: `floor ${sec(floorMs)}`,
        ratio: ratioText(median(ms) / floorMs),
        target: "",
        memory: "",
      });
    }
    const ideal = (floorMs * names.length) / o.jobs;
    const fullMs = median(full);
    const fullMet = fullMs / ideal <= 1.5 && fullFailures.length === 0;
    targets.push({ name: "full build", met: fullMet });
    rows.push({
      section: "2",
      what: `full report build (${names.length} notebooks, ${o.jobs} jobs)`,
      median: sec(fullMs),
      runs: String(full.length),
      reference: `floor×${names.length}÷${o.jobs} = ${sec(ideal)}`,
      ratio: ratioText(fullMs / ideal, 3),
      target: "≤ 1.50×",
      met: fullMet,
      memory: "",
    });
    const sumMs = names.reduce((t, n) => t + (okMs(n).length ? median(okMs(n)) : 0), 0);
    rows.push({
      section: "2",
      what: "  notebooks run one at a time, summed ÷ jobs",
      median: sec(sumMs / o.jobs),
      runs: "",
      reference: `floor×${names.length}÷${o.jobs} = ${sec(ideal)}`,
      ratio: ratioText(sumMs / o.jobs / ideal),
      target: "(info: perfect overlap)",
      memory: "",
    });
    if (fullFailures.length) notes.push(`full build failures: ${[...new Set(fullFailures)].join("; ")}`);

    if (pythonName) {
      const py = okMs(`python-${pythonName}`);
      const ours = okMs(pythonName);
      const ratio = median(py) / median(ours);
      const met = py.length > 0 && ours.length > 0 && ratio >= 2;
      targets.push({ name: "python vs qtlab", met });
      const failed = results.get(`python-${pythonName}`)!.find((r) => !r.ok);
      if (failed) notes.push(`the Python notebook failed in ${o.runs - py.length} of ${o.runs} runs: ${failed.error}`);
      const pyFloor = median(okMs("python-floor"));
      rows.push({
        section: "3",
        what: "python floor: empty notebook, python3 kernel",
        median: okMs("python-floor").length ? sec(pyFloor) : "FAILED",
        runs: String(okMs("python-floor").length),
        reference: `qtlab floor ${sec(floorMs)}`,
        ratio: ratioText(pyFloor / floorMs),
        target: "",
        memory: "",
      });
      rows.push({
        section: "3",
        what: jobs[jobs.length - 1].label,
        median: py.length ? sec(median(py)) : "FAILED",
        runs: String(py.length),
        reference: `qtlab ${pythonName.slice(0, 2)} ${sec(median(ours))}`,
        ratio: ratioText(ratio, 3),
        target: "≥ 2.00× (python÷qtlab)",
        met,
        memory: "",
      });
      const above = (median(py) - pyFloor) / (median(ours) - floorMs);
      rows.push({
        section: "3",
        what: "  the same, above each kernel's floor",
        median: Number.isFinite(above) ? sec(median(py) - pyFloor) : "–",
        runs: "",
        reference: `qtlab ${sec(median(ours) - floorMs)}`,
        ratio: ratioText(above),
        target: "(info)",
        memory: "",
      });
    }

    // nbrun phases per job (medians), then the slowest notebook's cells.
    pipelineDetails = () => {
      console.log(
        "\nnbrun.py phases, median seconds: kernel start · execute (= in cells + between cells, where nbrun waits up to 20 ms after a cell that can output, for late outputs) · kernel shutdown · export · rest (Python start, imports, files):",
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
  if (o.only !== "pipelines") {
    const runtimes: ("node" | "deno")[] = o.deno ? ["deno", "node"] : ["node"];
    const specs = [
      { mode: "catalog", what: "loadCatalog(): all data files", target: 150 },
      { mode: "rmp", what: "RMP cell rerun: scenarios + fan chart", target: 50 },
      { mode: "sweep", what: "sweep 10,000 paths × 36 months", target: 200 },
    ];
    const details: string[] = [];
    for (const spec of specs) {
      for (const rt of runtimes) {
        progress(`in-process ${spec.mode} on ${rt} ...`);
        const r = await inproc(spec.mode, rt, o.inprocRuns);
        const what = `${spec.what} [${rt}]`;
        if ("error" in r) {
          targets.push({ name: `${spec.mode} ${rt}`, met: false });
          rows.push({
            section: "4",
            what,
            median: "FAILED",
            runs: "0",
            reference: "",
            ratio: "–",
            target: `≤ ${spec.target} ms`,
            met: false,
            memory: "",
          });
          notes.push(`${spec.mode} on ${rt}: ${r.error}`);
          continue;
        }
        const met = r.medianMs <= spec.target;
        targets.push({ name: `${spec.mode} ${rt}`, met });
        rows.push({
          section: "4",
          what,
          median: msText(r.medianMs),
          runs: String(r.runs - 1),
          reference: `${r.refLabel} ${msText(r.refMedianMs)}`,
          ratio: ratioText(r.medianMs / r.refMedianMs),
          target: `≤ ${spec.target} ms`,
          met,
          memory: r.peakDeltaMb === undefined ? "?" : `+${r.peakDeltaMb.toFixed(0)} MB`,
        });
        details.push(inprocDetail(r, spec.target));
      }
    }
    inprocDetails = () => {
      console.log(
        "\n4. in-process details ([deno] = the notebooks' kernel runtime, [node] = tsx as in tests and scripts; median = warm calls, first = the cold call a notebook pays once; peak mem = peak resident set of one call over the baseline after imports and data):",
      );
      for (const d of details) console.log(d);
    };
  }

  // Live views as the reader feels them: input event to the first frame after the redraw, in Chromium on
  // the exported reports (scripts/bench-live.ts).
  let liveRows: LiveLatencyRow[] = [];
  try {
    const liveDir = join(work, "live-reports");
    const names = readdirSync(join(PROJECT_ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).map((f) =>
      f.replace(/\.ipynb$/, "")
    );
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

  const load1 = loadavg();
  console.log("");
  printTable(rows);
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
  console.log(
    `bench: ${met} of ${targets.length} targets met${missed.length ? ` (missed: ${missed.join(", ")})` : ""}`,
  );
  return 0;
}

let pipelineDetails: (() => void) | undefined;
let inprocDetails: (() => void) | undefined;

function inprocDetail(r: Inproc, targetMs: number): string {
  const head =
    `  ${r.mode} [${r.runtime}]: first ${msText(r.firstMs)}, median ${msText(r.medianMs)} (${
      ratioText(r.medianMs / targetMs)
    } of the ${targetMs} ms target), ` +
    `RSS ${r.baseRssMb?.toFixed(0) ?? "?"} MB before, peak ${r.peakOneMb?.toFixed(0) ?? "?"} MB in the first call (+${
      r.peakDeltaMb?.toFixed(0) ?? "?"
    }), ${r.peakRssMb?.toFixed(0) ?? "?"} MB over all ${r.runs} calls (+${
      r.peakDeltaAllMb?.toFixed(0) ?? "?"
    }, uncollected garbage included)`;
  const x = r.extra;
  if (r.mode === "catalog") {
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
    return `${head}\n    model (curve fit, scenarios) ${msText(Number(x.modelMs))}, with the fan sweeps ${
      msText(r.refMedianMs)
    }, so chart + HTML ≈ ${msText(Math.max(0, r.medianMs - r.refMedianMs))}; ` +
      `fan grid ${x.fanGridPoints}³ per scenario, horizon ${x.horizonMonths} months, chart HTML ${
        (Number(x.htmlBytes) / 1024).toFixed(0)
      } kB`;
  }
  return `${head}\n    ${x.paths} paths × ${x.months} months (${x.curveFrom}); fan quantiles (10/50/90, reserves and spread) on top: ${
    msText(Number(x.fanQuantilesMs))
  }`;
}

process.exitCode = await main();
