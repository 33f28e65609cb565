/**
 * One formatter and one linter over lib/, scripts/ and test/: the project's own Deno (deno fmt, 120
 * columns, and deno lint's recommended rules, as configured in deno.json). They ship with the Deno the
 * notebooks already run on, so the check needs nothing more installed and reads TypeScript as the kernel does.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const deno = join(root, "node_modules", "deno", "deno");
const run = (...args: string[]) =>
  spawnSync(deno, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DENO_DIR: join(root, ".cache", "deno") },
  });

describe("style: deno fmt and deno lint", () => {
  it("every file is formatted (deno fmt --check; run deno fmt to fix)", () => {
    const r = run("fmt", "--check");
    expect(r.status, `${r.stdout}\n${r.stderr}`.slice(0, 4000)).toBe(0);
  }, 60_000);
  it("the linter finds nothing (deno lint)", () => {
    const r = run("lint");
    expect(r.status, `${r.stdout}\n${r.stderr}`.slice(0, 4000)).toBe(0);
  }, 60_000);
});
