/**
 * Scenario against realised: cumulative purchases since the start under each scenario and the Fed's
 * announced first-round pace, with the realised change in securities held outright on top. The distance
 * that decides which scenario 2026 followed (RMSE of cumulative purchases) is printed per scenario.
 */
import { addMonths, isoDate, lastDayOfMonth } from "../calendar.ts";
import { fmt } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { FED_FIRST_ROUND, type ScenarioDistance } from "../calc/realised.ts";

import { type RmpInputs, type RmpParams, rmpScenarioModel } from "../calc/rmpModel.ts";
import { chartDefaults, hoverTips, render, sourceCaption, utcDate } from "./common.ts";
import { scenarioColor } from "./rmpFan.ts";

export interface RmpRealisedChartInput {
  startMonth: string;
  scenarios: readonly {
    id: string;
    label: string;
    months: readonly { month: string; cumulativePurchasesUsdBn: number }[];
  }[];
  realised: readonly { month: string; weekEnding: string; cumulativePurchasesUsdBn: number }[];
  distances: readonly ScenarioDistance[];
  closestId: string;
  reference?: { label: string; usdBnPerMonth: number };
}

export interface RmpRealisedOptions {
  /** Months shown after the start (default: the realised months plus 3). */
  monthsShown?: number;
  asOf?: string;
  width?: number;
}

const defaults = {
  source:
    "Federal Reserve Board H.4.1 (TREAST, WSHOMCB), via FRED; FOMC and New York Fed, 2025-12-10; qtlab scenario engine",
};

/** Lines of cumulative purchases per scenario, realised dots, distances in the labels. */
export function rmpRealisedChart(input: RmpRealisedChartInput, options: RmpRealisedOptions = {}) {
  const shown = options.monthsShown ?? input.realised.length + 3;
  const startDate = utcDate(lastDayOfMonth(addMonths(input.startMonth, -1)));
  const dist = new Map(input.distances.map((d) => [d.id, d]));
  const label = (s: { id: string; label: string }) => {
    const d = dist.get(s.id);
    return d
      ? `${s.label}: RMSE ${fmt(d.rmseCumulativePurchasesUsdBn, "usdBn")}${
        s.id === input.closestId ? " (closest)" : ""
      }`
      : s.label;
  };
  const lines = input.scenarios.flatMap((s) => [
    { date: startDate, v: 0, id: label(s) },
    ...s.months.slice(0, shown).map((m) => ({
      date: utcDate(lastDayOfMonth(m.month)),
      v: m.cumulativePurchasesUsdBn,
      id: label(s),
    })),
  ]);
  const ref = input.reference;
  const refLine = ref
    ? [
      { date: startDate, v: 0 },
      ...(input.scenarios[0]?.months.slice(0, shown) ?? []).map((m, i) => ({
        date: utcDate(lastDayOfMonth(m.month)),
        v: ref.usdBnPerMonth * (i + 1),
      })),
    ]
    : [];
  const realised = [
    { date: startDate, v: 0 },
    ...input.realised.map((r) => ({ date: utcDate(r.weekEnding), v: r.cumulativePurchasesUsdBn })),
  ];
  const domain = [...input.scenarios.map(label), ...(ref ? [ref.label] : []), "Realised"];
  const range = [...input.scenarios.map((s, i) => scenarioColor(s.id, i)), ...(ref ? ["#777"] : []), "#111"];
  return render({
    title: "Which scenario did the data follow? Cumulative purchases since the start",
    subtitle:
      "$bn. Lines: each scenario's cumulative purchases (label: RMSE against realised over the realised months). Black: realised change in Treasuries + MBS held outright.",
    caption: sourceCaption(
      defaults.source,
      options.asOf ?? "",
      "Month-end = the first H.4.1 Wednesday on or after the month's last day (Wednesday levels). The reference line is the announced first-round pace held flat, for scale only.",
    ),
    width: options.width ?? chartDefaults.width,
    height: 420,
    marginTop: 20,
    marginRight: 40,
    x: { type: "utc", label: null },
    y: { label: "Cumulative purchases ($bn)", grid: true },
    color: { legend: true, domain, range },
    marks: [
      Plot.ruleY([0], { stroke: "#333" }),
      Plot.lineY(lines, { x: "date", y: "v", stroke: "id", z: "id", strokeWidth: 1.8 }),
      ...(ref ? [Plot.lineY(refLine, { x: "date", y: "v", stroke: () => ref.label, strokeDasharray: "2,3" })] : []),
      Plot.lineY(realised, { x: "date", y: "v", stroke: () => "Realised", strokeWidth: 2.2 }),
      Plot.dot(realised.slice(1), { x: "date", y: "v", fill: "#111", r: 3.5 }),
      hoverTips(lines, {
        x: (d) => d.date,
        y: (d) => d.v,
        series: (d) => d.id,
        title: (d) => `${d.id}, to ${isoDate(d.date)}: ${fmt(d.v, "usdBn")} bought`,
      }),
      hoverTips(realised, {
        x: (d) => d.date,
        y: (d) => d.v,
        title: (d) => `Realised, to ${isoDate(d.date)}: ${fmt(d.v, "usdBn")} bought`,
      }),
      Plot.text(realised.slice(-1), {
        x: "date",
        y: "v",
        text: (d: { v: number }) => fmt(d.v, "usdBn"),
        dx: 6,
        textAnchor: "start",
        fontSize: 11,
        fontWeight: 600,
      }),
    ],
  });
}

/** The view the RMP notebook calls. */
export function rmpRealisedView(inputs: RmpInputs, params: RmpParams) {
  const model = rmpScenarioModel(inputs, params);
  return rmpRealisedChart(
    {
      startMonth: params.startMonth,
      scenarios: model.set.paths.map((p) => ({
        id: p.scenario.id,
        label: `${p.scenario.id} $${p.scenario.sizeUsdBnPerMonth}bn/mo`,
        months: p.months,
      })),
      realised: model.realised.months,
      distances: model.distances,
      closestId: model.closest.id,
      reference: {
        label: `Fed's first round ≈ $${FED_FIRST_ROUND.usdBnPerMonth}bn/mo (held flat)`,
        usdBnPerMonth: FED_FIRST_ROUND.usdBnPerMonth,
      },
    },
    { asOf: inputs.treasuriesUsdBn[inputs.treasuriesUsdBn.length - 1]?.date },
  );
}
