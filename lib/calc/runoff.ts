/**
 * QT runoff month by month: what the caps let run off for given maturities and paydowns (a scenario),
 * and what the Fed's holdings actually did, set against the caps.
 *
 * Sign convention: a *runoff* or *redemption* is a positive amount, $bn per month, by which a holding
 * shrinks; a *holdings change* is level(m) − level(m − 1), negative when the holding shrinks. So
 * runoff = −holdings change.
 *
 * The redemption rules are the FOMC's (Plans for Reducing the Size of the Federal Reserve's Balance
 * Sheet, 2022-05-04, and the implementation notes listed in lib/calc/runoffCaps.ts): Treasury coupons
 * redeemed up to the cap, bills redeemed to the extent coupons fall short, Treasury principal above the
 * cap rolled over at auction; agency principal redeemed up to the MBS cap and the rest reinvested (in
 * MBS to May 2024, Treasuries from June 2024, bills from December 2025).
 */
import { monthOf, monthsBetween } from "../calendar.ts";
import { type CapPeriod, capsInForce, RUNOFF_CAP_SCHEDULE } from "./runoffCaps.ts";
import { type MonthChange } from "./monthly.ts";

/** Treasury redemptions in one month under a cap ($bn). */
export interface TreasuryRedemption {
  /** Coupon principal redeemed = min(coupons maturing, cap). */
  couponsRedeemedUsdBn: number;
  /** Bills redeemed = min(bills maturing, cap − coupons redeemed). */
  billsRedeemedUsdBn: number;
  /** Total redeemed (never above the cap). */
  redeemedUsdBn: number;
  /** Principal rolled over at auction = maturing − redeemed. */
  rolledOverUsdBn: number;
}

function checkAmount(fn: string, name: string, v: number): void {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
    throw new Error(`${fn}: ${name} must be a finite number ≥ 0 ($bn), got ${v}`);
  }
}

/**
 * Treasury redemption in a month: coupons up to the cap, then bills for the shortfall.
 * Inputs in $bn (per month), all finite and ≥ 0 (NaN refused). Output in $bn; redeemed ≤ cap always.
 */
export function treasuryRedemptionUsdBn(
  couponsMaturingUsdBn: number,
  billsMaturingUsdBn: number,
  capTreasuryUsdBnPerMonth: number,
): TreasuryRedemption {
  const fn = "treasuryRedemptionUsdBn";
  checkAmount(fn, "couponsMaturingUsdBn", couponsMaturingUsdBn);
  checkAmount(fn, "billsMaturingUsdBn", billsMaturingUsdBn);
  checkAmount(fn, "capTreasuryUsdBnPerMonth", capTreasuryUsdBnPerMonth);
  const coupons = Math.min(couponsMaturingUsdBn, capTreasuryUsdBnPerMonth);
  const bills = Math.min(billsMaturingUsdBn, capTreasuryUsdBnPerMonth - coupons);
  return {
    couponsRedeemedUsdBn: coupons,
    billsRedeemedUsdBn: bills,
    redeemedUsdBn: coupons + bills,
    rolledOverUsdBn: couponsMaturingUsdBn + billsMaturingUsdBn - coupons - bills,
  };
}

/**
 * MBS runoff in a month = min(paydowns, cap), $bn; paydowns above the cap are reinvested (see
 * {@link runoffUnderCaps} for where). Inputs finite and ≥ 0.
 */
export function mbsRunoffUsdBn(paydownsUsdBn: number, capMbsUsdBnPerMonth: number): number {
  checkAmount("mbsRunoffUsdBn", "paydownsUsdBn", paydownsUsdBn);
  checkAmount("mbsRunoffUsdBn", "capMbsUsdBnPerMonth", capMbsUsdBnPerMonth);
  return Math.min(paydownsUsdBn, capMbsUsdBnPerMonth);
}

/** One month of a runoff scenario's inputs, $bn maturing or paid down in the month (assumptions). */
export interface RunoffInput {
  month: string;
  treasuryCouponsMaturingUsdBn: number;
  treasuryBillsMaturingUsdBn: number;
  mbsPaydownsUsdBn: number;
}

/** One month of a runoff scenario, $bn. */
export interface RunoffMonth {
  month: string;
  capTreasuryUsdBnPerMonth: number;
  capMbsUsdBnPerMonth: number;
  treasuryCouponsRedeemedUsdBn: number;
  treasuryBillsRedeemedUsdBn: number;
  treasuryRedeemedUsdBn: number;
  treasuryRolledOverUsdBn: number;
  mbsRunoffUsdBn: number;
  mbsReinvestedInMbsUsdBn: number;
  mbsReinvestedInTreasuriesUsdBn: number;
  /** Change of Treasury holdings = −redeemed + agency principal reinvested in Treasuries (bills). */
  treasuryHoldingsChangeUsdBn: number;
  /** Change of MBS holdings = −paydowns + paydowns reinvested in MBS. */
  mbsHoldingsChangeUsdBn: number;
  /** Balance-sheet runoff of the month = Treasury redeemed + MBS runoff = −(ΔTreasuries + ΔMBS). */
  totalRunoffUsdBn: number;
  /** Sum of totalRunoffUsdBn from the first month of the scenario through this one. */
  cumulativeRunoffUsdBn: number;
}

