/**
 * Sensitivity of the outcome to the assumptions: the implied spread (bp) at the horizon's last month for
 * each monthly purchase size × organic drain, one panel per shift of the demand curve's threshold.
 */
import { fmt, signed } from "../format.ts";
import * as Plot from "@observablehq/plot";
import {
  type RmpInputs,
  type RmpParams,
  rmpScenarioModel,
  rmpSensitivity,
  type SensitivityCell,
} from "../calc/rmpModel.ts";
import { chartDefaults, render, sourceCaption } from "./common.ts";

export interface RmpSensitivityOptions {
  month: string;
  spreadName: string;
  /** The scenarios' sizes, marked on the size axis. */
  scenarioSizes?: readonly { id: string; sizeUsdBnPerMonth: number }[];
  asOf?: string;
  width?: number;
}

const defaults = { source: "qtlab scenario engine on the curve fitted to H.4.1, H.15, SOFR and GDP data" };

/** A heatmap per curve shift: x purchase size, y organic drain, colour and label the spread (bp). */
export function rmpSensitivityChart(cells: readonly SensitivityCell[], options: RmpSensitivityOptions) {
  const shifts = [...new Set(cells.map((c) => c.curveShiftPp))].sort((a, b) => a - b);
  const panel = (s: number) => `curve shift ${s > 0 ? "+" : ""}${s} pp`;
  const rows = cells.map((c) => ({
    ...c,
    size: String(c.sizeUsdBnPerMonth),
    organic: String(c.organicUsdBnPerMonth),
    panel: panel(c.curveShiftPp),
  }));
  const sizes = sizeColumns(cells);
  const organics = [...new Set(cells.map((c) => c.organicUsdBnPerMonth))].sort((a, b) => a - b).map(String);
  const marks = scenarioColumns(cells, options.scenarioSizes ?? []);
  return render({
    title: `Sensitivity: implied ${options.spreadName} in ${options.month}`,
    subtitle:
      "bp, by monthly purchase size and organic drain (currency + TGA + other growth). Panels: the demand curve moved right (banks want more reserves) or left, in pp of GDP.",
    caption: sourceCaption(
      defaults.source,
      options.asOf ?? "",
      "Positive (red) = the market rate above IORB at the horizon; values far outside the fitted share range are extrapolations of the curve.",
    ),
    width: options.width ?? chartDefaults.width,
    height: 170 + 26 * organics.length,
    marginLeft: 60,
    marginBottom: 40,
    marginTop: 56,
    x: { label: "Purchases ($bn per month)", domain: sizes },
    y: { label: "Organic drain ($bn/month)", domain: organics, reverse: true },
    fx: { label: null, domain: shifts.map(panel), tickPadding: 20 },
    // A threshold scale: its legend is drawn with rects (a continuous ramp needs a canvas, absent server-side).
    color: {
      type: "threshold",
      scheme: "RdBu",
      reverse: true,
      domain: [-10, -5, -2, 0, 2, 5, 10, 20],
      legend: true,
      label: "bp",
    },
    marks: [
      Plot.cell(rows, {
        x: "size",
        y: "organic",
        fx: "panel",
        fill: "spreadBp",
        inset: 0.5,
        title: (d: (typeof rows)[number]) =>
          `${d.panel}: purchases ${fmt(d.sizeUsdBnPerMonth, "usdBnPerMonth", { trim: true })}, organic drain ${
            fmt(d.organicUsdBnPerMonth, "usdBnPerMonth", { trim: true })
          } → ${signed(d.spreadBp, "bp", { digits: 1 })}, reserves ${fmt(d.reservesUsdBn, "usdBn")}`,
      }),
      Plot.text(rows, {
        x: "size",
        y: "organic",
        fx: "panel",
        text: (d: SensitivityCell) => String(Math.round(d.spreadBp) || 0),
        fontSize: 9,
        fill: (d: SensitivityCell) => (d.spreadBp > 10 || d.spreadBp < -5 ? "white" : "#222"),
        // The cell under the figure keeps its hover tip.
        pointerEvents: "none",
      }),
      ...(marks.length
        ? [
          Plot.text(marks, {
            x: "column",
            frameAnchor: "top",
            dy: -8,
            text: "id",
            fontWeight: 700,
            fontSize: 11,
          }),
        ]
        : []),
    ],
  });
}

/** The purchase sizes of the grid ($bn per month), ascending, as the x axis' text values. */
function sizeColumns(cells: readonly SensitivityCell[]): string[] {
  return [...new Set(cells.map((c) => c.sizeUsdBnPerMonth))].sort((a, b) => a - b).map(String);
}

/**
 * Where the chart marks each scenario: the column of the grid's purchase size nearest the scenario's own
 * (text, as on the x axis). All the chart draws of the scenarios: two sets of sizes that mark the same
 * columns draw the same chart.
 */
export function scenarioColumns(
  cells: readonly SensitivityCell[],
  scenarioSizes: readonly { id: string; sizeUsdBnPerMonth: number }[],
): { id: string; column: string }[] {
  const sizes = sizeColumns(cells);
  return scenarioSizes.map((s) => ({ id: s.id, column: nearest(sizes, s.sizeUsdBnPerMonth) }));
}

/** The grid value (as text) closest to `v`. */
function nearest(grid: readonly string[], v: number): string {
  return grid.reduce((best, g) => (Math.abs(+g - v) < Math.abs(+best - v) ? g : best), grid[0]);
}

/** The view the RMP notebook calls. */
export function rmpSensitivityView(inputs: RmpInputs, params: RmpParams) {
  const model = rmpScenarioModel(inputs, params);
  const { month, cells } = rmpSensitivity(model, params);
  return rmpSensitivityChart(cells, {
    month,
    spreadName: params.curveSpread === "SOFR-IORB" ? "SOFR − IORB" : "EFFR − IORB",
    scenarioSizes: model.set.paths.map((p) => ({ id: p.scenario.id, sizeUsdBnPerMonth: p.scenario.sizeUsdBnPerMonth })),
    asOf: inputs.reservesUsdBn[inputs.reservesUsdBn.length - 1]?.date,
  });
}
