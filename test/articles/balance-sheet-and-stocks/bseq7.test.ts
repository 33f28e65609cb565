/**
 * BSEQ-7 ("QT runs at $95bn a month") is judged by the project's rule for a rounded figure, not by a
 * tolerance of its own: the pace of 2023, recomputed from the raw H.4.1 files, is about 20% below the cap.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { balanceSheetAndStocksParams } from "../../../lib/articles/balance-sheet-and-stocks/params.ts";
import { distance, RULES, verdictForDistance } from "../../../lib/claims/verdict.ts";
import { openBalanceSheet } from "../../../lib/articles/balance-sheet-and-stocks/notebook.ts";

const root = join(import.meta.dirname, "..", "..", "..");
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
  it("the notebook declares no tolerance of its own for it, and the claim cites the rule", () => {
    for (
      const name of ["qtPaceRoughlyFrac", "levelHoldsFrac", "levelRoughlyFrac", "growthHoldsPp", "tenYearPeakHoldsBp"]
    ) {
      expect(Object.keys(balanceSheetAndStocksParams.specs)).not.toContain(name);
    }
    const c = openBalanceSheet(balanceSheetAndStocksParams.defaults).run.claims.find((x) => x.id === "BSEQ-7")!;
    expect(c.verdict).toBe("roughly holds");
    expect(c.rule).toBe("roundedFigure");
    expect(c.reason).toMatch(/roundedFigure: holds within 5%, roughly within 20%/);
  });
});
