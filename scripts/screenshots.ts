/**
 * Screenshots of every report in a folder at a phone's, a tablet's and a desktop's width (390, 768 and
 * 1280 px), full page, with headless Chromium: to look at what a reader sees.
 *
 *   npx tsx scripts/screenshots.ts [REPORTS_DIR] [OUT_DIR]   (defaults: reports/, reports/screenshots/)
 */
import { mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { launchChromium } from "../test/helpers/browser.ts";
import { PROJECT_ROOT } from "../lib/report/run.ts";

export const WIDTHS = [390, 768, 1280] as const;

const dir = resolve(process.argv[2] ?? join(PROJECT_ROOT, "reports"));
const out = resolve(process.argv[3] ?? join(dir, "screenshots"));
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
try {
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".html")).sort()) {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`file://${join(dir, f)}`, { waitUntil: "load" });
      const path = join(out, `${f.replace(/\.html$/, "")}-${width}.png`);
      await page.screenshot({ path, fullPage: true });
      await page.close();
      console.log(path);
    }
  }
} finally {
  await browser.close();
}
