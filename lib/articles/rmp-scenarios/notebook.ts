/** Notebook 05's one entry point: load and validate the series, compute the article once, and its displays. */
import { statSync } from "node:fs";
import { relative } from "node:path";
import { DEFAULT_DATA_DIR, readManifest } from "../../data/manifest.ts";
import { loadEquity } from "../../data/equities.ts";
import { loadH15 } from "../../data/h15.ts";
import { loadH41 } from "../../data/h41.ts";
import { loadMacro } from "../../data/macro.ts";
import { articleNotebook } from "../../plot/articleNotebook.ts";
import { type ArticleDef, runArticle, seriesAsOf } from "../article.ts";
import { RMP_CLAIM_IDS, rmpClaims } from "./claims.ts";
import { computeRmp, type RmpData, type RmpResult } from "./compute.ts";
import { rmpParams } from "./params.ts";
import { rmpProse } from "./prose.ts";
import { rmpViews } from "./views.ts";

type LoadedRmpData = RmpData & {
  series: { seriesId: string; file: string; rows: readonly { date: string }[]; asOf: string }[];
};

/** Every series the article reads, each validated on load. */
export function loadRmpData(): LoadedRmpData {
  const s = {
    walcl: loadH41("WALCL"),
    treast: loadH41("TREAST"),
    mbs: loadH41("WSHOMCB"),
    wresbal: loadH41("WRESBAL"),
    currcir: loadH41("CURRCIR"),
    rrp: loadH41("RRPONTSYD"),
    iorb: loadH15("IORB"),
    sofr: loadH15("SOFR"),
    effr: loadH15("EFFR"),
    top: loadH15("DFEDTARU"),
    dgs3mo: loadH15("DGS3MO"),
    t10y2y: loadH15("T10Y2Y"),
    gdp: loadMacro("GDP"),
    deposits: loadMacro("DPSACBW027SBOG"),
    vix: loadEquity("VIXCLS"),
    sp500: loadEquity("SP500"),
    nasdaq: loadEquity("NASDAQCOM"),
  };
  return {
    inputs: {
      sofrPct: s.sofr.rows,
      effrPct: s.effr.rows,
      iorbPct: s.iorb.rows,
      targetUpperPct: s.top.rows,
      reservesUsdBn: s.wresbal.rows,
      totalAssetsUsdBn: s.walcl.rows,
      treasuriesUsdBn: s.treast.rows,
      mbsUsdBn: s.mbs.rows,
      gdpUsdBn: s.gdp.rows,
      depositsUsdBn: s.deposits.rows,
    },
    currencyUsdBn: s.currcir.rows,
    onRrpUsdBn: s.rrp.rows,
    vixIndex: s.vix.rows,
    sp500Index: s.sp500.rows,
    nasdaqIndex: s.nasdaq.rows,
    curve10y2yBp: s.t10y2y.rows,
    bill3mPct: s.dgs3mo.rows,
    targetUpperPct: s.top.rows,
    series: Object.values(s),
  };
}

export const rmpArticle: ArticleDef<typeof rmpParams.specs, ReturnType<typeof loadRmpData>, RmpResult> = {
  meta: {
    slug: "rmp-scenarios",
    notebook: "05-rmp-scenarios",
    title: "From QT to reserve management purchases: the 2026 scenarios against what happened",
    source: {
      author: "Wang Yongli",
      title: "The Fed's big turn: from QT to RMP — how will markets change in 2026?",
      publisher: "RootData",
      date: "2025-12-10",
      seed: "seeds/000_07c9020a4264f1cf.txt",
    },
    claimIds: RMP_CLAIM_IDS,
  },
  params: rmpParams,
  load: loadRmpDataOnce,
  seriesOf: (d) => d.series.map((x) => seriesAsOf(x)),
  compute: computeRmp,
  claims: rmpClaims,
};

/**
 * What names one load's files: per file, its provenance sha256 (data/manifest.json) and the file's inode,
 * size and modification time. A refresh rewrites a file (new inode and time) and its record.
 */
function dataIdentity(files: readonly string[]): string {
  const manifest = readManifest();
  return files.map((f) => {
    const st = statSync(f, { throwIfNoEntry: false });
    const sha = manifest.files[relative(DEFAULT_DATA_DIR, f)]?.sha256;
    return st ? `${f}:${sha}:${st.ino}:${st.size}:${st.mtimeMs}` : `${f}:missing`;
  }).join("\n");
}

let lastLoad: { identity: string; data: LoadedRmpData } | undefined;

/**
 * {@link loadRmpData}, reused while the files it read are unchanged: a rerun of the notebook's parameters
 * cell in the same kernel does not read, hash and parse the seventeen files again. The first load verifies
 * every file (sha256 against data/manifest.json) as always; a later call compares each file's provenance
 * record, inode, size and modification time with that load's and loads again on any difference.
 */
export function loadRmpDataOnce(): LoadedRmpData {
  if (lastLoad && dataIdentity(lastLoad.data.series.map((s) => s.file)) === lastLoad.identity) return lastLoad.data;
  const data = loadRmpData();
  lastLoad = { identity: dataIdentity(data.series.map((s) => s.file)), data };
  return data;
}

/** Forget the reused load (tests; the next {@link loadRmpDataOnce} reads every file again). */
export function forgetRmpData(): void {
  lastLoad = undefined;
}

/** Run the article with the notebook's values and return its displays. */
export function openRmp(values: Record<string, unknown>) {
  const run = runArticle(rmpArticle, values);
  return articleNotebook(run, rmpParams, rmpProse, rmpViews(run));
}
