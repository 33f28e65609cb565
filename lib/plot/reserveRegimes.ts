/**
 * Reserve regimes on the fitted demand curve: the weeks of the fitting sample and the weeks after its
 * cut-off (held out), the fitted curve with its bootstrap band (5–95%), and the three regimes of the New
 * York Fed's framework as shaded spans, each boundary drawn at its central value with its band across
 * slope rules and spreads.
 */
import * as Plot from "@observablehq/plot";
import { type CurveSamplePoint, curveSpreadBp, type FittedCurve } from "../calc/reserveDemand.ts";
import { fmt } from "../format.ts";
import { chartDefaults, hoverTips, render, sourceCaption } from "./common.ts";

export interface ReserveRegimesInput {
  inSample: readonly CurveSamplePoint[];
  heldOut: readonly CurveSamplePoint[];
  curve: FittedCurve;
  band: readonly { sharePct: number; lo: number; hi: number }[];
  /** Boundaries as shares of GDP (pct): central and the band's ends. */
  abundant: { sharePct: number | undefined; loPct: number; hiPct: number };
  scarce: { sharePct: number | undefined; loPct: number; hiPct: number };
  spreadName: string;
  cutoff: string;
  asOf: string;
}

export function reserveRegimesChart(input: ReserveRegimesInput) {
  const [lo, hi] = [Math.min(...input.band.map((b) => b.sharePct)), Math.max(...input.band.map((b) => b.sharePct))];
  const line = Array.from({ length: 161 }, (_, i) => lo + ((hi - lo) * i) / 160).map((x) => ({
    x,
    y: curveSpreadBp(input.curve, x),
  }));
  const spans = [
    input.scarce.sharePct !== undefined
      ? { from: lo, to: input.scarce.sharePct, label: "scarce", fill: "#f4c7c3" }
      : undefined,
    input.scarce.sharePct !== undefined && input.abundant.sharePct !== undefined
      ? { from: input.scarce.sharePct, to: input.abundant.sharePct, label: "ample", fill: "#fdf3d7" }
      : undefined,
    input.abundant.sharePct !== undefined
      ? { from: input.abundant.sharePct, to: hi, label: "abundant", fill: "#e3f4e1" }
      : undefined,
  ].filter((s): s is { from: number; to: number; label: string; fill: string } => s !== undefined);
  const bands = [
    { from: input.scarce.loPct, to: input.scarce.hiPct, label: "ample/scarce band" },
    { from: input.abundant.loPct, to: input.abundant.hiPct, label: "abundant/ample band" },
  ];
  const dots = [
    ...input.inSample.map((p) => ({
      x: p.sharePct,
      y: p.spreadBp,
      week: p.weekEnding,
      reserves: p.reservesUsdBn,
      set: `fitted (to ${input.cutoff})`,
    })),
    ...input.heldOut.map((p) => ({
      x: p.sharePct,
      y: p.spreadBp,
      week: p.weekEnding,
      reserves: p.reservesUsdBn,
      set: "held out (after the cut-off)",
    })),
  ];
  return render({
    title: `Reserve regimes on the fitted curve: ${input.spreadName} against reserves as a share of nominal GDP`,
    subtitle:
      "Shaded: scarce (steep), ample (gently sloped), abundant (flat), as the New York Fed names them; hatched bars: each boundary's band across slope rules and both spreads. Grey band: the curve's bootstrap 5–95%.",
    caption: sourceCaption(
      "Federal Reserve Board (H.4.1 WRESBAL, H.15 IORB), New York Fed (SOFR, EFFR), BEA (GDP); qtlab's fit",
      input.asOf,
      `The curve is fitted on weeks to ${input.cutoff}; later weeks are held out to test it.`,
    ),
    width: chartDefaults.width,
    height: 440,
    marginTop: 24,
    marginRight: 30,
    x: { label: "Reserves (% of nominal GDP) →", grid: true, domain: [lo, hi] },
    y: { label: `${input.spreadName} (bp)`, grid: true },
    color: {
      legend: true,
      domain: [`fitted (to ${input.cutoff})`, "held out (after the cut-off)"],
      range: ["#9aa5b1", "#c0392b"],
    },
    marks: [
      Plot.rectX(spans, { x1: "from", x2: "to", fill: "fill", fillOpacity: 0.55 }),
      Plot.text(spans, {
        x: (d: { from: number; to: number }) => (d.from + d.to) / 2,
        text: "label",
        frameAnchor: "top",
        dy: 6,
        fontSize: 11,
        fill: "#444",
      }),
      Plot.rectX(bands, {
        x1: "from",
        x2: "to",
        y1: () => 0,
        y2: () => 0,
        insetTop: -3,
        insetBottom: -3,
        fill: "#555",
        fillOpacity: 0.35,
        title: (d: { label: string; from: number; to: number }) =>
          `${d.label}: ${fmt(d.from, "pctOfGdp", { digits: 2 })} to ${fmt(d.to, "pctOfGdp", { digits: 2 })}`,
      }),
      Plot.areaY(input.band, { x: "sharePct", y1: "lo", y2: "hi", fill: "#333", fillOpacity: 0.15 }),
      Plot.ruleY([0], { stroke: "#333", strokeWidth: 0.8 }),
      Plot.dot(dots, {
        x: "x",
        y: "y",
        fill: "set",
        r: 2.6,
        fillOpacity: 0.8,
        title: (d: { week: string; reserves: number; x: number; y: number }) =>
          `week ending ${d.week}\nreserves ${fmt(d.reserves, "usdBn")} (${
            fmt(d.x, "pctOfGdp", { digits: 2 })
          })\n${input.spreadName} ${fmt(d.y, "bp", { digits: 1 })}`,
      }),
      Plot.line(line, { x: "x", y: "y", stroke: "#111", strokeWidth: 2 }),
      hoverTips(input.band, {
        x: (d) => d.sharePct,
        y: (d) => (d.lo + d.hi) / 2,
        title: (d) =>
          `Fitted curve at ${fmt(d.sharePct, "pctOfGdp", { digits: 2 })}: ${input.spreadName} ${
            fmt(d.lo, "bp", { digits: 1 })
          } to ${fmt(d.hi, "bp", { digits: 1 })} (bootstrap band)`,
      }),
    ],
  });
}
