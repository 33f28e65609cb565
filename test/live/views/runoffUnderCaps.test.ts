/**
 * The QT-mechanics live view (notebook 01): its figures are lib/calc's runoff under the caps for the
 * params given, computed here straight from lib/calc; its chart is lib/plot's; its controls resolve
 * against the notebook's parameters cell.
 */
import { describe, expect, test } from "vitest";
import { monthlyChanges, monthlyLevels } from "../../../lib/calc/monthly.ts";
import { QT_EVENTS } from "../../../lib/calc/policyEvents.ts";
import { actualRunoffAgainstCaps, constantRunoffInputs, runoffUnderCaps } from "../../../lib/calc/runoff.ts";
import { runoffCapSchedule } from "../../../lib/calc/runoffCaps.ts";
import { loadH41 } from "../../../lib/data/h41.ts";
import { LiveViewError, resolveControls, withValues } from "../../../lib/live/controls.ts";
import { liveSpec } from "../../../lib/live/liveView.ts";
import { LIVE_VIEWS } from "../../../lib/live/registry.ts";
import {
  capEventMarks,
  cumulativeRows,
  runoffUnderCapsData,
  runoffUnderCapsLive,
  type RunoffUnderCapsParams,
  runoffUnderCapsView,
} from "../../../lib/live/views/runoffUnderCaps.ts";
import { cumulativeRunoffChart } from "../../../lib/plot/cumulativeRunoff.ts";
import { declaredParameters, pick } from "./notebookParams.ts";

const NAMES = [
  "capTreasuryFrom2022JunUsdBnPerMonth",
  "capMbsFrom2022JunUsdBnPerMonth",
  "capTreasuryFrom2022SepUsdBnPerMonth",
  "capTreasuryFrom2024JunUsdBnPerMonth",
  "capTreasuryFrom2025AprUsdBnPerMonth",
  "capMbsUsdBnPerMonth",
  "assumedTreasuryCouponsMaturingUsdBnPerMonth",
  "assumedTreasuryBillsMaturingUsdBnPerMonth",
  "assumedMbsPaydownsUsdBnPerMonth",
] as const;
const declared = declaredParameters("01-qt-mechanics");
const params = pick<RunoffUnderCapsParams>(declared, NAMES);
const grid = declared.monthGrid as "month-end";
const changes = (id: "TREAST" | "WSHOMCB") => monthlyChanges(monthlyLevels(loadH41(id).rows, grid));
const caps = (p: RunoffUnderCapsParams) => pick<Parameters<typeof runoffCapSchedule>[0]>(p as never, NAMES.slice(0, 6));
const schedule = runoffCapSchedule(caps(params));
const actual = actualRunoffAgainstCaps(changes("TREAST"), changes("WSHOMCB"), schedule);
const data = runoffUnderCapsData(actual, schedule);

/** The totals straight from lib/calc: QT from June 2022 to November 2025 under the caps of `p`. */
function fromLib(p: RunoffUnderCapsParams) {
  const s = runoffCapSchedule(caps(p));
  const months = runoffUnderCaps(
    constantRunoffInputs("2022-06", "2025-11", {
      treasuryCouponsMaturingUsdBn: p.assumedTreasuryCouponsMaturingUsdBnPerMonth,
      treasuryBillsMaturingUsdBn: p.assumedTreasuryBillsMaturingUsdBnPerMonth,
      mbsPaydownsUsdBn: p.assumedMbsPaydownsUsdBnPerMonth,
    }),
    s,
  );
  const actualQt = actual.filter((r) => r.month >= "2022-06" && r.month <= "2025-11");
  return {
    months,
    ceiling: months.reduce((t, m) => t + m.capTreasuryUsdBnPerMonth + m.capMbsUsdBnPerMonth, 0),
    scenario: months.at(-1)!.cumulativeRunoffUsdBn,
    treasury: months.reduce((t, m) => t + m.treasuryRedeemedUsdBn, 0),
    mbs: months.reduce((t, m) => t + m.mbsRunoffUsdBn, 0),
    actual: actualQt.reduce((t, r) => t + r.totalRunoffUsdBn, 0),
    asOf: actualQt.at(-1)!.date,
  };
}
const figures = (p: RunoffUnderCapsParams) =>
  Object.fromEntries((runoffUnderCapsView(data, p).figures ?? []).map((f) => [f.id, f]));

describe("runoffUnderCaps: data and registration", () => {
  test("registered under its name; the data are the 42 QT months, June 2022 to November 2025", () => {
    expect(LIVE_VIEWS.runoffUnderCaps).toBe(runoffUnderCapsLive);
    expect(data.actual.length).toBe(42);
    expect([data.actual[0].month, data.actual.at(-1)!.month]).toEqual(["2022-06", "2025-11"]);
    expect(JSON.stringify(data).length).toBeLessThan(5_000);
  });

  test("every control resolves against the notebook's parameters cell, starting at its declared default, with a $bn/month unit", () => {
    const controls = resolveControls(runoffUnderCapsLive.controls, declared, "01");
    expect(controls.map((c) => (c.kind === "number" ? [c.param, c.value, c.unit] : null))).toEqual(
      NAMES.map((n) => [n, declared[n], "$bn/month"]),
    );
    expect(() => liveSpec("runoffUnderCaps", data, params)).not.toThrow();
  });
});

