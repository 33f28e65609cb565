/**
 * Foreign holdings of Treasuries by country (TIC), 2000 to the latest month: month-end levels above,
 * monthly changes below (one row per holder), with the TIC series breaks shown as data.
 */
import { fmt, signed } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import { type Annotation, chartDefaults, eventMarks, hoverTips, sourceCaption, utcDate } from "./common.ts";
import { panelFigure } from "./panels.ts";
import { document } from "./document.ts";

/** One holder: its name and month-end holdings in $bn (dated on the month's first day). */
export interface HolderLine {
  name: string;
  rows: readonly { date: string; value: number }[];
}

/** A month from which the series is on a new basis; `kind` "slt" is labelled, survey breaks are drawn faint. */
export interface HoldingsBreak {
  date: string;
  kind: "survey" | "slt";
  label: string;
}

export interface ForeignHoldingsChartOptions {
  from?: string;
  to?: string;
  breaks?: readonly HoldingsBreak[];
  /** Dated annotations on the levels panel, drawn as labelled rules. */
  events?: readonly Annotation[];
  /** Points to mark on a holder's line with a dot and a label (e.g. the article's figure). */
  highlights?: readonly { name: string; date: string; label: string }[];
  source?: string;
  asOf?: string;
  width?: number;
}

const defaults = {
  from: "2000-03-01",
  source: "U.S. Treasury, TIC Major Foreign Holders of Treasury Securities (mfhhis01, revised March 18, 2026)",
  colors: ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b"],
};

/**
 * Levels ($bn) and month-on-month changes ($bn) of each holder. A change into a series-break month is
 * drawn grey: it mixes two bases (survey benchmark or the Dec 2011 SLT break) and is not a flow.
 */
