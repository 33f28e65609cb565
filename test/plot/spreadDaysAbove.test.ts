import { describe, expect, test } from "vitest";
import { spreadDaysAboveChart, spreadDaysAboveView } from "../../lib/plot/spreadDaysAbove.ts";
import { rounded } from "../helpers/snapshot.ts";

describe("spreadDaysAboveChart(panels, options)", () => {
  const chart = spreadDaysAboveChart(
    [
      {
        name: "SOFR > IORB",
        months: [{ month: "2025-10", days: 22, daysAbove: 17, meanBp: 5, maxBp: 32 }, {
          month: "2025-11",
          days: 18,
          daysAbove: 18,
          meanBp: 9,
          maxBp: 23,
        }],
      },
      {
        name: "EFFR > IORB",
        months: [{ month: "2025-10", days: 22, daysAbove: 0, meanBp: -5, maxBp: -3 }, {
          month: "2025-11",
          days: 18,
          daysAbove: 0,
          meanBp: -2,
          maxBp: -1,
        }],
      },
    ],
    { events: [{ date: "2025-12-01", label: "QT ends" }], asOf: "2025-11-28" },
  );
  const html = chart.outerHTML;

  test("has a title, a days axis, one panel per spread and the source", () => {
    expect(html).toContain("How often the market rate traded above IORB");
    expect(html).toContain("Days");
    expect(html).toContain("SOFR &gt; IORB");
    expect(html).toContain("EFFR &gt; IORB");
    expect(html).toContain("Data as of 2025-11-28.");
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});

describe("spreadDaysAboveView(inputs, params)", () => {
  test("counts from the parameter's month on", () => {
    const d = (date: string, value: number) => ({ date, value });
    const html = spreadDaysAboveView(
      {
        sofrPct: [d("2025-09-30", 4.5), d("2025-10-01", 4.3)],
        effrPct: [d("2025-10-01", 4.1)],
        iorbPct: [d("2025-09-30", 4.4), d("2025-10-01", 4.4)],
      },
      { daysAboveFrom: "2025-10-01" },
    ).outerHTML;
    expect(html).toContain("Data as of 2025-10-01.");
  });
});
