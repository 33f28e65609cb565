import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { writeFileAtomic } from "../lib/atomic.ts";

const dir = mkdtempSync(join(tmpdir(), "qtlab-atomic-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("writeFileAtomic(path, data) replaces the file whole, creates its folder, leaves no temp file", () => {
  const path = join(dir, "sub", "report.html");
  writeFileAtomic(path, "old");
  writeFileAtomic(path, "new");
  expect(readFileSync(path, "utf8")).toBe("new");
  expect(readdirSync(join(dir, "sub"))).toEqual(["report.html"]);
});

test("a write that fails leaves the target as it was and no temp file", () => {
  // A non-empty folder stands where the file should go: the rename over it fails.
  const blocked = join(dir, "blocked");
  writeFileAtomic(join(blocked, "x"), "inside");
  expect(() => writeFileAtomic(blocked, "replacement")).toThrow();
  expect(readdirSync(blocked)).toEqual(["x"]);
  expect(readFileSync(join(blocked, "x"), "utf8")).toBe("inside");
  expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
});
