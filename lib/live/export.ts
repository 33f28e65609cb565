/**
 * The export hook: make an exported report's live views live. The report runner calls
 * {@link embedLiveViews} on the freshly exported HTML (still in the work folder, before it replaces the
 * last good report). If the page holds a live view it
 *   1. sets every control's reset target (`default`) to the notebook's declared default, read from its
 *      parameters cell (the control's starting value stays the value the notebook ran with, so a report
 *      run with `-p` overrides opens on them, matching its static rendering);
 *   2. moves each distinct data set into one shared <script type="application/json" class="qtlab-live-data">
 *      block that specs name by key (views of one notebook often share their inputs: the page carries
 *      them once);
 *   3. inlines the page bundle (lib/live/bundle.ts) in one <script> before </body>.
 * The page stays one file with no request of any kind; its static rendering shows without JavaScript.
 * Pages without a live view are left byte for byte as they were.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { writeFileAtomic } from "../atomic.ts";
import {
  controlPaths,
  controlWithNotebookDefault,
  DATA_CLASS,
  parseSpec,
  scriptSafeJson,
  SPEC_CLASS,
} from "./controls.ts";

export { controlWithNotebookDefault } from "./controls.ts";
import { liveBundle } from "./bundle.ts";
import type { AnyArticleParams } from "../params/schema.ts";
import type { LiveSpec, ResolvedControl } from "./types.ts";

const SPEC_SCRIPT = new RegExp(`(<script\\b[^>]*\\bclass="${SPEC_CLASS}"[^>]*>)([\\s\\S]*?)(</script>)`, "g");
/** Marks the inlined bundle (one per page). */
export const BUNDLE_MARK = "data-qtlab-live-bundle";

/** Does the page hold a live view? */
export function hasLiveViews(html: string): boolean {
  SPEC_SCRIPT.lastIndex = 0;
  return SPEC_SCRIPT.test(html);
}

/**
 * A control's range, step and unit from the article's parameter declaration (the one source of bounds):
 * a number control on `name`, `name.KEY` or `name.INDEX` takes the declared min, max, step and unit of
 * `name`; a probability group the declared step. Controls on names the declaration lacks are kept.
 */
export function controlWithDeclaration(c: ResolvedControl, declaration: AnyArticleParams | undefined): ResolvedControl {
  if (!declaration) return c;
  const root = (path: string) => path.split(".")[0];
  if (c.kind === "probabilities") {
    const spec = declaration.specs[root(c.members[0].param)];
    return spec && spec.kind.type === "record" ? { ...c, step: spec.kind.step } : c;
  }
  if (c.kind === "choice") return c;
  const spec = Object.hasOwn(declaration.specs, root(c.param)) ? declaration.specs[root(c.param)] : undefined;
  if (!spec || !("min" in spec.kind) || spec.kind.type === "month" || spec.kind.type === "date") return c;
  const { min, max, step } = spec.kind as { min: number; max: number; step: number };
  return { ...c, min, max, step, unit: spec.unit };
}

/** Rewrite every embedded spec's control defaults from the notebook's declared defaults (and bounds from its declaration). */
export function applyNotebookDefaults(
  html: string,
  notebookDefaults: Readonly<Record<string, unknown>>,
  declaration?: AnyArticleParams,
): string {
  return html.replace(SPEC_SCRIPT, (_, open: string, body: string, close: string) => {
    const spec = parseSpec(body);
    const next: LiveSpec = {
      ...spec,
      controls: spec.controls.map((c) =>
        controlWithNotebookDefault(controlWithDeclaration(c, declaration), notebookDefaults)
      ),
      defaultsFromNotebook: true,
    };
    return `${open}${scriptSafeJson(JSON.stringify(next))}${close}`;
  });
}

/** Insert text before the last </body> (or at the end). */
function beforeBodyEnd(html: string, text: string): string {
  const at = html.lastIndexOf("</body>");
  return at < 0 ? html + text : html.slice(0, at) + text + html.slice(at);
}

/**
 * Move every spec's data into shared blocks, one per distinct data (keyed by the sha256 of its JSON),
 * inserted before </body>; each spec keeps `data: null` and `dataRef: key`. Specs already moved are left.
 */
export function hoistData(html: string): string {
  const blocks = new Map<string, string>();
  const out = html.replace(SPEC_SCRIPT, (whole, open: string, body: string, close: string) => {
    const spec = parseSpec(body);
    if (spec.dataRef) return whole;
    const json = JSON.stringify(spec.data);
    const key = createHash("sha256").update(json).digest("hex").slice(0, 16);
    blocks.set(key, json);
    return `${open}${scriptSafeJson(JSON.stringify({ ...spec, data: null, dataRef: key }))}${close}`;
  });
  if (blocks.size === 0) return html;
  const tags = [...blocks].map(([key, json]) =>
    `<script type="application/json" class="${DATA_CLASS}" data-key="${key}">${scriptSafeJson(json)}</script>\n`
  ).join("");
  return beforeBodyEnd(out, tags);
}

/** Insert the bundle before the last </body> (or at the end). Refuses a page that already has one. */
export function inlineBundle(html: string, code: string): string {
  if (html.includes(BUNDLE_MARK)) throw new Error("the page already carries the live-view bundle");
  return beforeBodyEnd(html, `<script ${BUNDLE_MARK}>${code}</script>\n`);
}

/** The live-view parameter paths a page's specs control (for reports and tests). */
export function livePagePaths(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(SPEC_SCRIPT)) out.push(...parseSpec(m[2]).controls.flatMap(controlPaths));
  return [...new Set(out)];
}

/**
 * Post-process an exported report in place (write to a temp file, then rename): defaults from the
 * notebook, bundle inlined. Returns what it did, or null when the page has no live view.
 */
export async function embedLiveViews(
  htmlPath: string,
  notebookDefaults: Readonly<Record<string, unknown>>,
  declaration?: AnyArticleParams,
): Promise<{ views: number; dataBlocks: number; bundleBytes: number; pageBytes: number } | null> {
  const html = readFileSync(htmlPath, "utf8");
  if (!hasLiveViews(html)) return null;
  const bundle = await liveBundle();
  const out = inlineBundle(hoistData(applyNotebookDefaults(html, notebookDefaults, declaration)), bundle.code);
  writeFileAtomic(htmlPath, out);
  const dataBlocks = out.split(`class="${DATA_CLASS}"`).length - 1;
  return {
    views: [...html.matchAll(SPEC_SCRIPT)].length,
    dataBlocks,
    bundleBytes: bundle.bytes,
    pageBytes: Buffer.byteLength(out),
  };
}
