import * as Plot from "@observablehq/plot";
import { describe, expect, test } from "vitest";
import { marginsForLabels, measuringMarks } from "../../lib/plot/common.ts";
import { document } from "../../lib/plot/document.ts";

const rows = [
  { size: "0", drain: "10", spreadBp: -3.2, panel: "left" },
  { size: "25", drain: "12.5", spreadBp: 8.1, panel: "left" },
  { size: "0", drain: "10", spreadBp: 11.4, panel: "right" },
  { size: "25", drain: "12.5", spreadBp: 1234.5, panel: "right" },
];
const options: Plot.PlotOptions = {
  fx: { label: null },
  y: { label: "Organic drain ($bn/month)" },
  color: { type: "threshold", scheme: "RdBu", domain: [-5, 0, 5], legend: true },
  marks: [
    Plot.cell(rows, { x: "size", y: "drain", fx: "panel", fill: "spreadBp", title: (d) => `${d.spreadBp} bp` }),
    Plot.text(rows, { x: "size", y: "drain", fx: "panel", text: (d) => `${d.spreadBp} bp, a long label` }),
  ],
};

describe("measuringMarks(marks)", () => {
  test("draws no mark and evaluates no unscaled channel, yet gives the tick labels, and so the margins, of the full chart", () => {
    let titles = 0;
    const counted = [
      Plot.cell(rows, {
        x: "size",
        y: "drain",
        fx: "panel",
        fill: "spreadBp",
        title: (d) => (titles++, `${d.spreadBp}`),
      }),
    ];
    const measured = Plot.plot({ ...options, marks: measuringMarks(counted), document }) as Element;
    expect(titles).toBe(0);
    expect(measured.querySelectorAll('[aria-label="cell"] rect').length).toBe(0);
    const full = Plot.plot({ ...options, document }) as Element;
    expect(full.querySelectorAll('[aria-label="cell"] rect').length).toBe(4);
    const lean = Plot.plot({ ...options, marks: measuringMarks(options.marks), document }) as Element;
    expect(marginsForLabels(lean)).toEqual(marginsForLabels(full));
    const ticks = (e: Element) =>
      [...e.querySelectorAll('[aria-label$="tick label"] text')].map((t) => t.textContent).join("|");
    expect(ticks(lean)).toBe(ticks(full));
  });
});
