/**
 * Controls of a live view, pure: reading and writing parameters by path, resolving and validating a
 * view's controls against the params it runs with, keeping probabilities summing to 1, the URL-hash state,
 * and strict JSON for what a page embeds. The same code runs in the notebook (Deno), in tests (Node) and
 * in the report page (browser bundle).
 */
import type { ControlSpec, ControlValue, LiveSpec, ResolvedControl, ResolvedNumber } from "./types.ts";

/** A live view declared wrongly (bad control, missing parameter, data that cannot travel as JSON). */
export class LiveViewError extends Error {
  override name = "LiveViewError";
}

/** Split a parameter path: "scenarioProbabilities.A" → ["scenarioProbabilities", "A"]. */
export function pathSegments(path: string): string[] {
  return path.split(".");
}

/** The value at `path` in `obj` (object keys and array indices), or undefined when any step is missing. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of pathSegments(path)) {
    if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/**
 * A deep copy of `obj` (plain JSON) with the value at each path replaced. Every path must exist already:
 * a control changes a parameter, it never adds one.
 */
export function withValues<T>(obj: T, values: Readonly<Record<string, unknown>>): T {
  const out = structuredClone(obj) as unknown;
  for (const [path, value] of Object.entries(values)) {
    const segs = pathSegments(path);
    let cur = out as Record<string, unknown>;
    for (const seg of segs.slice(0, -1)) {
      const next = cur?.[seg];
      if (next === null || typeof next !== "object") throw new LiveViewError(`no parameter at "${path}"`);
      cur = next as Record<string, unknown>;
    }
    const last = segs[segs.length - 1];
    if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, last)) {
      throw new LiveViewError(`no parameter at "${path}"`);
    }
    cur[last] = value;
  }
  return out as T;
}

/** Units read from a parameter name's suffix (qtlab names carry units), longest suffix first. */
const UNIT_SUFFIXES: readonly [string, string][] = [
  ["BpPer100UsdBn", "bp per $100bn"],
  ["UsdBnPerMonth", "$bn/month"],
  ["UsdBnPerYear", "$bn/year"],
  ["UsdBnPerWeek", "$bn/week"],
  ["PctPerYear", "% a year"],
  ["UsdBn", "$bn"],
  ["UsdTn", "$tn"],
  ["Bp", "bp"],
  ["Pct", "%"],
  ["Pp", "pp"],
  ["Frac", "fraction"],
  ["Months", "months"],
  ["Weeks", "weeks"],
  ["Days", "days"],
  ["Years", "years"],
];

/**
 * The unit a parameter's name declares: "capTreasuryUsdBnPerMonth" → "$bn/month", "months" → "months",
 * "scenarioSizesUsdBnPerMonth.A" → "$bn/month" (the nearest segment that carries one). Undefined if none.
 */
export function unitFromName(path: string): string | undefined {
  for (const seg of pathSegments(path).reverse()) {
    for (const [suffix, unit] of UNIT_SUFFIXES) {
      if (seg === suffix.toLowerCase() || (seg.endsWith(suffix) && seg.length > suffix.length)) return unit;
    }
  }
  return undefined;
}

