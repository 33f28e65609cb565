/**
 * The single-pass `date,value` parser (lib/data/series.ts) against a straightforward reference: split
 * into lines, a regular expression per number, Date objects per date. Every shipped file must parse to
 * exactly the reference's rows, and each kind of bad line must fail with its line number.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EQUITY_SPECS } from "../../lib/data/equities.ts";
import { H15_SPECS } from "../../lib/data/h15.ts";
import { H41_SPECS } from "../../lib/data/h41.ts";
import { ICE_SPECS } from "../../lib/data/ice.ts";
import { MACRO_SPECS } from "../../lib/data/macro.ts";
import { DEFAULT_DATA_DIR } from "../../lib/data/manifest.ts";
import {
  DataValidationError,
  isoDateOfDay,
  isoDayNumber,
  type Observation,
  parseDateValueBytes,
  parseDateValueCsv,
  parseNumber,
  type SeriesSpec,
  toCanonical,
} from "../../lib/data/series.ts";
import { TIC_SPECS } from "../../lib/data/tic.ts";
import { thrownBy } from "../helpers/errors.ts";

/** Every shipped `date,value` file with its spec. */
const SHIPPED: [string, SeriesSpec][] = [
  ...[H41_SPECS, H15_SPECS, ICE_SPECS, EQUITY_SPECS, MACRO_SPECS].flatMap((specs) =>
    Object.entries(specs).map(([id, spec]): [string, SeriesSpec] => [`${id}.csv`, spec])
  ),
  ...Object.entries(TIC_SPECS).map(([h, spec]): [string, SeriesSpec] => [`TIC_MFH_${h}.csv`, spec]),
];

/** The reference reading: lines, a regular expression per value, a Date round trip per date. */
function referenceRows(text: string, spec: SeriesSpec): Observation[] {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  while (lines.length > 1 && lines[lines.length - 1].trim() === "") lines.pop();
  if (lines[0] !== "date,value") throw new Error(`header ${lines[0]}`);
  return lines.slice(1).map((line, i) => {
    const [date, raw, extra] = line.split(",");
    const ok = extra === undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) &&
      new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date &&
      /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw.trim());
    if (!ok) throw new Error(`line ${i + 2}: "${line}" is not a date and a number`);
    return { date, value: toCanonical(Number(raw), spec.scale) };
  });
}

const spec: SeriesSpec = {
  seriesId: "X",
  title: "test",
  unitsAsPublished: "units",
  rangeAsPublished: [-1000, 1000],
  scale: 1,
  units: "units",
  observation: "test",
  frequency: "daily-operations",
};
const messageOf = (text: string, s: SeriesSpec = spec) =>
  thrownBy(DataValidationError, () => parseDateValueCsv(text, s, "t.csv")).message;

describe("the single-pass parser reads every shipped file as the reference does", () => {
  test.each(SHIPPED)("%s", (file, s) => {
    const bytes = readFileSync(join(DEFAULT_DATA_DIR, file));
    const rows = parseDateValueBytes(bytes, s, file).rows;
    expect(rows).toEqual(referenceRows(bytes.toString("utf8"), s));
    expect(parseDateValueCsv(bytes.toString("utf8"), s, file).rows).toEqual(rows);
  });
});

