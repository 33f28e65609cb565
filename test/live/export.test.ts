/**
 * The export hook's pieces (defaults from the notebook, bundle inlined) and the page bundle (esbuild,
 * browser document swapped in, cached by its inputs).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, test } from "vitest";
import { DATA_CLASS, parseSpec, SPEC_CLASS } from "../../lib/live/controls.ts";
import { bundleKey, liveBundle } from "../../lib/live/bundle.ts";
import {
  applyNotebookDefaults,
  BUNDLE_MARK,
  controlWithNotebookDefault,
  embedLiveViews,
  hasLiveViews,
  hoistData,
  inlineBundle,
  livePagePaths,
} from "../../lib/live/export.ts";
import { liveView } from "../../lib/live/liveView.ts";
import "../fixtures/live/fixtureView.ts";
import type { PurchasesFixtureParams } from "../fixtures/live/fixtureView.ts";
import type { ResolvedControl } from "../../lib/live/types.ts";

const data = { startMonth: "2025-12", asOf: "2026-05-27", realised: [] };
const ranWith: PurchasesFixtureParams = {
  purchasesUsdBnPerMonth: 30, // as if run with -p purchasesUsdBnPerMonth=30
  months: 6,
  scheduleShape: "front-loaded",
  frontLoadMultiple: 2,
  frontLoadMonths: 2,
  scenarioMultiples: { low: 0.5, base: 1, high: 1.5 },
  scenarioProbabilities: { low: 0.1, base: 0.6, high: 0.3 },
};
const notebookDefaults = {
  ...ranWith,
  purchasesUsdBnPerMonth: 40,
  scheduleShape: "flat",
  scenarioProbabilities: { low: 0.25, base: 0.5, high: 0.25 },
};
const page = (body: string) =>
  `<!DOCTYPE html><html><head><title>r</title></head><body><main>${body}</main></body></html>`;
const specsOf = (html: string) =>
  [...html.matchAll(new RegExp(`<script[^>]*class="${SPEC_CLASS}"[^>]*>([\\s\\S]*?)</script>`, "g"))].map((m) =>
    parseSpec(m[1])
  );

describe("reset targets from the notebook's parameters cell", () => {
  const html = page(
    liveView("purchasesFixture", data, ranWith).outerHTML + "<p>between</p>" +
      liveView("purchasesFixture", data, ranWith, { id: "second" }).outerHTML,
  );
  const out = applyNotebookDefaults(html, notebookDefaults);
  const [first, second] = specsOf(out);

  test("controls keep the value the notebook ran with and reset to the declared default", () => {
    const cap = first.controls.find((c) => c.kind === "number" && c.param === "purchasesUsdBnPerMonth");
    expect(cap).toMatchObject({ value: 30, default: 40 });
    expect(first.controls.find((c) => c.kind === "choice")).toMatchObject({ value: "front-loaded", default: "flat" });
    const probs = first.controls.find((c) => c.kind === "probabilities")!;
    expect(probs.kind === "probabilities" && probs.members.map((m) => [m.value, m.default])).toEqual([[0.1, 0.25], [
      0.6,
      0.5,
    ], [0.3, 0.25]]);
    expect(first.defaultsFromNotebook).toBe(true);
    expect(second.id).toBe("second");
    expect(second.defaultsFromNotebook).toBe(true);
  });
  test("everything else in the page is unchanged", () => {
    const strip = (h: string) => h.replace(/<script[^>]*qtlab-live-spec[^>]*>[\s\S]*?<\/script>/g, "");
    expect(strip(out)).toBe(strip(html));
    expect(livePagePaths(out)).toContain("scenarioProbabilities.base");
  });
  test("a default missing, out of range or of the wrong type leaves the control's default as it was", () => {
    const num: ResolvedControl = {
      kind: "number",
      param: "x",
      label: "x",
      unit: "",
      min: 0,
      max: 10,
      step: 1,
      value: 5,
      default: 5,
    };
    expect(controlWithNotebookDefault(num, {})).toEqual(num);
    expect(controlWithNotebookDefault(num, { x: 11 })).toEqual(num);
    expect(controlWithNotebookDefault(num, { x: "3" })).toEqual(num);
    expect(controlWithNotebookDefault(num, { x: 3 })).toEqual({ ...num, default: 3 });
    const probs: ResolvedControl = {
      kind: "probabilities",
      label: "p",
      step: 0.01,
      members: [{ param: "p.a", label: "a", value: 0.5, default: 0.5 }, {
        param: "p.b",
        label: "b",
        value: 0.5,
        default: 0.5,
      }],
    };
    expect(controlWithNotebookDefault(probs, { p: { a: 0.6, b: 0.6 } })).toEqual(probs);
    expect(controlWithNotebookDefault(probs, { p: { a: 0.3, b: 0.7 } })).toMatchObject({
      members: [{ default: 0.3 }, { default: 0.7 }],
    });
  });
});

describe("shared data blocks", () => {
  const blocksOf = (html: string) =>
    [...html.matchAll(
      new RegExp(
        `<script type="application/json" class="${DATA_CLASS}" data-key="([0-9a-f]{16})">([\\s\\S]*?)</script>`,
        "g",
      ),
    )].map((m) => ({ key: m[1], data: JSON.parse(m[2]) }));
  test("views with the same data share one block; other data gets its own; specs keep a key and no data", () => {
    const other = { ...data, asOf: "2026-06-30" };
    const html = page(
      liveView("purchasesFixture", data, ranWith).outerHTML +
        liveView("purchasesFixture", data, ranWith, { id: "b" }).outerHTML +
        liveView("purchasesFixture", other, ranWith, { id: "c" }).outerHTML,
    );
    const out = hoistData(html);
    const blocks = blocksOf(out);
    expect(blocks.map((b) => b.data)).toEqual([data, other]);
    const specs = specsOf(out);
    expect(specs.map((s) => s.data)).toEqual([null, null, null]);
    expect(specs.map((s) => s.dataRef)).toEqual([blocks[0].key, blocks[0].key, blocks[1].key]);
    expect(out.indexOf(`class="${DATA_CLASS}"`)).toBeGreaterThan(out.lastIndexOf("</main>"));
    expect(hoistData(out)).toBe(out); // already hoisted: unchanged
    expect(hoistData(page("x"))).toBe(page("x"));
  });
});

describe("inlining the bundle", () => {
  test("one script before </body>; a page cannot get two", () => {
    const out = inlineBundle(page("x"), "console.log(1)");
    expect(out).toBe(
      `<!DOCTYPE html><html><head><title>r</title></head><body><main>x</main><script ${BUNDLE_MARK}>console.log(1)</script>\n</body></html>`,
    );
    expect(() => inlineBundle(out, "y")).toThrow("already carries");
  });
  test("hasLiveViews", () => {
    expect(hasLiveViews(page(liveView("purchasesFixture", data, ranWith).outerHTML))).toBe(true);
    expect(hasLiveViews(page('<script type="application/json">{}</script>'))).toBe(false);
  });
});

describe("the page bundle", () => {
  const cacheDir = mkdtempSync(join(tmpdir(), "qtlab-live-bundle-"));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  test(
    "builds from lib/live/browser.ts with the browser document, without linkedom or node built-ins; then comes from the cache",
    async () => {
      const built = await liveBundle({ cacheDir, force: true });
      expect(built.built).toBe(true);
      expect(built.inputs).toContain("lib/live/browser.ts");
      expect(built.inputs).toContain("lib/live/browserDocument.ts");
      expect(built.inputs.filter((i) => /fixture|^test\//i.test(i))).toEqual([]);
      expect(built.inputs).not.toContain("lib/plot/document.ts");
      expect(built.inputs.filter((i) => /linkedom|^node:/.test(i))).toEqual([]);
      expect(built.code).not.toMatch(/<\/script|<!--/i);
      expect(built.code).toMatch(/^("use strict";)?\(\(\)=>\{/); // an IIFE
      // Size: reported, and bounded so an accidental dependency shows up here.
      const gz = gzipSync(built.code).length;
      console.log(
        `live bundle: ${(built.bytes / 1024).toFixed(1)} KiB (${(gz / 1024).toFixed(1)} KiB gzipped), built in ${
          built.ms.toFixed(0)
        } ms`,
      );
      expect(built.bytes).toBeLessThan(600_000);

      const cached = await liveBundle({ cacheDir });
      expect(cached.built).toBe(false);
      expect(cached.key).toBe(built.key);
      expect(cached.code).toBe(built.code);
      expect(cached.ms).toBeLessThan(built.ms);
    },
    60_000,
  );

  test("the key follows the inputs' contents: another input list gives another key; a missing input none", () => {
    const a = bundleKey(["lib/live/types.ts"]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(bundleKey(["lib/live/types.ts"])).toBe(a);
    expect(bundleKey(["lib/live/types.ts", "lib/live/controls.ts"])).not.toBe(a);
    expect(bundleKey(["lib/live/no-such-file.ts"])).toBeUndefined();
  });

  test("a stale cache index (an input's hash changed) is rebuilt", async () => {
    const index = join(cacheDir, "index.json");
    const idx = JSON.parse(readFileSync(index, "utf8"));
    writeFileSync(index, JSON.stringify({ ...idx, key: "0".repeat(64) }));
    const again = await liveBundle({ cacheDir });
    expect(again.built).toBe(true);
    expect(JSON.parse(readFileSync(index, "utf8")).key).toBe(again.key);
  }, 60_000);
});

describe("embedLiveViews(htmlPath, defaults)", () => {
  const dir = mkdtempSync(join(tmpdir(), "qtlab-live-embed-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  test("a page without live views is left byte for byte", async () => {
    const p = join(dir, "plain.html");
    writeFileSync(p, page("<p>static</p>"));
    const before = statSync(p).mtimeMs;
    expect(await embedLiveViews(p, {})).toBeNull();
    expect(readFileSync(p, "utf8")).toBe(page("<p>static</p>"));
    expect(statSync(p).mtimeMs).toBe(before);
  });
  test("a malformed spec fails the export and leaves the page as it was (the runner then keeps the last good report)", async () => {
    const p = join(dir, "bad.html");
    const bad = page(
      `<div class="qtlab-live"><script type="application/json" class="${SPEC_CLASS}">{"version":2}</script></div>`,
    );
    writeFileSync(p, bad);
    await expect(embedLiveViews(p, {})).rejects.toThrow("not a qtlab live-view spec");
    expect(readFileSync(p, "utf8")).toBe(bad);
  });
  test("a page with live views gets its defaults and the bundle", async () => {
    const p = join(dir, "live.html");
    writeFileSync(p, page(liveView("purchasesFixture", data, ranWith).outerHTML));
    const r = await embedLiveViews(p, notebookDefaults);
    expect(r?.views).toBe(1);
    const html = readFileSync(p, "utf8");
    expect(html.match(new RegExp(BUNDLE_MARK, "g"))?.length).toBe(1);
    expect(specsOf(html)[0]).toMatchObject({ defaultsFromNotebook: true, data: null });
    expect(r?.dataBlocks).toBe(1);
    expect(r?.pageBytes).toBe(Buffer.byteLength(html));
  }, 60_000);
});

describe("live controls take their bounds from the article's declaration", () => {
  test("controlWithDeclaration sets min, max, step and unit of number controls on a declared name, its keys and indices", async () => {
    const { controlWithDeclaration } = await import("../../lib/live/export.ts");
    const { rmpParams } = await import("../../lib/articles/rmp-scenarios/params.ts");
    const n = {
      kind: "number" as const,
      param: "scenarioSizesUsdBnPerMonth.A",
      label: "A",
      unit: "$bn",
      min: 0,
      max: 999,
      step: 7,
      value: 25,
      default: 25,
    };
    expect(controlWithDeclaration(n, rmpParams)).toMatchObject({ min: 0, max: 80, step: 0.5, unit: "$bn/month" });
    const h = { ...n, param: "horizonMonths", value: 24, default: 24 };
    expect(controlWithDeclaration(h, rmpParams)).toMatchObject({ min: 6, max: 36, step: 1, unit: "months" });
    const other = { ...n, param: "notDeclared" };
    expect(controlWithDeclaration(other, rmpParams)).toEqual(other);
    expect(controlWithDeclaration(n, undefined)).toEqual(n);
    const probs = {
      kind: "probabilities" as const,
      label: "p",
      step: 0.05,
      members: [{ param: "scenarioProbabilities.A", label: "A", value: 0.4, default: 0.4 }],
    };
    expect(controlWithDeclaration(probs, rmpParams)).toMatchObject({ step: 0.01 });
  });
});
