/**
 * qtlab report: execute notebooks with your assumptions and export static HTML reports.
 * Run through `npm run report -- [options] [NOTEBOOK ...]` (setup runs first). See --help.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readNotebook } from "../lib/report/notebook.ts";
import { printPdf } from "../lib/report/pdf.ts";
import { notebookParameters, parseAssignment } from "../lib/report/parameters.ts";
import {
  type InputMode,
  listNotebooks,
  type Overrides,
  planOverrides,
  PROJECT_ROOT,
  resolveNotebookNames,
  runReports,
} from "../lib/report/run.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import {
  acquireLock,
  assertNoRefresh,
  preflightData,
  removeStaleWorkDirs,
  REPORT_LOCK,
  RunRefused,
} from "../lib/report/runGuard.ts";
import { diffPage, diffRuns, diffText, findRun, listRuns, type RunRecord } from "../lib/report/runRecord.ts";
import {
  articleParamsFor,
  type DeclaredNotebook,
  emptyOverrides,
  paramsJson,
  paramsTable,
  planFromDeclarations,
  shippedDataRange,
} from "../lib/report/articleParams.ts";

const HELP = `qtlab report: run notebooks with new assumptions and export HTML reports

usage: npm run report -- [options] [NOTEBOOK ...]

  NOTEBOOK               a notebook name or its number prefix (e.g. 05 or 05-rmp-scenarios);
                         default: every notebook in notebooks/
  -p, --param NAME=VALUE override a parameter in every selected notebook that declares it
  -p NOTEBOOK:NAME=VALUE override it in one notebook only
                         VALUE is read as JSON (25, true, "text", [1,2], {"a":1}), else as a string
  --params FILE.json     overrides from a file: {"NAME": VALUE, ..., "NOTEBOOK": {"NAME": VALUE}}
  --list-params NOTEBOOK print the notebook's parameters: name, unit, default, allowed range or values,
                         meaning, source (--json: the same as JSON, with the JSON Schema)
  --stale-after-days N   a data series whose newest observation is older than N days at the run is
                         flagged in the reports (default: 60)
  --diff RUN_A RUN_B     print which verdicts and figures changed between two recorded runs and why
                         (assumptions, data files), and write it as DIR/runs/<RUN_B>/diff-<RUN_A>.html;
                         a run is its id (reports/runs/<id>), "latest" or "defaults"
  --wait                 if another report run holds the reports folder, wait for it instead of refusing
  --check                validate the notebooks and overrides, print what would run, execute nothing
  --with-code            show every cell's code in the reports
  --no-input             show no code at all (default: code hidden, the assumptions cells shown)
  -j, --jobs N           notebooks run at once (default: ${availableParallelism()}, the number of cores)
  --out DIR              where reports go (default: reports/)
  --pdf                  also print each report that ran clean as DIR/<notebook>.pdf (Chromium's
                         print-to-PDF with the reports' print style)
  --timeout SECONDS      per-cell time limit (default: 600)
  -h, --help             this text

Writes DIR/<notebook>.html and .ipynb (and .pdf with --pdf) for each notebook that ran clean and DIR/index.html. A notebook
that fails keeps its previous good report; its executed notebook goes to DIR/failed/ for inspection.
Exit status: 0 all ran, 1 a notebook failed, 2 bad arguments or parameters (nothing was run).`;

class UsageError extends Error {}

interface Args {
  notebooks: string[];
  assignments: string[];
  paramFiles: string[];
  listParams?: string;
  json: boolean;
  check: boolean;
  wait: boolean;
  pdf: boolean;
  diff?: [string, string];
  inputMode: InputMode;
  jobs?: number;
  outDir?: string;
  timeout?: number;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    notebooks: [],
    assignments: [],
    paramFiles: [],
    inputMode: "assumptions",
    help: false,
    json: false,
    check: false,
    wait: false,
    pdf: false,
  };
  const value = (i: number, flag: string) => {
    if (i >= argv.length || argv[i].startsWith("--")) throw new UsageError(`${flag} needs a value`);
    return argv[i];
  };
  const positiveInt = (text: string, flag: string) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a positive whole number, got "${text}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-p" || arg === "--param") a.assignments.push(value(++i, arg));
    else if (arg.startsWith("--param=")) a.assignments.push(arg.slice(8));
    else if (arg === "--params") a.paramFiles.push(value(++i, arg));
    else if (arg === "--list-params") a.listParams = value(++i, arg);
    else if (arg === "--json") a.json = true;
    else if (arg === "--check") a.check = true;
    else if (arg === "--wait") a.wait = true;
    else if (arg === "--pdf") a.pdf = true;
    else if (arg === "--diff") a.diff = [value(++i, arg), value(++i, arg)];
    else if (arg === "--stale-after-days") {
      process.env.QTLAB_STALE_AFTER_DAYS = String(positiveInt(value(++i, arg), arg));
    } else if (arg === "--no-input") a.inputMode = "none";
    else if (arg === "--with-code") a.inputMode = "all";
    else if (arg === "-j" || arg === "--jobs") a.jobs = positiveInt(value(++i, arg), arg);
    else if (arg === "--out") a.outDir = value(++i, arg);
    else if (arg === "--timeout") a.timeout = positiveInt(value(++i, arg), arg);
    else if (arg === "-h" || arg === "--help") a.help = true;
    else if (arg.startsWith("-")) throw new UsageError(`unknown option "${arg}" (see --help)`);
    else a.notebooks.push(arg);
  }
  return a;
}

/** Gather overrides from -p arguments and --params files; later ones win. */
function collectOverrides(args: Args, available: readonly string[]): Overrides {
  // Objects without a prototype: a "__proto__" key is then a plain (unknown, refused) name, never a prototype.
  const o: Overrides = emptyOverrides();
  const scoped = (nb: string) => (o.byNotebook[resolveNotebookNames([nb], available)[0]] ??= Object.create(null));
  for (const file of args.paramFiles) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new UsageError(`--params ${file}: ${(e as Error).message}`);
    }
    if (!json || typeof json !== "object" || Array.isArray(json)) {
      throw new UsageError(`--params ${file}: expected a JSON object of NAME: VALUE`);
    }
    for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
      if (key.includes("-") && value && typeof value === "object" && !Array.isArray(value)) {
        const into = scoped(key);
        for (const k of Object.keys(value)) into[k] = (value as Record<string, unknown>)[k];
      } else o.all[key] = value;
    }
  }
  for (const text of args.assignments) {
    const colon = text.indexOf(":");
    const eq = text.indexOf("=");
    if (colon > 0 && (eq < 0 || colon < eq)) {
      const [name, value] = parseAssignment(text.slice(colon + 1));
      scoped(text.slice(0, colon))[name] = value;
    } else {
      const [name, value] = parseAssignment(text);
      o.all[name] = value;
    }
  }
  return o;
}

