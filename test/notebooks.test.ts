/**
 * Every notebook in notebooks/ executed through real Jupyter on the qtlab kernel, as a user's report run
 * would execute it. Fails on an error output, on stderr output, and on a cell that should have shown
 * something (its last statement is an expression) but came back empty: that is how an output lost after
 * the kernel's idle status would show, and qtlab's executor must not lose any.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { cellSource, cellTags, expectsOutput, readNotebook, stripAnsi } from "../lib/report/notebook.ts";

const root = join(import.meta.dirname, "..");
const notebooks = readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
const out = mkdtempSync(join(tmpdir(), "qtlab-nbtest-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("notebooks execute in Jupyter on the qtlab kernel", () => {
  test("there are notebooks to run, each committed without outputs", () => {
    expect(notebooks.length).toBeGreaterThan(0);
    for (const nb of notebooks) {
      const cells = readNotebook(join(root, "notebooks", nb)).cells;
      expect(cells.filter((c) => (c.outputs ?? []).length > 0).map((c) => c.id), nb).toEqual([]);
      expect(cells.filter((c) => cellTags(c).includes("parameters")).length, `${nb}: one cell tagged parameters`).toBe(
        1,
      );
    }
  });

  test.each(notebooks)("%s runs clean, every expected output present, HTML exported", (nb) => {
    const base = nb.replace(/\.ipynb$/, "");
    const ipynb = join(out, `${base}.ipynb`);
    const html = join(out, `${base}.html`);
    const run = spawnSync("/usr/bin/python3", [
      join(root, "scripts", "nbrun.py"),
      "--in",
      join(root, "notebooks", nb),
      "--out-ipynb",
      ipynb,
      "--out-html",
      html,
      "--timeout",
      "300",
    ], {
      encoding: "utf8",
      env: { ...process.env },
    });
    const events = run.stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
    const error = events.find((e) => e.event === "error");
    expect(error ? `cell ${error.index}: ${error.ename}: ${error.evalue}\n${error.traceback}` : "", `${nb} raised`)
      .toBe("");
    expect(run.status, `${nb}: nbrun exit ${run.status}\n${run.stderr}`).toBe(0);

    const executed = readNotebook(ipynb);
    const problems: string[] = [];
    executed.cells.forEach((cell, i) => {
      if (cell.cell_type !== "code") return;
      const outputs = cell.outputs ?? [];
      for (const o of outputs) {
        if (o.output_type === "error") problems.push(`cell ${i}: error ${o.ename}: ${o.evalue}`);
        if (o.output_type === "stream" && o.name === "stderr") {
          problems.push(`cell ${i}: stderr: ${stripAnsi(String(o.text)).slice(0, 300)}`);
        }
      }
      if (expectsOutput(cellSource(cell)) && outputs.length === 0) {
        problems.push(`cell ${i}: no output (expected one): ${cellSource(cell).slice(0, 80)}`);
      }
    });
    expect(problems, nb).toEqual([]);

    const page = readFileSync(html, "utf8");
    const charts = executed.cells.flatMap((c) =>
      c.outputs ?? []
    ).filter((o) => String((o.data as Record<string, unknown>)?.["text/html"] ?? "").includes("<svg")).length;
    expect((page.match(/<svg[\s>]/g) ?? []).length, `${nb}: every chart in the HTML`).toBeGreaterThanOrEqual(charts);
    expect(page, `${nb}: the report links nothing outside itself`).not.toMatch(
      /<(script|link|img)[^>]+(src|href)="(https?:|file:|\/\/)/,
    );
  }, 360_000);
});
