/**
 * qtlab bench, in-process part: times one piece of qtlab's own code without Jupyter, in a fresh process
 * (Node through tsx, or Deno, the notebooks' runtime), so every measurement starts clean and its peak
 * memory is its own. scripts/bench.ts starts one process per measurement and reads the JSON line printed
 * last. Not a test: nothing here asserts.
 *
 *   tsx scripts/bench-inproc.ts MODE RUNS
 *   deno run -A scripts/bench-inproc.ts MODE RUNS
 *
 * MODE
 *   catalog   loadCatalog(): read, verify (sha256) and validate every shipped data file.
 *             Reference: read + sha256 + decode of every file (readDataFile), the floor of a verified load.
 *             Breakdown: per-file loader time, and how much of it is read + sha256.
 *   rmp       the RMP scenario cell rerun with the parameters of notebooks/05-rmp-scenarios.ipynb:
 *             rmpFanView(inputs, params) (curve fit, scenarios, fan sweeps, chart) and the chart's HTML
 *             (what the kernel sends). Reference: the model alone (rmpScenarioModel + rmpFans), no chart.
 *   sweep     runSweep over 10,000 paths (25 sizes × 20 drains × 20 curve shifts) × 36 months with a
 *             fitted curve. Reference: one pass writing the same 360,000 reserves values, no curve.
 *             Also the fan quantiles (10/50/90) of reserves and spread on the result.
 *
 * The first call is timed alone; then the measurement and its reference alternate, call by call.
 * Memory: after the inputs are loaded and before the first timed call, the resident set is read (VmRSS)
 * and the kernel's peak marker reset (writing 5 to /proc/self/clear_refs, Linux); the peak resident set
 * (VmHWM) after the first call, minus that baseline, is the measurement's peak memory (one call, as a
 * notebook cell makes it); the peak after all the calls is reported too (it includes garbage the
 * collector had not yet reclaimed). Where /proc is missing the peak is reported as unknown.
 *
 * Output: one JSON object on the last stdout line:
 *   {mode, runtime, runs, firstMs, medianMs, timesMs, refMedianMs, refLabel, baseRssMb, peakRssMb,
 *    peakOneMb, peakDeltaMb, peakDeltaAllMb, extra}
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const [mode, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 20);
if (!["catalog", "rmp", "sweep"].includes(mode) || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: bench-inproc.ts catalog|rmp|sweep RUNS");
  process.exit(2);
}

const ROOT = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const runtime = typeof (globalThis as { Deno?: unknown }).Deno !== "undefined" ? "deno" : "node";

/** A line of /proc/self/status in MB (VmRSS, VmHWM), or undefined off Linux. */
function procMb(field: "VmRSS" | "VmHWM"): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Reset the peak-RSS marker (Linux ≥ 4.0); false when the kernel refused. */
function resetPeak(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Time `fn` `n` times; returns each call's milliseconds (the first call included: it is the cold one). */
function time(n: number, fn: () => unknown): number[] {
  const out: number[] = [];
  let sink: unknown;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    sink = fn();
    out.push(performance.now() - t0);
  }
  if (sink === Symbol.for("never")) console.log(sink); // keep the result alive
  return out;
}

interface Measurement {
  /** The measured work. */
  work: () => unknown;
  /** The reference work (timed after the measurement, with the same number of runs). */
  ref: () => unknown;
  refLabel: string;
  /** Extra figures printed under the row (computed after the timed runs). */
  extra?: () => Record<string, unknown>;
}

async function catalog(): Promise<Measurement> {
  const { loadCatalog, LOADERS } = await import("../lib/data/catalog.ts");
  const { readDataFile, readManifest } = await import("../lib/data/manifest.ts");
  const files = Object.keys(readManifest().files);
  return {
    work: () => loadCatalog(),
    ref: () => files.map((f) => readDataFile(f).text.length),
    refLabel: "read+sha256 of all files",
    extra: () => {
      // Where the time goes: each file's loader against its read + sha256, median of 5 calls each.
      const perFile = files.map((f) => {
        const load = median(time(7, () => LOADERS[f]()));
        const read = median(time(7, () => readDataFile(f)));
        return { file: f, loadMs: load, readShaMs: read, bytes: readFileSync(join(ROOT, "data", f)).length };
      });
      perFile.sort((a, b) => b.loadMs - a.loadMs);
      return { files: files.length, perFile };
    },
  };
}

/** The RMP model's parameters as the notebook's article runs them: its declared defaults, as model parameters. */
async function rmpParams() {
  const { rmpParams: declared } = await import("../lib/articles/rmp-scenarios/params.ts");
  const { modelParams } = await import("../lib/articles/rmp-scenarios/compute.ts");
  return modelParams(declared.defaults);
}

/** The RMP notebook's inputs, as its cell builds them (the ten series, trimmed to 2018-01-01 on). */
async function rmpInputs() {
  const { loadH41 } = await import("../lib/data/h41.ts");
  const { loadH15 } = await import("../lib/data/h15.ts");
  const { loadMacro } = await import("../lib/data/macro.ts");
  const { trimInputs } = await import("../lib/calc/rmpModel.ts");
  return trimInputs({
    sofrPct: loadH15("SOFR").rows,
    effrPct: loadH15("EFFR").rows,
    iorbPct: loadH15("IORB").rows,
    targetUpperPct: loadH15("DFEDTARU").rows,
    reservesUsdBn: loadH41("WRESBAL").rows,
    totalAssetsUsdBn: loadH41("WALCL").rows,
    treasuriesUsdBn: loadH41("TREAST").rows,
    mbsUsdBn: loadH41("WSHOMCB").rows,
    gdpUsdBn: loadMacro("GDP").rows,
    depositsUsdBn: loadMacro("DPSACBW027SBOG").rows,
  }, "2018-01-01");
}