async function listParams(notebooksDir: string, name: string, json: boolean): Promise<void> {
  const declared = await articleParamsFor(join(PROJECT_ROOT, "lib"), name);
  if (declared) {
    console.log(json ? paramsJson(name, declared) : paramsTable(name, declared));
    return;
  }
  const nb = readNotebook(join(notebooksDir, `${name}.ipynb`));
  const params = notebookParameters(nb, name);
  if (json) {
    console.log(
      JSON.stringify(
        { notebook: name, parameters: params.map((p) => ({ name: p.name, default: p.default, source: p.comment })) },
        null,
        2,
      ),
    );
    return;
  }
  if (params.length === 0) {
    console.log(`${name}: no parameters`);
    return;
  }
  const rows = params.map((p) => [p.name, p.type, JSON.stringify(p.default), p.comment]);
  const widths = [0, 1, 2].map((c) => Math.max(["name", "type", "default"][c].length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell)).join("  ");
  console.log(`${name}: ${params.length} parameters (override with -p NAME=VALUE)\n`);
  console.log(line(["name", "type", "default", "source"]));
  for (const r of rows) console.log(line(r));
}

/**
 * Every override checked before any kernel starts: against each notebook's article declaration (units,
 * ranges, key sets, dates inside the shipped data) when every selected notebook has one, else against the
 * notebooks' parameters cells. Throws a UsageError listing every problem.
 */
