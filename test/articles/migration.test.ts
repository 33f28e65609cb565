/** Every notebook is an article: it opens lib/articles/<slug>/notebook.ts and computes nothing in its cells. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

describe("which notebooks are articles", () => {
  it("every notebook has its article's entry point, lib/articles/<slug>/notebook.ts", () => {
    const notebooks = readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).map((f) =>
      f.replace(/\.ipynb$/, "")
    );
    expect(notebooks.length).toBe(6);
    const without = notebooks.filter((n) =>
      !existsSync(join(root, "lib", "articles", n.replace(/^\d+-/, ""), "notebook.ts"))
    );
    expect(without).toEqual([]);
  });
});
