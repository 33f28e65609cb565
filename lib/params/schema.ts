/**
 * An article's assumptions, declared once: each parameter's name, unit, type, default, bounds or allowed
 * values, one-line meaning and source, and the rules across parameters (exact key sets, probabilities
 * summing to 1, from ≤ to). The one declaration serves the notebook's parameters cell (rendered and
 * tested from it), the command line's validation and `--list-params`, the live views' controls and URL
 * hash, and the report's assumptions table.
 *
 * Built on zod 4: one declaration gives the TypeScript type (`z.infer`), runtime validation with paths
 * into arrays and objects, and JSON Schema (`z.toJSONSchema`, with qtlab's unit/meaning/source as
 * extra keywords) for machines.
 */
import { z } from "zod";
import { isIsoDate, isIsoMonth } from "../calendar.ts";

/** What every parameter says about itself beyond its type. */
export interface ParamInfo {
  /** The unit a reader sees ("$bn/month", "bp", "pp of GDP", "months", "probability", "" for none). */
  unit: string;
  /** One line: what the parameter means. */
  meaning: string;
  /** Where the default comes from: a citation, or "assumption: why". */
  source: string;
}

/** The shape of a parameter, for listings and for the live views' controls. */
export type ParamKind =
  | { type: "number"; min: number; max: number; step: number; integer: boolean }
  | { type: "enum"; values: readonly string[] }
  | { type: "date"; min?: string; max?: string; withinData: boolean }
  | { type: "month"; min: string; max: string }
  | { type: "record"; keys: readonly string[]; min: number; max: number; step: number; probabilities: boolean }
  | { type: "pair"; min: number; max: number; step: number }
  | { type: "recordOfPairs"; keys: readonly string[]; min: number; max: number; step: number }
  | { type: "list"; min: number; max: number; step: number; minItems: number; maxItems: number; ascending: boolean }
  | { type: "subset"; values: readonly string[]; minItems: number }
  | { type: "dateWindow"; withinData: boolean }
  | { type: "dateWindows"; withinData: boolean; maxItems: number; ids: boolean }
  | { type: "events"; maxItems: number };

/** One declared parameter. */
export interface ParamSpec<T = unknown> extends ParamInfo {
  kind: ParamKind;
  default: T;
  /** The zod schema of one value (no default applied). */
  schema: z.ZodType<T>;
}

/** Probabilities must sum to 1 within this. */
export const PROBABILITY_SUM_TOLERANCE = 1e-9;

type NumberBounds = { min: number; max: number; step?: number; integer?: boolean };

function numberSchema(b: NumberBounds): z.ZodNumber {
  let s = z.number().min(b.min).max(b.max);
  if (b.integer) s = s.int();
  return s;
}

function spec<T>(info: ParamInfo, kind: ParamKind, def: T, schema: z.ZodType<T>): ParamSpec<T> {
  const parsed = schema.safeParse(def);
  if (!parsed.success) {
    throw new Error(
      `parameter default ${JSON.stringify(def)} is outside its own declaration: ${parsed.error.issues[0]?.message}`,
    );
  }
  return {
    ...info,
    kind,
    default: def,
    schema: schema.meta({ unit: info.unit, meaning: info.meaning, source: info.source }) as z.ZodType<T>,
  };
}

