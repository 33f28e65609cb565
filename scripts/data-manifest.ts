/**
 * Recompute the measured fields of data/manifest.json (sha256, rows, first and last date) from the files
 * on disk, keeping every descriptive field as written. `--check` only reports differences (exit 1 on any).
 * qtlab's loaders verify each file against this record, so run it only after a deliberate data change:
 *
 *   npx tsx scripts/data-manifest.ts [--check]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../lib/atomic.ts";
import { DEFAULT_DATA_DIR, type Manifest, measureDataFile } from "../lib/data/manifest.ts";

const manifestPath = join(DEFAULT_DATA_DIR, "manifest.json");
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
const check = process.argv.includes("--check");
let differences = 0;
for (const [file, entry] of Object.entries(manifest.files)) {
  const measured = measureDataFile(readFileSync(join(DEFAULT_DATA_DIR, file)));
  for (const [key, value] of Object.entries(measured) as [keyof typeof measured, string | number][]) {
    if (entry[key] === value) continue;
    differences++;
    console.log(`${file}: ${key} ${entry[key]} -> ${value}`);
    if (!check) Object.assign(entry, { [key]: value });
  }
}
if (check) process.exit(differences ? 1 : 0);
writeFileAtomic(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
console.log(`manifest: ${Object.keys(manifest.files).length} files, ${differences} fields updated`);
