/**
 * "Apply to notebook": the overrides a live view's chosen assumptions become, and the injected cell's
 * source (lib/live/apply.ts).
 */
import { describe, expect, test } from "vitest";
import { APPLIED_COMMENT, appliedOverrides, appliedSource, sameJson } from "../../lib/live/apply.ts";
import { resolveControls } from "../../lib/live/controls.ts";
import { parseParameters } from "../../lib/params/parametersCell.ts";
import type { ControlSpec, LiveSpec } from "../../lib/live/types.ts";

const PARAMETERS = [
  "// months; assumption",
  "const horizonMonths = 24;",
  'const scenarioSizesUsdBnPerMonth = {"A": 20, "B": 40, "C": 60}; // $bn/month; assumption',
  'const scenarioProbabilities = {"A": 0.25, "B": 0.5, "C": 0.25}; // assumption',
  'const startMonth = "2025-12"; // month',
].join("\n");

const CONTROLS: ControlSpec[] = [
  { param: "horizonMonths", label: "Horizon", min: 6, max: 36, step: 1 },
  { param: "scenarioSizesUsdBnPerMonth.A", label: "A", min: 0, max: 80, step: 2.5 },
  {
    kind: "probabilities",
    label: "Probabilities",
    members: ["A", "B", "C"].map((id) => ({ param: `scenarioProbabilities.${id}`, label: id })),
  },
];

/** A spec as a view declares it, its params being what the kernel ran with. */
function spec(params: Record<string, unknown>, controls = CONTROLS, id = "rmpFan"): LiveSpec {
  return {
    version: 1,
    view: "rmpFan",
    id,
    title: "t",
    data: {},
    params,
    controls: resolveControls(controls, params, id),
    defaultsFromNotebook: false,
  };
}

const RAN = {
  horizonMonths: 24,
  scenarioSizesUsdBnPerMonth: { A: 20, B: 40, C: 60 },
  scenarioProbabilities: { A: 0.25, B: 0.5, C: 0.25 },
  extra: 1,
};
const START = {
  horizonMonths: 24,
  "scenarioSizesUsdBnPerMonth.A": 20,
  "scenarioProbabilities.A": 0.25,
  "scenarioProbabilities.B": 0.5,
  "scenarioProbabilities.C": 0.25,
};

describe("appliedOverrides", () => {
  test("a nested path overrides its whole parameter, with only that key changed", () => {
    const out = appliedOverrides(PARAMETERS, undefined, [spec(RAN)], { ...START, "scenarioSizesUsdBnPerMonth.A": 35 });
    expect(out).toEqual({ scenarioSizesUsdBnPerMonth: { A: 35, B: 40, C: 60 } });
    expect(appliedSource(out)).toBe(
      `// ${APPLIED_COMMENT}\nconst scenarioSizesUsdBnPerMonth = {"A":35,"B":40,"C":60};`,
    );
  });

  test("overrides follow the parameters cell's order, and the injected cell parses as parameters", () => {
    const out = appliedOverrides(PARAMETERS, undefined, [spec(RAN)], {
      ...START,
      "scenarioProbabilities.A": 0.5,
      "scenarioProbabilities.C": 0,
      horizonMonths: 30,
    });
    expect(Object.keys(out)).toEqual(["horizonMonths", "scenarioProbabilities"]);
    const parsed = parseParameters(appliedSource(out)!);
    expect(parsed.map((p) => [p.name, p.default])).toEqual([
      ["horizonMonths", 30],
      ["scenarioProbabilities", { A: 0.5, B: 0.5, C: 0 }],
    ]);
  });

  test("values equal to the defaults are dropped: nothing left, no injected cell", () => {
    const out = appliedOverrides(PARAMETERS, undefined, [spec(RAN)], START);
    expect(out).toEqual({});
    expect(appliedSource(out)).toBeUndefined();
  });

  test("an earlier injected cell: overrides of parameters no view controls are kept, the others replaced", () => {
    const earlier = '// Parameters injected\nconst startMonth = "2026-01";\nconst horizonMonths = 30;';
    const ran = { ...RAN, horizonMonths: 30 };
    const out = appliedOverrides(PARAMETERS, earlier, [spec(ran)], { ...START, horizonMonths: 12 });
    expect(out).toEqual({ horizonMonths: 12, startMonth: "2026-01" });
    // The view going back to the default removes that override, not the other.
    expect(appliedOverrides(PARAMETERS, earlier, [spec(ran)], START)).toEqual({ startMonth: "2026-01" });
  });

  test("several views on the page: each parameter from the view that controls it", () => {
    const other = spec(RAN, [CONTROLS[0]], "rmpExpected");
    const out = appliedOverrides(PARAMETERS, undefined, [spec(RAN, [CONTROLS[1]]), other], {
      horizonMonths: 18,
      "scenarioSizesUsdBnPerMonth.A": 10,
    });
    expect(out).toEqual({ horizonMonths: 18, scenarioSizesUsdBnPerMonth: { A: 10, B: 40, C: 60 } });
  });

  test("a control on a name the parameters cell does not declare is refused, naming it", () => {
    const s = spec({ ...RAN, shownMonths: 3 }, [{ param: "shownMonths", label: "m", min: 0, max: 9, step: 1 }]);
    expect(() => appliedOverrides(PARAMETERS, undefined, [s], { shownMonths: 4 })).toThrow(
      /live view "rmpFan": "shownMonths" is not declared in the notebook's parameters cell/,
    );
  });

  test("a view whose value of a parameter is not shaped like its default is refused", () => {
    const s = spec({ ...RAN, scenarioSizesUsdBnPerMonth: { A: 20, B: 40 } });
    expect(() => appliedOverrides(PARAMETERS, undefined, [s], { ...START, "scenarioSizesUsdBnPerMonth.A": 5 }))
      .toThrow(/its value of "scenarioSizesUsdBnPerMonth" .* is not shaped like the parameters cell's/);
  });
});

test("sameJson ignores key order and compares deeply", () => {
  expect(sameJson({ a: [1, { b: 2 }], c: "x" }, { c: "x", a: [1, { b: 2 }] })).toBe(true);
  expect(sameJson({ a: [1, 2] }, { a: [1, 3] })).toBe(false);
  expect(sameJson([1], { 0: 1 })).toBe(false);
  expect(sameJson(null, {})).toBe(false);
});