/** Declarations, one function per shape of parameter. */
export const p = {
  /** A number in [min, max] (an integer when `integer`); `step` is the live control's step. */
  number(o: ParamInfo & NumberBounds & { default: number }): ParamSpec<number> {
    const step = o.step ?? (o.integer ? 1 : (o.max - o.min) / 100);
    return spec(o, { type: "number", min: o.min, max: o.max, step, integer: !!o.integer }, o.default, numberSchema(o));
  },

  /** One of a fixed list of strings. */
  oneOf<const V extends readonly [string, ...string[]]>(
    o: ParamInfo & { values: V; default: V[number] },
  ): ParamSpec<V[number]> {
    return spec(o, { type: "enum", values: o.values }, o.default, z.enum(o.values) as unknown as z.ZodType<V[number]>);
  },

  /**
   * An ISO date (YYYY-MM-DD). `withinData`: it must also lie inside the shipped data's date range, which
   * {@link validateParams} checks against the data given to it.
   */
  isoDate(o: ParamInfo & { default: string; min?: string; max?: string; withinData?: boolean }): ParamSpec<string> {
    const s = z
      .string()
      .refine(isIsoDate, { message: "not an ISO date (YYYY-MM-DD)" })
      .refine((d) => (o.min === undefined || d >= o.min) && (o.max === undefined || d <= o.max), {
        message: "out of range",
      });
    return spec(o, { type: "date", min: o.min, max: o.max, withinData: !!o.withinData }, o.default, s);
  },

  /** A month "YYYY-MM" in [min, max]. */
  month(o: ParamInfo & { default: string; min: string; max: string }): ParamSpec<string> {
    const s = z
      .string()
      .refine(isIsoMonth, { message: "not a month (YYYY-MM)" })
      .refine((m) => m >= o.min && m <= o.max, { message: "out of range" });
    return spec(o, { type: "month", min: o.min, max: o.max }, o.default, s);
  },

  /** An object with exactly `keys`, each a number in [min, max]; `probabilities`: each ≥ 0, summing to 1. */
  record<const K extends readonly [string, ...string[]]>(
    o: ParamInfo & NumberBounds & { keys: K; default: Record<K[number], number>; probabilities?: boolean },
  ): ParamSpec<Record<K[number], number>> {
    const shape = Object.fromEntries(o.keys.map((k) => [k, numberSchema(o)]));
    let s: z.ZodType<Record<K[number], number>> = z.strictObject(shape) as unknown as z.ZodType<
      Record<K[number], number>
    >;
    if (o.probabilities) {
      s = s.refine(
        (v) => Math.abs(Object.values<number>(v).reduce((a, b) => a + b, 0) - 1) <= PROBABILITY_SUM_TOLERANCE,
        {
          message: "probabilities must sum to 1",
        },
      );
    }
    return spec(
      o,
      {
        type: "record",
        keys: o.keys,
        min: o.min,
        max: o.max,
        step: o.step ?? (o.max - o.min) / 100,
        probabilities: !!o.probabilities,
      },
      o.default,
      s,
    );
  },

  /** A [lo, hi] pair of numbers in [min, max] with lo ≤ hi. */
  pair(o: ParamInfo & NumberBounds & { default: [number, number] }): ParamSpec<[number, number]> {
    const s = z.tuple([numberSchema(o), numberSchema(o)]).refine(([lo, hi]) => lo <= hi, {
      message: "the first value must not exceed the second",
    });
    return spec(
      o,
      { type: "pair", min: o.min, max: o.max, step: o.step ?? (o.max - o.min) / 100 },
      o.default,
      s as z.ZodType<[number, number]>,
    );
  },

  /** An object with exactly `keys`, each a [lo, hi] pair in [min, max] with lo ≤ hi. */
  recordOfPairs<const K extends readonly [string, ...string[]]>(
    o: ParamInfo & NumberBounds & { keys: K; default: Record<K[number], [number, number]> },
  ): ParamSpec<Record<K[number], [number, number]>> {
    const pair = z.tuple([numberSchema(o), numberSchema(o)]).refine(([lo, hi]) => lo <= hi, {
      message: "the first value must not exceed the second",
    });
    const s = z.strictObject(Object.fromEntries(o.keys.map((k) => [k, pair])));
    return spec(
      o,
      { type: "recordOfPairs", keys: o.keys, min: o.min, max: o.max, step: o.step ?? (o.max - o.min) / 100 },
      o.default,
      s as unknown as z.ZodType<Record<K[number], [number, number]>>,
    );
  },

  /** A list of numbers in [min, max], `minItems`–`maxItems` long, strictly ascending when `ascending`. */
  list(
    o: ParamInfo & NumberBounds & { default: number[]; minItems: number; maxItems: number; ascending?: boolean },
  ): ParamSpec<number[]> {
    let s: z.ZodType<number[]> = z.array(numberSchema(o)).min(o.minItems).max(o.maxItems);
    if (o.ascending) {
      s = s.refine((xs) => xs.every((x, i) => i === 0 || x > xs[i - 1]), {
        message: "values must be strictly ascending",
      });
    }
    return spec(
      o,
      {
        type: "list",
        min: o.min,
        max: o.max,
        step: o.step ?? (o.max - o.min) / 100,
        minItems: o.minItems,
        maxItems: o.maxItems,
        ascending: !!o.ascending,
      },
      o.default,
      s,
    );
  },

  /** A non-empty list of distinct values, each one of `values` (e.g. series ids, pivot dates). */
  subset<const V extends readonly [string, ...string[]]>(
    o: ParamInfo & { values: V; default: V[number][]; minItems?: number },
  ): ParamSpec<V[number][]> {
    const minItems = o.minItems ?? 1;
    const s = z
      .array(z.enum(o.values))
      .min(minItems)
      .refine((xs) => new Set(xs).size === xs.length, { message: "values must not repeat" }) as unknown as z.ZodType<
        V[number][]
      >;
    return spec(o, { type: "subset", values: o.values, minItems }, o.default, s);
  },

  /** A window {"from": ISO date, "to": ISO date} with from before to. */
  dateWindow(
    o: ParamInfo & { default: { from: string; to: string }; withinData?: boolean },
  ): ParamSpec<{ from: string; to: string }> {
    return spec(
      o,
      { type: "dateWindow", withinData: !!o.withinData },
      o.default,
      windowSchema as z.ZodType<{ from: string; to: string }>,
    );
  },

  /**
   * A list of windows, each {"id", "from", "to"} (with `ids`) or a pair ["from", "to"], from before to,
   * at most `maxItems`.
   */
  dateWindows<T extends { id: string; from: string; to: string }[] | [string, string][]>(
    o: ParamInfo & { default: T; ids: boolean; maxItems: number; withinData?: boolean },
  ): ParamSpec<T> {
    const item = o.ids
      ? z.strictObject({ id: z.string().min(1).max(40), from: isoDateString, to: isoDateString }).refine(
        (w) => w.from < w.to,
        { message: "from must be before to" },
      )
      : z.tuple([isoDateString, isoDateString]).refine(([a, b]) => a < b, { message: "from must be before to" });
    const s = z.array(item).min(1).max(o.maxItems) as unknown as z.ZodType<T>;
    return spec(o, { type: "dateWindows", withinData: !!o.withinData, maxItems: o.maxItems, ids: o.ids }, o.default, s);
  },

  /** A list of dated labels [{"date": ISO date, "what": text}] (text up to 200 characters), at most `maxItems`. */
  events(
    o: ParamInfo & { default: { date: string; what: string }[]; maxItems: number },
  ): ParamSpec<{ date: string; what: string }[]> {
    const s = z.array(z.strictObject({ date: isoDateString, what: z.string().min(1).max(200) })).min(1).max(o.maxItems);
    return spec(
      o,
      { type: "events", maxItems: o.maxItems },
      o.default,
      s as z.ZodType<{ date: string; what: string }[]>,
    );
  },
};