/** The parameter paths a control sets. */
export function controlPaths(c: ControlSpec | ResolvedControl): string[] {
  return c.kind === "probabilities" ? c.members.map((m) => m.param) : [c.param];
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Tolerance on a probability group's sum. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

/**
 * Resolve a view's controls against the params it runs with: each control gets its starting `value` (from
 * params) and its reset `default` (the same value; the report runner replaces it with the notebook's
 * declared default). Throws one LiveViewError listing every problem: a path missing from params or of the
 * wrong type, a bad range or step, a starting value outside the range, a choice not among the options,
 * probabilities outside [0, 1] or not summing to 1, a parameter controlled twice, a number without unit.
 */
export function resolveControls(
  controls: readonly ControlSpec[],
  params: unknown,
  where = "live view",
): ResolvedControl[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  const out: ResolvedControl[] = [];
  for (const c of controls) {
    for (const p of controlPaths(c)) {
      if (seen.has(p)) errors.push(`parameter "${p}" has more than one control`);
      seen.add(p);
    }
    if (c.kind === "probabilities") {
      if (c.members.length < 2) errors.push(`probabilities "${c.label}" need at least two members`);
      const step = c.step ?? 0.01;
      if (!(step > 0 && step <= 0.5)) errors.push(`probabilities "${c.label}": step must be in (0, 0.5], got ${step}`);
      const members = c.members.map((m) => {
        const v = getPath(params, m.param);
        if (!isNum(v) || v < 0 || v > 1) {
          errors.push(`probability "${m.param}" must be a number in [0, 1], got ${JSON.stringify(v)}`);
        }
        return { param: m.param, label: m.label, value: v as number, default: v as number };
      });
      const sum = members.reduce((s, m) => s + (isNum(m.value) ? m.value : 0), 0);
      if (members.every((m) => isNum(m.value)) && Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
        errors.push(`probabilities "${c.label}" (${members.map((m) => m.param).join(", ")}) sum to ${sum}, not 1`);
      }
      out.push({ kind: "probabilities", label: c.label, step, members });
    } else if (c.kind === "choice") {
      const v = getPath(params, c.param);
      if (c.options.length < 2) errors.push(`choice "${c.param}" needs at least two options`);
      if (!c.options.some((o) => o.value === v)) {
        errors.push(
          `choice "${c.param}": value ${JSON.stringify(v)} is not among the options ${
            c.options.map((o) => JSON.stringify(o.value)).join(", ")
          }`,
        );
      }
      out.push({ ...c, kind: "choice", value: v as ControlValue, default: v as ControlValue });
    } else {
      const v = getPath(params, c.param);
      const unit = c.unit ?? unitFromName(c.param);
      if (!isNum(v)) errors.push(`number "${c.param}" must be a finite number in params, got ${JSON.stringify(v)}`);
      if (!isNum(c.min) || !isNum(c.max) || !(c.min < c.max)) {
        errors.push(`number "${c.param}": min ${c.min} must be below max ${c.max}`);
      }
      if (!isNum(c.step) || c.step <= 0) errors.push(`number "${c.param}": step must be positive, got ${c.step}`);
      if (isNum(v) && isNum(c.min) && isNum(c.max) && (v < c.min || v > c.max)) {
        errors.push(`number "${c.param}": value ${v} is outside its range [${c.min}, ${c.max}]`);
      }
      if (unit === undefined) {
        errors.push(`number "${c.param}": no unit given and none in its name (give unit: "" if it has none)`);
      }
      if (!c.label) errors.push(`number "${c.param}": label is empty`);
      const resolved: ResolvedNumber = {
        kind: "number",
        param: c.param,
        label: c.label,
        unit: unit ?? "",
        min: c.min,
        max: c.max,
        step: c.step,
        value: v as number,
        default: v as number,
      };
      out.push(resolved);
    }
  }
  if (errors.length) throw new LiveViewError(`${where}: ${errors.join("; ")}`);
  return out;
}

/** The current value of every parameter path the controls set, from their `value`s. */
export function controlValues(
  controls: readonly ResolvedControl[],
  which: "value" | "default" = "value",
): Record<string, ControlValue> {
  const out: Record<string, ControlValue> = {};
  for (const c of controls) {
    if (c.kind === "probabilities") { for (const m of c.members) out[m.param] = m[which]; }
    else out[c.param] = c[which];
  }
  return out;
}

/** Decimal places of a step (0.01 → 2, 5 → 0, 2.5e-3 → 4). */
export function stepDecimals(step: number): number {
  const s = String(step);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]) + (s.split("e")[0].split(".")[1]?.length ?? 0);
  return s.split(".")[1]?.length ?? 0;
}

/** Round to `decimals` places without float noise (0.1 + 0.2 → 0.3). */
export function roundTo(value: number, decimals: number): number {
  return Number(value.toFixed(Math.min(decimals, 15)));
}

/**
 * Probabilities after member `index` is set to `value`: the value is clamped to [0, 1] and rounded to the
 * step's decimals, the others are rescaled in proportion to what they were so that all sum to 1 (split
 * equally when they were all 0), rounded alike, and the rounding remainder goes to the largest other.
 */
