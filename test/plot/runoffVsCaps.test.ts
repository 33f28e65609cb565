import { describe, expect, test } from "vitest";
import { runoffVsCapsChart } from "../../lib/plot/runoffVsCaps.ts";
import { actualRunoffAgainstCaps } from "../../lib/calc/runoff.ts";
import { RUNOFF_CAP_SCHEDULE, runoffCapSchedule } from "../../lib/calc/runoffCaps.ts";
import { QT_EVENTS } from "../../lib/calc/policyEvents.ts";
import type { MonthChange } from "../../lib/calc/monthly.ts";
import { rounded } from "../helpers/snapshot.ts";

const c = (month: string, change: number): MonthChange => ({
  month,
  date: `${month}-28`,
  previousDate: "",
  level: 0,
  change,
});
// Month-end changes of TREAST and WSHOMCB ($bn) from the shipped data, a few months per regime.
const months = ["2022-05", "2022-06", "2022-09", "2022-10", "2024-06", "2025-03", "2025-04", "2025-12"];
const t = [5.6, -26.4, -61.1, -59.0, -23.3, -22.5, -3.2, 39.1].map((v, i) => c(months[i], v));
const m = [-7.6, 1.9, -11.1, -19.6, -18.6, -14.3, -16.1, -14.6].map((v, i) => c(months[i], v));
const events = QT_EVENTS.filter((e) => e.id === "qt-start" || e.id === "qt-end");

describe("runoffVsCapsChart(rows, schedule, options)", () => {
  const chart = runoffVsCapsChart(actualRunoffAgainstCaps(t, m), RUNOFF_CAP_SCHEDULE, { from: "2022-05", events });
  const html = chart.outerHTML;

  test("is a figure with title, $bn-per-month axis, both panels, source and as-of caption", () => {
    expect(html.startsWith("<figure")).toBe(true);
    expect(html).toContain("QT runoff month by month against the monthly caps");
    expect(html).toContain("$bn per month");
    expect(html).toContain("Treasuries (TREAST)");
    expect(html).toContain("MBS (WSHOMCB)");
    expect(html).toContain("Source: Federal Reserve Board H.4.1");
    expect(html).toContain("Data as of 2025-12-28.");
    expect(html).toContain("QT starts");
  });

  test("labels every cap step above 0 and the bar statuses in the legend", () => {
    for (const label of ["cap $30bn", "cap $17.5bn", "cap $60bn", "cap $35bn", "cap $25bn", "cap $5bn"]) {
      expect(html).toContain(label);
    }
    for (const s of ["at the cap", "below the cap", "no runoff cap"]) expect(html).toContain(s);
  });

  test("an overridden cap redraws the cap line", () => {
    const other = runoffVsCapsChart(
      actualRunoffAgainstCaps(t, m, runoffCapSchedule({ capTreasuryFrom2025AprUsdBnPerMonth: 15 })),
      runoffCapSchedule({ capTreasuryFrom2025AprUsdBnPerMonth: 15 }),
      { from: "2022-05", events },
    );
    expect(other.outerHTML).toContain("cap $15bn");
    expect(other.outerHTML).not.toContain("cap $5bn");
  });

  test("no months in the window is refused", () => {
    expect(() => runoffVsCapsChart([], RUNOFF_CAP_SCHEDULE)).toThrow(/no months/);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
