import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseH41 } from "../../lib/data/h41.ts";
import { parseH15 } from "../../lib/data/h15.ts";
import { parseIce } from "../../lib/data/ice.ts";
import { parseMacro } from "../../lib/data/macro.ts";
import { checkGrid, DataValidationError, isoDayNumber, parseNumber } from "../../lib/data/series.ts";
import { thrownBy } from "../helpers/errors.ts";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const WALCL = fixture("WALCL.2025-spring.csv");

/** The DataValidationError a parse throws (fails the test if it does not throw one). */
const errorOf = (fn: () => unknown): DataValidationError => thrownBy(DataValidationError, fn);

describe("parseH41(text, id) on real-format H.4.1 rows", () => {
  test("converts $ millions to $bn once, exactly, and keeps Wednesday dates", () => {
    const s = parseH41(WALCL, "WALCL");
    expect(s.units).toBe("$bn");
    expect(s.rows[0]).toEqual({ date: "2025-03-05", value: 6756.764 });
    expect(s.rows.every((r) => new Date(`${r.date}T00:00:00Z`).getUTCDay() === 3)).toBe(true);
    expect(s.asOf).toBe(s.rows[s.rows.length - 1].date);
    expect(s.observation).toBe("Wednesday level");
  });

  test("a file in $ billions where $ millions are declared is refused as a unit switch", () => {
    const billions = WALCL.split("\n").map((
      l,
      i,
    ) => (i === 0 || !l ? l : l.replace(/,(\d+)$/, (_, v) => `,${(Number(v) / 1000).toFixed(3)}`))).join("\n");
    const e = errorOf(() => parseH41(billions, "WALCL", "WALCL-billions.csv"));
    expect(e.message).toMatch(/^WALCL-billions\.csv line 2: .*outside the declared range.*\$ millions.*other units/);
    expect(e.line).toBe(2);
  });

  test("a series rescaled as a whole whose zeros sit inside the range is caught by its peak", () => {
    const text = "date,value\n2009-01-07,0\n2009-01-14,0\n2009-01-21,2.1\n";
    const e = errorOf(() => parseH41(text, "WSHOMCB", "mbs.csv"));
    expect(e.message).toMatch(/^mbs\.csv: WSHOMCB never exceeds 2\.1.*other units/);
  });

  test('a "." (FRED\'s missing mark) is refused with its line, never filled', () => {
    const lines = WALCL.split("\n");
    lines[3] = lines[3].replace(/,\d+$/, ",.");
    const e = errorOf(() => parseH41(lines.join("\n"), "WALCL", "dot.csv"));
    expect(e.message).toMatch(/^dot\.csv line 4: "\." for 2025-03-19 is not a number/);
  });

  test("a blank value is refused with its line", () => {
    const lines = WALCL.split("\n");
    lines[2] = lines[2].replace(/,\d+$/, ",");
    expect(errorOf(() => parseH41(lines.join("\n"), "WALCL", "blank.csv")).message).toMatch(
      /^blank\.csv line 3: a blank value/,
    );
  });

  test("a wrong header is refused at line 1", () => {
    const e = errorOf(() => parseH41(WALCL.replace("date,value", "DATE,WALCL"), "WALCL", "hdr.csv"));
    expect(e.message).toBe('hdr.csv line 1: expected the header "date,value", found "DATE,WALCL"');
  });

  test("unsorted dates are refused at the first out-of-order line", () => {
    const lines = WALCL.trimEnd().split("\n");
    [lines[2], lines[3]] = [lines[3], lines[2]];
    expect(errorOf(() => parseH41(lines.join("\n"), "WALCL", "order.csv")).message).toMatch(
      /^order\.csv line 4: dates out of order: 2025-03-12 after 2025-03-19/,
    );
  });

  test("a duplicate date is refused", () => {
    const lines = WALCL.trimEnd().split("\n");
    lines.splice(3, 0, lines[2]);
    expect(errorOf(() => parseH41(lines.join("\n"), "WALCL", "dup.csv")).message).toMatch(
      /^dup\.csv line 4: duplicate date 2025-03-12/,
    );
  });

  test("a missing week is off the weekly grid", () => {
    const lines = WALCL.trimEnd().split("\n");
    lines.splice(3, 1);
    expect(errorOf(() => parseH41(lines.join("\n"), "WALCL", "gap.csv")).message).toMatch(
      /^gap\.csv line 4: 2025-03-26 is off the weekly grid: 14 days/,
    );
  });

  test("a date that is not a Wednesday is off the weekly grid", () => {
    const text = "date,value\n2025-03-06,6756351\n";
    expect(errorOf(() => parseH41(text, "WALCL", "thu.csv")).message).toMatch(
      /^thu\.csv line 2: 2025-03-06 is off the weekly grid: expected weekday 3/,
    );
  });

  test("an impossible calendar date is refused", () => {
    expect(errorOf(() => parseH41("date,value\n2025-02-30,6756351\n", "WALCL", "feb.csv")).message).toMatch(
      /^feb\.csv line 2: "2025-02-30" is not an ISO date/,
    );
  });

  test("an empty file and a header-only file are refused", () => {
    expect(errorOf(() => parseH41("", "WALCL", "empty.csv")).message).toBe("empty.csv: the file is empty");
    expect(errorOf(() => parseH41("date,value\n", "WALCL", "head.csv")).message).toBe(
      "head.csv: no observations after the header",
    );
  });
});

