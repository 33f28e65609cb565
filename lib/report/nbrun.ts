/**
 * Calling scripts/nbrun.py, the notebook executor (Debian's Python, nbclient, nbconvert): once per
 * notebook, or through a long-lived worker that runs notebook after notebook so that Python start-up,
 * Jupyter's imports and the report template are paid once per worker (the report runner keeps one per
 * parallel job).
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const NBRUN = join(resolve(fileURLToPath(new URL("../../", import.meta.url))), "scripts", "nbrun.py");
let python: string | undefined;
/**
 * The Python that runs the executor: the python3 first on PATH when it has nbclient and nbconvert (a
 * virtualenv, say), else Debian's /usr/bin/python3, which setup installs them for. Probed once.
 */
export function pythonForJupyter(): string {
  if (python) return python;
  const probe = spawnSync("python3", ["-c", "import nbclient, nbconvert"], { stdio: "ignore", timeout: 20_000 });
  python = probe.status === 0 ? "python3" : "/usr/bin/python3";
  return python;
}

/** One nbrun.py progress event (one JSON object per stdout line). */
export interface NbrunEvent {
  event: "start" | "cell" | "error" | "done" | "exit";
  index?: number | null;
  ename?: string;
  evalue?: string;
  traceback?: string;
  ok?: boolean;
  seconds?: number;
  /** On "done": seconds per phase of the run. */
  timings?: NbrunTimings;
  /** On "exit" (worker mode): the job it ends and nbrun's exit code for it. */
  id?: number;
  code?: number;
}

/** Seconds per phase of one run, as nbrun.py reports them on "done". */
export interface NbrunTimings {
  kernel_start: number | null;
  execute: number;
  shutdown: number;
  export: number;
}

/** What a run gave: nbrun's exit code (0 ran clean, 1 a cell or the export failed, 2 usage), its events, stderr. */
export interface NbrunResult {
  code: number;
  events: NbrunEvent[];
  stderr: string;
}

/** Runs nbrun.py with the given arguments. */
export type NbrunRunner = (argv: readonly string[]) => Promise<NbrunResult>;

function parseEvents(lines: readonly string[]): NbrunEvent[] {
  return lines.filter((l) => l.startsWith("{")).flatMap((l) => {
    try {
      return [JSON.parse(l) as NbrunEvent];
    } catch {
      return [];
    }
  });
}

/** Run nbrun.py once in its own process. */
export const runNbrunOnce: NbrunRunner = (argv) =>
  new Promise((done) => {
    const child = spawn(pythonForJupyter(), [NBRUN, ...argv], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on(
      "error",
      (e) => done({ code: 127, events: [], stderr: `cannot start ${pythonForJupyter()}: ${e.message}` }),
    );
    child.on("close", (code) => done({ code: code ?? 1, events: parseEvents(out.split("\n")), stderr: err }));
  });

/**
 * A `nbrun.py --worker` process taking one job at a time. A worker that dies mid-job fails that job
 * (the result carries its stderr) and is started afresh for the next one.
 */
export class NbrunWorker {
  private child: ChildProcessWithoutNullStreams | undefined;
  private pending: { id: number; events: NbrunEvent[]; stderr: string; done: (r: NbrunResult) => void } | undefined;
  private partial = "";
  private nextId = 1;

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn(pythonForJupyter(), [NBRUN, "--worker"], { stdio: ["pipe", "pipe", "pipe"] });
    this.partial = "";
    child.stdout.on("data", (d: Buffer) => {
      const lines = (this.partial + d.toString()).split("\n");
      this.partial = lines.pop() ?? "";
      for (const event of parseEvents(lines)) {
        const job = this.pending;
        if (!job) continue;
        if (event.event === "exit" && event.id === job.id) {
          this.pending = undefined;
          job.done({ code: event.code ?? 1, events: job.events, stderr: job.stderr });
        } else job.events.push(event);
      }
    });
    child.stderr.on("data", (d: Buffer) => {
      if (this.pending) this.pending.stderr += d.toString();
    });
    const fail = (why: string) => {
      if (this.child === child) this.child = undefined;
      const job = this.pending;
      this.pending = undefined;
      job?.done({ code: 1, events: job.events, stderr: `${job.stderr}${why}` });
    };
    child.on("error", (e) => fail(`cannot start ${pythonForJupyter()}: ${e.message}`));
    child.on("exit", (code, signal) => fail(`nbrun worker exited (${signal ?? `code ${code}`}) during the run`));
    return child;
  }

  /** Run one notebook (nbrun.py's usual arguments); one at a time per worker. */
  run(argv: readonly string[]): Promise<NbrunResult> {
    if (this.pending) return Promise.reject(new Error("NbrunWorker.run: the worker is busy"));
    this.child ??= this.start();
    const id = this.nextId++;
    return new Promise((done) => {
      this.pending = { id, events: [], stderr: "", done };
      this.child!.stdin.write(`${JSON.stringify({ id, argv })}\n`);
    });
  }

  /**
   * Stop the worker now: SIGTERM, on which nbrun.py stops the running notebook and shuts its kernel down;
   * the job in progress ends failed.
   */
  kill(): void {
    this.child?.kill("SIGTERM");
  }

  /** End the worker (it finishes at the end of its input). */
  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }
}
