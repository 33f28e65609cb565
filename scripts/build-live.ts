/**
 * Build (or fetch from the cache) the script qtlab inlines into report pages with live views, and say
 * what it is: size, gzipped size, build time, the files it was built from.
 *
 *   tsx scripts/build-live.ts            the cached bundle, built if an input changed
 *   tsx scripts/build-live.ts --force    build now
 *   tsx scripts/build-live.ts --out F    also copy the bundle to F
 *   tsx scripts/build-live.ts --inputs   list the input files
 *
 * The report command builds on demand; this script is for looking at the bundle and timing it.
 */
import { copyFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { liveBundle } from "../lib/live/bundle.ts";

const args = process.argv.slice(2);
const known = new Set(["--force", "--out", "--inputs"]);
const bad = args.find((a, i) => a.startsWith("--") && !known.has(a) && args[i - 1] !== "--out");
if (bad) {
  console.error(`build-live: unknown option "${bad}" (use --force, --out FILE, --inputs)`);
  process.exit(2);
}
const outAt = args.indexOf("--out");
if (outAt >= 0 && !args[outAt + 1]) {
  console.error("build-live: --out needs a file");
  process.exit(2);
}
try {
  const b = await liveBundle({ force: args.includes("--force") });
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const own = b.inputs.filter((i) => !i.startsWith("node_modules/"));
  console.log(`${b.built ? "built" : "cached"} in ${b.ms.toFixed(0)} ms: ${b.path}`);
  console.log(
    `size ${kib(b.bytes)} (${
      kib(gzipSync(b.code).length)
    } gzipped); ${b.inputs.length} inputs, ${own.length} from this project; key ${b.key.slice(0, 16)}`,
  );
  if (args.includes("--inputs")) { for (const i of b.inputs) console.log(`  ${i}`); }
  if (outAt >= 0) {
    copyFileSync(b.path, args[outAt + 1]);
    console.log(`copied to ${args[outAt + 1]}`);
  }
} catch (e) {
  console.error(`build-live: ${(e as Error).message}`);
  process.exit(1);
}
