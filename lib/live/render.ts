/**
 * The part of a live view that is redrawn: the figures and the chart, built the same way in the notebook
 * (on the server-side document) and in the report page (on the browser's document: the page's bundle swaps
 * lib/plot/document.ts for lib/live/browserDocument.ts).
 */
import { document } from "../plot/document.ts";
import { LiveViewError } from "./controls.ts";
import type { LiveFigure, LiveOutput } from "./types.ts";

/** Class names the page and its tests rely on. */
export const LIVE_CLASS = {
  root: "qtlab-live",
  output: "qtlab-live-output",
  figures: "qtlab-live-figures",
  figure: "qtlab-live-figure",
  staticNote: "qtlab-live-static",
} as const;

const FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;";

/** Check what a view returned: a DOM element for the chart, figures with unique ids and text. */
export function checkOutput(output: LiveOutput, where: string): LiveOutput {
  if (!output || typeof output !== "object" || !output.chart || typeof (output.chart as Element).tagName !== "string") {
    throw new LiveViewError(`${where}: the view must return {chart: Element, figures?: LiveFigure[]}`);
  }
  const ids = new Set<string>();
  for (const f of output.figures ?? []) {
    if (!f.id || ids.has(f.id)) {
      throw new LiveViewError(`${where}: figure ids must be unique and non-empty ("${f.id}")`);
    }
    if (typeof f.text !== "string" || typeof f.label !== "string") {
      throw new LiveViewError(`${where}: figure "${f.id}" needs label and text`);
    }
    if (f.value !== null && !(typeof f.value === "number" && Number.isFinite(f.value))) {
      throw new LiveViewError(`${where}: figure "${f.id}" value must be a finite number or null`);
    }
    ids.add(f.id);
  }
  return output;
}

/** The figures as a definition list: one item per figure, its id and raw value in data attributes. */
export function figuresElement(figures: readonly LiveFigure[]): HTMLElement {
  const dl = document.createElement("dl");
  dl.setAttribute("class", LIVE_CLASS.figures);
  dl.setAttribute("style", `${FONT}display:flex;flex-wrap:wrap;gap:6px 32px;margin:4px 0 10px 0;padding:0;`);
  for (const f of figures) {
    const item = document.createElement("div");
    item.setAttribute("class", LIVE_CLASS.figure);
    item.setAttribute("data-figure", f.id);
    item.setAttribute("data-value", f.value === null ? "" : String(f.value));
    item.setAttribute("style", "margin:0;padding:0;display:block;flex:0 0 auto;");
    const dt = document.createElement("dt");
    dt.setAttribute(
      "style",
      "display:block;float:none;white-space:nowrap;font-size:12px;font-weight:400;color:#555;margin:0;padding:0;",
    );
    dt.textContent = f.label;
    const dd = document.createElement("dd");
    dd.setAttribute(
      "style",
      "display:block;float:none;font-size:20px;font-weight:600;margin:0;padding:0;font-variant-numeric:tabular-nums;",
    );
    dd.textContent = f.text;
    item.append(dt, dd);
    dl.append(item);
  }
  return dl as HTMLElement;
}

/** The redrawn block: figures (when any) above the chart. */
export function outputElement(output: LiveOutput): HTMLElement {
  const div = document.createElement("div");
  div.setAttribute("class", LIVE_CLASS.output);
  if (output.figures?.length) div.append(figuresElement(output.figures));
  div.append(output.chart);
  return div as HTMLElement;
}