/** A string that is a real ISO date. */
const isoDateString = z.string().refine(isIsoDate, { message: "not an ISO date (YYYY-MM-DD)" });
/** {"from", "to"} ISO dates with from before to. */
const windowSchema = z.strictObject({ from: isoDateString, to: isoDateString }).refine((w) => w.from < w.to, {
  message: "from must be before to",
});

/** A rule across parameters: returns a message when the values break it, else undefined. */
export interface CrossRule<T> {
  names: readonly (keyof T & string)[];
  /** A method (bivariant), so that any article's rules fit the general ArticleParams type. */
  check(values: T): string | undefined;
}

/** Values of a params declaration. */
export type ParamValues<S extends Record<string, ParamSpec>> = { [K in keyof S]: S[K]["default"] };

/** An article's parameters: the specs, their defaults, cross rules and the combined zod schema. */
export interface ArticleParams<S extends Record<string, ParamSpec> = Record<string, ParamSpec>> {
  specs: S;
  names: readonly (keyof S & string)[];
  defaults: ParamValues<S>;
  rules: readonly CrossRule<ParamValues<S>>[];
  /** The whole set as one strict zod object (every name required, no other key). */
  schema: z.ZodType<ParamValues<S>>;
}

/** Any article's parameters (for code that handles every article alike: the command line, the report). */
// deno-lint-ignore no-explicit-any
export type AnyArticleParams = ArticleParams<any>;

