/**
 * Write each notebook's `parameters` cell from its article's declaration (lib/articles/<slug>/params.ts),
 * so the cell a reader edits is the declaration: one line per parameter with its unit and source.
 *
 *   npx tsx scripts/params-cell.ts           rewrite the cells that differ, and say which
 *   npx tsx scripts/params-cell.ts --check   list the cells that differ; exit 1 if any does
 */
import { join } from "node:path";
import { articleParamsFor } from "../lib/report/articleParams.ts";
import { cellSource, readNotebook, toSourceLines, writeNotebook } from "../lib/report/notebook.ts";
import { parametersCellIndex } from "../lib/report/parameters.ts";
import { listNotebooks, PROJECT_ROOT } from "../lib/report/run.ts";
import { renderParametersCell } from "../lib/params/schema.ts";

const check = process.argv.includes("--check");
const dir = join(PROJECT_ROOT, "notebooks");
let differ = 0;
for (const name of listNotebooks(dir)) {
  const declared = await articleParamsFor(join(PROJECT_ROOT, "lib"), name);
  if (!declared) {
    console.log(`${name}: no article declaration (lib/articles/${name.replace(/^\d+-/, "")}/params.ts)`);
    differ++;
    continue;
  }
  const path = join(dir, `${name}.ipynb`);
  const nb = readNotebook(path);
  const i = parametersCellIndex(nb);
  if (i < 0) throw new Error(`${name}: no cell tagged "parameters"`);
  const want = renderParametersCell(declared);
  if (cellSource(nb.cells[i]) === want) continue;
  differ++;
  if (check) console.log(`${name}: the parameters cell differs from its declaration`);
  else {
    nb.cells[i].source = toSourceLines(want);
    writeNotebook(path, nb);
    console.log(`${name}: parameters cell rewritten from its declaration`);
  }
}
if (check && differ) process.exit(1);
