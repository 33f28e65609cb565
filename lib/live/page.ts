/**
 * Live views in a page: the report page's (lib/live/browser.ts, the bundle the report runner inlines into
 * a page that holds a `.qtlab-live` element, lib/live/export.ts) and the Notebook page's (lib/live/jupyter.ts,
 * which hydrates outputs as they appear). For each live view it reads the embedded spec, builds an
 * assumptions panel of plain form controls above the chart (slider + number field with unit, range and
 * default; a select for choices; probability groups kept summing to 1), and redraws the figures and chart
 * by calling the same registered view function the notebook called.
 *
 * State: the page holds one value per parameter path (the notebook's parameter names), shared by every
 * view that has a control for it, so two views on one page never disagree about an assumption. The URL
 * hash carries every value that differs from the page's starting values, in the report runner's terms
 * (`#purchasesUsdBnPerMonth=30&scenarioProbabilities.A=0.5`): read on load and on hashchange, written
 * (replaceState, no history entry) once the inputs rest. "Reset to defaults" sets a view's controls to the
 * notebook's declared defaults.
 *
 * What a change redraws at once: the view whose control the reader moved, and every view sharing the
 * changed assumption that is on screen (or near it). A linked view off screen is redrawn when it comes
 * near the screen or once the inputs rest ({@link SETTLE_MS}), with the values of that moment: dragging a
 * slider redraws the chart in front of the reader on every step, not the charts out of sight.
 *
 * In the Notebook page the address is left alone (no hash), views whose output was cleared are dropped
 * with their values, and a panel's head can carry actions (its "Apply to notebook").
 *
 * Each redraw is timed (view function + DOM swap): the root element carries data-render-ms (last) and
 * data-renders (count); a failed redraw keeps the last chart and says why in the panel (data-error).
 */
import {
  clampToControl,
  controlPaths,
  DATA_CLASS,
  encodeHash,
  parseHash,
  parseSpec,
  rescaleProbabilities,
  SPEC_CLASS,
  withValues,
} from "./controls.ts";
import { lookupView } from "./registry.ts";
import { checkOutput, LIVE_CLASS, outputElement } from "./render.ts";
import type {
  ControlValue,
  LiveSpec,
  LiveViewDef,
  ResolvedChoice,
  ResolvedControl,
  ResolvedNumber,
  ResolvedProbabilities,
} from "./types.ts";

/** How a page hydrates its live views. */
export interface HydrateOptions {
  /** Keep the values that differ from the page's start in the address (`#name=value`): the report page. */
  hash: boolean;
  /** Said after the panel's "change a value to redraw …" line. */
  explain?: string;
  /** Buttons for the head of a view's panel (after "Reset to defaults"). */
  actions?: (view: LiveViewHandle) => HTMLElement[];
  /** The line a live view whose spec was removed shows instead of its note (none: it stays static). */
  missingSpecNotice?: string;
  /** Adjust a view's spec before its panel is built (the Notebook page: reset targets from the parameters cell). */
  specOf?: (spec: LiveSpec) => LiveSpec;
  /** How a hint names the run a control started from, when not at its default (default "this report"). */
  ranWith?: string;
}

/** What a panel action sees of its view and of the page. */
export interface LiveViewHandle {
  root: HTMLElement;
  spec: LiveSpec;
  /** The panel's status line (red; empty is hidden). */
  status: HTMLElement;
  /** The page's current value of every parameter path of every live view on the page. */
  pageValues: () => Record<string, ControlValue>;
  /** The specs of every live view on the page, in page order. */
  pageSpecs: () => LiveSpec[];
}

interface View {
  root: HTMLElement;
  spec: LiveSpec;
  def: LiveViewDef<unknown, unknown>;
  paths: string[];
  output: Element;
  status: HTMLElement;
  /** Show the page's current values in this view's widgets. */
  sync: (() => void)[];
  renders: number;
  /** On screen or near it (true where the browser cannot say). */
  visible: boolean;
}

/** How long the inputs rest (ms) before the page redraws the linked views off screen and writes the URL hash. */
export const SETTLE_MS = 200;

