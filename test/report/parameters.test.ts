import { describe, expect, test } from "vitest";
import { type Cell, cellSource, cellTags, newNotebook, toSourceLines } from "../../lib/report/notebook.ts";
import {
  injectedSource,
  injectParameters,
  nearestName,
  notebookParameters,
  parseAssignment,
  parseCliValue,
  parseParameters,
  validateOverrides,
} from "../../lib/report/parameters.ts";

const PARAMS = `// Assumptions, one per line
const capTreasuryUsdBnPerMonth = 5; // FOMC implementation note, 2025-03-19
const chartFromDate = "2022-01-01"; // assumption: QT era
const frontLoaded = false; // assumption
const scenarioProbabilities = [0.4, 0.35, 0.25]; // the article's scenarios A, B, C
const scenarioSizesUsdBnPerMonth = {
  "A": 25,
  "B": 45,
  "C": 3.5
}; // the article: A $20-30bn, B >= $45bn, C $3.5bn
const note = "a // inside a string"; // comment after it
const optional = null; // none by default
`;

const code = (source: string, tags: string[] = []): Cell => ({
  cell_type: "code",
  source: toSourceLines(source),
  metadata: tags.length ? { tags } : {},
  outputs: [],
  execution_count: null,
});
const md = (source: string): Cell => ({ cell_type: "markdown", source: toSourceLines(source), metadata: {} });

describe("parseParameters(source)", () => {
  const params = parseParameters(PARAMS);
  test("reads each declaration's name, JSON type, default, comment and line", () => {
    expect(params.map((p) => [p.name, p.type, p.line])).toEqual([
      ["capTreasuryUsdBnPerMonth", "number", 2],
      ["chartFromDate", "string", 3],
      ["frontLoaded", "boolean", 4],
      ["scenarioProbabilities", "array", 5],
      ["scenarioSizesUsdBnPerMonth", "object", 6],
      ["note", "string", 11],
      ["optional", "null", 12],
    ]);
    expect(params[0]).toMatchObject({ default: 5, comment: "FOMC implementation note, 2025-03-19" });
    expect(params[4].default).toEqual({ A: 25, B: 45, C: 3.5 });
    expect(params[5]).toMatchObject({ default: "a // inside a string", comment: "comment after it" });
  });
  test("refuses a line that is not a declaration, naming it", () => {
    expect(() => parseParameters("const a = 1;\nconsole.log(a);")).toThrow(
      'parameters cell line 2: expected "const name = <JSON value>; // source", found "console.log(a);"',
    );
  });
  test("refuses a value that is not a JSON literal", () => {
    expect(() => parseParameters("const a = 1;\nconst b = {x: 1};")).toThrow(
      /line 2: the value of "b" is not a JSON literal/,
    );
    expect(() => parseParameters("const c = 'single';")).toThrow(/line 1: the value of "c" is not a JSON literal/);
  });
  test("refuses a name declared twice", () => {
    expect(() => parseParameters("const a = 1;\nconst a = 2;")).toThrow(/parameter "a" declared twice/);
  });
});

describe("validateOverrides(params, overrides): refused before any kernel starts", () => {
  const params = parseParameters(PARAMS);
  test("accepts values of the defaults' types", () => {
    expect(
      validateOverrides(params, {
        capTreasuryUsdBnPerMonth: 25,
        chartFromDate: "2020-01-01",
        scenarioProbabilities: [0.5, 0.5, 0],
        optional: 3,
      }),
    ).toEqual([]);
  });
  test("an unknown name lists the valid names and suggests the nearest", () => {
    const [e] = validateOverrides(params, { capTreasuryUsdBnPerMonht: 25 }, "01-qt-mechanics");
    expect(e).toContain(
      '01-qt-mechanics: unknown parameter "capTreasuryUsdBnPerMonht" (did you mean "capTreasuryUsdBnPerMonth"?)',
    );
    expect(e).toContain("valid names: capTreasuryUsdBnPerMonth, chartFromDate, frontLoaded");
  });
  test("a value of the wrong type names the expected type and the default", () => {
    expect(validateOverrides(params, { capTreasuryUsdBnPerMonth: "five" })).toEqual([
      'notebook: parameter "capTreasuryUsdBnPerMonth" must be a number like its default 5, got a string ("five")',
    ]);
    expect(validateOverrides(params, { scenarioProbabilities: 0.4 })[0]).toMatch(
      /must be a array like its default \[0.4,0.35,0.25\], got a number/,
    );
  });
  test("nearestName suggests only close names", () => {
    expect(nearestName("chartfromdate", ["chartFromDate", "x"])).toBe("chartFromDate");
    expect(nearestName("zzzzzzzz", ["chartFromDate"])).toBeUndefined();
  });
});

