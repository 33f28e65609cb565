/**
 * SOFR − IORB and EFFR − IORB since 2018, daily with a rolling mean, the Sep 2019 repo spike and late
 * 2025 marked. Before IORB existed (2021-07-29) there is no IORB and qtlab ships no IOER: the chart shows
 * SOFR and EFFR against the top of the target range instead, as separately named, dashed grey proxy lines,
 * so 2019 is visible without pretending it is the same spread.
 */
import { signed } from "../format.ts";
import { isoDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import {
  IORB_START,
  rollingSpreadStats,
  SCARCITY_EPISODES,
  spreadBpDaily,
  type SpreadPoint,
} from "../calc/moneyMarket.ts";
import { QT_EVENTS } from "../calc/policyEvents.ts";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

/** One line of the chart. `kind` sets its style: daily (thin), rolling mean (thick) or proxy (dashed grey). */
export interface SpreadLine {
  name: string;
  kind: "daily" | "rolling" | "proxy";
  rows: readonly SpreadPoint[];
}

export interface MoneyMarketSpreadsOptions {
  from?: string;
  to?: string;
  /** y range shown (bp); values outside are clipped and named in an off-scale note. */
  yDomainBp?: readonly [number, number];
  events?: readonly Annotation[];
  /** Shaded windows (from, to, label). */
  windows?: readonly { from: string; to: string; label: string }[];
  asOf?: string;
  windowDays?: number;
  width?: number;
}

const defaults = {
  from: "2018-04-01",
  yDomainBp: [-30, 40] as const,
  source: "New York Fed (SOFR, EFFR) and Federal Reserve Board (IORB, target range DFEDTARU), via FRED",
};

/** The chart from prepared lines (bp). */
export function moneyMarketSpreadsChart(lines: readonly SpreadLine[], options: MoneyMarketSpreadsOptions = {}) {
  const from = options.from ?? defaults.from;
  const to = options.to;
  const [y0, y1] = options.yDomainBp ?? defaults.yDomainBp;
  const inRange = (d: string) => d >= from && (!to || d <= to);
  const points = lines.flatMap((l) =>
    l.rows.filter((r) => inRange(r.date)).map((r) => ({
      date: utcDate(r.date),
      value: r.spreadBp,
      name: l.name,
      kind: l.kind,
    }))
  );
  const offScale = lines
    .filter((l) => l.kind !== "rolling")
    .flatMap((l) =>
      l.rows.filter((r) => inRange(r.date) && (r.spreadBp > y1 || r.spreadBp < y0)).map((r) => ({ ...r, name: l.name }))
    )
    .sort((a, b) => Math.abs(b.spreadBp) - Math.abs(a.spreadBp));
  const top = offScale[0];
  const asOf = options.asOf ?? lines.map((l) => l.rows[l.rows.length - 1]?.date ?? "").sort().at(-1) ?? "";
  const names = lines.map((l) => l.name);
  // Daily lines pale, rolling means dark, proxies grey; by line kind and order (SOFR first, then EFFR).
  const pale = ["#a9c4e2", "#f3a9a9"];
  const dark = ["#1f4e89", "#b3262b"];
  const grey = ["#8a8a8a", "#bdbdbd"];
  const counters = { daily: 0, rolling: 0, proxy: 0 };
  const palette = lines.map((l) => ({ daily: pale, rolling: dark, proxy: grey })[l.kind][counters[l.kind]++ % 2]);
  const windows = (options.windows ?? []).filter((w) => w.to >= from);
  return render({
    title: "Overnight rates against interest on reserves",
    subtitle: `Daily spread and its ${
      options.windowDays ?? 20
    }-business-day mean, bp. Positive = the market rate above IORB: the scarcity signal.`,
    caption: sourceCaption(
      defaults.source,
      asOf,
      `IORB starts ${IORB_START}; IOER, its predecessor, is not in qtlab's data, so before then the grey dashed lines show SOFR and EFFR minus the top of the target range (a proxy, not the same spread).${
        top
          ? ` Off scale: ${top.name} ${top.spreadBp > 0 ? "+" : ""}${Math.round(top.spreadBp)} bp on ${top.date}${
            offScale.length > 1 ? ` (${offScale.length} daily values outside ${y0} to ${y1} bp in all)` : ""
          }.`
          : ""
      }`,
    ),
    width: options.width ?? chartDefaults.width,
    height: 460,
    marginTop: 30,
    x: { type: "utc", label: null },
    y: { label: "Spread (bp)", grid: true, domain: [y0, y1], clamp: false },
    color: { legend: true, domain: names, range: palette.slice(0, names.length) },
    marks: [
      ...windows.map((w) =>
        Plot.rectX([w], {
          x1: (d: typeof w) => utcDate(d.from),
          x2: (d: typeof w) => utcDate(d.to),
          fill: "#f6d8a8",
          fillOpacity: 0.45,
        })
      ),
      ...windows.map((w) =>
        Plot.text([w], {
          x: (d: typeof w) => utcDate(d.from),
          text: (d: typeof w) => d.label,
          frameAnchor: "bottom",
          textAnchor: "end",
          dx: -4,
          dy: -4,
          fontSize: 10,
          fill: "#8a5a00",
        })
      ),
      Plot.ruleY([0], { stroke: "#333", strokeWidth: 0.8 }),
      Plot.lineY(points.filter((p) => p.kind === "daily"), {
        x: "date",
        y: "value",
        stroke: "name",
        strokeWidth: 0.7,
        clip: true,
      }),
      Plot.lineY(points.filter((p) => p.kind === "proxy"), {
        x: "date",
        y: "value",
        stroke: "name",
        strokeWidth: 0.8,
        strokeDasharray: "3,2",
        clip: true,
      }),
      Plot.lineY(points.filter((p) => p.kind === "rolling"), {
        x: "date",
        y: "value",
        stroke: "name",
        strokeWidth: 1.8,
        clip: true,
      }),
      hoverTips(points.filter((p) => p.value >= y0 && p.value <= y1), {
        x: (d) => d.date,
        y: (d) => d.value,
        series: (d) => d.name,
        title: (d) => `${d.name}, ${isoDate(d.date)}: ${signed(d.value, "bp", { digits: 1 })}`,
      }),
      ...eventMarks(options.events ?? [], { from, to }),
    ],
  });
}

/** Inputs of {@link moneyMarketSpreadsView}: daily rates in pct. */
export interface MoneyMarketSpreadsInputs {
  sofrPct: readonly { date: string; value: number }[];
  effrPct: readonly { date: string; value: number }[];
  iorbPct: readonly { date: string; value: number }[];
  targetUpperPct: readonly { date: string; value: number }[];
}

/** Parameters of {@link moneyMarketSpreadsView}. */
export interface MoneyMarketSpreadsParams {
  rollingWindowDays: number;
  spreadChartFrom?: string;
  spreadChartDomainBp?: readonly [number, number];
}

/**
 * The view the RMP notebook calls: daily SOFR − IORB and EFFR − IORB, their rolling means, the proxy lines
 * before IORB, the scarcity episodes and QT's events.
 */
export function moneyMarketSpreadsView(inputs: MoneyMarketSpreadsInputs, params: MoneyMarketSpreadsParams) {
  const sofr = spreadBpDaily(inputs.sofrPct, inputs.iorbPct);
  const effr = spreadBpDaily(inputs.effrPct, inputs.iorbPct);
  const before = (rows: SpreadPoint[]) => rows.filter((r) => r.date < IORB_START);
  const lines: SpreadLine[] = [
    { name: "SOFR − IORB", kind: "daily", rows: sofr },
    {
      name: `SOFR − IORB, ${params.rollingWindowDays}-day mean`,
      kind: "rolling",
      rows: rollingSpreadStats(sofr, { windowDays: params.rollingWindowDays }).map((r) => ({
        date: r.date,
        spreadBp: r.meanBp,
      })),
    },
    { name: "EFFR − IORB", kind: "daily", rows: effr },
    {
      name: `EFFR − IORB, ${params.rollingWindowDays}-day mean`,
      kind: "rolling",
      rows: rollingSpreadStats(effr, { windowDays: params.rollingWindowDays }).map((r) => ({
        date: r.date,
        spreadBp: r.meanBp,
      })),
    },
    {
      name: "SOFR − top of range (proxy, pre-IORB)",
      kind: "proxy",
      rows: before(spreadBpDaily(inputs.sofrPct, inputs.targetUpperPct)),
    },
    {
      name: "EFFR − top of range (proxy, pre-IORB)",
      kind: "proxy",
      rows: before(spreadBpDaily(inputs.effrPct, inputs.targetUpperPct)),
    },
  ];
  const asOf = [inputs.sofrPct, inputs.effrPct, inputs.iorbPct].map((r) => r[r.length - 1]?.date ?? "").sort()[0];
  const point = SCARCITY_EPISODES.filter((e) => !e.to).map((e) => ({ date: e.date, label: e.label }));
  const windows = SCARCITY_EPISODES.filter((e) => e.to).map((e) => ({ from: e.date, to: e.to!, label: e.label }));
  const qt = QT_EVENTS.filter((e) => ["qt-start", "qt-end"].includes(e.id)).map((e) => ({
    date: e.date,
    label: e.label,
  }));
  return moneyMarketSpreadsChart(lines, {
    from: params.spreadChartFrom,
    yDomainBp: params.spreadChartDomainBp,
    events: [...point, ...qt, { date: IORB_START, label: "IORB starts" }],
    windows,
    asOf,
    windowDays: params.rollingWindowDays,
  });
}
