/**
 * The live-view fixture: a small purchases path (flat or front-loaded, weighted over three scenarios) with
 * its expected monthly size and total. It exists so the live-view machinery (declaration, page bundle,
 * export hook, browser tests) is proven on a view whose numbers a test can work out by hand; it is not an
 * argument of any notebook.
 */
import { addMonths } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import { render, sourceCaption, utcDate } from "../plot/common.ts";
import type { LiveOutput, LiveViewDef } from "./types.ts";

export interface PurchasesFixtureData {
  /** First month of the path ("YYYY-MM"). */
  startMonth: string;
  /** Realised purchases by month ($bn), drawn as dots. */
  realised: readonly { month: string; purchasesUsdBn: number }[];
  asOf: string;
}

export interface PurchasesFixtureParams {
  /** The base scenario's monthly purchases ($bn/month). */
  purchasesUsdBnPerMonth: number;
  /** Length of the path (months). */
  months: number;
  /** "flat": the same size every month; "front-loaded": `frontLoadMultiple` × size for the first `frontLoadMonths`, then less, same total. */
  scheduleShape: "flat" | "front-loaded";
  frontLoadMultiple: number;
  frontLoadMonths: number;
  /** Each scenario's size as a multiple of the base (unitless). */
  scenarioMultiples: Record<string, number>;
  /** Each scenario's probability (sum 1). */
  scenarioProbabilities: Record<string, number>;
}

/** Re-exported from lib/calc/monthly.ts. */
export { addMonths };

/** Σ probability × multiple over the scenarios (unitless). */
export function expectedMultiple(params: Pick<PurchasesFixtureParams, "scenarioMultiples" | "scenarioProbabilities">): number {
  return Object.entries(params.scenarioProbabilities).reduce((s, [id, p]) => s + p * (params.scenarioMultiples[id] ?? 0), 0);
}

/**
 * The expected purchases path ($bn per month, one row per month from `startMonth`): the schedule shape
 * applied to the base size, times the expected multiple. Front-loaded: the first k = min(frontLoadMonths,
 * months) months at multiple × size, the rest share what keeps the total at months × size (never below 0).
 */
export function purchasesPath(startMonth: string, params: PurchasesFixtureParams): { month: string; purchasesUsdBn: number }[] {
  const n = Math.max(0, Math.round(params.months));
  const size = params.purchasesUsdBnPerMonth * expectedMultiple(params);
  const k = Math.min(Math.round(params.frontLoadMonths), n);
  const rest = n > k ? Math.max(0, (n * size - k * params.frontLoadMultiple * size) / (n - k)) : size;
  return Array.from({ length: n }, (_, t) => ({
    month: addMonths(startMonth, t),
    purchasesUsdBn: params.scheduleShape === "front-loaded" && k < n ? (t < k ? params.frontLoadMultiple * size : rest) : size,
  }));
}

const usd = (v: number) => `$${v.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}bn`;

/**
 * The fixture's chart and figures: expected purchases per month, the total, and month 1's purchases.
 * Throws a RangeError for a front-loaded path with no month after the front (as real calculators refuse
 * inputs they cannot honour), which the page must report without losing its chart.
 */
export function purchasesFixtureView(data: PurchasesFixtureData, params: PurchasesFixtureParams): LiveOutput {
  if (params.scheduleShape === "front-loaded" && params.frontLoadMonths >= params.months) {
    throw new RangeError(`a front-loaded path needs months after the front: ${params.frontLoadMonths} front-loaded months of ${params.months}`);
  }
  const path = purchasesPath(data.startMonth, params);
  const total = path.reduce((s, r) => s + r.purchasesUsdBn, 0);
  const perMonth = path.length ? total / path.length : 0;
  const x = (month: string) => utcDate(`${month}-01`);
  const chart = render({
    title: "Fixture: expected purchases per month",
    subtitle: `$bn per month, ${params.scheduleShape} schedule over ${path.length} months, weighted over ${Object.keys(params.scenarioProbabilities).length} scenarios.`,
    caption: sourceCaption("qtlab live-view test fixture", data.asOf),
    width: 720,
    height: 300,
    x: { type: "utc", label: null },
    y: { label: "Purchases ($bn per month)", grid: true, domain: [0, Math.max(10, ...path.map((r) => r.purchasesUsdBn), ...data.realised.map((r) => r.purchasesUsdBn)) * 1.1] },
    marks: [
      Plot.rectY(path, { x: (r) => x(r.month), interval: "month", y: "purchasesUsdBn", fill: "#4e79a7", inset: 1 }),
      Plot.ruleY([0], { stroke: "#333" }),
      Plot.ruleY([perMonth], { stroke: "#c0392b", strokeDasharray: "4,3" }),
      Plot.dot(data.realised, { x: (r) => utcDate(`${r.month}-15`), y: "purchasesUsdBn", fill: "#111", r: 3.5 }),
    ],
  });
  return {
    chart,
    figures: [
      { id: "expectedPerMonth", label: "Expected purchases", value: perMonth, text: `${usd(perMonth)}/month` },
      { id: "total", label: `Total over ${path.length} months`, value: total, text: usd(total) },
      { id: "firstMonth", label: "First month", value: path[0]?.purchasesUsdBn ?? null, text: path.length ? usd(path[0].purchasesUsdBn) : "none" },
    ],
  };
}

/** The fixture as a registered live view. */
export const purchasesFixture: LiveViewDef<PurchasesFixtureData, PurchasesFixtureParams> = {
  name: "purchasesFixture",
  title: "Fixture: expected purchases per month",
  view: purchasesFixtureView,
  controls: [
    { param: "purchasesUsdBnPerMonth", label: "Base purchases", min: 0, max: 100, step: 1 },
    { param: "months", label: "Length", min: 1, max: 24, step: 1 },
    { kind: "choice", param: "scheduleShape", label: "Schedule", options: [{ value: "flat", label: "flat" }, { value: "front-loaded", label: "front-loaded" }] },
    { param: "frontLoadMultiple", label: "Front-load multiple", unit: "×", min: 1, max: 3, step: 0.1 },
    { param: "frontLoadMonths", label: "Front-loaded months", min: 1, max: 12, step: 1 },
    {
      kind: "probabilities",
      label: "Scenario probabilities",
      members: [
        { param: "scenarioProbabilities.low", label: "Low" },
        { param: "scenarioProbabilities.base", label: "Base" },
        { param: "scenarioProbabilities.high", label: "High" },
      ],
    },
  ],
};
