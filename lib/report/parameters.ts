/**
 * qtlab's notebook parameters, after papermill's convention for the Deno kernel.
 *
 * A notebook has ONE code cell tagged `parameters` declaring every assumption with its default, one
 * declaration each, as a JSON literal with a comment naming its source:
 *
 *     const capTreasuryUsdBnPerMonth = 5; // FOMC implementation note, 2025-03-19
 *     const scenarioProbabilities = [0.4, 0.35, 0.25]; // the article's scenarios A, B, C
 *
 * The report runner injects overrides as a new cell tagged `injected-parameters` right after it, which
 * redeclares the overridden names (the Deno kernel allows a `const` to be declared again in a later
 * cell). Opened by hand in Jupyter, a notebook runs with its defaults.
 */
import { type Cell, cellSource, cellTags, type Notebook, toSourceLines } from "./notebook.ts";
import {
  injectedSource,
  jsonType,
  type Parameter,
  type ParameterType,
  parseParameters,
} from "../params/parametersCell.ts";

export {
  injectedSource,
  jsonType,
  type Parameter,
  type ParameterType,
  parseParameters,
  toLiteral,
} from "../params/parametersCell.ts";

/** The index of the notebook's cell tagged `parameters`, or -1. Throws if more than one cell has it. */
export function parametersCellIndex(nb: Notebook): number {
  const idx = nb.cells.flatMap((c, i) => (c.cell_type === "code" && cellTags(c).includes("parameters") ? [i] : []));
  if (idx.length > 1) throw new Error(`more than one cell is tagged "parameters" (cells ${idx.join(", ")})`);
  return idx.length ? idx[0] : -1;
}

/** The parameters a notebook declares (empty if it has no parameters cell). */
export function notebookParameters(nb: Notebook, name = "notebook"): Parameter[] {
  const i = parametersCellIndex(nb);
  return i < 0 ? [] : parseParameters(cellSource(nb.cells[i]), `${name}: parameters cell`);
}

/** Levenshtein edit distance (for "did you mean"). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(
        prev[j] + 1,
        prev[j - 1] + 1,
        diag + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
      diag = up;
    }
  }
  return prev[b.length];
}

/** The declared name nearest to `name`, or undefined when none is reasonably close. */
export function nearestName(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = editDistance(name, n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best !== undefined && bestD <= Math.max(3, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Check overrides against a notebook's declared parameters before any kernel starts. Returns a list of
 * error messages (empty when all is well): an unknown name (with the valid names and the nearest
 * suggested), a value of another JSON type than the default's, a non-finite number.
 */
export function validateOverrides(
  params: readonly Parameter[],
  overrides: Record<string, unknown>,
  notebook = "notebook",
): string[] {
  const errors: string[] = [];
  const names = params.map((p) => p.name);
  for (const [name, value] of Object.entries(overrides)) {
    const p = params.find((x) => x.name === name);
    if (!p) {
      const near = nearestName(name, names);
      errors.push(
        `${notebook}: unknown parameter "${name}"${near ? ` (did you mean "${near}"?)` : ""}; valid names: ${
          names.join(", ") || "(none: the notebook has no parameters cell)"
        }`,
      );
      continue;
    }
    let type: ParameterType;
    try {
      type = jsonType(value);
    } catch {
      errors.push(`${notebook}: parameter "${name}" has a value that is not JSON`);
      continue;
    }
    if (type !== p.type && !(p.type === "null" || type === "null")) {
      errors.push(
        `${notebook}: parameter "${name}" must be a ${p.type} like its default ${
          JSON.stringify(p.default)
        }, got a ${type} (${JSON.stringify(value)})`,
      );
    } else if (typeof value === "number" && !Number.isFinite(value)) {
      errors.push(`${notebook}: parameter "${name}" must be a finite number`);
    }
  }
  return errors;
}

/**
 * Read a command-line value as papermill does: JSON if it parses (numbers, true/false, null, "strings",
 * [arrays], {objects}), otherwise the raw text as a string.
 */
export function parseCliValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Parse `-p name=value` into [name, value]. Throws on a malformed argument (no "=", empty or invalid
 * name), naming it.
 */
export function parseAssignment(arg: string): [string, unknown] {
  const eq = arg.indexOf("=");
  if (eq <= 0) throw new Error(`malformed parameter "${arg}": expected name=value`);
  const name = arg.slice(0, eq).trim();
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`malformed parameter "${arg}": "${name}" is not a valid name`);
  return [name, parseCliValue(arg.slice(eq + 1))];
}

/**
 * A copy of the notebook with the overrides injected as a cell tagged `injected-parameters` right after
 * the `parameters` cell (an earlier injected cell is replaced). With no overrides the notebook is
 * returned unchanged. Throws if there are overrides but no parameters cell.
 */
export function injectParameters(nb: Notebook, overrides: Record<string, unknown>): Notebook {
  const copy: Notebook = structuredClone(nb);
  copy.cells = copy.cells.filter((c) => !cellTags(c).includes("injected-parameters"));
  if (Object.keys(overrides).length === 0) return copy;
  const at = parametersCellIndex(copy);
  if (at < 0) throw new Error('the notebook has no cell tagged "parameters" to inject after');
  const cell: Cell = {
    cell_type: "code",
    id: "injected-parameters",
    metadata: { tags: ["injected-parameters"] },
    source: toSourceLines(injectedSource(overrides)),
    execution_count: null,
    outputs: [],
  };
  copy.cells.splice(at + 1, 0, cell);
  return copy;
}
