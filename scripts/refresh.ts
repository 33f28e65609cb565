// qtlab data:refresh — update data/ from the publishers (FRED, Treasury TIC, TreasuryDirect), validated with
// the loaders' own parsers, written atomically with its provenance; a refused series stays as it was.
//
//   tsx scripts/refresh.ts [--series ID ...] [--dry-run] [--max-shrink 0.05] [--timeout 60]
//                          [--base-fred URL] [--base-tic URL] [--base-treasurydirect URL]
//                          [--data-dir DIR] [--retrieved YYYY-MM-DD] [--list]
//
// Base addresses also come from QTLAB_BASE_FRED, QTLAB_BASE_TIC and QTLAB_BASE_TREASURYDIRECT (flags win).
// Exit status: 0 when no series was refused, 1 when any was, 2 on a usage error.
import { formatReport, NetworkDownError, refresh, refreshDefaults } from "../lib/refresh/refresh.ts";
import { acquireLock, REFRESH_LOCK, RunRefused } from "../lib/report/runGuard.ts";
import { DEFAULT_DATA_DIR } from "../lib/data/manifest.ts";
import { join } from "node:path";
import { BASE_ENV, DEFAULT_BASES, type RefreshBases, SOURCES, sourceUrl } from "../lib/refresh/sources.ts";

const USAGE = `usage: tsx scripts/refresh.ts [options]
  --series ID ...            refresh only these files (stems such as WALCL, TIC_MFH_CHINA; default all)
  --dry-run                  print what would change, write nothing
  --max-shrink SHARE         refuse a series whose row count falls by more than SHARE (default ${refreshDefaults.maxShrink})
  --timeout SECONDS          time limit per download (default ${refreshDefaults.timeoutMs / 1000})
  --base-fred URL            FRED base address (default ${DEFAULT_BASES.fred}; env ${BASE_ENV.fred})
  --base-tic URL             Treasury TIC base address (default ${DEFAULT_BASES.tic}; env ${BASE_ENV.tic})
  --base-treasurydirect URL  TreasuryDirect base address (default ${DEFAULT_BASES.treasurydirect}; env ${BASE_ENV.treasurydirect})
  --data-dir DIR             data folder with manifest.json (default the project's data/)
  --retrieved YYYY-MM-DD     the date recorded as retrieved (default today, UTC)
  --list                     list the series and their download addresses, download nothing`;

function fail(message: string): never {
  console.error(`data:refresh: ${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const series: string[] = [];
const bases: Partial<RefreshBases> = {};
for (const key of Object.keys(BASE_ENV) as (keyof RefreshBases)[]) {
  const v = process.env[BASE_ENV[key]];
  if (v) bases[key] = v;
}
let dryRun = false;
let list = false;
let maxShrink = refreshDefaults.maxShrink;
let timeoutMs = refreshDefaults.timeoutMs;
let dataDir: string | undefined;
let retrieved = new Date().toISOString().slice(0, 10);

for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => {
    const v = args[++i];
    if (v === undefined || v.startsWith("--")) fail(`${a} needs a value`);
    return v;
  };
  switch (a) {
    case "--series":
      while (i + 1 < args.length && !args[i + 1].startsWith("--")) series.push(...args[++i].split(",").filter(Boolean));
      if (series.length === 0) fail("--series needs at least one id");
      break;
    case "--dry-run":
      dryRun = true;
      break;
    case "--list":
      list = true;
      break;
    case "--max-shrink": {
      maxShrink = Number(value());
      if (!(maxShrink >= 0 && maxShrink < 1)) fail("--max-shrink takes a share between 0 and 1, e.g. 0.05");
      break;
    }
    case "--timeout": {
      const s = Number(value());
      if (!(s > 0)) fail("--timeout takes a number of seconds");
      timeoutMs = s * 1000;
      break;
    }
    case "--base-fred":
      bases.fred = value();
      break;
    case "--base-tic":
      bases.tic = value();
      break;
    case "--base-treasurydirect":
      bases.treasurydirect = value();
      break;
    case "--data-dir":
      dataDir = value();
      break;
    case "--retrieved":
      retrieved = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(retrieved)) fail("--retrieved takes a date YYYY-MM-DD");
      break;
    case "-h":
    case "--help":
      console.log(USAGE);
      process.exit(0);
      break;
    default:
      fail(`unknown argument ${a}`);
  }
}

if (list) {
  const all = { ...DEFAULT_BASES, ...bases };
  for (const s of SOURCES) console.log(`${s.id.padEnd(32)} ${s.join.padEnd(8)} ${sourceUrl(s, all)}`);
  process.exit(0);
}

// One refresh at a time per data folder (a report run refuses to start while this lock is held).
let release = () => {};
if (!dryRun) {
  try {
    release = await acquireLock(join(dataDir ?? DEFAULT_DATA_DIR, REFRESH_LOCK), "the data folder", {
      notice: (l) => console.error(`data:refresh: ${l}`),
    });
  } catch (e) {
    if (e instanceof RunRefused) {
      console.error(`data:refresh: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
}
process.on("exit", () => release());
let reports;
try {
  reports = await refresh({
    retrieved,
    dataDir,
    series,
    bases,
    dryRun,
    maxShrink,
    timeoutMs,
    onReport: (r) => process.stderr.write(`  ${r.id}: ${r.status}\n`),
  });
} catch (e) {
  if (e instanceof NetworkDownError) {
    console.error(`data:refresh: ${e.message}`);
    process.exit(1);
  }
  fail((e as Error).message);
}
console.log(formatReport(reports, { dryRun, retrieved }));
process.exit(reports.some((r) => r.status === "refused") ? 1 : 0);
