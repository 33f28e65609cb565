/**
 * The RMP article's claims (RMP-1..11, qtlab's claims list) checked against the shipped data.
 *
 * Pure: data arrive as rows in canonical units ($bn, pct, bp, index points), the scenario model as computed
 * by rmpModel.ts. Every figure is computed from the inputs. A claim no shipped series can check is "not
 * checkable offline" with the missing series named; a qualitative claim gets the nearest measurable check
 * and says how near it is.
 */
import { addMonths, lastDayOfMonth, quarterStart } from "../calendar.ts";
import { verdictForCondition, verdictForValue, weakestVerdict, type ClaimCheck, type Verdict } from "../claims/claims.ts";
import { countDaysAbove, daysAboveByMonth, spreadBpDaily } from "./moneyMarket.ts";
import { monthlyChanges, monthlyLevels } from "./monthly.ts";
import { eventDate, QT_EVENTS, type PolicyEvent } from "./policyEvents.ts";
import { formatChange, formatShare, formatUsdBn } from "./qtEnd.ts";
import { FED_FIRST_ROUND } from "./realised.ts";
import { usdBnToSharePct } from "./reserveDemand.ts";
import type { RmpInputs, RmpParams, RmpScenarioModel } from "./rmpModel.ts";
import { ARTICLE_SCENARIOS } from "./rmpScenarios.ts";
import { lastOnOrBefore as asOf } from "./asOf.ts";

type Rows = readonly { date: string; value: number }[];

/** The series the claims read beyond the model's inputs. */
export interface RmpClaimsInputs extends RmpInputs {
  /** Currency in circulation, monthly ($bn; CURRCIR ends 2023-11). */
  currencyUsdBn: Rows;
  /** ON RRP, daily operation totals ($bn). */
  onRrpUsdBn: Rows;
  vixIndex: Rows;
  sp500Index: Rows;
  nasdaqIndex: Rows;
  /** 10-year minus 2-year Treasury yield (bp). */
  curve10y2yBp: Rows;
  /** 3-month Treasury constant-maturity yield (pct). */
  bill3mPct: Rows;
}

/** The article's figures, as it states them (RootData, 2025-12-10). */
export const ARTICLE_FIGURES = {
  date: "2025-12-10",
  qtStartMonth: "2022-06",
  qtEnd: "2025-12-01",
  qtEndDecidedMonth: "2025-10",
  peakUsdBn: 9_000,
  afterQtUsdBn: 6_600,
  drainedUsdBn: 2_400,
  maintainUsdBnPerMonth: 3.5,
  replenishOrganicUsdBnPerMonth: 20,
  replenishExtraUsdBnPerMonth: 25,
} as const;

/** The first observation on or after `date`. */
function onOrAfter(rows: Rows, date: string): { date: string; value: number } | undefined {
  return rows.find((r) => r.date >= date);
}

/** Mean of the values with from <= date <= to, and how many. */
function meanBetween(rows: Rows, from: string, to: string): { mean: number; n: number } {
  let s = 0;
  let n = 0;
  for (const r of rows) {
    if (r.date < from || r.date > to) continue;
    s += r.value;
    n++;
  }
  return { mean: n ? s / n : NaN, n };
}

const pct = (a: number, b: number) => ((b - a) / a) * 100;
const f1 = (x: number) => x.toFixed(1);