export function rescaleProbabilities(values: readonly number[], index: number, value: number, step = 0.01): number[] {
  const d = Math.max(stepDecimals(step), 2);
  const v = roundTo(Math.min(1, Math.max(0, value)), d);
  const others = values.map((_, j) => j).filter((j) => j !== index);
  if (others.length === 0) return [1];
  const restOld = others.reduce((s, j) => s + values[j], 0);
  const remainder = 1 - v;
  const out = values.slice();
  out[index] = v;
  for (const j of others) {
    out[j] = roundTo(restOld > 0 ? (values[j] * remainder) / restOld : remainder / others.length, d);
  }
  const largest = others.reduce((a, b) => (out[b] > out[a] ? b : a));
  out[largest] = roundTo(Math.max(0, 1 - v - others.filter((j) => j !== largest).reduce((s, j) => s + out[j], 0)), 12);
  return out;
}

/** Rescale a whole group to sum to 1 (all zero → equal shares), e.g. values read from a shared link. */
export function normaliseProbabilities(values: readonly number[], step = 0.01): number[] {
  const clean = values.map((v) => (isNum(v) && v > 0 ? v : 0));
  const sum = clean.reduce((s, v) => s + v, 0);
  if (sum === 0) return rescaleProbabilities(clean.map(() => 0), 0, 1 / clean.length, step);
  const first = clean.findIndex((v) => v > 0);
  return rescaleProbabilities(clean, first, clean[first] / sum, step);
}

/** A number clamped to a number control's range. */
export function clampToControl(c: Pick<ResolvedNumber, "min" | "max">, v: number): number {
  return Math.min(c.max, Math.max(c.min, v));
}

/** A value as the URL hash writes it. */
function hashValue(v: ControlValue): string {
  return typeof v === "number" ? String(Number(v.toPrecision(12))) : String(v);
}

/**
 * The page state as a URL hash, in the report runner's `-p name=value` terms:
 * `#purchasesUsdBnPerMonth=30&scheduleShape=front-loaded&scenarioProbabilities.A=0.5`. Only the given
 * entries are written (the page writes those that differ from its starting values). Empty → "".
 */
export function encodeHash(values: Readonly<Record<string, ControlValue>>): string {
  const parts = Object.entries(values).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(hashValue(v))}`);
  return parts.length ? `#${parts.join("&")}` : "";
}

/** The raw name → text pairs of a URL hash ("#a=1&b=x" → {a: "1", b: "x"}); malformed parts are skipped. */
export function decodeHash(hash: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const part of hash.replace(/^#/, "").split("&")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    try {
      out[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1));
    } catch {
      // a malformed escape: skip the part
    }
  }
  return out;
}

/**
 * Read a URL hash against the page's controls, strictly: every name must be a control's parameter, every
 * number inside its control's range, every choice among its options, and a probability group given whole
 * and summing to 1 (within the hash's rounding, 1e-6). Returns the values by path when all is well;
 * otherwise the problems (one line each) and no values, so the page falls back to its starting values
 * with a notice and never draws from an out-of-schema state.
 */
export function parseHash(
  controls: readonly ResolvedControl[],
  hash: string,
): { values: Record<string, ControlValue>; problems: string[] } {
  const raw = decodeHash(hash);
  const problems: string[] = [];
  const values: Record<string, ControlValue> = {};
  const known = new Set(controls.flatMap(controlPaths));
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) problems.push(`"${name}" is not an assumption of this page`);
  }
  for (const c of controls) {
    if (c.kind === "number") {
      const t = raw[c.param];
      if (t === undefined) continue;
      const n = t.trim() === "" ? NaN : Number(t);
      if (!Number.isFinite(n) || n < c.min || n > c.max) {
        problems.push(
          `${c.param} must be a number from ${c.min} to ${c.max}${c.unit ? ` (${c.unit})` : ""}, got "${
            t.slice(0, 40)
          }"`,
        );
      } else values[c.param] = n;
    } else if (c.kind === "choice") {
      const t = raw[c.param];
      if (t === undefined) continue;
      const o = c.options.find((x) => hashValue(x.value) === t);
      if (!o) {
        problems.push(
          `${c.param} must be one of ${c.options.map((x) => hashValue(x.value)).join(", ")}, got "${t.slice(0, 40)}"`,
        );
      } else values[c.param] = o.value;
    } else {
      const given = c.members.filter((m) => raw[m.param] !== undefined);
      if (given.length === 0) continue;
      if (given.length < c.members.length) {
        problems.push(`${c.label}: give all of ${c.members.map((m) => m.param).join(", ")} together`);
        continue;
      }
      const ns = c.members.map((m) => Number(raw[m.param]));
      if (ns.some((n, i) => raw[c.members[i].param].trim() === "" || !Number.isFinite(n) || n < 0 || n > 1)) {
        problems.push(`${c.label}: each probability must be a number from 0 to 1`);
      } else if (Math.abs(ns.reduce((x, y) => x + y, 0) - 1) > 1e-6) {
        problems.push(
          `${c.label}: probabilities must sum to 1, they sum to ${roundTo(ns.reduce((x, y) => x + y, 0), 6)}`,
        );
      } else c.members.forEach((m, i) => (values[m.param] = ns[i]));
    }
  }
  return problems.length ? { values: {}, problems } : { values, problems };
}

