/**
 * The tables of the foreign-selling notebook: the article's holdings table against TIC, the split of a
 * change in holdings into valuation and transactions, auction bid-to-cover against its trailing average,
 * the impact scenarios, and yield moves on Fed purchase announcements. Numbers are formatted here with
 * their unit in the column label.
 */
import { htmlTable } from "./display.ts";
import type { BidToCoverRow } from "../calc/bidToCover.ts";

const num = (v: number | undefined, digits = 1, sign = false) =>
  v === undefined || !Number.isFinite(v)
    ? "n/a"
    : `${sign && v > 0 ? "+" : ""}${
      v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    }`;

/** A published holding next to the data's (lib/calc/holdings.ts compareHoldings). */
export interface HoldingsCheckRow {
  date: string;
  holder: string;
  valueUsdBn: number;
  dataUsdBn: number | undefined;
  diffUsdBn: number | undefined;
  absDiffFrac: number | undefined;
}

/** The article's holdings table checked row by row against TIC. */
export function holdingsCheckTable(rows: readonly HoldingsCheckRow[], caption: string) {
  return htmlTable(
    rows,
    [
      { label: "Month (end)", value: (r) => r.date.slice(0, 7) },
      { label: "Holder", value: (r) => r.holder },
      { label: "Article ($bn)", value: (r) => num(r.valueUsdBn), align: "right" },
      { label: "TIC ($bn)", value: (r) => num(r.dataUsdBn), align: "right" },
      { label: "TIC − article ($bn)", value: (r) => num(r.diffUsdBn, 1, true), align: "right" },
      {
        label: "Gap (%)",
        value: (r) => num(r.absDiffFrac === undefined ? undefined : r.absDiffFrac * 100, 2),
        align: "right",
      },
    ],
    caption,
  );
}

/** One holder's change over a window split into valuation and residual (lib/calc/valuation.ts). */
export interface DecompositionRow {
  holder: string;
  fromDate: string;
  toDate: string;
  changeUsdBn: number;
  yieldChangePct: number;
  durationYears: number;
  valuationUsdBn: number;
  residualUsdBn: number;
}

/** Change in reported holdings = valuation (duration × Δyield) + residual (≈ net purchases or sales). */
export function decompositionTable(rows: readonly DecompositionRow[], caption: string) {
  return htmlTable(
    rows,
    [
      { label: "Holder", value: (r) => r.holder },
      { label: "From → to (month end)", value: (r) => `${r.fromDate.slice(0, 7)} → ${r.toDate.slice(0, 7)}` },
      { label: "Change ($bn)", value: (r) => num(r.changeUsdBn, 1, true), align: "right" },
      { label: "Yield move (bp)", value: (r) => num(r.yieldChangePct * 100, 0, true), align: "right" },
      { label: "Duration (years)", value: (r) => num(r.durationYears, 1), align: "right" },
      { label: "Valuation ($bn)", value: (r) => num(r.valuationUsdBn, 1, true), align: "right" },
      { label: "Residual ≈ net transactions ($bn)", value: (r) => num(r.residualUsdBn, 1, true), align: "right" },
    ],
    caption,
  );
}

/** An auction against the trailing average of its family: lib/calc/bidToCover.ts's row. */
export type BidToCoverTableRow = BidToCoverRow;

/** Bid-to-cover per auction, its trailing mean and whether it is the lowest in the file so far. */
export function bidToCoverTable(rows: readonly BidToCoverTableRow[], caption: string) {
  return htmlTable(
    rows,
    [
      { label: "Auction", value: (r) => r.auctionDate },
      { label: "Family", value: (r) => r.family },
      { label: "Term", value: (r) => r.securityTerm },
      { label: "Bid-to-cover (published, ×)", value: (r) => num(r.bidToCover, 2), align: "right" },
      {
        label: "Trailing mean (×)",
        value: (r) => (r.trailingMean === undefined ? "n/a" : `${num(r.trailingMean, 2)} (${r.trailingCount})`),
        align: "right",
      },
      { label: "vs trailing (×)", value: (r) => num(r.vsTrailing, 2, true), align: "right" },
      { label: "Lowest in file so far", value: (r) => (r.lowestSoFar ? "yes" : "") },
    ],
    caption,
  );
}

/** One scenario row (lib/calc/yieldImpact.ts impactScenarios). */
export interface ScenarioTableRow {
  saleUsdBn: number;
  model: string;
  tenor: string;
  yieldRiseBp: { low: number; high: number };
  fedOffsetUsdBn: { low: number; high: number };
  offsetPerDollarSold: number;
}

const range = (
  r: { low: number; high: number },
  digits: number,
) => (r.low === r.high ? num(r.low, digits) : `${num(r.low, digits)}–${num(r.high, digits)}`);

/** The scenario table: yield rise per model and the Fed purchases that offset it. */
export function scenarioTable(rows: readonly ScenarioTableRow[], caption: string) {
  return htmlTable(
    rows,
    [
      { label: "Foreign sale ($bn)", value: (r) => num(r.saleUsdBn, 0), align: "right" },
      { label: "Model", value: (r) => `${r.model} (${r.tenor})` },
      { label: "Yield rise (bp)", value: (r) => range(r.yieldRiseBp, 0), align: "right" },
      { label: "Fed purchases to offset ($bn)", value: (r) => range(r.fedOffsetUsdBn, 0), align: "right" },
      { label: "Offset per $ sold (mid, ×)", value: (r) => num(r.offsetPerDollarSold, 1), align: "right" },
    ],
    caption,
  );
}

/** A yield move across a Fed purchase announcement (lib/calc/eventWindow.ts announcementChange). */
export interface AnnouncementRow {
  date: string;
  what: string;
  fromDate: string | undefined;
  toDate: string | undefined;
  changeBp: number | undefined;
}

/** 10-year yield moves on the days the Fed announced asset purchases. */
export function announcementTable(rows: readonly AnnouncementRow[], caption: string) {
  return htmlTable(
    rows,
    [
      { label: "Announced", value: (r) => r.date },
      { label: "What", value: (r) => r.what },
      { label: "Measured", value: (r) => (r.fromDate && r.toDate ? `${r.fromDate} → ${r.toDate}` : "not covered") },
      { label: "10-year change (bp)", value: (r) => num(r.changeBp, 0, true), align: "right" },
    ],
    caption,
  );
}