/** RMP-1: QT's dates against the policy record and the holdings. */
function claimQtDates(d: RmpClaimsInputs, events: readonly PolicyEvent[]): ClaimCheck {
  const start = events.find((e) => e.id === "qt-start")!;
  const end = events.find((e) => e.id === "qt-end")!;
  const treasuries = monthlyChanges(monthlyLevels(d.treasuriesUsdBn, "month-end"));
  const during = treasuries.filter((c) => c.month >= start.date.slice(0, 7) && c.month < end.date.slice(0, 7));
  const after = treasuries.filter((c) => c.month >= end.date.slice(0, 7));
  const fell = during.filter((c) => c.change < 0).length;
  const rose = after.filter((c) => c.change > 0).length;
  const secAt = (date: string) => {
    const t = onOrAfter(d.treasuriesUsdBn, date)!;
    const m = d.mbsUsdBn.find((r) => r.date === t.date)!;
    return { date: t.date, value: t.value + m.value };
  };
  const s0 = secAt(start.date);
  const s1 = secAt(end.date);
  const a = ARTICLE_FIGURES;
  const datesMatch = start.date.startsWith(a.qtStartMonth) && end.date === a.qtEnd && (end.decided ?? "").startsWith(a.qtEndDecidedMonth);
  const holdingsMatch = during.length > 0 && fell / during.length >= 0.9 && after.length > 0 && rose / after.length >= 0.75;
  return {
    id: "RMP-1",
    claim: "QT ran from June 2022 to 2025-12-01; the end was decided at the October 2025 FOMC",
    articleFigure: "June 2022 – 2025-12-01 (decided October 2025)",
    dataFigure:
      `policy record: QT from ${start.date} (decided ${start.decided}), ended ${end.date} (decided ${end.decided}); ` +
      `Treasuries + MBS held ${formatUsdBn(s0.value)} (${s0.date}) → ${formatUsdBn(s1.value)} (${s1.date}); ` +
      `Treasuries fell in ${formatShare(fell, during.length)} months of QT and rose in ${formatShare(rose, after.length)} months since`,
    verdict: verdictForCondition(datesMatch && holdingsMatch),
    note: `Dates from lib/calc/policyEvents.ts (${start.source}; ${end.source}); holdings from H.4.1 on the month-end grid. Caps stepped down ${events.filter((e) => e.id.startsWith("cap-")).map((e) => `${e.date} (${e.label})`).join(", ")}.`,
  };
}

/** RMP-2: peak, level after QT, amount drained (WALCL). */
function claimDrain(d: RmpClaimsInputs, events: readonly PolicyEvent[]): ClaimCheck {
  const qtEnd = eventDate("qt-end", events);
  const before = d.totalAssetsUsdBn.filter((r) => r.date < qtEnd);
  const peak = before.reduce((a, b) => (b.value > a.value ? b : a));
  const end = onOrAfter(d.totalAssetsUsdBn, qtEnd)!;
  const drained = peak.value - end.value;
  const a = ARTICLE_FIGURES;
  const v = [verdictForValue(a.peakUsdBn, peak.value), verdictForValue(a.afterQtUsdBn, end.value), verdictForValue(a.drainedUsdBn, drained)];
  return {
    id: "RMP-2",
    claim: "Total assets fell from a peak near $9,000bn to about $6,600bn: about $2,400bn drained",
    articleFigure: "$9,000bn → $6,600bn; $2,400bn drained",
    dataFigure: `WALCL peak ${formatUsdBn(peak.value)} (${peak.date}) → ${formatUsdBn(end.value)} (${end.date}, first week after QT ended); ${formatUsdBn(drained)} drained`,
    verdict: weakestVerdict(v),
    note: `Within 2% holds, 10% roughly (peak ${f1(pct(a.peakUsdBn, peak.value))}%, level ${f1(pct(a.afterQtUsdBn, end.value))}%, drain ${f1(pct(a.drainedUsdBn, drained))}% off the article's round figures). The drain counts from the April 2022 peak, before QT's June start.`,
  };
}

/** RMP-3: SOFR above IORB in 2025. */
function claimSofrAboveIorb(d: RmpClaimsInputs): ClaimCheck {
  const spread = spreadBpDaily(d.sofrPct, d.iorbPct);
  const y = countDaysAbove(spread, "2025-01-01", "2025-12-31");
  const months = daysAboveByMonth(spread.filter((p) => p.date.startsWith("2025")));
  const most = months.filter((m) => m.daysAbove > m.days / 2);
  const effr = countDaysAbove(spreadBpDaily(d.effrPct, d.iorbPct), "2025-01-01", "2025-12-31");
  return {
    id: "RMP-3",
    claim: "In 2025 SOFR rose above IORB (a positive SOFR − IORB spread): the scarcity signal",
    articleFigure: "SOFR − IORB > 0 in 2025",
    dataFigure:
      `SOFR > IORB on ${formatShare(y.daysAbove, y.days)} business days of 2025, max +${Math.round(y.maxBp)}bp on ${y.maxDate}; ` +
      `most days of the month in ${most.map((m) => m.month).join(", ") || "no month"}; EFFR > IORB on ${effr.daysAbove} days`,
    verdict: verdictForCondition(y.daysAbove > 0 && most.length > 0),
    note: "Daily SOFR (New York Fed) minus IORB (Board) on days both publish. Scattered positive days in H1 2025 (quarter- and month-ends); a run from autumn. EFFR stayed below IORB: the strain showed in secured repo first.",
  };
}

