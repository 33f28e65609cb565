import { describe, expect, test } from "vitest";
import { LiveViewError, parseSpec, SPEC_CLASS } from "../../lib/live/controls.ts";
import {
  addMonths,
  expectedMultiple,
  purchasesFixture,
  type PurchasesFixtureData,
  type PurchasesFixtureParams,
  purchasesFixtureView,
  purchasesPath,
} from "../fixtures/live/fixtureView.ts";
import { assumptionsLine, liveSpec, liveView } from "../../lib/live/liveView.ts";
import { LIVE_VIEWS, lookupView } from "../../lib/live/registry.ts";
import { LIVE_CLASS, outputElement } from "../../lib/live/render.ts";
import type { ResolvedControl } from "../../lib/live/types.ts";
import { expectDisplayedAs } from "../helpers/display.ts";

const data: PurchasesFixtureData = {
  startMonth: "2025-12",
  asOf: "2026-05-27",
  realised: [{ month: "2025-12", purchasesUsdBn: 38 }],
};
const params: PurchasesFixtureParams = {
  purchasesUsdBnPerMonth: 40,
  months: 6,
  scheduleShape: "flat",
  frontLoadMultiple: 2,
  frontLoadMonths: 2,
  scenarioMultiples: { low: 0.5, base: 1, high: 1.5 },
  scenarioProbabilities: { low: 0.25, base: 0.5, high: 0.25 },
};
const DISPLAY = Symbol.for("Jupyter.display");
const figureTexts = (p: PurchasesFixtureParams) =>
  Object.fromEntries((purchasesFixtureView(data, p).figures ?? []).map((f) => [f.id, f.text]));

