/**
 * The Notebook page's live views: the entry of the bundle `npm run notebook` serves as an nbextension
 * (lib/live/jupyterExtension.ts). Classic Notebook 6 only (it uses the page's `Jupyter.notebook`).
 *
 * Every `.qtlab-live` output is hydrated as it appears (a MutationObserver on the page), with the same
 * code as the report page (lib/live/page.ts), minus the address hash. Each panel gets "Apply to
 * notebook": it writes the page's chosen assumptions as the cell tagged `injected-parameters` right after
 * the `parameters` cell (replacing an earlier one; lib/live/apply.ts), then runs that cell and every cell
 * after it in the kernel, so the notebook's own figures, prose and claims follow. With no assumption left
 * differing from the defaults the injected cell is removed and the cells rerun from the parameters cell.
 *
 * An output the Notebook sanitized (a notebook whose saved outputs it does not trust drops the view's
 * spec) shows one line saying why the view is off and how to turn it on, where the panel would be.
 */
import { appliedOverrides, appliedSource } from "./apply.ts";
import { controlWithNotebookDefault } from "./controls.ts";
import { parseParameters } from "../params/parametersCell.ts";
import type { LiveSpec } from "./types.ts";
import { LIVE_CLASS } from "./render.ts";
import { hydrateLiveViews, type HydrateOptions, type LiveViewHandle } from "./page.ts";

/** The parts of Notebook 6's `Jupyter.notebook` and its cells this page uses. */
interface NotebookCell {
  cell_type: string;
  metadata: { tags?: string[] };
  get_text(): string;
  set_text(text: string): void;
}
interface ClassicNotebook {
  notebook_path: string;
  get_cells(): NotebookCell[];
  insert_cell_below(type: "code", index: number): NotebookCell;
  delete_cells(indices: number[]): void;
  execute_cells(indices: number[]): void;
  ncells(): number;
}

const notebook = () => (globalThis as { Jupyter?: { notebook?: ClassicNotebook } }).Jupyter?.notebook;

const tagged = (cells: NotebookCell[], tag: string) =>
  cells.flatMap((c, i) => (c.cell_type === "code" && (c.metadata.tags ?? []).includes(tag) ? [i] : []));

/**
 * Put the page's assumptions into the notebook and rerun it from there. Returns a one-line account, or
 * throws an Error saying why nothing was changed.
 */
export function applyToNotebook(view: LiveViewHandle): string {
  const nb = notebook();
  if (!nb) throw new Error("this page has no classic Notebook (Jupyter.notebook) to apply to");
  const cells = nb.get_cells();
  const params = tagged(cells, "parameters");
  if (params.length !== 1) {
    throw new Error(`the notebook needs exactly one code cell tagged "parameters" (found ${params.length})`);
  }
  const injected = tagged(cells, "injected-parameters");
  const overrides = appliedOverrides(
    cells[params[0]].get_text(),
    injected.length ? cells[injected[0]].get_text() : undefined,
    view.pageSpecs(),
    view.pageValues(),
  );
  const source = appliedSource(overrides);
  if (injected.length) nb.delete_cells(injected);
  const at = tagged(nb.get_cells(), "parameters")[0];
  let from = at;
  if (source !== undefined) {
    const cell = nb.insert_cell_below("code", at);
    cell.set_text(source);
    cell.metadata.tags = ["injected-parameters"];
    from = at + 1;
  }
  const run = Array.from({ length: nb.ncells() - from }, (_, i) => from + i);
  nb.execute_cells(run);
  const names = Object.keys(overrides);
  return names.length
    ? `Applied ${names.join(", ")}: rerunning ${run.length} cells from the injected-parameters cell.`
    : `Back to the parameters cell's defaults: rerunning ${run.length} cells from it.`;
}

/**
 * The panel's actions: "Apply to notebook". (Typing into a field is not read as Notebook shortcuts: the
 * Notebook turns its keyboard manager off while focus is in an output.)
 */
function panelActions(view: LiveViewHandle): HTMLElement[] {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "qtlab-live-reset qtlab-live-apply";
  button.textContent = "Apply to notebook";
  button.title =
    "Write these assumptions as the injected-parameters cell after the parameters cell, and rerun the notebook from there";
  button.addEventListener("click", () => {
    // Leave the view before its output is cleared, so the keyboard manager is on again.
    button.blur();
    try {
      view.root.setAttribute("data-applied", applyToNotebook(view));
      view.status.textContent = "";
    } catch (e) {
      view.status.textContent = `Not applied: ${e instanceof Error ? e.message : String(e)}`;
    }
  });
  return [button];
}

/** The line shown instead of a live view whose spec the Notebook removed. */
export function untrustedNotice(notebookPath: string | undefined): string {
  const file = notebookPath ? `notebooks/${notebookPath}` : "notebooks/<notebook>.ipynb";
  return `Live view off: Jupyter does not trust this notebook's saved outputs and removed the view's data. ` +
    `Rerun the cell, or trust the notebook (File > Trust Notebook; or python3 -m nbformat.sign ${file}, then reload).`;
}

/**
 * A view's reset targets from the notebook's parameters cell as it stands (as the report runner sets
 * them), so "Reset to defaults" and each control's "default" mean the notebook's defaults even after an
 * Apply; unchanged when the cell cannot be read.
 */
function withNotebookDefaults(spec: LiveSpec): LiveSpec {
  const cells = notebook()?.get_cells() ?? [];
  const at = tagged(cells, "parameters");
  if (at.length !== 1) return spec;
  try {
    const defaults = Object.fromEntries(parseParameters(cells[at[0]].get_text()).map((p) => [p.name, p.default]));
    return {
      ...spec,
      controls: spec.controls.map((c) => controlWithNotebookDefault(c, defaults)),
      defaultsFromNotebook: true,
    };
  } catch {
    return spec;
  }
}

function options(): HydrateOptions {
  return {
    hash: false,
    explain: '"Apply to notebook" reruns the notebook with them.',
    actions: panelActions,
    missingSpecNotice: untrustedNotice(notebook()?.notebook_path),
    specOf: withNotebookDefaults,
    ranWith: "the notebook",
  };
}

const holdsLiveView = (n: Node) =>
  n instanceof Element && (n.classList.contains(LIVE_CLASS.root) || n.querySelector(`.${LIVE_CLASS.root}`) !== null);

let scheduled = false;
function hydrateSoon(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    hydrateLiveViews(document, options());
  });
}

/** Hydrate the live views already on the page and every one an output adds later. */
export function startNotebookPage(): void {
  new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some(holdsLiveView))) hydrateSoon();
  }).observe(document.body, { childList: true, subtree: true });
  hydrateSoon();
}

startNotebookPage();
