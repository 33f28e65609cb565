import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeDollars, unescapedDollarPairs } from "../../lib/report/markdown.ts";
import { cellSource, cellTags, readNotebook } from "../../lib/report/notebook.ts";

const root = join(import.meta.dirname, "..", "..");
const notebooks = readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();

describe("committed notebooks are tidy (npx tsx scripts/notebooks-tidy.ts fixes them)", () => {
  it("escapeDollars escapes currency outside code, once; unescapedDollarPairs counts what MathJax would pair", () => {
    expect(escapeDollars("from $20bn to $30bn, `a $ b`, already \\$5")).toBe(
      "from \\$20bn to \\$30bn, `a $ b`, already \\$5",
    );
    expect(escapeDollars(escapeDollars("$1 and $2"))).toBe("\\$1 and \\$2");
    expect(unescapedDollarPairs("from $20bn to $30bn")).toBe(1);
    expect(unescapedDollarPairs("from \\$20bn to \\$30bn and `$x$`")).toBe(0);
  });
  it.each(notebooks)("%s: no markdown cell holds a pair of unescaped dollar signs", (nb) => {
    const cells = readNotebook(join(root, "notebooks", nb)).cells.filter((c) => c.cell_type === "markdown");
    expect(cells.filter((c) => unescapedDollarPairs(cellSource(c)) > 0).map((c) => cellSource(c).slice(0, 80))).toEqual(
      [],
    );
  });
  it.each(notebooks)("%s: no outputs and no execution counts", (nb) => {
    const cells = readNotebook(join(root, "notebooks", nb)).cells.filter((c) => c.cell_type === "code");
    expect(cells.filter((c) => (c.outputs ?? []).length > 0 || c.execution_count != null).length).toBe(0);
  });
  it.each(notebooks)("%s: no injected-parameters cell (Jupyter's Apply to notebook writes one)", (nb) => {
    const cells = readNotebook(join(root, "notebooks", nb)).cells;
    expect(cells.filter((c) => cellTags(c).includes("injected-parameters")).length).toBe(0);
  });
});