describe("the fixture view (hand-worked)", () => {
  test("addMonths crosses years", () => {
    expect([addMonths("2025-12", 1), addMonths("2025-01", 23), addMonths("2025-03", 0)]).toEqual([
      "2026-01",
      "2026-12",
      "2025-03",
    ]);
  });
  test("expectedMultiple = Σ p × multiple (0.25×0.5 + 0.5×1 + 0.25×1.5 = 1)", () => {
    expect(expectedMultiple(params)).toBe(1);
    expect(expectedMultiple({ ...params, scenarioProbabilities: { low: 0, base: 0.5, high: 0.5 } })).toBe(1.25);
  });
  test("flat: 40 a month for 6 months; front-loaded ×2 for 2 months: 80, 80, then 20 × 4, same total 240", () => {
    expect(purchasesPath("2025-12", params).map((r) => r.purchasesUsdBn)).toEqual([40, 40, 40, 40, 40, 40]);
    const front = purchasesPath("2025-12", { ...params, scheduleShape: "front-loaded" });
    expect(front.map((r) => r.purchasesUsdBn)).toEqual([80, 80, 20, 20, 20, 20]);
    expect(front.map((r) => r.month)).toEqual(["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
  });
  test("front-loading more than the total allows floors the rest at 0 (and the total shows it)", () => {
    const p = { ...params, scheduleShape: "front-loaded" as const, frontLoadMultiple: 3, frontLoadMonths: 3 };
    expect(purchasesPath("2025-12", p).map((r) => r.purchasesUsdBn)).toEqual([120, 120, 120, 0, 0, 0]);
    expect(figureTexts(p)).toEqual({ expectedPerMonth: "$60.0bn/month", total: "$360.0bn", firstMonth: "$120.0bn" });
  });
  test("a front-loaded path with no month after the front is refused", () => {
    expect(() => purchasesFixtureView(data, { ...params, scheduleShape: "front-loaded", frontLoadMonths: 6 })).toThrow(
      RangeError,
    );
    expect(() => purchasesFixtureView(data, { ...params, scheduleShape: "flat", frontLoadMonths: 6 })).not.toThrow();
  });
  test("figures: expected per month, total, first month", () => {
    expect(figureTexts(params)).toEqual({
      expectedPerMonth: "$40.0bn/month",
      total: "$240.0bn",
      firstMonth: "$40.0bn",
    });
    const out = purchasesFixtureView(data, { ...params, purchasesUsdBnPerMonth: 27.9 });
    expect(out.figures?.[0]).toMatchObject({
      id: "expectedPerMonth",
      label: "Expected purchases",
      text: "$27.9bn/month",
    });
    expect(out.figures?.[0].value).toBeCloseTo(27.9, 12);
  });
  test("the chart is a titled Plot figure with an SVG", () => {
    const { chart } = purchasesFixtureView(data, params);
    expect(chart.tagName.toLowerCase()).toBe("figure");
    expect(chart.querySelector("h2")?.textContent).toBe("Fixture: expected purchases per month");
    expect(chart.querySelectorAll("svg rect").length).toBeGreaterThanOrEqual(6);
  });
});

describe("the registry", () => {
  test("every registered view's name is its key, with a title and controls", () => {
    for (const [key, def] of Object.entries(LIVE_VIEWS)) {
      expect(def.name).toBe(key);
      expect(def.title.length).toBeGreaterThan(0);
      expect(def.controls.length).toBeGreaterThan(0);
    }
    expect(lookupView("purchasesFixture")).toBe(purchasesFixture);
    expect(Object.keys(LIVE_VIEWS)).not.toContain("purchasesFixture");
    expect(lookupView("toString")).toBeUndefined();
  });
});

describe("liveView(name, data, params): the declaration a notebook cell makes", () => {
  const el = liveView("purchasesFixture", data, params);
  const script = el.querySelector(`script.${SPEC_CLASS}`)!;
  const spec = parseSpec(script.textContent!);

  test("a .qtlab-live wrapper naming the view, its controlled parameters, the static note, output and spec", () => {
    expect(el.getAttribute("class")).toBe(LIVE_CLASS.root);
    expect(el.getAttribute("data-view")).toBe("purchasesFixture");
    expect(el.getAttribute("data-live-id")).toBe("purchasesFixture");
    expect(el.getAttribute("data-params")).toBe(
      "purchasesUsdBnPerMonth months scheduleShape frontLoadMultiple frontLoadMonths scenarioProbabilities.low scenarioProbabilities.base scenarioProbabilities.high",
    );
    expect([...el.children].map((c) => c.getAttribute("class"))).toEqual([
      LIVE_CLASS.staticNote,
      LIVE_CLASS.output,
      SPEC_CLASS,
    ]);
    expect(script.getAttribute("type")).toBe("application/json");
  });

  test("the static rendering is exactly the view function's output", () => {
    const direct = outputElement(purchasesFixtureView(data, params)).outerHTML;
    expect(el.querySelector(`.${LIVE_CLASS.output}`)!.outerHTML).toBe(direct);
    expect(el.querySelector('[data-figure="expectedPerMonth"] dd')!.textContent).toBe("$40.0bn/month");
    expect(el.querySelector('[data-figure="expectedPerMonth"]')!.getAttribute("data-value")).toBe("40");
  });

  test("the embedded JSON round-trips: data and params as given; controls start at params and default to them", () => {
    expect(spec).toMatchObject({
      version: 1,
      view: "purchasesFixture",
      id: "purchasesFixture",
      title: "Fixture: expected purchases per month",
      defaultsFromNotebook: false,
    });
    expect(spec.data).toEqual(data);
    expect(spec.params).toEqual(params);
    const byParam = (p: string) =>
      spec.controls.find((c): c is Exclude<ResolvedControl, { kind: "probabilities" }> =>
        c.kind !== "probabilities" && c.param === p
      );
    expect(byParam("purchasesUsdBnPerMonth")).toEqual({
      kind: "number",
      param: "purchasesUsdBnPerMonth",
      label: "Base purchases",
      unit: "$bn/month",
      min: 0,
      max: 100,
      step: 1,
      value: 40,
      default: 40,
    });
    expect(byParam("months")).toMatchObject({ unit: "months", value: 6 });
    expect(byParam("frontLoadMultiple")).toMatchObject({ unit: "×", value: 2 });
    expect(byParam("scheduleShape")).toMatchObject({ kind: "choice", value: "flat", default: "flat" });
    expect(spec.controls.find((c) => c.kind === "probabilities")).toEqual({
      kind: "probabilities",
      label: "Scenario probabilities",
      step: 0.01,
      members: [
        { param: "scenarioProbabilities.low", label: "Low", value: 0.25, default: 0.25 },
        { param: "scenarioProbabilities.base", label: "Base", value: 0.5, default: 0.5 },
        { param: "scenarioProbabilities.high", label: "High", value: 0.25, default: 0.25 },
      ],
    });
  });

  test("the spec text holds no raw <, > or & (safe in the page), and data with them survives", () => {
    const odd = { ...data, asOf: "S&P <2026>" };
    const text = liveView("purchasesFixture", odd, params).querySelector(`script.${SPEC_CLASS}`)!.textContent!;
    expect(text).not.toMatch(/[<>&]/);
    expect(parseSpec(text).data).toEqual(odd);
  });

  test("displays in Jupyter as text/html (the whole wrapper) with a plain-text line of the assumptions", () => {
    const bundle = (el as unknown as Record<symbol, () => Record<string, string>>)[DISPLAY]();
    expectDisplayedAs(bundle["text/html"], el.outerHTML);
    expect(bundle["text/plain"]).toBe(
      "Fixture: expected purchases per month (live view; Base purchases 40 $bn/month · Length 6 months · Schedule flat · Front-load multiple 2 × · Front-loaded months 2 months · Scenario probabilities: Low 0.25, Base 0.5, High 0.25)",
    );
    expect(el.querySelector(`.${LIVE_CLASS.staticNote}`)!.textContent).toBe(
      `Assumptions: ${
        assumptionsLine(spec.controls)
      }. Static here: change them in the notebook's parameters cell and rerun, or open the exported report (npm run report) to change them in the page.`,
    );
  });

  test("views built one after the other on equal data share one parsed copy; other data gives its own", () => {
    const a = liveSpec("purchasesFixture", data, params);
    const b = liveSpec("purchasesFixture", structuredClone(data), { ...params, months: 8 });
    expect(b.spec.data).toBe(a.spec.data);
    expect(b.spec.data).toEqual(data);
    const other = { ...data, asOf: "2026-01-31" };
    const c = liveSpec("purchasesFixture", other, params);
    expect(c.spec.data).not.toBe(a.spec.data);
    expect(c.spec.data).toEqual(other);
    expect(liveView("purchasesFixture", data, params).outerHTML).toBe(
      liveView("purchasesFixture", structuredClone(data), params).outerHTML,
    );
  });

  test("options: an id, a title and a subset of controls", () => {
    const sub = liveView("purchasesFixture", data, params, {
      id: "lengthOnly",
      title: "Length",
      controls: [{ param: "months", label: "Length", min: 1, max: 24, step: 1 }],
    });
    const s = parseSpec(sub.querySelector(`script.${SPEC_CLASS}`)!.textContent!);
    expect([s.id, s.title, s.controls.length]).toEqual(["lengthOnly", "Length", 1]);
    expect(sub.getAttribute("data-params")).toBe("months");
  });

  test("refuses an unknown view, a bad id, data JSON would change, bad controls and no controls", () => {
    expect(() => liveSpec("nope", data, params)).toThrow(
      /unknown live view "nope"; registered: runoffUnderCaps, .*, purchasesFixture$/,
    );
    expect(() => liveSpec("purchasesFixture", data, params, { id: "has space" })).toThrow(LiveViewError);
    expect(() => liveSpec("purchasesFixture", { ...data, asOf: new Date(0) }, params)).toThrow(
      "cannot embed data.asOf is a Date",
    );
    expect(() => liveSpec("purchasesFixture", data, { ...params, months: NaN })).toThrow(
      "cannot embed params.months is NaN",
    );
    expect(() => liveSpec("purchasesFixture", data, { ...params, purchasesUsdBnPerMonth: 150 })).toThrow(
      'live view "purchasesFixture": number "purchasesUsdBnPerMonth": value 150 is outside its range [0, 100]',
    );
    expect(() =>
      liveSpec("purchasesFixture", data, { ...params, scenarioProbabilities: { low: 0.5, base: 0.5, high: 0.5 } })
    ).toThrow("sum to 1.5, not 1");
    expect(() => liveSpec("purchasesFixture", data, params, { controls: [] })).toThrow("no controls");
  });
});
