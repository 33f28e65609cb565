/**
 * The live views inside the Notebook server (`npm run notebook`, classic Notebook 6): headless Chromium
 * opens notebook 01 (the quickest with a live view), runs it, and checks that the view is hydrated (its
 * controls redraw the chart in the page), that "Apply to notebook" writes the injected-parameters cell
 * and reruns the notebook with it, and that a notebook whose saved outputs Jupyter does not trust shows a
 * one-line notice where the panel would be. The committed notebook file is never written (autosave off,
 * checked by its sha256).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../../lib/report/run.ts";
import { launchChromium } from "../helpers/browser.ts";

const NOTEBOOK = "01-qt-mechanics.ipynb";
const NOTEBOOK_PATH = join(PROJECT_ROOT, "notebooks", NOTEBOOK);
const PARAM = "capTreasuryFrom2022JunUsdBnPerMonth";

/** The parts of the classic Notebook page's API (window.Jupyter) the test reads. */
interface NbCell {
  cell_type: string;
  metadata: { tags?: string[] };
  get_text(): string;
  input_prompt_number?: number | string | null;
  output_area: { element: HTMLElement[] };
}
interface NbWindow {
  Jupyter: {
    notebook: {
      _fully_loaded?: boolean;
      kernel?: { is_connected(): boolean };
      get_cells(): NbCell[];
      set_autosave_interval(ms: number): void;
      execute_all_cells(): void;
      toJSON(): unknown;
    };
  };
}

interface Server {
  process: ChildProcess;
  url: string;
}

