/**
 * Convert between a qtlab notebook (.ipynb) and a plain "percent" script, for editing notebooks as text
 * and reviewing them in diffs. Outputs are never carried: the .ipynb written has none.
 *
 *   tsx scripts/nbpercent.ts to-ipynb notebooks/src.nb.ts notebooks/NN-slug.ipynb
 *   tsx scripts/nbpercent.ts to-percent notebooks/NN-slug.ipynb out.nb.ts
 *
 * Format: a line `// %%` starts a code cell, `// %% [markdown]` a markdown cell (each of its lines
 * written as `// text`), and `tags=a,b` after either adds cell tags, e.g. `// %% tags=parameters`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import {
  type Cell,
  cellSource,
  cellTags,
  newNotebook,
  readNotebook,
  toSourceLines,
  writeNotebook,
} from "../lib/report/notebook.ts";

const MARKER = /^\/\/ %%(?: \[(markdown|code)\])?(?: tags=([\w,-]+))?\s*$/;

/** Parse percent-format text into cells. */
export function percentToCells(text: string): Cell[] {
  const cells: Cell[] = [];
  let current: { type: "code" | "markdown"; tags: string[]; lines: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    while (current.lines.length && current.lines[current.lines.length - 1].trim() === "") current.lines.pop();
    const body = current.type === "markdown" ? current.lines.map((l) => l.replace(/^\/\/ ?/, "")) : current.lines;
    const cell: Cell = current.type === "markdown"
      ? { cell_type: "markdown", metadata: {}, source: toSourceLines(body.join("\n")) }
      : { cell_type: "code", metadata: {}, source: toSourceLines(body.join("\n")), execution_count: null, outputs: [] };
    if (current.tags.length) cell.metadata.tags = current.tags;
    cells.push(cell);
  };
  for (const line of text.split("\n")) {
    const m = MARKER.exec(line);
    if (m) {
      flush();
      current = { type: m[1] === "markdown" ? "markdown" : "code", tags: m[2] ? m[2].split(",") : [], lines: [] };
    } else if (current) {
      if (current.lines.length || line.trim() !== "") current.lines.push(line);
    }
  }
  flush();
  cells.forEach((c, i) => (c.id = `cell-${String(i).padStart(2, "0")}`));
  return cells;
}

/** Render cells as percent-format text. */
export function cellsToPercent(cells: Cell[]): string {
  return cells
    .map((c) => {
      const tags = cellTags(c).length ? ` tags=${cellTags(c).join(",")}` : "";
      const src = cellSource(c);
      if (c.cell_type === "markdown") {
        return `// %% [markdown]${tags}\n${src.split("\n").map((l) => (l ? `// ${l}` : "//")).join("\n")}\n`;
      }
      return `// %%${tags}\n${src}\n`;
    })
    .join("\n");
}

if (process.argv[1] && process.argv[1].endsWith("nbpercent.ts")) {
  const [cmd, input, output] = process.argv.slice(2);
  if (cmd === "to-ipynb" && input && output) {
    writeNotebook(output, newNotebook(percentToCells(readFileSync(input, "utf8"))));
  } else if (cmd === "to-percent" && input && output) {
    writeFileSync(output, cellsToPercent(readNotebook(input).cells));
  } else {
    console.error("usage: tsx scripts/nbpercent.ts to-ipynb IN.nb.ts OUT.ipynb | to-percent IN.ipynb OUT.nb.ts");
    process.exit(2);
  }
}
