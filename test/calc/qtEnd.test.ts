import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { assertClaimsComplete, claimIds } from "../../lib/claims/claims.ts";
import {
  eventSeries,
  formatChange,
  formatShare,
  formatUsdBn,
  historyStudy,
  QTEND_CLAIM_COUNT,
  qtEndClaims,
  type QtEndData,
  qtEndDefaults,
  type QtEndParams,
  rallyVerdict,
  regimeRows,
  sinceQtEnd,
} from "../../lib/articles/qt-end-and-risk-assets/qtEnd.ts";
import type { HorizonSummary } from "../../lib/calc/eventStudy.ts";
import { loadH41 } from "../../lib/data/h41.ts";
import { loadH15 } from "../../lib/data/h15.ts";
import { loadEquity } from "../../lib/data/equities.ts";
import { loadIce } from "../../lib/data/ice.ts";
import { loadMacro } from "../../lib/data/macro.ts";
import { readNotebook } from "../../lib/report/notebook.ts";
import { notebookParameters } from "../../lib/report/parameters.ts";

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
const claim = (p: QtEndParams, id: string) => qtEndClaims(data, p).find((c) => c.id === id)!;

describe("formatting figures with units", () => {
  test("formatChange signs with a true minus and rounds bp and $bn to whole numbers, % to one decimal", () => {
    expect(formatChange(13.37, "%")).toBe("+13.4%");
    expect(formatChange(-4, "bp")).toBe("−4bp");
    expect(formatChange(353.49, "$bn")).toBe("+$353bn");
    expect(formatChange(-0.04, "pp")).toBe("0.0pp");
    expect(formatChange(undefined, "%")).toBe("missing");
    expect(formatUsdBn(6535.781)).toBe("$6,536bn");
    expect(formatShare(5, 7)).toBe("5 of 7 (71%)");
  });
});

describe("rallyVerdict(summary, shareMinFrac)", () => {
  const s = (mean: number | undefined, k: number, n: number): HorizonSummary => ({
    seriesId: "X",
    horizonMonths: 6,
    unit: "%",
    n,
    missingPivotIds: [],
    mean,
    median: mean,
    min: mean,
    max: mean,
    nPositive: k,
    sharePositiveFrac: n ? k / n : undefined,
  });
  test("holds with a positive mean and enough pivots up; roughly with at least half; otherwise not", () => {
    expect(rallyVerdict(s(5, 6, 8), 0.75)).toBe("holds");
    expect(rallyVerdict(s(5, 5, 7), 0.75)).toBe("roughly holds");
    expect(rallyVerdict(s(5, 3, 7), 0.75)).toBe("does not hold");
    expect(rallyVerdict(s(-1, 6, 7), 0.75)).toBe("does not hold");
    expect(rallyVerdict(s(undefined, 0, 0), 0.75)).toBe("not checkable offline");
  });
});

describe("qtEndClaims(data, params) on the shipped data", () => {
  const checks = qtEndClaims(data, params());

  test("checks every QTEND claim, in order, each with figures, a verdict and a note", () => {
    expect(() => assertClaimsComplete(checks, claimIds("QTEND", QTEND_CLAIM_COUNT))).not.toThrow();
    expect(checks.map((c) => c.verdict)).toEqual([
      "roughly holds",
      "does not hold",
      "holds",
      "roughly holds",
      "not checkable offline",
      "roughly holds",
      "not checkable offline",
      "not checkable offline",
      "does not hold",
    ]);
  });

  test("QTEND-1: QT ran 2022-06-01 → 2025-12-01, 3.5 years", () => {
    expect(checks[0].dataFigure).toContain("QT 2022-06-01 → 2025-12-01 = 3.5 years");
  });

  test("QTEND-2: $7,400bn is where total assets stood in April 2024, not at QT's start ($8,915bn)", () => {
    expect(checks[1].dataFigure).toContain("QT start $8,915bn (2022-06-01)");
    expect(checks[1].note).toContain("2024-04-03…2024-05-08");
    expect(checks[1].dataFigure).toContain("9 of 9 weeks");
  });

  test("QTEND-3: the target range fell 25bp effective 2025-12-11; the pricing is said to be unchecked", () => {
    expect(checks[2].dataFigure).toBe("target range 3.75–4.00% → 3.50–3.75% effective 2025-12-11 (−25bp)");
    expect(checks[2].note).toMatch(/futures/);
  });

  test("QTEND-6 states n and the dispersion", () => {
    expect(checks[5].dataFigure).toMatch(/^n = 7 pivots/);
    expect(checks[5].dataFigure).toContain("up in 5 of 7 (71%)");
    expect(checks[5].note).toContain("2001-01-03, 2007-09-18");
  });

  test("changing the pivot selection changes the QTEND-6 figures and verdict", () => {
    const noBear = claim(
      params({ historyPivotIds: ["1995-07-06", "1998-09-29", "2019-07-31", "2020-03-03", "2024-09-18"] }),
      "QTEND-6",
    );
    expect(noBear.dataFigure).toMatch(/^n = 5 pivots/);
    expect(noBear.verdict).toBe("holds");
    expect(noBear.dataFigure).not.toBe(checks[5].dataFigure);
  });

  test("a stricter share or a different band changes the verdicts that lean on them", () => {
    expect(claim(params({ rallyShareMinFrac: 0.5 }), "QTEND-6").verdict).toBe("holds");
    expect(claim(params({ stableBandFrac: 0.001 }), "QTEND-2").dataFigure).toMatch(
      /within ±0\.1% of \$6,550bn in [0-8] of 9 weeks/,
    );
  });
});

describe("historyStudy, sinceQtEnd and regimeRows", () => {
  test("the horizons parameter sets the summary's horizons", () => {
    const a = historyStudy(data, params({ horizonsMonths: [2, 9] }), ["NASDAQCOM"]);
    expect(a.summary.map((s) => s.horizonMonths)).toEqual([2, 9]);
    expect(a.summary.every((s) => s.n === 7)).toBe(true);
  });

  test("since the QT end: each series to its own last observation", () => {
    const rows = sinceQtEnd(data, params());
    const sp = rows.find((r) => r.seriesId === "SP500")!;
    expect(sp.from).toEqual({ date: "2025-12-01", value: 6812.63 });
    expect(sp.to!.date).toBe("2026-08-05");
    expect(rows.find((r) => r.seriesId === "DGS10")!.change).toBeCloseTo(56, 6);
  });

  test("the regime table has the article's six asset classes; three have no shipped series", () => {
    const rows = regimeRows(data, params());
    expect(rows.map((r) => r.assetClass)).toEqual([
      "Growth stocks",
      "Tech stocks",
      "Long bonds",
      "Digital assets",
      "Money market funds",
      "Alternatives",
    ]);
    expect(rows.filter((r) => r.verdict === "not checkable offline").map((r) => r.assetClass)).toEqual([
      "Growth stocks",
      "Digital assets",
      "Alternatives",
    ]);
  });

  test("an unknown event series id is refused", () => {
    expect(() => eventSeries(data, ["BTCUSD"])).toThrow(/unknown event series "BTCUSD"/);
  });
});

describe("the notebook's parameters cell", () => {
  test("declares exactly qtEndDefaults, value for value", () => {
    const nb = readNotebook(fileURLToPath(new URL("../../notebooks/04-qt-end-and-risk-assets.ipynb", import.meta.url)));
    const declared = Object.fromEntries(notebookParameters(nb).map((p) => [p.name, p.default]));
    expect(declared).toEqual(qtEndDefaults);
  });
});