describe("edge cases of the single-pass parser", () => {
  test("plain decimals, signs, a bare point and exponents give Number()'s value", () => {
    const values = ["1", "-0", "+1.5", "5.", ".5", "0.1", "123456789012345", "9007199254740993", "1e3", "2.5E-2"];
    const text = `date,value\n${values.map((v, i) => `2020-01-${String(i + 1).padStart(2, "0")},${v}`).join("\n")}\n`;
    const rows = parseDateValueCsv(text, { ...spec, rangeAsPublished: [-1e16, 1e16] }, "t.csv").rows;
    rows.forEach((r, i) => expect(Object.is(r.value, Number(values[i])), values[i]).toBe(true));
    expect(values.map((v) => parseNumber(v))).toEqual(values.map(Number));
  });

  test("CRLF line ends and trailing blank lines are accepted", () => {
    const rows = parseDateValueCsv("date,value\r\n2020-01-01,1\r\n2020-01-02,2\r\n\r\n  \n", spec, "t.csv").rows;
    expect(rows).toEqual([{ date: "2020-01-01", value: 1 }, { date: "2020-01-02", value: 2 }]);
  });

  test("a blank value, a '.', a space inside a value and a third field fail with their line", () => {
    expect(messageOf("date,value\n2020-01-01,1\n2020-01-02,\n")).toBe(
      "t.csv line 3: a blank value for 2020-01-02 is not a number (missing values must be absent, not marked)",
    );
    expect(messageOf("date,value\n2020-01-01,.\n")).toMatch(/^t\.csv line 2: "\." for 2020-01-01 is not a number/);
    expect(messageOf("date,value\n2020-01-01,1 2\n")).toMatch(/^t\.csv line 2: "1 2" for 2020-01-01/);
    expect(messageOf("date,value\n2020-01-01,1,2\n")).toBe(
      't.csv line 2: expected 2 fields (date,value), found "2020-01-01,1,2"',
    );
    expect(messageOf("date,value\n2020-01-01,1\n\n2020-01-03,1\n")).toBe(
      't.csv line 3: expected 2 fields (date,value), found ""',
    );
  });

  test("a bad date fails, including a month past 12 that would alias the next year's January", () => {
    for (const bad of ["2019-17-06", "2020-13-01", "2020-00-10", "2021-02-29", "2020-04-31", "2020-1-01", "20200101"]) {
      expect(messageOf(`date,value\n2020-01-05,1\n${bad},2\n`)).toBe(
        `t.csv line 3: "${bad}" is not an ISO date (YYYY-MM-DD)`,
      );
    }
    expect(parseDateValueCsv("date,value\n2020-02-29,1\n", spec, "t.csv").rows[0].date).toBe("2020-02-29");
  });

  test("unsorted and duplicate dates fail at their line", () => {
    expect(messageOf("date,value\n2020-01-02,1\n2020-01-01,2\n")).toBe(
      "t.csv line 3: dates out of order: 2020-01-01 after 2020-01-02",
    );
    expect(messageOf("date,value\n2020-01-02,1\n2020-01-03,1\n2020-01-03,2\n")).toBe(
      "t.csv line 4: duplicate date 2020-01-03",
    );
  });

  test("a value outside the declared range and a date off the grid fail at their line", () => {
    expect(messageOf("date,value\n2020-01-01,1\n2020-01-02,1000.5\n")).toMatch(
      /^t\.csv line 3: X value 1000\.5 on 2020-01-02 is outside the declared range \[-1000, 1000\]/,
    );
    expect(messageOf("date,value\n2020-01-01,1\n2020-01-03,1\n", { ...spec, frequency: "daily" })).toBe(
      "t.csv line 3: 2020-01-03 is off the daily grid: 2 days after the previous observation, expected 1",
    );
    expect(messageOf("date,value\n2020-01-01,1\n2020-03-01,1\n", { ...spec, frequency: "monthly" })).toBe(
      "t.csv line 3: 2020-03-01 is off the monthly grid: 2 months after the previous observation, expected 1",
    );
  });

  test("a byte-order mark or a non-ASCII character is named as read", () => {
    expect(messageOf("\ufeffdate,value\n2020-01-01,1\n")).toBe(
      't.csv line 1: expected the header "date,value", found "\ufeffdate,value"',
    );
    // A value is trimmed as String#trim trims (a no-break space too), a date is not.
    expect(parseDateValueCsv("date,value\n2020-01-01,1\u00a0\n", spec, "t.csv").rows).toEqual([
      { date: "2020-01-01", value: 1 },
    ]);
    expect(messageOf("date,value\n2020-01-0\u00e9,1\n")).toBe(
      't.csv line 2: "2020-01-0\u00e9" is not an ISO date (YYYY-MM-DD)',
    );
  });
});

describe("day numbers and their dates", () => {
  test("isoDateOfDay inverts isoDayNumber from 0000-01-01 to 9999-12-31 ", () => {
    for (let day = isoDayNumber("0000-01-01")!; day <= isoDayNumber("9999-12-31")!; day += 97) {
      expect(isoDayNumber(isoDateOfDay(day))).toBe(day);
    }
    expect(isoDateOfDay(0)).toBe("1970-01-01");
    expect(isoDateOfDay(isoDayNumber("2024-02-29")!)).toBe("2024-02-29");
    expect(() => isoDateOfDay(isoDayNumber("9999-12-31")! + 1)).toThrow(RangeError);
  });
});
