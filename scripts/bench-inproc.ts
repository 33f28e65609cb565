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
 *   catalog   loadCatalog(): read, verify (sha256) and validate every shipped data file, with the data
 *             cache (.qtlab/cache/data) as it is: WARM (the entries exist; the first call may write them).
 *             Reference: read + sha256 + decode of every file (readDataFile), the floor of a verified load.
 *             Breakdown: per-file loader time, and how much of it is read + sha256.
 *   catalog-cold  the same, the cache folder deleted before every timed call (not timed), so each call
 *             parses, validates and writes the cache again. Run with QTLAB_DATA_CACHE=0 in the
 *             environment, `catalog` is the no-cache baseline.
 *   rmp       the parameters-cell rerun of notebooks/05-rmp-scenarios.ipynb as a reader makes it when
 *             trying an assumption: every call sets scenario A's size to a value not tried before (20 to
 *             60 $bn/month in turn, each a little off the grid, so it also moves to another column of the
 *             sensitivity chart), runs openRmp(values) (data load, the article's computation, its claims;
 *             the kernel keeps its modules, so memoised stages and displays whose inputs did not change
 *             are reused) and draws every display the notebook's cells call, serialised to its MIME
 *             bundle as the kernel shows it. The first call is the cold one (nothing memoised).
 *             Reference: the model alone on loaded inputs (rmpScenarioModel + rmpFans), no data load, no
 *             claims. Extra: the recompute alone (openRmp), the displays alone, a rerun going back and
 *             forth between two sizes tried a moment ago (25 ↔ 30, which the memos hold) with and
 *             without the displays, and a rerun that changes a fit assumption (curveFitTo one day earlier
 *             on each call, a value no memo holds: the fit, its bootstrap and the regimes recomputed)
 *             with and without the displays.
 *   sweep     runSweep over 10,000 paths (25 sizes × 20 drains × 20 curve shifts) × 36 months with a
 *             fitted curve, writing into a workspace kept between calls (as the live fan view does).
 *             Reference: one pass writing the same 360,000 reserves values into a preallocated array, no
 *             curve. Also the fan quantiles (10/50/90) of reserves and spread on the result, and the same
 *             sweep allocating its two arrays on every call.
 *   scaling KIND SIZE  one point of the scaling table (scripts/bench.ts --only scaling), timed until RUNS
 *             calls or about 3 s, at least 3 calls:
 *               paths N    runSweep with N paths (sizes × drains × shifts) × 36 months
 *               months N   runSweep with 10,000 paths × N months
 *               weeks K    fitReserveDemandCurve on notebook 05's weekly curve sample repeated K times,
 *                          each copy with a small deterministic perturbation (SYNTHETIC data: the real
 *                          sample's shape at K times its length, not a longer history)
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
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const args = process.argv.slice(2);
const mode = args[0];
const scalingKind = mode === "scaling" ? args[1] : undefined;
const scalingSize = mode === "scaling" ? Number(args[2]) : NaN;
const runs = Number((mode === "scaling" ? args[3] : args[1]) ?? 20);
if (
  !["catalog", "catalog-cold", "rmp", "sweep", "scaling"].includes(mode) || !Number.isInteger(runs) || runs < 1 ||
  (mode === "scaling" &&
    (!["paths", "months", "weeks"].includes(scalingKind ?? "") || !Number.isInteger(scalingSize) || scalingSize < 1))
) {
  console.error("usage: bench-inproc.ts catalog|catalog-cold|rmp|sweep RUNS | scaling paths|months|weeks SIZE RUNS");
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
  /** Untimed preparation before each timed call of `work` (catalog-cold: delete the cache folder). */
  before?: () => void;
  /** Extra figures printed under the row (computed after the timed runs). */
  extra?: () => Record<string, unknown>;
}

/** The data cache's folder (lib/data/cache.ts writes it; absent when the cache is off or not built). */
const CACHE_DIR = join(ROOT, ".qtlab", "cache", "data");

async function catalog(cold: boolean): Promise<Measurement> {
  const { loadCatalog, LOADERS } = await import("../lib/data/catalog.ts");
  const { DEFAULT_DATA_DIR, readManifest } = await import("../lib/data/manifest.ts");
  const manifest = readManifest();
  const files = Object.keys(manifest.files);
  /** The floor of a verified load: read the file's bytes and check their sha256 against the manifest. */
  const readAndHash = (f: string): boolean => {
    const bytes = readFileSync(join(DEFAULT_DATA_DIR, f));
    return createHash("sha256").update(bytes).digest("hex") === manifest.files[f].sha256;
  };
  return {
    before: cold ? () => rmSync(CACHE_DIR, { recursive: true, force: true }) : undefined,
    work: () => loadCatalog(),
    ref: () => files.map((f) => readAndHash(f)),
    refLabel: "read+sha256 of all files",
    extra: () => {
      // Where the time goes: each file's loader against its read + sha256, median of 5 calls each.
      const perFile = files.map((f) => {
        const load = median(time(7, () => LOADERS[f]()));
        const read = median(time(7, () => readAndHash(f)));
        return { file: f, loadMs: load, readShaMs: read, bytes: readFileSync(join(ROOT, "data", f)).length };
      });
      perFile.sort((a, b) => b.loadMs - a.loadMs);
      return {
        files: files.length,
        perFile,
        cacheDirExists: existsSync(CACHE_DIR),
        cacheEnv: process.env.QTLAB_DATA_CACHE ?? "",
      };
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

/** The display calls of notebook 05's code cells (`rmp.findings()`, `rmp.views.spreads()`, …), in order. */
function rmpDisplayCalls(): string[][] {
  const nb = JSON.parse(readFileSync(join(ROOT, "notebooks", "05-rmp-scenarios.ipynb"), "utf8"));
  const calls: string[][] = [];
  for (const c of nb.cells as { cell_type: string; source: string | string[] }[]) {
    if (c.cell_type !== "code") continue;
    const src = (Array.isArray(c.source) ? c.source.join("") : c.source).trim();
    const m = /^rmp\.([\w.]+)\(\)$/.exec(src);
    if (m) calls.push(m[1].split("."));
  }
  return calls;
}

/** Every display of the notebook drawn from a run and serialised as the kernel shows it (its MIME bundle). */
function renderDisplays(nb: object, calls: readonly string[][]): number {
  const DISPLAY = Symbol.for("Jupyter.display");
  let chars = 0;
  for (const path of calls) {
    let owner = nb as Record<string, unknown>;
    for (const k of path.slice(0, -1)) owner = owner[k] as Record<string, unknown>;
    const shown = (owner[path[path.length - 1]] as () => Record<symbol, () => Record<string, string>>)();
    chars += shown[DISPLAY]()["text/html"].length;
  }
  return chars;
}

async function rmp(): Promise<Measurement> {
  const { openRmp } = await import("../lib/articles/rmp-scenarios/notebook.ts");
  const { rmpParams: declared } = await import("../lib/articles/rmp-scenarios/params.ts");
  const { rmpScenarioModel, rmpFans } = await import("../lib/calc/rmpModel.ts");
  type Params = Parameters<typeof rmpScenarioModel>[1];
  const d = declared.defaults;
  const params = (await rmpParams()) as unknown as Params;
  const inputs = await rmpInputs();
  const calls = rmpDisplayCalls();
  // A reader's rerun: one scenario assumption changed on every call (scenario A's size, 25 ↔ 30 $bn/month).
  let flip = false;
  const scenarioChange = () => {
    flip = !flip;
    return { ...d, scenarioSizesUsdBnPerMonth: { ...d.scenarioSizesUsdBnPerMonth, A: flip ? 30 : 25 } };
  };
  // A fit assumption changed on every call to a value not used before (the fit's cut-off one day earlier each
  // time), so no memo holds it: the curve, its bootstrap and the regimes are computed again.
  let newStep = 0;
  const newScenario = () => ({
    ...d,
    // 20, 25, … 60 $bn/month in turn, each a little off the grid so that no value repeats: every call also
    // moves scenario A to another column of the sensitivity grid (nine columns, more than its memo keeps).
    scenarioSizesUsdBnPerMonth: { ...d.scenarioSizesUsdBnPerMonth, A: 20 + 5 * (++newStep % 9) + 0.001 * newStep },
  });
  let fitStep = 0;
  const fitChange = () => {
    const to = new Date(Date.parse(`${d.curveFitTo}T00:00:00Z`) - ++fitStep * 86_400_000).toISOString().slice(0, 10);
    return { ...d, curveFitTo: to };
  };
  return {
    // The row: a size not tried before on every call, the rerun a reader makes when trying an assumption;
    // going back to a value tried a moment ago (the memos hold it) is printed beside it.
    work: () => renderDisplays(openRmp(newScenario()), calls),
    ref: () => rmpFans(rmpScenarioModel(inputs, params), params),
    refLabel: "model only (fit+scenarios+fans)",
    extra: () => ({
      horizonMonths: (params as { horizonMonths?: number }).horizonMonths,
      displays: calls.length,
      modelMs: median(time(Math.max(9, runs), () => rmpScenarioModel(inputs, params))),
      recomputeMs: median(time(Math.max(9, runs), () => openRmp(newScenario()))),
      renderMs: median(time(Math.max(9, runs), () => renderDisplays(openRmp(d), calls))),
      revisitMs: median(time(Math.max(9, runs), () => renderDisplays(openRmp(scenarioChange()), calls))),
      revisitRecomputeMs: median(time(Math.max(9, runs), () => openRmp(scenarioChange()))),
      fitChangeMs: median(time(5, () => renderDisplays(openRmp(fitChange()), calls))),
      fitChangeRecomputeMs: median(time(5, () => openRmp(fitChange()))),
    }),
  };
}

type SweepCurve = { form: "exponential" | "logistic"; aBp: number; bBp: number; cPerPp: number; centerPct: number };

/** The curve the RMP notebook fits (its parameters); a fixed exponential curve if the notebook is absent. */
async function sweepCurve(): Promise<{ curve: SweepCurve; curveFrom: string }> {
  const { rmpCurveFit } = await import("../lib/calc/rmpModel.ts");
  type FitParams = Parameters<typeof rmpCurveFit>[1];
  try {
    const curve = rmpCurveFit(await rmpInputs(), (await rmpParams()) as unknown as FitParams).curve;
    return { curve, curveFrom: "notebooks/05-rmp-scenarios.ipynb parameters" };
  } catch {
    return {
      curve: { form: "exponential", aBp: -8, bBp: 10, cPerPp: 1.2, centerPct: 9 },
      curveFrom: "fixed exponential curve (notebook 05 not found)",
    };
  }
}

/** The sweep's input: a grid of sizes × drains × curve shifts over `horizon` months. */
async function sweepInput(nSizes: number, nDrains: number, nShifts: number, horizon: number, curve: SweepCurve) {
  const { linspace } = await import("../lib/calc/rmpSweep.ts");
  return {
    startReservesUsdBn: 2900,
    gdpStartUsdBn: 31000,
    gdpGrowthPctPerYear: 5,
    schedule: { horizonMonths: horizon, schedule: "flat" as const, frontLoadMonths: 4, frontLoadMultiple: 1.6 },
    sizesUsdBnPerMonth: linspace(0, 60, nSizes),
    organicDrainsUsdBnPerMonth: linspace(-5, 15, nDrains),
    curveShiftsPp: linspace(-1, 1, nShifts),
    curve,
  };
}

async function sweep(): Promise<Measurement> {
  const { runSweep, fanQuantiles, sweepWorkspace } = await import("../lib/calc/rmpSweep.ts");
  const horizon = 36;
  const nSizes = 25, nDrains = 20, nShifts = 20;
  const { curve, curveFrom } = await sweepCurve();
  const input = await sweepInput(nSizes, nDrains, nShifts, horizon, curve);
  let last: ReturnType<typeof runSweep> | undefined;
  const floor = new Float64Array(horizon * nSizes * nDrains * nShifts);
  // The sweep writes into a workspace kept between calls, as the live fan view does on every redraw
  // (lib/live/views/rmp.ts); the same sweep allocating its arrays on each call is shown beside it.
  const workspace = sweepWorkspace();
  return {
    work: () => (last = runSweep(input, workspace)),
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
      const allocatingMs = median(time(Math.max(9, runs), () => runSweep(input)));
      return { paths: last!.nPaths, months: last!.horizonMonths, curveFrom, fanQuantilesMs: quantMs, allocatingMs };
    },
  };
}

/** The sweep's grid for about `paths` paths: sizes × drains × shifts (the bench's usual grids at powers of ten). */
function sweepGrid(paths: number): [number, number, number] {
  const known: Record<number, [number, number, number]> = {
    1_000: [10, 10, 10],
    10_000: [25, 20, 20],
    100_000: [50, 40, 50],
    1_000_000: [100, 100, 100],
  };
  if (known[paths]) return known[paths];
  const a = Math.max(1, Math.round(Math.cbrt(paths)));
  const b = Math.max(1, Math.round(Math.sqrt(paths / a)));
  return [a, b, Math.max(1, Math.round(paths / (a * b)))];
}

/**
 * The real weekly curve sample repeated `copies` times, copy c > 0 perturbed deterministically (share by at
 * most ±0.1%, spread by at most ±0.05 bp): SYNTHETIC, the real sample's shape at a longer length.
 */
function syntheticSample(
  sample: readonly { sharePct: number; spreadBp: number }[],
  copies: number,
): { sharePct: number; spreadBp: number }[] {
  const out: { sharePct: number; spreadBp: number }[] = [];
  for (let c = 0; c < copies; c++) {
    sample.forEach((p, i) =>
      out.push(
        c === 0 ? { sharePct: p.sharePct, spreadBp: p.spreadBp } : {
          sharePct: p.sharePct * (1 + 0.001 * Math.sin(c * 7.1 + i * 0.37)),
          spreadBp: p.spreadBp + 0.05 * Math.cos(c * 3.3 + i * 0.71),
        },
      )
    );
  }
  return out;
}

/** One scaling point: the work and what it is, for the table. */
async function scalingPoint(
  kind: string,
  size: number,
): Promise<{ work: () => unknown; info: Record<string, unknown> }> {
  if (kind === "weeks") {
    const { rmpCurveFit } = await import("../lib/calc/rmpModel.ts");
    const { fitReserveDemandCurve } = await import("../lib/calc/reserveDemand.ts");
    type FitParams = Parameters<typeof rmpCurveFit>[1];
    const params = (await rmpParams()) as unknown as FitParams;
    const real = rmpCurveFit(await rmpInputs(), params).sample;
    const points = syntheticSample(real, size);
    return {
      work: () => fitReserveDemandCurve(points, { form: params.curveForm, floorBp: params.curveFloorBp }),
      info: { weeks: points.length, realWeeks: real.length, form: params.curveForm, synthetic: size > 1 },
    };
  }
  const { runSweep } = await import("../lib/calc/rmpSweep.ts");
  const [nSizes, nDrains, nShifts] = kind === "paths" ? sweepGrid(size) : [25, 20, 20];
  const months = kind === "months" ? size : 36;
  const { curve } = await sweepCurve();
  const input = await sweepInput(nSizes, nDrains, nShifts, months, curve);
  return {
    work: () => runSweep(input),
    info: { paths: nSizes * nDrains * nShifts, months, grid: [nSizes, nDrains, nShifts] },
  };
}

/** Scaling: the first call (its peak memory over the baseline), then calls until RUNS or about 3 s (≥ 3 calls). */
async function scaling(kind: string, size: number): Promise<void> {
  const { work, info } = await scalingPoint(kind, size);
  const baseRssMb = procMb("VmRSS");
  const peakReset = resetPeak();
  const timesMs = time(1, work);
  const peakOneMb = procMb("VmHWM");
  const t0 = performance.now();
  while (timesMs.length < 3 || (timesMs.length < runs && performance.now() - t0 < 3000)) timesMs.push(...time(1, work));
  const round = (x: number | undefined, d = 2) => (x === undefined ? undefined : Math.round(x * 10 ** d) / 10 ** d);
  console.log(JSON.stringify({
    mode: "scaling",
    kind,
    size,
    runtime,
    calls: timesMs.length,
    firstMs: round(timesMs[0]),
    medianMs: round(median(timesMs.slice(1))),
    timesMs: timesMs.map((t) => round(t)),
    baseRssMb: round(baseRssMb, 1),
    peakDeltaMb: peakReset && baseRssMb !== undefined && peakOneMb !== undefined
      ? round(peakOneMb - baseRssMb, 1)
      : undefined,
    ...info,
  }));
}

if (mode === "scaling") {
  await scaling(scalingKind!, scalingSize);
  process.exit(0);
}

const m = await (mode.startsWith("catalog") ? catalog(mode === "catalog-cold") : mode === "rmp" ? rmp() : sweep());
const baseRssMb = procMb("VmRSS");
const peakReset = resetPeak();
m.before?.();
const timesMs = time(1, m.work); // the first, cold call: what a notebook cell pays
const peakOneMb = procMb("VmHWM");
const refMs = time(1, m.ref);
// Then the measurement and its reference alternately, so that a change in machine load hits both alike.
for (let i = 1; i < runs; i++) {
  m.before?.();
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
