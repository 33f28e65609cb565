/**
 * What the report command checks and holds around a run, so that a run never half-writes reports/ and
 * never starts on damaged data:
 *   - preflight: every data file against its provenance record (sha256), and no file the record lacks,
 *     before any kernel starts;
 *   - one run at a time per reports folder (a lock file with the owner's pid and start time; a lock left
 *     by a process that is gone is taken over, with a notice), and none while a data refresh holds data/;
 *   - the scratch folders of runs that died (reports/.work-<pid> of a pid that is gone) are removed.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readManifest, sha256Hex } from "../data/manifest.ts";

/** A refused run: the command prints the message and exits 2 without running anything. */
export class RunRefused extends Error {}

/** Whether a process with this pid is alive (signal 0 probes without sending). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Every data file checked against data/manifest.json before a run: each listed file present with the
 * recorded sha256, and no .csv file the manifest does not list. Returns one message per problem, naming
 * the file, the expected and found hash, and how to restore it.
 */
export function preflightData(dataDir: string, root: string): string[] {
  const problems: string[] = [];
  let files: Record<string, { sha256: string }>;
  try {
    files = readManifest(dataDir).files;
  } catch (e) {
    return [`${(e as Error).message}. Restore it with: git checkout ${relative(root, join(dataDir, "manifest.json"))}`];
  }
  for (const [file, entry] of Object.entries(files)) {
    const path = join(dataDir, file);
    const rel = relative(root, path);
    if (!existsSync(path)) {
      problems.push(
        `${rel}: missing (the provenance record expects sha256 ${entry.sha256}). Restore it with: git checkout ${rel}, or npm run data:refresh`,
      );
      continue;
    }
    const found = sha256Hex(readFileSync(path));
    if (found !== entry.sha256) {
      problems.push(
        `${rel}: sha256 ${found} does not match the provenance record (${entry.sha256}). Restore it with: git checkout ${rel}, or npm run data:refresh`,
      );
    }
  }
  for (const f of readdirSync(dataDir).filter((n) => n.endsWith(".csv"))) {
    if (!Object.hasOwn(files, f)) {
      problems.push(
        `${
          relative(root, join(dataDir, f))
        }: not in data/manifest.json; a file without provenance is not read (remove it, or record it with scripts/data-manifest.ts)`,
      );
    }
  }
  return problems;
}

/** The lock file's content. */
export interface LockOwner {
  pid: number;
  startedAt: string;
  command: string;
}

/** Read a lock file; undefined when it is absent or unreadable. */
export function readLock(path: string): LockOwner | undefined {
  try {
    const o = JSON.parse(readFileSync(path, "utf8")) as LockOwner;
    return Number.isInteger(o.pid) ? o : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Take the lock file at `path` for this process. Held by a live process: refused (or, with `wait`, polled
 * until free). Left by a process that is gone: taken over, and `notice` says so. Returns the release.
 */
export async function acquireLock(
  path: string,
  what: string,
  options: { wait?: boolean; notice?: (line: string) => void; pollMs?: number } = {},
): Promise<() => void> {
  const me: LockOwner = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(" ").slice(0, 200),
  };
  for (;;) {
    try {
      writeFileSync(path, JSON.stringify(me), { flag: "wx" });
      const release = () => {
        if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
      };
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const owner = readLock(path);
    if (!owner || !pidAlive(owner.pid)) {
      options.notice?.(
        `${what}: taking over a lock left by ${
          owner ? `process ${owner.pid} (started ${owner.startedAt}), which is gone` : "an unreadable lock file"
        }`,
      );
      rmSync(path, { force: true });
      continue;
    }
    if (!options.wait) {
      throw new RunRefused(
        `${what} is in use by process ${owner.pid} (started ${owner.startedAt}: ${owner.command}); wait for it to finish, or run again with --wait to queue`,
      );
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
  }
}

/** Refuse to start while a data refresh holds data/ (its lock file names a live process). */
export function assertNoRefresh(dataDir: string): void {
  const owner = readLock(join(dataDir, REFRESH_LOCK));
  if (owner && pidAlive(owner.pid)) {
    throw new RunRefused(
      `a data refresh (process ${owner.pid}, started ${owner.startedAt}) is rewriting data/; run the report when it has finished`,
    );
  }
}

/** The lock file of a data refresh, inside data/. */
export const REFRESH_LOCK = ".qtlab-refresh.lock";
/** The lock file of a report run, inside the reports folder. */
export const REPORT_LOCK = ".qtlab-report.lock";

/** Remove the scratch folders (.work-<pid>) of runs whose process is gone; returns the ones removed. */
export function removeStaleWorkDirs(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(outDir)) {
    const m = /^\.work-(\d+)$/.exec(name);
    if (m && !pidAlive(Number(m[1]))) {
      rmSync(join(outDir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
