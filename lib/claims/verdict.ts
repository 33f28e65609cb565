/**
 * qtlab's one rulebook for claims against data. Every article's claims are numbers: the article's figure
 * (a value with its unit, a range, a bound, a date or a yes/no statement), the data's figure with the date
 * or window it refers to, and a verdict decided here by a named tolerance rule with its reason. Text is
 * rendered from the numbers by lib/format.ts when a claim is shown; a claim stores no formatted figure.
 *
 * Vocabulary: holds / roughly holds / does not hold / not checkable. One tie rule for the whole project:
 * a distance equal to a tolerance bound counts as inside it (distances are compared after rounding to
 * 1e-9 of the unit, so floating-point noise never decides a verdict).
 */
import { daysBetween, monthEndIso } from "../calendar.ts";
import { countOf, date as fmtDate, fmt, list, mark, range as fmtRange, type Unit } from "../format.ts";

/** The four verdicts. */
export type Verdict = "holds" | "roughly holds" | "does not hold" | "not checkable";

export const VERDICTS: readonly Verdict[] = ["holds", "roughly holds", "does not hold", "not checkable"];

/** The project's tie rule, as stated in every report's method notes. */
export const TIE_RULE =
  "A distance exactly on a tolerance bound counts as within it (compared after rounding to 1e-9 of the unit).";

/** A figure: a value with its unit, a range, a one-sided bound, a date, a count out of a total, or a yes/no. */
export type Figure =
  | { kind: "value"; value: number; unit: Unit; approx?: boolean; digits?: number }
  | { kind: "range"; lo: number; hi: number; unit: Unit }
  | { kind: "atLeast"; value: number; unit: Unit }
  | { kind: "atMost"; value: number; unit: Unit }
  | { kind: "date"; date: string }
  | { kind: "count"; count: number; of: number; what: string }
  | { kind: "statement"; text: string };

/** When a data figure refers to: one date, or a window from → to (ISO dates, or "YYYY-MM" months). */
export interface When {
  from?: string;
  to: string;
}

/** A data figure with the date or window it refers to. */
export type DataFigure = Figure & { when: When };

/** A tolerance rule: how far the data may sit from the article's figure for each verdict. */
export interface ToleranceRule {
  /** "relative": |data − article| / |article|; "absolute": in the figures' unit; "days": for dates. */
  kind: "relative" | "absolute" | "days";
  holds: number;
  roughly: number;
  /** Why this rule: what makes a distance of this size agreement. */
  why: string;
}

/**
 * The rulebook: every numeric claim uses one of these, named, with its own one-line reason for the choice.
 * Rules are few on purpose, so that two claims of the same kind are judged alike.
 */
export const RULES = {
  /** A level the article quotes from a publication (a balance-sheet total, a holding). */
  publishedLevel: {
    kind: "relative",
    holds: 0.02,
    roughly: 0.1,
    why:
      "a published level: within 2% is the same figure up to revisions and the week chosen; within 10% the same order",
  },
  /** A figure the article rounds or calls "about". */
  roundedFigure: {
    kind: "relative",
    holds: 0.05,
    roughly: 0.2,
    why: 'a rounded figure ("about"): within 5% is what rounding allows; within 20% the same magnitude',
  },
  /** A rate, spread or yield change in basis points. */
  rateBp: {
    kind: "absolute",
    holds: 5,
    roughly: 15,
    why: "a rate or spread: within 5bp is daily noise in money-market rates; within 15bp the same move",
  },
  /** A change or share in percentage points (a return, a share of GDP). */
  percentagePoints: {
    kind: "absolute",
    holds: 1,
    roughly: 3,
    why: "a percentage: within 1pp is rounding and timing; within 3pp the same size of move",
  },
  /** A month's fall of the Fed's holdings against a runoff cap, in $bn. */
  holdingsMonthUsdBn: {
    kind: "absolute",
    holds: 2,
    roughly: 4,
    why:
      "a month's fall of the Fed's holdings against a cap: TIPS inflation compensation (inside TREAST) and settlement timing move it by up to about $2bn; within $4bn the cap still reads as binding",
  },
  /**
   * How often something followed a set of events, as a share of them in % (e.g. "stocks tend to rally after a
   * pivot"): at or above the share the article's words are read as holds; up to 25pp below it roughly.
   */
  eventShare: {
    kind: "absolute",
    holds: 0,
    roughly: 25,
    why:
      'a share of a handful of events: at or above the share read into the article\'s words holds; within 25pp (for "3 in 4", down to 1 in 2) roughly, since one episode moves the share that much; below it ups and downs are about as frequent',
  },
  /** A date the article names (an announcement, a start). */
  eventDate: {
    kind: "days",
    holds: 0,
    roughly: 31,
    why: "a date: the same day holds; within a month roughly (the article may date by the decision or by its effect)",
  },
} as const satisfies Record<string, ToleranceRule>;

