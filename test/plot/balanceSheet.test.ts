import { describe, expect, test } from "vitest";
import { balanceSheetChart } from "../../lib/plot/balanceSheet.ts";
import { mergeCloseEvents } from "../../lib/plot/common.ts";
import { QT_EVENTS } from "../../lib/calc/policyEvents.ts";
import { rounded } from "../helpers/snapshot.ts";
import { expectDisplayedAs } from "../helpers/display.ts";

const weeks = ["2022-05-25", "2022-06-01", "2022-06-08", "2025-11-26", "2025-12-03", "2025-12-10", "2025-12-17"];
const line = (base: number, step: number) => weeks.map((date, i) => ({ date, value: base + step * i }));

describe("balanceSheetChart(lines, options)", () => {
  const chart = balanceSheetChart(
    [
      { name: "Total assets", panel: "Assets", rows: line(8900, -100) },
      { name: "Reserves", panel: "Liabilities", rows: line(3300, -50) },
      { name: "TGA", panel: "Liabilities", rows: line(800, 10) },
    ],
    { from: "2022-01-01", events: QT_EVENTS },
  );
  const html = chart.outerHTML;

  test("is a figure with title, $bn axis, caption naming the source and the as-of date", () => {
    expect(html.startsWith("<figure")).toBe(true);
    expect(html).toContain("The Fed's balance sheet");
    expect(html).toContain("$bn");
    expect(html).toContain("Source: Federal Reserve Board H.4.1");
    expect(html).toContain("Data as of 2025-12-17.");
  });

  test("marks QT's events and joins those too close to label apart", () => {
    expect(html).toContain("QT starts");
    expect(html).toContain("Treasury cap $5bn");
    expect(html).toContain("QT ends · RMP starts");
  });

  test("displays as text/html in Jupyter (survives nbconvert's HTML export)", () => {
    const bundle = (chart as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]();
    expect(Object.keys(bundle)).toEqual(["text/html", "text/plain"]);
    expectDisplayedAs(bundle["text/html"], html);
  });

  test("SVG snapshot (numbers rounded, TZ=UTC)", () => {
    expect(rounded(html)).toMatchSnapshot();
  });
});

describe("mergeCloseEvents(events, minGapDays)", () => {
  test("joins events closer than the gap, dated at the first", () => {
    expect(
      mergeCloseEvents([{ date: "2025-12-12", label: "b" }, { date: "2025-12-01", label: "a" }, {
        date: "2026-03-01",
        label: "c",
      }], 30),
    ).toEqual([
      { date: "2025-12-01", label: "a · b" },
      { date: "2026-03-01", label: "c" },
    ]);
    expect(mergeCloseEvents([], 10)).toEqual([]);
  });
});
