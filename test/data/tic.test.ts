import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { DataValidationError } from "../../lib/data/series.ts";
import {
  loadTicHoldings,
  parseTic,
  parseTicLong,
  parseTicLongBytes,
  parseTicLongText,
  TIC_SERIES_BREAKS,
  ticHolderRows,
} from "../../lib/data/tic.ts";
import { thrownBy } from "../helpers/errors.ts";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
/** Real rows of January 2025 (six countries, no totals). */
const JAN = fixture("TIC_MFH_long.2025-01.csv");

/** A complete month: two holders, All Other, the grand total and the official split (real Jan 2025 totals). */
const MONTH = [
  "date,country,value",
  "2025-01-01,Japan,1079.3",
  '2025-01-01,"China, Mainland",760.8',
  "2025-01-01,All Other,6777.7",
  "2025-01-01,Grand Total,8617.8",
  "2025-01-01,For. Official,3818.7",
  "2025-01-01,Treasury Bills,400.0",
  "2025-01-01,T-Bonds & Notes,3418.7",
].join("\n");

const errorOf = (fn: () => unknown): DataValidationError => thrownBy(DataValidationError, fn);

describe("parseTicLongBytes(bytes): the byte scan gives the text reading's rows and errors", () => {
  const shipped = readFileSync(new URL("../../data/TIC_MFH_long.csv", import.meta.url));
  test("the shipped table, with CRLF line ends, and a quoted label", () => {
    const text = shipped.toString("utf8");
    expect(parseTicLongBytes(shipped)).toEqual(parseTicLongText(text, "TIC_MFH_long.csv"));
    const crlf = text.replaceAll("\n", "\r\n");
    expect(parseTicLongBytes(Buffer.from(crlf))).toEqual(parseTicLongText(crlf, "TIC_MFH_long.csv"));
    const quoted = MONTH.replace("2025-01-01,Japan,", '2025-01-01,"Japan",');
    expect(parseTicLongBytes(Buffer.from(quoted))).toEqual(parseTicLongText(quoted, "q.csv"));
    expect(parseTicLongBytes(Buffer.from(quoted)).map((r) => r.holder)).toContain("Japan");
  });
  test("a row the scan does not take is read, or refused, as the text reading does", () => {
    for (
      const text of [
        JAN.replace("Japan,1079.3", "Japan,1.0793e3"),
        JAN.replace("Japan", "Japón"),
        JAN.replace("Luxembourg,409.9", "Luxembourg,n.a."),
        `${JAN.trimEnd()}\n2025-01-01,Japan,1079.3\n`,
        JAN.replace("Japan,1079.3", "Japan,1079300"),
        JAN.replace("2025-01-01,Canada", "2025-01-31,Canada"),
        MONTH.replace("Treasury Bills,400.0", "Treasury Bills,0.4"),
      ]
    ) {
      let expected: unknown;
      try {
        expected = parseTicLongText(text, "v.csv");
      } catch (e) {
        expected = e;
      }
      if (expected instanceof Error) {
        expect(() => parseTicLongBytes(Buffer.from(text), "v.csv")).toThrow(expected.message);
      } else expect(parseTicLongBytes(Buffer.from(text), "v.csv")).toEqual(expected);
    }
  });
});

