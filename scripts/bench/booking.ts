/**
 * `npm run bench:booking`: bookings per second and latency of POST /api/v1/screenings/:id/bookings under
 * concurrent load, on this machine.
 *
 * 1. A throw-away SQLite database: migrated, seeded, plus enough screenings that the load never runs out of
 *    seats (each screening of the seeded hall has 58 ordinary seats; requests fill one screening after another,
 *    so ten connections always compete for the same screening's seats).
 * 2. The built portal on a free loopback port through scripts/start.mjs (SKIP_BUILD=1 when the build is current),
 *    with RATE_LIMIT_PER_MINUTE=0.
 * 3. autocannon: 10 connections for 10 s (BENCH_CONNECTIONS / BENCH_SECONDS override), one ticket per request.
 * 4. Prints bookings/s, p50/p95/p99 latency and the 201/409 counts, checks no seat was sold twice, stops the server
 *    and merges the figures into bench/results.json under "booking".
 */
import { startPostgres } from "../../tests/support/postgres";
import { startPortal, type PortalServer } from "../../tests/support/portal-server";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createScreening, getScreening, seedHallId } from "~/modules/cinema/index.server";
import { migrateToLatest, openDatabase } from "~/modules/db/index.server";
import { seedDatabase } from "~/modules/operations/seed.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const connections = Number(process.env.BENCH_CONNECTIONS) || 10;
const seconds = Number(process.env.BENCH_SECONDS) || 10;
const screeningCount = Number(process.env.BENCH_SCREENINGS) || 400;

/** The same rule as scripts/start.mjs: the build is stale when any source is newer than the server bundle. */
function buildIsCurrent(): boolean {
  const output = path.join(root, "build/server/index.js");
  if (!fs.existsSync(output)) return false;
  let latest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const p of ["app", "public", "vite.config.ts", "remix.config.js", "package.json", "tsconfig.json"]) visit(path.join(root, p));
  return latest <= fs.statSync(output).mtimeMs;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function prepareDatabase(url: string): Promise<{ ids: string[]; capacity: number }> {
  const conn = openDatabase(url);
  try {
    await migrateToLatest(conn.db);
    await seedDatabase(conn.db);
    const now = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < screeningCount; i++) {
      const startsAt = new Date(now + (10 + i) * 86_400_000);
      const screening = await createScreening(conn.db, { id: null, username: "bench" }, {
        hallId: seedHallId,
        title: { zh: `压测场次${i + 1}`, en: `Load test ${i + 1}` },
        synopsis: { zh: "", en: "" },
        durationMinutes: 100,
        audioDescription: true,
        captions: true,
        signLanguage: false,
        startsAt: startsAt.toISOString(),
        bookingOpensAt: new Date(now - 3_600_000).toISOString(),
        bookingClosesAt: new Date(startsAt.getTime() - 2 * 3_600_000).toISOString(),
      });
      ids.push(screening.id);
    }
    const capacity = (await getScreening(conn.db, ids[0])).ordinarySeatsAvailable;
    return { ids, capacity };
  } finally {
    await conn.db.destroy();
  }
}

async function countClaims(url: string, ids: string[]): Promise<{ bookings: number; seats: number; distinctSeats: number }> {
  const conn = openDatabase(url);
  try {
    const bookings = await conn.db.selectFrom("cinema_bookings").select((eb) => eb.fn.countAll<number>().as("n")).where("screening_id", "in", ids).executeTakeFirstOrThrow();
    const claims = await conn.db.selectFrom("cinema_booking_seats").select(["screening_id", "seat_id"]).where("screening_id", "in", ids).execute();
    return {
      bookings: Number(bookings.n),
      seats: claims.length,
      distinctSeats: new Set(claims.map((c) => `${c.screening_id}/${c.seat_id}`)).size,
    };
  } finally {
    await conn.db.destroy();
  }
}