async function plan(
  notebooksDir: string,
  names: readonly string[],
  overrides: Overrides,
): Promise<Record<string, Record<string, unknown>>> {
  const declared = await Promise.all(
    names.map(async (name) => ({ name, params: await articleParamsFor(join(PROJECT_ROOT, "lib"), name) })),
  );
  if (declared.every((d) => d.params)) {
    const r = planFromDeclarations(declared as DeclaredNotebook[], overrides, shippedDataRange());
    if (r.errors.length) throw new UsageError(r.errors.join("\n"));
    return r.plan;
  }
  try {
    return planOverrides(
      names.map((name) => ({
        name,
        params: notebookParameters(readNotebook(join(notebooksDir, `${name}.ipynb`)), name),
      })),
      overrides,
    );
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * Before any kernel: the data as recorded, no refresh rewriting it, and the reports folder to this run
 * alone. Returns the lock's release; throws RunRefused with the reason.
 */
function guardRun(outDir: string, wait: boolean): Promise<() => void> {
  const dataDir = join(PROJECT_ROOT, "data");
  const damaged = preflightData(dataDir, PROJECT_ROOT);
  if (damaged.length) throw new RunRefused(`the data failed its check, nothing was run:\n${damaged.join("\n")}`);
  assertNoRefresh(dataDir);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RunRefused(
      `cannot write reports to ${outDir} (${code}); choose another folder with --out, nothing was run`,
    );
  }
  return acquireLock(join(outDir, REPORT_LOCK), `the reports folder ${relative(process.cwd(), outDir) || "."}`, {
    wait,
    notice: (l) => console.log(`qtlab report: ${l}`),
  });
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const notebooksDir = join(PROJECT_ROOT, "notebooks");
  if (args.diff) {
    const outDir = args.outDir ?? join(PROJECT_ROOT, "reports");
    const runs = listRuns(outDir);
    let a: RunRecord;
    let b: RunRecord;
    try {
      [a, b] = [findRun(runs, args.diff[0]), findRun(runs, args.diff[1])];
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const changes = diffRuns(a, b);
    const page = join(outDir, "runs", b.id, `diff-${a.id}.html`);
    writeFileAtomic(page, diffPage(a, b, changes));
    console.log(`${diffText(a, b, changes)}\n\nwritten: ${relative(process.cwd(), page)}`);
    return 0;
  }
  const available = listNotebooks(notebooksDir);
  if (args.listParams) {
    await listParams(notebooksDir, resolveNotebookNames([args.listParams], available)[0], args.json);
    return 0;
  }
  const names = resolveNotebookNames(args.notebooks, available);
  const overrides = collectOverrides(args, available);
  // Everything is validated before any kernel starts.
  const planned = await plan(notebooksDir, names, overrides);
  if (args.check) {
    for (const name of names) {
      const o = Object.keys(planned[name] ?? {});
      console.log(`${name}: ok${o.length ? ` (overriding ${o.join(", ")})` : " (defaults)"}`);
    }
    console.log(
      `qtlab report --check: ${names.length} notebook${
        names.length === 1 ? "" : "s"
      } and their overrides are valid; nothing was run`,
    );
    return 0;
  }
  const outDir = args.outDir ?? join(PROJECT_ROOT, "reports");
  const jobs = args.jobs ?? availableParallelism();
  // SIGINT and SIGTERM stop the run cleanly; so does the death of the process that started us (npm).
  const abort = new AbortController();
  let stoppedBy: "SIGINT" | "SIGTERM" | undefined;
  const stop = (sig: "SIGINT" | "SIGTERM") => {
    if (stoppedBy) return;
    stoppedBy = sig;
    console.log(`\nqtlab report: ${sig} received; stopping the running notebooks and their kernels ...`);
    abort.abort();
  };
  const onInt = () => stop("SIGINT");
  const onTerm = () => stop("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  const parent = process.ppid;
  const orphanWatch = setInterval(() => {
    if (process.ppid !== parent) stop("SIGTERM");
  }, 500);
  orphanWatch.unref();
  const detach = () => {
    clearInterval(orphanWatch);
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
  };
  let release: () => void;
  try {
    release = await guardRun(outDir, args.wait);
  } catch (e) {
    detach();
    throw e;
  }
  if (stoppedBy) {
    release();
    detach();
    console.log(`qtlab report: interrupted: 0 of ${names.length} notebooks finished, earlier reports kept`);
    return stoppedBy === "SIGINT" ? 130 : 143;
  }
  for (const d of removeStaleWorkDirs(outDir)) console.log(`qtlab report: removed ${d}, left by a run that was killed`);
  console.log(
    `qtlab report: ${names.length} notebook${names.length === 1 ? "" : "s"}, ${
      Math.min(jobs, names.length)
    } at a time, into ${relative(process.cwd(), outDir) || "."}/`,
  );
  const started = Date.now();
  let statuses: Awaited<ReturnType<typeof runReports>>;
  let pdfFailures = 0;
  try {
    statuses = await runReports(names, planned, {
      signal: abort.signal,
      paramsFiles: args.paramFiles,
      notebooksDir,
      outDir,
      inputMode: args.inputMode,
      jobs,
      timeoutSeconds: args.timeout,
    });
    if (args.pdf && !stoppedBy) pdfFailures = await printPdfs(statuses, outDir, abort.signal);
  } finally {
    detach();
    release();
  }
  if (stoppedBy) {
    const done = statuses.filter((s) => s.status === "ok").length;
    console.log(`qtlab report: interrupted: ${done} of ${names.length} notebooks finished, earlier reports kept`);
    return stoppedBy === "SIGINT" ? 130 : 143;
  }
  const failed = statuses.filter((s) => s.status === "failed");
  console.log(
    `\n${statuses.length - failed.length} of ${statuses.length} notebooks ran clean in ${
      ((Date.now() - started) / 1000).toFixed(1)
    } s; index: ${relative(process.cwd(), join(outDir, "index.html"))}`,
  );
  for (const s of failed) {
    console.log(
      `\nFAILED ${s.notebook}${
        s.error?.cell != null ? ` at cell ${s.error.cell}` : ""
      }: ${s.error?.ename}: ${s.error?.evalue}`,
    );
    if (s.error?.traceback) console.log(s.error.traceback.split("\n").slice(0, 12).map((l) => `  ${l}`).join("\n"));
    if (s.failedNotebook) {
      console.log(
        `  executed notebook kept: ${
          relative(process.cwd(), join(outDir, s.failedNotebook))
        }; the previous good report, if any, is unchanged`,
      );
    }
  }
  return failed.length || pdfFailures ? 1 : 0;
}

/** Print every clean report as PDF beside its HTML; returns how many failed (each with its reason). */
async function printPdfs(
  statuses: Awaited<ReturnType<typeof runReports>>,
  outDir: string,
  signal: AbortSignal,
): Promise<number> {
  let failures = 0;
  for (const s of statuses.filter((x) => x.status === "ok")) {
    if (signal.aborted) break;
    const pdf = join(outDir, `${s.notebook}.pdf`);
    const t0 = Date.now();
    try {
      await printPdf(join(outDir, `${s.notebook}.html`), pdf, { signal });
      console.log(`${s.notebook.padEnd(16)} pdf in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      failures++;
      console.log(`${s.notebook.padEnd(16)} PDF FAILED: ${(e as Error).message}; the HTML report is written`);
    }
  }
  return failures;
}

/**
 * The command as a function: its exit status, with a refused argument or parameter printed as one message
 * (exit 2). Tests call it in-process; run as a script it exits with that status.
 */
export async function reportCommand(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    console.error(
      `qtlab report: ${e instanceof UsageError || e instanceof RunRefused ? "" : "error: "}${(e as Error).message}`,
    );
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  reportCommand(process.argv.slice(2)).then((code) => process.exit(code));
}