/** RMP-4: bill supply chasing scarce cash pushed repo rates up. */
function claimBillSupply(d: RmpClaimsInputs): ClaimCheck {
  const rrpH1 = meanBetween(d.onRrpUsdBn, "2025-01-01", "2025-06-30");
  const rrpQ4 = meanBetween(d.onRrpUsdBn, "2025-10-01", "2025-12-31");
  const spread = spreadBpDaily(d.sofrPct, d.iorbPct).map((p) => ({ date: p.date, value: p.spreadBp }));
  const sH1 = meanBetween(spread, "2025-01-01", "2025-06-30");
  const sQ4 = meanBetween(spread, "2025-10-01", "2025-12-31");
  const observable = rrpQ4.mean < rrpH1.mean / 2 && sQ4.mean > 0 && sQ4.mean > sH1.mean;
  return {
    id: "RMP-4",
    claim: "Heavy bill issuance (collateral) chasing scarce cash pushed repo rates up",
    articleFigure: "more bills, less cash → higher repo rates",
    dataFigure: `ON RRP mean ${formatUsdBn(rrpH1.mean)} (H1 2025) → ${formatUsdBn(rrpQ4.mean)} (Q4 2025); SOFR − IORB mean ${f1(sH1.mean)}bp → ${f1(sQ4.mean)}bp`,
    verdict: observable ? "roughly holds" : "does not hold",
    note:
      "The cash side is in the data: the ON RRP buffer emptied and repo traded above IORB. The collateral side is not: bill supply needs bills outstanding or SOMA bills (WSHOBL), neither ships, and the auction file covers only 2026 (bills from 2026-04). Hence \"roughly\".",
  };
}

/** RMP-5: RMP buys bills, no duration transfer. */
function claimBillsOnly(d: RmpClaimsInputs, events: readonly PolicyEvent[]): ClaimCheck {
  const qtEnd = eventDate("qt-end", events);
  const t0 = onOrAfter(d.treasuriesUsdBn, qtEnd)!;
  const t1 = d.treasuriesUsdBn[d.treasuriesUsdBn.length - 1];
  const m0 = d.mbsUsdBn.find((r) => r.date === t0.date)!;
  const m1 = d.mbsUsdBn[d.mbsUsdBn.length - 1];
  return {
    id: "RMP-5",
    claim: "RMP buys T-bills: near-cash, no duration transfer, so \"neutral\"; it supports Treasury's bill financing",
    articleFigure: "bills only; no duration",
    dataFigure: `Treasuries held ${formatChange(t1.value - t0.value, "$bn")} and MBS ${formatChange(m1.value - m0.value, "$bn")} from ${t0.date} to ${t1.date}; maturity split not in the data`,
    verdict: "not checkable offline",
    note: "Holdings by maturity (SOMA bills, WSHOBL, or the New York Fed's SOMA table) do not ship, so bills cannot be told from coupons and no duration can be measured. Since 2025-12-01 coupon principal is rolled over, so the rise is at least consistent with bill buying.",
  };
}

