/**
 * Live view of the QT-end event study (notebook 04): how the stock indices moved at chosen horizons (in
 * trading days) after each tightening-to-easing pivot of the history, on daily closes. A reader picks the
 * horizons (up to {@link MAX_HORIZON_TRADING_DAYS}); the view redraws the
 * notebook's horizons chart and prints, for the rally series at the longest horizon, the mean change and
 * how many counted episodes it was higher after, with the denominator.
 *
 * The page cannot carry decades of daily closes: for each pivot it keeps the closes from the pivot's close
 * to the longest horizon allowed, two years (lib/calc/tradingDayStudy.ts tradingDayPaths), from which the study at
 * any allowed horizon equals the study on the full series. Which pivots are merged into an earlier episode
 * depends on the rally window, not on the horizons shown, and travels with the data.
 */
import { summariseWindows, type TradingDayPath, windowsOfPaths } from "../../calc/tradingDayStudy.ts";
import type { PivotOverlap } from "../../calc/tradingDayStudy.ts";
import { countOf, signed } from "../../format.ts";
import type { PanelPivot } from "../../plot/eventPaths.ts";
import { pivotHorizonsChart } from "../../plot/pivotHorizons.ts";
import type { LiveFigure, LiveOutput, LiveViewDef } from "../types.ts";

/** The longest horizon a reader may pick (trading days: two years, the declared maximum of horizonsTradingDays). */
export const MAX_HORIZON_TRADING_DAYS = 504;

export interface EventHorizonsData {
  maxHorizonDays: number;
  pivots: PanelPivot[];
  overlaps: PivotOverlap[];
  measures: { id: string; label: string; paths: TradingDayPath[] }[];
  source: string;
  asOf: string;
}

/** The view's parameters: the horizons to show and the series the figures read. */
export interface EventHorizonsParams {
  horizonsTradingDays: number[];
  rallySeriesId: string;
}

/** The horizons in order and each once; refuses horizons the kept closes cannot answer. */
export function horizonParams(data: EventHorizonsData, params: EventHorizonsParams): EventHorizonsParams {
  const h = params.horizonsTradingDays;
  if (h.length === 0 || h.some((x) => !Number.isInteger(x) || x < 1 || x > data.maxHorizonDays)) {
    throw new RangeError(`horizons must be whole trading days from 1 to ${data.maxHorizonDays}, got ${h.join(", ")}`);
  }
  return { ...params, horizonsTradingDays: [...new Set(h)].sort((a, b) => a - b) };
}

/** Each measure's windows and summary at the horizons. */
export function studyOf(data: EventHorizonsData, horizons: readonly number[]) {
  return data.measures.map((m) => {
    const windows = windowsOfPaths(m.paths, horizons);
    return { ...m, windows, summary: summariseWindows(windows, data.overlaps, horizons) };
  });
}

/** The rally series at the longest horizon: the mean over counted episodes and "up k of n". */
export function rallyFigures(data: EventHorizonsData, params: EventHorizonsParams): LiveFigure[] {
  const h = Math.max(...params.horizonsTradingDays);
  const m = studyOf(data, [h]).find((x) => x.id === params.rallySeriesId) ?? studyOf(data, [h])[0];
  const s = m.summary[0];
  return [
    {
      id: `${m.id}Mean`,
      label: `${m.label}, +${h} trading days: mean`,
      value: s.mean ?? null,
      text: signed(s.mean, "pct"),
    },
    { id: `${m.id}Up`, label: `${m.label}, +${h} trading days: higher after`, value: s.nUp, text: countOf(s.nUp, s.n) },
  ];
}

/** The notebook's horizons chart (daily measures) at the params' horizons, with the rally figures. */
export function eventHorizonsLiveView(data: EventHorizonsData, params: EventHorizonsParams): LiveOutput {
  const p = horizonParams(data, params);
  const measures = studyOf(data, p.horizonsTradingDays);
  return {
    chart: pivotHorizonsChart(
      measures.map((m) => ({ ...m, horizonUnit: "trading days" as const, horizons: p.horizonsTradingDays })),
      {
        title: `After the pivot, on daily closes: changes ${
          p.horizonsTradingDays.map((h) => `+${h}`).join("/")
        } trading days later`,
        subtitle:
          "One dot per pivot (hollow: merged into an earlier episode, in no count); black bar: mean of the counted episodes; under each horizon: up k of n.",
        pivots: data.pivots,
        mergedPivotIds: data.overlaps.filter((o) => !o.counted).map((o) => o.pivotId),
        source: data.source,
        asOf: data.asOf,
        note:
          "From the close on the pivot date (or the last before it) to the close h trading days later; a horizon past the data is missing.",
      },
    ),
    figures: rallyFigures(data, p),
  };
}

export const eventHorizonsLive: LiveViewDef<EventHorizonsData, EventHorizonsParams> = {
  name: "eventHorizons",
  title: "The event study at horizons you choose (trading days)",
  view: eventHorizonsLiveView,
  controls: [0, 1, 2, 3].map((i) => ({
    param: `horizonsTradingDays.${i}`,
    label: `Horizon ${i + 1}`,
    unit: "trading days",
    min: 1,
    max: MAX_HORIZON_TRADING_DAYS,
    step: 1,
  })),
};
