import { describe, expect, test } from "vitest";
import { annualMean, balanceSheetToGdp, growthFrac, quarterAverages, quarterStart } from "../../lib/calc/gdpRatio.ts";
import { loadMacro } from "../../lib/data/macro.ts";

/** n consecutive Wednesdays from `first` with values from `value(i)`. */
function weekly(first: string, n: number, value: (i: number) => number) {
  const t0 = Date.parse(`${first}T00:00:00Z`);
  return Array.from(
    { length: n },
    (_, i) => ({ date: new Date(t0 + i * 7 * 86_400_000).toISOString().slice(0, 10), value: value(i) }),
  );
}

test("quarterStart(date) is the first day of the calendar quarter", () => {
  expect(quarterStart("2024-02-14")).toBe("2024-01-01");
  expect(quarterStart("2019-09-30")).toBe("2019-07-01");
  expect(quarterStart("2023-10-01")).toBe("2023-10-01");
  expect(quarterStart("2023-12-31")).toBe("2023-10-01");
});

describe("quarterAverages(rows)", () => {
  test("means the observations of each quarter and counts them; short quarters are left out", () => {
    // 2024-01-03 … 2024-03-27 is 13 Wednesdays; then 2 Wednesdays of Q2.
    const rows = weekly("2024-01-03", 15, (i) => 100 + i);
    const q = quarterAverages(rows);
    expect(q).toEqual([{ period: "2024-01-01", mean: 106, n: 13 }]);
    expect(quarterAverages(rows, { minObs: 2 })[1]).toEqual({ period: "2024-04-01", mean: 113.5, n: 2 });
  });
});

describe("balanceSheetToGdp(assets, gdp) → share of GDP per quarter", () => {
  const assets = weekly("2024-01-03", 13, (i) => 7000 + 100 * i); // mean 7600, last 8200
  const gdp = [{ date: "2024-01-01", value: 28000 }];

  test("quarter-average basis: mean of the quarter's Wednesdays over GDP SAAR", () => {
    const [q] = balanceSheetToGdp(assets, gdp);
    expect(q).toMatchObject({
      quarter: "2024-01-01",
      assetsUsdBn: 7600,
      gdpUsdBnSaar: 28000,
      weeks: 13,
      basis: "quarter-average",
    });
    expect(q.shareFrac).toBeCloseTo(7600 / 28000, 12);
  });

  test("quarter-end basis: the quarter's last Wednesday", () => {
    const [q] = balanceSheetToGdp(assets, gdp, { basis: "quarter-end" });
    expect(q.assetsUsdBn).toBe(8200);
    expect(q.shareFrac).toBeCloseTo(8200 / 28000, 12);
  });

  test("quarters without GDP or with too few weeks are left out", () => {
    expect(balanceSheetToGdp(assets, [{ date: "2023-10-01", value: 27000 }])).toEqual([]);
    expect(balanceSheetToGdp(assets.slice(0, 5), gdp)).toEqual([]);
  });

  test("a non-positive GDP is refused", () => {
    expect(() => balanceSheetToGdp(assets, [{ date: "2024-01-01", value: 0 }])).toThrow(/not positive/);
  });
});

describe("annualMean(rows, year, minObs) and growthFrac(from, to)", () => {
  test("mean of the year's quarters; a partial year is refused", () => {
    const gdp = [
      { date: "2023-01-01", value: 100 },
      { date: "2023-04-01", value: 110 },
      { date: "2023-07-01", value: 120 },
      { date: "2023-10-01", value: 130 },
      { date: "2024-01-01", value: 140 },
    ];
    expect(annualMean(gdp, 2023, 4)).toEqual({ period: "2023-01-01", mean: 115, n: 4 });
    expect(() => annualMean(gdp, 2024, 4)).toThrow(/1 observations in 2024, fewer than the 4 required/);
  });

  test("growthFrac is to/from − 1 and needs a positive start", () => {
    expect(growthFrac(21380, 27000)).toBeCloseTo(0.26286, 5);
    expect(growthFrac(100, 100)).toBe(0);
    expect(() => growthFrac(0, 5)).toThrow(/positive start/);
  });

  test("on the shipped GDP (2026 vintage): 2019 and 2023 means of the four quarters", () => {
    const gdp = loadMacro("GDP").rows;
    expect(annualMean(gdp, 2019, 4).mean).toBeCloseTo((21111.6 + 21397.938 + 21717.171 + 21933.217) / 4, 6);
    expect(annualMean(gdp, 2023, 4).mean).toBeCloseTo((27216.445 + 27530.055 + 28074.846 + 28424.722) / 4, 6);
  });
});
