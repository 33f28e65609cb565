#!/usr/bin/env node
// Recomputes the measured fields of data/manifest.json (sha256, rows, first/last date) from the files
// on disk, keeping every descriptive field as written. `--check` only reports differences (exit 1 on any).
// qtlab's loaders verify each file against this manifest, so run this only after a deliberate data change.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const dataDir = join(dirname(fileURLToPath(import.meta.url)), "..", "data");
const manifestPath = join(dataDir, "manifest.json");
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const check = process.argv.includes("--check");
let differences = 0;
for (const [file, entry] of Object.entries(manifest.files)) {
  const bytes = readFileSync(join(dataDir, file));
  const lines = bytes.toString("utf8").split("\n").filter((l) => l.length > 0);
  const dates = lines.slice(1).map((l) => l.slice(0, 10)).sort();
  const measured = {
    sha256: createHash("sha256").update(bytes).digest("hex"),
    rows: lines.length - 1,
    firstDate: dates[0],
    lastDate: dates[dates.length - 1],
  };
  for (const [k, v] of Object.entries(measured)) {
    if (entry[k] !== v) {
      differences++;
      console.log(`${file}: ${k} ${entry[k]} -> ${v}`);
      if (!check) entry[k] = v;
    }
  }
}
if (check) process.exit(differences ? 1 : 0);
const tmp = manifestPath + ".tmp";
writeFileSync(tmp, JSON.stringify(manifest, null, 2) + "\n");
renameSync(tmp, manifestPath);
console.log(`manifest: ${Object.keys(manifest.files).length} files, ${differences} fields updated`);
