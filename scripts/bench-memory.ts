/**
 * Peak resident memory of a process tree, for the bench: every ~50 ms the tree under a root process is
 * walked through /proc/<pid>/task/<tid>/children and each process's /proc/<pid>/status read. A process's
 * peak is its own high-water mark (VmHWM, exact even between polls, as long as it is read before the process
 * ends) or the largest VmRSS polled; the tree's peak is the largest sum of VmRSS seen at one poll. Linux
 * only: elsewhere every figure is undefined. A process's command line is re-read at every poll (the last one
 * seen names it), since a child caught between fork and exec still shows its parent's.
 */
import { readdirSync, readFileSync } from "node:fs";

/** One process seen in the tree: its command line and peak resident memory (MB). */
export interface ProcessPeak {
  pid: number;
  cmd: string;
  peakMb: number;
}

/** What a watch saw: every process of the tree (root included) and the tree's peak summed resident set. */
export interface TreePeak {
  processes: ProcessPeak[];
  /** Largest sum over one poll of the resident sets (MB) of the root and its descendants. */
  treePeakMb: number | undefined;
  polls: number;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The direct children of a process (all its threads' children). */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((t) => (read(`/proc/${pid}/task/${t}/children`) ?? "").trim().split(/\s+/).filter(Boolean))
    .map(Number);
}

/** VmRSS and VmHWM (MB) of a process, or undefined when it is gone. */
export function statusMb(pid: number): { rssMb: number; hwmMb: number } | undefined {
  const s = read(`/proc/${pid}/status`);
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(s ?? "")?.[1] ?? NaN);
  if (s === undefined || !Number.isFinite(kb("VmRSS"))) return undefined;
  return { rssMb: kb("VmRSS") / 1024, hwmMb: kb("VmHWM") / 1024 };
}

/** Watches the tree under `rootPid` until stop(); start() returns at once, polling on a timer. */
export class TreeMemory {
  private readonly seen = new Map<number, ProcessPeak>();
  private treePeakMb: number | undefined;
  private polls = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly rootPid: number = process.pid, private readonly intervalMs = 50) {}

  /** Poll once now: walk the tree, record each process's peak and the summed resident set. */
  poll(): void {
    const stack = [this.rootPid];
    const visited = new Set<number>();
    let sum = 0;
    let any = false;
    while (stack.length) {
      const pid = stack.pop()!;
      if (visited.has(pid)) continue;
      visited.add(pid);
      const st = statusMb(pid);
      if (st) {
        any = true;
        sum += st.rssMb;
        const prev = this.seen.get(pid);
        // Read every time: a child seen between fork and exec still shows its parent's command line.
        const cmd = (read(`/proc/${pid}/cmdline`) ?? "").split("\0").join(" ").trim() || prev?.cmd || "";
        this.seen.set(pid, { pid, cmd, peakMb: Math.max(prev?.peakMb ?? 0, st.rssMb, st.hwmMb) });
      }
      stack.push(...childrenOf(pid));
    }
    this.polls++;
    if (any) this.treePeakMb = Math.max(this.treePeakMb ?? 0, sum);
  }

  start(): this {
    this.poll();
    this.timer = setInterval(() => this.poll(), this.intervalMs);
    return this;
  }

  stop(): TreePeak {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.poll();
    return { processes: [...this.seen.values()], treePeakMb: this.treePeakMb, polls: this.polls };
  }
}

/** A notebook kernel on the qtlab kernelspec: `deno jupyter --kernel ...`. */
export const isKernel = (p: ProcessPeak): boolean => /\bdeno\b.*\bjupyter\b.*--kernel/.test(p.cmd);
/** A Python kernel (ipykernel), for the Python twin. */
export const isPythonKernel = (p: ProcessPeak): boolean => p.cmd.includes("ipykernel");
/** The executor: scripts/nbrun.py (one run, or a report build's worker). */
export const isExecutor = (p: ProcessPeak): boolean => p.cmd.includes("nbrun.py");
/** The largest peak among the processes that match, or undefined when none ran. */
export function maxPeakMb(peak: TreePeak, match: (p: ProcessPeak) => boolean): number | undefined {
  const xs = peak.processes.filter(match).map((p) => p.peakMb);
  return xs.length ? Math.max(...xs) : undefined;
}
