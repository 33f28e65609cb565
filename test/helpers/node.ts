/**
 * Run a TypeScript script the way `npm run report` and `npm run data:refresh` do: in one Node process with
 * tsx's loader (`node --import tsx`), so a signal sent to the process reaches the script itself. The tsx
 * command instead starts a second process and relays signals to it; when that process does not confirm a
 * relayed signal within 30 ms (a loaded machine), tsx kills it outright, and its clean stop never runs.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..", "..");
const loader = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;

/** The Node executable that runs tests and scripts. */
export const node = process.execPath;

/** Arguments for `node` that run `script` (a path) with `args`, TypeScript loaded by tsx. */
export function tsArgs(script: string, ...args: string[]): string[] {
  return ["--import", loader, script, ...args];
}
