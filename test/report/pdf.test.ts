/**
 * `npm run report -- --pdf`: each clean report is printed through Chromium as PDF beside its HTML, with
 * the report's title on page 1; a print that fails leaves the earlier PDF as it was.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, describe, expect, it } from "vitest";
import { printPdf } from "../../lib/report/pdf.ts";
import { reportCommand } from "../../scripts/report.ts";

const tmp = mkdtempSync(join(tmpdir(), "qtlab-pdf-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The text of a PDF's page `n` and its page count. */
async function pageText(path: string, n: number): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const content = await (await doc.getPage(n)).getTextContent();
  const text = content.items.map((i) => ("str" in i ? i.str : "")).join(" ");
  await doc.destroy();
  return { pages: doc.numPages, text };
}

describe("reports as PDF", () => {
  const out = join(tmp, "reports");
  it("--pdf writes <notebook>.pdf beside the HTML, the report's title on page 1, more than one page", async () => {
    const code = await reportCommand(["00", "--pdf", "--out", out]);
    expect(code).toBe(0);
    const pdf = join(out, "00-data-tour.pdf");
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, text } = await pageText(pdf, 1);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain("A tour of qtlab's data");
    // The print style hides code and the page's navigation.
    expect(text).not.toMatch(/All reports ·/);
  }, 180_000);
  it("a missing Chromium is refused with where it was looked for", async () => {
    await expect(printPdf(join(out, "00-data-tour.html"), join(tmp, "x.pdf"), { chromium: "/nonexistent/chromium" }))
      .rejects.toThrow(/Chromium is not at \/nonexistent\/chromium/);
    expect(existsSync(join(tmp, "x.pdf"))).toBe(false);
  });
  it("a print that fails keeps the earlier PDF byte for byte", async () => {
    const earlier = join(tmp, "earlier.pdf");
    writeFileSync(earlier, "%PDF-1.4 earlier");
    const failing = join(tmp, "failing-chromium");
    writeFileSync(failing, "#!/bin/sh\necho 'ERROR: cannot print' >&2\nexit 3\n");
    chmodSync(failing, 0o755);
    await expect(printPdf(join(out, "00-data-tour.html"), earlier, { chromium: failing })).rejects.toThrow(
      /cannot write PDF .*Chromium ERROR: cannot print/,
    );
    expect(readFileSync(earlier, "utf8")).toBe("%PDF-1.4 earlier");
  });
});
