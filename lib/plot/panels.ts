/**
 * Small multiples with their own y scales: Plot's facets share one y scale, but an event study sets an
 * index (=100 at the pivot) beside yield changes in bp. Each panel is its own Plot chart; this file lays
 * them out in a grid under one title, legend and source caption, as one displayable figure.
 */
import * as Plot from "@observablehq/plot";
import { chartDefaults } from "./common.ts";
import { type Displayable, displayable, escapeHtml } from "./display.ts";
import { document } from "./document.ts";

/** One panel: a heading (with its unit) and a chart rendered without title. */
export interface Panel {
  heading: string;
  chart: Element;
}

/** A colour legend shared by the panels: names in order and their colours. */
export interface SharedLegend {
  domain: readonly string[];
  range: readonly string[];
}

export interface PanelFigureOptions {
  title: string;
  subtitle?: string;
  caption: string;
  panels: readonly Panel[];
  /** Panels per row (default 2). */
  columns?: number;
  legend?: SharedLegend;
  /** Total width in px (default chartDefaults.width). */
  width?: number;
}

const font = `font-family:${chartDefaults.fontFamily};`;

/** The width in px of one panel in a grid of `columns` across `width`. */
export function panelWidth(columns = 2, width: number = chartDefaults.width): number {
  return Math.floor((width - 16 * (columns - 1)) / columns);
}

/** Lay out panels in a grid under one title, subtitle, legend and caption; displayable in Jupyter. */
export function panelFigure(options: PanelFigureOptions): HTMLElement & Displayable {
  const columns = options.columns ?? 2;
  const width = options.width ?? chartDefaults.width;
  const figure = document.createElement("figure");
  figure.setAttribute("style", `${font}margin:0 0 1em 0;max-width:${width}px;`);
  const h2 = document.createElement("h2");
  h2.setAttribute("style", `${font}font-size:17px;font-weight:600;line-height:1.3;margin:0 0 2px 0;`);
  h2.textContent = options.title;
  figure.appendChild(h2);
  if (options.subtitle) {
    const h3 = document.createElement("h3");
    h3.setAttribute("style", `${font}font-size:13px;font-weight:400;color:#555;line-height:1.3;margin:0 0 8px 0;`);
    h3.textContent = options.subtitle;
    figure.appendChild(h3);
  }
  if (options.legend && options.legend.domain.length) {
    const legend = Plot.legend({
      color: { type: "ordinal", domain: [...options.legend.domain], range: [...options.legend.range] },
      document,
      style: { fontFamily: chartDefaults.fontFamily, fontSize: "11px" },
    } as unknown as Plot.LegendOptions);
    figure.appendChild(legend as Element);
  }
  const grid = document.createElement("div");
  grid.setAttribute(
    "style",
    `display:grid;grid-template-columns:repeat(${columns},${panelWidth(columns, width)}px);gap:10px 16px;`,
  );
  for (const p of options.panels) {
    const cell = document.createElement("div");
    cell.innerHTML = `<div style="${font}font-size:12.5px;font-weight:600;margin:4px 0 0 0;">${
      escapeHtml(p.heading)
    }</div>`;
    cell.appendChild(p.chart);
    grid.appendChild(cell);
  }
  figure.appendChild(grid);
  const caption = document.createElement("figcaption");
  caption.setAttribute("style", `${font}font-size:11.5px;color:#555;line-height:1.4;margin-top:4px;`);
  caption.textContent = options.caption;
  figure.appendChild(caption);
  return displayable(figure as unknown as HTMLElement, options.title);
}
