/**
 * Money market funds against bank deposits, quarter by quarter: the level of each, the ratio and the
 * changes, in $bn.
 *
 * Money funds: MMMFFAQ027S, the Fed's Z.1 Financial Accounts total financial assets of money market
 * funds, a **quarterly end-of-quarter level**, dated (as FRED dates it) on the quarter's first day. It is
 * not the weekly ICI money-fund series (not shipped), and Z.1 is published about ten weeks after the
 * quarter ends.
 * Deposits: DPSACBW027SBOG, H.8 deposits of all commercial banks, seasonally adjusted, weekly **Wednesday
 * level**; each quarter takes the last Wednesday on or before the quarter's last day, no more than
 * `maxDepositAgeDays` earlier. Quarters the deposits do not reach are listed, never filled.
 */
import { daysBetween } from "../calendar.ts";

/** A dated observation: ISO date and a value in $bn. */
export interface DatedValue {
  date: string;
  value: number;
}

/** One quarter of money funds against deposits, amounts in $bn. */
export interface MoneyFundQuarter {
  /** First day of the quarter (ISO), as Z.1 is dated on FRED. */
  quarter: string;
  /** Last day of the quarter (ISO): the date the Z.1 level refers to. */
  quarterEnd: string;
  /** Money market funds' total financial assets at quarter end, $bn. */
  mmfUsdBn: number;
  /** Commercial bank deposits (SA) on `depositsDate`, $bn. */
  depositsUsdBn: number;
  /** The Wednesday used for deposits. */
  depositsDate: string;
  /** mmfUsdBn / depositsUsdBn (unitless). */
  ratioFrac: number;
  /** Change of money-fund assets from the previous quarter, $bn (undefined for the first quarter). */
  mmfChangeUsdBn?: number;
  /** Change of deposits from the previous quarter, $bn (undefined for the first quarter). */
  depositsChangeUsdBn?: number;
}

/** Change of both over a window of quarters, $bn. */
export interface MoneyFundShift {
  fromQuarterEnd: string;
  toQuarterEnd: string;
  mmfChangeUsdBn: number;
  depositsChangeUsdBn: number;
  /** Ratio at the start and end of the window (unitless). */
  ratioFromFrac: number;
  ratioToFrac: number;
}

/** Defaults of {@link moneyFundsVsDeposits}. */
export const defaults = {
  /** Oldest deposit Wednesday accepted for a quarter end, in days (a quarter end is at most 6 days after a Wednesday). */
  maxDepositAgeDays: 6,
} as const;

/** Last day of the quarter that starts on ISO date `quarter` ("2023-10-01" → "2023-12-31"). */
export function quarterEndOf(quarter: string): string {
  const y = +quarter.slice(0, 4);
  const m = +quarter.slice(5, 7);
  if (quarter.slice(8) !== "01" || (m - 1) % 3 !== 0) {
    throw new Error(`quarterEndOf: ${quarter} is not the first day of a quarter`);
  }
  return new Date(Date.UTC(y, m + 2, 0)).toISOString().slice(0, 10);
}

/**
 * Pair each quarter's money-fund assets (Z.1, $bn) with bank deposits on the last Wednesday of the
 * quarter ($bn): level, ratio and quarter-on-quarter change of each. Both inputs sorted by date.
 * Returns the aligned quarters and the quarters left out because deposits do not reach them.
 */
export function moneyFundsVsDeposits(
  mmfQuarterly: readonly DatedValue[],
  depositsWeekly: readonly DatedValue[],
  options: { from?: string; maxDepositAgeDays?: number } = {},
): { quarters: MoneyFundQuarter[]; unaligned: string[] } {
  const maxAge = options.maxDepositAgeDays ?? defaults.maxDepositAgeDays;
  const quarters: MoneyFundQuarter[] = [];
  const unaligned: string[] = [];
  let k = -1;
  for (const m of mmfQuarterly) {
    if (options.from && m.date < options.from) continue;
    const end = quarterEndOf(m.date);
    while (k + 1 < depositsWeekly.length && depositsWeekly[k + 1].date <= end) k++;
    const d = k >= 0 ? depositsWeekly[k] : undefined;
    const age = d ? daysBetween(d.date, end) : Infinity;
    if (!d || age > maxAge) {
      unaligned.push(m.date);
      continue;
    }
    const prev = quarters[quarters.length - 1];
    const consecutive = prev !== undefined && prevQuarter(m.date) === prev.quarter;
    quarters.push({
      quarter: m.date,
      quarterEnd: end,
      mmfUsdBn: m.value,
      depositsUsdBn: d.value,
      depositsDate: d.date,
      ratioFrac: m.value / d.value,
      mmfChangeUsdBn: consecutive ? m.value - prev.mmfUsdBn : undefined,
      depositsChangeUsdBn: consecutive ? d.value - prev.depositsUsdBn : undefined,
    });
  }
  return { quarters, unaligned };
}

/** The first day of the quarter before the one starting on `quarter`. */
function prevQuarter(quarter: string): string {
  const y = +quarter.slice(0, 4);
  const m = +quarter.slice(5, 7);
  return m === 1 ? `${y - 1}-10-01` : `${y}-${String(m - 3).padStart(2, "0")}-01`;
}

/**
 * Change of money-fund assets and deposits between two quarter ends, $bn: from the end of quarter
 * `fromQuarter` to the end of quarter `toQuarter` (both first-day-of-quarter ISO dates in `quarters`).
 */
export function shiftBetween(
  quarters: readonly MoneyFundQuarter[],
  fromQuarter: string,
  toQuarter: string,
): MoneyFundShift {
  const a = quarters.find((q) => q.quarter === fromQuarter);
  const b = quarters.find((q) => q.quarter === toQuarter);
  if (!a || !b) {
    throw new Error(`shiftBetween: quarter ${!a ? fromQuarter : toQuarter} is not among the aligned quarters`);
  }
  if (b.quarter <= a.quarter) throw new Error(`shiftBetween: ${toQuarter} is not after ${fromQuarter}`);
  return {
    fromQuarterEnd: a.quarterEnd,
    toQuarterEnd: b.quarterEnd,
    mmfChangeUsdBn: b.mmfUsdBn - a.mmfUsdBn,
    depositsChangeUsdBn: b.depositsUsdBn - a.depositsUsdBn,
    ratioFromFrac: a.ratioFrac,
    ratioToFrac: b.ratioFrac,
  };
}

/**
 * Whether the value of quarter `quarter` is the highest of every quarter up to and including it (a
 * record at that time), with the previous high. Values in $bn, sorted by date.
 */
export function isRecordAt(
  rows: readonly DatedValue[],
  quarter: string,
): { record: boolean; valueUsdBn: number; previousHighUsdBn: number; previousHighDate: string } {
  const i = rows.findIndex((r) => r.date === quarter);
  if (i < 0) throw new Error(`isRecordAt: no observation for ${quarter}`);
  if (i === 0) throw new Error(`isRecordAt: ${quarter} is the first observation, nothing to compare`);
  let hi = 0;
  for (let j = 1; j < i; j++) if (rows[j].value > rows[hi].value) hi = j;
  return {
    record: rows[i].value > rows[hi].value,
    valueUsdBn: rows[i].value,
    previousHighUsdBn: rows[hi].value,
    previousHighDate: rows[hi].date,
  };
}
