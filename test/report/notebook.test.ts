import { describe, expect, test } from "vitest";
import { cellSource, expectsOutput, newNotebook, stripAnsi, toSourceLines } from "../../lib/report/notebook.ts";

describe("expectsOutput(source): does a cell's last statement display something?", () => {
  test.each([
    ["balanceSheetChart(lines)", true],
    ["const x = 1;\nx", true],
    ["claimsTable(checks)\n", true],
    ["note(`as of ${d}`)", true],
    ["chart(\n  rows,\n  { from: x },\n)", true],
    ["const catalog = loadCatalog();", false],
    ["const catalog = loadCatalog()", false],
    ['import { a } from "../lib/a.ts";', false],
    ["x = 2", false],
    ["assertClaimsComplete(checks, ids);", false],
    ["// only a comment", false],
    ["", false],
    ["function f() {\n  return 1;\n}", false],
    ["if (bad) {\n  throw new Error('x');\n}", false],
  ])("%j → %s", (source, expected) => {
    expect(expectsOutput(source)).toBe(expected);
  });
});

describe("notebook file helpers", () => {
  test("toSourceLines / cellSource round-trip", () => {
    const text = "const a = 1;\nconst b = 2;\nb";
    const lines = toSourceLines(text);
    expect(lines).toEqual(["const a = 1;\n", "const b = 2;\n", "b"]);
    expect(cellSource({ source: lines })).toBe(text);
  });
  test("newNotebook is nbformat 4.5 on the qtlab kernel", () => {
    const nb = newNotebook([]);
    expect(nb.nbformat).toBe(4);
    expect((nb.metadata.kernelspec as { name: string }).name).toBe("qtlab");
  });
  test("stripAnsi removes colour codes", () => {
    expect(stripAnsi("\u001b[31mError\u001b[0m: x")).toBe("Error: x");
  });
});
