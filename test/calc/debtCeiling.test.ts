import { addDays } from "../../lib/calendar.ts";
import { describe, expect, test } from "vitest";
import {
  checkDebtLimitWindows,
  DEBT_LIMIT_EPISODES,
  debtLimitPhases,
  episodeChanges,
  tgaDrivenSwings,
  weeksSinceWindowStart,
} from "../../lib/calc/debtCeiling.ts";
import { reservesIdentity, sumOfDriversUsdBn } from "../../lib/calc/reserves.ts";

describe("DEBT_LIMIT_EPISODES", () => {
  test("2023: reached 2023-01-19, Fiscal Responsibility Act 2023-06-03; 2025: reinstated 2025-01-02, raised 2025-07-04", () => {
    expect(DEBT_LIMIT_EPISODES.map((e) => [e.id, e.from, e.to])).toEqual([
      ["2023", "2023-01-19", "2023-06-03"],
      ["2025", "2025-01-02", "2025-07-04"],
    ]);
    for (const e of DEBT_LIMIT_EPISODES) expect(e.source).toMatch(/Pub\. L\./);
  });
});

describe("checkDebtLimitWindows(windows)", () => {
  test("sorts valid windows; refuses bad dates, reversed windows and duplicate ids", () => {
    expect(checkDebtLimitWindows([DEBT_LIMIT_EPISODES[1], DEBT_LIMIT_EPISODES[0]]).map((w) => w.id)).toEqual([
      "2023",
      "2025",
    ]);
    expect(() => checkDebtLimitWindows([{ id: "x", from: "2023-1-19", to: "2023-06-03" }])).toThrow(/ISO dates/);
    expect(() => checkDebtLimitWindows([{ id: "x", from: "2023-06-03", to: "2023-01-19" }])).toThrow(/not before/);
    expect(() => checkDebtLimitWindows([DEBT_LIMIT_EPISODES[0], DEBT_LIMIT_EPISODES[0]])).toThrow(/duplicate/);
    expect(checkDebtLimitWindows([])).toEqual([]);
  });
});

// A stylised episode on Wednesdays from 2023-01-04: the TGA falls by 50 a week for 8 weeks while the
// limit binds (reserves rise 50), then is rebuilt by 100 a week for 5 weeks, half from ON RRP.
function stylisedWeeks() {
  const out = [];
  let tga = 500, rrp = 2000, res = 3000;
  for (let i = 0; i < 20; i++) {
    const date = addDays("2023-01-04", 7 * i);
    out.push(
      reservesIdentity({
        date,
        totalAssetsUsdBn: 8000,
        reservesUsdBn: res,
        tgaUsdBn: tga,
        onRrpUsdBn: rrp,
        currencyUsdBn: 2300,
      }),
    );
    if (i < 8) {
      tga -= 50;
      res += 50;
    } else if (i < 13) {
      tga += 100;
      rrp -= 50;
      res -= 50;
    }
  }
  return out;
}

describe("debtLimitPhases(weeks, window, horizon)", () => {
  const weeks = stylisedWeeks();
  const window = { id: "s", from: "2023-01-04", to: "2023-03-01" }; // 8 weeks

  test("drawdown: TGA −400 adds 400 to reserves; rebuild to the TGA's peak: −500, half from ON RRP", () => {
    const p = debtLimitPhases(weeks, window, 10);
    expect(p.drawdown).toMatchObject({
      fromDate: "2023-01-04",
      toDate: "2023-03-01",
      deltaReservesUsdBn: 400,
      tgaUsdBn: 400,
      onRrpUsdBn: -0,
    });
    expect(p.tgaLowUsdBn).toBe(100);
    expect(p.tgaPeakUsdBn).toBe(600);
    expect(p.tgaPeakDate).toBe("2023-04-05");
    expect(p.rebuild).toMatchObject({
      fromDate: "2023-03-01",
      toDate: "2023-04-05",
      deltaReservesUsdBn: -250,
      tgaUsdBn: -500,
      onRrpUsdBn: 250,
    });
    expect(sumOfDriversUsdBn(p.rebuild)).toBeCloseTo(p.rebuild.deltaReservesUsdBn, 9);
  });

  test("a horizon that is not a positive integer, or a window the data do not cover, is refused", () => {
    expect(() => debtLimitPhases(weeks, window, 0)).toThrow(/positive integer/);
    expect(() => debtLimitPhases(weeks, { id: "late", from: "2024-01-03", to: "2024-03-01" }, 4)).toThrow(
      /fewer than two weeks/,
    );
  });
});

describe("episodeChanges(weeks, window, before, after)", () => {
  const weeks = stylisedWeeks();
  const window = { id: "s", from: "2023-01-04", to: "2023-03-01" };
  test("changes are 0 at the window's first week and the week index counts from it", () => {
    const pts = episodeChanges(weeks, window, 0, 2);
    const first = pts.filter((p) => p.week === 0);
    expect(first.map((p) => p.changeUsdBn)).toEqual([0, 0, 0]);
    expect(Math.max(...pts.map((p) => p.week))).toBe(10);
    expect(pts.find((p) => p.week === 8 && p.series === "TGA")!.changeUsdBn).toBe(-400);
    expect(weeksSinceWindowStart(weeks, window, "2023-03-01")).toBe(8);
  });
  test("a window after the data is refused", () => {
    expect(() => episodeChanges(weeks, { id: "x", from: "2030-01-01", to: "2030-02-01" }, 0, 0)).toThrow(/no week/);
  });
});

describe("tgaDrivenSwings(phases, threshold)", () => {
  const d = (deltaReservesUsdBn: number, assetsUsdBn: number, tgaUsdBn: number, onRrpUsdBn: number) => ({
    fromDate: "a",
    toDate: "b",
    deltaReservesUsdBn,
    assetsUsdBn,
    tgaUsdBn,
    onRrpUsdBn,
    currencyAndOtherUsdBn: deltaReservesUsdBn - assetsUsdBn - tgaUsdBn - onRrpUsdBn,
  });
  // The measured 2023 and 2025 episodes ($bn, rounded): drawdown then rebuild.
  const e2023 = {
    id: "2023",
    drawdown: d(278, -85, 443, -223),
    rebuild: d(-48, -478, -785, 1154),
    tgaLowUsdBn: 49,
    tgaLowDate: "",
    tgaPeakUsdBn: 834,
    tgaPeakDate: "",
  };
  const e2025 = {
    id: "2025",
    drawdown: d(-29, -194, 293, -52),
    rebuild: d(-378, -73, -598, 218),
    tgaLowUsdBn: 306,
    tgaLowDate: "",
    tgaPeakUsdBn: 957,
    tgaPeakDate: "",
  };

  test("2023: the drawdown is a TGA-driven swing; the rebuild is not (ON RRP paid, reserves −48)", () => {
    expect(tgaDrivenSwings(e2023, 200).map((s) => s.phase)).toEqual(["drawdown"]);
  });
  test("2025: the rebuild is (−378, TGA −598 the largest driver); the drawdown is not (reserves −29)", () => {
    expect(tgaDrivenSwings(e2025, 200).map((s) => s.phase)).toEqual(["rebuild"]);
  });
  test("a higher threshold finds none; a zero threshold keeps every TGA-led phase; NaN refused", () => {
    expect(tgaDrivenSwings(e2025, 400)).toEqual([]);
    expect(tgaDrivenSwings(e2025, 0).map((s) => s.phase)).toEqual(["drawdown", "rebuild"]);
    expect(() => tgaDrivenSwings(e2025, Number.NaN)).toThrow(/finite/);
  });
});
