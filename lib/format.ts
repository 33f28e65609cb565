/**
 * qtlab's one formatting module: how a number, a change, a range, a date or a month reads, in claims,
 * prose, tables, chart captions and live views alike ("$1,234bn", "+12bp", "3.5%", "2026-04"). Built on
 * d3-format and d3-time-format; nothing else in lib/ formats a number for a reader.
 *
 * Conventions: thousands separated by commas; negatives with a true minus sign "−" (d3-format's default);
 * a signed change always carries "+" or "−" ("0" has none); a missing value reads "n/a".
 */
import { format as d3format } from "d3-format";
import { utcFormat } from "d3-time-format";
import { monthOf, utcDate } from "./calendar.ts";

/** The units a figure can carry. Each has one way to read. */
export type Unit =
  | "usdBn" // $ billions: "$1,234bn"
  | "usdTn" // $ trillions: "$3.45tn"
  | "usdBnPerMonth" // "$25bn/month"
  | "bp" // basis points: "12bp"
  | "pct" // percent: "3.5%"
  | "pp" // percentage points: "1.2pp"
  | "pctOfGdp" // "10.8% of GDP"
  | "count" // a plain count: "1,128"
  | "index" // an index level: "4,512.3"
  | "ratio" // a plain number: "0.66"
  | "months" // "24 months"
  | "years" // "3.5 years"
  | "days" // "20 days"
  | "weeks"; // "12 weeks"

/** Reads "n/a" where a figure is missing (undefined, null or not finite). */
export const MISSING = "n/a";

const cache = new Map<string, (n: number) => string>();
/** A memoised d3-format formatter for `specifier`. */
function f(specifier: string): (n: number) => string {
  let fn = cache.get(specifier);
  if (!fn) cache.set(specifier, fn = d3format(specifier));
  return fn;
}

function missing(v: number | undefined | null): v is undefined | null {
  return v === undefined || v === null || !Number.isFinite(v);
}

/** Digits after the point a unit reads with by default. */
export const DEFAULT_DIGITS: Record<Unit, number> = {
  usdBn: 0,
  usdTn: 2,
  usdBnPerMonth: 1,
  bp: 0,
  pct: 1,
  pp: 1,
  pctOfGdp: 1,
  count: 0,
  index: 1,
  ratio: 2,
  months: 0,
  years: 1,
  days: 0,
  weeks: 0,
};

/** A plain number with thousands separators and `digits` decimals ("1,234.5"); "n/a" if missing. */
export function num(v: number | undefined | null, digits = 0): string {
  return missing(v) ? MISSING : f(`,.${digits}f`)(v);
}

