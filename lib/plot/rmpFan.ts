/**
 * Reserves under each RMP scenario: a fan per scenario (a quantile band across the sweep of size,
 * organic drain and curve shift), the scenario's central path, the probability-weighted expectation, the
 * "ample" threshold at projected GDP, and the realised path on top (weekly reserves, with month-end points).
 */
import { isoDate, lastDayOfMonth } from "../calendar.ts";
import { fmt } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { QT_EVENTS } from "../calc/policyEvents.ts";

import {
  rmpFans,
  type RmpInputs,
  type RmpParams,
  type RmpScenarioModel,
  rmpScenarioModel,
  type ScenarioFan,
} from "../calc/rmpModel.ts";
import { type Annotation, chartDefaults, eventMarks, hoverTips, render, sourceCaption, utcDate } from "./common.ts";

/** Fixed scenario colours so every RMP chart reads alike. */
export const SCENARIO_COLORS: Record<string, string> = { A: "#4e79a7", B: "#e15759", C: "#f28e2b" };
const FALLBACK = ["#59a14f", "#b07aa1", "#76b7b2"];

/** The colour of a scenario id. */
export function scenarioColor(id: string, index: number): string {
  return SCENARIO_COLORS[id] ?? FALLBACK[index % FALLBACK.length];
}

/** One scenario's band and central path, month by month ($bn). */
export interface FanSeries {
  id: string;
  label: string;
  months: readonly { month: string; lowUsdBn: number; highUsdBn: number; centralUsdBn: number }[];
}

export interface RmpFanChartInput {
  start: { month: string; reservesUsdBn: number };
  fans: readonly FanSeries[];
  expected: readonly { month: string; reservesUsdBn: number }[];
  ample: readonly { month: string; usdBn: number }[];
  realisedWeekly: readonly { date: string; value: number }[];
  realisedMonthEnd: readonly { month: string; weekEnding: string; reservesUsdBn: number }[];
}

export interface RmpFanOptions {
  bandQuantiles: readonly [number, number];
  /** Text describing what the fan sweeps. */
  sweepNote: string;
  /** First date of the realised weekly line. */
  realisedFrom?: string;
  events?: readonly Annotation[];
  asOf?: string;
  width?: number;
}

const defaults = {
  realisedFrom: "2025-06-01",
  source: "Federal Reserve Board H.4.1 (WRESBAL), BEA (GDP), via FRED; qtlab scenario engine",
};

