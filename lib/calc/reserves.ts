/**
 * The liability side of the Fed's balance sheet and where reserves come from:
 *
 *   reserves = total assets − currency − TGA − ON RRP − other
 *
 * (H.4.1 table 1, "Factors affecting reserve balances": every dollar of assets is matched by a liability
 * or capital, and reserves are what the other items leave.) qtlab ships total assets (WALCL), reserves
 * (WRESBAL), the Treasury General Account (WTREGEN) and ON RRP (RRPONTSYD), but not the other
 * liabilities (foreign official repo pool, other deposits, capital, the remittances account …), and
 * currency in circulation only monthly to November 2023 (CURRCIR). So:
 *
 * - observed: total assets, reserves, TGA, ON RRP; currency where CURRCIR has the week's month;
 * - residual: "currency + other" = total assets − reserves − TGA − ON RRP, every week; where currency is
 *   observed, "other" = that residual − currency.
 *
 * The identity therefore holds by construction; what it gives is a decomposition of any change in
 * reserves into observed drivers (assets, TGA, ON RRP) and one residual driver. The residual also carries
 * the timing mismatch of the inputs: total assets and ON RRP are Wednesday levels, reserves and TGA are
 * FRED's week averages, CURRCIR is a monthly average. Read a week-to-week move of the residual with that
 * in mind; over windows of several weeks the mismatch is small next to the drivers.
 *
 * All amounts $bn. Sign convention of the drivers: a positive driver raises reserves.
 */
import { addDays, monthOf } from "../calendar.ts";

/** A dated observation in $bn. */
export interface DatedUsdBn {
  date: string;
  value: number;
}

/** One week's inputs to the identity, $bn. */
export interface LiabilityWeekInput {
  /** The H.4.1 Wednesday. */
  date: string;
  /** WALCL, Wednesday level. */
  totalAssetsUsdBn: number;
  /** WRESBAL, week average. */
  reservesUsdBn: number;
  /** WTREGEN, week average. */
  tgaUsdBn: number;
  /** RRPONTSYD outstanding on the Wednesday (the last operation on or before it). */
  onRrpUsdBn: number;
  /** CURRCIR for the Wednesday's month (monthly average), when published; else undefined. */
  currencyUsdBn?: number;
}

/** One week of the identity, $bn. */
export interface LiabilityWeek extends LiabilityWeekInput {
  /** Residual: total assets − reserves − TGA − ON RRP. */
  currencyAndOtherUsdBn: number;
  /** Residual net of observed currency (currencyAndOther − currency); undefined without currency. */
  otherUsdBn?: number;
}

function finite(fn: string, name: string, v: number | undefined, date: string): void {
  if (v === undefined) return;
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new Error(`${fn}: ${name} on ${date} is not a finite number (${v})`);
  }
}

/**
 * Close the identity for one week: the residual "currency + other" (and "other" where currency is
 * observed). Throws on a non-finite input (NaN refused).
 */
export function reservesIdentity(w: LiabilityWeekInput): LiabilityWeek {
  const fn = "reservesIdentity";
  for (const k of ["totalAssetsUsdBn", "reservesUsdBn", "tgaUsdBn", "onRrpUsdBn"] as const) {
    if (w[k] === undefined) throw new Error(`${fn}: ${k} missing on ${w.date}`);
    finite(fn, k, w[k], w.date);
  }
  finite(fn, "currencyUsdBn", w.currencyUsdBn, w.date);
  const currencyAndOther = w.totalAssetsUsdBn - w.reservesUsdBn - w.tgaUsdBn - w.onRrpUsdBn;
  const out: LiabilityWeek = { ...w, currencyAndOtherUsdBn: currencyAndOther };
  if (w.currencyUsdBn !== undefined) out.otherUsdBn = currencyAndOther - w.currencyUsdBn;
  return out;
}

/**
 * Reserves implied by the identity: total assets − (currency + other) − TGA − ON RRP, $bn. With the
 * residual from {@link reservesIdentity} this gives back the observed reserves (the check the tests run).
 */
export function impliedReservesUsdBn(w: LiabilityWeek): number {
  return w.totalAssetsUsdBn - w.currencyAndOtherUsdBn - w.tgaUsdBn - w.onRrpUsdBn;
}

/** Options of {@link alignLiabilityWeeks}. */
export interface AlignOptions {
  /**
   * How many days back the last ON RRP operation may lie and still give the Wednesday's outstanding
   * amount. ON RRP is overnight: on a Wednesday holiday the previous business day's operation is still
   * outstanding. Farther back (no operation for days) the week is dropped rather than filled.
   */
  onRrpMaxStaleDays: number;
  /** First and last Wednesday kept (ISO, inclusive); undefined = all. */
  from?: string;
  to?: string;
}

export const alignDefaults: AlignOptions = { onRrpMaxStaleDays: 4 };

