/**
 * What every qtlab chart shares: size and type defaults, event annotations, the source caption.
 */
import { utcDay } from "d3-time";
import { daysBetween, utcDate } from "../calendar.ts";
import * as Plot from "@observablehq/plot";
import { document } from "./document.ts";
import { type Displayable, displayable } from "./display.ts";

/** Chart defaults: width in px, font, margins. */
export const chartDefaults = {
  width: 960,
  height: 420,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  fontSize: "12px",
} as const;

/** A dated annotation: a vertical rule with a short label. */
export interface Annotation {
  date: string;
  label: string;
}

/** Parse an ISO date to the Date Plot puts on a time axis (UTC midnight); from the calendar module. */
export { utcDate };

/**
 * Join events closer than `minGapDays` into one label ("QT ends · RMP starts") so that labels on a long
 * time axis do not print over each other. Input sorted or not; output sorted by date, each group dated at
 * its first event.
 */
export function mergeCloseEvents(events: readonly Annotation[], minGapDays: number): Annotation[] {
  const sorted = [...events].sort((a, b) => a.date.localeCompare(b.date));
  const out: Annotation[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && daysBetween(last.date, e.date) < minGapDays) {
      last.label = `${last.label} · ${e.label}`;
    } else out.push({ date: e.date, label: e.label });
  }
  return out;
}

/**
 * Vertical dashed rules with rotated labels for dated events inside [from, to]; events closer than
 * 1/50 of the shown span share one label. `fy` puts the labels in one facet only.
 */
export function eventMarks(
  events: readonly Annotation[],
  options: { from?: string; to?: string; fy?: string; minGapDays?: number } = {},
): Plot.Markish[] {
  const inRange = events.filter((e) =>
    (!options.from || e.date >= options.from) && (!options.to || e.date <= options.to)
  );
  if (inRange.length === 0) return [];
  const dates = inRange.map((e) => utcDate(e.date).getTime());
  const start = options.from ? utcDate(options.from).getTime() : Math.min(...dates);
  const end = options.to ? utcDate(options.to).getTime() : Date.UTC(2026, 11, 31);
  const minGapDays = options.minGapDays ?? Math.max(1, utcDay.count(new Date(start), new Date(end)) / 50);
  const shown = mergeCloseEvents(inRange, minGapDays).map((e) => ({ ...e, x: utcDate(e.date) }));
  const facet = options.fy === undefined ? {} : { fy: () => options.fy };
  return [
    Plot.ruleX(shown, { x: "x", stroke: "#888", strokeDasharray: "3,3", strokeWidth: 1 }),
    Plot.text(shown, {
      x: "x",
      text: "label",
      frameAnchor: "top",
      rotate: -90,
      textAnchor: "end",
      dx: -3,
      dy: 4,
      fill: "#333",
      fontSize: 10,
      stroke: "white",
      strokeWidth: 3,
      paintOrder: "stroke",
      ...facet,
    }),
  ];
}

/** Plot's default left margin with a y axis, and right margin (px). */
const DEFAULT_MARGIN = 40;
const DEFAULT_MARGIN_RIGHT = 20;
/** Width of one character of tick label at the charts' 12px font, and the gap to the axis (px). */
const CHAR_PX = 7.2;
const TICK_GAP_PX = 12;
/** Height of one line of tick label (px). */
const LINE_PX = 13;
const DEFAULT_MARGIN_BOTTOM = 30;

/**
 * The left and right margins (px) a rendered chart needs for its y and fy tick labels: the longest label
 * on each side, at the charts' font size, plus the gap to the axis.
 */
export function marginsForLabels(chart: Element): { left: number; right: number; bottom: number } {
  let left = 0;
  let right = 0;
  let bottom = 0;
  for (const g of chart.querySelectorAll('[aria-label="x-axis tick label"]')) {
    if (g.getAttribute("transform")?.includes("rotate")) continue;
    const lines = Math.max(
      0,
      ...[...g.querySelectorAll("text")].map((t) => Math.max(1, t.querySelectorAll("tspan").length)),
    );
    bottom = Math.max(bottom, lines * LINE_PX + TICK_GAP_PX);
  }
  for (const g of chart.querySelectorAll('[aria-label="y-axis tick label"], [aria-label="fy-axis tick label"]')) {
    const anchor = g.getAttribute("text-anchor");
    const longest = Math.max(0, ...[...g.querySelectorAll("text")].map((t) => (t.textContent ?? "").length));
    const px = Math.ceil(longest * CHAR_PX + TICK_GAP_PX);
    if (anchor === "start") right = Math.max(right, px);
    else left = Math.max(left, px);
  }
  return { left, right, bottom };
}

