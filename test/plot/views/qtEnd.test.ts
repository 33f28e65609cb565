import { describe, expect, test } from "vitest";
import * as views from "../../../lib/plot/views/qtEnd.ts";
import { type QtEndData, qtEndDefaults, type QtEndParams } from "../../../lib/articles/qt-end-and-risk-assets/qtEnd.ts";
import { loadH41 } from "../../../lib/data/h41.ts";
import { loadH15 } from "../../../lib/data/h15.ts";
import { loadEquity } from "../../../lib/data/equities.ts";
import { loadIce } from "../../../lib/data/ice.ts";
import { loadMacro } from "../../../lib/data/macro.ts";

const data: QtEndData = {
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
const params = (over: Partial<QtEndParams> = {}): QtEndParams => ({ ...qtEndDefaults, ...over });
const html = (el: Element) => el.outerHTML;
const display = (el: Element) =>
  (el as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]();

describe("QTEND views(data, params) on the shipped data", () => {
  const all: [string, (d: QtEndData, p: QtEndParams) => Element][] = [
    ["qtPathView", views.qtPathView],
    ["qtEndWindowView", views.qtEndWindowView],
    ["holdingsChangeView", views.holdingsChangeView],
    ["targetRangeView", views.targetRangeView],
    ["eventPathsView", views.eventPathsView],
    ["eventHorizonsView", views.eventHorizonsView],
    ["sinceQtEndView", views.sinceQtEndView],
    ["pivotTableView", views.pivotTableView],
    ["eventSummaryTableView", views.eventSummaryTableView],
    ["eventDetailTableView", views.eventDetailTableView],
    ["sinceQtEndTableView", views.sinceQtEndTableView],
    ["regimeTableView", views.regimeTableView],
    ["claimsView", views.claimsView],
  ];

  test.each(all)("%s returns a displayable element with content", (_, view) => {
    const el = view(data, params());
    expect(display(el)["text/html"]).toBe(html(el));
    expect(html(el).length).toBeGreaterThan(500);
  });

  test("the horizons parameter changes the dispersion panels and the summary table", () => {
    const a = html(views.eventHorizonsView(data, params()));
    const b = html(views.eventHorizonsView(data, params({ horizonsMonths: [2, 6, 9] })));
    expect(a).toContain("+12m");
    expect(b).toContain("+9m");
    expect(b).not.toContain("+12m");
    expect(html(views.eventSummaryTableView(data, params({ horizonsMonths: [2, 6, 9] })))).toContain("+9m");
  });

  test("the pivot selection changes the panels' pivots and the summary's n", () => {
    const few = params({ historyPivotIds: ["2019-07-31", "2024-09-18"] });
    const paths = html(views.eventPathsView(data, few));
    expect(paths).toContain("Sep 2024 first cut");
    expect(paths).not.toContain("Jan 2001 first cut");
    expect(paths).toContain("Dec 2025 QT end"); // the out-of-sample pivot stays on top
    expect(html(views.eventHorizonsView(data, few))).toContain("n=2,");
    expect(html(views.eventHorizonsView(data, params()))).toContain("n=7,");
  });

  test("the series shown follow eventSeriesIds", () => {
    const p = html(views.eventPathsView(data, params({ eventSeriesIds: ["SP500", "DGS10"] })));
    expect(p).toContain("S&amp;P 500 (daily)");
    expect(p).not.toContain("IG corporate OAS");
  });

  test("the QT-end window and the article's level change the balance-sheet views", () => {
    expect(html(views.qtEndWindowView(data, params({ articleStableUsdBn: 6700 })))).toContain("$6,700bn");
    expect(html(views.qtEndWindowView(data, params()))).not.toBe(
      html(views.qtEndWindowView(data, params({ qtEndWindow: { from: "2025-10-01", to: "2026-03-31" } }))),
    );
  });
});
