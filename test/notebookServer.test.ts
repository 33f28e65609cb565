/**
 * `npm run notebook`: Jupyter on 127.0.0.1 only, behind its token, with the qtlab kernel available and
 * the notebooks folder as its root.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { networkInterfaces } from "node:os";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../lib/report/run.ts";

const port = 18_000 + Math.floor(Math.random() * 1000);
let server: ChildProcess;
let url = "";

/** Resolves true if a TCP connection to host:port opens. */
function canConnect(host: string, p: number): Promise<boolean> {
  return new Promise((done) => {
    const s = connect({ host, port: p, timeout: 1000 });
    s.on("connect", () => (s.destroy(), done(true)));
    s.on("error", () => done(false));
    s.on("timeout", () => (s.destroy(), done(false)));
  });
}

beforeAll(async () => {
  server = spawn("bash", [join(PROJECT_ROOT, "scripts", "notebook.sh")], {
    env: { ...process.env, QTLAB_PORT: String(port) },
    detached: true,
  });
  let log = "";
  url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL printed in 30 s:\n${log}`)), 30_000);
    const read = (d: Buffer) => {
      log += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(log);
      if (m) (clearTimeout(timer), done(m[1]));
    };
    server.stdout!.on("data", read);
    server.stderr!.on("data", read);
  });
}, 40_000);

afterAll(() => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
});

describe("npm run notebook", () => {
  test("prints a 127.0.0.1 URL carrying a token", () => {
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?token=[0-9a-f]{32,}$`));
  });

  test("the API refuses requests without the token", async () => {
    const r = await fetch(`http://127.0.0.1:${port}/api/kernelspecs`);
    expect(r.status).toBe(403);
  });

  test("with the token: the qtlab kernel is the default, on the project's own deno", async () => {
    const token = new URL(url).searchParams.get("token");
    const r = await fetch(`http://127.0.0.1:${port}/api/kernelspecs`, { headers: { Authorization: `token ${token}` } });
    const specs = (await r.json()) as {
      default: string;
      kernelspecs: Record<string, { spec: { argv: string[]; display_name: string } }>;
    };
    expect(specs.default).toBe("qtlab");
    expect(specs.kernelspecs.qtlab.spec.display_name).toBe("qtlab (Deno)");
    expect(specs.kernelspecs.qtlab.spec.argv[0]).toBe(join(PROJECT_ROOT, "node_modules", "deno", "deno"));
    const contents =
      (await (await fetch(`http://127.0.0.1:${port}/api/contents`, { headers: { Authorization: `token ${token}` } }))
        .json()) as { content: { name: string }[] };
    expect(contents.content.map((c) => c.name)).toContain("00-data-tour.ipynb");
  });

  test("listens on the loopback only: not reachable on the machine's other addresses", async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === "IPv4" && !a.internal)
      .map((a) => a!.address);
    for (const address of others) expect(await canConnect(address, port), address).toBe(false);
    expect(await canConnect("127.0.0.1", port)).toBe(true);
  });
});
