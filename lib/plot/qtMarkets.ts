/**
 * What long yields and credit spreads did while QT ran: changes since QT began, in bp, of the 10-year
 * Treasury yield, the policy rate (upper limit of the target range) and the investment-grade corporate
 * option-adjusted spread.
 */
import { signed } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

/** One line: a name and its change since the window's start in bp. */
export interface MarketLine {
  name: string;
  rows: readonly { date: string; value: number }[];
}

export interface QtMarketsChartOptions {
  events?: readonly Annotation[];
  /** Shaded span: the months runoff ran (ISO dates). */
  qtSpan?: { from: string; to: string };
  source?: string;
  width?: number;
}

const defaults = {
  source:
    "Federal Reserve Board H.15 (DGS10), FOMC target range (DFEDTARU), ICE BofA US Corporate Index OAS (BAMLC0A0CM), via FRED",
};

/** Daily lines of change since QT began (bp), QT's span shaded, events marked, end values labelled. */
export function qtMarketsChart(lines: readonly MarketLine[], options: QtMarketsChartOptions = {}) {
  const points = lines.flatMap((l) => l.rows.map((r) => ({ name: l.name, date: utcDate(r.date), value: r.value })));
  if (points.length === 0) throw new Error("qtMarketsChart: no data");
  const asOf = lines.map((l) => l.rows.at(-1)?.date ?? "").sort().at(-1)!;
  const from = lines.map((l) => l.rows[0]?.date ?? "9999").sort()[0];
  const span = options.qtSpan ? [{ x1: utcDate(options.qtSpan.from), x2: utcDate(options.qtSpan.to) }] : [];
  return render({
    title: "Long yields, the policy rate and credit spreads since QT began",
    subtitle:
      "Change since runoff began (June 2022), bp, daily. Shaded: runoff in progress. No dollar index ships with qtlab.",
    caption: sourceCaption(options.source ?? defaults.source, asOf, "ICE BofA data are licensed to FRED."),
    width: options.width ?? chartDefaults.width,
    height: 420,
    marginTop: 24,
    marginRight: 190,
    marginLeft: 50,
    x: { type: "utc", label: null },
    y: { label: "Change since QT began (bp)", grid: true, tickFormat: "+,.0f" },
    color: { legend: true, domain: lines.map((l) => l.name), range: ["#4e79a7", "#111", "#e15759", "#59a14f"] },
    marks: [
      Plot.rectX(span, { x1: "x1", x2: "x2", fill: "#000", fillOpacity: 0.05 }),
      Plot.ruleY([0], { stroke: "#888" }),
      Plot.line(points, { x: "date", y: "value", stroke: "name", strokeWidth: 1.3 }),
      hoverTips(points, {
        x: (d) => d.date,
        y: (d) => d.value,
        series: (d) => d.name,
        title: (d) => `${d.name}, ${isoDate(d.date)}: ${signed(d.value, "bp")} since QT began`,
      }),
      Plot.text(
        points,
        Plot.selectLast({
          x: "date",
          y: "value",
          z: "name",
          text: (d: { name: string; value: number }) => `${d.name}: ${d.value >= 0 ? "+" : ""}${Math.round(d.value)}bp`,
          fill: "name",
          dx: 5,
          textAnchor: "start",
          fontSize: 10,
        }),
      ),
      ...eventMarks(options.events ?? [], { from, to: asOf }),
    ],
  });
}
