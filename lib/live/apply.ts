/**
 * "Apply to notebook" (the Notebook page's live views, lib/live/jupyter.ts): the assumptions a reader chose
 * in the live views, as the overrides of an `injected-parameters` cell right after the notebook's
 * `parameters` cell (the report runner's convention, lib/report/parameters.ts).
 *
 * A control's path names a notebook parameter or a part of one (`scenarioSizesUsdBnPerMonth.A`,
 * `horizonsTradingDays.2`): the override of a parameter is its whole value as the view ran with it (the
 * view's params) with the chosen parts changed. Overrides of an earlier injected cell that no view
 * controls are kept; an override equal to the parameters cell's default is dropped (no overrides left:
 * no injected cell). Pure: no DOM, no Jupyter.
 */
import { injectedSource, type Parameter, parseParameters } from "../params/parametersCell.ts";
import { controlPaths, LiveViewError, pathSegments, withValues } from "./controls.ts";
import type { ControlValue, LiveSpec } from "./types.ts";

/** The first line of the injected cell "Apply to notebook" writes (without its "// "). */
export const APPLIED_COMMENT = "Assumptions applied from a live view (they override the defaults above).";

/** Deep equality of two JSON values (object key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b as object, k) && sameJson((a as never)[k], (b as never)[k]));
}

/** Same JSON shape: type, and for objects and arrays the same keys, recursively. */
function sameShape(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    return (a === null) === (b === null) && typeof a === typeof b;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  return ka.length === Object.keys(b as object).length &&
    ka.every((k) => Object.hasOwn(b as object, k) && sameShape((a as never)[k], (b as never)[k]));
}

/**
 * The overrides that put `values` (the page's value per control path) into the notebook, in the
 * parameters cell's order. `specs` are the live views on the page (their params: what the kernel ran
 * with). Throws a LiveViewError naming the path when a control is not a parameter of the notebook, or
 * when a view's value of a parameter is not shaped like its default.
 */
export function appliedOverrides(
  parametersSource: string,
  injectedBefore: string | undefined,
  specs: readonly LiveSpec[],
  values: Readonly<Record<string, ControlValue>>,
): Record<string, unknown> {
  const declared: Parameter[] = parseParameters(parametersSource, "the parameters cell");
  const byName = new Map(declared.map((p) => [p.name, p]));
  const earlier = injectedBefore === undefined ? [] : parseParameters(injectedBefore, "the injected-parameters cell");
  const chosen = new Map<string, unknown>(earlier.map((p) => [p.name, p.default]));
  for (const spec of specs) {
    const paths = spec.controls.flatMap(controlPaths).filter((p) => Object.hasOwn(values, p));
    const roots = [...new Set(paths.map((p) => pathSegments(p)[0]))];
    for (const root of roots) {
      const param = byName.get(root);
      if (!param) {
        throw new LiveViewError(
          `live view "${spec.id}": "${root}" is not declared in the notebook's parameters cell, so it cannot be applied`,
        );
      }
      const own = Object.fromEntries(paths.filter((p) => pathSegments(p)[0] === root).map((p) => [p, values[p]]));
      const base = { [root]: (spec.params as Record<string, unknown>)[root] };
      const next = withValues(base, own)[root];
      if (!sameShape(next, param.default)) {
        throw new LiveViewError(
          `live view "${spec.id}": its value of "${root}" (${JSON.stringify(next)}) is not shaped like the ` +
            `parameters cell's (${JSON.stringify(param.default)})`,
        );
      }
      chosen.set(root, next);
    }
  }
  const out: Record<string, unknown> = {};
  for (const p of declared) {
    if (chosen.has(p.name) && !sameJson(chosen.get(p.name), p.default)) out[p.name] = chosen.get(p.name);
  }
  return out;
}

/** The injected-parameters cell's source for `overrides`, or undefined when there are none. */
export function appliedSource(overrides: Record<string, unknown>): string | undefined {
  return Object.keys(overrides).length ? injectedSource(overrides, APPLIED_COMMENT) : undefined;
}