const page = {
  values: new Map<string, ControlValue>(),
  start: new Map<string, ControlValue>(),
  views: [] as View[],
  pending: new Set<View>(),
  scheduled: false,
  options: { hash: true } as HydrateOptions,
  /** Linked views off screen whose values changed since they were drawn. */
  stale: new Set<View>(),
  /** The hash is behind the values. */
  hashDue: false,
  settleTimer: undefined as ReturnType<typeof setTimeout> | undefined,
  /** Which views are on screen (one observer for the page; views hydrated later are added to it). */
  observer: undefined as IntersectionObserver | undefined,
  observed: new WeakSet<Element>(),
};

const fmt = (v: ControlValue) => (typeof v === "number" ? String(Number(v.toPrecision(12))) : String(v));
let uid = 0;
const nextId = (p: string) => `qtlab-live-${++uid}-${p.replace(/[^\w-]/g, "_")}`;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const STYLE = `
.qtlab-live-panel{font:13px system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;border:1px solid #d0d7de;border-radius:6px;background:#f8f9fb;padding:8px 12px 10px;margin:4px 0 10px;max-width:960px;box-sizing:border-box}
.qtlab-live-head{display:flex;align-items:baseline;gap:10px;flex-wrap:wrap;margin-bottom:6px}
.qtlab-live-head strong{font-size:13px}
.qtlab-live-head span{color:#555;font-size:12px;flex:1}
.qtlab-live-linked{padding:6px 12px}
.qtlab-live-linked .qtlab-live-head{margin-bottom:0}
.qtlab-live-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:8px 18px}
.qtlab-live-control{display:grid;grid-template-columns:1fr auto auto;align-items:center;gap:2px 6px;margin:0}
.qtlab-live-control>label,.qtlab-live-control>.qtlab-live-label{grid-column:1/-1;font-weight:600;font-size:12px}
.qtlab-live-control input[type=range]{width:100%;margin:0}
.qtlab-live-control input[type=number]{width:6.5em;font:inherit;padding:1px 3px}
.qtlab-live-control select{font:inherit;grid-column:1/3}
.qtlab-live-unit{color:#333;font-size:12px;min-width:3em}
.qtlab-live-hint{grid-column:1/-1;color:#666;font-size:11px}
.qtlab-live-group{border:1px solid #d0d7de;border-radius:4px;padding:4px 8px 6px;margin:0;grid-column:1/-1;display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:6px 18px}
.qtlab-live-group legend{font-weight:600;font-size:12px;padding:0 4px}
.qtlab-live-group output{grid-column:1/-1;color:#666;font-size:11px}
.qtlab-live-status{color:#b00020;font-size:12px;margin:6px 0 0}
.qtlab-live-status:empty{display:none}
.qtlab-live-reset{font:inherit;font-size:12px;padding:2px 10px;cursor:pointer}
`;

function injectStyle(): void {
  if (document.getElementById("qtlab-live-style")) return;
  const s = el("style", { id: "qtlab-live-style" });
  s.textContent = STYLE;
  document.head.append(s);
}

/**
 * Set parameter values page-wide and redraw every view that uses one that changed: at once the view
 * `origin` (whose control changed them) and the views on screen, the others once the inputs rest (all at
 * once without an origin: a link's hash, a load). The hash is written once the inputs rest.
 */
function setValues(
  changes: Readonly<Record<string, ControlValue>>,
  options: { hash?: boolean; origin?: View } = {},
): void {
  const changed = new Set<string>();
  for (const [p, v] of Object.entries(changes)) {
    if (!page.values.has(p) || page.values.get(p) === v) continue;
    page.values.set(p, v);
    changed.add(p);
  }
  for (const view of page.views) {
    if (!view.paths.some((p) => changed.has(p))) continue;
    view.sync.forEach((f) => f());
    if (!options.origin || view === options.origin || view.visible) schedule(view);
    else page.stale.add(view);
  }
  page.hashDue = options.hash !== false && page.options.hash;
  if (page.stale.size || page.hashDue) settleLater();
}