/** `digits` decimals, trailing zeros trimmed when `trim` ("25", "3.5"), as the articles write sizes. */
function trimmed(v: number, digits: number): string {
  const s = f(`,.${digits}f`)(v);
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/**
 * A value with its unit: `fmt(1234.4, "usdBn")` → "$1,234bn"; `fmt(-12, "bp")` → "−12bp". `digits`
 * overrides the unit's default; `trim` drops trailing zeros ("$25bn/month" rather than "$25.0bn/month").
 */
export function fmt(
  v: number | undefined | null,
  unit: Unit,
  options: { digits?: number; trim?: boolean } = {},
): string {
  if (missing(v)) return MISSING;
  const digits = options.digits ?? DEFAULT_DIGITS[unit];
  const abs = options.trim ? trimmed(Math.abs(v), digits) : f(`,.${digits}f`)(Math.abs(v));
  const rounded = Number(Math.abs(v).toFixed(digits));
  const sign = v < 0 && rounded !== 0 ? "−" : "";
  return sign + withUnit(abs, unit, v);
}

/** Each unit's prefix and suffix around a magnitude; time units take their noun in the plural. */
const AFFIX: Record<Unit, [string, string]> = {
  usdBn: ["$", "bn"],
  usdTn: ["$", "tn"],
  usdBnPerMonth: ["$", "bn/month"],
  bp: ["", "bp"],
  pct: ["", "%"],
  pp: ["", "pp"],
  pctOfGdp: ["", "% of GDP"],
  count: ["", ""],
  index: ["", ""],
  ratio: ["", ""],
  months: ["", " months"],
  years: ["", " years"],
  days: ["", " days"],
  weeks: ["", " weeks"],
};

/** Attach a unit to an already formatted magnitude ("1 month", not "1 months"). */
function withUnit(abs: string, unit: Unit, v: number): string {
  const [prefix, suffix] = AFFIX[unit];
  return `${prefix}${abs}${
    Math.abs(v) === 1 && suffix.endsWith("s") && suffix.startsWith(" ") ? suffix.slice(0, -1) : suffix
  }`;
}

/** A signed change: "+12bp", "−$45bn", "+3.5%"; zero (after rounding) reads without a sign. */
export function signed(
  v: number | undefined | null,
  unit: Unit,
  options: { digits?: number; trim?: boolean } = {},
): string {
  if (missing(v)) return MISSING;
  const digits = options.digits ?? DEFAULT_DIGITS[unit];
  const rounded = Number(v.toFixed(digits));
  return (rounded > 0 ? "+" : "") + fmt(v, unit, options);
}

/**
 * A range with the unit once: `range(20, 30, "usdBnPerMonth")` → "$20–30bn/month"; `range(-5, 5, "bp")` →
 * "−5 to 5bp" (a negative end reads with "to" so the dash is not a minus).
 */
export function range(lo: number, hi: number, unit: Unit, options: { digits?: number; trim?: boolean } = {}): string {
  if (missing(lo) || missing(hi)) return MISSING;
  if (lo === hi) return fmt(lo, unit, options);
  if (lo < 0 || hi < 0) return `${fmt(lo, unit, options)} to ${fmt(hi, unit, options)}`;
  const [prefix, suffix] = AFFIX[unit];
  return `${prefix}${fmt(lo, "ratio", { ...options, digits: options.digits ?? DEFAULT_DIGITS[unit] })}–${
    fmt(hi, "ratio", { ...options, digits: options.digits ?? DEFAULT_DIGITS[unit] })
  }${suffix}`;
}

/** A share as a percent: `share(0.254)` → "25%"; `digits` decimals. */
export function share(frac: number | undefined | null, digits = 0): string {
  return missing(frac) ? MISSING : `${f(`,.${digits}f`)(frac * 100)}%`;
}

/** A count out of a total with its share: "5 of 7 (71%)"; "0 of 0" when the total is zero. */
export function countOf(k: number, n: number): string {
  return n === 0 ? "0 of 0" : `${num(k)} of ${num(n)} (${share(k / n)})`;
}

const longMonth = utcFormat("%B %Y");
const longDate = utcFormat("%-d %B %Y");

/** An ISO date as qtlab prints dates: "2025-04-03" (validated). */
export function date(iso: string): string {
  utcDate(iso);
  return iso;
}

/** A date in words: "3 April 2025". */
export function dateLong(iso: string): string {
  return longDate(utcDate(iso));
}

/** A month as "YYYY-MM" (from a month or any date in it). */
export function month(isoDateOrMonth: string): string {
  return monthOf(isoDateOrMonth);
}

/** A month in words: "April 2025". */
export function monthLong(isoDateOrMonth: string): string {
  return longMonth(utcDate(`${monthOf(isoDateOrMonth)}-01`));
}

/** A span of dates: "2025-04-03 to 2025-06-30". */
export function dateSpan(from: string, to: string): string {
  return `${date(from)} to ${date(to)}`;
}

/** A d3-format tick formatter for chart axes, in the unit's default digits ("$1,234bn" style left to the label). */
export function tickFormat(digits = 0): (n: number) => string {
  return f(`,.${digits}f`);
}

/** A list in prose: "A", "A and B", "A, B and C". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "1 month" / "3 months": a count with its noun, singular when one. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${num(n)} ${n === 1 ? singular : pluralForm}`;
}

/**
 * Mark a figure or a verdict inside a sentence so that the report can tie it to the table it comes from:
 * `mark("claim:RMP-6:verdict", "holds")`. The prose display renders it as `<span data-q="…">holds</span>`;
 * the coherence test reads every marked text in a report and checks that one key always reads the same.
 * Keys: `claim:<ID>:verdict`, `claim:<ID>:data`, `fig:<name>` for a figure of the result.
 */
export function mark(key: string, text: string): string {
  if (/[⟦⟧|]/.test(key) || /[⟦⟧]/.test(text)) {
    throw new Error(`mark: "${key}" / "${text}" may not contain ⟦, ⟧ or | in the key`);
  }
  return `⟦${key}|${text}⟧`;
}

/** Prose with its marks removed (the plain text a reader sees). */
export function unmark(text: string): string {
  return text.replace(/⟦[^|⟧]*\|([^⟧]*)⟧/g, "$1");
}