describe("command-line values", () => {
  test("parseCliValue reads JSON, else a string", () => {
    expect(parseCliValue("25")).toBe(25);
    expect(parseCliValue("-3.5e1")).toBe(-35);
    expect(parseCliValue("true")).toBe(true);
    expect(parseCliValue("null")).toBe(null);
    expect(parseCliValue("[1,2]")).toEqual([1, 2]);
    expect(parseCliValue('{"a":1}')).toEqual({ a: 1 });
    expect(parseCliValue('"quoted"')).toBe("quoted");
    expect(parseCliValue("2025-04-01")).toBe("2025-04-01");
    expect(parseCliValue("[1,2")).toBe("[1,2");
  });
  test("parseAssignment splits at the first = and refuses malformed input", () => {
    expect(parseAssignment("a=1")).toEqual(["a", 1]);
    expect(parseAssignment("label=x=y")).toEqual(["label", "x=y"]);
    expect(() => parseAssignment("novalue")).toThrow('malformed parameter "novalue": expected name=value');
    expect(() => parseAssignment("=3")).toThrow(/malformed parameter "=3"/);
    expect(() => parseAssignment("1bad=3")).toThrow(/"1bad" is not a valid name/);
  });
});

describe("injectParameters(nb, overrides): papermill's injected-parameters cell", () => {
  const nb = newNotebook([md("# T"), code(PARAMS, ["parameters"]), code("capTreasuryUsdBnPerMonth * 2")]);

  test("inserts one cell tagged injected-parameters right after the parameters cell", () => {
    const out = injectParameters(nb, { capTreasuryUsdBnPerMonth: 25 });
    expect(out.cells.map((c) => cellTags(c))).toEqual([[], ["parameters"], ["injected-parameters"], []]);
    expect(cellSource(out.cells[2])).toContain("const capTreasuryUsdBnPerMonth = 25;");
    expect(nb.cells.length).toBe(3); // the input is not modified
  });

  test("a second injection replaces the first; no overrides leaves the notebook as it was", () => {
    const twice = injectParameters(injectParameters(nb, { frontLoaded: true }), { chartFromDate: "2020-01-01" });
    expect(twice.cells.filter((c) => cellTags(c).includes("injected-parameters")).length).toBe(1);
    expect(cellSource(twice.cells[2])).not.toContain("frontLoaded");
    expect(injectParameters(nb, {}).cells.length).toBe(3);
  });

  test("values of every JSON type round-trip through the injected TypeScript, quoting included", () => {
    const values: Record<string, unknown> = {
      n: -1.25e-7,
      s: 'quote " backslash \\ backtick ` dollar ${x} newline \n tab \t line-sep \u2028 </script>',
      b: false,
      z: null,
      a: [1, "two", [3], { four: 4 }],
      o: { "key with space": [true, null], nested: { d: "2025-04-01" } },
    };
    const src = injectedSource(values);
    const read = new Function(`${src}\nreturn { n, s, b, z, a, o };`)();
    expect(read).toEqual(values);
  });

  test("refuses overrides for a notebook without a parameters cell", () => {
    expect(() => injectParameters(newNotebook([code("1")]), { a: 1 })).toThrow(/no cell tagged "parameters"/);
  });

  test("notebookParameters reads the tagged cell; two tagged cells are refused", () => {
    expect(notebookParameters(nb).length).toBe(7);
    expect(() =>
      notebookParameters(newNotebook([code("const a = 1;", ["parameters"]), code("const b = 1;", ["parameters"])]))
    ).toThrow(/more than one cell/);
  });
});