/** Catch up {@link SETTLE_MS} after the last change: redraw the stale views and write the hash. */
function settleLater(): void {
  clearTimeout(page.settleTimer);
  page.settleTimer = setTimeout(() => {
    page.settleTimer = undefined;
    const stale = [...page.stale];
    page.stale.clear();
    stale.forEach(schedule);
    if (page.hashDue) {
      page.hashDue = false;
      writeHash();
    }
  }, SETTLE_MS);
}

/** Follow which views are on screen (or within a screen's margin); a stale view coming near is redrawn. */
function watchVisibility(): void {
  if (typeof IntersectionObserver !== "function") {
    page.views.forEach((v) => (v.visible = true));
    return;
  }
  const observer = page.observer ??= new IntersectionObserver((entries) => {
    for (const e of entries) {
      const view = page.views.find((v) => v.root === e.target);
      if (!view) continue;
      view.visible = e.isIntersecting;
      if (view.visible && page.stale.delete(view)) schedule(view);
    }
  }, { rootMargin: "200px 0px" });
  for (const v of page.views) {
    if (page.observed.has(v.root)) continue;
    page.observed.add(v.root);
    observer.observe(v.root);
  }
}

function schedule(view: View): void {
  page.pending.add(view);
  if (page.scheduled) return;
  page.scheduled = true;
  // A microtask, not the next animation frame: every change made by one input event is drawn together,
  // and the redrawn chart is in the very next frame (waiting for a frame to draw cost the reader one).
  queueMicrotask(() => {
    page.scheduled = false;
    const views = [...page.pending];
    page.pending.clear();
    views.forEach(redraw);
  });
}

/** Call the view with the page's values and swap in its figures and chart. */
function redraw(view: View): void {
  const values: Record<string, ControlValue> = {};
  for (const p of view.paths) values[p] = page.values.get(p)!;
  const t0 = performance.now();
  try {
    const params = withValues(view.spec.params, values);
    const output = checkOutput(view.def.view(view.spec.data, params), `live view "${view.spec.id}"`);
    const next = outputElement(output);
    view.output.replaceWith(next);
    view.output = next;
    const ms = performance.now() - t0;
    view.renders++;
    view.root.setAttribute("data-render-ms", ms.toFixed(2));
    view.root.setAttribute("data-renders", String(view.renders));
    view.root.removeAttribute("data-error");
    view.status.textContent = "";
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    view.root.setAttribute("data-error", message);
    view.status.textContent =
      `Cannot redraw with these values (the chart shows the last values that worked): ${message}`;
    console.warn(`qtlab live view "${view.spec.id}": ${message}`);
  }
}

/** Every value that differs from the page's start, in the order the controls appear. */
function writeHash(): void {
  const diff: Record<string, ControlValue> = {};
  for (const [p, v] of page.values) if (page.start.get(p) !== v) diff[p] = v;
  const hash = encodeHash(diff);
  if (hash === location.hash || (hash === "" && location.hash === "")) return;
  try {
    history.replaceState(history.state, "", hash || location.pathname + location.search);
  } catch {
    location.replace(hash || "#");
  }
}

/**
 * Apply a hash: the start values overlaid with the hash's, when the hash is valid for every control on
 * the page; otherwise a one-line notice and the start values (never an out-of-range state).
 */
function applyHash(hash: string): void {
  const { values, problems } = parseHash(page.views.flatMap((v) => v.spec.controls), hash);
  const target: Record<string, ControlValue> = Object.fromEntries(page.start);
  if (problems.length) {
    showHashNotice(
      `The link's assumptions were not applied (${problems.join("; ")}); the page shows the report's own.`,
    );
  } else {
    showHashNotice("");
    Object.assign(target, values);
  }
  setValues(target, { hash: problems.length === 0 });
}

/** The page's one-line notice about a link's assumptions, above the first view (empty: hidden). */
function showHashNotice(text: string): void {
  let notice = document.querySelector<HTMLElement>(".qtlab-live-hash-notice");
  if (!notice) {
    if (!text || page.views.length === 0) return;
    notice = el("p", { class: "qtlab-live-status qtlab-live-hash-notice", role: "status" });
    page.views[0].root.parentNode?.insertBefore(notice, page.views[0].root);
  }
  notice.textContent = text;
}