/** Declare an article's parameters. Throws when a default breaks a cross rule. */
export function defineParams<S extends Record<string, ParamSpec>>(
  specs: S,
  rules: readonly CrossRule<ParamValues<S>>[] = [],
): ArticleParams<S> {
  const names = Object.keys(specs) as (keyof S & string)[];
  const defaults = Object.fromEntries(names.map((n) => [n, specs[n].default])) as ParamValues<S>;
  const schema = z.strictObject(Object.fromEntries(names.map((n) => [n, specs[n].schema]))) as unknown as z.ZodType<
    ParamValues<S>
  >;
  for (const r of rules) {
    const m = r.check(defaults);
    if (m) throw new Error(`the defaults break a rule on ${r.names.join(", ")}: ${m}`);
  }
  return { specs, names, defaults, rules, schema };
}

/** The shipped data's date range, for dates declared `withinData`. */
export interface DataRange {
  from: string;
  to: string;
}

/** One refused value: which parameter, the value given, what is allowed. */
export interface ParamError {
  name: string;
  /** Path inside the value ("B", "1"), empty for the value itself. */
  path: string;
  message: string;
}

/** An English article for a noun phrase's first word ("an object", "a number"). */
function an(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

/** A JSON value in a message, cut to a readable length. */
export function shortValue(v: unknown): string {
  let s: string;
  if (typeof v === "number") s = Object.is(v, -0) ? "-0" : String(v);
  else if (v === undefined) s = "nothing";
  else {
    try {
      // Non-finite numbers as themselves, not as JSON's null.
      s = (JSON.stringify(v, (_, x) => (typeof x === "number" && !Number.isFinite(x) ? `\u0000${x}` : x)) ?? String(v))
        .replace(/"\\u0000([^"]+)"/g, "$1");
    } catch {
      s = String(v);
    }
  }
  return s.length > 80 ? `${s.slice(0, 77)}… (${s.length} characters)` : s;
}

/** The JSON type of a value in plain English ("a number", "an object", "a list"). */
export function describeType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return an(typeof v === "object" ? "object" : typeof v);
}

