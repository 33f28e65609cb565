/**
 * QT runoff month by month against the caps: bars of actual runoff (the fall of Treasury and MBS
 * holdings in H.4.1) under a step line of the cap in force, one panel per asset, cap changes marked.
 */
import { addMonths, lastDayOfMonth } from "../calendar.ts";
import { fmt } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { type Annotation, chartDefaults, eventMarks, render, sourceCaption, utcDate } from "./common.ts";

import type { ActualRunoffMonth } from "../calc/runoff.ts";
import type { CapPeriod } from "../calc/runoffCaps.ts";

export interface RunoffVsCapsChartOptions {
  /** First month shown ("YYYY-MM"). */
  from?: string;
  /** Within this distance of the cap ($bn) a month counts as "at the cap". */
  toleranceUsdBn?: number;
  events?: readonly Annotation[];
  source?: string;
  /** As-of date for the caption (default: the date of the last month's closing level). */
  asOf?: string;
  /** How the month's level is taken, for the caption. */
  gridNote?: string;
  width?: number;
}

const defaults = {
  from: "2022-01",
  toleranceUsdBn: 2,
  source:
    "Federal Reserve Board H.4.1 (TREAST, WSHOMCB), via FRED; caps: FOMC statements and implementation notes 2022-05-04, 2024-05-01, 2025-03-19, 2025-10-29",
  gridNote:
    "Runoff = fall of holdings from one month-end to the next (H.4.1 Wednesday level on the month's last day or the first Wednesday after it).",
};

/** Status of a month's runoff against its cap, used for bar colour. */
export const RUNOFF_STATUS = ["at the cap", "below the cap", "above the cap", "no runoff cap"] as const;
const STATUS_COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#bab0ac"];

function status(runoff: number, cap: number | null, tol: number): (typeof RUNOFF_STATUS)[number] {
  if (cap === null || cap === 0) return "no runoff cap";
  if (runoff > cap + tol) return "above the cap";
  if (runoff >= cap - tol) return "at the cap";
  return "below the cap";
}

/**
 * Two panels (Treasuries, MBS): monthly runoff bars ($bn per month; negative = holdings grew) coloured by
 * their distance to the cap, and the cap as a step line from `schedule` (so an overridden cap redraws).
 */
export function runoffVsCapsChart(
  rows: readonly ActualRunoffMonth[],
  schedule: readonly CapPeriod[],
  options: RunoffVsCapsChartOptions = {},
) {
  const from = options.from ?? defaults.from;
  const tol = options.toleranceUsdBn ?? defaults.toleranceUsdBn;
  const shown = rows.filter((r) => r.month >= from);
  if (shown.length === 0) throw new Error(`runoffVsCapsChart: no months from ${from}`);
  const lastMonth = shown[shown.length - 1].month;
  const bars = shown.flatMap((r) => [
    {
      asset: "Treasuries",
      x1: utcDate(`${r.month}-01`),
      x2: utcDate(`${addMonths(r.month, 1)}-01`),
      runoff: r.treasuryRunoffUsdBn,
      cap: r.capTreasuryUsdBnPerMonth,
      month: r.month,
      status: status(r.treasuryRunoffUsdBn, r.capTreasuryUsdBnPerMonth, tol),
    },
    {
      asset: "MBS",
      x1: utcDate(`${r.month}-01`),
      x2: utcDate(`${addMonths(r.month, 1)}-01`),
      runoff: r.mbsRunoffUsdBn,
      cap: r.capMbsUsdBnPerMonth,
      month: r.month,
      status: status(r.mbsRunoffUsdBn, r.capMbsUsdBnPerMonth, tol),
    },
  ]);
  // The cap as a step: one point per period start inside the window, plus the window's end.
  const end = utcDate(`${addMonths(lastMonth, 1)}-01`);
  const steps = schedule.filter((p) => p.from <= lastMonth);
  const capLine = (asset: "Treasuries" | "MBS") => {
    const pts = steps.map((p) => ({
      asset,
      date: utcDate(`${p.from}-01`),
      cap: asset === "Treasuries" ? p.capTreasuryUsdBnPerMonth : p.capMbsUsdBnPerMonth,
    }));
    if (pts.length) pts.push({ ...pts[pts.length - 1], date: end });
    return pts;
  };
  const caps = [...capLine("Treasuries"), ...capLine("MBS")];
  const labels = caps.filter((c, i, a) => i + 1 < a.length && a[i + 1].asset === c.asset && c.cap > 0);
  const asOf = options.asOf ?? shown[shown.length - 1].date;
  return render({
    title: "QT runoff month by month against the monthly caps",
    subtitle: "Monthly runoff ($bn per month; negative = holdings grew) and the monthly cap in force (step line).",
    caption: sourceCaption(
      options.source ?? defaults.source,
      asOf,
      `${
        options.gridNote ?? defaults.gridNote
      } "At the cap" = within $${tol}bn of it. TREAST includes TIPS inflation compensation.`,
    ),
    width: options.width ?? chartDefaults.width,
    height: 560,
    marginTop: 30,
    marginRight: 140,
    x: { type: "utc", label: null, domain: [utcDate(`${from}-01`), end] },
    y: { label: "$bn per month", grid: true },
    fy: {
      label: null,
      domain: ["Treasuries", "MBS"],
      padding: 0.12,
      axis: "right",
      tickFormat: (d: string) => `${d} (${d === "MBS" ? "WSHOMCB" : "TREAST"})`,
      tickSize: 0,
    },
    color: { legend: true, domain: [...RUNOFF_STATUS, "cap"], range: [...STATUS_COLOURS, "#111"] },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.ruleY([0], { stroke: "#888" }),
      Plot.rectY(bars, {
        x1: "x1",
        x2: "x2",
        y: "runoff",
        fy: "asset",
        fill: "status",
        inset: 0.5,
        title: (d: (typeof bars)[number]) =>
          `${d.asset}, ${d.month}: runoff ${fmt(d.runoff, "usdBn", { digits: 1 })}${
            d.cap === null ? ", no cap" : ` against a ${fmt(d.cap, "usdBn", { trim: true, digits: 1 })} cap`
          } (${d.status})`,
      }),
      Plot.line(caps, { x: "date", y: "cap", fy: "asset", curve: "step-after", stroke: "#111", strokeWidth: 1.6 }),
      Plot.text(labels, {
        x: "date",
        y: "cap",
        fy: "asset",
        text: (d: { cap: number }) => `cap $${d.cap}bn`,
        dy: -7,
        dx: 3,
        textAnchor: "start",
        fontSize: 10,
        fill: "#111",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
      ...eventMarks(options.events ?? [], { from: `${from}-01`, to: lastDayOfMonth(lastMonth), fy: "MBS" }),
    ],
  });
}