/** RMP-6: the two camps' sizes against currency growth. */
function claimCamps(d: RmpClaimsInputs, model: RmpScenarioModel, params: RmpParams): ClaimCheck {
  const c = d.currencyUsdBn;
  const last = c[c.length - 1];
  const growth = (months: number) => {
    const i = c.length - 1 - months;
    return i >= 0 ? (last.value - c[i].value) / months : NaN;
  };
  const g12 = growth(12);
  const g60 = growth(60);
  const g120 = growth(120);
  const a = ARTICLE_FIGURES;
  const keepShare = (model.start.reservesUsdBn * params.nominalGdpGrowthPctPerYear) / 100 / 12;
  return {
    id: "RMP-6",
    claim: "Size camps: \"maintain\" ≈ $3.5bn/month to offset currency growth (Evercore ISI); \"replenish\" ≈ $45bn/month = $20bn organic + $25bn (BofA)",
    articleFigure: `$${a.maintainUsdBnPerMonth}bn/month ≈ currency growth; $${a.replenishOrganicUsdBnPerMonth}bn + $${a.replenishExtraUsdBnPerMonth}bn = $${a.replenishOrganicUsdBnPerMonth + a.replenishExtraUsdBnPerMonth}bn`,
    dataFigure: `CURRCIR growth to ${last.date.slice(0, 7)}: $${f1(g12)}bn/month (12 months), $${f1(g60)}bn (5 years), $${f1(g120)}bn (10 years)`,
    verdict: verdictForValue(a.maintainUsdBnPerMonth, g12, { holds: 0.1, roughly: 0.25 }),
    note:
      `$3.5bn sits near the last 12 months of currency growth the data hold, well below the 5- and 10-year averages (pandemic years included); CURRCIR ends 2023-11, so 2025's pace is not observed. ` +
      `The $45bn adds up. For scale: keeping reserves a constant share of GDP at ${params.nominalGdpGrowthPctPerYear}% nominal growth takes about $${f1(keepShare)}bn/month on top of currency.`,
  };
}

/** RMP-7: transmission via bill yields and money funds. */
function claimTransmission(d: RmpClaimsInputs, params: RmpParams): ClaimCheck {
  const spread = spreadBpDaily(d.bill3mPct, d.iorbPct).map((p) => ({ date: p.date, value: p.spreadBp }));
  // The month before the purchases start against the last full month of data.
  const pre = addMonths(params.startMonth, -1);
  const full = addMonths(spread[spread.length - 1].date.slice(0, 7), -1);
  const b0 = meanBetween(spread, `${pre}-01`, lastDayOfMonth(pre));
  const b1 = meanBetween(spread, `${full}-01`, lastDayOfMonth(full));
  return {
    id: "RMP-7",
    claim: "Bill purchases lower bill yields and push money funds into CP, repo and short credit; dealers' balance sheets are freed",
    articleFigure: "lower bill yields; crowding-out into private short credit",
    dataFigure: `3-month bill − IORB: ${f1(b0.mean)}bp (${pre}) → ${f1(b1.mean)}bp (${full}); fund holdings by instrument, CP and dealer positions not in the data`,
    verdict: "not checkable offline",
    note: "The nearest proxy, the 3-month yield over IORB, did not fall, but it also prices expected policy rates, so it cannot isolate the purchases. The crowding-out needs money-fund holdings by instrument (OFR/ICI) and dealer positions (FR 2004); none ships.",
  };
}

/** RMP-8: regulation raised the lowest comfortable reserves: where strain appeared, 2019 vs 2025. */
function claimRegulation(d: RmpClaimsInputs, model: RmpScenarioModel): ClaimCheck {
  const spike = "2019-09-18";
  const r2019 = onOrAfter(d.reservesUsdBn, spike)!;
  const gdp2019 = d.gdpUsdBn.find((g) => g.date === quarterStart(r2019.date))!;
  const share2019 = usdBnToSharePct(r2019.value, gdp2019.value);
  const strained = model.fit.sample.filter((p) => p.weekEnding >= "2025-01-01" && p.weekEnding <= "2025-12-31" && p.spreadBp > 0);
  const share2025 = strained.reduce((s, p) => s + p.sharePct, 0) / (strained.length || NaN);
  const usd2025 = strained.reduce((s, p) => s + p.reservesUsdBn, 0) / (strained.length || NaN);
  return {
    id: "RMP-8",
    claim: "Regulation (LCR, Basel III) raises banks' lowest comfortable reserves (Miran's hypothesis)",
    articleFigure: "higher lowest comfortable reserve level, driven by regulation",
    dataFigure: `reserves when repo strained: ${formatUsdBn(r2019.value)} = ${f1(share2019)}% of GDP (week of ${r2019.date}) vs ${formatUsdBn(usd2025)} = ${f1(share2025)}% of GDP (mean of ${strained.length} weeks of 2025 with weekly SOFR > IORB)`,
    verdict: strained.length > 0 && share2025 > share2019 ? "roughly holds" : "does not hold",
    note: `The reserves at which money markets strained rose from ${f1(share2019)}% to ${f1(share2025)}% of GDP between 2019 and 2025: banks wanted more reserves before bidding up repo. That regulation is the reason cannot be tested here (no bank-level LCR or HQLA data); hence "roughly".`,
  };
}

