/**
 * The display bridge: how a chart or table returned as a cell's last expression shows in Jupyter and
 * survives the HTML export.
 *
 * The Deno kernel displays any value carrying a `Symbol.for("Jupyter.display")` method as the MIME bundle
 * that method returns. qtlab always answers `text/html`: nbconvert passes HTML through the export intact,
 * whereas Debian's nbconvert empties `image/svg+xml` outputs. The value stays a plain DOM element, so
 * tests and other code can inspect it.
 */
import { unmark } from "../format.ts";
import { document } from "./document.ts";

const DISPLAY = Symbol.for("Jupyter.display");

/** A value the Deno kernel shows as a MIME bundle. */
export interface Displayable {
  [DISPLAY](): Record<string, string>;
}

/**
 * Make a DOM element (a Plot chart, a table) display as HTML when it is a cell's last expression.
 * Returns the same element. `alt` is the plain-text fallback shown where HTML is not rendered; `extra`
 * adds other MIME types to the bundle (e.g. a claims table's JSON for the run record).
 */
export function displayable<T extends Element>(
  element: T,
  alt = element.getAttribute("aria-label") ?? "chart",
  extra: Readonly<Record<string, string>> = {},
): T & Displayable {
  const el = element as T & Displayable;
  Object.defineProperty(el, DISPLAY, {
    value: () => ({ ...extra, "text/html": outsideMathJax(el), "text/plain": alt }),
    enumerable: false,
    configurable: true,
  });
  return el;
}

/**
 * The element's HTML with the class `tex2jax_ignore` on its root: the Notebook's MathJax typesets HTML
 * outputs too and would read a caption or a label holding two dollar amounts as mathematics. The element
 * itself is left as it was.
 */
function outsideMathJax(el: Element): string {
  if (el.classList.contains(MATHJAX_IGNORE)) return el.outerHTML;
  el.classList.add(MATHJAX_IGNORE);
  try {
    return el.outerHTML;
  } finally {
    el.classList.remove(MATHJAX_IGNORE);
    if (el.getAttribute("class") === "") el.removeAttribute("class");
  }
}
const MATHJAX_IGNORE = "tex2jax_ignore";

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** One column of {@link htmlTable}: the header, how to read a row's cell, and its alignment. */
export interface Column<Row> {
  label: string;
  value: (row: Row) => string | number | null | undefined;
  align?: "left" | "right";
  /** Optional class per cell (e.g. a verdict colour). */
  className?: (row: Row) => string | undefined;
}

/**
 * A plain HTML table of `rows` (text escaped), displayable in Jupyter. Numbers are shown as given: format
 * them in `value` with their unit in the column label.
 */
export function htmlTable<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  caption?: string,
): HTMLTableElement & Displayable {
  const table = document.createElement("table");
  table.setAttribute("class", "qtlab-table");
  const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  table.innerHTML = (caption ? `<caption>${escapeHtml(caption)}</caption>` : "") +
    `<thead><tr>${
      columns.map((c) => `<th style="text-align:${c.align ?? "left"}">${escapeHtml(c.label)}</th>`).join("")
    }</tr></thead>` +
    `<tbody>${
      rows
        .map(
          (r) =>
            `<tr>${
              columns
                .map((c) => {
                  const cls = c.className?.(r);
                  return `<td style="text-align:${c.align ?? "left"}"${cls ? ` class="${escapeHtml(cls)}"` : ""}>${
                    escapeHtml(cell(c.value(r)))
                  }</td>`;
                })
                .join("")
            }</tr>`,
        )
        .join("")
    }</tbody>`;
  return displayable(table, caption ?? "table");
}

/** A short HTML note (e.g. data as-of lines), displayable; `text` is escaped. */
export function note(text: string): HTMLParagraphElement & Displayable {
  const p = document.createElement("p");
  p.textContent = text;
  return displayable(p, text);
}

/**
 * Sentences computed from a result, displayed as HTML paragraphs: blank lines separate paragraphs;
 * `**bold**`, `*italic*` and `` `code` `` are kept; marks from lib/format.ts's `mark()` become
 * `<span data-q="key">`. Everything else is escaped. The wrapper carries `tex2jax_ignore`, so the
 * Notebook's MathJax never reads two dollar amounts as mathematics.
 */
export function prose(text: string): HTMLDivElement & Displayable {
  const div = document.createElement("div");
  div.setAttribute("class", "qtlab-prose tex2jax_ignore");
  div.innerHTML = text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => `<p>${inlineMarkup(para.trim().replace(/\s*\n\s*/g, " "))}</p>`)
    .join("");
  return displayable(div, unmark(text));
}

/** Escape, then turn marks, bold, italic and code into elements. */
function inlineMarkup(text: string): string {
  return escapeHtml(text)
    .replace(/⟦([^|⟧]*)\|([^⟧]*)⟧/g, (_, key: string, t: string) => `<span data-q="${key}">${t}</span>`)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
    .replace(/`([^`]+)`/g, "<code>$1</code>");
}
