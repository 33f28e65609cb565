/**
 * Claims against data: each notebook checks every numbered claim of its article (ids from the project's
 * claims list, e.g. "RMP-6") and shows the result as one table. The verdict logic is here, pure and
 * tested; the figures come from lib/calc.
 */

/** The four verdicts a claim can get. */
export type Verdict = "holds" | "roughly holds" | "does not hold" | "not checkable offline";

export const VERDICTS: readonly Verdict[] = ["holds", "roughly holds", "does not hold", "not checkable offline"];

/** One claim checked against data. Figures are text with their units ("$8,965bn", "+38bp"). */
export interface ClaimCheck {
  /** Stable claim id, e.g. "QTMECH-3". */
  id: string;
  /** The claim in a few words. */
  claim: string;
  /** What the article says, with units. */
  articleFigure: string;
  /** What the data says, with units; for "not checkable offline" the missing data. */
  dataFigure: string;
  verdict: Verdict;
  /** Why the verdict: the sample, the tolerance, or why it cannot be checked. */
  note: string;
}

/** Relative tolerances for {@link verdictForValue}: |data − article| / |article|. */
export interface Tolerance {
  /** Within this relative distance the claim holds (default 0.02 = 2%). */
  holds?: number;
  /** Within this, it roughly holds (default 0.10 = 10%). */
  roughly?: number;
}

/**
 * The verdict for a numeric claim: holds when the data's figure is within `holds` (relative) of the
 * article's, roughly holds within `roughly`, otherwise does not hold. Not a number on either side →
 * throws (a missing figure is "not checkable offline", decided by the caller, never computed).
 */
export function verdictForValue(articleValue: number, dataValue: number, tolerance: Tolerance = {}): Verdict {
  if (!Number.isFinite(articleValue) || !Number.isFinite(dataValue)) {
    throw new Error(
      `verdictForValue: both figures must be finite numbers (article ${articleValue}, data ${dataValue})`,
    );
  }
  const holds = tolerance.holds ?? 0.02;
  const roughly = tolerance.roughly ?? 0.1;
  const distance = articleValue === 0
    ? Math.abs(dataValue)
    : Math.abs(dataValue - articleValue) / Math.abs(articleValue);
  return distance <= holds ? "holds" : distance <= roughly ? "roughly holds" : "does not hold";
}

/**
 * The verdict for an absolute tolerance (for figures in bp or pct, where relative distance misleads):
 * holds within `holdsAbs`, roughly within `roughlyAbs`, in the figures' own unit.
 */
export function verdictForDifference(
  articleValue: number,
  dataValue: number,
  holdsAbs: number,
  roughlyAbs: number,
): Verdict {
  if (!Number.isFinite(articleValue) || !Number.isFinite(dataValue)) {
    throw new Error(
      `verdictForDifference: both figures must be finite numbers (article ${articleValue}, data ${dataValue})`,
    );
  }
  const d = Math.abs(dataValue - articleValue);
  return d <= holdsAbs ? "holds" : d <= roughlyAbs ? "roughly holds" : "does not hold";
}

/** The verdict for a yes/no claim (a date, an ordering, a sign). */
export function verdictForCondition(condition: boolean): Verdict {
  return condition ? "holds" : "does not hold";
}

/** The least favourable of several verdicts (a claim with parts holds only as far as its weakest part). */
export function weakestVerdict(verdicts: readonly Verdict[]): Verdict {
  const order: Verdict[] = ["does not hold", "roughly holds", "holds"];
  if (verdicts.length === 0) throw new Error("weakestVerdict: no verdicts");
  if (verdicts.every((v) => v === "not checkable offline")) return "not checkable offline";
  return order.find((v) => verdicts.includes(v)) ?? "holds";
}

/**
 * Check a notebook's claims table is complete and well-formed: every expected id exactly once, in
 * order, each with a verdict, figures and a note. Throws an Error listing what is wrong, so a notebook
 * that forgot a claim fails its run.
 */
export function assertClaimsComplete(checks: readonly ClaimCheck[], expectedIds: readonly string[]): void {
  const problems: string[] = [];
  const ids = checks.map((c) => c.id);
  const missing = expectedIds.filter((id) => !ids.includes(id));
  const extra = ids.filter((id) => !expectedIds.includes(id));
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (missing.length) problems.push(`missing ${missing.join(", ")}`);
  if (extra.length) problems.push(`unexpected ${extra.join(", ")}`);
  if (dupes.length) problems.push(`duplicated ${dupes.join(", ")}`);
  for (const c of checks) {
    if (!VERDICTS.includes(c.verdict)) problems.push(`${c.id}: unknown verdict "${c.verdict}"`);
    if (!c.articleFigure || !c.dataFigure || !c.note || !c.claim) problems.push(`${c.id}: empty claim, figure or note`);
  }
  if (problems.length) throw new Error(`claims table incomplete: ${problems.join("; ")}`);
}

/** The ids "PREFIX-1" … "PREFIX-n". */
export function claimIds(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
}

/** Count of each verdict, for a notebook's conclusion line. */
export function verdictCounts(checks: readonly ClaimCheck[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const c of checks) counts[c.verdict]++;
  return counts;
}