export type RuleName = keyof typeof RULES;

/** One claim of an article, checked against data. */
export interface Claim {
  /** Stable id from the claims list, e.g. "RMP-6". */
  id: string;
  /** The article's statement in a few words (the article's words, which no data change). */
  claim: string;
  /** What the article says. */
  article: Figure;
  /** What the data say, with when; absent when the claim is not checkable. */
  data?: DataFigure;
  verdict: Verdict;
  /** The rule that decided (a name from {@link RULES}, "condition" for a yes/no test, "none" when not checkable). */
  rule: RuleName | "condition" | "none";
  /** Why this rule fits this claim, or what makes the claim not checkable. */
  ruleWhy: string;
  /** Why this verdict, rendered from the numbers. */
  reason: string;
  /** True when the data figure refers to a time after the article's date. */
  usesLaterData: boolean;
  /** What happened after the article's date, when the claim looks forward or the data moved since. */
  afterwards?: { data: DataFigure; note: string };
}

/** Context every claim of an article shares. */
export interface ClaimContext {
  /** The article's publication date (ISO). */
  articleDate: string;
}

/** Round away floating-point noise before a distance meets a bound ({@link TIE_RULE}). */
function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** The verdict for a distance under a rule: ≤ holds → holds, ≤ roughly → roughly holds, else does not hold. */
export function verdictForDistance(distance: number, rule: ToleranceRule): Exclude<Verdict, "not checkable"> {
  if (!Number.isFinite(distance) || distance < 0) {
    throw new Error(`verdictForDistance: distance must be a finite number ≥ 0, got ${distance}`);
  }
  const d = clean(distance);
  return d <= rule.holds ? "holds" : d <= rule.roughly ? "roughly holds" : "does not hold";
}

/**
 * Distance between an article's figure and a data value under a rule: 0 inside a range or bound, else to
 * the nearest end; relative distances are taken against that end (against 1 when it is zero).
 */
export function distance(article: Figure, data: number | string, rule: ToleranceRule): number {
  if (article.kind === "date") {
    if (typeof data !== "string") throw new Error("distance: a date claim needs a date");
    if (rule.kind !== "days") throw new Error(`distance: a date claim needs a "days" rule`);
    return Math.abs(daysBetween(dateOf(article.date), dateOf(data)));
  }
  if (typeof data !== "number" || !Number.isFinite(data)) {
    throw new Error(`distance: the data's figure must be a finite number, got ${data}`);
  }
  let target: number;
  switch (article.kind) {
    case "value":
      target = article.value;
      break;
    case "range":
      if (data >= article.lo && data <= article.hi) return 0;
      target = data < article.lo ? article.lo : article.hi;
      break;
    case "atLeast":
      if (data >= article.value) return 0;
      target = article.value;
      break;
    case "atMost":
      if (data <= article.value) return 0;
      target = article.value;
      break;
    default:
      throw new Error(`distance: a ${article.kind} figure has no numeric distance`);
  }
  if (rule.kind === "days") throw new Error(`distance: a "days" rule needs a date claim`);
  const d = Math.abs(data - target);
  return rule.kind === "absolute" ? d : d / (target === 0 ? 1 : Math.abs(target));
}

/** A month "YYYY-MM" stands for its last day; a date for itself. */
function dateOf(s: string): string {
  return s.length === 7 ? monthEndIso(s) : s;
}

/** True when `when` ends after the article's date. */
export function isAfter(when: When, articleDate: string): boolean {
  return dateOf(when.to) > articleDate;
}

/**
 * Render a figure for a reader through lib/format.ts. An article's figure shows its own precision ("$3.5bn");
 * a data figure (`asData`) the unit's default digits ("$6,552bn"); a figure's own `digits` wins over both.
 */
export function renderFigure(fig: Figure, asData = false): string {
  switch (fig.kind) {
    case "value":
      return `${fig.approx ? "about " : ""}${
        fmt(
          fig.value,
          fig.unit,
          asData && fig.digits === undefined
            ? {}
            : { trim: fig.digits === undefined, digits: fig.digits ?? digitsOf(fig.value, fig.unit) },
        )
      }`;
    case "range":
      return fmtRange(fig.lo, fig.hi, fig.unit, {
        trim: true,
        digits: Math.max(digitsOf(fig.lo, fig.unit), digitsOf(fig.hi, fig.unit)),
      });
    case "atLeast":
      return `≥ ${fmt(fig.value, fig.unit, { trim: true, digits: digitsOf(fig.value, fig.unit) })}`;
    case "atMost":
      return `≤ ${fmt(fig.value, fig.unit, { trim: true, digits: digitsOf(fig.value, fig.unit) })}`;
    case "date":
      return fig.date.length === 7 ? fig.date : fmtDate(fig.date);
    case "count":
      return `${countOf(fig.count, fig.of)} ${fig.what}`;
    case "statement":
      return fig.text;
  }
}