describe("other publishers' grids and units", () => {
  test("parseH15(SOFR) keeps business days, in pct", () => {
    const s = parseH15(fixture("SOFR.2025-09.csv"), "SOFR");
    expect(s.units).toBe("pct");
    expect(s.rows.length).toBe(21);
    expect(s.rows.every((r) => r.value > 0 && r.value < 10)).toBe(true);
  });

  test("parseH15 refuses a weekend date in a business-daily file", () => {
    const text = "date,value\n2025-09-05,4.4\n2025-09-06,4.4\n";
    expect(errorOf(() => parseH15(text, "SOFR", "wk.csv")).message).toMatch(
      /^wk\.csv line 3: 2025-09-06 is off the business-daily grid: a weekend date/,
    );
  });

  test("parseIce converts percent to bp and accepts ICE's month-end weekend mark (2025-05-31)", () => {
    const s = parseIce(fixture("BAMLC0A0CM.2025-05-end.csv"));
    expect(s.units).toBe("bp");
    expect(s.rows.find((r) => r.date === "2025-05-31")?.value).toBe(92);
    expect(s.rows[0]).toEqual({ date: "2025-05-20", value: 90 });
  });

  test("parseMacro(MMMFFAQ027S) converts $ millions to $bn and holds the quarterly grid", () => {
    const s = parseMacro(fixture("MMMFFAQ027S.tail.csv"), "MMMFFAQ027S");
    expect(s.rows.at(-1)).toEqual({ date: "2026-01-01", value: 8289.569 });
    const skipped = fixture("MMMFFAQ027S.tail.csv").replace("2025-04-01,7481232\n", "");
    expect(() => parseMacro(skipped, "MMMFFAQ027S", "mmf.csv")).toThrow(
      /^mmf\.csv line 6: 2025-07-01 is off the quarterly grid: 6 months/,
    );
  });

  test("checkGrid starts the quarterly grid at gridFrom: the annual 1945-1951 history passes, a break after 1952 does not", () => {
    const dates = ["1950-10-01", "1951-10-01", "1952-01-01", "1952-04-01", "1952-07-01"];
    expect(() => checkGrid(dates, { frequency: "quarterly", gridFrom: "1952-01-01" }, "mmf.csv")).not.toThrow();
    expect(() => checkGrid(dates, { frequency: "quarterly" }, "mmf.csv")).toThrow(
      /^mmf\.csv line 3: 1951-10-01 is off the quarterly grid: 12 months/,
    );
    expect(() =>
      checkGrid([...dates.slice(0, 4), "1952-10-01"], { frequency: "quarterly", gridFrom: "1952-01-01" }, "mmf.csv")
    ).toThrow(/line 6: 1952-10-01 .* 6 months/);
  });
});

describe("date and number primitives", () => {
  test("isoDayNumber agrees with Date.UTC and rejects impossible dates", () => {
    for (const d of ["1970-01-01", "2000-02-29", "2024-12-31", "1871-01-01", "2026-08-19"]) {
      expect(isoDayNumber(d)).toBe(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
    }
    for (const d of ["2023-02-29", "1900-02-29", "2025-13-01", "2025-04-31", "2025-4-01", "20250401"]) {
      expect(isoDayNumber(d)).toBeUndefined();
    }
  });

  test("parseNumber reads published numbers and refuses blanks, '.', NaN and text", () => {
    expect(parseNumber("6756351")).toBe(6756351);
    expect(parseNumber("-2.41")).toBe(-2.41);
    expect(parseNumber(" 0.5 ")).toBe(0.5);
    for (const t of ["", ".", "NaN", "n.a.", "1,000", "Infinity", "0x10"]) expect(parseNumber(t)).toBeUndefined();
  });
});
