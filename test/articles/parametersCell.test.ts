import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleParamsFor } from "../../lib/report/articleParams.ts";
import { readNotebook } from "../../lib/report/notebook.ts";
import { notebookParameters } from "../../lib/report/parameters.ts";

const root = join(import.meta.dirname, "..", "..");
const notebooks = readdirSync(join(root, "notebooks"))
  .filter((f) => f.endsWith(".ipynb"))
  .map((f) => f.replace(/\.ipynb$/, ""))
  .sort();

describe("every notebook's parameters cell is its article's declaration", () => {
  it.each(notebooks)("%s: the cell declares exactly the declaration's names and defaults, in order", async (name) => {
    const declared = await articleParamsFor(join(root, "lib"), name);
    expect(declared, `lib/articles/${name.replace(/^\d+-/, "")}/params.ts`).toBeDefined();
    const cell = notebookParameters(readNotebook(join(root, "notebooks", `${name}.ipynb`)), name);
    expect(cell.map((p) => p.name)).toEqual([...declared!.names]);
    expect(Object.fromEntries(cell.map((p) => [p.name, p.default]))).toEqual(declared!.defaults);
  });

  it.each(notebooks)("%s: each line of the cell names the parameter's unit and source", async (name) => {
    const declared = await articleParamsFor(join(root, "lib"), name);
    const cell = notebookParameters(readNotebook(join(root, "notebooks", `${name}.ipynb`)), name);
    for (const p of cell) {
      const spec = declared!.specs[p.name];
      expect(p.comment, p.name).toContain(spec.source);
      if (spec.unit) {
        expect(p.comment.startsWith(`${spec.unit};`), `${p.name}: "${p.comment}" starts with its unit "${spec.unit};"`)
          .toBe(true);
      }
    }
  });
});
