/**
 * The acceptance test of "an article is one computed object": every notebook is executed through the
 * report command's runner with each of its article's parameter sets (test/articles/<slug>/paramSets.ts:
 * the defaults, an in-range extreme, and a set that flips a verdict or a conclusion), exported to HTML,
 * and the HTML is read back: every marked figure and verdict (`data-q`) must read the same wherever it
 * appears (computed prose, findings, claims table), the static markdown must state no verdict, and the
 * flipping set must change at least one marked figure or verdict against the defaults.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReports } from "../../lib/report/run.ts";

const root = join(import.meta.dirname, "..", "..");
interface ParamSet {
  name: string;
  overrides: Record<string, unknown>;
  flips?: string;
}

const notebooks = readdirSync(join(root, "notebooks"))
  .filter((f) => f.endsWith(".ipynb"))
  .map((f) => f.replace(/\.ipynb$/, ""))
  .sort();
const slugOf = (nb: string) => nb.replace(/^\d+-/, "");

async function paramSetsOf(nb: string): Promise<ParamSet[] | undefined> {
  const file = join(root, "test", "articles", slugOf(nb), "paramSets.ts");
  if (!existsSync(file)) return undefined;
  return ((await import(file)) as { PARAM_SETS: ParamSet[] }).PARAM_SETS;
}

/** Every marked text in a page, by key. */
function marks(html: string): Map<string, string[]> {
  const { document } = parseHTML(html);
  const out = new Map<string, string[]>();
  for (const el of document.querySelectorAll("[data-q]")) {
    const key = el.getAttribute("data-q")!;
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    out.set(key, [...(out.get(key) ?? []), text]);
  }
  return out;
}

/** The text of the static markdown cells of an exported report. */
function markdownText(html: string): string {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll(".jp-MarkdownCell")].map((c) => c.textContent ?? "").join("\n");
}

const out = mkdtempSync(join(tmpdir(), "qtlab-coherence-"));
const sets = new Map<string, ParamSet[]>();
const pages = new Map<string, string>(); // "<notebook>/<set>" → HTML

beforeAll(async () => {
  for (const nb of notebooks) {
    const s = await paramSetsOf(nb);
    if (s) sets.set(nb, s);
  }
  const rounds = Math.max(0, ...[...sets.values()].map((s) => s.length));
  for (let k = 0; k < rounds; k++) {
    const names = [...sets.keys()].filter((nb) => sets.get(nb)!.length > k);
    const dir = join(out, String(k));
    const plan = Object.fromEntries(names.map((nb) => [nb, sets.get(nb)![k].overrides]));
    const statuses = await runReports(names, plan, { outDir: dir, jobs: 2, log: () => {} });
    for (const s of statuses) {
      if (s.status !== "ok") {
        throw new Error(
          `${s.notebook} with "${sets.get(s.notebook)![k].name}" failed: ${s.error?.ename}: ${s.error?.evalue}`,
        );
      }
      pages.set(
        `${s.notebook}/${sets.get(s.notebook)![k].name}`,
        readFileSync(join(dir, `${s.notebook}.html`), "utf8"),
      );
    }
  }
}, 900_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("a rerun never contradicts itself: prose, findings and claims tables agree in every report", () => {
  it("every notebook has at least three parameter sets, one of them the defaults and one that flips", () => {
    for (const nb of notebooks) {
      const s = sets.get(nb);
      expect(s, `test/articles/${slugOf(nb)}/paramSets.ts`).toBeDefined();
      expect(s!.length, nb).toBeGreaterThanOrEqual(3);
      expect(s!.some((x) => Object.keys(x.overrides).length === 0), `${nb}: a defaults set`).toBe(true);
      expect(s!.some((x) => x.flips), `${nb}: a set that flips a verdict or a conclusion`).toBe(true);
    }
  });

  it.each(notebooks)("%s: each marked figure and verdict reads the same everywhere in each report", (nb) => {
    for (const set of sets.get(nb) ?? []) {
      const html = pages.get(`${nb}/${set.name}`)!;
      const m = marks(html);
      const disagreements = [...m].filter(([, texts]) => new Set(texts).size > 1).map(([k, texts]) =>
        `${k}: ${[...new Set(texts)].join(" ≠ ")}`
      );
      expect(disagreements, `${nb} with "${set.name}"`).toEqual([]);
      // Each verdict the prose mentions is in the claims table.
      const proseVerdicts = [...m.keys()].filter((k) => /^claim:[^:]+:verdict$/.test(k));
      for (const k of proseVerdicts) {
        expect(m.get(k)!.length, `${nb}: ${k} appears in a table too`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it.each(notebooks)(
    "%s: each report shows its table of assumptions from the declaration, changed ones highlighted",
    (nb) => {
      for (const set of sets.get(nb) ?? []) {
        const { document } = parseHTML(pages.get(`${nb}/${set.name}`)!);
        const panel = document.querySelector(".qtlab-assumptions-panel");
        expect(panel, `${nb} "${set.name}"`).not.toBeNull();
        const highlighted = [...panel!.querySelectorAll("details tr.qtlab-overridden code")].map((c) => c.textContent);
        expect(highlighted.sort()).toEqual(
          Object.keys(set.overrides).filter((k) => JSON.stringify(set.overrides[k]) !== undefined).sort(),
        );
      }
    },
  );

  it.each(notebooks)("%s: the static markdown states no verdict (verdicts are computed)", (nb) => {
    const set = (sets.get(nb) ?? [])[0];
    if (!set) return;
    expect(markdownText(pages.get(`${nb}/${set.name}`)!)).not.toMatch(
      /\b(does not hold|roughly holds|not checkable)\b/i,
    );
  });

  it.each(notebooks)("%s: the flipping set changes a marked verdict or figure against the defaults", (nb) => {
    const all = sets.get(nb) ?? [];
    const base = all.find((x) => Object.keys(x.overrides).length === 0);
    for (const set of all.filter((x) => x.flips)) {
      const a = marks(pages.get(`${nb}/${base!.name}`)!);
      const b = marks(pages.get(`${nb}/${set.name}`)!);
      const changed = [...b].filter(([k, t]) => (a.get(k)?.[0] ?? "") !== t[0]).map(([k]) => k);
      expect(changed.length, `${nb} "${set.name}" (${set.flips}) changed nothing marked`).toBeGreaterThan(0);
    }
  });
});
