/**
 * qtlab report: execute notebooks with your assumptions and export static HTML reports.
 * Run through `npm run report -- [options] [NOTEBOOK ...]` (setup runs first). See --help.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { readNotebook } from "../lib/report/notebook.ts";
import { notebookParameters, parseAssignment } from "../lib/report/parameters.ts";
import { listNotebooks, planOverrides, PROJECT_ROOT, resolveNotebookNames, runReports, type InputMode, type Overrides } from "../lib/report/run.ts";

const HELP = `qtlab report: run notebooks with new assumptions and export HTML reports

usage: npm run report -- [options] [NOTEBOOK ...]

  NOTEBOOK               a notebook name or its number prefix (e.g. 05 or 05-rmp-scenarios);
                         default: every notebook in notebooks/
  -p, --param NAME=VALUE override a parameter in every selected notebook that declares it
  -p NOTEBOOK:NAME=VALUE override it in one notebook only
                         VALUE is read as JSON (25, true, "text", [1,2], {"a":1}), else as a string
  --params FILE.json     overrides from a file: {"NAME": VALUE, ..., "NOTEBOOK": {"NAME": VALUE}}
  --list-params NOTEBOOK print the notebook's parameters: name, type, default, source
  --with-code            show every cell's code in the reports
  --no-input             show no code at all (default: code hidden, the assumptions cells shown)
  -j, --jobs N           notebooks run at once (default: ${availableParallelism()}, the number of cores)
  --out DIR              where reports go (default: reports/)
  --timeout SECONDS      per-cell time limit (default: 600)
  -h, --help             this text

Writes DIR/<notebook>.html and .ipynb for each notebook that ran clean and DIR/index.html. A notebook
that fails keeps its previous good report; its executed notebook goes to DIR/failed/ for inspection.
Exit status: 0 all ran, 1 a notebook failed, 2 bad arguments or parameters (nothing was run).`;

class UsageError extends Error {}

interface Args {
  notebooks: string[];
  assignments: string[];
  paramFiles: string[];
  listParams?: string;
  inputMode: InputMode;
  jobs?: number;
  outDir?: string;
  timeout?: number;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { notebooks: [], assignments: [], paramFiles: [], inputMode: "assumptions", help: false };
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
    else if (arg === "--no-input") a.inputMode = "none";
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
  const o: Overrides = { all: {}, byNotebook: {} };
  const scoped = (nb: string) => (o.byNotebook[resolveNotebookNames([nb], available)[0]] ??= {});
  for (const file of args.paramFiles) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new UsageError(`--params ${file}: ${(e as Error).message}`);
    }
    if (!json || typeof json !== "object" || Array.isArray(json)) throw new UsageError(`--params ${file}: expected a JSON object of NAME: VALUE`);
    for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
      if (key.includes("-") && value && typeof value === "object" && !Array.isArray(value)) Object.assign(scoped(key), value);
      else o.all[key] = value;
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

function listParams(notebooksDir: string, name: string): void {
  const nb = readNotebook(join(notebooksDir, `${name}.ipynb`));
  const params = notebookParameters(nb, name);
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

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const notebooksDir = join(PROJECT_ROOT, "notebooks");
  const available = listNotebooks(notebooksDir);
  if (args.listParams) {
    listParams(notebooksDir, resolveNotebookNames([args.listParams], available)[0]);
    return 0;
  }
  const names = resolveNotebookNames(args.notebooks, available);
  const overrides = collectOverrides(args, available);
  // Everything is validated before any kernel starts.
  const plan = planOverrides(
    names.map((name) => ({ name, params: notebookParameters(readNotebook(join(notebooksDir, `${name}.ipynb`)), name) })),
    overrides,
  );
  const outDir = args.outDir ?? join(PROJECT_ROOT, "reports");
  const jobs = args.jobs ?? availableParallelism();
  console.log(`qtlab report: ${names.length} notebook${names.length === 1 ? "" : "s"}, ${Math.min(jobs, names.length)} at a time, into ${relative(process.cwd(), outDir) || "."}/`);
  const started = Date.now();
  const statuses = await runReports(names, plan, { notebooksDir, outDir, inputMode: args.inputMode, jobs, timeoutSeconds: args.timeout });
  const failed = statuses.filter((s) => s.status === "failed");
  console.log(`\n${statuses.length - failed.length} of ${statuses.length} notebooks ran clean in ${((Date.now() - started) / 1000).toFixed(1)} s; index: ${relative(process.cwd(), join(outDir, "index.html"))}`);
  for (const s of failed) {
    console.log(`\nFAILED ${s.notebook}${s.error?.cell != null ? ` at cell ${s.error.cell}` : ""}: ${s.error?.ename}: ${s.error?.evalue}`);
    if (s.error?.traceback) console.log(s.error.traceback.split("\n").slice(0, 12).map((l) => `  ${l}`).join("\n"));
    if (s.failedNotebook) console.log(`  executed notebook kept: ${relative(process.cwd(), join(outDir, s.failedNotebook))}; the previous good report, if any, is unchanged`);
  }
  return failed.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`qtlab report: ${e instanceof UsageError ? "" : "error: "}${e.message}`);
    process.exit(2);
  },
);
