/**
 * Reports carry only the style rules their markup can use (scripts/css_prune.py): JupyterLab's whole
 * style sheet is ~540 KB per report otherwise. The pruned page must render exactly as the full one.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../../lib/report/run.ts";
import { launchChromium, openFile } from "../helpers/browser.ts";

const scripts = join(PROJECT_ROOT, "scripts");
const out = mkdtempSync(join(tmpdir(), "qtlab-css-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Run css_prune.prune_css(css, classes) in Debian's Python. */
function pruneCss(css: string, classes: string[]): string {
  const code =
    "import json,sys; from css_prune import prune_css; a=json.load(sys.stdin); print(prune_css(a['css'], set(a['classes'])))";
  const r = spawnSync("/usr/bin/python3", ["-c", code], {
    cwd: scripts,
    input: JSON.stringify({ css, classes }),
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  return r.stdout.trim();
}

describe("prune_css(css, classes)", () => {
  test("keeps rules whose selectors can match, drops those needing an absent class", () => {
    const css = `/* c */ :root{--x:1} body{margin:0} .a .b{color:red} .a,.zz{top:0} .zz{left:0}
      .a:not(.zz){right:0} .qtlab-panel{gap:1px} [data-x=".zz"]{bottom:0} .zz[title]{x:1}
      @media print{.zz{a:1} .a{b:2}} @media screen{.zz{c:3}} @font-face{font-family:f} @import url(x.css);`;
    expect(pruneCss(css, ["a", "b"]).split("\n")).toEqual([
      ":root{--x:1}",
      "body{margin:0}",
      ".a .b{color:red}",
      ".a{top:0}",
      ".a:not(.zz){right:0}",
      ".qtlab-panel{gap:1px}",
      '[data-x=".zz"]{bottom:0}',
      "@media print{.a{b:2}}",
      "@font-face{font-family:f}",
      "@import url(x.css);",
    ]);
  });
});

describe("an exported report with pruned styles", () => {
  test("is hundreds of KB smaller and renders pixel for pixel as with the full style sheet", async () => {
    const run = (html: string, extra: string[]) =>
      spawnSync("/usr/bin/python3", [
        join(scripts, "nbrun.py"),
        "--in",
        join(PROJECT_ROOT, "test", "fixtures", "notebooks", "fixture-ok.ipynb"),
        "--out-ipynb",
        join(out, "x.ipynb"),
        "--out-html",
        html,
        ...extra,
      ], { encoding: "utf8" });
    const pruned = join(out, "pruned.html");
    const full = join(out, "full.html");
    expect(run(pruned, []).status).toBe(0);
    expect(run(full, ["--full-css"]).status).toBe(0);
    const [a, b] = [readFileSync(pruned, "utf8"), readFileSync(full, "utf8")];
    expect(b.length - a.length).toBeGreaterThan(300_000);
    const browser = await launchChromium();
    try {
      const shots = [];
      for (const file of [pruned, full]) {
        const { page, consoleErrors, requests } = await openFile(browser, file);
        shots.push(await page.screenshot({ fullPage: true }));
        expect([consoleErrors, requests]).toEqual([[], []]);
      }
      expect(shots[0].equals(shots[1])).toBe(true);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
