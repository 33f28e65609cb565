import { defineConfig } from "vitest/config";

// Charts are snapshotted with a fixed time zone; nothing in a test reads the clock or the network.
process.env.TZ = "UTC";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: { TZ: "UTC" },
  },
});
