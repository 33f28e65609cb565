import { describe, expect, test } from "vitest";
import {
  controlPaths,
  controlValues,
  decodeHash,
  encodeHash,
  getPath,
  LiveViewError,
  normaliseProbabilities,
  parseHash,
  rescaleProbabilities,
  resolveControls,
  scriptSafeJson,
  stepDecimals,
  strictJson,
  unitFromName,
  withValues,
} from "../../lib/live/controls.ts";
import type { ControlSpec } from "../../lib/live/types.ts";

const params = {
  capUsdBnPerMonth: 25,
  shape: "flat",
  probs: { A: 0.4, B: 0.35, C: 0.25 },
  band: [0.1, 0.9],
};
const controls: ControlSpec[] = [
  { param: "capUsdBnPerMonth", label: "Cap", min: 0, max: 60, step: 5 },
  {
    kind: "choice",
    param: "shape",
    label: "Shape",
    options: [{ value: "flat", label: "flat" }, { value: "front", label: "front-loaded" }],
  },
  {
    kind: "probabilities",
    label: "Scenarios",
    members: [{ param: "probs.A", label: "A" }, { param: "probs.B", label: "B" }, { param: "probs.C", label: "C" }],
  },
  { param: "band.1", label: "Upper quantile", unit: "", min: 0.5, max: 1, step: 0.05 },
];
const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);

describe("paths into params", () => {
  test("getPath reads object keys and array indices; a missing step gives undefined", () => {
    expect(getPath(params, "probs.B")).toBe(0.35);
    expect(getPath(params, "band.1")).toBe(0.9);
    expect(getPath(params, "probs.D")).toBeUndefined();
    expect(getPath(params, "capUsdBnPerMonth.x")).toBeUndefined();
  });
  test("withValues copies deeply, sets existing paths only, leaves the input untouched", () => {
    const next = withValues(params, { "probs.A": 0.5, "band.0": 0.2 });
    expect(next.probs).toEqual({ A: 0.5, B: 0.35, C: 0.25 });
    expect(next.band).toEqual([0.2, 0.9]);
    expect(params.probs.A).toBe(0.4);
    expect(() => withValues(params, { "probs.D": 1 })).toThrow('no parameter at "probs.D"');
    expect(() => withValues(params, { "nope.x": 1 })).toThrow(LiveViewError);
  });
  test("unitFromName reads qtlab's unit suffixes, from the nearest segment that has one", () => {
    expect(unitFromName("capTreasuryUsdBnPerMonth")).toBe("$bn/month");
    expect(unitFromName("scenarioSizesUsdBnPerMonth.A")).toBe("$bn/month");
    expect(unitFromName("ampleSlopeBpPer100UsdBn")).toBe("bp per $100bn");
    expect(unitFromName("spreadBp")).toBe("bp");
    expect(unitFromName("nominalGdpGrowthPctPerYear")).toBe("% a year");
    expect(unitFromName("months")).toBe("months");
    expect(unitFromName("horizonMonths")).toBe("months");
    expect(unitFromName("scenarioProbabilities.A")).toBeUndefined();
    expect(unitFromName("Bp")).toBeUndefined(); // a bare suffix is not a name
  });
});

