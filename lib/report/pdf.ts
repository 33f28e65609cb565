/**
 * A report as PDF: Debian's Chromium prints the exported HTML page with the report's print style sheet
 * (no code, charts at page width, a page break before each section) through its own print-to-PDF. The
 * PDF is written beside the HTML report, atomically: a failed print leaves the earlier PDF, if any, as it was.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeFileAtomic } from "../atomic.ts";

/** Debian's Chromium, installed by setup. */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * Print `htmlPath` to `pdfPath` with headless Chromium. Throws with Chromium's reason when it is missing,
 * fails, times out or writes no PDF. `chromium` overrides the browser's path (tests).
 */
export async function printPdf(
  htmlPath: string,
  pdfPath: string,
  options: { chromium?: string; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const browser = options.chromium ?? CHROMIUM;
  if (!existsSync(browser)) {
    throw new Error(`cannot write PDF: Chromium is not at ${browser} (npm run setup installs it)`);
  }
  // Chromium writes into a scratch folder of its own (profile and output); the PDF is then moved into place.
  const scratch = mkdtempSync(join(tmpdir(), "qtlab-pdf-"));
  const out = join(scratch, "report.pdf");
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        browser,
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          `--user-data-dir=${join(scratch, "profile")}`,
          "--no-pdf-header-footer",
          `--print-to-pdf=${out}`,
          pathToFileURL(htmlPath).href,
        ],
        { timeout: options.timeoutMs ?? 120_000, signal: options.signal, maxBuffer: 4 * 1024 * 1024 },
        (err, _stdout, stderr) => {
          if (err) {
            const why = (err as NodeJS.ErrnoException & { killed?: boolean }).killed
              ? "timed out"
              : (stderr.split("\n").find((l) => /error/i.test(l) && !/dbus/i.test(l)) ?? err.message).trim();
            reject(new Error(`cannot write PDF for ${htmlPath}: Chromium ${why}`));
          } else resolve();
        },
      );
    });
    if (!existsSync(out)) throw new Error(`cannot write PDF for ${htmlPath}: Chromium wrote no file`);
    const pdf = readFileSync(out);
    if (pdf.subarray(0, 5).toString("latin1") !== "%PDF-") {
      throw new Error(`cannot write PDF for ${htmlPath}: Chromium's output is not a PDF`);
    }
    writeFileAtomic(pdfPath, pdf);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
