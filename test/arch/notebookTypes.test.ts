/**
 * Notebook cells are held to the same standard as lib/: each notebook's code cells, joined in order into
 * one module beside the notebook (so its relative imports resolve as in the kernel), are type-checked by
 * the project's own Deno (`deno check`, the kernel's TypeScript, with deno.json's settings).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cellSource, readNotebook } from "../../lib/report/notebook.ts";

const root = join(import.meta.dirname, "..", "..");
const deno = join(root, "node_modules", "deno", "deno");
const notebooks = readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
const files = notebooks.map((nb) =>
  join(root, "notebooks", `.typecheck-${process.pid}-${nb.replace(/\.ipynb$/, "")}.ts`)
);
afterAll(() => files.forEach((f) => rmSync(f, { force: true })));

describe("every notebook's code cells type-check", () => {
  it("deno check passes on every notebook's cells", () => {
    notebooks.forEach((nb, i) => {
      const cells = readNotebook(join(root, "notebooks", nb)).cells.filter((c) => c.cell_type === "code");
      // Each cell ends with ";" so that a cell's last expression never runs into the next cell's first line.
      writeFileSync(files[i], `${cells.map((c) => `${cellSource(c)}\n;`).join("\n")}\nexport {};\n`);
    });
    const run = spawnSync(deno, ["check", "--quiet", ...files], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", DENO_DIR: join(root, ".cache", "deno") },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`.replaceAll(`.typecheck-${process.pid}-`, "")).toBe(0);
  }, 120_000);
});
