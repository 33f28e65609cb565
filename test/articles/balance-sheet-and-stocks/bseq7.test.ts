/**
 * BSEQ-7 ("QT runs at $95bn a month") is judged by the project's rule for a rounded figure, not by a
 * tolerance of its own: the pace of 2023, recomputed from the raw H.4.1 files, is about 20% below the cap.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, describe, expect, it } from "vitest";
import { balanceSheetAndStocksParams } from "../../../lib/articles/balance-sheet-and-stocks/params.ts";
import { distance, RULES, verdictForDistance } from "../../../lib/claims/verdict.ts";
import { runReports } from "../../../lib/report/run.ts";

const root = join(import.meta.dirname, "..", "..", "..");
const out = mkdtempSync(join(tmpdir(), "qtlab-bseq7-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const raw = (file: string) =>
  readFileSync(join(root, "data", file), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")).map(([d, v]) => ({
    date: d,
    value: Number(v) / 1000,
  }));
/** The first Wednesday level on or after a month's last day (the month-end grid). */
const monthEnd = (rows: { date: string; value: number }[], day: string) => rows.find((r) => r.date >= day)!.value;

describe("BSEQ-7 by the rulebook", () => {
  it("recomputed from the raw files: 2023's runoff pace is about 20% below the $95bn cap, so a rounded figure roughly holds", () => {
    const t = raw("TREAST.csv");
    const m = raw("WSHOMCB.csv");
    const pace =
      (monthEnd(t, "2022-12-31") + monthEnd(m, "2022-12-31") - monthEnd(t, "2023-12-31") - monthEnd(m, "2023-12-31")) /
      12;
    const d = distance({ kind: "value", value: 95, unit: "usdBnPerMonth" }, pace, RULES.roundedFigure);
    expect(d).toBeGreaterThan(0.15);
    expect(verdictForDistance(d, RULES.roundedFigure)).toBe("roughly holds");
    expect(verdictForDistance(d, RULES.publishedLevel)).toBe("does not hold");
  });
  it("the notebook declares no tolerance of its own for it, and the report cites the rule", async () => {
    expect(Object.keys(balanceSheetAndStocksParams.specs)).not.toContain("qtPaceRoughlyFrac");
    const [s] = await runReports(["02-balance-sheet-and-stocks"], {}, { outDir: out, log: () => {} });
    expect(s.status).toBe("ok");
    const { document } = parseHTML(readFileSync(join(out, "02-balance-sheet-and-stocks.html"), "utf8"));
    const row = [...document.querySelectorAll("tr")].find((tr) => tr.querySelector("td")?.textContent === "BSEQ-7")!;
    const text = [...row.querySelectorAll("td")].map((td) => td.textContent).join(" | ");
    expect(text).toMatch(/roughly holds/);
    expect(text).toMatch(/judged by qtlab's rule for a rounded figure/);
  }, 120_000);
});
