/**
 * Notebooks stay short: narrative, the parameters cell, one open call and display calls. Measured from the
 * committed .ipynb files: at most 3,000 characters of code per notebook outside the parameters cell, no
 * such code cell over 1,200 characters, no line over 120 columns.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cellSource, cellTags, readNotebook } from "../../lib/report/notebook.ts";

const root = join(import.meta.dirname, "..", "..");
const notebooks = readdirSync(join(root, "notebooks"))
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

describe("notebooks are narrative plus display calls", () => {
  it.each(notebooks)(
    "%s: ≤ 3,000 code characters outside the parameters cell, no cell over 1,200, no line over 120",
    (nb) => {
      const cells = readNotebook(join(root, "notebooks", nb)).cells.filter((c) =>
        c.cell_type === "code" && !cellTags(c).includes("parameters")
      );
      const sizes = cells.map((c) => cellSource(c).length);
      expect(sizes.reduce((a, b) => a + b, 0), `${nb}: code characters`).toBeLessThanOrEqual(3000);
      expect(Math.max(0, ...sizes), `${nb}: largest code cell`).toBeLessThanOrEqual(1200);
      const all = readNotebook(join(root, "notebooks", nb)).cells;
      const long = all.flatMap((
        c,
        i,
      ) => (c.cell_type === "markdown"
        ? []
        : cellSource(c).split("\n").filter((l) => l.length > 120).map((l) => `cell ${i}: ${l.slice(0, 60)}…`))
      );
      expect(long, nb).toEqual([]);
    },
  );

  it.each(notebooks)("%s: code cells hold no loops, claim logic or number formatting", (nb) => {
    const cells = readNotebook(join(root, "notebooks", nb)).cells.filter((c) =>
      c.cell_type === "code" && !cellTags(c).includes("parameters")
    );
    const code = cells.map(cellSource).join("\n");
    expect(code).not.toMatch(/\bfor\s*\(|\bwhile\s*\(|\.forEach\(|\.reduce\(/);
    expect(code).not.toMatch(/verdictFor|compare\(|toLocaleString|toFixed\(/);
  });
});