describe("resolveControls(controls, params)", () => {
  test("each control starts at its params value, defaults to it, and gets its unit", () => {
    const r = resolveControls(controls, params);
    expect(r[0]).toEqual({
      kind: "number",
      param: "capUsdBnPerMonth",
      label: "Cap",
      unit: "$bn/month",
      min: 0,
      max: 60,
      step: 5,
      value: 25,
      default: 25,
    });
    expect(r[1]).toMatchObject({ kind: "choice", value: "flat", default: "flat" });
    expect(r[2]).toMatchObject({
      kind: "probabilities",
      step: 0.01,
      members: [{ param: "probs.A", value: 0.4, default: 0.4 }, { value: 0.35 }, { value: 0.25 }],
    });
    expect(controlValues(r)).toEqual({
      capUsdBnPerMonth: 25,
      shape: "flat",
      "probs.A": 0.4,
      "probs.B": 0.35,
      "probs.C": 0.25,
      "band.1": 0.9,
    });
  });
  test("every problem is reported at once", () => {
    const bad: ControlSpec[] = [
      { param: "missing", label: "M", unit: "", min: 0, max: 1, step: 1 },
      { param: "capUsdBnPerMonth", label: "Cap", min: 30, max: 60, step: 5 },
      { param: "capUsdBnPerMonth", label: "Cap again", min: 0, max: 60, step: 0 },
      {
        kind: "choice",
        param: "shape",
        label: "Shape",
        options: [{ value: "x", label: "x" }, { value: "y", label: "y" }],
      },
      {
        kind: "probabilities",
        label: "P",
        members: [{ param: "probs.A", label: "A" }, { param: "probs.B", label: "B" }],
      },
      { param: "probs.C", label: "no unit", min: 0, max: 1, step: 0.1 },
    ];
    let message = "";
    try {
      resolveControls(bad, params, 'live view "x"');
    } catch (e) {
      expect(e).toBeInstanceOf(LiveViewError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^live view "x": /);
    for (
      const part of [
        'number "missing" must be a finite number in params, got undefined',
        'number "capUsdBnPerMonth": value 25 is outside its range [30, 60]',
        'parameter "capUsdBnPerMonth" has more than one control',
        'number "capUsdBnPerMonth": step must be positive, got 0',
        'choice "shape": value "flat" is not among the options "x", "y"',
        'probabilities "P" (probs.A, probs.B) sum to 0.75, not 1',
        'number "probs.C": no unit given and none in its name',
      ]
    ) expect(message).toContain(part);
  });
});

describe("probabilities keep summing to 1", () => {
  test("moving one rescales the others in proportion (hand-worked: A 0.4→0.6, B:C = 0.35:0.25 share 0.4)", () => {
    expect(rescaleProbabilities([0.4, 0.35, 0.25], 0, 0.6)).toEqual([0.6, 0.23, 0.17]);
  });
  test.each([
    [[0.4, 0.35, 0.25], 1, 0.9],
    [[0.4, 0.35, 0.25], 2, 0],
    [[0.4, 0.35, 0.25], 0, 1],
    [[1, 0, 0], 0, 0.5], // others all zero: split equally
    [[0.333, 0.333, 0.334], 1, 0.41],
    [[0.5, 0.5], 0, 1.7], // clamped to 1
  ])("%j, member %i → %d: sum 1, all in [0, 1], the moved one as set", (values, i, v) => {
    const out = rescaleProbabilities(values, i, v);
    expect(sum(out)).toBeCloseTo(1, 12);
    for (const x of out) expect(x >= 0 && x <= 1).toBe(true);
    expect(out[i]).toBeCloseTo(Math.min(1, v), 12);
  });
  test("others all zero share the remainder equally", () => {
    expect(rescaleProbabilities([1, 0, 0], 0, 0.5)).toEqual([0.5, 0.25, 0.25]);
  });
  test("normaliseProbabilities rescales a whole group; all zero → equal shares", () => {
    expect(sum(normaliseProbabilities([2, 1, 1]))).toBeCloseTo(1, 12);
    expect(normaliseProbabilities([2, 1, 1])).toEqual([0.5, 0.25, 0.25]);
    expect(sum(normaliseProbabilities([0, 0, 0]))).toBeCloseTo(1, 12);
  });
  test("stepDecimals", () => {
    expect([stepDecimals(0.01), stepDecimals(5), stepDecimals(0.25), stepDecimals(1e-7)]).toEqual([2, 0, 2, 7]);
  });
});

describe("the URL hash", () => {
  const resolved = resolveControls(controls, params);
  test("encodeHash writes -p style name=value pairs; decodeHash reads them back", () => {
    const h = encodeHash({ capUsdBnPerMonth: 30, shape: "front", "probs.A": 0.1 + 0.2 });
    expect(h).toBe("#capUsdBnPerMonth=30&shape=front&probs.A=0.3");
    expect(decodeHash(h)).toEqual({ capUsdBnPerMonth: "30", shape: "front", "probs.A": "0.3" });
    expect(encodeHash({})).toBe("");
    expect(decodeHash("#a=1&bad&=2&c=%E0%A4%A")).toEqual({ a: "1" });
  });
  test("parseHash applies a valid hash and refuses the whole hash on any out-of-schema value, with one line each", () => {
    expect(parseHash(resolved, "#capUsdBnPerMonth=30&shape=front&probs.A=0.5&probs.B=0.3&probs.C=0.2")).toEqual({
      values: { capUsdBnPerMonth: 30, shape: "front", "probs.A": 0.5, "probs.B": 0.3, "probs.C": 0.2 },
      problems: [],
    });
    const bad = parseHash(resolved, "#capUsdBnPerMonth=999&shape=nope&probs.A=0.6&unknown=1");
    expect(bad.values).toEqual({});
    expect(bad.problems).toEqual([
      '"unknown" is not an assumption of this page',
      'capUsdBnPerMonth must be a number from 0 to 60 ($bn/month), got "999"',
      'shape must be one of flat, front, got "nope"',
      "Scenarios: give all of probs.A, probs.B, probs.C together",
    ]);
    expect(parseHash(resolved, "#probs.A=0.5&probs.B=0.5&probs.C=0.5").problems).toEqual([
      "Scenarios: probabilities must sum to 1, they sum to 1.5",
    ]);
    expect(parseHash(resolved, "#__proto__=1&constructor=2").problems).toHaveLength(2);
    expect(parseHash(resolved, "").problems).toEqual([]);
  });

  test("parseHash never throws and never returns a value outside its control, on random and hostile hashes", () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = [
      "capUsdBnPerMonth",
      "shape",
      "probs.A",
      "probs.B",
      "probs.C",
      "band.1",
      "__proto__",
      "x",
      "=",
      "&",
      "%",
      "%E0",
      "NaN",
      "Infinity",
      "-1e999",
      "1e-320",
      "0.3",
      "60",
      "61",
      "-0",
      "front",
      "flat",
      "<script>",
      "'\"`",
      "${x}",
      "\n",
      "#",
    ];
    for (let k = 0; k < 3000; k++) {
      const n = 1 + Math.floor(rand() * 12);
      const hash = "#" +
        Array.from({ length: n }, () => pieces[Math.floor(rand() * pieces.length)]).join(rand() < 0.5 ? "" : "&");
      const r = parseHash(resolved, hash);
      for (const c of resolved) {
        if (c.kind === "number" && c.param in r.values) {
          expect((r.values[c.param] as number) >= c.min && (r.values[c.param] as number) <= c.max, hash).toBe(true);
        }
        if (c.kind === "choice" && c.param in r.values) {
          expect(c.options.map((o) => o.value)).toContain(r.values[c.param]);
        }
        if (c.kind === "probabilities" && c.members[0].param in r.values) {
          expect(Math.abs(sum(c.members.map((m) => r.values[m.param] as number)) - 1)).toBeLessThanOrEqual(1e-6);
        }
      }
      for (const key of Object.keys(r.values)) expect(resolved.flatMap(controlPaths)).toContain(key);
    }
  });
});

describe("what a page embeds", () => {
  test("strictJson refuses what JSON would change, naming where", () => {
    expect(strictJson({ rows: [{ date: "2025-01-01", value: 1 }] }, "data")).toBe(
      '{"rows":[{"date":"2025-01-01","value":1}]}',
    );
    expect(() => strictJson({ rows: [{ value: NaN }] }, "data")).toThrow("cannot embed data.rows[0].value is NaN");
    expect(() => strictJson({ d: new Date(0) }, "data")).toThrow("data.d is a Date");
    expect(() => strictJson({ f: () => 1 }, "params")).toThrow("params.f is a function");
    expect(() => strictJson({ u: undefined }, "params")).toThrow("params.u is a undefined");
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => strictJson(loop, "data")).toThrow("circular");
  });
  test("scriptSafeJson escapes <, > and & so no </script or <!-- can appear, and parses back the same", () => {
    const value = { s: "S&P </script><!-- x -->", t: "\u2028" };
    const text = scriptSafeJson(JSON.stringify(value));
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