function hint(c: { default: ControlValue; value: ControlValue }, extra = ""): string {
  const run = page.options.ranWith ?? "this report";
  return `default ${fmt(c.default)}${extra}${c.value !== c.default ? ` · ${run} ran with ${fmt(c.value)}` : ""}`;
}

function numberControl(view: View, c: ResolvedNumber): HTMLElement {
  const box = el("div", { class: "qtlab-live-control", "data-param": c.param });
  const id = nextId(c.param);
  const range = el("input", {
    type: "range",
    min: String(c.min),
    max: String(c.max),
    step: String(c.step),
    "aria-label": c.label,
    "data-role": "slider",
  });
  const num = el("input", {
    type: "number",
    id,
    min: String(c.min),
    max: String(c.max),
    step: "any",
    "data-role": "number",
  });
  const origin = { origin: view };
  range.addEventListener("input", () => setValues({ [c.param]: Number(range.value) }, origin));
  num.addEventListener("input", () => {
    const v = num.valueAsNumber;
    if (Number.isFinite(v) && v >= c.min && v <= c.max) setValues({ [c.param]: v }, origin);
  });
  num.addEventListener("change", () => {
    const v = num.valueAsNumber;
    const next = Number.isFinite(v) ? clampToControl(c, v) : (page.values.get(c.param) as number);
    num.value = fmt(next);
    setValues({ [c.param]: next }, origin);
  });
  view.sync.push(() => {
    const v = page.values.get(c.param) as number;
    range.value = String(v);
    if (document.activeElement !== num) num.value = fmt(v);
  });
  box.append(
    el("label", { for: id }, c.label),
    range,
    num,
    el("span", { class: "qtlab-live-unit" }, c.unit),
    el("span", { class: "qtlab-live-hint" }, hint(c, ` · range ${fmt(c.min)} to ${fmt(c.max)}`)),
  );
  return box;
}

function choiceControl(view: View, c: ResolvedChoice): HTMLElement {
  const box = el("div", { class: "qtlab-live-control", "data-param": c.param });
  const id = nextId(c.param);
  const select = el("select", { id, "data-role": "choice" });
  c.options.forEach((o, i) => select.append(el("option", { value: String(i) }, o.label)));
  select.addEventListener(
    "change",
    () => setValues({ [c.param]: c.options[Number(select.value)].value }, { origin: view }),
  );
  view.sync.push(() => {
    select.value = String(c.options.findIndex((o) => o.value === page.values.get(c.param)));
  });
  const label = (v: ControlValue) => c.options.find((o) => o.value === v)?.label ?? fmt(v);
  box.append(
    el("label", { for: id }, c.label),
    select,
    el(
      "span",
      { class: "qtlab-live-hint" },
      `default ${label(c.default)}${
        c.value !== c.default ? ` · ${page.options.ranWith ?? "this report"} ran with ${label(c.value)}` : ""
      }`,
    ),
  );
  return box;
}

function probabilityControl(view: View, c: ResolvedProbabilities): HTMLElement {
  const group = el("fieldset", { class: "qtlab-live-group", "data-group": c.members.map((m) => m.param).join(" ") });
  group.append(el("legend", {}, `${c.label} (kept summing to 1)`));
  const current = () => c.members.map((m) => page.values.get(m.param) as number);
  const move = (i: number, v: number) => {
    const next = rescaleProbabilities(current(), i, v, c.step);
    setValues(Object.fromEntries(c.members.map((m, j) => [m.param, next[j]])), { origin: view });
  };
  const sum = el("output", { "data-role": "sum" });
  c.members.forEach((m, i) => {
    const box = el("div", { class: "qtlab-live-control", "data-param": m.param });
    const id = nextId(m.param);
    const range = el("input", {
      type: "range",
      min: "0",
      max: "1",
      step: String(c.step),
      "aria-label": m.label,
      "data-role": "slider",
    });
    const num = el("input", { type: "number", id, min: "0", max: "1", step: "any", "data-role": "number" });
    range.addEventListener("input", () => move(i, Number(range.value)));
    num.addEventListener("input", () => {
      const v = num.valueAsNumber;
      if (Number.isFinite(v) && v >= 0 && v <= 1) move(i, v);
    });
    num.addEventListener("change", () => {
      num.value = fmt(page.values.get(m.param) as number);
    });
    view.sync.push(() => {
      const v = page.values.get(m.param) as number;
      range.value = String(v);
      if (document.activeElement !== num) num.value = fmt(v);
    });
    box.append(
      el("label", { for: id }, m.label),
      range,
      num,
      el("span", { class: "qtlab-live-unit" }, "prob."),
      el("span", { class: "qtlab-live-hint" }, hint(m)),
    );
    group.append(box);
  });
  view.sync.push(() => {
    sum.textContent = `sum ${current().reduce((s, v) => s + v, 0).toFixed(2)}`;
  });
  group.append(sum);
  return group;
}

