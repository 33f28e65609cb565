/**
 * The README's examples run: every `npm …` / `npx …` line in a fenced shell block of README.md is
 * executed here, through a fast path where the full run is not the point (`--check` validates a report
 * command's notebooks and assumptions and runs nothing; a data refresh is always a dry run; the notebook
 * server is started and stopped once it prints its URL). A README line no handler knows fails the test, so
 * the documentation cannot drift from the commands.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { node, tsArgs } from "./helpers/node.ts";

const root = join(import.meta.dirname, "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const readme = readFileSync(join(root, "README.md"), "utf8");

/** Every command line in the README's ```sh blocks, without its trailing comment. */
export function readmeCommands(text: string): string[] {
  const out: string[] = [];
  for (const block of text.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    for (const raw of block[1].split("\n")) {
      const line = raw.replace(/\s+#\s.*$/, "").trim();
      if (/^(QTLAB_\w+=\S+\s+)*(npm|npx)\s/.test(line)) out.push(line);
    }
  }
  return out;
}

const cwd = mkdtempSync(join(tmpdir(), "qtlab-readme-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
// The README's params-file example, with values every notebook accepts.
writeFileSync(join(cwd, "assumptions.json"), JSON.stringify({ "05-rmp-scenarios": { horizonMonths: 36 } }));
// Two recorded runs for the --diff example: one with every default, a later one with an override.
for (
  const [id, horizon, overridden] of [["2026-01-01T00-00-00.000Z", 24, []], ["2026-01-02T00-00-00.000Z", 36, [
    "horizonMonths",
  ]]] as const
) {
  mkdirSync(join(cwd, "reports", "runs", id), { recursive: true });
  const notebooks = [{
    notebook: "05-rmp-scenarios",
    status: "ok",
    seconds: 1,
    parameters: { horizonMonths: horizon },
    overridden,
    claims: [],
  }];
  writeFileSync(
    join(cwd, "reports", "runs", id, "manifest.json"),
    JSON.stringify({ id, startedAt: "", paramsFiles: [], commit: "x", versions: {}, dataFiles: {}, notebooks }),
  );
}

/** A path as one shell word (the project may live in a folder whose name holds spaces). */
const q = (path: string) => `'${path.replaceAll("'", "'\\''")}'`;

function bash(command: string, env: Record<string, string> = {}) {
  return spawnSync("bash", ["-c", command], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Run one README line through its fast path; returns what to assert. */
async function exercise(line: string): Promise<{ ok: boolean; detail: string }> {
  const env: Record<string, string> = {};
  let rest = line;
  for (const m of line.matchAll(/^(QTLAB_\w+)=(\S+)\s+/g)) {
    env[m[1]] = m[2];
    rest = rest.slice(m[0].length);
  }
  const report = /^npm run report(?:\s+--)?(\s.*)?$/.exec(rest);
  if (report) {
    const args = (report[1] ?? "").trim();
    const fast = /--list-params|--help|--diff/.test(args) ? "" : " --check";
    const out = join(cwd, "reports");
    const r = bash(
      `${q(node)} ${tsArgs(join(root, "scripts", "report.ts")).map(q).join(" ")} ${args}${fast}${
        /--diff/.test(args) ? ` --out ${q(out)}` : ""
      }`,
      env,
    );
    const diffOk = !/--diff/.test(args) || /assumption +05-rmp-scenarios horizonMonths: 24 → 36/.test(r.stdout);
    return { ok: r.status === 0 && diffOk, detail: `${r.status}\n${r.stdout}\n${r.stderr}` };
  }
  const refresh = /^npm run data:refresh(?:\s+--)?(\s.*)?$/.exec(rest);
  if (refresh) {
    const args = (refresh[1] ?? "").trim();
    const dry = /--list|--dry-run/.test(args) ? "" : " --dry-run";
    const r = bash(`${q(node)} ${tsArgs(join(root, "scripts", "refresh.ts")).map(q).join(" ")} ${args}${dry}`, env);
    // Offline (as in CI) a download stops at once with its reason; with a network it is a dry run.
    return {
      ok: r.status === 0 ||
        (r.status === 1 && /network|reach|resolve|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|offline/i.test(r.stdout + r.stderr)),
      detail: `${r.status}\n${r.stdout}\n${r.stderr}`,
    };
  }
  if (rest === "npm test") {
    const ci = readFileSync(join(root, ".ci", "run"), "utf8");
    return { ok: /^npm test$/m.test(ci), detail: ".ci/run runs exactly the README's test command" };
  }
  if (rest === "npm run setup") {
    const r = bash(`bash ${q(join(root, "scripts", "setup.sh"))}`, env);
    return { ok: r.status === 0, detail: `${r.status}\n${r.stdout}\n${r.stderr}` };
  }
  if (rest === "npm run typecheck") {
    const r = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", root], { encoding: "utf8" });
    return { ok: r.status === 0, detail: r.stdout };
  }
  if (rest === "npm run notebook") {
    const port = env.QTLAB_PORT ?? String(await freePort());
    const child = spawn("bash", [join(root, "scripts", "notebook.sh")], {
      cwd: root,
      env: { ...process.env, ...env, QTLAB_PORT: port },
      detached: true,
    });
    let text = "";
    const seen = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 60_000);
      const on = (d: Buffer) => {
        text += d.toString();
        if (new RegExp(`http://127\\.0\\.0\\.1:${port}/\\S*token=\\w+`).test(text)) {
          clearTimeout(timer);
          resolve(true);
        }
      };
      child.stdout.on("data", on);
      child.stderr.on("data", on);
      child.on("exit", () => resolve(false));
    });
    // Stop the server and wait for it to be gone (SIGKILL if it does not stop within 10 s).
    const gone = new Promise<void>((res) => (child.exitCode !== null ? res() : child.once("exit", () => res())));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 10_000);
    await gone;
    clearTimeout(killer);
    return { ok: seen, detail: text };
  }
  const tsxLine = /^npx tsx (scripts\/\S+)(\s.*)?$/.exec(rest);
  if (tsxLine) {
    const r = bash(`${q(tsx)} ${q(join(root, tsxLine[1]))} ${(tsxLine[2] ?? "").trim()}`, env);
    // Without arguments a script prints its usage; that is the example's point.
    return {
      ok: r.status === 0 || /usage/i.test(r.stdout + r.stderr),
      detail: `${r.status}\n${r.stdout}\n${r.stderr}`,
    };
  }
  if (/^npm run (bench|clean-notebooks)\b/.test(rest)) {
    // The bench takes minutes and has its own run; cleaning notebooks rewrites notebooks/: both are
    // checked to exist as scripts, and clean-notebooks in its check mode.
    const name = /^npm run (\S+)/.exec(rest)![1];
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    return { ok: name in pkg.scripts, detail: `package.json has "${name}"` };
  }
  return { ok: false, detail: `no handler for this README line: ${line}` };
}

describe("README.md: every example command runs", () => {
  const commands = readmeCommands(readme);
  it("the README has the two commands and examples to run", () => {
    expect(commands).toContain("npm run report");
    expect(commands).toContain("npm test");
    expect(commands.length).toBeGreaterThan(6);
  });
  it.each(commands)("%s", async (line) => {
    const { ok, detail } = await exercise(line);
    expect(ok, detail).toBe(true);
  }, 180_000);
});
