/**
 * When a level left a band around where it stood on a date, and what moved it: the first observation
 * after `from` more than `bandFrac` away from the level on or after `from`, and, for any one week, how a
 * total's change splits between named parts and the rest. Pure; $bn in, $bn out.
 */
import type { DatedValue } from "./monthly.ts";

/** The first observation outside the band, with the reference level and the largest swing before it. */
export interface BandExit {
  reference: DatedValue;
  bandFrac: number;
  /** The first observation more than `bandFrac` from the reference; undefined if none in the data. */
  firstOutside: (DatedValue & { changeFrac: number }) | undefined;
  /** The largest change from one observation to the next while inside the band: its date and the one before. */
  largestSwing:
    | { date: string; previousDate: string; changeUsdBn: number; nextChangeUsdBn: number | undefined }
    | undefined;
}

/** Where `rows` left a ±`bandFrac` band around their level on the first observation on or after `from`. */
export function bandExit(rows: readonly DatedValue[], from: string, bandFrac: number): BandExit {
  if (!(bandFrac > 0)) throw new Error(`bandExit: the band must be a positive fraction, got ${bandFrac}`);
  const i = rows.findIndex((r) => r.date >= from);
  if (i < 0) throw new Error(`bandExit: no observation on or after ${from}`);
  const reference = rows[i];
  let firstOutside: BandExit["firstOutside"];
  let end = rows.length;
  for (let k = i + 1; k < rows.length; k++) {
    const changeFrac = rows[k].value / reference.value - 1;
    if (Math.abs(changeFrac) > bandFrac) {
      firstOutside = { ...rows[k], changeFrac };
      end = k;
      break;
    }
  }
  let largestSwing: BandExit["largestSwing"];
  for (let k = i + 1; k < end; k++) {
    const change = rows[k].value - rows[k - 1].value;
    if (!largestSwing || Math.abs(change) > Math.abs(largestSwing.changeUsdBn)) {
      largestSwing = {
        date: rows[k].date,
        previousDate: rows[k - 1].date,
        changeUsdBn: change,
        nextChangeUsdBn: k + 1 < rows.length ? rows[k + 1].value - rows[k].value : undefined,
      };
    }
  }
  return { reference, bandFrac, firstOutside, largestSwing };
}

/**
 * How a total's level on `date` differs from `reference`, split between named parts (each read on the same
 * two dates) and the rest (the total less the parts: for H.4.1 total assets less securities, that is repo
 * operations, loans and other assets). Throws naming a part that lacks either date.
 */
export function splitChange(
  total: readonly DatedValue[],
  parts: Readonly<Record<string, readonly DatedValue[]>>,
  reference: string,
  date: string,
): { totalUsdBn: number; partsUsdBn: Record<string, number>; restUsdBn: number } {
  const at = (rows: readonly DatedValue[], d: string, name: string) => {
    const r = rows.find((x) => x.date === d);
    if (!r) throw new Error(`splitChange: ${name} has no observation on ${d}`);
    return r.value;
  };
  const totalUsdBn = at(total, date, "the total") - at(total, reference, "the total");
  const partsUsdBn = Object.fromEntries(
    Object.entries(parts).map(([k, rows]) => [k, at(rows, date, k) - at(rows, reference, k)]),
  );
  return { totalUsdBn, partsUsdBn, restUsdBn: totalUsdBn - Object.values(partsUsdBn).reduce((a, b) => a + b, 0) };
}