async function rmp(): Promise<Measurement> {
  const { rmpFanView } = await import("../lib/plot/rmpFan.ts");
  const { rmpScenarioModel, rmpFans } = await import("../lib/calc/rmpModel.ts");
  type Params = Parameters<typeof rmpFanView>[1];
  const params = (await rmpParams()) as unknown as Params;
  const inputs = await rmpInputs();
  let htmlBytes = 0;
  return {
    work: () => {
      const chart = rmpFanView(inputs, params);
      htmlBytes = chart.outerHTML.length; // the kernel serialises the chart to send it
      return htmlBytes;
    },
    ref: () => rmpFans(rmpScenarioModel(inputs, params), params),
    refLabel: "model only (fit+scenarios+fans)",
    extra: () => {
      const model = median(time(Math.max(9, runs), () => rmpScenarioModel(inputs, params)));
      return {
        htmlBytes,
        fanGridPoints: (params as { fanGridPoints?: number }).fanGridPoints,
        horizonMonths: (params as { horizonMonths?: number }).horizonMonths,
        modelMs: model,
      };
    },
  };
}

async function sweep(): Promise<Measurement> {
  const { runSweep, fanQuantiles, linspace } = await import("../lib/calc/rmpSweep.ts");
  const { rmpCurveFit } = await import("../lib/calc/rmpModel.ts");
  type FitParams = Parameters<typeof rmpCurveFit>[1];
  const horizon = 36;
  const nSizes = 25, nDrains = 20, nShifts = 20;
  // The curve the RMP notebook fits (its parameters); a fixed exponential curve if the notebook is absent.
  let curve: { form: "exponential" | "logistic"; aBp: number; bBp: number; cPerPp: number; centerPct: number };
  let curveFrom = "notebooks/05-rmp-scenarios.ipynb parameters";
  try {
    curve = rmpCurveFit(await rmpInputs(), (await rmpParams()) as unknown as FitParams).curve;
  } catch {
    curve = { form: "exponential", aBp: -8, bBp: 10, cPerPp: 1.2, centerPct: 9 };
    curveFrom = "fixed exponential curve (notebook 05 not found)";
  }
  const input = {
    startReservesUsdBn: 2900,
    gdpStartUsdBn: 31000,
    gdpGrowthPctPerYear: 5,
    schedule: { horizonMonths: horizon, schedule: "flat" as const, frontLoadMonths: 4, frontLoadMultiple: 1.6 },
    sizesUsdBnPerMonth: linspace(0, 60, nSizes),
    organicDrainsUsdBnPerMonth: linspace(-5, 15, nDrains),
    curveShiftsPp: linspace(-1, 1, nShifts),
    curve,
  };
  let last: ReturnType<typeof runSweep> | undefined;
  const floor = new Float64Array(horizon * nSizes * nDrains * nShifts);
  return {
    work: () => (last = runSweep(input)),
    ref: () => {
      // The memory floor: write every path's reserves once (same recurrence, no curve).
      const n = nSizes * nDrains * nShifts;
      for (let p = 0; p < n; p++) {
        let r = 2900;
        for (let t = 0; t < horizon; t++) {
          r = r + 30 - 3.5;
          floor[t * n + p] = r;
        }
      }
      return floor[0];
    },
    refLabel: "bare pass, same 360k values",
    extra: () => {
      const q = [0.1, 0.5, 0.9];
      const quantMs = median(
        time(Math.max(9, runs), () => [fanQuantiles(last!, "reservesUsdBn", q), fanQuantiles(last!, "spreadBp", q)]),
      );
      return { paths: last!.nPaths, months: last!.horizonMonths, curveFrom, fanQuantilesMs: quantMs };
    },
  };
}

const m = await (mode === "catalog" ? catalog() : mode === "rmp" ? rmp() : sweep());
const baseRssMb = procMb("VmRSS");
const peakReset = resetPeak();
const timesMs = time(1, m.work); // the first, cold call: what a notebook cell pays
const peakOneMb = procMb("VmHWM");
const refMs = time(1, m.ref);
// Then the measurement and its reference alternately, so that a change in machine load hits both alike.
for (let i = 1; i < runs; i++) {
  timesMs.push(...time(1, m.work));
  refMs.push(...time(1, m.ref));
}
const peakRssMb = procMb("VmHWM");
const extra = m.extra?.() ?? {};
const round = (x: number | undefined, d = 2) => (x === undefined ? undefined : Math.round(x * 10 ** d) / 10 ** d);
console.log(
  JSON.stringify({
    mode,
    runtime,
    runs,
    firstMs: round(timesMs[0]),
    medianMs: round(median(timesMs.slice(runs > 1 ? 1 : 0))),
    timesMs: timesMs.map((t) => round(t)),
    refMedianMs: round(median(refMs.slice(runs > 1 ? 1 : 0))),
    refLabel: m.refLabel,
    baseRssMb: round(baseRssMb, 1),
    peakRssMb: round(peakRssMb, 1),
    peakOneMb: round(peakOneMb, 1),
    /** Peak over the baseline during the first call alone, and during all the calls (garbage included). */
    peakDeltaMb: peakReset && baseRssMb !== undefined && peakOneMb !== undefined
      ? round(peakOneMb - baseRssMb, 1)
      : undefined,
    peakDeltaAllMb: peakReset && baseRssMb !== undefined && peakRssMb !== undefined
      ? round(peakRssMb - baseRssMb, 1)
      : undefined,
    extra,
  }),
);
