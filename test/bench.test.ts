import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isExecutor, isKernel, maxPeakMb, TreeMemory } from "../scripts/bench-memory.ts";
import {
  type BenchRecord,
  compareRecords,
  growthExponent,
  readResults,
  resultsFileName,
  writeResults,
} from "../scripts/bench-results.ts";

const record = (over: Partial<BenchRecord>): BenchRecord => ({
  version: 1,
  startedAt: "2026-12-04T03:47:45.123Z",
  commit: "0123456789abcdef",
  cores: 2,
  loadAverage: { start: [1, 1, 1], end: [1, 1, 1] },
  options: {},
  figures: [],
  scaling: [],
  exponents: [],
  live: [],
  targets: { met: 0, total: 0, missed: [] },
  notes: [],
  ...over,
});

describe("bench results: the record, its comparison and the growth exponent", () => {
  it("the growth exponent is the least-squares slope of log time on log size", () => {
    expect(growthExponent([{ size: 1, ms: 2 }, { size: 10, ms: 20 }, { size: 100, ms: 200 }])).toBeCloseTo(1, 12);
    expect(growthExponent([{ size: 10, ms: 1 }, { size: 100, ms: 100 }])).toBeCloseTo(2, 12);
    // A failed point is left out; one usable point or one size gives no slope.
    expect(growthExponent([{ size: 10, ms: 1 }, { size: 100, ms: undefined }])).toBeUndefined();
    expect(growthExponent([{ size: 10, ms: 1 }, { size: 10, ms: 3 }])).toBeUndefined();
  });

  it("a record is written under its UTC timestamp and read back; a file that is not one is refused by name", () => {
    expect(resultsFileName(new Date("2026-12-04T03:47:45.123Z"))).toBe("2026-12-04T03-47-45Z.json");
    const dir = mkdtempSync(join(tmpdir(), "qtlab-bench-test-"));
    try {
      const path = writeResults(dir, record({}));
      expect(path).toBe(join(dir, "2026-12-04T03-47-45Z.json"));
      expect(readResults(path).commit).toBe("0123456789abcdef");
      expect(() => readResults(join(dir, "missing.json"))).toThrow(/missing\.json: cannot read a bench record/);
      writeFileSync(join(dir, "other.json"), "{}");
      expect(() => readResults(join(dir, "other.json"))).toThrow(/other\.json: not a bench record/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("two runs print side by side with B ÷ A for figures of the same unit", () => {
    const fig = (value: number, median: string, met?: boolean) => ({
      id: "2 full report build",
      section: "2",
      what: "full report build",
      value,
      unit: "s" as const,
      median,
      runs: "5",
      reference: "",
      ratio: "",
      target: "≤ 0.80×",
      met,
      memory: "",
    });
    const a = record({ figures: [fig(20, "20.00 s", false)] });
    const b = record({
      figures: [fig(15, "15.00 s", true)],
      scaling: [{ kind: "paths", size: 1000, runtime: "deno", medianMs: 2 }],
    });
    const text = compareRecords(a, b, "a.json", "b.json");
    expect(text).toMatch(/2 full report build\s+20\.00 s ✗\s+15\.00 s ✓\s+0\.75×\s+≤ 0\.80×/);
    expect(text).toMatch(/S paths 1000 \[deno\]\s+—\s+2\.0 ms\s+–/);
  });
});

describe("bench memory: peaks of a process tree from /proc", () => {
  it.runIf(process.platform === "linux")("sees a child process and its resident memory", async () => {
    // A child that holds about 60 MB for a moment.
    const child = spawn(process.execPath, ["-e", "const b = Buffer.alloc(60e6, 1); setTimeout(() => b.length, 400)"]);
    const watch = new TreeMemory(process.pid, 20).start();
    await new Promise((done) => child.on("exit", done));
    const peak = watch.stop();
    const mine = peak.processes.find((p) => p.pid === child.pid);
    expect(mine?.peakMb).toBeGreaterThan(60);
    expect(peak.treePeakMb).toBeGreaterThan(mine!.peakMb);
    expect(maxPeakMb(peak, isKernel)).toBeUndefined();
  });

  it("tells a qtlab kernel and the executor by their command lines", () => {
    const p = (cmd: string) => ({ pid: 1, cmd, peakMb: 1 });
    expect(isKernel(p("/x/node_modules/deno/deno jupyter --kernel --conn /tmp/k.json"))).toBe(true);
    expect(isKernel(p("/usr/bin/python3 -m ipykernel_launcher -f /tmp/k.json"))).toBe(false);
    expect(isExecutor(p("/usr/bin/python3 /x/scripts/nbrun.py --worker"))).toBe(true);
  });
});