/** Digits enough to show a value's own precision, up to the unit's default plus one (25 → 0, 3.5 → 1). */
function digitsOf(v: number, unit: Unit): number {
  const base = unit === "usdBn" || unit === "bp" || unit === "count" ? 1 : 2;
  for (let d = 0; d < base; d++) if (Math.abs(v * 10 ** d - Math.round(v * 10 ** d)) < 1e-9) return d;
  return base;
}

/** Render when a data figure refers to: "2025-12-03" or "2025-01-01 to 2025-12-31". */
export function renderWhen(when: When): string {
  return when.from && when.from !== when.to ? `${when.from} to ${when.to}` : when.to;
}

/** A data figure with its date or window: "$6,552bn (2025-12-03)". */
export function renderData(fig: DataFigure): string {
  return `${renderFigure(fig, true)} (${renderWhen(fig.when)})`;
}

/** Arguments common to every claim builder. */
interface ClaimArgs {
  id: string;
  claim: string;
  article: Figure;
  afterwards?: Claim["afterwards"];
}

/**
 * A numeric claim judged by a named rule. `reason` adds what the numbers cannot say by themselves (the
 * sample, a caveat); the distance and the rule are always stated.
 */
export function compare(
  ctx: ClaimContext,
  args: ClaimArgs & {
    data: DataFigure & ({ kind: "value" } | { kind: "date" });
    rule: RuleName;
    ruleWhy?: string;
    reason?: string;
  },
): Claim {
  const rule = RULES[args.rule];
  const dataValue = args.data.kind === "value" ? args.data.value : args.data.date;
  const dist = distance(args.article, dataValue, rule);
  const verdict = verdictForDistance(dist, rule);
  const measured = rule.kind === "relative"
    ? `${fmt(dist * 100, "pct", { digits: 1 })} apart`
    : rule.kind === "days"
    ? `${fmt(dist, "days")} apart`
    : `${fmt(dist, args.data.kind === "value" ? args.data.unit : "ratio", { trim: true, digits: 1 })} apart`;
  const bounds = rule.kind === "relative"
    ? `holds within ${fmt(rule.holds * 100, "pct", { trim: true })}, roughly within ${
      fmt(rule.roughly * 100, "pct", { trim: true })
    }`
    : rule.kind === "days"
    ? `holds within ${fmt(rule.holds, "days")}, roughly within ${fmt(rule.roughly, "days")}`
    : `holds within ${
      fmt(rule.holds, args.data.kind === "value" ? args.data.unit : "ratio", { trim: true })
    }, roughly within ${fmt(rule.roughly, args.data.kind === "value" ? args.data.unit : "ratio", { trim: true })}`;
  return {
    id: args.id,
    claim: args.claim,
    article: args.article,
    data: args.data,
    verdict,
    rule: args.rule,
    ruleWhy: args.ruleWhy ?? rule.why,
    reason: `${renderData(args.data)} against ${renderFigure(args.article)}: ${measured} (${args.rule}: ${bounds})${
      args.reason ? `. ${args.reason}` : ""
    }`,
    usesLaterData: isAfter(args.data.when, ctx.articleDate),
    afterwards: args.afterwards,
  };
}

/**
 * A yes/no claim (an ordering, a sign, an event happened): `holds` decides holds or does not hold;
 * "roughly" when only part of it holds, which `reason` must explain.
 */
export function condition(
  ctx: ClaimContext,
  args: ClaimArgs & { data: DataFigure; holds: boolean | "roughly"; reason: string; ruleWhy?: string },
): Claim {
  return {
    id: args.id,
    claim: args.claim,
    article: args.article,
    data: args.data,
    verdict: args.holds === "roughly" ? "roughly holds" : args.holds ? "holds" : "does not hold",
    rule: "condition",
    ruleWhy: args.ruleWhy ?? "a yes/no statement: it holds when the data show it",
    reason: args.reason,
    usesLaterData: isAfter(args.data.when, ctx.articleDate),
    afterwards: args.afterwards,
  };
}

/** A claim the shipped data cannot decide: `missing` names the data or identification it would need. */
export function notCheckable(
  ctx: ClaimContext,
  args: ClaimArgs & { missing: string; reason?: string; data?: DataFigure },
): Claim {
  void ctx;
  return {
    id: args.id,
    claim: args.claim,
    article: args.article,
    data: args.data,
    verdict: "not checkable",
    rule: "none",
    ruleWhy: `needs ${args.missing}`,
    reason: args.reason ?? `qtlab's data cannot decide it: it needs ${args.missing}.`,
    usesLaterData: args.data ? isAfter(args.data.when, ctx.articleDate) : false,
    afterwards: args.afterwards,
  };
}

