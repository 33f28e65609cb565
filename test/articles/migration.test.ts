import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NOT_YET_ARTICLES } from "./migration.ts";

const root = join(import.meta.dirname, "..", "..");

describe("which notebooks are articles", () => {
  it("the not-yet list is exactly the notebooks without lib/articles/<slug>/notebook.ts", () => {
    const notebooks = readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).map((f) =>
      f.replace(/\.ipynb$/, "")
    );
    const without = notebooks.filter((n) =>
      !existsSync(join(root, "lib", "articles", n.replace(/^\d+-/, ""), "notebook.ts"))
    );
    expect([...NOT_YET_ARTICLES].sort()).toEqual(without.sort());
  });
});