/**
 * Put the identity's inputs on the H.4.1 Wednesday grid.
 * FROM: WALCL (Wednesday level), WRESBAL and WTREGEN (week averages dated on the Wednesday), RRPONTSYD
 * (daily, operation days only), CURRCIR (monthly, dated the 1st). TO: one {@link LiabilityWeekInput} per
 * Wednesday that has total assets, reserves and TGA on that date and an ON RRP operation within
 * `onRrpMaxStaleDays`; currency is attached when CURRCIR has the Wednesday's month. Weeks missing an
 * input are dropped, never filled (so the weeks end with WTREGEN, 2026-07-29 in the shipped data).
 */
export function alignLiabilityWeeks(
  inputs: {
    totalAssets: readonly DatedUsdBn[];
    reserves: readonly DatedUsdBn[];
    tga: readonly DatedUsdBn[];
    onRrp: readonly DatedUsdBn[];
    currency?: readonly DatedUsdBn[];
  },
  options: Partial<AlignOptions> = {},
): LiabilityWeekInput[] {
  const o = { ...alignDefaults, ...options };
  const reserves = new Map(inputs.reserves.map((r) => [r.date, r.value]));
  const tga = new Map(inputs.tga.map((r) => [r.date, r.value]));
  const currency = new Map((inputs.currency ?? []).map((r) => [monthOf(r.date), r.value]));
  const rrp = inputs.onRrp;
  const out: LiabilityWeekInput[] = [];
  let j = -1; // index of the last ON RRP operation on or before the current Wednesday
  for (const a of inputs.totalAssets) {
    if ((o.from && a.date < o.from) || (o.to && a.date > o.to)) continue;
    const r = reserves.get(a.date);
    const t = tga.get(a.date);
    if (r === undefined || t === undefined) continue;
    while (j + 1 < rrp.length && rrp[j + 1].date <= a.date) j++;
    if (j < 0 || rrp[j].date < addDays(a.date, -o.onRrpMaxStaleDays)) continue;
    const week: LiabilityWeekInput = {
      date: a.date,
      totalAssetsUsdBn: a.value,
      reservesUsdBn: r,
      tgaUsdBn: t,
      onRrpUsdBn: rrp[j].value,
    };
    const c = currency.get(monthOf(a.date));
    if (c !== undefined) week.currencyUsdBn = c;
    out.push(week);
  }
  return out;
}

/** The change in reserves between two weeks, split into its drivers ($bn; positive raises reserves). */
export interface ReserveDrivers {
  /** The weeks compared (the first week on or after `from`, the last on or before `to`). */
  fromDate: string;
  toDate: string;
  deltaReservesUsdBn: number;
  /** + Δ total assets. */
  assetsUsdBn: number;
  /** − Δ TGA. */
  tgaUsdBn: number;
  /** − Δ ON RRP. */
  onRrpUsdBn: number;
  /** − Δ (currency + other), the residual driver. */
  currencyAndOtherUsdBn: number;
  /** − Δ currency and − Δ other, when currency is observed at both ends (their sum is currencyAndOtherUsdBn). */
  currencyUsdBn?: number;
  otherUsdBn?: number;
}

/**
 * Decompose Δreserves over [from, to] into Δassets − ΔTGA − ΔON RRP − Δ(currency + other), which sums
 * to Δreserves (up to floating-point rounding, < 1e-9 $bn). Uses the first week on or after `from` and
 * the last on or before `to`; throws if the window holds fewer than two weeks or `weeks` is empty.
 */
export function reserveDrivers(weeks: readonly LiabilityWeek[], from: string, to: string): ReserveDrivers {
  const inWindow = weeks.filter((w) => w.date >= from && w.date <= to);
  if (inWindow.length < 2) throw new Error(`reserveDrivers: fewer than two weeks between ${from} and ${to}`);
  const a = inWindow[0];
  const b = inWindow[inWindow.length - 1];
  const d: ReserveDrivers = {
    fromDate: a.date,
    toDate: b.date,
    deltaReservesUsdBn: b.reservesUsdBn - a.reservesUsdBn,
    assetsUsdBn: b.totalAssetsUsdBn - a.totalAssetsUsdBn,
    tgaUsdBn: -(b.tgaUsdBn - a.tgaUsdBn),
    onRrpUsdBn: -(b.onRrpUsdBn - a.onRrpUsdBn),
    currencyAndOtherUsdBn: -(b.currencyAndOtherUsdBn - a.currencyAndOtherUsdBn),
  };
  if (a.currencyUsdBn !== undefined && b.currencyUsdBn !== undefined) {
    d.currencyUsdBn = -(b.currencyUsdBn - a.currencyUsdBn);
    d.otherUsdBn = d.currencyAndOtherUsdBn - d.currencyUsdBn;
  }
  return d;
}

/** The sum of the drivers (assets + TGA + ON RRP + currency-and-other), $bn: equals Δreserves. */
export function sumOfDriversUsdBn(d: ReserveDrivers): number {
  return d.assetsUsdBn + d.tgaUsdBn + d.onRrpUsdBn + d.currencyAndOtherUsdBn;
}
