/**
 * qtlab's layers and the one rule between them: a module imports only from its own layer or below.
 *
 *   0 base       lib/units.ts, lib/calendar.ts, lib/atomic.ts
 *   1 data       lib/data/**            (siblings: data and calc never import each other)
 *   1 calc       lib/calc/**
 *   2 rules      lib/format.ts, lib/claims/**, lib/params/**
 *   3 articles   lib/articles/** except the two view files below
 *   4 views      lib/plot/**, lib/live/**, lib/articles/<slug>/views.ts, lib/articles/<slug>/notebook.ts
 *   5 outside    lib/report/**, lib/refresh/**, scripts/**, notebooks (cells), test/**
 *
 * `layerViolations` reads the import statements of the given files (static `import … from`, `export … from`
 * and `import("…")` with a literal) and returns every import that goes up a layer or across the data/calc
 * line, plus any module of the live views' browser bundle that reaches a test fixture.
 */
import { readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

export interface Layer {
  rank: number;
  name: string;
}

/** The layer of a project-relative path, or undefined for files outside the layered tree (packages). */
export function layerOf(path: string): Layer | undefined {
  const p = path.replaceAll("\\", "/");
  if (/^lib\/(units|calendar|atomic)\.ts$/.test(p)) return { rank: 0, name: "base" };
  if (p.startsWith("lib/data/")) return { rank: 1, name: "data" };
  if (p.startsWith("lib/calc/")) return { rank: 1, name: "calc" };
  if (p === "lib/format.ts" || p.startsWith("lib/claims/") || p.startsWith("lib/params/")) {
    return { rank: 2, name: "rules" };
  }
  if (/^lib\/articles\/[^/]+\/(views|notebook)\.ts$/.test(p)) return { rank: 4, name: "views" };
  if (p.startsWith("lib/articles/")) return { rank: 3, name: "articles" };
  if (p.startsWith("lib/plot/") || p.startsWith("lib/live/")) return { rank: 4, name: "views" };
  if (p.startsWith("lib/") || p.startsWith("scripts/") || p.startsWith("test/") || p.startsWith("notebooks/")) {
    return { rank: 5, name: "outside" };
  }
  return undefined;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The relative imports of a source text, resolved against its path: [project-relative target, type-only]. */
export function importsOf(path: string, text: string): { target: string; typeOnly: boolean }[] {
  const out: { target: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[2] ?? m[3];
    if (!spec || !spec.startsWith(".")) continue;
    out.push({ target: normalize(join(dirname(path), spec)).replaceAll("\\", "/"), typeOnly: !!m[1] });
  }
  return out;
}

/** Every import in `files` (project-relative paths under `root`) that breaks the layer rule. */
export function layerViolations(
  root: string,
  files: readonly string[],
  sources: (path: string) => string = (p) => readFileSync(join(root, p), "utf8"),
): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    if (!from) continue;
    for (const { target } of importsOf(file, sources(file))) {
      const to = layerOf(relative(".", target));
      if (!to) continue;
      if (to.rank > from.rank) problems.push(`${file} (${from.name}) imports ${target} (${to.name}): an upward import`);
      else if (from.rank === 1 && to.rank === 1 && from.name !== to.name) {
        problems.push(`${file} (${from.name}) imports ${target} (${to.name}): data and calc never import each other`);
      }
    }
  }
  return problems;
}

/** Every module reachable from `entry` through relative imports (type-only imports excluded: they vanish in a bundle). */
export function reachable(
  root: string,
  entry: string,
  sources: (path: string) => string = (p) => readFileSync(join(root, p), "utf8"),
): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    let text: string;
    try {
      text = sources(f);
    } catch {
      continue;
    }
    for (const { target, typeOnly } of importsOf(f, text)) if (!typeOnly) stack.push(target);
  }
  return seen;
}
