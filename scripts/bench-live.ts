/**
 * Live views as a reader feels them: for every live view in the exported reports, the time from an input
 * event on one of its number fields to the first frame painted after the view redrew (the page redraws
 * on the next animation frame; the frame after that is what the reader sees). Measured in headless
 * Chromium on the real reports, `ROUNDS` changes per view spread over its controls, after two warm-up
 * changes. Prints the median and the 95th percentile per view against the targets (median ≤ 50 ms,
 * 95th percentile ≤ 100 ms) and returns the rows for the bench's JSON record.
 *
 *   npx tsx scripts/bench-live.ts [REPORTS_DIR]   (default: builds the reports with live views into a temp folder)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { quantileSorted } from "d3-array";
import { launchChromium } from "../test/helpers/browser.ts";
import { PROJECT_ROOT, runReports } from "../lib/report/run.ts";

export const LIVE_TARGETS = { medianMs: 50, p95Ms: 100 };
const ROUNDS = 30;
const WARMUP = 2;

export interface LiveLatencyRow {
  report: string;
  view: string;
  changes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/** Reports in a folder that carry a live view. */
function liveReports(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".html") && f !== "index.html")
    .filter((f) => readFileSync(join(dir, f), "utf8").includes("data-qtlab-live-bundle"))
    .sort();
}

/** Input-to-next-frame latencies of every live view in the given reports. */
export async function measureLiveViews(dir: string): Promise<LiveLatencyRow[]> {
  const browser = await launchChromium();
  const rows: LiveLatencyRow[] = [];
  try {
    for (const file of liveReports(dir)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`file://${join(dir, file)}`, { waitUntil: "load" });
      const ids = await page.$$eval("[data-live-id]", (els) => els.map((e) => e.getAttribute("data-live-id")!));
      for (const id of ids) {
        // A string, not a function: tsx would wrap named functions in a helper the page does not have.
        const times = (await page.evaluate(`(async () => {
          const root = document.querySelector('[data-live-id="${id}"]');
          const fields = [...root.querySelectorAll('[data-role="number"]')];
          if (fields.length === 0) return [];
          const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
          const out = [];
          for (let k = 0; k < ${ROUNDS + WARMUP}; k++) {
            const f = fields[k % fields.length];
            // The slider beside the field carries the control's step (the field itself accepts any value).
            const slider = f.closest("[data-param]").querySelector('[data-role="slider"]');
            const min = Number(f.min), max = Number(f.max), step = Number(slider && slider.step) || 1;
            const cur = Number(f.value);
            const clamp = (v) => Number(Math.min(max, Math.max(min, v)).toFixed(6));
            let next = clamp(cur + (k % 2 === 0 ? 3 : -3) * step);
            if (next === cur) next = clamp(cur - (k % 2 === 0 ? 3 : -3) * step);
            if (next === cur) continue;
            const before = Number(root.getAttribute("data-renders") || 0);
            const t0 = performance.now();
            f.value = String(next);
            f.dispatchEvent(new Event("input", { bubbles: true }));
            f.dispatchEvent(new Event("change", { bubbles: true }));
            let guard = 0;
            while (Number(root.getAttribute("data-renders") || 0) === before && !root.getAttribute("data-error") && guard++ < 120) await frame();
            if (root.getAttribute("data-error")) throw new Error("${id}: " + root.getAttribute("data-error"));
            const t1 = await frame();
            if (k >= ${WARMUP}) out.push(t1 - t0);
          }
          return out;
        })()`)) as number[];
        if (times.length === 0) continue;
        const sorted = [...times].sort((a, b) => a - b);
        rows.push({
          report: file.replace(/\.html$/, ""),
          view: id,
          changes: times.length,
          medianMs: quantileSorted(sorted, 0.5)!,
          p95Ms: quantileSorted(sorted, 0.95)!,
          maxMs: sorted.at(-1)!,
        });
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/** The rows as the bench prints them. */
export function liveTable(rows: readonly LiveLatencyRow[]): string {
  const lines = rows.map((r) => {
    const ok = r.medianMs <= LIVE_TARGETS.medianMs && r.p95Ms <= LIVE_TARGETS.p95Ms;
    return `${`${r.report} · ${r.view}`.padEnd(44)} ${r.medianMs.toFixed(1).padStart(7)} ms ${
      r.p95Ms.toFixed(1).padStart(7)
    } ms   ${(r.medianMs / LIVE_TARGETS.medianMs).toFixed(2)}× / ${(r.p95Ms / LIVE_TARGETS.p95Ms).toFixed(2)}×  ${
      ok ? "✓" : "✗ MISSED"
    }`;
  });
  return [
    `${
      "live view (input → next frame)".padEnd(44)
    }  median      p95   ratio to ≤${LIVE_TARGETS.medianMs} / ≤${LIVE_TARGETS.p95Ms} ms`,
    ...lines,
  ].join("\n");
}

async function main(): Promise<void> {
  let dir = process.argv[2];
  let temp: string | undefined;
  if (!dir) {
    temp = dir = mkdtempSync(join(tmpdir(), "qtlab-bench-live-"));
    const notebooks = readdirSync(join(PROJECT_ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).map((f) =>
      f.replace(/\.ipynb$/, "")
    );
    const statuses = await runReports(notebooks, {}, { outDir: dir, log: () => {} });
    const failed = statuses.filter((s) => s.status !== "ok");
    if (failed.length) throw new Error(`reports failed: ${failed.map((s) => s.notebook).join(", ")}`);
  }
  if (!existsSync(dir)) throw new Error(`no folder ${dir}`);
  try {
    console.log(liveTable(await measureLiveViews(dir)));
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("bench-live.ts")) {
  main().catch((e: Error) => {
    console.error(`bench-live: ${e.message}`);
    process.exit(1);
  });
}
