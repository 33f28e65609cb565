/**
 * Live view of the QT-end event study (notebook 04): how the event series moved at chosen horizons after
 * each tightening-to-easing pivot of the history. A reader picks the horizons (whole months, up to
 * {@link MAX_HORIZON_MONTHS}); the view reruns the notebook's view (lib/plot/views/qtEnd.ts
 * eventHorizonsView, on lib/calc/eventStudy.ts) and prints, for each "risk asset" series, the mean change
 * and how many pivots it rose after at the longest horizon.
 *
 * The page cannot carry decades of daily closes. The event study reads a series only at a pivot and at
 * whole months after it, each time the last observation on or before the date (lib/calc/eventStudy.ts
 * valueOnOrBefore): the data keep exactly those observations for every history pivot and every horizon
 * up to the maximum, plus each series' last observation (where the data end), so that the study on the
 * kept rows equals the study on the full series for any horizons the controls allow.
 */
import { addMonthsIso, knownRows, type Point } from "../../calc/eventStudy.ts";
import { pivotsByIds } from "../../calc/pivots.ts";
import {
  formatChange,
  formatShare,
  historyStudy,
  type QtEndData,
  type QtEndParams,
  type SeriesRows,
} from "../../articles/qt-end-and-risk-assets/qtEnd.ts";
import { eventHorizonsView } from "../../plot/views/qtEnd.ts";
import type { LiveFigure, LiveOutput, LiveViewDef } from "../types.ts";

/** The longest horizon a reader may pick (months): the data are kept for horizons up to it. */
export const MAX_HORIZON_MONTHS = 24;

/** The series the event study can read (lib/articles/qt-end-and-risk-assets/qtEnd.ts eventSeries), trimmed. */
type EventData = Pick<QtEndData, "sp500" | "sp500Monthly" | "nasdaq" | "dgs10" | "igOas">;
const EVENT_KEYS = ["sp500", "sp500Monthly", "nasdaq", "dgs10", "igOas"] as const;

export interface EventHorizonsData {
  /** History pivots the rows were kept for. */
  pivotIds: string[];
  maxHorizonMonths: number;
  series: EventData;
}

/**
 * The observations the event study can read at `dates`: for each date, the last row (as the study
 * reads it: a monthly mean at its month's end) on or before it, and the series' last row. Rows keep
 * their original form and order.
 */
export function rowsReadAt(rows: readonly Point[], dates: readonly string[], monthlyMean = false): Point[] {
  const known = knownRows({ rows, monthlyMean });
  const keep = new Set<number>();
  if (known.length) keep.add(known.length - 1);
  for (const d of dates) {
    let lo = 0;
    let hi = known.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (known[mid].date <= d) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found >= 0) keep.add(found);
  }
  return [...keep].sort((a, b) => a - b).map((i) => rows[i]);
}

/** The view's data: the five event series kept at the history pivots and at 0…max whole months after each. */
export function eventHorizonsData(
  data: QtEndData,
  params: QtEndParams,
  maxHorizonMonths = MAX_HORIZON_MONTHS,
): EventHorizonsData {
  const pivots = pivotsByIds(params.historyPivotIds);
  const dates = pivots.flatMap((p) => Array.from({ length: maxHorizonMonths + 1 }, (_, k) => addMonthsIso(p.date, k)));
  const trim = (s: SeriesRows, monthlyMean = false): SeriesRows => ({
    seriesId: s.seriesId,
    title: s.title,
    units: s.units,
    asOf: s.asOf,
    rows: rowsReadAt(s.rows, dates, monthlyMean),
  });
  const series = Object.fromEntries(
    EVENT_KEYS.map((k) => [k, trim(data[k], k === "sp500Monthly")]),
  ) as unknown as EventData;
  return { pivotIds: [...params.historyPivotIds], maxHorizonMonths, series };
}

/**
 * The params with the horizons in order and each once (a reader moving one slider past another gets the
 * same set of horizons, not an error); refuses horizons the kept rows cannot answer and pivots they were
 * not kept for.
 */
export function horizonParams(data: EventHorizonsData, params: QtEndParams): QtEndParams {
  const h = params.horizonsMonths;
  if (h.length === 0 || h.some((x) => !Number.isInteger(x) || x < 1 || x > data.maxHorizonMonths)) {
    throw new RangeError(`horizons must be whole months from 1 to ${data.maxHorizonMonths}, got ${h.join(", ")}`);
  }
  if (params.historyPivotIds.join() !== data.pivotIds.join()) {
    throw new RangeError(`the page's data are kept for the pivots ${data.pivotIds.join(", ")}`);
  }
  return { ...params, horizonsMonths: [...new Set(h)].sort((a, b) => a - b) };
}

/** The notebook's data with only the event series: the event study reads nothing else (lib/articles/qt-end-and-risk-assets/qtEnd.ts eventSeries). */
const asQtEndData = (data: EventHorizonsData) => data.series as QtEndData;

/** For each rally series at the longest horizon: the mean change across pivots and how many it rose after. */
export function rallyFigures(data: EventHorizonsData, params: QtEndParams): LiveFigure[] {
  const study = historyStudy(asQtEndData(data), params, params.rallySeriesIds);
  const h = Math.max(...params.horizonsMonths);
  return study.series.flatMap((s) => {
    const x = study.summary.find((r) => r.seriesId === s.seriesId && r.horizonMonths === h)!;
    return [
      {
        id: `${s.seriesId}Mean`,
        label: `${s.label}, +${h} months: mean`,
        value: x.mean ?? null,
        text: formatChange(x.mean, x.unit),
      },
      {
        id: `${s.seriesId}Rose`,
        label: `${s.label}, +${h} months: rose after`,
        value: x.nPositive,
        text: formatShare(x.nPositive, x.n),
      },
    ];
  });
}

/** The notebook's horizons chart for the params' horizons (in order, each once), with the rally figures. */
export function eventHorizonsLiveView(data: EventHorizonsData, params: QtEndParams): LiveOutput {
  const p = horizonParams(data, params);
  return { chart: eventHorizonsView(asQtEndData(data), p), figures: rallyFigures(data, p) };
}

export const eventHorizonsLive: LiveViewDef<EventHorizonsData, QtEndParams> = {
  name: "eventHorizons",
  title: "The event study at horizons you choose",
  view: eventHorizonsLiveView,
  controls: [0, 1, 2, 3].map((i) => ({
    param: `horizonsMonths.${i}`,
    label: `Horizon ${i + 1}`,
    min: 1,
    max: MAX_HORIZON_MONTHS,
    step: 1,
  })),
};