/** RMP-9: debt monetisation. */
function claimMonetisation(d: RmpClaimsInputs, events: readonly PolicyEvent[]): ClaimCheck {
  const t0 = onOrAfter(d.treasuriesUsdBn, eventDate("qt-end", events))!;
  const t1 = d.treasuriesUsdBn[d.treasuriesUsdBn.length - 1];
  return {
    id: "RMP-9",
    claim: "Treasury issues bills, the Fed buys bills: close to debt monetisation (fiscal dominance)",
    articleFigure: "Fed as marginal buyer of Treasury's bills",
    dataFigure: `Fed Treasuries ${formatChange(t1.value - t0.value, "$bn")} (${t0.date} to ${t1.date}); net bill issuance not in the data`,
    verdict: "not checkable offline",
    note: "The Fed's share of net bill issuance needs bills outstanding (Treasury's Monthly Statement of the Public Debt) and SOMA bills; neither ships, and the auction file holds gross 2026 auctions only. Inflation expectations (breakevens) do not ship either.",
  };
}

/** RMP-10: which scenario 2026 followed, and that scenario's outcomes. */
function claimScenarios(d: RmpClaimsInputs, model: RmpScenarioModel): ClaimCheck {
  const c = model.closest;
  const pace = model.realisedPaceUsdBnPerMonth;
  const spec = ARTICLE_SCENARIOS.find((s) => s.id === c.id);
  const range = spec?.rangeUsdBnPerMonth;
  const inRange = range ? pace >= range[0] && (range[1] === null || pace <= range[1]) : false;
  const from = ARTICLE_FIGURES.date;
  const sp0 = asOf(d.sp500Index, from)!;
  const sp1 = d.sp500Index[d.sp500Index.length - 1];
  const spChange = pct(sp0.value, sp1.value);
  const vix2025 = meanBetween(d.vixIndex, "2025-01-01", "2025-12-31");
  const vixSince = meanBetween(d.vixIndex, from, "9999-12-31");
  const c0 = asOf(d.curve10y2yBp, from)!;
  const c1 = d.curve10y2yBp[d.curve10y2yBp.length - 1];
  const outcomes: Record<string, [string, boolean][]> = {
    A: [
      [`equities up (S&P 500 ${formatChange(spChange, "%")})`, spChange > 0],
      [`vol down (VIX mean ${f1(vixSince.mean)} since vs ${f1(vix2025.mean)} in 2025)`, vixSince.mean < vix2025.mean],
      [`curve normalises (10y−2y ${formatChange(c1.value - c0.value, "bp")})`, c1.value > c0.value],
    ],
    B: [[`risk assets melt up (S&P 500 ${formatChange(spChange, "%")})`, spChange > 20]],
    C: [[`equities correct hard (S&P 500 ${formatChange(spChange, "%")})`, spChange < -10]],
  };
  const checks = outcomes[c.id] ?? [];
  const met = checks.filter(([, ok]) => ok).length;
  const verdict: Verdict = !inRange ? "does not hold" : met === checks.length ? "holds" : met > 0 ? "roughly holds" : "does not hold";
  return {
    id: "RMP-10",
    claim: "Scenarios: A $20–30bn/month (p=0.40): equities up mildly, vol down, curve normalises; B ≥$45bn (p=0.35): melt-up; C $3.5bn (p=0.25): repo stress, hard correction",
    articleFigure: "A 40% / B 35% / C 25%",
    dataFigure:
      `realised ${model.realised.months[0]?.month}–${model.realised.months.at(-1)?.month}: ${formatUsdBn(c.lastCumulativeRealisedUsdBn)} bought, ≈ $${f1(pace)}bn/month; closest ${c.id} (RMSE ${formatUsdBn(c.rmseCumulativePurchasesUsdBn)}); ` +
      `its outcomes from ${from}: ${checks.map(([t, ok]) => `${t} ${ok ? "✓" : "✗"}`).join("; ")}`,
    verdict,
    note:
      `Distance: RMSE of cumulative purchases (Treasuries + MBS held, month-end) against each scenario (lib/calc/realised.ts). The Fed announced about $${FED_FIRST_ROUND.usdBnPerMonth}bn/month at first (${FED_FIRST_ROUND.from}) and slowed later in 2026. ` +
      `S&P 500 to ${sp1.date}, 10y−2y to ${c1.date}; the dollar does not ship. A scenario set cannot be proved by one path; the verdict is on the scenario the data followed.`,
  };
}

