/**
 * Reserve management purchases per month: each scenario's schedule, the probability-weighted expectation
 * (bars) and the realised monthly change in securities held outright (dots), with the Fed's announced
 * first-round pace for reference.
 */
import { isoDate, lastDayOfMonth } from "../calendar.ts";
import { fmt } from "../format.ts";
import * as Plot from "@observablehq/plot";
import { FED_FIRST_ROUND } from "../calc/realised.ts";

import { type RmpInputs, type RmpParams, type RmpScenarioModel, rmpScenarioModel } from "../calc/rmpModel.ts";
import { chartDefaults, hoverTips, render, sourceCaption, utcDate } from "./common.ts";
import { scenarioColor } from "./rmpFan.ts";

export interface ExpectedRmpChartInput {
  scenarios: readonly { id: string; label: string; months: readonly { month: string; purchasesUsdBn: number }[] }[];
  expected: readonly { month: string; purchasesUsdBn: number }[];
  realised: readonly { month: string; purchasesUsdBn: number }[];
  /** A reference pace ($bn/month) drawn as a rule from `fromMonth` to `toMonth` (default: the horizon's end), e.g. the first round's. */
  reference?: { fromMonth: string; toMonth?: string; usdBnPerMonth: number; label: string };
}

export interface ExpectedRmpOptions {
  schedule: string;
  asOf?: string;
  width?: number;
}

const defaults = {
  source:
    "Federal Reserve Board H.4.1 (TREAST, WSHOMCB), via FRED; FOMC and New York Fed, 2025-12-10; qtlab scenario engine",
};

/** Bars of the expectation, step lines per scenario, realised dots. */
export function expectedRmpChart(input: ExpectedRmpChartInput, options: ExpectedRmpOptions) {
  const x = (month: string) => utcDate(`${month}-01`);
  const mid = (month: string) => utcDate(`${month}-15`);
  // Step lines: each month's value from its first day, held to the first day after the horizon.
  const lines = input.scenarios.flatMap((s) => {
    const pts = s.months.map((m) => ({ date: x(m.month), v: m.purchasesUsdBn, id: s.label }));
    const last = s.months[s.months.length - 1];
    return last
      ? [...pts, { date: utcDate(`${lastDayOfMonth(last.month)}`), v: last.purchasesUsdBn, id: s.label }]
      : pts;
  });
  const bars = input.expected.map((m) => ({ date: x(m.month), v: m.purchasesUsdBn }));
  const realised = input.realised.map((m) => ({ date: mid(m.month), v: m.purchasesUsdBn }));
  const top = Math.max(0, ...lines.map((l) => l.v), ...realised.map((r) => r.v), input.reference?.usdBnPerMonth ?? 0) *
    1.12;
  const bottom = Math.min(0, ...realised.map((r) => r.v)) * 1.12;
  const labels = input.scenarios.map((s) => s.label);
  const domain = [...labels, "Expected (probability-weighted)", "Realised (Δ securities held)"];
  const range = [...input.scenarios.map((s, i) => scenarioColor(s.id, i)), "#dddddd", "#111"];
  const ref = input.reference;
  const last = ref?.toMonth ?? input.expected[input.expected.length - 1]?.month;
  return render({
    title: "Reserve management purchases per month: scenarios, expectation, realised",
    subtitle:
      `$bn per month, ${options.schedule} schedule. Bars: probability-weighted expected purchases. Dots: realised change in Treasuries + MBS held outright.`,
    caption: sourceCaption(
      defaults.source,
      options.asOf ?? "",
      "Realised = monthly change in TREAST + WSHOMCB at the first H.4.1 Wednesday on or after each month's end: MBS principal is reinvested in bills, so the sum moves by net purchases; paydowns booked before their reinvestment make single months noisy.",
    ),
    width: options.width ?? chartDefaults.width,
    height: 400,
    marginTop: 20,
    marginRight: 40,
    x: { type: "utc", label: null },
    y: { label: "Purchases ($bn per month)", grid: true, domain: [bottom, top], nice: true },
    color: { legend: true, domain, range },
    marks: [
      Plot.rectY(bars, {
        x: "date",
        interval: "month",
        y: "v",
        fill: () => "Expected (probability-weighted)",
        inset: 1,
      }),
      Plot.ruleY([0], { stroke: "#333" }),
      ...(ref && last
        ? [
          Plot.ruleY([ref], {
            y: "usdBnPerMonth",
            x1: () => x(ref.fromMonth),
            x2: () => utcDate(lastDayOfMonth(last)),
            stroke: "#555",
            strokeDasharray: "2,3",
          }),
          Plot.text([ref], {
            y: "usdBnPerMonth",
            x: () => utcDate(lastDayOfMonth(last)),
            text: "label",
            textAnchor: "start",
            dx: 4,
            fontSize: 10,
            fill: "#333",
          }),
        ]
        : []),
      Plot.lineY(lines, { x: "date", y: "v", stroke: "id", z: "id", curve: "step-after", strokeWidth: 1.8 }),
      Plot.dot(realised, { x: "date", y: "v", fill: () => "Realised (Δ securities held)", r: 3.5 }),
      hoverTips(lines, {
        x: (d) => d.date,
        y: (d) => d.v,
        series: (d) => d.id,
        title: (d) => `${d.id}, ${isoDate(d.date).slice(0, 7)}: ${fmt(d.v, "usdBnPerMonth", { digits: 1 })}`,
      }),
      hoverTips(realised, {
        x: (d) => d.date,
        y: (d) => d.v,
        title: (d) =>
          `Realised (Δ securities held), ${isoDate(d.date).slice(0, 7)}: ${fmt(d.v, "usdBnPerMonth", { digits: 1 })}`,
      }),
    ],
  });
}

/**
 * The chart of a scenario model (lib/calc/rmpModel.ts rmpScenarioModel): each scenario's schedule, the
 * expectation and the realised months, with the Fed's announced first-round pace; `asOf` is the last
 * week of the holdings data.
 */
export function expectedRmpOfModel(model: RmpScenarioModel, params: RmpParams, asOf: string | undefined) {
  return expectedRmpChart(
    {
      scenarios: model.set.paths.map((p) => ({
        id: p.scenario.id,
        label: `${p.scenario.label} (p=${p.scenario.probability})`,
        months: p.months,
      })),
      expected: model.set.expected,
      realised: model.realised.months,
      reference: {
        fromMonth: FED_FIRST_ROUND.from.slice(0, 7),
        toMonth: model.realised.months.at(-1)?.month,
        usdBnPerMonth: FED_FIRST_ROUND.usdBnPerMonth,
        label: `Fed's announced first round ≈ $${FED_FIRST_ROUND.usdBnPerMonth}bn/month`,
      },
    },
    { schedule: params.scheduleShape, asOf },
  );
}

/** The view the RMP notebook calls. */
export function expectedRmpView(inputs: RmpInputs, params: RmpParams) {
  return expectedRmpOfModel(
    rmpScenarioModel(inputs, params),
    params,
    inputs.treasuriesUsdBn[inputs.treasuriesUsdBn.length - 1]?.date,
  );
}
