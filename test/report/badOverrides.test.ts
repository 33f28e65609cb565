/**
 * Every value the declarations forbid is refused before any kernel starts: the report command exits 2
 * with one line per bad parameter (notebook, parameter, value, what is allowed), no executor is created,
 * and the reports folder stays byte for byte as it was.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const executors: string[][] = [];
vi.mock("../../lib/report/nbrun.ts", () => ({
  NbrunWorker: class {
    run(argv: string[]) {
      executors.push(argv);
      return Promise.resolve({ code: 1, events: [], stderr: "" });
    }
    close() {}
  },
  runNbrunOnce: (argv: string[]) => {
    executors.push(argv);
    return Promise.resolve({ code: 1, events: [], stderr: "" });
  },
}));
const { reportCommand } = await import("../../scripts/report.ts");

const out = mkdtempSync(join(tmpdir(), "qtlab-bad-"));
const paramsFile = join(out, "..", `qtlab-bad-params-${process.pid}.json`);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(paramsFile, { force: true });
});

/** Every file under a folder with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const o: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else o[p.slice(dir.length)] = readFileSync(p, "base64");
    }
  };
  walk(dir);
  return o;
}

beforeAll(() => {
  // A reports folder as a good run leaves it.
  mkdirSync(join(out, "runs", "2026-01-01T00-00-00.000Z"), { recursive: true });
  writeFileSync(join(out, "index.html"), "<!doctype html><p>good index</p>");
  writeFileSync(join(out, "status.json"), "{}");
  writeFileSync(join(out, "05-rmp-scenarios.html"), "<p>good report</p>");
  writeFileSync(join(out, "runs", "2026-01-01T00-00-00.000Z", "manifest.json"), "{}");
});

async function run(args: string[]): Promise<{ code: number; err: string; log: string }> {
  const err: string[] = [];
  const log: string[] = [];
  const e = vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  const l = vi.spyOn(console, "log").mockImplementation((...a) => void log.push(a.join(" ")));
  try {
    const code = await reportCommand([...args, "--out", out]);
    return { code, err: err.join("\n"), log: log.join("\n") };
  } finally {
    e.mockRestore();
    l.mockRestore();
  }
}

const CASES: [string, string[], RegExp][] = [
  [
    "a number above its range",
    ["05", "-p", "horizonMonths=48"],
    /05-rmp-scenarios: horizonMonths: expected a whole number between 6 and 36 \(months\), got a number 48/,
  ],
  [
    "a negative size",
    ["05", "-p", "currencyGrowthUsdBnPerMonth=-1"],
    /currencyGrowthUsdBnPerMonth: expected a number between 0 and 15 \(\$bn\/month\), got a number -1/,
  ],
  [
    "a size inside an object out of range",
    ["05", "-p", 'scenarioSizesUsdBnPerMonth={"A":25,"B":90,"C":3.5}'],
    /at B: a number 90/,
  ],
  [
    "a negative size inside an object",
    ["05", "-p", 'scenarioSizesUsdBnPerMonth={"A":-5,"B":45,"C":3.5}'],
    /at A: a number -5/,
  ],
  [
    "probabilities summing to 1.5",
    ["05", "-p", 'scenarioProbabilities={"A":0.5,"B":0.5,"C":0.5}'],
    /probabilities must sum to 1 \(they sum to 1\.5\)/,
  ],
  [
    "probabilities as a list (the README's old example)",
    ["05", "-p", "scenarioProbabilities=[0.2,0.5,0.3]"],
    /scenarioProbabilities: expected an object with exactly the keys A, B, C.*got a list \[0\.2,0\.5,0\.3\]/,
  ],
  ["a missing key", ["05", "-p", 'scenarioProbabilities={"A":0.5,"B":0.5}'], /missing key "C"/],
  ["an extra key", ["05", "-p", 'scenarioProbabilities={"A":0.4,"B":0.3,"C":0.2,"D":0.1}'], /unexpected key "D"/],
  ["__proto__ as a key inside a value", [
    "05",
    "-p",
    'scenarioProbabilities={"A":0.4,"B":0.35,"C":0.25,"__proto__":{"x":1}}',
  ], /key "__proto__"/],
  ["constructor as a key inside a value", [
    "05",
    "-p",
    'scenarioProbabilities={"A":0.4,"B":0.35,"C":0.25,"constructor":1}',
  ], /key "constructor"/],
  ["__proto__ as a name", ["05", "-p", "__proto__=1"], /05-rmp-scenarios: unknown parameter "__proto__"/],
  [
    "__proto__ as a scoped name",
    ["-p", "05-rmp-scenarios:__proto__=1"],
    /05-rmp-scenarios: unknown parameter "__proto__"/,
  ],
  ["constructor as a name", ["05", "-p", "constructor=1"], /unknown parameter "constructor"/],
  ["prototype as a name", ["05", "-p", "prototype=1"], /unknown parameter "prototype"/],
  [
    "an unknown name, with the nearest suggested",
    ["05", "-p", "horizonMonth=30"],
    /unknown parameter "horizonMonth" \(did you mean "horizonMonths"\?\)/,
  ],
  ["an unknown notebook", ["99", "-p", "horizonMonths=30"], /unknown notebook "99"; notebooks: 00-data-tour/],
  [
    "NaN as text",
    ["05", "-p", "horizonMonths=NaN"],
    /expected a whole number between 6 and 36 \(months\), got a string "NaN"/,
  ],
  ["Infinity as text", ["05", "-p", "horizonMonths=Infinity"], /got a string "Infinity"/],
  ["an overflowing number", ["05", "-p", "horizonMonths=1e999"], /got Infinity/],
  ["-0", ["05", "-p", "tgaGrowthUsdBnPerMonth=-0"], /got -0 \(write 0\)/],
  [
    "a non-finite number in a list",
    ["05", "-p", "fanOrganicRangeUsdBnPerMonth=[-1e999,3]"],
    /got a list \[-Infinity,3\] \(at 0: -Infinity\)/,
  ],
  ["strings in a numeric list", ["05", "-p", 'fanOrganicRangeUsdBnPerMonth=["a","b"]'], /at 0: a string "a"/],
  ["null", ["05", "-p", "horizonMonths=null"], /got null/],
  [
    "a pair in the wrong order",
    ["05", "-p", "fanBandQuantiles=[0.9,0.1]"],
    /the first value must not exceed the second/,
  ],
  [
    "an unknown choice",
    ["05", "-p", "scheduleShape=weird"],
    /scheduleShape: expected one of "flat", "front-loaded", got a string "weird"/,
  ],
  [
    "a malformed date",
    ["00", "-p", "chartFromDate=garbage"],
    /chartFromDate: expected an ISO date .* got a string "garbage"/,
  ],
  ["an impossible date", ["00", "-p", "chartFromDate=2024-02-30"], /not an ISO date/],
  [
    "a date after the data",
    ["00", "-p", "chartFromDate=2099-01-01"],
    /inside the shipped data \(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\), got "2099-01-01"/,
  ],
  [
    "from after to",
    ["05", "-p", "curveFitFrom=2026-01-07", "-p", "curveFitTo=2022-01-05"],
    /curveFitFrom \(2026-01-07\) must be before curveFitTo \(2022-01-05\)/,
  ],
  ["an empty string", ["00", "-p", "chartFromDate="], /chartFromDate: expected an ISO date .* got a string ""/],
  [
    "a 10,000-character string",
    ["00", "-p", `chartFromDate=${"x".repeat(10_000)}`],
    /got a string "x{20,}… \(10002 characters\)/,
  ],
  [
    "a value with ; and Deno.exit()",
    ["05", "-p", "scheduleShape=flat; Deno.exit()"],
    /got a string "flat; Deno\.exit\(\)"/,
  ],
  [
    "a value with backticks and ${…}",
    ["05", "-p", "scheduleShape=`${Deno.exit()}`"],
    /got a string "`\$\{Deno\.exit\(\)\}`"/,
  ],
  ["a value with */ and a newline", ["05", "-p", "scheduleShape=*/\nconst x = 1"], /got a string "\*\/\\nconst x = 1"/],
  ["a wrong type in a date window", [
    "01",
    "-p",
    'debtLimitWindows=[{"id":"2023","from":"2023-06-03","to":"2023-01-19"}]',
  ], /from must be before to/],
  [
    "a series not in the list",
    ["04", "-p", 'eventSeriesIds=["GOLD"]'],
    /eventSeriesIds: expected a list of at least 1 distinct values from/,
  ],
  ["a malformed argument", ["05", "-p", "=3"], /malformed parameter "=3"/],
  [
    "a params file with a bad value",
    ["--params", paramsFile],
    /05-rmp-scenarios: horizonMonths: expected a whole number between 6 and 36/,
  ],
];

describe("bad overrides are refused before any kernel starts, and reports/ stays as it was", () => {
  it.each(CASES)("%s", async (_, args, message) => {
    if (args.includes(paramsFile)) {
      writeFileSync(paramsFile, JSON.stringify({ "05-rmp-scenarios": { horizonMonths: 99 } }));
    }
    const before = snapshot(out);
    const { code, err, log } = await run(args);
    expect(code, err).toBe(2);
    expect(err).toMatch(message);
    expect(log).not.toMatch(/started/);
    expect(executors).toEqual([]);
    expect(snapshot(out)).toEqual(before);
  });

  it("several bad values are reported one line each, naming the notebook", async () => {
    const { code, err } = await run(["-p", "horizonMonths=48", "-p", "chartFromDate=garbage"]);
    expect(code).toBe(2);
    expect(err.split("\n").filter((l) => /^(qtlab report: )?\d\d-[a-z-]+: /.test(l)).length).toBe(3);
  });
});
