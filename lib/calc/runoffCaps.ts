/**
 * The Fed's QT runoff caps, 2022–2025, as data: for each period the monthly caps on Treasury and agency
 * MBS redemptions, what happens to principal above the caps, and the FOMC document that set them; and
 * the caps in force in any month.
 *
 * Rules common to every period (FOMC, "Plans for Reducing the Size of the Federal Reserve's Balance
 * Sheet", 2022-05-04): Treasury coupon principal is redeemed up to the Treasury cap and Treasury bills
 * are redeemed to the extent coupon principal is below it; Treasury principal above the cap is rolled
 * over at auction. Agency (MBS and agency debt) principal is redeemed up to the MBS cap; what is above
 * the cap is reinvested — in agency MBS until May 2024, in Treasury securities from June 2024
 * (implementation note of 2024-05-01), in Treasury bills once runoff ended on 2025-12-01 (implementation
 * note of 2025-10-29). From 2025-12-01 both caps are 0: all Treasury principal is rolled over and all
 * agency principal reinvested in bills, so the portfolio no longer shrinks.
 *
 * Dates and sources come from {@link QT_EVENTS} (lib/calc/policyEvents.ts); this file adds the caps.
 * Units: $bn per calendar month.
 */
import { monthOf } from "../calendar.ts";
import { type PolicyEvent, QT_EVENTS } from "./policyEvents.ts";

/** Where agency principal above the MBS cap is reinvested. */
export type MbsExcessTarget = "agency MBS" | "Treasury securities" | "Treasury bills";

/** One period of the cap schedule, in force from `from` until the next period's `from`. */
export interface CapPeriod {
  /** The {@link QT_EVENTS} id that starts the period. */
  eventId: string;
  /** First month the caps apply ("YYYY-MM"). */
  from: string;
  /** ISO date the caps took effect. */
  effective: string;
  /** ISO date of the FOMC decision. */
  decided: string;
  /** Monthly cap on Treasury redemptions, $bn per month (0 = all Treasury principal rolled over). */
  capTreasuryUsdBnPerMonth: number;
  /** Monthly cap on agency MBS (and agency debt) runoff, $bn per month (0 = no agency runoff). */
  capMbsUsdBnPerMonth: number;
  /** Where agency principal above the MBS cap goes. */
  mbsExcessReinvestedIn: MbsExcessTarget;
  /** Short label for charts. */
  label: string;
  /** The document that set the caps. */
  source: string;
}

/** The published schedule before overrides: caps by event id ($bn per month) and the reinvestment rule. */
const PUBLISHED: readonly { eventId: string; capTreasury: number; capMbs: number; excess: MbsExcessTarget }[] = [
  // FOMC Plans for Reducing the Size of the Federal Reserve's Balance Sheet, 2022-05-04: caps of $30bn and
  // $17.5bn for three months from June 1, then $60bn and $35bn from September.
  { eventId: "qt-start", capTreasury: 30, capMbs: 17.5, excess: "agency MBS" },
  { eventId: "cap-2022-09", capTreasury: 60, capMbs: 35, excess: "agency MBS" },
  // FOMC statement and implementation note, 2024-05-01: Treasury cap $25bn from June 1; agency principal
  // above $35bn reinvested in Treasury securities.
  { eventId: "cap-2024-06", capTreasury: 25, capMbs: 35, excess: "Treasury securities" },
  // FOMC statement and implementation note, 2025-03-19: Treasury cap $5bn from April 1; MBS cap unchanged.
  { eventId: "cap-2025-04", capTreasury: 5, capMbs: 35, excess: "Treasury securities" },
  // FOMC statement and implementation note, 2025-10-29: runoff concluded on December 1; Treasury principal
  // rolled over at auction, all agency principal reinvested in Treasury bills.
  { eventId: "qt-end", capTreasury: 0, capMbs: 0, excess: "Treasury bills" },
];

/**
 * Caps a notebook may override ($bn per month); every key defaults to the published figure in
 * {@link capDefaults}. `capMbsUsdBnPerMonth` is the MBS cap from September 2022 until runoff ended.
 */
export interface CapOverrides {
  capTreasuryFrom2022JunUsdBnPerMonth?: number;
  capMbsFrom2022JunUsdBnPerMonth?: number;
  capTreasuryFrom2022SepUsdBnPerMonth?: number;
  capTreasuryFrom2024JunUsdBnPerMonth?: number;
  capTreasuryFrom2025AprUsdBnPerMonth?: number;
  capMbsUsdBnPerMonth?: number;
}

