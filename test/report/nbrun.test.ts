/**
 * The executor worker: one nbrun.py process running notebook after notebook for the report runner.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { NbrunWorker, pythonForJupyter } from "../../lib/report/nbrun.ts";
import { PROJECT_ROOT } from "../../lib/report/run.ts";

const fixtures = join(PROJECT_ROOT, "test", "fixtures", "notebooks");
const out = mkdtempSync(join(tmpdir(), "qtlab-worker-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const argv = (
  nb: string,
  tag: string,
) => [
  "--in",
  join(fixtures, `${nb}.ipynb`),
  "--out-ipynb",
  join(out, `${tag}.ipynb`),
  "--out-html",
  join(out, `${tag}.html`),
  "--cwd",
  fixtures,
];

describe("NbrunWorker: one executor process, many notebooks", () => {
  test(
    "runs jobs one after another, each with its own events, exit code and files; a usage error fails only its job",
    async () => {
      const worker = new NbrunWorker();
      try {
        const a = await worker.run(argv("fixture-ok", "a"));
        const bad = await worker.run(["--in", join(out, "missing.ipynb"), "--out-ipynb", join(out, "m.ipynb")]);
        const b = await worker.run(argv("fixture-fail", "b"));
        expect(a.code).toBe(0);
        expect(a.events.map((e) => e.event)).toEqual(expect.arrayContaining(["start", "cell", "done"]));
        expect(a.events.some((e) => e.event === "error")).toBe(false);
        expect(readFileSync(join(out, "a.html"), "utf8")).toContain("total purchases: 120 $bn");
        expect(bad).toMatchObject({ code: 2 });
        expect(bad.events).toEqual([
          expect.objectContaining({
            event: "error",
            ename: "UsageError",
            evalue: expect.stringContaining("no such notebook"),
          }),
        ]);
        expect(b.code).toBe(0);
        expect(b.events.filter((e) => e.event === "start")).toHaveLength(1);
      } finally {
        worker.close();
      }
    },
    60_000,
  );

  test(
    "the exporter prepared while the kernel starts, and kept across a worker's jobs, writes the same HTML bytes as a run without it",
    async () => {
      // Without the warm-up: a fresh process whose exporter is made at the export, as before it existed.
      const cold = spawnSync(pythonForJupyter(), [
        join(PROJECT_ROOT, "scripts", "nbrun.py"),
        ...argv("fixture-ok", "cold"),
      ], {
        env: { ...process.env, QTLAB_NO_EXPORT_WARMUP: "1" },
        encoding: "utf8",
      });
      expect(cold.status, cold.stderr).toBe(0);
      const worker = new NbrunWorker();
      try {
        // The first job warms the exporter during its kernel's start; the second reuses it.
        for (const tag of ["warm1", "warm2"]) expect((await worker.run(argv("fixture-ok", tag))).code).toBe(0);
      } finally {
        worker.close();
      }
      const html = (tag: string) => readFileSync(join(out, `${tag}.html`));
      expect(html("cold").toString()).toContain("total purchases: 120 $bn");
      expect(html("warm1").equals(html("cold"))).toBe(true);
      expect(html("warm2").equals(html("cold"))).toBe(true);
    },
    60_000,
  );

  test("a worker that dies mid-job fails that job with the reason, and the next job runs in a new worker", async () => {
    const worker = new NbrunWorker();
    try {
      const first = worker.run(argv("fixture-ok", "c"));
      // Kill the worker process while it runs the notebook.
      await new Promise((r) => setTimeout(r, 300));
      (worker as unknown as { child: { kill: (s: string) => void } }).child.kill("SIGKILL");
      const killed = await first;
      expect(killed.code).toBe(1);
      expect(killed.stderr).toContain("nbrun worker exited (SIGKILL) during the run");
      const next = await worker.run(argv("fixture-ok", "d"));
      expect(next.code).toBe(0);
    } finally {
      worker.close();
    }
  }, 60_000);
});
