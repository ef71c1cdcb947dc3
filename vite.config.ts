/// <reference types="vitest/config" />
import fs from "node:fs";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { configDefaults } from "vitest/config";
import remixOptions from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// Native addons stay outside Vite's dependency optimiser and the SSR bundle.
const nativeDeps = ["@node-rs/jieba", "@node-rs/argon2", "better-sqlite3", "hnswlib-node", "@langchain/community", "pg"];

// Resource routes (API, CSV, iCalendar: no default export) have no browser code, yet Remix v2's Vite plugin still
// gives each one a client chunk, which comes out empty (remix-run/remix#9055, closed unfixed when Remix v2 was
// sun-set; React Router 7 no longer emits them, docs/decisions/0010). Rollup's "Generated an empty chunk" for
// those is expected and not printed; an empty chunk of any other module still warns.
const sanitizedChunkName = (file: string) => file.replace(/\.tsx?$/, "").replace(/[\0-\x1f"#$%&*+,:;<=>?[\]^`{|}\x7f]/g, "_");
const resourceRouteChunks = new Set(
  fs
    .readdirSync("app/routes")
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => !/^export default\b/m.test(fs.readFileSync(`app/routes/${file}`, "utf8")))
    .map(sanitizedChunkName),
);

// Database tests run twice: on SQLite (the "unit" project) and on a throw-away PostgreSQL cluster. The
// cluster needs Debian's postgresql package; .ci/run installs it. Without it the PostgreSQL run is skipped, loudly.
const postgresAvailable = fs.existsSync("/usr/lib/postgresql");
if (process.env.VITEST && !postgresAvailable) {
  console.warn("⚠️  PostgreSQL is not installed (apt-get install postgresql): database tests run on SQLite only.");
}
const databaseTests = [
  "app/modules/{db,feedback,security,staff,cinema,lending,assistant,centre,privacy,messages,withdrawal,content,flows,home-modification}/**/*.test.ts",
  "tests/integration/**/*.test.ts",
];

export default defineConfig({
  plugins: [!process.env.VITEST && remix(remixOptions), tsconfigPaths()],
  optimizeDeps: { exclude: nativeDeps },
  ssr: { external: nativeDeps },
  build: {
    target: "es2020",
    sourcemap: process.env.SOURCEMAP === "1",
    rollupOptions: {
      onwarn(warning, warn) {
        if (warning.code === "EMPTY_BUNDLE" && (warning.names ?? []).every((name) => resourceRouteChunks.has(name))) return;
        warn(warning);
      },
    },
  },
  test: {
    // Unit and integration tests run in Node; browser tests drive Debian's Chromium against the built server.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
          environment: "node",
          globals: true,
        },
      },
      ...(postgresAvailable
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: databaseTests,
                // The assistant's question sets read no database: grading them once, in "unit", is enough.
                exclude: [...configDefaults.exclude, "tests/integration/chat-eval.test.ts"],
                environment: "node",
                globals: true,
                globalSetup: ["tests/support/postgres-global-setup.ts"],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          // One browser file at a time: they share one server, and the machine has two cores.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // expect.poll waits for what the page shows (a list filtered, a choice applied) up to 10 s, not vitest's
          // default 1 s: under a full run's load a React Aria popover once took longer than that to fill.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
