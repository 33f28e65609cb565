/**
 * The RMP article's charts, tables and live views, drawn from the run (the model is computed once, in
 * compute.ts). The money-market charts read the spreads from the inputs the run carries.
 */
import { FED_FIRST_ROUND } from "../../calc/realised.ts";
import { fmt, signed } from "../../format.ts";
import { liveView } from "../../live/liveView.ts";
import { rmpLiveDataOf } from "../../live/views/rmp.ts";
import { htmlTable } from "../../plot/display.ts";
import { markedTable } from "../../plot/markedTable.ts";
import { moneyMarketSpreadsView } from "../../plot/moneyMarketSpreads.ts";
import { reserveRegimesChart } from "../../plot/reserveRegimes.ts";
import { rmpRealisedChart } from "../../plot/rmpRealised.ts";
import { rmpSensitivityChart, scenarioColumns } from "../../plot/rmpSensitivity.ts";
import { realisedTableOfModel } from "../../plot/rmpTables.ts";
import { spreadDaysAboveView } from "../../plot/spreadDaysAbove.ts";
import type { ArticleRun } from "../article.ts";
import type { RmpResult } from "./compute.ts";
import { keyOf, pick, stageMemo } from "./memo.ts";
import { rmpParams } from "./params.ts";
import { regimeFigures } from "./prose.ts";

type Run = ArticleRun<typeof rmpParams.specs, RmpResult>;

const DISPLAY = Symbol.for("Jupyter.display");

/**
 * A drawn chart kept by a memo: its display's HTML is serialised once, at its first display, and handed
 * out again. Kept charts are shared between runs and read only (the displays never change an element).
 */
function kept<T extends Element>(chart: T): T {
  const el = chart as T & { [DISPLAY]?: () => Record<string, string> };
  const bundle = el[DISPLAY];
  if (bundle) {
    let cached: Record<string, string> | undefined;
    Object.defineProperty(el, DISPLAY, {
      value: () => (cached ??= bundle.call(el)),
      enumerable: false,
      configurable: true,
    });
  }
  return el;
}

/**
 * The memo of one display: its drawn element (its HTML serialised once, {@link kept}), by a key made of the
 * identity of the memoised results it draws (compute.ts, memo.ts) and the parameter values it reads itself.
 * A rerun in which none of them changed hands the display back as drawn, byte for byte; a rerun in which
 * one changed draws it again.
 */
function displayMemo<T extends Element>(name: string, capacity = 4) {
  const memo = stageMemo<T>(`rmp.view.${name}`, capacity);
  return (objects: readonly object[], values: unknown, draw: () => T): T =>
    memo.get(keyOf(objects, values), () => kept(draw()));
}

// The charts of the data alone, redrawn only when the data or the parameters they read change (memo.ts).
const spreadsMemo = displayMemo<ReturnType<typeof moneyMarketSpreadsView>>("spreads", 2);
const daysAboveMemo = displayMemo<ReturnType<typeof spreadDaysAboveView>>("daysAbove", 2);
const regimesChartMemo = displayMemo<ReturnType<typeof reserveRegimesChart>>("regimesChart");
// The tables of the regimes, redrawn when the fit, the bootstrap or the regimes' parameters change.
const regimesTableMemo = displayMemo<ReturnType<typeof markedTable>>("regimesTable");
const bandReadingsMemo = displayMemo<ReturnType<typeof htmlTable>>("bandReadings");
// The displays of the scenarios, redrawn when the scenario model (memoised by every model parameter) changes.
const extrapolationMemo = displayMemo<ReturnType<typeof htmlTable>>("extrapolationTable");
const liveExpectedMemo = displayMemo<ReturnType<typeof liveView>>("liveExpected");
const liveFanMemo = displayMemo<ReturnType<typeof liveView>>("liveFan");
const liveScenarioTableMemo = displayMemo<ReturnType<typeof liveView>>("liveScenarioTable");
const realisedChartMemo = displayMemo<ReturnType<typeof rmpRealisedChart>>("realisedChart");
const realisedTableMemo = displayMemo<ReturnType<typeof realisedTableOfModel>>("realisedTable");
const sensitivityMemo = displayMemo<ReturnType<typeof rmpSensitivityChart>>("sensitivity");
const vixTableMemo = displayMemo<ReturnType<typeof htmlTable>>("vixTable");

