/**
 * The shapes of qtlab's live views: a chart and the figures beside it, computed by a pure lib/ function
 * from the notebook's data and parameters, that a reader of the exported report can re-run in the browser
 * with other assumptions.
 *
 * - A **view** is `(data, params) → {chart, figures}`: pure, no I/O, no clock, fast (the browser calls it
 *   on every change; qtlab's budget is 50 ms a render).
 * - Its **controls** say which parameters a reader may change, with label, unit, range and step. A
 *   control's `param` is a path into the view's params, in the notebook's parameter names:
 *   `"capTreasuryUsdBnPerMonth"`, `"scenarioProbabilities.A"` (object key), `"fanBandQuantiles.0"` (index).
 * - The **spec** is what the page carries in an inert `<script type="application/json">`: the view's name,
 *   its data, the params it ran with, and its controls resolved with their starting values and defaults.
 */

/** A figure printed beside a chart, e.g. "Expected purchases: $27.9bn/month". */
export interface LiveFigure {
  /** Stable id (tests and the page look figures up by it). */
  id: string;
  /** What the figure is ("Expected purchases"). */
  label: string;
  /** The number in the unit `text` shows it in; null when undefined for these inputs. */
  value: number | null;
  /** The formatted figure with its unit ("$27.9bn/month"). */
  text: string;
}

/** What a view returns: the chart (any DOM element, usually a Plot figure) and its figures. */
export interface LiveOutput {
  chart: Element;
  figures?: readonly LiveFigure[];
}

/** A pure view function. `data` and `params` are plain JSON (they travel inside the page). */
export type LiveViewFn<D, P> = (data: D, params: P) => LiveOutput;

/** A number parameter: a slider and a number field. */
export interface NumberControl {
  kind?: "number";
  /** Path into params ("purchasesUsdBnPerMonth", "scenarioSizesUsdBnPerMonth.A"). */
  param: string;
  label: string;
  /** Unit shown beside the field; derived from the parameter's name when left out (see unitFromName). */
  unit?: string;
  min: number;
  max: number;
  /** The slider's step; the number field accepts any value in [min, max]. */
  step: number;
}

/** A parameter chosen from a few values (a string such as a schedule shape, or a boolean). */
export interface ChoiceControl {
  kind: "choice";
  param: string;
  label: string;
  options: readonly { value: string | number | boolean; label: string }[];
}

/**
 * Probabilities that must sum to 1 (e.g. scenario weights). When a reader moves one, the others are
 * rescaled in proportion so that the group still sums to 1.
 */
export interface ProbabilityControl {
  kind: "probabilities";
  label: string;
  members: readonly { param: string; label: string }[];
  /** Slider step (default 0.01). */
  step?: number;
}

/** A control as a view declares it. */
export type ControlSpec = NumberControl | ChoiceControl | ProbabilityControl;

/** A view as registered: its name, what it draws, the function, and the controls it offers. */
export interface LiveViewDef<D = unknown, P = unknown> {
  name: string;
  /** One line for the panel's heading ("Assumptions for: …"). */
  title: string;
  view: LiveViewFn<D, P>;
  controls: readonly ControlSpec[];
}

/** A value a control holds. */
export type ControlValue = number | string | boolean;

/** A number control resolved for one page: starting value and reset target. */
export interface ResolvedNumber extends Required<Omit<NumberControl, "kind">> {
  kind: "number";
  /** The value the static rendering ran with (the page starts here). */
  value: number;
  /** Reset target: the notebook's declared default (the value it ran with until the report fills it in). */
  default: number;
}

export interface ResolvedChoice extends Omit<ChoiceControl, "kind"> {
  kind: "choice";
  value: ControlValue;
  default: ControlValue;
}

export interface ResolvedProbabilities {
  kind: "probabilities";
  label: string;
  step: number;
  members: { param: string; label: string; value: number; default: number }[];
}

export type ResolvedControl = ResolvedNumber | ResolvedChoice | ResolvedProbabilities;

/** What a page carries for one live view (JSON). */
export interface LiveSpec {
  /** Spec format version. */
  version: 1;
  /** Registry name of the view function. */
  view: string;
  /** Id unique on the page (the view name unless given). */
  id: string;
  title: string;
  /** The view's data; null in an exported page, where it lives in a shared data block named by `dataRef`. */
  data: unknown;
  /** Key of the page's `<script type="application/json" class="qtlab-live-data" data-key=…>` holding the data. */
  dataRef?: string;
  /** The params the static rendering ran with. */
  params: unknown;
  controls: ResolvedControl[];
  /** True once the report runner has set `default` from the notebook's parameters cell. */
  defaultsFromNotebook: boolean;
}
