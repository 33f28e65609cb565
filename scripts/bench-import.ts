/**
 * The first import of a notebook's article module, as a new kernel pays it: one `import()` in a fresh
 * Deno process (module resolution, transpiling or Deno's cached transpile, V8's code cache, and every
 * module's top-level evaluation: lib/, Observable Plot, linkedom, zod, d3, arquero). Prints one JSON line
 * `{"ms": …, "rssMb": …}` with the import's wall time and the process's resident memory after it.
 *
 *   deno run -A scripts/bench-import.ts lib/articles/rmp-scenarios/notebook.ts
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import process from "node:process";

const target = process.argv[2];
if (!target) {
  console.error("usage: bench-import.ts MODULE");
  process.exit(2);
}
const url = pathToFileURL(resolve(target)).href;
const t0 = performance.now();
await import(url);
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rssMb: process.memoryUsage().rss / 1e6 }));
