/**
 * Fault injection: damaged data, locks, stale scratch folders, signals mid-run, hostile values and a
 * hostile environment. Each case asserts what the user is told, the exit status where a command runs,
 * and that nothing good was lost: data/ and reports/ are either as they were or complete and new.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadH41 } from "../../lib/data/h41.ts";
import { clearManifestCache, measureDataFile, readManifest } from "../../lib/data/manifest.ts";
import {
  acquireLock,
  pidAlive,
  preflightData,
  readLock,
  removeStaleWorkDirs,
  RunRefused,
} from "../../lib/report/runGuard.ts";
import { node, tsArgs } from "../helpers/node.ts";

const root = join(import.meta.dirname, "..", "..");
const tmp = mkdtempSync(join(tmpdir(), "qtlab-faults-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of data/ to damage. */
function dataCopy(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(root, "data"), dir, { recursive: true });
  clearManifestCache();
  return dir;
}

/** Damage WALCL.csv in a copy and re-measure its provenance, so the file passes its checksum and the loader must find the fault. */
function damagedWalcl(name: string, damage: (text: string) => string | Buffer): string {
  const dir = dataCopy(name);
  const path = join(dir, "WALCL.csv");
  const next = damage(readFileSync(path, "utf8"));
  writeFileSync(path, next);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const m = measureDataFile(typeof next === "string" ? Buffer.from(next) : next);
  Object.assign(manifest.files["WALCL.csv"], m);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  clearManifestCache();
  return dir;
}

const lines = (t: string) => t.split("\n");

/** The pids of every process descended from `pid` whose command line matches `pattern`. */
function descendants(pid: number, pattern: RegExp): number[] {
  const rows = spawnSync("ps", ["-e", "-o", "pid=,ppid=,args="], { encoding: "utf8" }).stdout.trim().split("\n").map(
    (l) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)!;
      return { pid: Number(m[1]), ppid: Number(m[2]), args: m[3] };
    },
  );
  const out: number[] = [];
  const walk = (p: number) => {
    for (const r of rows.filter((x) => x.ppid === p)) {
      if (pattern.test(r.args)) out.push(r.pid);
      walk(r.pid);
    }
  };
  walk(pid);
  return out;
}