async function main() {
  const onPostgres = process.env.BENCH_DATABASE === "postgres";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-bench-booking-"));
  const pg = onPostgres ? await startPostgres() : null;
  const databaseUrl = pg ? pg.adminUrl : `file:${path.join(dir, "portal.sqlite")}`;
  let portal: PortalServer | null = null;
  try {
    console.log(`→ preparing a throw-away database with ${screeningCount} screenings`);
    const { ids, capacity } = await prepareDatabase(databaseUrl);

    const current = process.env.SKIP_BUILD === "1" || buildIsCurrent();
    console.log(`→ starting the portal${current ? " (build is current)" : " (building first)"}`);
    portal = await startPortal({ DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: "0", ...(current ? { SKIP_BUILD: "1" } : {}) }, 300_000);
    const baseUrl = portal.url;

    // Warm up: the first requests pay for module loading and statement preparation.
    for (let i = 0; i < 5; i++) {
      await fetch(`${baseUrl}/api/v1/screenings/${ids[ids.length - 1]}/bookings`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: `预热${i}`, phone: "13800138000", tickets: 1 }),
      });
    }

    console.log(`→ autocannon: ${connections} connections, ${seconds} s, POST /api/v1/screenings/:id/bookings (1 ticket each)`);
    let sent = 0;
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const instance = autocannon({
      url: baseUrl,
      connections,
      duration: seconds,
      requests: [
        {
          method: "POST",
          setupRequest: (request: Record<string, unknown>) => {
            const n = sent++;
            const id = ids[Math.min(Math.floor(n / capacity), ids.length - 2)];
            return {
              ...request,
              path: `/api/v1/screenings/${id}/bookings`,
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ name: `压测${n}`, phone: "13800138000", tickets: 1 }),
            };
          },
        },
      ],
    });
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
    const result = await instance;

    latencies.sort((a, b) => a - b);
    const created = statuses.get(201) ?? 0;
    const conflicts = statuses.get(409) ?? 0;
    const others = [...statuses.entries()].filter(([code]) => code !== 201 && code !== 409);
    const duration = result.duration || seconds;
    const claims = await countClaims(databaseUrl, ids.slice(0, -1));
    const figures = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
      database: onPostgres ? "postgresql 15 (local cluster, fsync off)" : "sqlite (file, WAL)",
      connections,
      durationSeconds: round(duration, 2),
      requests: latencies.length,
      bookingsPerSecond: round(created / duration),
      requestsPerSecond: round(latencies.length / duration),
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies[latencies.length - 1] ?? 0),
      },
      status: { "201": created, "409": conflicts, ...Object.fromEntries(others.map(([code, n]) => [String(code), n])) },
      errors: result.errors,
      timeouts: result.timeouts,
      seatsSoldTwice: claims.seats - claims.distinctSeats,
      bookingsInDatabase: claims.bookings,
    };

    console.log("");
    console.log(`bookings/s        ${figures.bookingsPerSecond}  (${figures.requestsPerSecond} requests/s)`);
    console.log(`latency p50/p95/p99  ${figures.latencyMs.p50} / ${figures.latencyMs.p95} / ${figures.latencyMs.p99} ms (max ${figures.latencyMs.max} ms)`);
    console.log(`201 ${created}   409 ${conflicts}${others.length ? `   other ${others.map(([c, n]) => `${c}×${n}`).join(" ")}` : ""}   errors ${result.errors}   timeouts ${result.timeouts}`);
    console.log(
      `seats sold twice  ${figures.seatsSoldTwice}   bookings in the database ${claims.bookings} (201 answers ${created}; requests still in flight when the run stopped are booked but not counted)`,
    );

    const resultsFile = path.join(root, "bench/results.json");
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    let results: Record<string, unknown> = {};
    try {
      results = JSON.parse(fs.readFileSync(resultsFile, "utf8")) as Record<string, unknown>;
    } catch {
      // first run, or an unreadable file: start afresh
    }
    const key = onPostgres ? "bookingPostgres" : "booking";
    results[key] = figures;
    fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`→ written to ${path.relative(root, resultsFile)} (key "${key}")`);
    if (figures.seatsSoldTwice !== 0 || others.some(([code]) => code >= 500)) process.exitCode = 1;
  } finally {
    await portal?.stop();
    pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
