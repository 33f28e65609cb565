/**
 * The QT-end event-study live view (notebook 04): on the closes the page keeps, the figures and the
 * counts equal the run's daily measures on the full series for any horizons the controls allow (in
 * trading days); the controls resolve against the notebook's parameters cell.
 */
import { describe, expect, test } from "vitest";
import { runArticle } from "../../../lib/articles/article.ts";
import { qtEndArticle } from "../../../lib/articles/qt-end-and-risk-assets/notebook.ts";
import { qtEndParams } from "../../../lib/articles/qt-end-and-risk-assets/params.ts";
import { eventHorizonsDataOf } from "../../../lib/articles/qt-end-and-risk-assets/views.ts";
import { countOf, signed } from "../../../lib/format.ts";
import { resolveControls, strictJson, withValues } from "../../../lib/live/controls.ts";
import { liveSpec } from "../../../lib/live/liveView.ts";
import { LIVE_VIEWS } from "../../../lib/live/registry.ts";
import {
  eventHorizonsLive,
  eventHorizonsLiveView,
  type EventHorizonsParams,
  MAX_HORIZON_TRADING_DAYS,
  studyOf,
} from "../../../lib/live/views/eventHorizons.ts";
import { declaredParameters } from "./notebookParams.ts";

const declared = declaredParameters("04-qt-end-and-risk-assets");
const params = {
  horizonsTradingDays: declared.horizonsTradingDays,
  rallySeriesId: declared.rallySeriesId,
} as EventHorizonsParams;
const data = JSON.parse(
  strictJson(eventHorizonsDataOf(runArticle(qtEndArticle, declared) as never), "data"),
) as ReturnType<typeof eventHorizonsDataOf>;
const horizons = (h: number[]) =>
  withValues(params, Object.fromEntries(h.map((x, i) => [`horizonsTradingDays.${i}`, x])));

describe("eventHorizons: data, registration, controls", () => {
  test("registered; the page keeps each pivot's closes to two years after it (under 80 kB)", () => {
    expect(LIVE_VIEWS.eventHorizons).toBe(eventHorizonsLive);
    expect(JSON.stringify(data).length).toBeLessThan(80_000);
    // Any horizon the declaration allows can be answered by the page.
    const kind = qtEndParams.specs.horizonsTradingDays.kind;
    expect(kind.type === "list" ? kind.max : undefined).toBe(MAX_HORIZON_TRADING_DAYS);
    expect(data.maxHorizonDays).toBe(MAX_HORIZON_TRADING_DAYS);
    expect(data.measures.map((m) => m.id)).toEqual(["NASDAQCOM", "SP500"]);
  });
  test("the four horizon controls resolve against the notebook's parameters cell, in trading days", () => {
    const controls = resolveControls(eventHorizonsLive.controls, declared, "04");
    expect(controls.map((c) => (c.kind === "number" ? [c.value, c.unit, c.max] : null))).toEqual(
      (declared.horizonsTradingDays as number[]).map((h) => [h, "trading days", MAX_HORIZON_TRADING_DAYS]),
    );
    expect(() => liveSpec("eventHorizons", data, params)).not.toThrow();
  });
});

describe("eventHorizons: the figures equal the run on the full series", () => {
  test.each([[[21, 63, 126, 252]], [[5, 10, 200, 504]]])("horizons %j", (h) => {
    const run = runArticle(qtEndArticle, { ...declared, horizonsTradingDays: h, rallyHorizonsTradingDays: [h[3]] });
    const out = eventHorizonsLiveView(data, horizons(h));
    const s = run.result.rally.summary.find((x) => x.horizonDays === Math.max(...h))!;
    const figs = Object.fromEntries((out.figures ?? []).map((f) => [f.id, f]));
    expect(figs.NASDAQCOMMean.text).toBe(signed(s.mean, "pct"));
    expect(figs.NASDAQCOMUp.text).toBe(countOf(s.nUp, s.n));
    for (const m of studyOf(data, h)) {
      const full = run.result.measures.find((x) => x.id === m.id)!;
      expect(m.summary.map((x) => [x.n, x.nUp])).toEqual(full.summary.map((x) => [x.n, x.nUp]));
    }
  });
  test("horizons out of order or repeated are read in order, once; out of range refused", () => {
    expect(eventHorizonsLiveView(data, horizons([252, 63, 63, 21])).figures).toEqual(
      eventHorizonsLiveView(data, { ...params, horizonsTradingDays: [21, 63, 252] }).figures,
    );
    expect(() => eventHorizonsLiveView(data, horizons([1, 3, 6, 505]))).toThrow(
      "horizons must be whole trading days from 1 to 504",
    );
  });
});