/**
 * A runoff scenario month by month under the caps in force: each month's Treasury and MBS redemptions,
 * where the excess goes, holdings changes and cumulative runoff ($bn). Months must be consecutive and
 * covered by the schedule (a month before QT start throws: there is no cap to apply). Empty in → empty out.
 */
export function runoffUnderCaps(
  inputs: readonly RunoffInput[],
  schedule: readonly CapPeriod[] = RUNOFF_CAP_SCHEDULE,
): RunoffMonth[] {
  const out: RunoffMonth[] = [];
  let cumulative = 0;
  for (let i = 0; i < inputs.length; i++) {
    const x = inputs[i];
    const month = monthOf(x.month);
    if (i > 0 && month <= monthOf(inputs[i - 1].month)) {
      throw new Error(`runoffUnderCaps: months must increase, ${month} after ${inputs[i - 1].month}`);
    }
    const caps = capsInForce(month, schedule);
    if (!caps) throw new Error(`runoffUnderCaps: no runoff caps in force in ${month} (before QT started)`);
    const t = treasuryRedemptionUsdBn(
      x.treasuryCouponsMaturingUsdBn,
      x.treasuryBillsMaturingUsdBn,
      caps.capTreasuryUsdBnPerMonth,
    );
    const mbs = mbsRunoffUsdBn(x.mbsPaydownsUsdBn, caps.capMbsUsdBnPerMonth);
    const excess = x.mbsPaydownsUsdBn - mbs;
    const inMbs = caps.mbsExcessReinvestedIn === "agency MBS" ? excess : 0;
    const inTreasuries = excess - inMbs;
    const total = t.redeemedUsdBn + mbs;
    cumulative += total;
    out.push({
      month,
      capTreasuryUsdBnPerMonth: caps.capTreasuryUsdBnPerMonth,
      capMbsUsdBnPerMonth: caps.capMbsUsdBnPerMonth,
      treasuryCouponsRedeemedUsdBn: t.couponsRedeemedUsdBn,
      treasuryBillsRedeemedUsdBn: t.billsRedeemedUsdBn,
      treasuryRedeemedUsdBn: t.redeemedUsdBn,
      treasuryRolledOverUsdBn: t.rolledOverUsdBn,
      mbsRunoffUsdBn: mbs,
      mbsReinvestedInMbsUsdBn: inMbs,
      mbsReinvestedInTreasuriesUsdBn: inTreasuries,
      treasuryHoldingsChangeUsdBn: -t.redeemedUsdBn + inTreasuries,
      mbsHoldingsChangeUsdBn: -x.mbsPaydownsUsdBn + inMbs,
      totalRunoffUsdBn: total,
      cumulativeRunoffUsdBn: cumulative,
    });
  }
  return out;
}

/** Constant monthly maturities and paydowns (assumptions, $bn per month) for every month from..to. */
export function constantRunoffInputs(
  from: string,
  to: string,
  amounts: { treasuryCouponsMaturingUsdBn: number; treasuryBillsMaturingUsdBn: number; mbsPaydownsUsdBn: number },
): RunoffInput[] {
  return monthsBetween(from, to).map((month) => ({ month, ...amounts }));
}

/** One month of actual runoff from H.4.1 holdings, set against the caps in force ($bn). */
export interface ActualRunoffMonth {
  month: string;
  /** Date of the level that closes the month (see lib/calc/monthly.ts, MonthGrid). */
  date: string;
  /** Caps in force; null before QT started. */
  capTreasuryUsdBnPerMonth: number | null;
  capMbsUsdBnPerMonth: number | null;
  /** Treasury runoff = −ΔTREAST (negative when holdings grew). Includes TIPS inflation compensation moves. */
  treasuryRunoffUsdBn: number;
  /** MBS runoff = −ΔWSHOMCB (net of reinvestment purchases as they settle). */
  mbsRunoffUsdBn: number;
  /** treasuryRunoff − cap (> 0: holdings fell by more than the cap); null without a cap. */
  treasuryOverCapUsdBn: number | null;
  /** mbsRunoff − cap; null without a cap. */
  mbsOverCapUsdBn: number | null;
  /** True when an MBS cap above 0 was in force and MBS ran off less than it (paydowns below the cap). */
  mbsBelowCap: boolean;
  /** Treasury + MBS runoff. */
  totalRunoffUsdBn: number;
}

/**
 * Actual monthly runoff against the caps. `treasuryChanges` and `mbsChanges` are month-on-month changes
 * of TREAST and WSHOMCB ($bn, from {@link monthlyChanges} on one month grid); only months present in
 * both are returned, in order. FROM: holdings changes. TO: runoff (= −change) and the distance to the cap.
 */
