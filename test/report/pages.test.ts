/**
 * Every report as a reader's browser shows it, at a phone's, a tablet's and a desktop's width: no page
 * scrolls sideways (wide tables scroll inside their own box, charts scale to the width), each carries its
 * links to the index and its neighbours, and nothing errs or is fetched.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReports } from "../../lib/report/run.ts";
import { launchChromium, openFile } from "../helpers/browser.ts";

const root = join(import.meta.dirname, "..", "..");
const notebooks = readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).map((f) =>
  f.replace(/\.ipynb$/, "")
).sort();
const out = mkdtempSync(join(tmpdir(), "qtlab-pages-"));
let browser: Browser;

beforeAll(async () => {
  const statuses = await runReports(notebooks, {}, { outDir: out, jobs: 2, log: () => {} });
  expect(statuses.filter((s) => s.status !== "ok").map((s) => s.notebook)).toEqual([]);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

describe("reports at 390, 768 and 1280 px", () => {
  it.each(notebooks)("%s: no sideways scroll at any width, nav present, no console error, no request", async (nb) => {
    for (const width of [390, 768, 1280]) {
      const { page, consoleErrors, requests } = await openFile(browser, join(out, `${nb}.html`));
      await page.setViewportSize({ width, height: 900 });
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(scroll, `${nb} at ${width}px`).toBeLessThanOrEqual(client);
      expect(await page.$$eval("nav.qtlab-nav a", (as) => as.map((a) => a.getAttribute("href")))).toContain(
        "index.html",
      );
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }
  }, 60_000);
});

describe("chart geometry in a real browser", () => {
  it.each(notebooks)(
    "%s: every tick label, axis label and legend lies inside its chart, and no two tick labels overlap",
    async (nb) => {
      const { page } = await openFile(browser, join(out, `${nb}.html`));
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        const svgs = [...document.querySelectorAll("svg")].filter((s) =>
          s.querySelector('[aria-label$="tick label"], [aria-label$="axis label"]')
        );
        svgs.forEach((svg, k) => {
          const box = svg.getBoundingClientRect();
          const name = svg.closest("figure")?.querySelector("h2, h3, figcaption")?.textContent?.slice(0, 50) ??
            `chart ${k}`;
          const texts = [
            ...svg.querySelectorAll('[aria-label$="tick label"] text, [aria-label$="axis label"] text'),
          ] as SVGGraphicsElement[];
          for (const t of texts) {
            const r = t.getBoundingClientRect();
            if (r.width === 0) continue;
            if (
              r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1
            ) out.push(`${name}: "${t.textContent}" outside its chart`);
          }
          for (const g of svg.querySelectorAll('[aria-label$="tick label"]')) {
            const rs = [...g.querySelectorAll("text")].map((t) => ({ t: t.textContent, r: t.getBoundingClientRect() }))
              .filter((x) => x.r.width > 0);
            for (let i = 1; i < rs.length; i++) {
              const a = rs[i - 1].r;
              const b = rs[i].r;
              const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
                Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
              if (overlap) out.push(`${name}: tick labels "${rs[i - 1].t}" and "${rs[i].t}" overlap`);
            }
          }
        });
        return out;
      });
      expect(problems).toEqual([]);
      await page.close();
    },
    60_000,
  );
});

describe("tooltips in a real browser", () => {
  it.each(notebooks)(
    "%s: every chart has hover tips with a value and its unit, and hovering one reaches it",
    async (nb) => {
      const { page } = await openFile(browser, join(out, `${nb}.html`));
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll("svg")].filter((s) =>
          s.querySelector('[aria-label$="tick label"], [aria-label$="axis label"]')
        ).map((svg, k) => {
          svg.setAttribute("data-chart", String(k));
          const name = svg.closest("figure")?.querySelector("h2, h3")?.textContent?.slice(0, 60) ?? `chart ${k}`;
          const tips = [...svg.querySelectorAll("title")].map((t) => t.textContent ?? "");
          return { k, name, tips: tips.length, sample: tips.slice(0, 3) };
        })
      );
      expect(charts.length, `${nb} has charts`).toBeGreaterThan(0);
      const missing = charts.filter((c) => c.tips === 0).map((c) => c.name);
      expect(missing, "charts without hover tips").toEqual([]);
      for (const c of charts) {
        for (const t of c.sample) expect(t, c.name).toMatch(/\d.*(\$|bp|%|=|days|index|pct)/);
        // Hover the middle tip of the chart: the element under the pointer carries that tip.
        const hit = await page.evaluate(async (k) => {
          const svg = document.querySelector(`svg[data-chart="${k}"]`)!;
          const owners = [...svg.querySelectorAll("title")].map((t) => t.parentElement!).filter((e) => {
            const b = e.getBoundingClientRect();
            return e.tagName === "line" ? b.width + b.height > 0 : b.width > 0 && b.height > 0;
          });
          const el = owners[Math.floor(owners.length / 2)];
          el.scrollIntoView({ block: "center" });
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const r = el.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, title: el.querySelector("title")!.textContent };
        }, c.k);
        await page.mouse.move(hit.x, hit.y);
        const under = await page.evaluate(({ x, y }) => {
          let el = document.elementFromPoint(x, y);
          while (el && !el.querySelector(":scope > title")) el = el.parentElement;
          return el?.querySelector(":scope > title")?.textContent ?? null;
        }, hit);
        expect(under, `${c.name}: the tip under the pointer`).not.toBeNull();
      }
      await page.close();
    },
    60_000,
  );
});