describe("parseTicLong(text) on real-format rows", () => {
  test("reads holders in $bn with their month", () => {
    const rows = parseTicLong(JAN);
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.holder === "China, Mainland")).toEqual({
      date: "2025-01-01",
      holder: "China, Mainland",
      valueUsdBn: 760.8,
    });
  });

  test("a month whose holders sum to its Grand Total passes", () => {
    expect(parseTicLong(MONTH)).toHaveLength(7);
  });

  test("a bad date (not the first of a month, or not a date) is refused with its line", () => {
    expect(errorOf(() => parseTicLong(JAN.replace("2025-01-01,Japan", "2025-01-31,Japan"), "d.csv")).message).toMatch(
      /^d\.csv line 2: "2025-01-31" is not the first day of a month/,
    );
    expect(errorOf(() => parseTicLong(JAN.replace("2025-01-01,Canada", "2025-13-01,Canada"), "d.csv")).message).toMatch(
      /^d\.csv line 6: "2025-13-01"/,
    );
    expect(errorOf(() => parseTicLong(JAN.replace("2025-01-01,Canada", "Jan 2025,Canada"), "d.csv")).line).toBe(6);
  });

  test('a non-numeric value (the source\'s "n.a.") is refused, never filled', () => {
    const e = errorOf(() => parseTicLong(JAN.replace("Luxembourg,409.9", "Luxembourg,n.a."), "na.csv"));
    expect(e.message).toBe('na.csv line 7: "n.a." for Luxembourg 2025-01-01 is not a number');
    expect(errorOf(() => parseTicLong(JAN.replace("Belgium,377.7", "Belgium,"), "blank.csv")).line).toBe(5);
  });

  test("a holder twice in the same month is refused", () => {
    const e = errorOf(() => parseTicLong(`${JAN.trimEnd()}\n2025-01-01,Japan,1079.3\n`, "dup.csv"));
    expect(e.message).toBe("dup.csv line 8: duplicate row for Japan 2025-01-01");
  });

  test("a unit switch is refused: a row in $ millions falls outside the $bn range", () => {
    const e = errorOf(() => parseTicLong(JAN.replace("Japan,1079.3", "Japan,1079300"), "mn.csv"));
    expect(e.message).toMatch(
      /^mn\.csv line 2: Japan 2025-01-01: 1079300 is outside \[0, 20000\] \$ billions: is the file in other units\?/,
    );
  });

  test("a unit switch inside the range ($ trillions) is caught by the month's Grand Total", () => {
    const e = errorOf(() => parseTicLong(MONTH.replace("Japan,1079.3", "Japan,1.0793"), "tn.csv"));
    expect(e.message).toMatch(
      /^tn\.csv: 2025-01-01: the holders sum to 7539\.6 \$bn but the Grand Total row says 8617\.8/,
    );
  });

  test("the official split must add up to For. Official", () => {
    const e = errorOf(() => parseTicLong(MONTH.replace("Treasury Bills,400.0", "Treasury Bills,0.4"), "split.csv"));
    expect(e.message).toMatch(
      /^split\.csv: 2025-01-01: Treasury Bills 0\.4 \+ T-Bonds & Notes 3418\.7 \$bn differ from For\. Official 3818\.7/,
    );
  });

  test("a negative holding and a wrong header are refused", () => {
    expect(errorOf(() => parseTicLong(JAN.replace("Canada,350.8", "Canada,-350.8"), "neg.csv")).line).toBe(6);
    expect(errorOf(() => parseTicLong(JAN.replace("date,country,value", "date,holder,value"), "hdr.csv")).line).toBe(1);
  });
});

describe("parseTic(text, holder) on a single-holder file", () => {
  const china = "date,value\n2024-11-01,768.6\n2024-12-01,759\n2025-01-01,760.8\n2025-02-01,784.3\n";

  test("reads $bn month-end holdings", () => {
    expect(parseTic(china, "CHINA").rows.map((r) => r.value)).toEqual([768.6, 759, 760.8, 784.3]);
  });

  test("a unit switch in the middle of the file ($ trillions for one month) is refused with its line", () => {
    const e = errorOf(() => parseTic(china.replace("2024-12-01,759", "2024-12-01,0.759"), "CHINA", "c.csv"));
    expect(e.message).toMatch(/^c\.csv line 3: TIC:China, Mainland moves from 768\.6 to 0\.759 \$bn .*other units/);
  });

  test("a missing month and a duplicate month are off the monthly grid", () => {
    expect(errorOf(() => parseTic(china.replace("2024-12-01,759\n", ""), "CHINA", "gap.csv")).message).toMatch(
      /off the monthly grid/,
    );
    expect(errorOf(() => parseTic(china.replace("2024-12-01,759", "2024-11-01,759"), "CHINA", "dup.csv")).message)
      .toMatch(/duplicate date 2024-11-01/);
  });
});

describe("TIC_SERIES_BREAKS and loadTicHoldings()", () => {
  test("the breaks are the survey months 2000-03, June 2002–2011 and the SLT break of Dec 2011", () => {
    expect(TIC_SERIES_BREAKS.filter((b) => b.kind === "survey").map((b) => b.date.slice(0, 7))).toEqual([
      "2000-03",
      "2002-06",
      "2003-06",
      "2004-06",
      "2005-06",
      "2006-06",
      "2007-06",
      "2008-06",
      "2009-06",
      "2010-06",
      "2011-06",
    ]);
    expect(TIC_SERIES_BREAKS.filter((b) => b.kind === "slt").map((b) => b.date)).toEqual(["2011-12-01"]);
  });

  test("loads the five holders, each equal to its row of the long table, to Dec 2025", () => {
    const h = loadTicHoldings();
    expect(h.asOf).toBe("2025-12-01");
    expect(h.series.CHINA.rows.find((r) => r.date === "2025-01-01")?.value).toBe(760.8);
    expect(h.series.CHINA.rows.find((r) => r.date === "2011-06-01")?.value).toBe(1307); // new series kept at the break
    expect(Object.keys(h.series)).toEqual(["CHINA", "JAPAN", "UNITED_KINGDOM", "GRAND_TOTAL", "FOREIGN_OFFICIAL"]);
  });

  test("ticHolderRows(long, label) gives one label's rows sorted, and throws for an unknown label", () => {
    const rows = ticHolderRows(parseTicLong(JAN), "Japan");
    expect(rows).toEqual([{ date: "2025-01-01", value: 1079.3 }]);
    expect(() => ticHolderRows(parseTicLong(JAN), "Atlantis")).toThrow(/no TIC rows labelled "Atlantis"/);
  });
});