function control(view: View, c: ResolvedControl): HTMLElement {
  return c.kind === "probabilities"
    ? probabilityControl(view, c)
    : c.kind === "choice"
    ? choiceControl(view, c)
    : numberControl(view, c);
}

function defaults(controls: readonly ResolvedControl[]): Record<string, ControlValue> {
  const out: Record<string, ControlValue> = {};
  for (const c of controls) {
    if (c.kind === "probabilities") c.members.forEach((m) => (out[m.param] = m.default));
    else out[c.param] = c.default;
  }
  return out;
}

const dataByKey = new Map<string, unknown>();

/** A shared data block of the page, parsed once (views are pure: they never change their data). */
function sharedData(key: string): unknown {
  if (!dataByKey.has(key)) {
    const block = document.querySelector(`script.${DATA_CLASS}[data-key="${key}"]`);
    if (!block) throw new Error(`the page has no data block "${key}"`);
    dataByKey.set(key, JSON.parse(block.textContent ?? ""));
  }
  return dataByKey.get(key);
}

/** Read one `.qtlab-live` element's spec and give it a panel. */
function setup(root: HTMLElement, ids: Set<string>): void {
  const script = root.querySelector(`script.${SPEC_CLASS}`);
  const output = root.querySelector(`.${LIVE_CLASS.output}`);
  if (!script || !output) {
    if (!script && page.options.missingSpecNotice) showMissingSpec(root, page.options.missingSpecNotice);
    return;
  }
  const parsed = parseSpec(script.textContent ?? "");
  const spec = page.options.specOf ? page.options.specOf(parsed) : parsed;
  if (spec.dataRef) spec.data = sharedData(spec.dataRef);
  const def = lookupView(spec.view);
  const status = el("p", { class: "qtlab-live-status", role: "status" });
  if (!def) {
    root.insertBefore(status, output);
    status.textContent = `This page's script has no view "${spec.view}": the chart below is the static one.`;
    return;
  }
  let id = spec.id;
  for (let n = 2; ids.has(id); n++) id = `${spec.id}-${n}`;
  ids.add(id);
  const view: View = {
    root,
    spec: { ...spec, id },
    def,
    paths: spec.controls.flatMap(controlPaths),
    output,
    status,
    sync: [],
    renders: 0,
    visible: false,
  };
  // A panel offers only the assumptions no earlier panel on the page offers: views that share an
  // assumption share one control for it (the page holds one value per parameter either way).
  const fresh = spec.controls.filter((c) => controlPaths(c).some((p) => !page.values.has(p)));
  const shared = spec.controls.length - fresh.length;
  for (const c of spec.controls) {
    const start = c.kind === "probabilities"
      ? c.members.map((m) => [m.param, m.value] as const)
      : [[c.param, c.value] as const];
    for (const [p, v] of start) {
      if (page.values.has(p)) continue;
      page.values.set(p, v);
      page.start.set(p, v);
    }
  }
  const panel = el("div", { class: "qtlab-live-panel", role: "group", "aria-label": `Assumptions: ${spec.title}` });
  const reset = el("button", { type: "button", class: "qtlab-live-reset" }, "Reset to defaults");
  reset.addEventListener("click", () => setValues(defaults(spec.controls), { origin: view }));
  const actions = page.options.actions?.({
    root,
    spec: view.spec,
    status,
    pageValues: () => Object.fromEntries(page.values),
    pageSpecs: () => page.views.filter((v) => v.root.isConnected).map((v) => v.spec),
  }) ?? [];
  const head = el("div", { class: "qtlab-live-head" });
  const linked = shared === 0
    ? ""
    : fresh.length === 0
    ? " It follows the assumptions set in the panels above."
    : " It also follows the assumptions set in the panels above.";
  head.append(
    el("strong", {}, "Assumptions"),
    el(
      "span",
      {},
      `${spec.title}: change a value to redraw the figures and chart below, computed in this page.${linked}${
        page.options.explain ? ` ${page.options.explain}` : ""
      }`,
    ),
    reset,
    ...actions,
  );
  const grid = el("div", { class: "qtlab-live-grid" });
  fresh.forEach((c) => grid.append(control(view, c)));
  panel.append(head, ...(fresh.length ? [grid] : []), status);
  if (fresh.length === 0) panel.classList.add("qtlab-live-linked");
  root.querySelector(`.${LIVE_CLASS.staticNote}`)?.remove();
  root.insertBefore(panel, output);
  page.views.push(view);
  view.sync.forEach((f) => f());
  // A parameter an earlier view on the page started elsewhere: redraw this one with the page's value.
  if (
    spec.controls.some((
      c,
    ) => (c.kind === "probabilities"
      ? c.members.some((m) => page.values.get(m.param) !== m.value)
      : page.values.get(c.param) !== c.value)
    )
  ) schedule(view);
  root.setAttribute("data-live-ready", "true");
}