/** The published caps ($bn per month), sources as in {@link PUBLISHED}. */
export const capDefaults: Required<CapOverrides> = {
  capTreasuryFrom2022JunUsdBnPerMonth: 30,
  capMbsFrom2022JunUsdBnPerMonth: 17.5,
  capTreasuryFrom2022SepUsdBnPerMonth: 60,
  capTreasuryFrom2024JunUsdBnPerMonth: 25,
  capTreasuryFrom2025AprUsdBnPerMonth: 5,
  capMbsUsdBnPerMonth: 35,
};

/**
 * The cap schedule, with published caps unless overridden. Throws when an override is not a finite
 * number ≥ 0 (NaN refused) or names an unknown key. Periods sorted by `from`.
 */
export function runoffCapSchedule(
  overrides: CapOverrides = {},
  events: readonly PolicyEvent[] = QT_EVENTS,
): CapPeriod[] {
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in capDefaults)) {
      throw new Error(`runoffCapSchedule: unknown override "${k}" (known: ${Object.keys(capDefaults).join(", ")})`);
    }
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new Error(`runoffCapSchedule: ${k} must be a finite number ≥ 0 ($bn per month), got ${v}`);
    }
  }
  const c = { ...capDefaults, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  const caps: Record<string, [number, number]> = {
    "qt-start": [c.capTreasuryFrom2022JunUsdBnPerMonth, c.capMbsFrom2022JunUsdBnPerMonth],
    "cap-2022-09": [c.capTreasuryFrom2022SepUsdBnPerMonth, c.capMbsUsdBnPerMonth],
    "cap-2024-06": [c.capTreasuryFrom2024JunUsdBnPerMonth, c.capMbsUsdBnPerMonth],
    "cap-2025-04": [c.capTreasuryFrom2025AprUsdBnPerMonth, c.capMbsUsdBnPerMonth],
    "qt-end": [0, 0],
  };
  return PUBLISHED.map((p) => {
    const e = events.find((x) => x.id === p.eventId);
    if (!e) throw new Error(`runoffCapSchedule: policy event "${p.eventId}" not found`);
    const [capTreasury, capMbs] = caps[p.eventId];
    return {
      eventId: e.id,
      from: monthOf(e.date),
      effective: e.date,
      decided: e.decided ?? e.date,
      capTreasuryUsdBnPerMonth: capTreasury,
      capMbsUsdBnPerMonth: capMbs,
      mbsExcessReinvestedIn: p.excess,
      label: e.label,
      source: e.source,
    };
  }).sort((a, b) => a.from.localeCompare(b.from));
}

/** The published schedule (no overrides). */
export const RUNOFF_CAP_SCHEDULE: readonly CapPeriod[] = runoffCapSchedule();

/**
 * The cap period in force in `month` ("YYYY-MM" or an ISO date; caps apply to whole calendar months),
 * or undefined before runoff began (June 2022: no caps, principal fully reinvested or, until March 2022,
 * net purchases).
 */
export function capsInForce(
  month: string,
  schedule: readonly CapPeriod[] = RUNOFF_CAP_SCHEDULE,
): CapPeriod | undefined {
  const m = monthOf(month);
  let found: CapPeriod | undefined;
  for (const p of schedule) if (p.from <= m) found = p;
  return found;
}

/** The largest combined monthly cap (Treasury + MBS) of a schedule, $bn per month (published: 95). */
export function peakCombinedCapUsdBnPerMonth(schedule: readonly CapPeriod[] = RUNOFF_CAP_SCHEDULE): number {
  if (schedule.length === 0) throw new Error("peakCombinedCapUsdBnPerMonth: empty schedule");
  return Math.max(...schedule.map((p) => p.capTreasuryUsdBnPerMonth + p.capMbsUsdBnPerMonth));
}

/** The period whose caps took effect on event `eventId` (e.g. "cap-2025-04"); throws if absent. */
export function capPeriod(eventId: string, schedule: readonly CapPeriod[] = RUNOFF_CAP_SCHEDULE): CapPeriod {
  const p = schedule.find((x) => x.eventId === eventId);
  if (!p) throw new Error(`capPeriod: no period "${eventId}" (known: ${schedule.map((x) => x.eventId).join(", ")})`);
  return p;
}