export function actualRunoffAgainstCaps(
  treasuryChanges: readonly MonthChange[],
  mbsChanges: readonly MonthChange[],
  schedule: readonly CapPeriod[] = RUNOFF_CAP_SCHEDULE,
): ActualRunoffMonth[] {
  const mbsByMonth = new Map(mbsChanges.map((c) => [c.month, c]));
  const out: ActualRunoffMonth[] = [];
  for (const t of treasuryChanges) {
    const m = mbsByMonth.get(t.month);
    if (!m) continue;
    if (!Number.isFinite(t.change) || !Number.isFinite(m.change)) {
      throw new Error(`actualRunoffAgainstCaps: non-finite change in ${t.month}`);
    }
    const caps = capsInForce(t.month, schedule);
    const tr = -t.change;
    const mr = -m.change;
    out.push({
      month: t.month,
      date: t.date,
      capTreasuryUsdBnPerMonth: caps ? caps.capTreasuryUsdBnPerMonth : null,
      capMbsUsdBnPerMonth: caps ? caps.capMbsUsdBnPerMonth : null,
      treasuryRunoffUsdBn: tr,
      mbsRunoffUsdBn: mr,
      treasuryOverCapUsdBn: caps ? tr - caps.capTreasuryUsdBnPerMonth : null,
      mbsOverCapUsdBn: caps ? mr - caps.capMbsUsdBnPerMonth : null,
      mbsBelowCap: caps !== undefined && caps.capMbsUsdBnPerMonth > 0 && mr < caps.capMbsUsdBnPerMonth,
      totalRunoffUsdBn: tr + mr,
    });
  }
  return out;
}

/** Summary of actual runoff over months with a cap above 0 ($bn). */
export interface RunoffSummary {
  months: number;
  /** Largest Treasury runoff over its cap (> 0: fell by more than the cap), and its month. */
  maxTreasuryOverCapUsdBn: number;
  maxTreasuryOverCapMonth: string;
  /** Largest MBS runoff over its cap, and its month. */
  maxMbsOverCapUsdBn: number;
  maxMbsOverCapMonth: string;
  /** Months where MBS ran off less than its cap. */
  mbsBelowCapMonths: number;
  /** Largest combined monthly runoff, and its month. */
  maxTotalRunoffUsdBn: number;
  maxTotalRunoffMonth: string;
  /** Sum of Treasury and MBS runoff over the months. */
  cumulativeTreasuryRunoffUsdBn: number;
  cumulativeMbsRunoffUsdBn: number;
}

/** Summarise {@link actualRunoffAgainstCaps} over the months whose caps are above 0 (QT running). Throws if none. */
export function summariseActualRunoff(rows: readonly ActualRunoffMonth[]): RunoffSummary {
  const qt = rows.filter((r) => (r.capTreasuryUsdBnPerMonth ?? 0) + (r.capMbsUsdBnPerMonth ?? 0) > 0);
  if (qt.length === 0) throw new Error("summariseActualRunoff: no month with a runoff cap above 0");
  const argmax = (f: (r: ActualRunoffMonth) => number) => qt.reduce((a, b) => (f(b) > f(a) ? b : a));
  const t = argmax((r) => r.treasuryOverCapUsdBn!);
  const m = argmax((r) => r.mbsOverCapUsdBn!);
  const tot = argmax((r) => r.totalRunoffUsdBn);
  return {
    months: qt.length,
    maxTreasuryOverCapUsdBn: t.treasuryOverCapUsdBn!,
    maxTreasuryOverCapMonth: t.month,
    maxMbsOverCapUsdBn: m.mbsOverCapUsdBn!,
    maxMbsOverCapMonth: m.month,
    mbsBelowCapMonths: qt.filter((r) => r.mbsBelowCap).length,
    maxTotalRunoffUsdBn: tot.totalRunoffUsdBn,
    maxTotalRunoffMonth: tot.month,
    cumulativeTreasuryRunoffUsdBn: qt.reduce((s, r) => s + r.treasuryRunoffUsdBn, 0),
    cumulativeMbsRunoffUsdBn: qt.reduce((s, r) => s + r.mbsRunoffUsdBn, 0),
  };
}

/** The median of the Treasury (or MBS) runoff over months from..to inclusive ("YYYY-MM"); throws if none. */
export function medianRunoffUsdBn(
  rows: readonly ActualRunoffMonth[],
  from: string,
  to: string,
  which: "treasury" | "mbs",
): number {
  const v = rows
    .filter((r) => r.month >= monthOf(from) && r.month <= monthOf(to))
    .map((r) => (which === "treasury" ? r.treasuryRunoffUsdBn : r.mbsRunoffUsdBn))
    .sort((a, b) => a - b);
  if (v.length === 0) throw new Error(`medianRunoffUsdBn: no months between ${from} and ${to}`);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