/** Where a value fails strict JSON, or undefined when it travels intact. */
function jsonProblem(value: unknown, path: string, seen: Set<object>): string | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") {
    return Number.isFinite(value) ? undefined : `${path} is ${value} (JSON would turn it into null)`;
  }
  if (typeof value !== "object") return `${path} is a ${typeof value}`;
  if (seen.has(value)) return `${path} is a circular reference`;
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    seen.add(value);
    for (let i = 0; i < value.length; i++) {
      const p = jsonProblem(value[i], `${path}[${i}]`, seen);
      if (p) return p;
    }
    seen.delete(value);
    return undefined;
  }
  if (proto !== Object.prototype && proto !== null) {
    return `${path} is a ${
      proto?.constructor?.name ?? "non-plain object"
    } (pass plain objects, arrays, ISO date strings)`;
  }
  seen.add(value);
  for (const [k, v] of Object.entries(value)) {
    const p = jsonProblem(v, `${path}.${k}`, seen);
    if (p) return p;
  }
  seen.delete(value);
  return undefined;
}

/**
 * JSON text of plain data, refusing anything JSON would change (NaN, Infinity, undefined, Date, Map,
 * functions, class instances), so that what a page embeds is exactly what the notebook used.
 */
export function strictJson(value: unknown, what: string): string {
  const problem = jsonProblem(value, what, new Set());
  if (problem) throw new LiveViewError(`cannot embed ${problem}`);
  return JSON.stringify(value);
}

/**
 * JSON text safe inside an HTML <script> element and through any HTML serialiser: "<", ">" and "&" are
 * written as \u escapes (only strings can hold them), so no "</script" or "<!--" can appear.
 */
export function scriptSafeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The class of the inert script holding a view's spec. */
export const SPEC_CLASS = "qtlab-live-spec";
/** The class of an exported page's shared data blocks (one per distinct data, whatever the views). */
export const DATA_CLASS = "qtlab-live-data";

/** Parse a spec's JSON text and check its shape enough to use it. */
export function parseSpec(text: string): LiveSpec {
  const spec = JSON.parse(text) as LiveSpec;
  if (spec?.version !== 1 || typeof spec.view !== "string" || !Array.isArray(spec.controls)) {
    throw new LiveViewError("not a qtlab live-view spec (version 1)");
  }
  return spec;
}

/**
 * A control's reset target from the notebook's declared defaults (by parameter path), when the default
 * is there and valid for the control; otherwise its current default is kept. Returns a new control.
 */
export function controlWithNotebookDefault(
  c: ResolvedControl,
  notebookDefaults: Readonly<Record<string, unknown>>,
): ResolvedControl {
  if (c.kind === "probabilities") {
    const d = c.members.map((m) => getPath(notebookDefaults, m.param));
    const ok = d.every((v) => typeof v === "number" && v >= 0 && v <= 1) &&
      Math.abs((d as number[]).reduce((s, v) => s + v, 0) - 1) <= PROBABILITY_SUM_TOLERANCE;
    return ok ? { ...c, members: c.members.map((m, i) => ({ ...m, default: d[i] as number })) } : c;
  }
  const d = getPath(notebookDefaults, c.param);
  if (c.kind === "choice") return c.options.some((o) => o.value === d) ? { ...c, default: d as typeof c.default } : c;
  return typeof d === "number" && Number.isFinite(d) && d >= c.min && d <= c.max ? { ...c, default: d } : c;
}
