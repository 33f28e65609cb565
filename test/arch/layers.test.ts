import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, layerOf, layerViolations, reachable } from "../../scripts/layers.ts";

const root = join(import.meta.dirname, "..", "..");

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = `${dir}/${name}`;
    if (statSync(join(root, p)).isDirectory()) out.push(...tsFiles(p));
    else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** The code cells of every notebook, as one source per notebook, named like a file in notebooks/. */
function notebookSources(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(join(root, "notebooks")).filter((n) => n.endsWith(".ipynb"))) {
    const nb = JSON.parse(readFileSync(join(root, "notebooks", name), "utf8"));
    const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code").map((
      c: { source: string | string[] },
    ) => (Array.isArray(c.source) ? c.source.join("") : c.source));
    out.set(`notebooks/${name}.ts`, code.join("\n"));
  }
  return out;
}

describe("layers: data → calc → rules (format, claims, params) → articles → views → report/scripts/notebooks", () => {
  it("layerOf places the layers' example files", () => {
    expect(layerOf("lib/calendar.ts")?.rank).toBe(0);
    expect(layerOf("lib/calc/runoff.ts")?.name).toBe("calc");
    expect(layerOf("lib/format.ts")?.rank).toBe(2);
    expect(layerOf("lib/articles/rmp-scenarios/compute.ts")?.rank).toBe(3);
    expect(layerOf("lib/articles/rmp-scenarios/views.ts")?.rank).toBe(4);
    expect(layerOf("scripts/report.ts")?.rank).toBe(5);
  });

  it("layerViolations finds an upward import and a data/calc crossing", () => {
    const src: Record<string, string> = {
      "lib/calc/a.ts": 'import { x } from "../plot/chart.ts";\nimport { y } from "../data/h41.ts";',
      "lib/plot/b.ts": 'import { z } from "../calc/a.ts";',
    };
    const v = layerViolations(root, Object.keys(src), (p) => src[p]);
    expect(v).toHaveLength(2);
    expect(v[0]).toMatch(/upward/);
    expect(v[1]).toMatch(/never import each other/);
  });

  it("importsOf reads static, re-export and dynamic imports and marks type-only ones", () => {
    const i = importsOf(
      "lib/x/a.ts",
      'import type { T } from "./t.ts";\nexport { u } from "../u.ts";\nconst m = await import("./m.ts");',
    );
    expect(i).toEqual([
      { target: "lib/x/t.ts", typeOnly: true },
      { target: "lib/u.ts", typeOnly: false },
      { target: "lib/x/m.ts", typeOnly: false },
    ]);
  });

  it("no module in lib/, scripts/ or the notebooks imports upward", () => {
    const nbs = notebookSources();
    const files = [...tsFiles("lib"), ...tsFiles("scripts"), ...nbs.keys()];
    const read = (p: string) => nbs.get(p) ?? readFileSync(join(root, p), "utf8");
    expect(layerViolations(root, files, read)).toEqual([]);
  });

  it("the live views' browser bundle reaches no test fixture", () => {
    const mods = [...reachable(root, "lib/live/registry.ts")];
    expect(mods.filter((m) => /fixture/i.test(m) || m.startsWith("test/"))).toEqual([]);
  });
});