describe("runoffUnderCaps: figures equal lib/calc's runoff under the caps", () => {
  test.each([
    ["the notebook's defaults", {}],
    ["a $15bn Treasury cap from April 2025 and $60bn of coupons", {
      capTreasuryFrom2025AprUsdBnPerMonth: 15,
      assumedTreasuryCouponsMaturingUsdBnPerMonth: 60,
    }],
    ["MBS paydowns above the cap (excess reinvested)", {
      assumedMbsPaydownsUsdBnPerMonth: 50,
      capMbsUsdBnPerMonth: 30,
    }],
    ["no coupons: bills make up the cap", {
      assumedTreasuryCouponsMaturingUsdBnPerMonth: 0,
      assumedTreasuryBillsMaturingUsdBnPerMonth: 100,
    }],
  ])("%s", (_, change) => {
    const p = withValues(params, change);
    const lib = fromLib(p);
    const f = figures(p);
    expect(f.ceiling.value).toBeCloseTo(lib.ceiling, 9);
    expect(f.scenario.value).toBeCloseTo(lib.scenario, 9);
    expect(f.scenarioTreasury.value).toBeCloseTo(lib.treasury, 9);
    expect(f.scenarioMbs.value).toBeCloseTo(lib.mbs, 9);
    expect(f.actual.value).toBeCloseTo(lib.actual, 9);
    expect(f.scenario.text).toBe(`$${Math.round(lib.scenario).toLocaleString("en-US")}bn`);
  });

  test("hand-checked defaults: a ceiling of 3 × 47.5 + 21 × 95 + 10 × 60 + 8 × 40 = $3,057.5bn; the scenario's MBS is 42 × $17bn", () => {
    const f = figures(params);
    expect(f.ceiling.value).toBe(3057.5);
    expect(f.scenarioMbs.value).toBe(42 * 17);
    expect(f.ceiling.text).toBe("$3,058bn");
    expect(f.actual.value).toBeGreaterThan(2000);
  });

  test("the chart is lib/plot's cumulativeRunoffChart of the same three lines", () => {
    const lib = fromLib(params);
    const direct = cumulativeRunoffChart(
      [
        {
          name: "Caps' ceiling",
          rows: cumulativeRows(
            lib.months.map((m) => ({ month: m.month, usdBn: m.capTreasuryUsdBnPerMonth + m.capMbsUsdBnPerMonth })),
          ),
        },
        {
          name: "Scenario under the caps",
          rows: lib.months.map((m) => ({ month: m.month, cumulativeUsdBn: m.cumulativeRunoffUsdBn })),
        },
        {
          name: "Actual (TREAST + WSHOMCB)",
          rows: cumulativeRows(data.actual.map((r) => ({ month: r.month, usdBn: r.totalRunoffUsdBn }))),
        },
      ],
      {
        asOf: lib.asOf,
        events: QT_EVENTS.filter((e) => e.id !== "rmp-start" && e.id !== "qt-start"),
        note: "Scenario: $45bn coupons and $30bn bills maturing, $17bn MBS paid down each month (assumptions).",
      },
    );
    expect(runoffUnderCapsView(data, params).chart.outerHTML).toBe(direct.outerHTML);
  });

  test("event marks name the FOMC's caps, and the reader's where they differ", () => {
    expect(capEventMarks(runoffCapSchedule(caps(params))).map((e) => e.label)).toEqual([
      "caps $60bn/$35bn",
      "Treasury cap $25bn",
      "Treasury cap $5bn",
      "QT ends",
    ]);
    const changed = runoffCapSchedule(caps(withValues(params, { capTreasuryFrom2025AprUsdBnPerMonth: 15 })));
    expect(capEventMarks(changed).map((e) => e.label)).toEqual([
      "caps $60bn/$35bn",
      "Treasury cap $25bn",
      "Treasury cap $5bn (here $15bn/$35bn)",
      "QT ends",
    ]);
    const mbs = runoffCapSchedule(caps(withValues(params, { capMbsUsdBnPerMonth: 20 })));
    expect(capEventMarks(mbs).map((e) => e.label)).toEqual([
      "caps $60bn/$35bn (here $60bn/$20bn)",
      "Treasury cap $25bn (here $25bn/$20bn)",
      "Treasury cap $5bn (here $5bn/$20bn)",
      "QT ends",
    ]);
    expect(runoffUnderCapsView(data, withValues(params, { capMbsUsdBnPerMonth: 20 })).chart.outerHTML).toContain(
      "Treasury cap $25bn (here $25bn/$20bn)",
    );
  });

  test("a change moves the chart; a negative assumption is refused with the parameter's name", () => {
    expect(runoffUnderCapsView(data, withValues(params, { capTreasuryFrom2024JunUsdBnPerMonth: 40 })).chart.outerHTML)
      .not.toBe(runoffUnderCapsView(data, params).chart.outerHTML);
    expect(() => runoffUnderCapsView(data, withValues(params, { assumedMbsPaydownsUsdBnPerMonth: -1 }))).toThrow(
      "assumedMbsPaydownsUsdBnPerMonth must be a number ≥ 0",
    );
    expect(() => runoffUnderCapsView(data, withValues(params, { capMbsUsdBnPerMonth: -1 }))).toThrow(
      /capMbsUsdBnPerMonth/,
    );
    expect(() => liveSpec("runoffUnderCaps", data, withValues(params, { capMbsUsdBnPerMonth: 70 }))).toThrow(
      LiveViewError,
    );
  });
});
