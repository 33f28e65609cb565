/**
 * Every live view a report page can redraw, by name. A notebook declares a view by this name
 * (lib/live/declare.ts liveView), and the page's bundle (lib/live/browser.ts) looks the same name up to
 * call the same function. To add a view: define a LiveViewDef next to the lib/plot chart it draws (or in
 * lib/live/views/<name>.ts), import it here and add it under its `name`.
 *
 * Everything imported here is bundled into every report page that has a live view: keep view modules
 * free of I/O (no lib/data, no node: imports) so they bundle for the browser.
 *
 * A definition, e.g. for a chart view `rmpFanView(inputs, params)` already in lib/plot:
 *
 *     export const rmpFan: LiveViewDef<RmpInputs, RmpParams> = {
 *       name: "rmpFan",
 *       title: "Reserves under the RMP scenarios",
 *       view: (inputs, params) => ({ chart: rmpFanView(inputs, params), figures: [
 *         { id: "expectedPurchases", label: "Expected purchases", value: x, text: `$${x.toFixed(1)}bn/month` } ] }),
 *       controls: [
 *         { param: "scenarioSizesUsdBnPerMonth.A", label: "Scenario A size", min: 0, max: 80, step: 2.5 },
 *         { kind: "choice", param: "scheduleShape", label: "Schedule", options: [{ value: "flat", label: "flat" }, { value: "front-loaded", label: "front-loaded" }] },
 *         { kind: "probabilities", label: "Scenario probabilities", members: [
 *           { param: "scenarioProbabilities.A", label: "A" }, { param: "scenarioProbabilities.B", label: "B" }, { param: "scenarioProbabilities.C", label: "C" } ] },
 *       ],
 *     };
 *
 * `param` paths use the notebook's parameter names (the report fills each control's reset target from
 * the parameters cell by that name); units come from the names' suffixes unless given.
 */
import type { LiveViewDef } from "./types.ts";
import { eventHorizonsLive } from "./views/eventHorizons.ts";
import { foreignSaleImpactLive } from "./views/foreignSaleImpact.ts";
import { rmpExpectedLive, rmpFanLive, rmpScenarioTableLive } from "./views/rmp.ts";
import { runoffUnderCapsLive } from "./views/runoffUnderCaps.ts";

export const LIVE_VIEWS = {
  // 01 QT mechanics
  runoffUnderCaps: runoffUnderCapsLive,
  // 03 foreign selling
  foreignSaleImpact: foreignSaleImpactLive,
  // 04 QT end and risk assets
  eventHorizons: eventHorizonsLive,
  // 05 RMP scenarios
  rmpExpected: rmpExpectedLive,
  rmpFan: rmpFanLive,
  rmpScenarioTable: rmpScenarioTableLive,
  // deno-lint-ignore no-explicit-any
} satisfies Record<string, LiveViewDef<any, any>>;

/** A registered view's name. */
export type LiveViewName = keyof typeof LIVE_VIEWS;
/** The data a registered view takes. */
// deno-lint-ignore no-explicit-any
export type LiveViewData<K extends LiveViewName> = (typeof LIVE_VIEWS)[K] extends LiveViewDef<infer D, any> ? D : never;
/** The params a registered view takes. */
// deno-lint-ignore no-explicit-any
export type LiveViewParams<K extends LiveViewName> = (typeof LIVE_VIEWS)[K] extends LiveViewDef<any, infer P> ? P
  : never;

/** Views registered at run time (the tests' fixture), besides the report pages' own. */
const EXTRA_VIEWS = new Map<string, LiveViewDef<unknown, unknown>>();

/** Register a view that is not one of qtlab's own (a test fixture). Refuses a name already taken. */
// deno-lint-ignore no-explicit-any
export function registerView(def: LiveViewDef<any, any>): void {
  if (Object.hasOwn(LIVE_VIEWS, def.name) || (EXTRA_VIEWS.has(def.name) && EXTRA_VIEWS.get(def.name) !== def)) {
    throw new Error(`a live view named "${def.name}" is already registered`);
  }
  EXTRA_VIEWS.set(def.name, def);
}

/** Every registered view's name: qtlab's own, then those registered at run time. */
export function registeredNames(): string[] {
  return [...Object.keys(LIVE_VIEWS), ...EXTRA_VIEWS.keys()];
}

/** The registered view of a name, or undefined. */
export function lookupView(name: string): LiveViewDef<unknown, unknown> | undefined {
  return Object.hasOwn(LIVE_VIEWS, name)
    ? (LIVE_VIEWS as Record<string, LiveViewDef<unknown, unknown>>)[name]
    : EXTRA_VIEWS.get(name);
}