export function foreignHoldingsChart(lines: readonly HolderLine[], options: ForeignHoldingsChartOptions = {}) {
  const from = options.from ?? defaults.from;
  const to = options.to ?? "9999-12-31";
  const width = options.width ?? chartDefaults.width;
  const breaks = options.breaks ?? [];
  const breakDates = new Set(breaks.map((b) => b.date));
  const names = lines.map((l) => l.name);
  const colors = defaults.colors.slice(0, names.length);
  const inRange = (d: string) => d >= from && d <= to;
  const levels = lines.flatMap((l) =>
    l.rows.filter((r) => inRange(r.date)).map((r) => ({ date: utcDate(r.date), value: r.value, name: l.name }))
  );
  const changes = lines.flatMap((l) =>
    l.rows.slice(1).flatMap((r, i) =>
      inRange(r.date) && l.rows[i].date >= from
        ? [{
          date: utcDate(r.date),
          change: r.value - l.rows[i].value,
          name: l.name,
          basis: breakDates.has(r.date) ? "series break" : l.name,
        }]
        : []
    )
  );
  const asOf = options.asOf ?? lines.map((l) => l.rows[l.rows.length - 1]?.date ?? "").sort().at(-1) ?? "";
  const survey = breaks.filter((b) => b.kind === "survey" && inRange(b.date)).map((b) => ({ x: utcDate(b.date) }));
  const labelled: Annotation[] = [...breaks.filter((b) => b.kind !== "survey"), ...(options.events ?? [])].map((b) => ({
    date: b.date,
    label: b.label,
  }));
  const last = new Date(Math.max(utcDate(from).getTime(), ...levels.map((p) => p.date.getTime())));
  const x = { type: "utc" as const, label: null, domain: [utcDate(from), last] };
  // The change axis is scaled to the flows; a break-month bar beyond it is clipped (its value is in the data).
  const flowMax = Math.max(1, ...changes.filter((c) => c.basis !== "series break").map((c) => Math.abs(c.change)));
  const tickStep = [10, 20, 25, 50, 100, 200, 250, 500].find((t) => t >= flowMax / 2) ?? 1000;
  const clipped = changes.filter((c) => c.basis === "series break" && Math.abs(c.change) > flowMax * 1.1).length;
  const highlights = (options.highlights ?? []).flatMap((h) => {
    const r = lines.find((l) => l.name === h.name)?.rows.find((p) => p.date === h.date);
    return r ? [{ date: utcDate(h.date), value: r.value, name: h.name, label: h.label }] : [];
  });

  const levelChart = Plot.plot({
    document,
    width,
    height: 300,
    marginLeft: 52,
    marginRight: 120,
    marginTop: 16,
    style: {
      fontFamily: chartDefaults.fontFamily,
      fontSize: chartDefaults.fontSize,
      background: "white",
      overflow: "visible",
    },
    x,
    y: { label: "$bn", grid: true, tickFormat: ",.0f" },
    color: { domain: names, range: colors },
    marks: [
      Plot.ruleX(survey, { x: "x", stroke: "#bbb", strokeWidth: 0.8 }),
      ...eventMarks(labelled, { from, to: asOf }),
      Plot.lineY(levels, { x: "date", y: "value", stroke: "name", strokeWidth: 1.5 }),
      hoverTips(levels, {
        x: (d) => d.date,
        y: (d) => d.value,
        series: (d) => d.name,
        title: (d) => `${d.name}, ${isoDate(d.date).slice(0, 7)}: ${fmt(d.value, "usdBn", { digits: 1 })} held`,
      }),
      Plot.text(
        levels,
        Plot.selectLast({
          x: "date",
          y: "value",
          z: "name",
          text: (d: { name: string; value: number }) => `${d.name} ${Math.round(d.value)}`,
          fill: "name",
          dx: 4,
          textAnchor: "start",
          fontSize: 10.5,
        }),
      ),
      Plot.dot(highlights, { x: "date", y: "value", stroke: "name", fill: "white", r: 4, strokeWidth: 2 }),
      Plot.text(highlights, {
        x: "date",
        y: "value",
        text: "label",
        dy: 16,
        textAnchor: "end",
        fontSize: 10.5,
        fill: "#222",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ],
  }) as unknown as Element;

  const changeChart = Plot.plot({
    document,
    width,
    height: 105 * Math.max(1, names.length) + 30,
    marginLeft: 52,
    marginRight: 120,
    style: {
      fontFamily: chartDefaults.fontFamily,
      fontSize: chartDefaults.fontSize,
      background: "white",
      overflow: "visible",
    },
    x,
    y: {
      label: "$bn",
      grid: true,
      tickFormat: "+,.0f",
      domain: [-flowMax * 1.1, flowMax * 1.1],
      ticks: [-tickStep, 0, tickStep].filter((t) => Math.abs(t) <= flowMax * 1.1),
    },
    fy: { domain: names, label: null, axis: "right", padding: 0.15 },
    color: { domain: [...names, "series break"], range: [...colors, "#bbbbbb"] },
    marks: [
      Plot.frame({ stroke: "#eee" }),
      Plot.ruleY([0], { stroke: "#999" }),
      Plot.rectY(changes, {
        x: "date",
        interval: "month",
        y: "change",
        fill: "basis",
        fy: "name",
        insetLeft: 0.2,
        insetRight: 0.2,
        clip: true,
        title: (d: (typeof changes)[number]) =>
          `${d.name}, ${isoDate(d.date).slice(0, 7)}: ${signed(d.change, "usdBn", { digits: 1 })} on the month${
            d.basis === "series break" ? " (series break)" : ""
          }`,
      }),
    ],
  }) as unknown as Element;

  return panelFigure({
    title: "Foreign holdings of Treasuries: China, Japan, the United Kingdom",
    subtitle:
      `End-of-month holdings, $bn, ${from.slice(0, 7)} to ${
        asOf.slice(0, 7)
      }; monthly changes below (grey: change into a series-break month, not a flow` +
      (clipped ? `; ${clipped} such bars run past the axis and are clipped).` : ")."),
    caption: sourceCaption(
      options.source ?? defaults.source,
      asOf.slice(0, 7),
      "Thin grey rules: annual survey breaks (Mar 2000, June 2002–2011), where the newer series is kept. Holdings are market values, so yield moves change them without any sale.",
    ),
    columns: 1,
    width,
    panels: [
      { heading: "Holdings, $bn (end of month)", chart: levelChart },
      { heading: "Monthly change, $bn", chart: changeChart },
    ],
  });
}