/** A port free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** `npm run notebook`'s script on a free port (root folder `dir`: default notebooks/); resolves to its token URL. */
async function startServer(dir?: string): Promise<Server> {
  const port = await freePort();
  const child = spawn("bash", [join(PROJECT_ROOT, "scripts", "notebook.sh")], {
    env: { ...process.env, QTLAB_PORT: String(port), ...(dir ? { QTLAB_NOTEBOOK_DIR: dir } : {}) },
    detached: true,
  });
  let log = "";
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL printed in 60 s:\n${log}`)), 60_000);
    const read = (d: Buffer) => {
      log += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(log);
      if (m) (clearTimeout(timer), done(m[1]));
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
  });
  return { process: child, url };
}

function stopServer(s: Server | undefined): void {
  if (s?.process.pid) process.kill(-s.process.pid, "SIGTERM");
}

/** Open a notebook of `server` with autosave off; resolves once it is loaded (and its kernel connected). */
async function openNotebook(
  browser: Browser,
  server: Server,
  name: string,
  kernel = true,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (/qtlab/i.test(m.text()) && (m.type() === "error" || m.type() === "warning")) errors.push(m.text());
  });
  const u = new URL(server.url);
  await page.goto(`${u.origin}/notebooks/${name}?token=${u.searchParams.get("token")}`);
  await page.waitForFunction(
    (wantKernel) => {
      const nb = (globalThis as unknown as Partial<NbWindow>).Jupyter?.notebook;
      return nb?._fully_loaded && (!wantKernel || nb.kernel?.is_connected());
    },
    kernel,
    { timeout: 60_000 },
  );
  await page.evaluate(() => (globalThis as unknown as NbWindow).Jupyter.notebook.set_autosave_interval(0));
  return { page, errors };
}

/** Wait until every code cell with source has run (an execution count, no "*"). */
function waitForRun(page: Page): Promise<unknown> {
  return page.waitForFunction(
    () =>
      (globalThis as unknown as NbWindow).Jupyter.notebook.get_cells().every((c) =>
        c.cell_type !== "code" || c.get_text().trim() === "" || typeof c.input_prompt_number === "number"
      ),
    null,
    { timeout: 120_000 },
  );
}

/** Each code cell's outputs as text (HTML of its rendered output area). */
function outputsText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (globalThis as unknown as NbWindow).Jupyter.notebook.get_cells()
      .filter((c) => c.cell_type === "code")
      .map((c) => c.output_area.element[0].textContent as string)
  );
}

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

let browser: Browser;
let server: Server;
let untrustedServer: Server | undefined;
let page: Page;
let errors: string[];
const notebookSha = sha(NOTEBOOK_PATH);
let savedJson = "";
const tmp = mkdtempSync(join(tmpdir(), "qtlab-jupyter-live-"));
const CHECKPOINTS = join(PROJECT_ROOT, "notebooks", ".ipynb_checkpoints");
const hadCheckpoints = existsSync(CHECKPOINTS);

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startServer()]);
  ({ page, errors } = await openNotebook(browser, server, NOTEBOOK));
  await page.evaluate(() => (globalThis as unknown as NbWindow).Jupyter.notebook.execute_all_cells());
  await waitForRun(page);
  // The executed notebook as the Notebook would save it, kept to its live view's cell: the untrusted copy.
  const saved = await page.evaluate(() => (globalThis as unknown as NbWindow).Jupyter.notebook.toJSON()) as {
    cells: { outputs?: unknown[] }[];
  };
  saved.cells = saved.cells.filter((c) => JSON.stringify(c.outputs ?? []).includes("qtlab-live-spec"));
  savedJson = JSON.stringify(saved);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  stopServer(server);
  stopServer(untrustedServer);
  rmSync(tmp, { recursive: true, force: true });
  // The Notebook makes an empty checkpoints folder when it opens a notebook (nothing is saved there).
  if (!hadCheckpoints && existsSync(CHECKPOINTS) && readdirSync(CHECKPOINTS).length === 0) rmdirSync(CHECKPOINTS);
});

describe("live views in the Notebook server", () => {
  test("the nbextension loads the live bundle and hydrates the notebook's live view", async () => {
    expect(await page.evaluate(() => document.getElementById("qtlab-live-bundle")?.getAttribute("src"))).toMatch(
      /\/nbextensions\/qtlab-live\/live\.js\?v=[0-9a-f]{16}$/,
    );
    const root = page.locator(".qtlab-live[data-view=runoffUnderCaps]");
    await expect.poll(() => root.getAttribute("data-live-ready")).toBe("true");
    expect(await root.locator("input[type=number]").count()).toBeGreaterThanOrEqual(8);
    expect(await root.locator(".qtlab-live-static").count()).toBe(0);
    expect(await root.locator("button.qtlab-live-apply").textContent()).toBe("Apply to notebook");
    expect(errors).toEqual([]);
  });

  test("changing a number redraws the chart and figures in the page, without the kernel", async () => {
    const root = page.locator(".qtlab-live[data-view=runoffUnderCaps]");
    const figures = () => root.locator(".qtlab-live-figures").textContent();
    const before = await figures();
    const field = root.locator(`[data-param="${PARAM}"] input[type=number]`);
    expect(await field.inputValue()).toBe("30");
    const cellTypes = () =>
      page.evaluate(() => (globalThis as unknown as NbWindow).Jupyter.notebook.get_cells().map((c) => c.cell_type));
    const typesBefore = await cellTypes();
    // Typed as a reader types: the digits go to the field, not to the Notebook's shortcuts ("6": heading).
    await field.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("60");
    await page.keyboard.press("Tab");
    await expect.poll(() => root.getAttribute("data-renders")).not.toBeNull();
    expect(await field.inputValue()).toBe("60");
    expect(await cellTypes()).toEqual(typesBefore);
    expect(await figures()).not.toBe(before);
    expect(await root.getAttribute("data-error")).toBeNull();
  });

  test("Apply to notebook writes the injected-parameters cell and reruns the cells after it", async () => {
    const before = await outputsText(page);
    await page.locator(".qtlab-live[data-view=runoffUnderCaps] button.qtlab-live-apply").click();
    const cells = await page.evaluate(() =>
      (globalThis as unknown as NbWindow).Jupyter.notebook.get_cells().map((c) => ({
        tags: c.metadata.tags ?? [],
        text: c.get_text() as string,
      }))
    );
    const at = cells.findIndex((c) => c.tags.includes("parameters"));
    expect(cells[at + 1].tags).toEqual(["injected-parameters"]);
    expect(cells[at + 1].text).toBe(
      `// Assumptions applied from a live view (they override the defaults above).\nconst ${PARAM} = 60;`,
    );
    await waitForRun(page);
    const root = page.locator(".qtlab-live[data-view=runoffUnderCaps]");
    await expect.poll(() => root.getAttribute("data-live-ready")).toBe("true");
    // The rerun view starts at the applied value, and the notebook's other outputs followed it.
    expect(await root.locator(`[data-param="${PARAM}"] input[type=number]`).inputValue()).toBe("60");
    // Its reset target stays the parameters cell's default.
    expect(await root.locator(`[data-param="${PARAM}"] .qtlab-live-hint`).textContent()).toMatch(
      /^default 30 · .* · the notebook ran with 60$/,
    );
    const after = await outputsText(page);
    const changed = after.filter((t, i) => i > 0 && t !== before[i - 1]).length;
    expect(changed).toBeGreaterThanOrEqual(3);
    expect(after.join("\n")).toContain("60");

    // Applying again replaces the injected cell; back at the default it is removed.
    const field = root.locator(`[data-param="${PARAM}"] input[type=number]`);
    await field.fill("30");
    await field.dispatchEvent("change");
    await root.locator("button.qtlab-live-apply").click();
    const tags = await page.evaluate(() =>
      (globalThis as unknown as NbWindow).Jupyter.notebook.get_cells().map((c) => (c.metadata.tags ?? []).join(","))
    );
    expect(tags.filter((t) => t.includes("injected-parameters"))).toEqual([]);
    await waitForRun(page);
    expect(errors).toEqual([]);
    expect(sha(NOTEBOOK_PATH)).toBe(notebookSha);
  }, 150_000);

  test("a notebook whose saved outputs are not trusted shows a one-line notice instead of the panel", async () => {
    expect(JSON.parse(savedJson).cells).toHaveLength(1);
    writeFileSync(join(tmp, "untrusted.ipynb"), savedJson);
    untrustedServer = await startServer(tmp);
    const opened = await openNotebook(browser, untrustedServer, "untrusted.ipynb", false);
    const root = opened.page.locator(".qtlab-live").first();
    await expect.poll(() => root.getAttribute("data-live-off"), { timeout: 20_000 }).toBe("true");
    const notice = await root.locator(".qtlab-live-off").textContent();
    expect(notice).toMatch(/^Live view off: Jupyter does not trust this notebook's saved outputs/);
    expect(notice).toContain("python3 -m nbformat.sign notebooks/untrusted.ipynb");
    expect(await root.locator("input").count()).toBe(0);
    // The figures stay readable; what the sanitizer left of the chart is hidden.
    expect(await root.locator(".qtlab-live-figures").isVisible()).toBe(true);
    expect(await root.locator(".qtlab-live-output > :not(.qtlab-live-figures)").first().isVisible()).toBe(false);
    expect(await opened.page.locator("#notification_trusted").textContent()).toBe("Not Trusted");
    await opened.page.close();
  }, 90_000);
});
