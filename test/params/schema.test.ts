import { describe, expect, it } from "vitest";
import { rmpParams } from "../../lib/articles/rmp-scenarios/params.ts";
import {
  defineParams,
  jsonSchemaOf,
  p,
  parseValues,
  renderParametersCell,
  validateParams,
} from "../../lib/params/schema.ts";
import { parseParameters } from "../../lib/report/parameters.ts";

const data = { from: "2002-12-18", to: "2026-08-19" };
const errorsOf = (o: Record<string, unknown>) => {
  const r = validateParams(rmpParams, o, data);
  return r.ok ? [] : r.errors.map((e) => `${e.name}: ${e.message}`);
};

describe("lib/params/schema.ts: one declaration per assumption", () => {
  it("accepts the defaults and an in-range override, returning the merged values", () => {
    const r = validateParams(rmpParams, { horizonMonths: 36 }, data);
    expect(r.ok && r.values.horizonMonths).toBe(36);
    expect(r.ok && r.values.startMonth).toBe("2025-12");
  });
  it("refuses out-of-range numbers and values inside objects, in plain English with the unit", () => {
    expect(errorsOf({ scenarioSizesUsdBnPerMonth: { A: 25, B: 90, C: 3.5 } })[0]).toMatch(
      /each a number between 0 and 80 \(\$bn\/month\).*at B: a number 90/,
    );
    expect(errorsOf({ horizonMonths: 48 })[0]).toBe(
      "horizonMonths: expected a whole number between 6 and 36 (months), got a number 48",
    );
    expect(errorsOf({ horizonMonths: null })[0]).toMatch(/got null$/);
    expect(errorsOf({ fanOrganicRangeUsdBnPerMonth: [-Infinity, 3] })[0]).toMatch(/at 0: -Infinity/);
    expect(errorsOf({ fanOrganicRangeUsdBnPerMonth: ["a", "b"] })[0]).toMatch(/at 0: a string "a"/);
  });
  it("refuses probabilities not summing to 1, missing and extra keys, and __proto__ anywhere", () => {
    expect(errorsOf({ scenarioProbabilities: { A: 0.5, B: 0.5, C: 0.5 } })[0]).toMatch(/sum to 1 \(they sum to 1\.5\)/);
    expect(errorsOf({ scenarioProbabilities: { A: 0.5, B: 0.5 } })[0]).toMatch(/missing key "C"/);
    expect(errorsOf({ scenarioProbabilities: { A: 0.4, B: 0.35, C: 0.2, D: 0.05 } })[0]).toMatch(/unexpected key "D"/);
    expect(errorsOf({ scenarioProbabilities: JSON.parse('{"A":0.4,"B":0.35,"C":0.25,"__proto__":{"x":1}}') })[0])
      .toMatch(/key "__proto__"/);
    expect(errorsOf(JSON.parse('{"__proto__": 1}'))[0]).toMatch(/unknown parameter "__proto__"/);
    expect(errorsOf({ constructor: 1 })[0]).toMatch(/unknown parameter "constructor"/);
  });
  it("refuses malformed dates, dates outside the data, enums outside the list and broken cross rules", () => {
    expect(errorsOf({ curveFitFrom: "garbage" })[0]).toMatch(/not an ISO date/);
    expect(errorsOf({ curveFitFrom: "2099-01-01" })[0]).toMatch(/inside the shipped data \(2002-12-18 to 2026-08-19\)/);
    expect(errorsOf({ scheduleShape: "weird" })[0]).toBe(
      'scheduleShape: expected one of "flat", "front-loaded", got a string "weird"',
    );
    expect(errorsOf({ curveFitFrom: "2026-08-19", curveFitTo: "2022-01-01" })[0]).toMatch(/must be before curveFitTo/);
  });
  it("parseValues needs every name and throws one error listing each problem", () => {
    expect(() => parseValues(rmpParams, { ...rmpParams.defaults, horizonMonths: 2 }, data)).toThrow(
      /invalid parameters: "horizonMonths": expected/,
    );
    const { horizonMonths: _, ...partial } = rmpParams.defaults;
    expect(() => parseValues(rmpParams, partial, data)).toThrow(/"horizonMonths" is missing/);
  });
  it("a declaration refuses a default outside its own bounds or breaking a rule", () => {
    expect(() => p.number({ default: 9, min: 0, max: 5, unit: "", meaning: "m", source: "s" })).toThrow(
      /outside its own declaration/,
    );
    expect(() =>
      defineParams({ a: p.number({ default: 1, min: 0, max: 5, unit: "", meaning: "m", source: "s" }) }, [{
        names: ["a"],
        check: () => "no",
      }])
    ).toThrow(/break a rule/);
  });
  it("renders a parameters cell that the cell parser reads back to the same names and defaults", () => {
    const parsed = parseParameters(renderParametersCell(rmpParams));
    expect(parsed.map((x) => x.name)).toEqual([...rmpParams.names]);
    expect(Object.fromEntries(parsed.map((x) => [x.name, x.default]))).toEqual(rmpParams.defaults);
  });
  it("exports JSON Schema with unit, meaning and source on each property", () => {
    const js = jsonSchemaOf(rmpParams) as {
      properties: Record<string, { unit: string; source: string; maximum?: number }>;
      additionalProperties: boolean;
    };
    expect(js.additionalProperties).toBe(false);
    expect(js.properties.horizonMonths).toMatchObject({ unit: "months", maximum: 36 });
    expect(js.properties.scenarioProbabilities.source).toMatch(/40%/);
  });
});