/** The verdict on a data value against an article's figure under the named rule (a part of a claim). */
export function verdictByRule(
  article: Figure,
  data: number | string,
  rule: RuleName,
): Exclude<Verdict, "not checkable"> {
  return verdictForDistance(distance(article, data, RULES[rule]), RULES[rule]);
}

/**
 * A claim with parts that must hold too (a claim of several figures): its verdict becomes the weakest of
 * its own and the parts', and each part is stated in the reason with its verdict.
 */
export function alsoRequires(claim: Claim, parts: readonly { verdict: Verdict; text: string }[]): Claim {
  if (parts.length === 0) return claim;
  return {
    ...claim,
    verdict: weakest([claim.verdict, ...parts.map((x) => x.verdict)]),
    reason: `${claim.reason}. Also: ${parts.map((x) => `${x.text} (${x.verdict})`).join("; ")}.`,
  };
}

/** The least favourable of several verdicts, ignoring "not checkable" parts unless all are. */
export function weakest(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.length === 0) throw new Error("weakest: no verdicts");
  const checked = verdicts.filter((v) => v !== "not checkable");
  if (checked.length === 0) return "not checkable";
  for (const v of ["does not hold", "roughly holds", "holds"] as const) if (checked.includes(v)) return v;
  return "holds";
}

/** The ids "PREFIX-1" … "PREFIX-n". */
export function claimIds(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
}

/**
 * Check an article's claims are complete: every expected id exactly once, in order, each with a reason.
 * Throws listing what is wrong, so an article that forgot a claim fails its notebook's run.
 */
export function assertComplete(claims: readonly Claim[], expectedIds: readonly string[]): void {
  const ids = claims.map((c) => c.id);
  const problems: string[] = [];
  const missingIds = expectedIds.filter((id) => !ids.includes(id));
  const extra = ids.filter((id) => !expectedIds.includes(id));
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (missingIds.length) problems.push(`missing ${missingIds.join(", ")}`);
  if (extra.length) problems.push(`unexpected ${extra.join(", ")}`);
  if (dupes.length) problems.push(`duplicated ${dupes.join(", ")}`);
  if (!missingIds.length && !extra.length && !dupes.length && ids.join() !== expectedIds.join()) {
    problems.push(`out of order: ${ids.join(", ")}`);
  }
  for (const c of claims) {
    if (!VERDICTS.includes(c.verdict)) problems.push(`${c.id}: unknown verdict "${c.verdict}"`);
    if (!c.reason || !c.claim) problems.push(`${c.id}: empty claim or reason`);
    if (c.verdict !== "not checkable" && !c.data) {
      problems.push(`${c.id}: a verdict other than "not checkable" needs the data's figure`);
    }
  }
  if (problems.length) throw new Error(`claims incomplete: ${problems.join("; ")}`);
}

/** Count of each verdict. */
export function verdictCounts(claims: readonly Claim[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const c of claims) counts[c.verdict]++;
  return counts;
}

/** The claim `id` of a run's claims; throws naming the id when it is missing. */
export function claimById(claims: readonly Claim[], id: string): Claim {
  const c = claims.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id} among ${claims.map((x) => x.id).join(", ")}`);
  return c;
}

/** A claim's verdict as a sentence quotes it, marked as the claims table marks it (`claim:<ID>:verdict`). */
export function markedVerdict(c: Claim): string {
  return mark(`claim:${c.id}:verdict`, c.verdict);
}

/** A claim's data figure as a sentence quotes it, marked as the claims table marks it (`claim:<ID>:data`). */
export function markedData(c: Claim): string {
  return c.data ? mark(`claim:${c.id}:data`, renderData(c.data)) : "no data";
}

/** "A and B hold; C roughly holds; D cannot be checked with the shipped data": every claim by its verdict. */
export function verdictGroups(claims: readonly Claim[]): string {
  const phrases: Record<Verdict, [string, string]> = {
    "holds": ["holds", "hold"],
    "roughly holds": ["roughly holds", "roughly hold"],
    "does not hold": ["does not hold", "do not hold"],
    "not checkable": ["cannot be checked with the shipped data", "cannot be checked with the shipped data"],
  };
  return VERDICTS.map((v) => ({ v, ids: claims.filter((c) => c.verdict === v).map((c) => c.id) }))
    .filter((g) => g.ids.length)
    .map((g) => `${list(g.ids)} ${phrases[g.v][g.ids.length === 1 ? 0 : 1]}`)
    .join("; ");
}

/** Every rule of the rulebook with its bounds, for method notes. */
export function rulebookText(): string {
  return Object.entries(RULES).map(([k, v]) =>
    `${k} (${v.kind}, holds within ${v.holds}, roughly within ${v.roughly}${
      v.kind === "relative" ? " relative" : v.kind === "days" ? " days" : ""
    })`
  ).join("; ");
}
