/**
 * Declaring a live view from a notebook cell:
 *
 *     import { liveView } from "../lib/live/liveView.ts";
 *     liveView("rmpFan", inputs, { horizonMonths, scenarioSizesUsdBnPerMonth, scenarioProbabilities })
 *
 * runs the registered view function (lib/live/registry.ts) on the data and params, exactly as the page
 * will, and returns a displayable element holding:
 *   - the static rendering (figures + chart), visible in Jupyter and in the report without JavaScript;
 *   - a one-line list of the assumptions it ran with (the page replaces it with the assumptions panel);
 *   - an inert <script type="application/json" class="qtlab-live-spec"> with the view's name, its data,
 *     the params, and its controls (label, unit, range, step, starting value, default).
 *
 * Starting values and defaults: a control starts at the value in `params` — the value the notebook ran
 * with, so a report run with `-p name=value` opens showing that override, identical to its static
 * rendering. Its reset target (`default`) is the notebook's declared default: the report runner fills it
 * in from the parameters cell when it exports the page (lib/live/export.ts); in Jupyter, where nothing is
 * exported, it is the value it ran with.
 *
 * The data and params must be plain JSON (ISO date strings, no Date, NaN or class instances): the static
 * rendering is computed from their JSON round trip, so the page redraws from exactly the same inputs.
 */
import { type Displayable, displayable } from "../plot/display.ts";
import { document } from "../plot/document.ts";
import { controlPaths, LiveViewError, resolveControls, scriptSafeJson, SPEC_CLASS, strictJson } from "./controls.ts";
import { type LiveViewData, type LiveViewName, type LiveViewParams, lookupView, registeredNames } from "./registry.ts";
import { checkOutput, LIVE_CLASS, outputElement } from "./render.ts";
import type { AnyArticleParams } from "../params/schema.ts";
import type { ControlSpec, LiveSpec, ResolvedControl } from "./types.ts";

export interface LiveViewOptions {
  /** Id unique on the page (default: the view's name). Letters, digits, "-" and "_". */
  id?: string;
  /** The controls to offer instead of the registered ones (e.g. a subset). */
  controls?: readonly ControlSpec[];
  /** Heading of the assumptions panel (default: the registered title). */
  title?: string;
  /**
   * The article's parameter declaration: every number control on a declared name takes its min, max,
   * step and unit from it, so a value the notebook accepted is always inside the control's range.
   */
  declaration?: AnyArticleParams;
}

/** A number control bounded by the declaration of its parameter (`name`, `name.KEY`, `name.INDEX`). */
export function boundedByDeclaration(c: ControlSpec, declaration: AnyArticleParams | undefined): ControlSpec {
  if (!declaration || c.kind === "choice" || c.kind === "probabilities") return c;
  const root = c.param.split(".")[0];
  const spec = Object.hasOwn(declaration.specs, root) ? declaration.specs[root] : undefined;
  if (!spec || !("min" in spec.kind) || spec.kind.type === "month" || spec.kind.type === "date") return c;
  const { min, max, step } = spec.kind as { min: number; max: number; step?: number };
  return { ...c, min, max, step: step ?? c.step, unit: spec.unit || c.unit };
}

const fmt = (v: unknown) => (typeof v === "number" ? String(Number(v.toPrecision(12))) : String(v));

/** "Base purchases 40 $bn/month · Schedule flat · Scenario probabilities: Low 0.25, Base 0.5, High 0.25". */
export function assumptionsLine(controls: readonly ResolvedControl[]): string {
  return controls
    .map((c) =>
      c.kind === "probabilities"
        ? `${c.label}: ${c.members.map((m) => `${m.label} ${fmt(m.value)}`).join(", ")}`
        : c.kind === "choice"
        ? `${c.label} ${c.options.find((o) => o.value === c.value)?.label ?? fmt(c.value)}`
        : `${c.label} ${fmt(c.value)}${c.unit ? ` ${c.unit}` : ""}`
    )
    .join(" · ");
}

/** The data of the last view built: its JSON text and that text parsed. */
let lastData: { json: string; value: unknown } | undefined;

