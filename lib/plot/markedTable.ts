/**
 * A table of figures whose every cell is marked (`data-q`), so that a sentence quoting one of them can be
 * held against it: rows of labelled cells under column headings. Used for the drain of liabilities by year (notebook 00).
 */
import { type Displayable, displayable, escapeHtml } from "./display.ts";
import { document } from "./document.ts";

export interface MarkedRow {
  label: string;
  cells: readonly { key: string; text: string }[];
}

export function markedTable(
  rows: readonly MarkedRow[],
  columns: readonly string[],
  caption: string,
): HTMLTableElement & Displayable {
  const el = document.createElement("table");
  el.setAttribute("class", "qtlab-table tex2jax_ignore");
  el.innerHTML = `<caption>${escapeHtml(caption)}</caption>` +
    `<thead><tr><th></th>${
      columns.map((c) => `<th style="text-align:right">${escapeHtml(c)}</th>`).join("")
    }</tr></thead>` +
    `<tbody>${
      rows
        .map((r) =>
          `<tr><th style="text-align:left">${escapeHtml(r.label)}</th>${
            r.cells.map((c) => `<td style="text-align:right" data-q="${escapeHtml(c.key)}">${escapeHtml(c.text)}</td>`)
              .join("")
          }</tr>`
        )
        .join("")
    }</tbody>`;
  return displayable(el, caption);
}
