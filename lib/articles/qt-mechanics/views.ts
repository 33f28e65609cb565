/**
 * The QT-mechanics article's charts, tables and live view, drawn from the run (computed once, in
 * compute.ts); none recomputes the model.
 */
import { DEBT_LIMIT_EPISODES } from "../../calc/debtCeiling.ts";
import { QT_EVENTS } from "../../calc/policyEvents.ts";
import type { LiabilityWeek } from "../../calc/reserves.ts";
import { RULES } from "../../claims/verdict.ts";
import { fmt, num } from "../../format.ts";
import { liveView } from "../../live/liveView.ts";
import { debtLimitEpisodesChart } from "../../plot/debtLimitEpisodes.ts";
import { htmlTable } from "../../plot/display.ts";
import { liabilitiesStackedChart } from "../../plot/liabilitiesStacked.ts";
import { markedTable } from "../../plot/markedTable.ts";
import { seriesTable } from "../../plot/seriesTable.ts";
import { qtMarketsChart } from "../../plot/qtMarkets.ts";
import { runoffVsCapsChart } from "../../plot/runoffVsCaps.ts";
import type { ArticleRun } from "../article.ts";
import type { QtMechanicsResult } from "./compute.ts";
import { qtMechanicsParams } from "./params.ts";
import { driverKey, driverText, yearKey, yearText } from "./prose.ts";

type Run = ArticleRun<typeof qtMechanicsParams.specs, QtMechanicsResult>;

const LIABILITY_COLUMNS = [
  ["totalAssetsUsdBn", "Total assets"],
  ["reservesUsdBn", "Reserves"],
  ["tgaUsdBn", "TGA"],
  ["onRrpUsdBn", "ON RRP"],
  ["currencyAndOtherUsdBn", "Currency + other (residual)"],
  ["currencyUsdBn", "of which currency (monthly)"],
  ["otherUsdBn", "other (residual)"],
] as const;

const DRIVERS = [
  ["reserves", "Δ reserves", "deltaReservesUsdBn"],
  ["assets", "+Δ assets", "assetsUsdBn"],
  ["tga", "−Δ TGA", "tgaUsdBn"],
  ["onRrp", "−Δ ON RRP", "onRrpUsdBn"],
  ["other", "−Δ currency + other", "currencyAndOtherUsdBn"],
] as const;

const YEAR_SERIES = [["reserves", "Reserves"], ["onRrp", "ON RRP"], ["tga", "TGA"]] as const;

export function qtMechanicsViews(run: Run) {
  const r = run.result;
  const p = run.params;
  const windowLabel = (id: string) => (DEBT_LIMIT_EPISODES.find((e) => e.id === id) ? `debt limit ${id}` : id);
  return {
    data: () => seriesTable(r.loaded),
    schedule: () =>
      htmlTable(
        r.schedule,
        [
          { label: "From", value: (x) => x.from },
          {
            label: "Decided",
            value: (x) => x.decided,
          },
          { label: "Treasury cap ($bn/month)", value: (x) => num(x.capTreasuryUsdBnPerMonth, 1), align: "right" },
          { label: "MBS cap ($bn/month)", value: (x) => num(x.capMbsUsdBnPerMonth, 1), align: "right" },
          { label: "Agency principal above the cap goes to", value: (x) => x.mbsExcessReinvestedIn },
          { label: "Source", value: (x) => x.source },
        ],
        `Runoff caps in force (peak combined cap ${
          fmt(r.peakCombinedCapUsdBnPerMonth, "usdBnPerMonth", { trim: true })
        })`,
      ),
    runoffChart: () =>
      runoffVsCapsChart(r.actual, r.schedule, {
        from: p.runoffChartFromMonth,
        toleranceUsdBn: RULES.holdingsMonthUsdBn.holds,
        events: QT_EVENTS.filter((e) => e.id === "qt-start" || e.id === "qt-end"),
      }),
    /** In the exported report a reader changes the caps and the assumed maturities and the chart is redrawn. */
    scenario: () => liveView("runoffUnderCaps", r.scenario.data, r.scenario.params, { declaration: qtMechanicsParams }),
    identity: () =>
      htmlTable(
        r.shownWeeks,
        [
          { label: "Week", value: (w) => w.date },
          ...LIABILITY_COLUMNS.map(([k, label]) => ({
            label: `${label} ($bn)`,
            value: (w: LiabilityWeek) => (w[k] === undefined ? "not shipped" : num(w[k])),
            align: "right" as const,
          })),
        ],
        `The identity on ${num(r.weeks.length)} weeks, ${r.weeks[0].date} to ${
          r.weeks.at(-1)!.date
        } (ends with the TGA series)`,
      ),
    liabilityYears: () =>
      markedTable(
        YEAR_SERIES.map(([key, label]) => ({
          label,
          cells: r.liabilityYears.periods.map((q) => ({
            key: yearKey(key, q.from.slice(0, 4)),
            text: yearText(q.changesUsdBn[key]),
          })),
        })),
        r.liabilityYears.periods.map((q) => `${q.from} to ${q.to}`),
        "Change of each liability by calendar year ($bn; H.4.1 weeks)",
      ),
    liabilitiesChart: () =>
      liabilitiesStackedChart(r.weeks, {
        from: p.chartFromDate,
        events: QT_EVENTS,
        windows: r.debtLimit.windows.map((w) => ({ ...w, label: windowLabel(w.id) })),
      }),
    drivers: () =>
      markedTable(
        r.debtLimit.rows.map((row) => ({
          label: `${row.id} ${row.phase}: ${row.drivers.fromDate} → ${row.drivers.toDate}`,
          cells: DRIVERS.map(([key, , field]) => ({
            key: driverKey(row.id, row.phase, key),
            text: driverText(row.drivers[field]),
          })),
        })),
        DRIVERS.map(([, label]) => `${label} ($bn)`),
        "What moved reserves in the debt-limit episodes",
      ),
    episodesChart: () =>
      debtLimitEpisodesChart(r.debtLimit.points, {
        asOf: r.debtLimit.asOf,
        headings: Object.fromEntries(r.debtLimit.windows.map((w) => [w.id, `${w.id}: ${w.from} → ${w.to}`])),
        spans: r.debtLimit.spans,
        markers: r.debtLimit.markers,
      }),
    marketsChart: () =>
      qtMarketsChart(r.markets.lines, {
        qtSpan: r.markets.span,
        events: QT_EVENTS.filter((e) => e.id !== "qt-start" && e.id !== "rmp-start"),
      }),
  };
}