/** What a parameter allows, in plain English with its unit: "a number between 0 and 60 ($bn/month)". */
export function describeAllowed(s: ParamSpec): string {
  const u = s.unit ? ` (${s.unit})` : "";
  const k = s.kind;
  switch (k.type) {
    case "number":
      return `${k.integer ? "a whole number" : "a number"} between ${k.min} and ${k.max}${u}`;
    case "enum":
      return `one of ${k.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "date":
      return `an ISO date (YYYY-MM-DD)${k.min ? ` on or after ${k.min}` : ""}${
        k.max ? `${k.min ? " and" : ""} on or before ${k.max}` : ""
      }${k.withinData ? `${k.min || k.max ? "," : ""} inside the shipped data` : ""}`;
    case "month":
      return `a month (YYYY-MM) from ${k.min} to ${k.max}`;
    case "record":
      return `an object with exactly the keys ${k.keys.join(", ")}, each a number between ${k.min} and ${k.max}${u}${
        k.probabilities ? ", summing to 1" : ""
      }`;
    case "pair":
      return `a pair [low, high] of numbers between ${k.min} and ${k.max}${u}, low ≤ high`;
    case "recordOfPairs":
      return `an object with exactly the keys ${
        k.keys.join(", ")
      }, each a pair [low, high] between ${k.min} and ${k.max}${u}, low ≤ high`;
    case "list":
      return `a list of ${k.minItems}–${k.maxItems} numbers between ${k.min} and ${k.max}${u}${
        k.ascending ? ", ascending" : ""
      }`;
    case "subset":
      return `a list of at least ${k.minItems} distinct values from ${
        k.values.map((v) => JSON.stringify(v)).join(", ")
      }`;
    case "dateWindow":
      return `an object {"from": ISO date, "to": ISO date} with from before to${
        k.withinData ? ", inside the shipped data" : ""
      }`;
    case "dateWindows":
      return `a list of 1–${k.maxItems} windows ${
        k.ids ? `{"id": text, "from": ISO date, "to": ISO date}` : `["from", "to"] (ISO dates)`
      }, each from before to`;
    case "events":
      return `a list of 1–${k.maxItems} {"date": ISO date, "what": text}`;
  }
}

/** The allowed range or values in short form, for tables: "0–60", "flat | front-loaded". */
export function allowedShort(s: ParamSpec): string {
  const k = s.kind;
  switch (k.type) {
    case "number":
    case "pair":
    case "list":
    case "record":
    case "recordOfPairs":
      return `${k.min} to ${k.max}${k.type === "record" && k.probabilities ? ", sum 1" : ""}${
        k.type === "pair" || k.type === "recordOfPairs" ? ", low ≤ high" : ""
      }`;
    case "enum":
      return k.values.join(" | ");
    case "date":
      return `${k.min ?? ""}…${k.max ?? ""}${k.withinData ? " (in data)" : ""}`;
    case "month":
      return `${k.min}…${k.max}`;
    case "subset":
      return `subset of ${k.values.join(" | ")}`;
    case "dateWindow":
      return "from < to (ISO dates)";
    case "dateWindows":
      return `1–${k.maxItems} windows, from < to`;
    case "events":
      return `1–${k.maxItems} dated labels`;
  }
}

/** Names a value must never carry as a key: refused like any unknown key, wherever they appear. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Every ISO date string inside a JSON value. */
function isoDatesIn(v: unknown): string[] {
  if (typeof v === "string") return isIsoDate(v) ? [v] : [];
  if (v !== null && typeof v === "object") return Object.values(v).flatMap(isoDatesIn);
  return [];
}

/** True when -0 appears anywhere in a JSON value (JSON.parse("-0") is -0: a sign a reader did not mean). */
function hasNegativeZero(v: unknown): boolean {
  if (Object.is(v, -0)) return true;
  return v !== null && typeof v === "object" && Object.values(v).some(hasNegativeZero);
}

/** Paths of forbidden keys anywhere inside a JSON value. */
function forbiddenKeyPaths(v: unknown, path: string[] = []): string[] {
  if (v === null || typeof v !== "object") return [];
  const out: string[] = [];
  for (const key of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(key)) out.push([...path, key].join("."));
    out.push(...forbiddenKeyPaths((v as Record<string, unknown>)[key], [...path, key]));
  }
  return out;
}

/**
 * Validate a full or partial set of values (overrides on top of the defaults) against an article's
 * parameters. Returns the merged values, or every error, one per refused parameter, in plain English:
 * `expected a number between 0 and 60 ($bn/month), got 90`. Unknown names are left to the caller (it
 * knows the nearest name across notebooks); here they are refused too.
 */
export function validateParams<S extends Record<string, ParamSpec>>(
  params: ArticleParams<S>,
  overrides: Readonly<Record<string, unknown>>,
  data?: DataRange,
  options: { crossRules?: boolean } = {},
): { ok: true; values: ParamValues<S> } | { ok: false; errors: ParamError[] } {
  const errors: ParamError[] = [];
  const merged: Record<string, unknown> = Object.create(null);
  for (const n of params.names) merged[n] = params.defaults[n];
  for (const name of Object.keys(overrides)) {
    const value = overrides[name];
    if (!Object.hasOwn(params.specs, name) || FORBIDDEN_KEYS.has(name)) {
      errors.push({ name, path: "", message: `unknown parameter "${name}"` });
      continue;
    }
    const s = params.specs[name];
    if (hasNegativeZero(value)) {
      errors.push({ name, path: "", message: `expected ${describeAllowed(s)}, got -0 (write 0)` });
      continue;
    }
    const bad = forbiddenKeyPaths(value);
    if (bad.length) {
      errors.push({
        name,
        path: bad[0],
        message: `expected ${describeAllowed(s)}, got a value with the key "${bad[0].split(".").pop()}"`,
      });
      continue;
    }
    const r = s.schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      const path = issue.path.join(".");
      const found = valueAt(value, issue.path);
      const detail = issue.code === "custom"
        ? `: ${issue.message}${
          s.kind.type === "record" && s.kind.probabilities && value && typeof value === "object"
            ? ` (they sum to ${sumOf(value)})`
            : ""
        }`
        : issue.code === "unrecognized_keys"
        ? `: unexpected key ${issue.keys.map((k) => `"${k}"`).join(", ")}`
        : path && !found.exists
        ? `: missing key "${path}"`
        : path
        ? ` (at ${path}: ${valueWithType(found.value)})`
        : "";
      errors.push({ name, path, message: `expected ${describeAllowed(s)}, got ${valueWithType(value)}${detail}` });
      continue;
    }
    if ("withinData" in s.kind && s.kind.withinData && data) {
      const outside = isoDatesIn(value).filter((d) => d < data.from || d > data.to);
      if (outside.length) {
        errors.push({
          name,
          path: "",
          message: `expected ${
            s.kind.type === "date" ? "an ISO date" : "dates"
          } inside the shipped data (${data.from} to ${data.to}), got ${shortValue(outside[0])}`,
        });
        continue;
      }
    }
    merged[name] = r.data;
  }
  if (errors.length === 0 && options.crossRules !== false) {
    for (const rule of params.rules) {
      const m = rule.check(merged as ParamValues<S>);
      if (m) errors.push({ name: rule.names.join(" and "), path: "", message: m });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, values: merged as ParamValues<S> };
}

/** The value at a path inside a JSON value, and whether the path exists. */
function valueAt(v: unknown, path: readonly PropertyKey[]): { exists: boolean; value: unknown } {
  let cur = v;
  for (const k of path) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, k)) return { exists: false, value: undefined };
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return { exists: true, value: cur };
}

function sumOf(v: object): string {
  const s = Object.values(v).reduce((a: number, b) => a + (typeof b === "number" ? b : NaN), 0);
  return String(Math.round(s * 1e9) / 1e9);
}

function valueWithType(v: unknown): string {
  const t = describeType(v);
  return t === "null" || t === "Infinity" || t === "-Infinity" || t === "NaN" ? t : `${t} ${shortValue(v)}`;
}

/**
 * Parse a notebook's values (all names, as its parameters cell and any injected cell declared them) and
 * return them typed, or throw one Error listing every refused value: the notebook's run stops at its first
 * code cell, before any data is read.
 */
export function parseValues<S extends Record<string, ParamSpec>>(
  params: ArticleParams<S>,
  values: Readonly<Record<string, unknown>>,
  data?: DataRange,
): ParamValues<S> {
  const missingNames = params.names.filter((n) => !Object.hasOwn(values, n));
  const r = validateParams(params, values, data);
  const problems = [
    ...missingNames.map((n) => `"${n}" is missing`),
    ...(r.ok ? [] : r.errors.map((e) => `"${e.name}": ${e.message}`)),
  ];
  if (problems.length) throw new Error(`invalid parameters: ${problems.join("; ")}`);
  return (r as { ok: true; values: ParamValues<S> }).values;
}

/** The JSON Schema of an article's parameters, with unit, meaning and source on each property. */
export function jsonSchemaOf<S extends Record<string, ParamSpec>>(params: ArticleParams<S>): unknown {
  return z.toJSONSchema(params.schema as z.ZodType, { unrepresentable: "any" });
}

/** A JSON literal as the parameters cell writes it: `{"A": 25, "B": 45}`, `[-3, 3]` (spaces after , and :). */
export function cellLiteral(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(cellLiteral).join(", ")}]`;
  if (v !== null && typeof v === "object") {
    return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${cellLiteral(x)}`).join(", ")}}`;
  }
  return JSON.stringify(v);
}

/** Greedy word wrap of `text` into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The widest line the notebooks' code holds. */
export const MAX_LINE_COLUMNS = 120;

/**
 * The notebook's parameters cell for a declaration: per parameter `const name = <JSON>; // unit; source`, or,
 * where that would pass {@link MAX_LINE_COLUMNS}, the comment on `//` lines above the declaration.
 */
export function renderParametersCell<S extends Record<string, ParamSpec>>(params: ArticleParams<S>): string {
  return params.names
    .map((n) => {
      const s = params.specs[n];
      const flat = `const ${n} = ${cellLiteral(s.default)};`;
      // A list too long for one line takes one element a line (still one JSON literal for the cell parser).
      const decl = flat.length > MAX_LINE_COLUMNS && Array.isArray(s.default) && s.default.length > 1
        ? `const ${n} = [\n${s.default.map((x) => `  ${cellLiteral(x)}`).join(",\n")},\n];`.replace(/,\n\];$/, "\n];")
        : flat;
      const comment = `${s.unit ? `${s.unit}; ` : ""}${s.source}`;
      const oneLine = `${decl} // ${comment}`;
      return oneLine.length <= MAX_LINE_COLUMNS
        ? oneLine
        : [...wrap(comment, MAX_LINE_COLUMNS - 3).map((l) => `// ${l}`), decl].join("\n");
    })
    .join("\n");
}