/**
 * A live view that lost its spec (a sanitized output): one line where its panel would be. Its figures
 * stay; what is left of its chart (a sanitizer keeps an SVG's text, not its drawing) is hidden.
 */
function showMissingSpec(root: HTMLElement, text: string): void {
  if (root.getAttribute("data-live-off")) return;
  const notice = el("p", { class: "qtlab-live-status qtlab-live-off", role: "status" }, text);
  const note = root.querySelector(`.${LIVE_CLASS.staticNote}`);
  if (note) note.replaceWith(notice);
  else root.prepend(notice);
  for (const part of root.querySelector(`.${LIVE_CLASS.output}`)?.children ?? []) {
    if (!part.classList.contains(LIVE_CLASS.figures)) (part as HTMLElement).style.display = "none";
  }
  root.setAttribute("data-live-off", "true");
}

/** Forget the views no longer in the document (a cleared output) and the values only they used. */
function prune(): void {
  page.views = page.views.filter((v) => v.root.isConnected);
  const used = new Set(page.views.flatMap((v) => v.paths));
  for (const p of [...page.values.keys()]) {
    if (used.has(p)) continue;
    page.values.delete(p);
    page.start.delete(p);
  }
}

function publish(): void {
  (globalThis as { qtlabLive?: unknown }).qtlabLive = {
    views: page.views.map((v) => v.spec.id),
    values: () => Object.fromEntries(page.values),
  };
}

/**
 * Hydrate the live views under `scope` that have no panel yet, with `options`; views no longer in the
 * document are forgotten first. Returns how many views it set up. Safe to call again as outputs appear.
 */
export function hydrateLiveViews(scope: ParentNode, options: HydrateOptions): number {
  page.options = options;
  prune();
  const roots = [...scope.querySelectorAll<HTMLElement>(`.${LIVE_CLASS.root}`)].filter(
    (r) => !r.getAttribute("data-live-ready") && !r.getAttribute("data-live-off"),
  );
  if (roots.length === 0) return 0;
  injectStyle();
  const ids = new Set(page.views.map((v) => v.spec.id));
  const before = page.views.length;
  for (const root of roots) {
    try {
      setup(root, ids);
    } catch (e) {
      console.warn(`qtlab live view: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  watchVisibility();
  publish();
  return page.views.length - before;
}

/** The report page: hydrate every live view once, and follow the address's assumptions. */
export function startReportPage(): void {
  if (document.querySelectorAll(`.${LIVE_CLASS.root}`).length === 0) return;
  hydrateLiveViews(document, { hash: true });
  applyHash(location.hash);
  addEventListener("hashchange", () => applyHash(location.hash));
  publish();
}