describe("preflight: every data file against its provenance record, before any kernel", () => {
  const cases: [string, (dir: string) => void, RegExp][] = [
    [
      "a truncated file",
      (d) => writeFileSync(join(d, "WALCL.csv"), readFileSync(join(d, "WALCL.csv")).subarray(0, 5000)),
      /^data\/WALCL\.csv: sha256 [0-9a-f]{64} does not match the provenance record \([0-9a-f]{64}\)\. Restore it with: git checkout data\/WALCL\.csv, or npm run data:refresh$/,
    ],
    ["an empty file", (d) => writeFileSync(join(d, "SOFR.csv"), ""), /^data\/SOFR\.csv: sha256 e3b0c442/],
    [
      "a binary file",
      (d) => writeFileSync(join(d, "GDP.csv"), Buffer.from([0, 1, 2, 255, 254, 0])),
      /^data\/GDP\.csv: sha256 .* does not match/,
    ],
    [
      "a BOM-prefixed file",
      (d) => writeFileSync(join(d, "DGS10.csv"), `\ufeff${readFileSync(join(d, "DGS10.csv"), "utf8")}`),
      /^data\/DGS10\.csv: sha256/,
    ],
    [
      "CRLF line ends",
      (d) => writeFileSync(join(d, "IORB.csv"), readFileSync(join(d, "IORB.csv"), "utf8").replaceAll("\n", "\r\n")),
      /^data\/IORB\.csv: sha256/,
    ],
    [
      "a missing file",
      (d) => rmSync(join(d, "EFFR.csv")),
      /^data\/EFFR\.csv: missing \(the provenance record expects sha256 [0-9a-f]{64}\)\. Restore it with: git checkout data\/EFFR\.csv, or npm run data:refresh$/,
    ],
    [
      "an unknown extra file",
      (d) => writeFileSync(join(d, "EXTRA.csv"), "date,value\n2020-01-01,1\n"),
      /^data\/EXTRA\.csv: not in data\/manifest\.json/,
    ],
    ["a manifest entry removed", (d) => {
      const m = JSON.parse(readFileSync(join(d, "manifest.json"), "utf8"));
      delete m.files["VIXCLS.csv"];
      writeFileSync(join(d, "manifest.json"), JSON.stringify(m));
    }, /^data\/VIXCLS\.csv: not in data\/manifest\.json/],
    [
      "an unreadable manifest",
      (d) => writeFileSync(join(d, "manifest.json"), "{not json"),
      /cannot read the provenance manifest.*Restore it with: git checkout data\/manifest\.json/,
    ],
  ];
  it.each(cases)("%s is named with the expected and found hash and how to restore it", (_, damage, message) => {
    const dir = dataCopy(`pre-${Math.random().toString(36).slice(2)}`);
    damage(dir);
    clearManifestCache();
    const problems = preflightData(dir, tmp).map((p) => p.replaceAll(dir.slice(tmp.length + 1), "data"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
  it("the shipped data pass (how long it takes is the bench's to say)", () => {
    expect(preflightData(join(root, "data"), root)).toEqual([]);
  });
});

describe("loaders: a file that passes its checksum but is malformed fails with the file, the line and what was expected", () => {
  const cases: [string, (t: string) => string | Buffer, RegExp][] = [
    ["a row cut mid-line", (t) => t.slice(0, t.lastIndexOf("\n", t.length - 2) + 8), /WALCL\.csv.*line \d+/],
    ["a duplicated date", (t) => {
      const l = lines(t);
      l.splice(3, 0, l[2]);
      return l.join("\n");
    }, /WALCL\.csv.*line 4/],
    ["rows out of order", (t) => {
      const l = lines(t);
      [l[5], l[6]] = [l[6], l[5]];
      return l.join("\n");
    }, /WALCL\.csv.*line [67]/],
    ["a non-numeric value", (t) => {
      const l = lines(t);
      l[10] = `${l[10].split(",")[0]},n/a`;
      return l.join("\n");
    }, /WALCL\.csv.*line 11/],
    ["FRED's missing marker", (t) => {
      const l = lines(t);
      l[12] = `${l[12].split(",")[0]},.`;
      return l.join("\n");
    }, /WALCL\.csv.*line 13/],
    [
      "values switched to billions",
      (t) =>
        lines(t).map((l, i) => (i === 0 || !l ? l : `${l.split(",")[0]},${Number(l.split(",")[1]) / 1000}`)).join("\n"),
      /WALCL\.csv.*(outside the declared range|other units)/,
    ],
    ["a wrong header", (t) => t.replace("date,value", "DATE,WALCL"), /WALCL\.csv.*line 1/],
    ["a BOM before the header", (t) => `\ufeff${t}`, /WALCL\.csv.*line 1/],
    ["only a header", () => "date,value\n", /WALCL\.csv/],
    ["a gap in the weekly grid", (t) => {
      const l = lines(t);
      l.splice(20, 3);
      return l.join("\n");
    }, /WALCL\.csv line 21: 2003-05-21 is off the weekly grid: 28 days after the previous observation, expected 7/],
  ];
  it.each(cases)("%s", (_, damage, message) => {
    const dir = damagedWalcl(`load-${Math.random().toString(36).slice(2)}`, damage);
    let err: Error | undefined;
    try {
      loadH41("WALCL", { dataDir: dir });
    } catch (e) {
      err = e as Error;
    }
    expect(err, "the loader refused the file").toBeDefined();
    expect(err!.constructor.name).not.toBe("TypeError");
    expect(err!.message).toMatch(message);
    expect(readManifest(dir).files["WALCL.csv"]).toBeDefined();
  });
});

describe("loaders: a file that survives", () => {
  it("CRLF line ends are read as the same series (the bytes differ, the data do not)", () => {
    const dir = damagedWalcl("load-crlf", (t) => t.replaceAll("\n", "\r\n"));
    expect(loadH41("WALCL", { dataDir: dir }).rows).toEqual(loadH41("WALCL").rows);
  });
});

describe("locks: one report run per reports folder, one refresh per data folder", () => {
  it("a lock held by a live process refuses a second run, naming it", async () => {
    const path = join(tmp, "held.lock");
    writeFileSync(path, JSON.stringify({ pid: process.pid, startedAt: "2026-01-01T00:00:00Z", command: "report" }));
    await expect(acquireLock(path, "the reports folder reports")).rejects.toThrow(RunRefused);
    await expect(acquireLock(path, "the reports folder reports")).rejects.toThrow(
      new RegExp(
        `in use by process ${process.pid} \\(started 2026-01-01T00:00:00Z: report\\); wait for it to finish, or run again with --wait`,
      ),
    );
    rmSync(path);
  });
  it("a lock left by a process that is gone is taken over, with a notice", async () => {
    const path = join(tmp, "stale.lock");
    const dead = spawnSync("true").pid!;
    expect(pidAlive(dead)).toBe(false);
    writeFileSync(path, JSON.stringify({ pid: dead, startedAt: "2026-01-01T00:00:00Z", command: "report" }));
    const notices: string[] = [];
    const release = await acquireLock(path, "the reports folder", { notice: (l) => notices.push(l) });
    expect(notices[0]).toMatch(new RegExp(`taking over a lock left by process ${dead}`));
    expect(readLock(path)?.pid).toBe(process.pid);
    release();
    expect(existsSync(path)).toBe(false);
  });
  it("an unreadable lock file is taken over too", async () => {
    const path = join(tmp, "garbled.lock");
    writeFileSync(path, "garbage");
    const notices: string[] = [];
    (await acquireLock(path, "x", { notice: (l) => notices.push(l) }))();
    expect(notices[0]).toMatch(/an unreadable lock file/);
  });
  it("--wait queues behind the owner and runs when it releases", async () => {
    const path = join(tmp, "wait.lock");
    const first = await acquireLock(path, "x");
    let second = false;
    const p = acquireLock(path, "x", { wait: true, pollMs: 20 }).then((r) => {
      second = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(second).toBe(false);
    first();
    (await p)();
    expect(second).toBe(true);
  });
  it("stale scratch folders of dead runs are removed; a live run's is kept", () => {
    const out = join(tmp, "reports-stale");
    const dead = spawnSync("true").pid!;
    mkdirSync(join(out, `.work-${dead}`), { recursive: true });
    mkdirSync(join(out, `.work-${process.pid}`), { recursive: true });
    expect(removeStaleWorkDirs(out)).toEqual([`.work-${dead}`]);
    expect(readdirSync(out)).toEqual([`.work-${process.pid}`]);
  });
  it("a second refresh is refused while one holds data/ (exit 2)", () => {
    const dir = dataCopy("refresh-locked");
    writeFileSync(
      join(dir, ".qtlab-refresh.lock"),
      JSON.stringify({ pid: process.pid, startedAt: "2026-01-01T00:00:00Z", command: "refresh" }),
    );
    const r = spawnSync(node, tsArgs(join(root, "scripts", "refresh.ts"), "--data-dir", dir, "--series", "WALCL"), {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the data folder is in use by process \d+/);
  });
});

/** A free port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe("refresh without a network: it stops at the first sign, with one line, data/ untouched", () => {
  it("an unresolvable publisher host ends the run at once (exit 1), data/ byte-identical", () => {
    const dir = dataCopy("refresh-offline");
    const before = readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "base64")]);
    const t0 = Date.now();
    const r = spawnSync(
      node,
      tsArgs(
        join(root, "scripts", "refresh.ts"),
        "--data-dir",
        dir,
        "--base-fred",
        "http://qtlab-no-such-host.invalid",
      ),
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n").filter((l) => l.startsWith("data:refresh:"))).toEqual([
      expect.stringMatching(
        /^data:refresh: no network: cannot reach qtlab-no-such-host\.invalid \((ENOTFOUND|EAI_AGAIN)\); nothing was downloaded, data\/ and its provenance are unchanged$/,
      ),
    ]);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "base64")])).toEqual(before);
  });
});

describe("the notebook server's port", () => {
  it.each([["abc"], ["0"], ["99999"], ["-5"], ["8888x"]])(
    "QTLAB_PORT=%s is refused with a message (exit 2)",
    (port) => {
      const r = spawnSync("bash", [join(root, "scripts", "notebook.sh")], {
        encoding: "utf8",
        env: { ...process.env, QTLAB_PORT: port },
        timeout: 30_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`QTLAB_PORT must be a port number from 1 to 65535, got "${port}"`);
    },
  );
  it("a port already in use is refused, not silently replaced by another", async () => {
    const port = await freePort();
    const busy = createServer().listen(port, "127.0.0.1");
    await new Promise((r) => busy.once("listening", r));
    try {
      const r = spawnSync("bash", [join(root, "scripts", "notebook.sh")], {
        encoding: "utf8",
        env: { ...process.env, QTLAB_PORT: String(port) },
        timeout: 30_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      busy.close();
    }
  });
});

describe("a hostile environment", () => {
  it("setup with HOME=/dev/null reports the user-level kernelspec as a notice and succeeds", () => {
    const r = spawnSync("bash", [join(root, "scripts", "setup.sh")], {
      encoding: "utf8",
      env: { ...process.env, HOME: "/dev/null" },
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /setup: notice: the user-level kernelspec was not installed .*Not a directory.*the project's own kernelspec/,
    );
  });
});

describe("hostile values and dying kernels in a real run", () => {
  const out = join(tmp, "reports-hostile");
  it("markup in a free-text value reaches the report and the index only escaped, never as markup", () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>`${x}`*/';
    const value = JSON.stringify([{ date: "2008-11-25", what: evil }]);
    const r = spawnSync(
      node,
      tsArgs(join(root, "scripts", "report.ts"), "03", "--out", out, "-p", `qeAnnouncements=${value}`),
      { encoding: "utf8", cwd: root, timeout: 180_000 },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    for (const f of ["03-foreign-selling.html", "index.html"]) {
      const html = readFileSync(join(out, f), "utf8");
      expect(html, f).not.toContain("<img src=x");
      expect(html, f).not.toContain("<script>alert(2)");
    }
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("&lt;img src=x");
  }, 200_000);
  it("kernels killed during the run fail its notebook with the reason, and keep the previous good report", async () => {
    const before = readFileSync(join(out, "03-foreign-selling.html"));
    const child = spawn(node, tsArgs(join(root, "scripts", "report.ts"), "03", "--out", out), { cwd: root });
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.stderr.on("data", (d) => (text += d));
    // Only this run's kernels: other tests may be running notebooks at the same time. Every kernel it
    // starts is killed, so the run fails whether a kill lands mid-run or while the kernel starts (a kernel
    // that dies before answering kernel_info is started once more; the second one is killed too).
    const killer = setInterval(() => {
      for (const p of descendants(child.pid!, /deno jupyter --kernel/)) spawnSync("kill", ["-9", String(p)]);
    }, 100);
    const code = await new Promise<number | null>((res) => child.on("exit", res));
    clearInterval(killer);
    expect(code, text).toBe(1);
    expect(text).toMatch(/FAILED 03-foreign-selling/);
    expect(readFileSync(join(out, "03-foreign-selling.html")).equals(before)).toBe(true);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("Latest attempt failed");
  }, 200_000);
});

describe("a kernel that dies while it starts", () => {
  /** A kernelspec whose kernel exits at once the first `failures` times it is started, then is the qtlab kernel. */
  function flakyKernel(name: string, failures: number): { dir: string; nb: string } {
    const dir = join(tmp, name);
    mkdirSync(join(dir, "kernels", name), { recursive: true });
    const script = join(dir, "kernel.sh");
    writeFileSync(
      script,
      `#!/bin/sh\nn=$(cat "${dir}/starts" 2>/dev/null || echo 0)\necho $((n + 1)) > "${dir}/starts"\n` +
        `if [ "$n" -lt ${failures} ]; then exit 1; fi\nexec "${
          join(root, "node_modules", "deno", "deno")
        }" jupyter --kernel --conn "$1"\n`,
    );
    chmodSync(script, 0o755);
    writeFileSync(
      join(dir, "kernels", name, "kernel.json"),
      JSON.stringify({
        argv: [script, "{connection_file}"],
        display_name: name,
        language: "typescript",
        env: { NO_COLOR: "1", DENO_DIR: join(root, ".cache", "deno") },
      }),
    );
    const nb = join(dir, "nb.ipynb");
    writeFileSync(
      nb,
      JSON.stringify({
        cells: [{ cell_type: "code", metadata: {}, source: "1 + 1", outputs: [], execution_count: null }],
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5,
      }),
    );
    return { dir, nb };
  }
  const nbrun = (k: { dir: string; nb: string }, name: string) =>
    spawnSync("/usr/bin/python3", [
      join(root, "scripts", "nbrun.py"),
      "--in",
      k.nb,
      "--out-ipynb",
      join(k.dir, "out.ipynb"),
      "--kernel",
      name,
    ], { encoding: "utf8", env: { ...process.env, JUPYTER_PATH: k.dir }, timeout: 120_000 });
  it("is started once more, and the notebook runs (nothing had run yet)", () => {
    const k = flakyKernel("qtlab-dies-once", 1);
    const r = nbrun(k, "qtlab-dies-once");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Kernel died before replying to kernel_info; starting it once more/);
    expect(readFileSync(join(k.dir, "starts"), "utf8").trim()).toBe("2");
  }, 120_000);
  it("dying twice fails the notebook with the reason, after exactly two starts", () => {
    const k = flakyKernel("qtlab-dies-always", 5);
    const r = nbrun(k, "qtlab-dies-always");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/died before replying/);
    expect(readFileSync(join(k.dir, "starts"), "utf8").trim()).toBe("2");
  }, 120_000);
});

describe("where qtlab runs", () => {
  it("an unwritable reports folder is refused before any kernel, with the reason (exit 2)", () => {
    const r = spawnSync(node, tsArgs(join(root, "scripts", "report.ts"), "00", "--out", "/dev/null/reports"), {
      encoding: "utf8",
      cwd: root,
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /cannot write reports to \/dev\/null\/reports \(ENOTDIR\); choose another folder with --out, nothing was run/,
    );
    expect(r.stdout).not.toMatch(/started/);
  });
  it("a project whose path holds spaces runs its notebooks and reports", () => {
    const copy = join(tmp, "a qtlab copy");
    const clone = spawnSync("git", ["clone", "-q", "--no-hardlinks", root, copy], { encoding: "utf8" });
    expect(clone.status, clone.stderr).toBe(0);
    // The work tree as it is now (tests run on uncommitted changes too), and the installed packages.
    for (const d of ["lib", "scripts", "notebooks", "jupyter", "data"]) {
      rmSync(join(copy, d), { recursive: true, force: true });
      cpSync(join(root, d), join(copy, d), { recursive: true });
    }
    spawnSync("ln", ["-s", join(root, "node_modules"), join(copy, "node_modules")]);
    cpSync(join(root, ".qtlab", "jupyter"), join(copy, ".qtlab", "jupyter"), { recursive: true });
    const r = spawnSync(node, tsArgs(join(copy, "scripts", "report.ts"), "00", "--out", join(copy, "reports")), {
      encoding: "utf8",
      cwd: copy,
      timeout: 120_000,
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(readFileSync(join(copy, "reports", "00-data-tour.html"), "utf8")).toContain("A tour of qtlab's data");
  }, 180_000);
});

describe("a full disk", () => {
  const disk = join(tmp, "tiny-disk");
  afterAll(() => spawnSync("umount", [disk]));
  it(
    "a reports folder that runs out of space fails the run with the reason, keeps the earlier report and leaves no scratch files",
    () => {
      mkdirSync(disk, { recursive: true });
      // A 256 KiB filesystem: room for the earlier report and the lock, not for a new report (about 600 KB).
      const mount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", disk], { encoding: "utf8" });
      expect(mount.status, `mount a small tmpfs (as root): ${mount.stderr}`).toBe(0);
      writeFileSync(join(disk, "00-data-tour.html"), "<p>an earlier good report</p>");
      const r = spawnSync(node, tsArgs(join(root, "scripts", "report.ts"), "00", "--out", disk), {
        encoding: "utf8",
        cwd: root,
        timeout: 120_000,
      });
      expect(r.status, r.stdout + r.stderr).not.toBe(0);
      expect(r.stdout + r.stderr).toMatch(/ENOSPC|No space left on device/i);
      expect(readFileSync(join(disk, "00-data-tour.html"), "utf8")).toBe("<p>an earlier good report</p>");
      expect(readdirSync(disk).filter((f) => f.startsWith(".work") || f.endsWith(".tmp") || f === ".qtlab-report.lock"))
        .toEqual([]);
    },
    150_000,
  );
});

describe("signals mid-run: kernels stop, reports/ keeps its earlier files, exit 130/143", () => {
  let out: string;
  beforeAll(() => {
    out = join(tmp, "reports-signals");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "00-data-tour.html"), "<p>an earlier good report</p>");
    writeFileSync(join(out, "index.html"), "<p>an earlier index</p>");
  });
  /**
   * Wait until the run has let go of the reports folder: its kernels may still be stopping for a moment
   * after the process exits.
   */
  async function lockReleased(dir: string): Promise<void> {
    // Released, or left by a process that is gone (the next run takes such a lock over, with a notice).
    const held = () => {
      const owner = readLock(join(dir, ".qtlab-report.lock"));
      return owner !== undefined && pidAlive(owner.pid);
    };
    for (let i = 0; i < 150 && held(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(held(), "the run let go of its lock").toBe(false);
  }

  /**
   * Start a report run, send `sig` `afterMs` after its first notebook started, and return its exit code,
   * its output and the kernels it had running when the signal went.
   */
  function interrupted(
    sig: NodeJS.Signals,
    afterMs: number,
  ): Promise<{ code: number | null; text: string; kernels: number[] }> {
    return new Promise((resolve) => {
      const child = spawn(node, tsArgs(join(root, "scripts", "report.ts"), "00", "01", "--out", out), { cwd: root });
      let text = "";
      let kernels: number[] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const on = (d: Buffer) => {
        text += d;
        if (!timer && /started/.test(text)) {
          timer = setTimeout(() => {
            kernels = descendants(child.pid!, /deno jupyter --kernel/);
            child.kill(sig);
          }, afterMs);
        }
      };
      child.stdout.on("data", on);
      child.stderr.on("data", on);
      // "close", not "exit": every line the run printed while it stopped is in `text`.
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, text, kernels });
      });
    });
  }
  it(
    "SIGTERM while the command starts (before any notebook): it stops, and the reports folder is as it was",
    async () => {
      const before = readdirSync(out).sort();
      const child = spawn(node, tsArgs(join(root, "scripts", "report.ts"), "00", "--out", out), { cwd: root });
      setTimeout(() => child.kill("SIGTERM"), 150);
      const code = await new Promise<number | null>((res) =>
        child.on("exit", (c, sig) => res(c ?? (sig ? 143 : null)))
      );
      expect(code).not.toBe(0);
      await lockReleased(out);
      expect(readdirSync(out).sort()).toEqual(before);
      expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>an earlier index</p>");
    },
    60_000,
  );
  it.each([
    ["SIGINT while the kernels start", "SIGINT" as const, 300, 130],
    ["SIGTERM while the notebooks run", "SIGTERM" as const, 1800, 143],
  ])("%s", async (_, sig, afterMs, code) => {
    const r = await interrupted(sig, afterMs);
    await lockReleased(out);
    if (r.code === 0) return; // the machine was quick enough to finish first: nothing to interrupt
    expect(r.code, r.text).toBe(code);
    expect(r.text).toMatch(/interrupted: \d of 2 notebooks finished, earlier reports kept/);
    await new Promise((res) => setTimeout(res, 500));
    expect(r.kernels.filter((k) => pidAlive(k)), "kernels left running").toEqual([]);
    expect(readdirSync(out).filter((f) => f.startsWith(".work") || f.endsWith(".tmp") || f === ".qtlab-report.lock"))
      .toEqual([]);
    const html = readFileSync(join(out, "00-data-tour.html"), "utf8");
    expect(html === "<p>an earlier good report</p>" || html.includes("</html>")).toBe(true);
  }, 120_000);
});
