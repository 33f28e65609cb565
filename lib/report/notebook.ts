/**
 * The notebook file format (nbformat 4) as qtlab uses it: reading, writing, creating notebooks on the
 * qtlab kernel, and the checks the test run makes on executed notebooks.
 */
import { readFileSync } from "node:fs";
import { writeFileAtomic } from "../atomic.ts";

/** A notebook cell (nbformat 4). `source` may be a string or a list of lines, as Jupyter writes it. */
export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: { tags?: string[]; [key: string]: unknown };
  id?: string;
  execution_count?: number | null;
  outputs?: Output[];
}

/** A code cell's output (nbformat 4). */
export interface Output {
  output_type: "execute_result" | "display_data" | "stream" | "error";
  data?: Record<string, unknown>;
  text?: string | string[];
  name?: string;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  [key: string]: unknown;
}

export interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** The kernelspec metadata of a qtlab notebook. */
export const QTLAB_KERNELSPEC = { name: "qtlab", display_name: "qtlab (Deno)", language: "typescript" } as const;

/** A cell's source as one string. */
export function cellSource(cell: Pick<Cell, "source">): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** Split text into nbformat's list-of-lines form (each line keeps its "\n" but the last). */
export function toSourceLines(text: string): string[] {
  const lines = text.split("\n");
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l, i, all) =>
    !(i === all.length - 1 && l === "")
  );
}

/** Read and minimally check a notebook file; errors name the file. */
export function readNotebook(path: string): Notebook {
  let nb: Notebook;
  try {
    nb = JSON.parse(readFileSync(path, "utf8")) as Notebook;
  } catch (cause) {
    throw new Error(`${path}: not a readable notebook (${(cause as Error).message})`, { cause });
  }
  if (!Array.isArray(nb.cells) || nb.nbformat !== 4) throw new Error(`${path}: not an nbformat 4 notebook`);
  return nb;
}

/** Write a notebook as Jupyter does (1-space indent, trailing newline), atomically (temp file + rename). */
export function writeNotebook(path: string, nb: Notebook): void {
  writeFileAtomic(path, JSON.stringify(nb, null, 1) + "\n");
}

/** A new notebook on the qtlab kernel. */
export function newNotebook(cells: Cell[]): Notebook {
  return {
    cells,
    metadata: {
      kernelspec: { ...QTLAB_KERNELSPEC },
      language_info: {
        name: "typescript",
        file_extension: ".ts",
        mimetype: "text/x.typescript",
        codemirror_mode: "typescript",
        pygments_lexer: "typescript",
      },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** The cells' tags. */
export function cellTags(cell: Pick<Cell, "metadata">): string[] {
  return Array.isArray(cell.metadata?.tags) ? cell.metadata.tags : [];
}

/**
 * Whether a code cell must produce an output when executed: its last statement is a bare expression
 * (a chart, a table, a value), not a declaration, import, assignment or a statement ended with ";".
 * The notebook test fails a cell that should have shown something and came back empty, which is how a
 * lost output (the kernel publishing after its idle status) would otherwise pass unnoticed.
 */
export function expectsOutput(source: string): boolean {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\/\/.*$/, ""))
    .join("\n")
    .trim();
  if (code === "") return false;
  if (code.endsWith(";")) return false;
  // The last top-level statement: the text after the last line that starts at column 0.
  const lines = code.split("\n");
  let start = lines.length - 1;
  while (start > 0 && /^[\s)\]}.,?:+\-*/|&]/.test(lines[start])) start--;
  const last = lines.slice(start).join("\n").trim();
  if (
    /^(import|export|const|let|var|function|async function|class|type|interface|enum|if|for|while|do|switch|try|throw|return)\b/
      .test(last)
  ) {
    return false;
  }
  if (/^[A-Za-z_$][\w$.]*\s*(=|\+=|-=|\*=|\/=)[^=]/.test(last)) return false;
  return true;
}

/** Strip terminal colour codes from kernel text (tracebacks). */
export function stripAnsi(text: string): string {
  // deno-lint-ignore no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