/** "Source: … As of …." caption text. */
export function sourceCaption(source: string, asOf: string, extra?: string): string {
  return `Source: ${source}. Data as of ${asOf}.${extra ? ` ${extra}` : ""}`;
}

/** Is a mark one of an explicit axis' tick labels (Plot.axisX and the like), which the margins are measured from? */
function isTickLabelMark(mark: object): boolean {
  const label = (mark as { ariaLabel?: unknown }).ariaLabel;
  return typeof label === "string" && label.endsWith("-axis tick label");
}

/**
 * The marks as the margins' measuring pass needs them: the same data, scaled channels and scales, but
 * nothing drawn except explicit axes' tick labels (a mark that draws nothing leaves the scales, and so the
 * ticks, as they are). Drawing every dot, line and label only to measure the tick labels cost each chart a
 * second full render; evaluating their unscaled channels (hover titles, label texts), a good part of one.
 */
export function measuringMarks(marks: readonly Plot.Markish[] | undefined): Plot.Markish[] {
  const measure = (m: Plot.Markish): Plot.Markish => {
    if (Array.isArray(m)) return m.map(measure);
    if (m == null || typeof m !== "object") return null;
    if (typeof (m as Plot.RenderableMark).render !== "function" || isTickLabelMark(m)) return m;
    const scaled = scaledChannels(m);
    return Object.create(m, {
      render: { value: () => null },
      ...(scaled ? { channels: { value: scaled } } : {}),
    }) as Plot.RenderableMark;
  };
  return (marks ?? []).map(measure);
}

/**
 * A mark's channels bound to a scale, the only ones that shape the scales and so the axes (a title, a
 * label's text, an href only filter what is drawn); undefined, to keep them all, for a mark whose
 * initializer or sort may read the others.
 */
function scaledChannels(mark: object): Record<string, { scale?: unknown }> | undefined {
  const m = mark as { channels?: Record<string, { scale?: unknown }>; initializer?: unknown; sort?: unknown };
  if (!m.channels || m.initializer != null || m.sort != null) return undefined;
  return Object.fromEntries(Object.entries(m.channels).filter(([, c]) => c.scale != null));
}

/** Plot options without legends: the measuring pass draws none (a legend never moves an axis). */
function withoutLegends(options: Plot.PlotOptions): Plot.PlotOptions {
  const out: Record<string, unknown> = { ...options };
  for (const k of ["color", "opacity", "symbol", "r", "length"] as const) {
    const scale = options[k] as { legend?: unknown } | undefined;
    if (scale && typeof scale === "object" && scale.legend) out[k] = { ...scale, legend: false };
  }
  return out as Plot.PlotOptions;
}

/** Render Plot options on the shared document, with qtlab defaults, and make the result displayable. */
export function render(options: Plot.PlotOptions): (SVGSVGElement | HTMLElement) & Displayable {
  const plot = (o: Plot.PlotOptions) =>
    Plot.plot({
      width: chartDefaults.width,
      height: chartDefaults.height,
      style: {
        fontFamily: chartDefaults.fontFamily,
        fontSize: chartDefaults.fontSize,
        background: "white",
        overflow: "visible",
      },
      ...o,
      document,
    });
  // Margins from the longest tick label, not fixed numbers: the chart is measured with the margins asked
  // for (axes only, see measuringMarks), then drawn with margins that hold its labels.
  const need = marginsForLabels(
    plot({
      ...withoutLegends(options),
      title: undefined,
      subtitle: undefined,
      caption: undefined,
      marks: measuringMarks(options.marks),
    }) as Element,
  );
  const left = options.marginLeft ?? DEFAULT_MARGIN;
  const right = options.marginRight ?? DEFAULT_MARGIN_RIGHT;
  const bottom = options.marginBottom ?? DEFAULT_MARGIN_BOTTOM;
  const wider = need.left > left || need.right > right || need.bottom > bottom;
  const chart = plot(
    wider
      ? {
        ...options,
        marginLeft: Math.max(left, need.left),
        marginRight: Math.max(right, need.right),
        marginBottom: Math.max(bottom, need.bottom),
      }
      : options,
  );
  styleFigure(chart as Element);
  const alt = typeof options.title === "string" ? options.title : "chart";
  return displayable(chart as SVGSVGElement | HTMLElement, alt);
}

