import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";

test("tsc --noEmit is clean in strict mode over lib/, test/ and scripts/", () => {
  const r = spawnSync("node_modules/.bin/tsc", ["--noEmit", "-p", "."], { encoding: "utf8" });
  expect(r.stdout + r.stderr).toBe("");
  expect(r.status).toBe(0);
});
