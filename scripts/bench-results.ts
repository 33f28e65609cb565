/**
 * The bench's record of a run: every figure as JSON under bench/results/<UTC timestamp>.json, the
 * side-by-side comparison of two records (`npm run bench -- --compare A.json B.json`), and the growth
 * exponent of the scaling table. Pure functions except writeResults and readResults.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One figure of a run, as printed in the table, with its numeric value for comparisons. */
export interface Figure {
  /** Stable key across runs: the section and the measurement's label. */
  id: string;
  section: string;
  what: string;
  /** The figure in `unit` (undefined when it failed or was not measured). */
  value?: number;
  unit?: "s" | "ms" | "MB" | "×";
  /** The printed cells. */
  median: string;
  runs: string;
  reference: string;
  ratio: string;
  target: string;
  met?: boolean;
  memory: string;
}

/** One point of the scaling table. */
export interface ScalingPoint {
  kind: "paths" | "months" | "weeks";
  size: number;
  runtime: string;
  medianMs?: number;
  peakDeltaMb?: number;
  calls?: number;
  detail?: string;
  error?: string;
}

/** A run's record. */
export interface BenchRecord {
  version: 1;
  startedAt: string;
  commit: string;
  cores: number;
  loadAverage: { start: number[]; end: number[] };
  options: Record<string, unknown>;
  figures: Figure[];
  scaling: ScalingPoint[];
  exponents: { kind: string; exponent: number | undefined }[];
  live: unknown[];
  targets: { met: number; total: number; missed: string[] };
  notes: string[];
}

/** The file name of a run's record: its start as a UTC timestamp, safe in file names (2026-12-04T03-47-45Z). */
export function resultsFileName(startedAt: Date): string {
  return `${startedAt.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}.json`;
}

/** Write the record under `dir` (created if missing); returns its path. */
export function writeResults(dir: string, record: BenchRecord): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, resultsFileName(new Date(record.startedAt)));
  writeFileSync(path, JSON.stringify(record, null, 2) + "\n");
  return path;
}

/** Read a record; throws naming the file when it is not a bench record. */
export function readResults(path: string): BenchRecord {
  let r: BenchRecord;
  try {
    r = JSON.parse(readFileSync(path, "utf8")) as BenchRecord;
  } catch (e) {
    throw new Error(`${path}: cannot read a bench record (${(e as Error).message})`);
  }
  if (r?.version !== 1 || !Array.isArray(r.figures)) throw new Error(`${path}: not a bench record (version 1)`);
  return r;
}

/**
 * Least-squares slope of log(time) on log(size): time grows as size^exponent. Undefined with fewer than two
 * usable points (positive size and time) or sizes that do not vary.
 */
export function growthExponent(points: readonly { size: number; ms: number | undefined }[]): number | undefined {
  const xy = points.filter((p) => p.size > 0 && p.ms !== undefined && p.ms > 0).map((p) => [
    Math.log(p.size),
    Math.log(p.ms!),
  ]);
  if (xy.length < 2) return undefined;
  const mx = xy.reduce((s, [x]) => s + x, 0) / xy.length;
  const my = xy.reduce((s, [, y]) => s + y, 0) / xy.length;
  const sxx = xy.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return undefined;
  return xy.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
}

/** Two runs side by side: each figure of either run, its printed value in A and B, and B ÷ A. */
export function compareRecords(a: BenchRecord, b: BenchRecord, aName = "A", bName = "B"): string {
  const ids = [...new Set([...a.figures.map((f) => f.id), ...b.figures.map((f) => f.id)])];
  const byId = (r: BenchRecord) => new Map(r.figures.map((f) => [f.id, f]));
  const fa = byId(a), fb = byId(b);
  const cell = (f: Figure | undefined) => (f ? `${f.median}${f.met === undefined ? "" : f.met ? " ✓" : " ✗"}` : "—");
  const rows = ids.map((id) => {
    const x = fa.get(id), y = fb.get(id);
    const r = x?.value !== undefined && y?.value !== undefined && x.value !== 0 && x.unit === y.unit
      ? `${(y.value / x.value).toFixed(2)}×`
      : "–";
    return [id, cell(x), cell(y), r, (y ?? x)?.target ?? ""];
  });
  const scal = (r: BenchRecord) => new Map(r.scaling.map((p) => [`S ${p.kind} ${p.size} [${p.runtime}]`, p]));
  const sa = scal(a), sb = scal(b);
  for (const id of new Set([...sa.keys(), ...sb.keys()])) {
    const x = sa.get(id)?.medianMs, y = sb.get(id)?.medianMs;
    const ms = (v: number | undefined) => (v === undefined ? "—" : `${v.toFixed(v >= 100 ? 0 : 1)} ms`);
    rows.push([id, ms(x), ms(y), x && y ? `${(y / x).toFixed(2)}×` : "–", ""]);
  }
  const head = ["figure", `A ${aName}`, `B ${bName}`, "B÷A", "target"];
  const width = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const line = (r: string[]) =>
    r.map((c, k) => (k === 3 ? c.padStart(width[k]) : c.padEnd(width[k]))).join("  ").trimEnd();
  return [
    `A: ${a.startedAt} (commit ${a.commit.slice(0, 10)}, load ${
      a.loadAverage.start[0]?.toFixed(2)
    }) — ${a.targets.met} of ${a.targets.total} targets met`,
    `B: ${b.startedAt} (commit ${b.commit.slice(0, 10)}, load ${
      b.loadAverage.start[0]?.toFixed(2)
    }) — ${b.targets.met} of ${b.targets.total} targets met`,
    "",
    line(head),
    width.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line),
  ].join("\n");
}
