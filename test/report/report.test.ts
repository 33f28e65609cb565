/**
 * The report command end to end: validation before any kernel starts, an override whose effect shows in
 * the report, a failing notebook that keeps the previous good report, and the report in Chromium.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readNotebook } from "../../lib/report/notebook.ts";
import { notebookParameters } from "../../lib/report/parameters.ts";
import {
  applyInputMode,
  HIDE_INPUT_TAG,
  type NotebookStatus,
  notebookTitle,
  planOverrides,
  PROJECT_ROOT,
  recordRun,
  resolveNotebookNames,
  runReports,
} from "../../lib/report/run.ts";
import { type IndexEntry, indexPage } from "../../lib/report/indexPage.ts";
import { launchChromium, openFile } from "../helpers/browser.ts";

const fixtures = join(PROJECT_ROOT, "test", "fixtures", "notebooks");
const ok = readNotebook(join(fixtures, "fixture-ok.ipynb"));
const fail = readNotebook(join(fixtures, "fixture-fail.ipynb"));
const okParams = notebookParameters(ok, "fixture-ok");
const failParams = notebookParameters(fail, "fixture-fail");

describe("choosing notebooks and overrides", () => {
  const available = ["00-data-tour", "01-qt-mechanics", "05-rmp-scenarios"];
  test("resolveNotebookNames accepts names, number prefixes and paths; refuses unknown and ambiguous", () => {
    expect(resolveNotebookNames([], available)).toEqual(available);
    expect(resolveNotebookNames(["05", "notebooks/01-qt-mechanics.ipynb"], available)).toEqual([
      "05-rmp-scenarios",
      "01-qt-mechanics",
    ]);
    expect(() => resolveNotebookNames(["07"], available)).toThrow(
      'unknown notebook "07"; notebooks: 00-data-tour, 01-qt-mechanics, 05-rmp-scenarios',
    );
    expect(() => resolveNotebookNames(["0"], available)).toThrow(/ambiguous notebook "0"/);
  });

  const nbs = [
    { name: "fixture-ok", params: okParams },
    { name: "fixture-fail", params: failParams },
  ];
  test("a global override goes to each notebook that declares it; a scoped one to its notebook", () => {
    expect(planOverrides(nbs, { all: { months: 6 }, byNotebook: { "fixture-fail": { shouldFail: true } } })).toEqual({
      "fixture-ok": { months: 6 },
      "fixture-fail": { shouldFail: true },
    });
  });
  test("every problem is reported at once: unknown name with suggestion, wrong type, unselected notebook", () => {
    let message = "";
    try {
      planOverrides(nbs, {
        all: { monhts: 6, label: 3 },
        byNotebook: { "fixture-fail": { shouldFail: "yes" }, other: { a: 1 } },
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split("\n")).toEqual([
      'the selected notebooks: unknown parameter "monhts" (did you mean "months"?); valid names: purchasesUsdBnPerMonth, months, label, shouldFail',
      'fixture-ok: parameter "label" must be a string like its default "total", got a number (3)',
      'fixture-fail: parameter "shouldFail" must be a boolean like its default false, got a string ("yes")',
      'parameters given for notebook "other", which is not selected (selected: fixture-ok, fixture-fail)',
    ]);
  });
  test("notebookTitle is the first # heading", () => {
    expect(notebookTitle(ok, "x")).toBe("Report fixture: a parameter drives a figure");
  });
  test("applyInputMode hides code except the assumptions by default; all or none on request", () => {
    const tagsOf = (mode: "assumptions" | "all" | "none") =>
      applyInputMode(structuredClone(ok), mode).cells.filter((c) => c.cell_type === "code").map((c) =>
        (c.metadata.tags ?? []).includes(HIDE_INPUT_TAG)
      );
    expect(tagsOf("assumptions")).toEqual([false, true, true, true]);
    expect(tagsOf("all")).toEqual([false, false, false, false]);
    expect(tagsOf("none")).toEqual([true, true, true, true]);
  });
});

describe("the report CLI refuses bad parameters before any kernel starts", () => {
  const cli = (...args: string[]) =>
    spawnSync(
      join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
      [join(PROJECT_ROOT, "scripts", "report.ts"), ...args],
      { encoding: "utf8", cwd: PROJECT_ROOT },
    );
  test.each([
    [
      ["00", "-p", "chartFromDat=2020"],
      /00-data-tour: unknown parameter "chartFromDat" \(did you mean "chartFromDate"\?\); known: chartFromDate/,
    ],
    [
      ["00", "-p", "chartFromDate=2020"],
      /00-data-tour: chartFromDate: expected an ISO date \(YYYY-MM-DD\).* got a number 2020/,
    ],
    [["00", "-p", "novalue"], /malformed parameter "novalue": expected name=value/],
    [["00", "--params", "/nonexistent.json"], /--params \/nonexistent\.json: ENOENT/],
    [["nope"], /unknown notebook "nope"/],
    [["--frobnicate"], /unknown option "--frobnicate"/],
    [["-j", "0"], /-j needs a positive whole number/],
  ])("%j", (args, message) => {
    const r = cli(...args);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain("started");
  });
  test("--list-params prints name, unit, default, allowed values, meaning and source; --json adds the JSON Schema", () => {
    const r = cli("--list-params", "00-data-tour");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^name\s+unit\s+default\s+allowed\s+meaning\s+source$/m);
    expect(r.stdout).toMatch(
      /chartFromDate\s+date\s+"2008-01-01"\s+2002-12-18… \(in data\)\s+the first date on the balance-sheet chart\s+assumption: the start of QE1's era/,
    );
    const j = JSON.parse(cli("--list-params", "05", "--json").stdout);
    expect(j.parameters.find((p: { name: string }) => p.name === "horizonMonths")).toMatchObject({
      unit: "months",
      allowed: "6 to 36",
    });
    expect(j.jsonSchema.properties.horizonMonths).toMatchObject({
      type: "integer",
      minimum: 6,
      maximum: 36,
      unit: "months",
    });
  });
});

describe("runReports: execution, overrides, failure and the last good report", () => {
  let out: string;
  let first: NotebookStatus[];
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "qtlab-report-"));
    first = await runReports(["fixture-ok", "fixture-fail"], {
      "fixture-ok": { purchasesUsdBnPerMonth: 25, months: 4 },
      "fixture-fail": {},
    }, { notebooksDir: fixtures, outDir: out, log: () => {} });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("both ran; the override changed the reported figure as the parameter says (25 × 4 = 100)", () => {
    expect(first.map((s) => s.status)).toEqual(["ok", "ok"]);
    const html = readFileSync(join(out, "fixture-ok.html"), "utf8");
    expect(html).toContain("total purchases: 100 $bn");
    const text = html.replace(/<style[\s\S]*?<\/style>/g, "").replace(/<[^>]+>/g, "");
    expect(text).toContain("const purchasesUsdBnPerMonth = 25;"); // the injected cell is shown
    expect(text).toContain("const purchasesUsdBnPerMonth = 40;"); // and the defaults above it
    expect(text).not.toContain("import { note }"); // other code is hidden by default
    // Parameters, injected parameters, the note and the chart; the hidden import cell showed nothing: no empty box.
    expect(html.match(/class="jp-Cell jp-CodeCell/g)?.length).toBe(4);
    expect(existsSync(join(out, "fixture-ok.ipynb"))).toBe(true);
    const executed = readNotebook(join(out, "fixture-ok.ipynb"));
    expect(executed.cells[2].metadata.tags).toEqual(["injected-parameters"]);
  });

  test("each status carries where the executor's time went: kernel start, cells, shutdown, export (seconds)", () => {
    for (const s of first) {
      expect(s.timings?.kernel_start, s.notebook).toBeGreaterThan(0);
      expect(s.timings?.execute, s.notebook).toBeGreaterThan(0);
      expect(s.timings?.export, s.notebook).toBeGreaterThan(0);
      expect(s.timings!.kernel_start! + s.timings!.execute + s.timings!.export).toBeLessThanOrEqual(s.seconds);
    }
  });

  test("a report links the index and its neighbours, folds the assumptions' code behind toggles, and the run is recorded", () => {
    const html = readFileSync(join(out, "fixture-ok.html"), "utf8");
    expect(html).toMatch(
      /<nav class="qtlab-nav" aria-label="Reports"><a href="index.html">All reports<\/a> · <a href="fixture-live.html" rel="prev">← [^<]+<\/a>\n?<\/nav>/,
    );
    expect(
      html.match(
        /<details class="qtlab-code-toggle"><summary>(Parameters cell|Assumptions injected for this run) \(code\)<\/summary>/g,
      ),
    ).toHaveLength(2);
    const runs = readdirSync(join(out, "runs"));
    expect(runs).toHaveLength(1);
    const record = JSON.parse(readFileSync(join(out, "runs", runs[0], "manifest.json"), "utf8"));
    expect(record.notebooks.map((n: { notebook: string; overridden: string[] }) => [n.notebook, n.overridden])).toEqual(
      [["fixture-ok", ["purchasesUsdBnPerMonth", "months"]], ["fixture-fail", []]],
    );
    expect(Object.keys(record.dataFiles)).toContain("WALCL.csv");
    expect(record.versions.deno).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain(
      `Latest run: <a href="runs/${runs[0]}/manifest.json">`,
    );
  });

  test("index.html lists each notebook with status, time and its assumptions, overrides highlighted", () => {
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain('<a href="fixture-ok.html">Report fixture: a parameter drives a figure</a>');
    const row =
      /<tr class="overridden"><td class="name">purchasesUsdBnPerMonth<span class="tag">overridden<\/span><\/td><td class="value">25<\/td><td class="value">40<\/td>/;
    const section = index.slice(
      index.indexOf('id="fixture-ok"'),
      index.indexOf("</section>", index.indexOf('id="fixture-ok"')),
    );
    const [shown, folded] = section.split("<details>");
    expect(shown).toMatch(row); // overridden assumptions show without unfolding anything
    expect(shown).not.toContain(">label<");
    expect(folded).toContain("<summary>All 3 assumptions of this run</summary>");
    expect(folded).toMatch(row);
    expect(folded).toMatch(/<tr><td class="name">label<\/td><td class="value">&quot;total&quot;<\/td>/);
    expect(index).not.toMatch(/<script|<link/);
  });

  test(
    "a failing notebook: non-zero status, failing cell named, executed notebook kept, previous report untouched",
    async () => {
      const before = readFileSync(join(out, "fixture-fail.html"));
      const mtime = statSync(join(out, "fixture-fail.html")).mtimeMs;
      const lines: string[] = [];
      const [again] = await runReports(["fixture-fail"], { "fixture-fail": { shouldFail: true } }, {
        notebooksDir: fixtures,
        outDir: out,
        log: (l) => lines.push(l),
      });
      expect(again.status).toBe("failed");
      expect(again.error).toMatchObject({ cell: 4, ename: "Error", evalue: "asked to fail" });
      expect(lines.at(-1)).toMatch(/^fixture-fail\s+failed at cell 4 after [\d.]+ s: Error: asked to fail$/);
      expect(readFileSync(join(out, "fixture-fail.html")).equals(before)).toBe(true);
      expect(statSync(join(out, "fixture-fail.html")).mtimeMs).toBe(mtime);
      const kept = readNotebook(join(out, "failed", "fixture-fail.ipynb"));
      expect(kept.cells[4].outputs?.[0]).toMatchObject({ output_type: "error", evalue: "asked to fail" });
      const index = readFileSync(join(out, "index.html"), "utf8");
      expect(index).toContain("cell 4: Error: asked to fail");
      expect(index).toContain("The report linked above is the last good one, built with the assumptions listed above.");
      expect(index).toContain('<a href="fixture-ok.html">'); // the other notebook's entry is kept
      expect(readdirSync(out).filter((f) => f.startsWith(".work"))).toEqual([]);
    },
    120_000,
  );

  test(
    "in headless Chromium the report renders its chart (SVG with drawn paths), with no console errors and no requests",
    async () => {
      const browser = await launchChromium();
      try {
        const { page, consoleErrors, requests } = await openFile(browser, join(out, "fixture-ok.html"));
        const paths = await page.$$eval(
          "svg path",
          (els) => els.filter((e) => (e.getAttribute("d") ?? "").length > 10).length,
        );
        const box = await page.$eval("figure svg", (svg) => svg.getBoundingClientRect().width);
        expect(paths).toBeGreaterThan(0);
        expect(box).toBeGreaterThan(300);
        const text = await page.textContent("body");
        expect(text).toContain("total purchases: 100 $bn");
        expect(text).toContain("Purchases of $40bn a month by default"); // Jupyter's \$ escape, without MathJax
        expect(text).toContain("code keeps \\$ as typed");
        expect(consoleErrors).toEqual([]);
        expect(requests).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});

describe("indexPage(entries)", () => {
  const status = (over: Partial<NotebookStatus>): NotebookStatus => ({
    notebook: "x",
    title: "<X>",
    status: "ok",
    seconds: 1,
    ranAt: "2026-01-01T00:00:00.000Z",
    parameters: [{
      name: "horizonMonths",
      type: "number",
      default: 24,
      value: 24,
      overridden: false,
      comment: "months",
    }],
    ...over,
  });
  test("shows a failure without an earlier report, escaping its text", () => {
    const html = indexPage([{
      notebook: "x",
      failed: status({
        status: "failed",
        parameters: [],
        error: { cell: null, ename: "RunnerError", evalue: "a < b", traceback: "" },
      }),
    }], () => false);
    expect(html).toContain("&lt;X&gt;");
    expect(html).toContain("RunnerError: a &lt; b");
    expect(html).toContain("No good report yet.");
    expect(html).toContain("No earlier good report exists.");
    expect(html).toContain("1 with a failed latest attempt");
  });
  test("keeps the good report's assumptions apart from a later failed run's", () => {
    const failed = status({
      status: "failed",
      ranAt: "2026-01-02T00:00:00.000Z",
      parameters: [{
        name: "horizonMonths",
        type: "number",
        default: 24,
        value: -5,
        overridden: true,
        comment: "months",
      }],
      error: { cell: 3, ename: "Error", evalue: "bad", traceback: "" },
    });
    const html = indexPage([{ notebook: "x", good: status({}), failed }], () => true);
    const [goodPart, failedPart] = html.split('<div class="failed-run">');
    expect(goodPart).toContain('<a href="x.html">&lt;X&gt;</a>');
    expect(goodPart).toContain("default assumptions");
    expect(goodPart).not.toContain("-5");
    expect(failedPart).toContain("Latest attempt failed");
    expect(failedPart).toMatch(/<td class="value">-5<\/td>/);
    expect(failedPart).toContain("built with the assumptions listed above");
  });
  test("recordRun: a clean run replaces the good one and clears the failure; a failure keeps the good one", () => {
    const rec: Record<string, IndexEntry> = {};
    recordRun(rec, status({}));
    recordRun(rec, status({ status: "failed", ranAt: "2026-01-02T00:00:00.000Z" }));
    expect(rec.x.good?.ranAt).toBe("2026-01-01T00:00:00.000Z");
    expect(rec.x.failed?.ranAt).toBe("2026-01-02T00:00:00.000Z");
    recordRun(rec, status({ ranAt: "2026-01-03T00:00:00.000Z" }));
    expect(rec.x).toEqual({ notebook: "x", good: status({ ranAt: "2026-01-03T00:00:00.000Z" }) });
  });
});
