/**
 * The report page's script: lib/live/browser.ts and everything it imports (the registry's view functions,
 * lib/calc, lib/plot, Observable Plot, d3), bundled by esbuild into one minified IIFE for ES2020 browsers.
 * lib/plot/document.ts (linkedom) is swapped for lib/live/browserDocument.ts (the page's document), and
 * any Node built-in or linkedom import fails the build.
 *
 * Built on demand and cached under .qtlab/live-bundle/, keyed by a sha256 of every input file esbuild
 * read (from its metafile), this file, esbuild's version and the build options: a report run reuses the
 * cached bundle unless a file it was built from changed. Node only (the report runner, tests, scripts).
 */
import { createHash } from "node:crypto";
import { writeFileAtomic } from "../atomic.ts";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type Plugin, version as esbuildVersion } from "esbuild";

const ROOT = resolve(fileURLToPath(new URL("../../", import.meta.url)));
const SELF = fileURLToPath(import.meta.url);
/** The bundle's entry. */
export const LIVE_ENTRY = join(ROOT, "lib", "live", "browser.ts");
/** The entry of the Notebook page's bundle (served by `npm run notebook`, lib/live/jupyterExtension.ts). */
export const JUPYTER_ENTRY = join(ROOT, "lib", "live", "jupyter.ts");

/** The entry in use: the page script, or another one named by QTLAB_LIVE_ENTRY (the tests' fixture entry). */
function liveEntry(): string {
  const e = process.env.QTLAB_LIVE_ENTRY;
  return e ? resolve(ROOT, e) : LIVE_ENTRY;
}
const PLOT_DOCUMENT = join(ROOT, "lib", "plot", "document.ts");
const BROWSER_DOCUMENT = join(ROOT, "lib", "live", "browserDocument.ts");
/** Where bundles are cached. */
export const LIVE_CACHE_DIR = join(ROOT, ".qtlab", "live-bundle");

/** esbuild options of the page bundle (besides entry and plugins). */
export const LIVE_BUILD_OPTIONS = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  minify: true,
  charset: "ascii",
  legalComments: "eof",
  sourcemap: false,
  // Plot offsets marks by half a pixel when it sees a screen of device-pixel ratio 1, and not on the
  // server (Deno, Node) nor on high-density screens. The page draws as the notebook did, so that a redraw
  // with the notebook's values gives the static chart again, on any screen.
  define: { "window.devicePixelRatio": "2" },
} as const satisfies BuildOptions;

/** Swap the server-side document for the page's; refuse linkedom and Node built-ins in the page. */
const browserDocument: Plugin = {
  name: "qtlab-browser-document",
  setup(b) {
    b.onResolve(
      { filter: /document\.ts$/ },
      (args) => (resolve(args.resolveDir, args.path) === PLOT_DOCUMENT ? { path: BROWSER_DOCUMENT } : undefined),
    );
    b.onResolve({ filter: /^(linkedom|node:.*)$/ }, (args) => ({
      errors: [{
        text:
          `"${args.path}" (imported by ${args.importer}) cannot run in a report page: keep live views free of I/O and of the server-side document`,
      }],
    }));
  },
};

/**
 * Build the bundle now (no cache), from `entry` (default: the page script). `inputs` are the files it was
 * built from, relative to the project.
 */
export async function buildLiveBundle(entry = liveEntry()): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    ...LIVE_BUILD_OPTIONS,
    entryPoints: [entry],
    absWorkingDir: ROOT,
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [browserDocument],
  });
  const code = result.outputFiles[0].text;
  if (/<\/script|<!--/i.test(code)) {
    throw new Error('the live-view bundle contains "</script" or "<!--" and cannot be inlined in a page');
  }
  return { code, inputs: Object.keys(result.metafile.inputs).sort() };
}

/** The cache key of a bundle built from `inputs` (relative paths); undefined if an input is gone. */
export function bundleKey(inputs: readonly string[]): string | undefined {
  const h = createHash("sha256");
  h.update(JSON.stringify({ esbuildVersion, options: LIVE_BUILD_OPTIONS }));
  h.update(readFileSync(SELF));
  for (const rel of inputs) {
    const path = join(ROOT, rel);
    if (!existsSync(path)) return undefined;
    h.update(`\0${rel}\0`);
    h.update(readFileSync(path));
  }
  return h.digest("hex");
}

/** A bundle ready to inline. */
export interface LiveBundle {
  code: string;
  /** sha256 key of its inputs. */
  key: string;
  /** Size of `code` in bytes (UTF-8; the code is ASCII). */
  bytes: number;
  /** True when this call built it, false when it came from the cache. */
  built: boolean;
  /** Milliseconds this call took (cache check, plus the build when built). */
  ms: number;
  /** Cached file. */
  path: string;
  inputs: string[];
}

interface CacheIndex {
  key: string;
  inputs: string[];
}

const inFlight = new Map<string, Promise<LiveBundle>>();

/**
 * The page bundle (or the bundle of `entry`, e.g. {@link JUPYTER_ENTRY}), from the cache when none of its
 * inputs changed, else built and cached. Concurrent calls in one process share one build; concurrent
 * processes may both build and write the same bytes (each file is replaced atomically).
 */
export function liveBundle(
  options: { cacheDir?: string; force?: boolean; entry?: string } = {},
): Promise<LiveBundle> {
  const entry = options.entry ?? liveEntry();
  const shared = !options.force && !options.cacheDir;
  if (shared && inFlight.has(entry)) return inFlight.get(entry)!;
  const custom = entry === LIVE_ENTRY ? "" : `entry-${createHash("sha256").update(entry).digest("hex").slice(0, 12)}`;
  const p = getBundle(options.cacheDir ?? join(LIVE_CACHE_DIR, custom), options.force ?? false, entry).finally(() => {
    if (inFlight.get(entry) === p) inFlight.delete(entry);
  });
  if (shared) inFlight.set(entry, p);
  return p;
}

async function getBundle(dir: string, force: boolean, entry: string): Promise<LiveBundle> {
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true });
  const indexPath = join(dir, "index.json");
  const fileOf = (key: string) => join(dir, `bundle-${key.slice(0, 16)}.js`);
  if (!force && existsSync(indexPath)) {
    try {
      const index = JSON.parse(readFileSync(indexPath, "utf8")) as CacheIndex;
      const key = bundleKey(index.inputs);
      if (key === index.key && existsSync(fileOf(key))) {
        const code = readFileSync(fileOf(key), "utf8");
        return {
          code,
          key,
          bytes: Buffer.byteLength(code),
          built: false,
          ms: performance.now() - t0,
          path: fileOf(key),
          inputs: index.inputs,
        };
      }
    } catch {
      // unreadable index: rebuild
    }
  }
  const { code, inputs } = await buildLiveBundle(entry);
  const key = bundleKey(inputs);
  if (!key) throw new Error("an input of the live-view bundle vanished during the build");
  writeFileAtomic(fileOf(key), code);
  writeFileAtomic(indexPath, JSON.stringify({ key, inputs } satisfies CacheIndex, null, 1));
  for (const f of readdirSync(dir)) {
    if (/^bundle-[0-9a-f]+\.js$/.test(f) && join(dir, f) !== fileOf(key)) rmSync(join(dir, f), { force: true });
  }
  return {
    code,
    key,
    bytes: Buffer.byteLength(code),
    built: true,
    ms: performance.now() - t0,
    path: fileOf(key),
    inputs,
  };
}
