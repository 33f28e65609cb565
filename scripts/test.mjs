#!/usr/bin/env node
// qtlab's test run: every vitest test (units, loaders, charts, the type check and the notebooks executed
// in Jupyter), then one plain closing line "N passed, N failed" counted from vitest's JSON report, not
// from its console summary. Exits non-zero on any failure, including a test file that failed to load.
// Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const reportPath = join(root, ".qtlab", "vitest-report.json");
mkdirSync(dirname(reportPath), { recursive: true });
rmSync(reportPath, { force: true });

const run = spawnSync(
  join(root, "node_modules", ".bin", "vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${reportPath}`, ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: { ...process.env, TZ: "UTC" } },
);

let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === "passed") passed++;
      else if (t.status === "failed") failed++;
      // skipped / todo tests are neither: qtlab skips none, and the line says so if one appears.
    }
    // A file that could not load (syntax error, failed import) reports no tests but status "failed".
    if (file.status === "failed" && !tests.some((t) => t.status === "failed")) failed++;
  }
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
} catch (e) {
  console.error(`test: no readable vitest report at ${reportPath} (${e.message})`);
  console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
  process.exit(1);
}
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