/**
 * The article's displays, drawn from the run. Each is memoised ({@link displayMemo}): a rerun in which a
 * display's inputs are unchanged (the charts of the data after a change of a scenario assumption) returns
 * the display drawn before; the prose, the findings and the claims are written again on every run.
 */
export function rmpViews(run: Run) {
  const r = run.result;
  const mp = r.modelParams;
  const spreadName = mp.curveSpread === "SOFR-IORB" ? "SOFR − IORB" : "EFFR − IORB";
  const asOf = r.inputs.reservesUsdBn[r.inputs.reservesUsdBn.length - 1]?.date ?? "";
  let live: ReturnType<typeof rmpLiveDataOf> | undefined;
  const liveData = () => (live ??= rmpLiveDataOf(
    { fit: r.model.fit, realised: r.model.realised, start: r.model.start },
    r.inputs,
    mp,
  ));
  // What the live views' data is made of (rmpLiveDataOf): the model's base and the inputs.
  const liveOf = [r.model.fit, r.model.realised, r.model.start, r.inputs];
  const g = r.regimes;
  const pct = (usdBn: number) => (usdBn / g.gdp.usdBn) * 100;
  return {
    spreads: () => {
      const vp = pick(mp, ["rollingWindowDays"]);
      return spreadsMemo([r.inputs], vp, () => moneyMarketSpreadsView(r.inputs, vp));
    },
    daysAbove: () => {
      const vp = pick(mp, ["daysAboveFrom"]);
      return daysAboveMemo([r.inputs], vp, () => spreadDaysAboveView(r.inputs, vp));
    },
    regimesChart: () =>
      regimesChartMemo(
        [r.model.fit, r.fullSample, g, r.inputs],
        pick(mp, ["curveFitTo", "curveSpread"]),
        () =>
          reserveRegimesChart({
            inSample: r.model.fit.sample,
            heldOut: r.fullSample.filter((p) => p.weekEnding > mp.curveFitTo),
            curve: r.model.fit.curve,
            band: g.curveBand,
            abundant: { sharePct: g.abundant.sharePct, loPct: pct(g.abundantBand.lo), hiPct: pct(g.abundantBand.hi) },
            scarce: { sharePct: g.scarce.sharePct, loPct: pct(g.scarceBand.lo), hiPct: pct(g.scarceBand.hi) },
            spreadName,
            cutoff: mp.curveFitTo,
            asOf,
          }),
      ),
    regimesTable: () =>
      regimesTableMemo([g, r.model.fit, r.fullSample], pick(mp, ["curveFitTo", "curveSpread"]), () => {
        const f = regimeFigures(run);
        return markedTable(
          [
            {
              label: "abundant / ample",
              cells: [{ key: "fig:abundant", text: f.abundant }, { key: "fig:abundantBand", text: f.abundantBand }, {
                key: "fig:abundantBoot",
                text: f.abundantBoot,
              }],
            },
            {
              label: "ample / scarce",
              cells: [{ key: "fig:scarce", text: f.scarce }, { key: "fig:scarceBand", text: f.scarceBand }, {
                key: "fig:scarceBoot",
                text: f.scarceBoot,
              }],
            },
            {
              label: `latest week (${g.latest.weekEnding})`,
              cells: [{ key: "fig:latestReserves", text: f.latestReserves }, {
                key: "fig:latestRegime",
                text: f.latestRegime,
              }, { key: "fig:oosMean", text: f.oosMean }],
            },
          ],
          ["central ($bn)", "band across slope rules and both spreads", "bootstrap 5–95%"],
          `Regime boundaries on the curve fitted to ${mp.curveFitTo} (${spreadName}; $bn at GDP of ${g.gdp.date}); last row: the latest reserves, their regime, and the mean out-of-sample residual of the later weeks`,
        );
      }),
    bandReadings: () =>
      bandReadingsMemo([g], null, () =>
        htmlTable(
          [
            ...g.abundantBand.readings.map((x) => ({ ...x, boundary: "abundant / ample" })),
            ...g.scarceBand.readings.map((x) => ({ ...x, boundary: "ample / scarce" })),
          ],
          [
            { label: "Boundary", value: (x) => x.boundary },
            { label: "Spread", value: (x) => x.spread },
            {
              label: "Slope rule (bp per $100bn)",
              value: (x) => fmt(x.slope, "ratio", { trim: true, digits: 1 }),
              align: "right",
            },
            { label: "Threshold ($bn)", value: (x) => fmt(x.usdBn, "usdBn"), align: "right" },
          ],
          "Each boundary under each slope rule and each spread: the band's readings",
        )),
    extrapolationTable: () =>
      extrapolationMemo([r.model], null, () =>
        htmlTable(
          r.extrapolation,
          [
            { label: "Scenario", value: (e) => e.id },
            {
              label: "Months below the fitted range",
              value: (e) => `${e.monthsOutside} of ${e.months}`,
              align: "right",
            },
            {
              label: "Mean implied spread (bp)",
              value: (e) => fmt(e.meanSpreadBp, "ratio", { digits: 1 }),
              align: "right",
            },
            {
              label: "of which from extrapolation (bp)",
              value: (e) => signed(e.extrapolatedSpreadBp, "ratio", { digits: 1 }),
              align: "right",
            },
          ],
          `Extrapolation: months each path spends below the smallest share the curve was fitted on (${
            fmt(r.model.fit.curve.shareRangePct[0], "pctOfGdp", { digits: 2 })
          })`,
        )),
    liveExpected: () =>
      liveExpectedMemo(liveOf, mp, () => liveView("rmpExpected", liveData(), mp, { declaration: rmpParams })),
    liveFan: () => liveFanMemo(liveOf, mp, () => liveView("rmpFan", liveData(), mp, { declaration: rmpParams })),
    liveScenarioTable: () =>
      liveScenarioTableMemo(
        liveOf,
        mp,
        () => liveView("rmpScenarioTable", liveData(), mp, { declaration: rmpParams }),
      ),
    realisedChart: () =>
      realisedChartMemo([r.model, r.inputs], mp.startMonth, () =>
        rmpRealisedChart(
          {
            startMonth: mp.startMonth,
            scenarios: r.model.set.paths.map((p) => ({
              id: p.scenario.id,
              label: `${p.scenario.id} ${fmt(p.scenario.sizeUsdBnPerMonth, "usdBnPerMonth", { trim: true })}`,
              months: p.months,
            })),
            realised: r.model.realised.months,
            distances: r.model.distances,
            closestId: r.model.closest.id,
            reference: {
              label: `Fed's first round ≈ ${
                fmt(FED_FIRST_ROUND.usdBnPerMonth, "usdBnPerMonth", { trim: true })
              } (held flat)`,
              usdBnPerMonth: FED_FIRST_ROUND.usdBnPerMonth,
            },
          },
          { asOf: r.inputs.treasuriesUsdBn[r.inputs.treasuriesUsdBn.length - 1]?.date },
        )),
    realisedTable: () => realisedTableMemo([r.model], null, () => realisedTableOfModel(r.model)),
    sensitivity: () => {
      const scenarioSizes = r.model.set.paths.map((p) => ({
        id: p.scenario.id,
        sizeUsdBnPerMonth: p.scenario.sizeUsdBnPerMonth,
      }));
      // The grid is the scenarios' own only through the columns it marks (a scenario's size moved within
      // one column draws the same chart).
      const marks = scenarioColumns(r.sensitivity.cells, scenarioSizes);
      return sensitivityMemo(
        [r.sensitivity, r.inputs],
        { curveSpread: mp.curveSpread, marks },
        () => rmpSensitivityChart(r.sensitivity.cells, { month: r.sensitivity.month, spreadName, scenarioSizes, asOf }),
      );
    },
    vixTable: () =>
      vixTableMemo([r.vix], pick(run.params, ["vixBaselineTradingDays"]), () =>
        htmlTable(
          [...r.vix.sensitivity, {
            days: 0,
            baseline: r.vix.fullYear2025,
            since: r.vix.chosen.since,
            down: r.vix.chosen.since < r.vix.fullYear2025,
          }],
          [
            {
              label: "Baseline",
              value: (v) => (v.days
                ? `${v.days} trading days before ${run.meta.source?.date}${
                  v.days === run.params.vixBaselineTradingDays ? " (used)" : ""
                }`
                : "all of 2025 (the old baseline)"),
            },
            {
              label: "Baseline VIX",
              value: (v) => fmt(v.baseline, "index"),
              align: "right",
            },
            { label: "Mean since the article", value: (v) => fmt(v.since, "index"), align: "right" },
            { label: "Volatility down?", value: (v) => (v.down ? "yes" : "no") },
          ],
          'The "volatility down" reading against its baseline',
        )),
  };
}
