import { describe, expect, it } from "vitest";
import {
  claimsOfNotebook,
  diffPage,
  diffRuns,
  diffText,
  figuresOfNotebook,
  findRun,
  isDefaultsRun,
  runId,
  type RunRecord,
} from "../../lib/report/runRecord.ts";
import { CLAIMS_MIME } from "../../lib/plot/claimsTable.ts";
import type { Notebook } from "../../lib/report/notebook.ts";

const nbRec = (over: Partial<RunRecord["notebooks"][number]> = {}) => ({
  notebook: "05-rmp-scenarios",
  status: "ok" as const,
  seconds: 2,
  parameters: { horizonMonths: 24 },
  overridden: [],
  claims: [{
    id: "RMP-10",
    verdict: "holds" as const,
    article: "$20–30bn/month",
    data: "$27bn/month (2025-12 to 2026-07)",
    usesLaterData: true,
  }],
  ...over,
});
const run = (id: string, over: Partial<RunRecord> = {}): RunRecord => ({
  id,
  startedAt: "",
  paramsFiles: [],
  commit: "abc",
  versions: {},
  dataFiles: { "WALCL.csv": "aa" },
  notebooks: [nbRec()],
  ...over,
});

describe("run records and the difference between two runs", () => {
  it("runId is sortable and safe as a folder name", () => {
    expect(runId(new Date("2026-12-03T23:55:01.123Z"))).toBe("2026-12-03T23-55-01.123Z");
  });
  it("diffRuns names the assumptions and data that differ, then the verdicts and figures that changed", () => {
    const a = run("a");
    const b = run("b", {
      dataFiles: { "WALCL.csv": "bb" },
      notebooks: [
        nbRec({
          parameters: { horizonMonths: 36 },
          overridden: ["horizonMonths"],
          claims: [{
            id: "RMP-10",
            verdict: "does not hold",
            article: "$20–30bn/month",
            data: "$41bn/month (2025-12 to 2026-07)",
            usesLaterData: true,
          }],
        }),
      ],
    });
    const d = diffRuns(a, b);
    expect(d.map((c) => `${c.what} ${c.name}: ${c.before} → ${c.after}`)).toEqual([
      "data WALCL.csv: aa → bb",
      "assumption horizonMonths: 24 → 36",
      "verdict RMP-10: holds → does not hold",
      "figure RMP-10: $27bn/month (2025-12 to 2026-07) → $41bn/month (2025-12 to 2026-07)",
    ]);
    expect(diffText(a, b, d)).toMatch(/^qtlab runs a → b: 4 changes\n {2}data/);
    expect(diffRuns(a, run("c"))).toEqual([]);
    expect(diffPage(a, b, d)).toContain("<td>verdict</td><td>RMP-10</td><td>holds</td><td>does not hold</td>");
  });
  it("findRun takes an id, a unique prefix, latest or defaults, and names the runs when it finds none", () => {
    const runs = [run("2026-01-a"), run("2026-02-b", { notebooks: [nbRec({ overridden: ["x"] })] })];
    expect(findRun(runs, "latest").id).toBe("2026-02-b");
    expect(findRun(runs, "defaults").id).toBe("2026-01-a");
    expect(findRun(runs, "2026-01").id).toBe("2026-01-a");
    expect(() => findRun(runs, "2026")).toThrow(/no run "2026"; runs: 2026-01-a, 2026-02-b/);
    expect(isDefaultsRun(runs[1])).toBe(false);
  });
  it("claimsOfNotebook reads the claims JSON a claims table's output carries", () => {
    const nb = {
      cells: [{
        cell_type: "code",
        source: "",
        metadata: {},
        outputs: [{
          output_type: "display_data",
          data: { "text/html": "<table/>", [CLAIMS_MIME]: JSON.stringify(nbRec().claims) },
        }],
      }],
    } as unknown as Notebook;
    expect(claimsOfNotebook(nb)[0].verdict).toBe("holds");
    expect(claimsOfNotebook({ cells: [] } as unknown as Notebook)).toEqual([]);
  });
  it("figuresOfNotebook reads the marked figures of a run's HTML outputs, and diffRuns names the ones that changed", () => {
    const nb = {
      cells: [{
        cell_type: "code",
        source: "",
        metadata: {},
        outputs: [{
          output_type: "display_data",
          data: {
            "text/html":
              '<p>expected <span data-q="fig:expectedPurchases">$26.6bn/month</span></p><td style="x" data-q="fig:latestRegime">ample</td>',
          },
        }],
      }],
    } as unknown as Notebook;
    expect(figuresOfNotebook(nb)).toEqual({ "fig:expectedPurchases": "$26.6bn/month", "fig:latestRegime": "ample" });
    const a = run("a", { notebooks: [nbRec({ figures: { "fig:expectedPurchases": "$26.6bn/month" } })] });
    const b = run("b", { notebooks: [nbRec({ figures: { "fig:expectedPurchases": "$13.9bn/month" } })] });
    expect(diffRuns(a, b)).toEqual([{
      notebook: "05-rmp-scenarios",
      what: "figure",
      name: "expectedPurchases",
      before: "$26.6bn/month",
      after: "$13.9bn/month",
    }]);
  });
});
