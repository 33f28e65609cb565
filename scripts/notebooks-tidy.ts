/**
 * Keep the committed notebooks clean and readable in Jupyter:
 *   - no outputs and no execution counts (the report command produces executed copies);
 *   - no cell tagged `injected-parameters` ("Apply to notebook" in a live view writes one in Jupyter; the
 *     committed notebook runs with its parameters cell's defaults);
 *   - every currency dollar sign in markdown escaped as "\$", so the Notebook's MathJax never reads two
 *     dollar amounts as mathematics (the report shows "$" either way).
 *
 *   npx tsx scripts/notebooks-tidy.ts           tidy notebooks/*.ipynb in place, saying what changed
 *   npx tsx scripts/notebooks-tidy.ts --check   list what is not tidy; exit 1 if anything is
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { cellSource, cellTags, readNotebook, toSourceLines, writeNotebook } from "../lib/report/notebook.ts";
import { PROJECT_ROOT } from "../lib/report/run.ts";
import { escapeDollars, unescapedDollarPairs } from "../lib/report/markdown.ts";

const check = process.argv.includes("--check");
const dir = join(PROJECT_ROOT, "notebooks");
let untidy = 0;
for (const f of readdirSync(dir).filter((n) => n.endsWith(".ipynb")).sort()) {
  const path = join(dir, f);
  const nb = readNotebook(path);
  const problems: string[] = [];
  const injected = nb.cells.filter((c) => cellTags(c).includes("injected-parameters"));
  if (injected.length) {
    problems.push("an injected-parameters cell");
    nb.cells = nb.cells.filter((c) => !injected.includes(c));
  }
  for (const c of nb.cells) {
    if (c.cell_type === "code" && ((c.outputs ?? []).length > 0 || c.execution_count != null)) {
      problems.push("outputs or execution counts");
      c.outputs = [];
      c.execution_count = null;
    }
    if (c.cell_type === "markdown" && unescapedDollarPairs(cellSource(c)) > 0) {
      problems.push("unescaped dollar signs in markdown");
      c.source = toSourceLines(escapeDollars(cellSource(c)));
    }
  }
  if (problems.length === 0) continue;
  untidy++;
  if (check) console.log(`${f}: ${[...new Set(problems)].join(", ")}`);
  else {
    writeNotebook(path, nb);
    console.log(`${f}: tidied (${[...new Set(problems)].join(", ")})`);
  }
}
if (check && untidy) process.exit(1);
