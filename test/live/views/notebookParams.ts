/**
 * Test helper: a notebook's declared parameters (its parameters cell, read as the report runner reads it)
 * and the params object a live view is called with, picked from them by name.
 */
import { join } from "node:path";
import { readNotebook } from "../../../lib/report/notebook.ts";
import { notebookParameters } from "../../../lib/report/parameters.ts";

const NOTEBOOKS = join(import.meta.dirname, "..", "..", "..", "notebooks");

/** name → default of every parameter the notebook declares. */
export function declaredParameters(notebook: string): Record<string, unknown> {
  return Object.fromEntries(
    notebookParameters(readNotebook(join(NOTEBOOKS, `${notebook}.ipynb`)), notebook).map((p) => [p.name, p.default]),
  );
}

/** The given names picked from the declared parameters; throws on a name the notebook does not declare. */
export function pick<T>(declared: Record<string, unknown>, names: readonly string[]): T {
  for (const n of names) if (!(n in declared)) throw new Error(`the notebook declares no parameter "${n}"`);
  return Object.fromEntries(names.map((n) => [n, declared[n]])) as T;
}