/**
 * Inline styles for a Plot <figure>'s title, subtitle and caption, so a chart reads the same in Jupyter,
 * in an exported report and in a bare page, whatever their style sheets.
 */
function styleFigure(chart: Element): void {
  if (chart.tagName.toLowerCase() !== "figure") return;
  const set = (selector: string, css: string) =>
    chart.querySelectorAll(selector).forEach((el) => el.setAttribute("style", css));
  const font = `font-family:${chartDefaults.fontFamily};`;
  chart.setAttribute("style", `${font}margin:0 0 1em 0;max-width:${chartDefaults.width}px;`);
  set(":scope > h2", `${font}font-size:17px;font-weight:600;line-height:1.3;margin:0 0 2px 0;`);
  set(":scope > h3", `${font}font-size:13px;font-weight:400;color:#555;line-height:1.3;margin:0 0 8px 0;`);
  set(":scope > figcaption", `${font}font-size:11.5px;color:#555;line-height:1.4;margin-top:4px;`);
}

/** Most hover points a series gets: enough to read any stretch of a line, few enough to keep reports light. */
export const MAX_TIPS_PER_SERIES = 160;

/** Every k-th row of each series (and its last), so that no series carries more than `max` hover points. */
export function thinPerSeries<T>(rows: readonly T[], seriesOf: (d: T) => string, max = MAX_TIPS_PER_SERIES): T[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = seriesOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out: T[] = [];
  for (const g of groups.values()) {
    const step = Math.max(1, Math.ceil(g.length / max));
    g.forEach((r, i) => {
      if (i % step === 0 || i === g.length - 1) out.push(r);
    });
  }
  return out;
}

/**
 * Hover tooltips for a line or area: transparent dots at the series' points (at most
 * {@link MAX_TIPS_PER_SERIES} a series), each carrying an SVG `<title>` (Plot's `title` channel) that the
 * browser shows on hover — in Jupyter, in a static report and in a live view alike, with no script.
 * `title` writes the value with its unit and its date (lib/format.ts).
 */
export function hoverTips<T>(
  rows: readonly T[],
  options: {
    x: (d: T) => Date | number;
    y: (d: T) => number;
    title: (d: T) => string;
    series?: (d: T) => string;
    fx?: (d: T) => string | number;
    fy?: (d: T) => string | number;
  },
): Plot.Markish {
  const data = thinPerSeries(rows, options.series ?? (() => ""));
  return Plot.dot(data, {
    x: options.x,
    y: options.y,
    ...(options.fx ? { fx: options.fx } : {}),
    ...(options.fy ? { fy: options.fy } : {}),
    r: 5,
    fill: "currentColor",
    fillOpacity: 0,
    stroke: "none",
    title: options.title,
    className: "qtlab-tips",
    render: tipsRender,
  });
}

const SVG_NS = "http://www.w3.org/2000/svg";
const NO_POINTS: number[] = [];

/**
 * Draw hover tips as Plot's dot would (the same group, circles and titles, attribute for attribute), with
 * plain DOM calls: Plot draws its group without dots, and each point is a circle with its `<title>`. A
 * chart carries hundreds of tips; building them through Plot's selections was a third of a redraw.
 */
const tipsRender: Plot.RenderFunction = (index, scales, values, dimensions, context, next) => {
  const g = next!(NO_POINTS, scales, values, dimensions, context)!;
  const { x: X, y: Y, title: T } = values as unknown as Record<string, ArrayLike<unknown> | undefined>;
  const doc = context.document;
  for (const i of index) {
    const circle = doc.createElementNS(SVG_NS, "circle");
    circle.setAttribute("cx", String(X![i]));
    circle.setAttribute("cy", String(Y![i]));
    circle.setAttribute("r", "5");
    const text = T?.[i];
    if (text != null && `${text}` !== "") {
      const title = doc.createElementNS(SVG_NS, "title");
      title.textContent = String(text);
      circle.append(title);
    }
    g.append(circle);
  }
  return g;
};
