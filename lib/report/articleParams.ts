/**
 * The report command's side of the parameter declarations: find a notebook's article declaration, check
 * every override against it before any kernel starts, and list the parameters for a reader or a machine.
 *
 * A notebook `NN-<slug>.ipynb` is run by the article in `lib/articles/<slug>/`, whose `params.ts` exports
 * one `defineParams(...)` declaration.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readManifest } from "../data/manifest.ts";
import {
  allowedShort,
  type AnyArticleParams,
  cellLiteral,
  type DataRange,
  jsonSchemaOf,
  validateParams,
} from "../params/schema.ts";
import { nearestName } from "./parameters.ts";

/** The article folder's name for a notebook name: "05-rmp-scenarios" → "rmp-scenarios". */
export function articleSlug(notebook: string): string {
  return notebook.replace(/^\d+-/, "");
}

/** True when a value is an article's parameter declaration (what `defineParams` returns). */
function isArticleParams(v: unknown): v is AnyArticleParams {
  return !!v && typeof v === "object" && "specs" in v && "names" in v && "defaults" in v && "schema" in v;
}

/**
 * The parameter declaration of a notebook's article, or undefined when the notebook has no article folder.
 * Throws when the folder's params.ts exports no declaration or more than one.
 */
export async function articleParamsFor(libDir: string, notebook: string): Promise<AnyArticleParams | undefined> {
  const file = join(libDir, "articles", articleSlug(notebook), "params.ts");
  if (!existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const found = Object.values(mod).filter(isArticleParams);
  if (found.length !== 1) {
    throw new Error(`${file}: expected one parameter declaration (defineParams), found ${found.length}`);
  }
  return found[0];
}

/** The shipped data's date range from the manifest: the earliest first date to the latest last date. */
export function shippedDataRange(dataDir?: string): DataRange {
  const files = Object.values(readManifest(dataDir).files);
  return { from: files.map((f) => f.firstDate).sort()[0], to: files.map((f) => f.lastDate).sort().at(-1)! };
}

/** A notebook and its declaration. */
export interface DeclaredNotebook {
  name: string;
  params: AnyArticleParams;
}

/** Overrides for every notebook and per notebook. Objects without a prototype, so "__proto__" is a plain key. */
export interface OverrideSet {
  all: Record<string, unknown>;
  byNotebook: Record<string, Record<string, unknown>>;
}

/** An empty override set (null-prototype objects). */
export function emptyOverrides(): OverrideSet {
  return { all: Object.create(null), byNotebook: Object.create(null) };
}

/**
 * Check every override against the selected notebooks' declarations. A global override applies to each
 * notebook that declares the name and must be declared by at least one; a scoped one must be declared by
 * its notebook. Returns the overrides per notebook, or the errors: one line per bad parameter naming the
 * notebook, the parameter, the value given and what is allowed, with the nearest known name for an
 * unknown one.
 */
export function planFromDeclarations(
  notebooks: readonly DeclaredNotebook[],
  overrides: OverrideSet,
  data?: DataRange,
): { plan: Record<string, Record<string, unknown>>; errors: string[] } {
  const errors: string[] = [];
  const plan: Record<string, Record<string, unknown>> = Object.fromEntries(
    notebooks.map((n) => [n.name, Object.create(null) as Record<string, unknown>]),
  );
  const unknown = (where: string, name: string, names: readonly string[]) => {
    const near = nearestName(name, names);
    errors.push(
      `${where}: unknown parameter "${name}"${near ? ` (did you mean "${near}"?)` : ""}; known: ${
        names.join(", ") || "none"
      }`,
    );
  };
  // Each value on its own first; the rules across parameters once every override of a notebook is known.
  const check = (nb: DeclaredNotebook, values: Record<string, unknown>) => {
    const r = validateParams(nb.params, values, data, { crossRules: false });
    if (r.ok) return;
    for (const e of r.errors) {
      if (e.message.startsWith("unknown parameter")) unknown(nb.name, e.name, nb.params.names);
      else {errors.push(
          `${nb.name}: ${e.name}${
            e.path && !e.message.includes(`at ${e.path}`) ? ` (at ${e.path})` : ""
          }: ${e.message}`,
        );}
    }
  };
  for (const name of Object.keys(overrides.all)) {
    const value = overrides.all[name];
    const takers = notebooks.filter((n) =>
      Object.hasOwn(n.params.specs, name) && !["__proto__", "constructor", "prototype"].includes(name)
    );
    if (takers.length === 0) {
      unknown(notebooks.length === 1 ? notebooks[0].name : "the selected notebooks", name, [
        ...new Set(notebooks.flatMap((n) => n.params.names)),
      ]);
      continue;
    }
    for (const n of takers) {
      check(n, { [name]: value });
      plan[n.name][name] = value;
    }
  }
  for (const nbName of Object.keys(overrides.byNotebook)) {
    const nb = notebooks.find((n) => n.name === nbName);
    if (!nb) {
      errors.push(
        `parameters given for notebook "${nbName}", which is not selected (selected: ${
          notebooks.map((n) => n.name).join(", ")
        })`,
      );
      continue;
    }
    const values = overrides.byNotebook[nbName];
    check(nb, values);
    for (const k of Object.keys(values)) plan[nbName][k] = values[k];
  }
  // Cross rules see a notebook's whole set of overrides together.
  if (errors.length === 0) {
    for (const nb of notebooks) {
      const r = validateParams(nb.params, plan[nb.name], data);
      if (!r.ok) { for (const e of r.errors) errors.push(`${nb.name}: ${e.name}: ${e.message}`); }
    }
  }
  return { plan, errors };
}

/** One row of `--list-params`. */
export interface ParamRow {
  name: string;
  unit: string;
  default: unknown;
  allowed: string;
  meaning: string;
  source: string;
}

/** The rows of `--list-params` for a declaration. */
export function paramRows(params: AnyArticleParams): ParamRow[] {
  return params.names.map((n: string) => {
    const s = params.specs[n];
    return {
      name: n,
      unit: s.unit,
      default: s.default,
      allowed: allowedShort(s),
      meaning: s.meaning,
      source: s.source,
    };
  });
}

/** `--list-params` as a text table: name, unit, default, allowed, meaning, source. */
export function paramsTable(notebook: string, params: AnyArticleParams): string {
  const rows = paramRows(params).map((r) => [r.name, r.unit, cellLiteral(r.default), r.allowed, r.meaning, r.source]);
  const head = ["name", "unit", "default", "allowed", "meaning", "source"];
  const widths = head.map((h, c) => (c >= 4 ? 0 : Math.max(h.length, ...rows.map((r) => Math.min(r[c].length, 40)))));
  const line = (r: string[]) => r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]) : cell)).join("  ").trimEnd();
  return [`${notebook}: ${rows.length} parameters (override with -p NAME=VALUE)`, "", line(head), ...rows.map(line)]
    .join("\n");
}

/** `--list-params --json`: the rows and the JSON Schema of the declaration. */
export function paramsJson(notebook: string, params: AnyArticleParams): string {
  return JSON.stringify({ notebook, parameters: paramRows(params), jsonSchema: jsonSchemaOf(params) }, null, 2);
}
