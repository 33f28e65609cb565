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
import { rmpSensitivityChart } from "../../plot/rmpSensitivity.ts";
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

// The charts of the data alone, redrawn only when the data or the parameters they read change (memo.ts).
const spreadsMemo = stageMemo<ReturnType<typeof moneyMarketSpreadsView>>("rmp.view.spreads", 2);
const daysAboveMemo = stageMemo<ReturnType<typeof spreadDaysAboveView>>("rmp.view.daysAbove", 2);
const regimesChartMemo = stageMemo<ReturnType<typeof reserveRegimesChart>>("rmp.view.regimesChart", 4);

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
  const g = r.regimes;
  const pct = (usdBn: number) => (usdBn / g.gdp.usdBn) * 100;
  return {
    spreads: () => {
      const vp = pick(mp, ["rollingWindowDays"]);
      return spreadsMemo.get(keyOf([r.inputs], vp), () => kept(moneyMarketSpreadsView(r.inputs, vp)));
    },
    daysAbove: () => {
      const vp = pick(mp, ["daysAboveFrom"]);
      return daysAboveMemo.get(keyOf([r.inputs], vp), () => kept(spreadDaysAboveView(r.inputs, vp)));
    },
    regimesChart: () =>
      regimesChartMemo.get(
        keyOf([r.model.fit, r.fullSample, g, r.inputs], pick(mp, ["curveFitTo", "curveSpread"])),
        () =>
          kept(reserveRegimesChart({
            inSample: r.model.fit.sample,
            heldOut: r.fullSample.filter((p) => p.weekEnding > mp.curveFitTo),
            curve: r.model.fit.curve,
            band: g.curveBand,
            abundant: { sharePct: g.abundant.sharePct, loPct: pct(g.abundantBand.lo), hiPct: pct(g.abundantBand.hi) },
            scarce: { sharePct: g.scarce.sharePct, loPct: pct(g.scarceBand.lo), hiPct: pct(g.scarceBand.hi) },
            spreadName,
            cutoff: mp.curveFitTo,
            asOf,
          })),
      ),
    regimesTable: () => {
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
    },
    bandReadings: () =>
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
      ),
    extrapolationTable: () =>
      htmlTable(
        r.extrapolation,
        [
          { label: "Scenario", value: (e) => e.id },
          { label: "Months below the fitted range", value: (e) => `${e.monthsOutside} of ${e.months}`, align: "right" },
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
      ),
    liveExpected: () => liveView("rmpExpected", liveData(), mp, { declaration: rmpParams }),
    liveFan: () => liveView("rmpFan", liveData(), mp, { declaration: rmpParams }),
    liveScenarioTable: () => liveView("rmpScenarioTable", liveData(), mp, { declaration: rmpParams }),
    realisedChart: () =>
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
      ),
    realisedTable: () => realisedTableOfModel(r.model),
    sensitivity: () =>
      rmpSensitivityChart(r.sensitivity.cells, {
        month: r.sensitivity.month,
        spreadName,
        scenarioSizes: r.model.set.paths.map((p) => ({
          id: p.scenario.id,
          sizeUsdBnPerMonth: p.scenario.sizeUsdBnPerMonth,
        })),
        asOf,
      }),
    vixTable: () =>
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
            value: (v) =>
              fmt(v.baseline, "index"),
            align: "right",
          },
          { label: "Mean since the article", value: (v) => fmt(v.since, "index"), align: "right" },
          { label: "Volatility down?", value: (v) => (v.down ? "yes" : "no") },
        ],
        'The "volatility down" reading against its baseline',
      ),
  };
}
