/**
 * The QT-end event-study live view (notebook 04): on the observations the page keeps, the horizons chart
 * is exactly the notebook's view on the full series, and the figures are lib/calc's event-study summary,
 * for any horizons the controls allow; the controls resolve against the notebook's parameters cell.
 */
import { describe, expect, test } from "vitest";
import {
  formatChange,
  formatShare,
  historyStudy,
  type QtEndData,
  type QtEndParams,
} from "../../../lib/articles/qt-end-and-risk-assets/qtEnd.ts";
import { loadEquity } from "../../../lib/data/equities.ts";
import { loadH15 } from "../../../lib/data/h15.ts";
import { loadH41 } from "../../../lib/data/h41.ts";
import { loadIce } from "../../../lib/data/ice.ts";
import { loadMacro } from "../../../lib/data/macro.ts";
import { resolveControls, strictJson, withValues } from "../../../lib/live/controls.ts";
import { liveSpec } from "../../../lib/live/liveView.ts";
import { LIVE_VIEWS } from "../../../lib/live/registry.ts";
import {
  eventHorizonsData,
  eventHorizonsLive,
  eventHorizonsLiveView,
  rowsReadAt,
} from "../../../lib/live/views/eventHorizons.ts";
import { eventHorizonsView } from "../../../lib/plot/views/qtEnd.ts";
import { declaredParameters } from "./notebookParams.ts";

const declared = declaredParameters("04-qt-end-and-risk-assets");
const params = declared as unknown as QtEndParams;
const full: QtEndData = {
  walcl: loadH41("WALCL"),
  treast: loadH41("TREAST"),
  mbs: loadH41("WSHOMCB"),
  targetUpper: loadH15("DFEDTARU"),
  targetLower: loadH15("DFEDTARL"),
  dff: loadH15("DFF"),
  sp500: loadEquity("SP500"),
  sp500Monthly: loadEquity("SP500_monthly_shiller"),
  nasdaq: loadEquity("NASDAQCOM"),
  dgs10: loadH15("DGS10"),
  dgs3mo: loadH15("DGS3MO"),
  igOas: loadIce(),
  mmf: loadMacro("MMMFFAQ027S"),
};
/** The page's data, after its JSON round trip. */
const data = JSON.parse(strictJson(eventHorizonsData(full, params), "data")) as ReturnType<typeof eventHorizonsData>;
const horizons = (h: number[]) => withValues(params, Object.fromEntries(h.map((x, i) => [`horizonsMonths.${i}`, x])));

describe("rowsReadAt(rows, dates, monthlyMean)", () => {
  const rows = [{ date: "2020-01-02", value: 1 }, { date: "2020-01-03", value: 2 }, { date: "2020-02-03", value: 3 }, {
    date: "2020-02-10",
    value: 4,
  }, { date: "2020-03-02", value: 5 }];
  test("keeps the last row on or before each date and the last row", () => {
    expect(rowsReadAt(rows, ["2020-01-31", "2020-02-05", "2019-12-31"])).toEqual([rows[1], rows[2], rows[4]]);
  });
  test("a monthly mean is read at its month's end (lib/calc/eventStudy.ts knownRows)", () => {
    const monthly = [{ date: "2020-01-01", value: 1 }, { date: "2020-02-01", value: 2 }, {
      date: "2020-03-01",
      value: 3,
    }];
    expect(rowsReadAt(monthly, ["2020-02-15"], true)).toEqual([monthly[0], monthly[2]]);
    expect(rowsReadAt(monthly, ["2020-02-29"], true)).toEqual([monthly[1], monthly[2]]);
  });
});

describe("eventHorizons: data, registration, controls", () => {
  test("registered; the page keeps a few hundred observations per series (under 40 kB), ending where the data end", () => {
    expect(LIVE_VIEWS.eventHorizons).toBe(eventHorizonsLive);
    expect(JSON.stringify(data).length).toBeLessThan(40_000);
    expect(data.series.nasdaq.rows.at(-1)).toEqual(full.nasdaq.rows.at(-1));
    expect(data.series.nasdaq.rows.length).toBeLessThan(full.nasdaq.rows.length / 20);
  });
  test("the four horizon controls resolve against the notebook's parameters cell, in months", () => {
    const controls = resolveControls(eventHorizonsLive.controls, declared, "04");
    expect(controls.map((c) => (c.kind === "number" ? [c.value, c.unit, c.max] : null))).toEqual(
      (declared.horizonsMonths as number[]).map((h) => [h, "months", 24]),
    );
    expect(() => liveSpec("eventHorizons", data, params)).not.toThrow();
  });
});

describe("eventHorizons: the chart and figures equal the notebook's view and lib/calc on the full series", () => {
  test.each([[[1, 3, 6, 12]], [[2, 9, 18, 24]], [[1, 2, 3, 4]], [[5, 7, 11, 23]]])("horizons %j", (h) => {
    const p = horizons(h);
    const out = eventHorizonsLiveView(data, p);
    expect(out.chart.outerHTML).toBe(eventHorizonsView(full, p).outerHTML);
    const study = historyStudy(full, p, p.rallySeriesIds);
    const last = Math.max(...h);
    const figs = Object.fromEntries((out.figures ?? []).map((f) => [f.id, f]));
    for (const s of study.series) {
      const x = study.summary.find((r) => r.seriesId === s.seriesId && r.horizonMonths === last)!;
      expect(figs[`${s.seriesId}Mean`].value).toBe(x.mean);
      expect(figs[`${s.seriesId}Mean`].text).toBe(formatChange(x.mean, x.unit));
      expect(figs[`${s.seriesId}Rose`].text).toBe(formatShare(x.nPositive, x.n));
    }
  });

  test("horizons out of order or repeated are read in order, once; out of range or other pivots are refused", () => {
    expect(eventHorizonsLiveView(data, horizons([12, 3, 3, 1])).chart.outerHTML).toBe(
      eventHorizonsView(full, { ...params, horizonsMonths: [1, 3, 12] }).outerHTML,
    );
    expect(() => eventHorizonsLiveView(data, horizons([1, 3, 6, 25]))).toThrow(
      "horizons must be whole months from 1 to 24",
    );
    expect(() => eventHorizonsLiveView(data, horizons([0, 3, 6, 12]))).toThrow(RangeError);
    expect(() => eventHorizonsLiveView(data, withValues(params, { historyPivotIds: ["2019-07-31"] }))).toThrow(
      /kept for the pivots/,
    );
  });
});