/** The fan chart from prepared series. */
export function rmpFanChart(input: RmpFanChartInput, options: RmpFanOptions) {
  const realisedFrom = options.realisedFrom ?? defaults.realisedFrom;
  const startDate = lastDayOfMonth(input.start.month);
  const withStart = (
    rows: { month: string; v: number }[],
  ) => [
    { date: utcDate(startDate), v: input.start.reservesUsdBn },
    ...rows.map((r) => ({ date: utcDate(lastDayOfMonth(r.month)), v: r.v })),
  ];
  const bands = input.fans.flatMap((f) => [
    { date: utcDate(startDate), lo: input.start.reservesUsdBn, hi: input.start.reservesUsdBn, id: f.label },
    ...f.months.map((m) => ({ date: utcDate(lastDayOfMonth(m.month)), lo: m.lowUsdBn, hi: m.highUsdBn, id: f.label })),
  ]);
  const central = input.fans.flatMap((f) =>
    withStart(f.months.map((m) => ({ month: m.month, v: m.centralUsdBn }))).map((r) => ({ ...r, id: f.label }))
  );
  const expected = withStart(input.expected.map((m) => ({ month: m.month, v: m.reservesUsdBn }))).map((r) => ({
    ...r,
    id: "Expected (probability-weighted)",
  }));
  const ample = input.ample.map((a) => ({ date: utcDate(lastDayOfMonth(a.month)), v: a.usdBn }));
  const weekly = input.realisedWeekly.filter((r) => r.date >= realisedFrom).map((r) => ({
    date: utcDate(r.date),
    v: r.value,
  }));
  const monthEnd = input.realisedMonthEnd.map((r) => ({ date: utcDate(r.weekEnding), v: r.reservesUsdBn }));
  const labels = input.fans.map((f) => f.label);
  const colorDomain = [...labels, "Expected (probability-weighted)", "Realised reserves (weekly)", '"Ample" threshold'];
  const colorRange = [...input.fans.map((f, i) => scenarioColor(f.id, i)), "#111", "#555", "#c0392b"];
  const lastAmple = ample[ample.length - 1];
  const [qLo, qHi] = options.bandQuantiles;
  return render({
    title: "Reserves under the three RMP scenarios, and what happened",
    subtitle: `$bn, month-end. Bands: ${Math.round(qLo * 100)}th–${
      Math.round(qHi * 100)
    }th percentile across ${options.sweepNote}. Lines: each scenario's central path and the probability-weighted expectation.`,
    caption: sourceCaption(
      defaults.source,
      options.asOf ?? "",
      `Realised: WRESBAL weekly (week average), dots at each month's closing week (the first Wednesday on or after month-end). "Ample" threshold: the fitted curve's threshold share × GDP projected at the assumed growth.`,
    ),
    width: options.width ?? chartDefaults.width,
    height: 500,
    marginTop: 30,
    marginRight: 40,
    marginLeft: 60,
    x: { type: "utc", label: null },
    y: { label: "Reserves ($bn)", grid: true, tickFormat: ",.0f" },
    color: { legend: true, domain: colorDomain, range: colorRange },
    marks: [
      Plot.areaY(bands, { x: "date", y1: "lo", y2: "hi", fill: "id", fillOpacity: 0.16, z: "id" }),
      Plot.lineY(central, { x: "date", y: "v", stroke: "id", strokeWidth: 1.8, z: "id" }),
      Plot.lineY(expected, { x: "date", y: "v", stroke: "id", strokeWidth: 1.8, strokeDasharray: "6,3" }),
      Plot.lineY(ample, {
        x: "date",
        y: "v",
        stroke: () => '"Ample" threshold',
        strokeDasharray: "2,3",
        strokeWidth: 1.5,
      }),
      ...(lastAmple
        ? [
          Plot.text([lastAmple], {
            x: "date",
            y: "v",
            text: () => '"ample"',
            dy: -8,
            textAnchor: "end",
            fill: "#c0392b",
            fontSize: 10,
          }),
        ]
        : []),
      Plot.lineY(weekly, { x: "date", y: "v", stroke: () => "Realised reserves (weekly)", strokeWidth: 1 }),
      Plot.dot(monthEnd, { x: "date", y: "v", fill: "#111", r: 3.2 }),
      hoverTips(bands, {
        x: (d) => d.date,
        y: (d) => (d.lo + d.hi) / 2,
        series: (d) => d.id,
        title: (d) => `${d.id}, ${isoDate(d.date)}: reserves ${fmt(d.lo, "usdBn")} to ${fmt(d.hi, "usdBn")} (band)`,
      }),
      hoverTips([...central, ...expected], {
        x: (d) => d.date,
        y: (d) => d.v,
        series: (d) => d.id,
        title: (d) => `${d.id}, ${isoDate(d.date)}: reserves ${fmt(d.v, "usdBn")}`,
      }),
      hoverTips(weekly, {
        x: (d) => d.date,
        y: (d) => d.v,
        title: (d) => `Realised reserves, week of ${isoDate(d.date)}: ${fmt(d.v, "usdBn")}`,
      }),
      ...eventMarks(options.events ?? [], { from: realisedFrom }),
    ],
  });
}

/**
 * The fan chart of a scenario model and its fans (lib/calc/rmpModel.ts rmpScenarioModel, rmpFans), with
 * the realised weekly reserves (`realisedWeekly`, $bn; the chart draws them from 2025-06-01, and its
 * as-of date is their last week).
 */
export function rmpFanOfModel(
  model: RmpScenarioModel,
  fans: readonly ScenarioFan[],
  params: RmpParams,
  realisedWeekly: readonly { date: string; value: number }[],
) {
  const h = params.horizonMonths;
  const series: FanSeries[] = fans.map((f) => {
    const path = model.set.paths.find((p) => p.scenario.id === f.id)!;
    return {
      id: f.id,
      label: `${path.scenario.label} ($${path.scenario.sizeUsdBnPerMonth}bn/mo, p=${path.scenario.probability})`,
      months: path.months.map((m, t) => ({
        month: m.month,
        lowUsdBn: f.reserves.values[t],
        centralUsdBn: m.reservesUsdBn,
        highUsdBn: f.reserves.values[2 * h + t],
      })),
    };
  });
  const events = QT_EVENTS.filter((e) => e.id === "qt-end" || e.id === "rmp-start").map((e) => ({
    date: e.date,
    label: e.label,
  }));
  const n = params.fanGridPoints;
  return rmpFanChart(
    {
      start: { month: model.start.month, reservesUsdBn: model.start.reservesUsdBn },
      fans: series,
      expected: model.set.expected,
      ample: model.ampleUsdBnByMonth,
      realisedWeekly,
      realisedMonthEnd: model.realised.months,
    },
    {
      bandQuantiles: params.fanBandQuantiles,
      sweepNote: `${n} sizes × ${n} organic drains (${params.fanOrganicRangeUsdBnPerMonth[0]} to +${
        params.fanOrganicRangeUsdBnPerMonth[1]
      } $bn/mo around the base)`,
      events,
      asOf: realisedWeekly[realisedWeekly.length - 1]?.date,
    },
  );
}

/**
 * The view the RMP notebook calls: run the scenarios and their fans with the notebook's parameters and
 * draw them with the realised path.
 */
export function rmpFanView(inputs: RmpInputs, params: RmpParams) {
  const model = rmpScenarioModel(inputs, params);
  return rmpFanOfModel(model, rmpFans(model, params), params, inputs.reservesUsdBn);
}
