import { describe, expect, test } from "vitest";
import { balanceSheetToGdpChart } from "../../lib/plot/balanceSheetToGdp.ts";
import { rounded } from "../helpers/snapshot.ts";

/** Chart markup with every number rounded to 3 decimals, for stable snapshots. */

const quarters = ["2019-07-01", "2019-10-01", "2020-01-01", "2020-04-01", "2022-04-01", "2023-10-01", "2024-01-01"];
const shares = [0.175, 0.184, 0.19, 0.33, 0.345, 0.276, 0.265];
const rows = quarters.map((quarter, i) => ({ quarter, shareFrac: shares[i] }));

describe("balanceSheetToGdpChart(rows, options)", () => {
  const chart = balanceSheetToGdpChart(rows, {
    from: "2019-01-01",
    events: [{ date: "2020-03-15", label: "COVID purchases" }, { date: "2022-06-01", label: "QT starts" }],
    highlights: [{ date: "2019-07-01", label: "pre-COVID" }, { date: "2023-10-01", label: "before the note" }, {
      date: "2030-01-01",
      label: "absent",
    }],
  });
  const html = chart.outerHTML;

  test("is a figure with a title, a percent axis, a caption with source and as-of quarter", () => {
    expect(html.startsWith("<figure")).toBe(true);
    expect(html).toContain("The Fed's balance sheet as a share of the economy");
    expect(html).toContain("% of nominal GDP");
    expect(html).toContain("quarter-average");
    expect(html).toContain("Source: Federal Reserve Board H.4.1 (WALCL) and BEA (GDP, SAAR)");
    expect(html).toContain("Data as of the quarter of 2024-01-01.");
  });

  test("labels the highlighted quarters with their share in percent, skips quarters not in the data, marks events", () => {
    expect(html).toContain("pre-COVID: 17.5%");
    expect(html).toContain("before the note: 27.6%");
    expect(html).not.toContain("absent");
    expect(html).toContain("COVID purchases");
    expect(html).toContain("QT starts");
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});