/**
 * `json` parsed, or the value parsed from the same text by the view built before: a notebook's views drawn
 * on the same data (the RMP article's three, on every rerun) then share one copy of it, and with it what a
 * view keeps by its data (lib/live/views/rmp.ts: the scenario model, the fans). Views only read their data,
 * as in the page, which parses it once and redraws on it many times.
 */
function embedded(json: string): unknown {
  if (lastData?.json !== json) lastData = { json, value: JSON.parse(json) };
  return lastData.value;
}

/**
 * Build the spec and the static rendering of a registered view (used by {@link liveView}; exported for
 * tests). Throws a LiveViewError for an unknown view, bad controls or data that cannot travel as JSON.
 */
export function liveSpec(
  name: string,
  data: unknown,
  params: unknown,
  options: LiveViewOptions = {},
): { spec: LiveSpec; output: ReturnType<typeof checkOutput> } {
  const def = lookupView(name);
  if (!def) throw new LiveViewError(`unknown live view "${name}"; registered: ${registeredNames().join(", ")}`);
  const id = options.id ?? name;
  if (!/^[A-Za-z][\w-]*$/.test(id)) {
    throw new LiveViewError(`live view id "${id}" must start with a letter and hold only letters, digits, "-" and "_"`);
  }
  const where = `live view "${id}"`;
  const embeddedData = embedded(strictJson(data, "data"));
  const embeddedParams: unknown = JSON.parse(strictJson(params, "params"));
  const controls = resolveControls(
    (options.controls ?? def.controls).map((c) => boundedByDeclaration(c, options.declaration)),
    embeddedParams,
    where,
  );
  if (controls.length === 0) throw new LiveViewError(`${where}: no controls, so nothing for a reader to change`);
  const output = checkOutput(def.view(embeddedData, embeddedParams), where);
  const spec: LiveSpec = {
    version: 1,
    view: name,
    id,
    title: options.title ?? def.title,
    data: embeddedData,
    params: embeddedParams,
    controls,
    defaultsFromNotebook: false,
  };
  return { spec, output };
}

/**
 * The line a live view shows where its controls would be when no page script runs (in Jupyter, or a
 * report opened without JavaScript): the assumptions it was drawn with, and how to change them there.
 */
export function staticNoteText(controls: LiveSpec["controls"]): string {
  return `Assumptions: ${
    assumptionsLine(controls)
  }. Static here: change them in the notebook's parameters cell and rerun, or open the exported report (npm run report) to change them in the page.`;
}

/**
 * Declare a live view in a notebook cell (make it the cell's last expression): the static rendering of
 * `LIVE_VIEWS[name].view(data, params)` plus what the report page needs to redraw it when a reader changes
 * an assumption. See the module comment for starting values, defaults and the JSON rule.
 */
export function liveView<K extends LiveViewName>(
  name: K,
  data: LiveViewData<K>,
  params: LiveViewParams<K>,
  options?: LiveViewOptions,
): HTMLDivElement & Displayable;
/** A view registered at run time (a test fixture): untyped data and params. */
export function liveView(
  name: string,
  data: unknown,
  params: unknown,
  options?: LiveViewOptions,
): HTMLDivElement & Displayable;
export function liveView(
  name: string,
  data: unknown,
  params: unknown,
  options: LiveViewOptions = {},
): HTMLDivElement & Displayable {
  const { spec, output } = liveSpec(name, data, params, options);
  const root = document.createElement("div");
  root.setAttribute("class", LIVE_CLASS.root);
  root.setAttribute("data-view", spec.view);
  root.setAttribute("data-live-id", spec.id);
  root.setAttribute("data-params", spec.controls.flatMap(controlPaths).join(" "));
  const note = document.createElement("p");
  note.setAttribute("class", LIVE_CLASS.staticNote);
  note.setAttribute("style", "font-size:12px;color:#555;margin:0 0 6px 0;");
  note.textContent = `${staticNoteText(spec.controls)}`;
  const script = document.createElement("script");
  script.setAttribute("type", "application/json");
  script.setAttribute("class", SPEC_CLASS);
  script.textContent = scriptSafeJson(JSON.stringify(spec));
  root.append(note, outputElement(output), script);
  return displayable(root as HTMLDivElement, `${spec.title} (live view; ${assumptionsLine(spec.controls)})`);
}
