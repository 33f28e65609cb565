import { describe, expect, it } from "vitest";
import { rmpParams } from "../../lib/articles/rmp-scenarios/params.ts";
import { assumptionRows } from "../../lib/report/run.ts";

describe("assumptionRows(declaration, overrides): the report's table of assumptions", () => {
  it("one row per declared parameter, with the value used, the default, unit, allowed values, meaning and source", () => {
    const rows = assumptionRows(rmpParams, { horizonMonths: 30 });
    expect(rows.map((r) => r.name)).toEqual([...rmpParams.names]);
    expect(rows.find((r) => r.name === "horizonMonths")).toEqual({
      name: "horizonMonths",
      used: "30",
      default: "24",
      unit: "months",
      allowed: "6 to 36",
      meaning: "months projected from the start month",
      source: "assumption: two years of projection, December 2025 to November 2027",
      changed: true,
    });
    expect(rows.filter((r) => r.changed).map((r) => r.name)).toEqual(["horizonMonths"]);
    expect(assumptionRows(rmpParams, { horizonMonths: 24 }).some((r) => r.changed)).toBe(false);
  });
});
