import { describe, expect, it } from "vitest";
import type { ArticleRun } from "../../lib/articles/article.ts";
import { rmpParams } from "../../lib/articles/rmp-scenarios/params.ts";
import { assumptionsBanner, assumptionsTable, dataAsOf, methodNotes } from "../../lib/plot/runHeader.ts";

const run = {
  meta: { slug: "rmp-scenarios", notebook: "05-rmp-scenarios", title: "t", claimIds: [] },
  params: { ...rmpParams.defaults, horizonMonths: 36 },
  changed: ["horizonMonths"],
  series: [
    { seriesId: "WALCL", rows: 1200, first: "2002-12-18", asOf: "2026-08-19" },
    { seriesId: "GDP", rows: 300, first: "1947-01-01", asOf: "2026-04-01" },
  ],
  result: {},
  claims: [],
} as unknown as ArticleRun<typeof rmpParams.specs, unknown>;

describe("lib/plot/runHeader.ts: what a report says about its own run", () => {
  it("assumptionsBanner lists each changed assumption as default → used with its unit", () => {
    const html = assumptionsBanner(run, rmpParams).outerHTML;
    expect(html).toContain("1 assumption differs");
    expect(html).toContain("<code>horizonMonths</code>: 24 months → <strong>36 months</strong>");
    expect(assumptionsBanner({ ...run, changed: [] }, rmpParams).outerHTML).toContain(
      "every assumption at its default",
    );
  });
  it("dataAsOf flags each series older than the threshold relative to the run date, and only those", () => {
    const html = dataAsOf(run, { runDate: "2026-09-30", staleAfterDays: 60 }).outerHTML;
    expect(html).toMatch(/1 series ends more than 60 days before this run \(2026-09-30\): GDP \(2026-04-01\)/);
    expect(html).not.toMatch(/WALCL \(2026-08-19\)/);
    expect(dataAsOf(run, { runDate: "2026-08-20", staleAfterDays: 365 }).outerHTML).toContain(
      "Every series read has an observation within 365 days",
    );
  });
  it("assumptionsTable shows every declared assumption, the changed one marked; methodNotes escapes markup", () => {
    const html = assumptionsTable(run, rmpParams).outerHTML;
    expect((html.match(/<tr/g) ?? []).length).toBe(rmpParams.names.length + 1);
    expect(html).toMatch(/<tr class="qtlab-overridden"><td><code>horizonMonths<\/code><\/td><td>36<\/td><td>24<\/td>/);
    expect(methodNotes(["Windows: <b>x</b>", "**Rule** 2%"]).outerHTML).toMatch(
      /&lt;b&gt;x&lt;\/b&gt;.*<strong>Rule<\/strong> 2%/,
    );
  });
});