/** RMP-11: the strategy's checkable legs. */
function claimStrategy(d: RmpClaimsInputs): ClaimCheck {
  const from = ARTICLE_FIGURES.date;
  const v0 = asOf(d.vixIndex, from)!;
  const v1 = d.vixIndex[d.vixIndex.length - 1];
  const vix2025 = meanBetween(d.vixIndex, "2025-01-01", "2025-12-31");
  const vix2026 = meanBetween(d.vixIndex, "2026-01-01", "2026-12-31");
  const s0 = asOf(d.sp500Index, from)!;
  const s1 = d.sp500Index[d.sp500Index.length - 1];
  const n0 = asOf(d.nasdaqIndex, from)!;
  const n1 = asOf(d.nasdaqIndex, s1.date)!;
  const c0 = asOf(d.curve10y2yBp, from)!;
  const c1 = d.curve10y2yBp[d.curve10y2yBp.length - 1];
  const spR = pct(s0.value, s1.value);
  const nqR = pct(n0.value, n1.value);
  const legs: [string, boolean][] = [
    [`short VIX: VIX ${v0.value} (${v0.date}) → ${v1.value} (${v1.date}); 2026 mean ${f1(vix2026.mean)} vs 2025 ${f1(vix2025.mean)}`, v1.value < v0.value && vix2026.mean < vix2025.mean],
    [`tech over the index: NASDAQ ${formatChange(nqR, "%")} vs S&P 500 ${formatChange(spR, "%")} to ${s1.date}`, nqR > spR],
    [`steepener: 10y−2y ${c0.value}bp → ${c1.value}bp (${c1.date})`, c1.value > c0.value],
  ];
  return {
    id: "RMP-11",
    claim: "Strategy: short VIX, overweight gold and real assets, small caps and tech, curve steepeners",
    articleFigure: "short VIX; long gold, real assets, small caps, tech; steepeners",
    dataFigure: legs.map(([t, ok]) => `${t} ${ok ? "✓" : "✗"}`).join("; "),
    verdict: weakestVerdict(legs.map(([, ok]) => verdictForCondition(ok))),
    note: "From the article's date to the latest data; spot levels only (a VIX short earns the futures roll, not in the data). Gold, real assets and small caps: no series ships, not checked. The verdict is the weakest checkable leg.",
  };
}

/** Every RMP claim, in order (RMP-1..11). */
export function rmpClaims(d: RmpClaimsInputs, model: RmpScenarioModel, params: RmpParams, events: readonly PolicyEvent[] = QT_EVENTS): ClaimCheck[] {
  return [
    claimQtDates(d, events),
    claimDrain(d, events),
    claimSofrAboveIorb(d),
    claimBillSupply(d),
    claimBillsOnly(d, events),
    claimCamps(d, model, params),
    claimTransmission(d, params),
    claimRegulation(d, model),
    claimMonetisation(d, events),
    claimScenarios(d, model),
    claimStrategy(d),
  ];
}

/** The number of RMP claims in qtlab's claims list. */
export const RMP_CLAIM_COUNT = 11;
