/**
 * Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core: no browser download) for
 * tests that look at a report as a reader's browser would.
 */
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** What a page did while it loaded: console errors, page errors, and every request it made. */
export interface PageLog {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

/** Open a local HTML file and record its console errors and requests (the page's own URL excluded). */
export async function openFile(browser: Browser, path: string): Promise<PageLog> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const url = `file://${path}`;
  const log: PageLog = { page, consoleErrors: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => log.consoleErrors.push(e.message));
  page.on("request", (r) => {
    if (r.url() !== url && !r.url().startsWith("data:")) log.requests.push(r.url());
  });
  await page.goto(url, { waitUntil: "load" });
  return log;
}
