import { spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startPortal, type PortalServer } from "../support/portal-server";
import { nginxBinary, nginxInstalled, selfSignedCertificate, siteFromExample, startNginx, type RunningNginx } from "../support/nginx";
import { testDatabaseUrl } from "../support/test-db";

/**
 * The shipped nginx site (deploy/nginx.conf) in front of the real portal, as docs/operations.md deploys it: Debian's
 * nginx with TLS (a throw-away certificate) on a loopback port, the portal with TRUST_PROXY=1 and two workers.
 * Everything goes through nginx as a browser's request would: pages, the API, forms and their origin check, Secure
 * cookies and HSTS, the client address the rate limits count, body limits, the hashed assets, and the access log.
 * CI installs nginx (.ci/run); where it is missing these tests fail in CI and are skipped, loudly, elsewhere.
 */
const runHere = nginxInstalled() || Boolean(process.env.CI);
if (!runHere) console.warn("⚠️  nginx is not installed (apt-get install nginx): the nginx smoke test (tests/e2e/nginx-proxy.test.ts) does not run.");

const siteName = "portal.example.org";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

describe.runIf(runHere)("the portal behind Debian's nginx (deploy/nginx.conf)", () => {
  let dir: string;
  let portal: PortalServer;
  let nginx: RunningNginx;
  let httpsPort: number;
  let httpPort: number;
  let certificate: string;
  let accessLog: string;
  /** The site's origin as a browser on it writes it (the test's port in place of 443). */
  let origin: string;

  beforeAll(async () => {
    if (!nginxInstalled()) throw new Error("nginx is not installed: .ci/run installs Debian's nginx (apt-get install nginx)");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-nginx-"));
    portal = await startPortal({
      DATABASE_URL: await testDatabaseUrl(),
      TRUST_PROXY: "1",
      WEB_CONCURRENCY: "2",
      SKIP_BUILD: "1",
      RATE_LIMIT_PER_MINUTE: "3",
    });
    [httpPort, httpsPort] = [await freePort(), await freePort()];
    const cert = selfSignedCertificate(dir, siteName);
    certificate = fs.readFileSync(cert.certificate, "utf8");
    accessLog = path.join(dir, "access.log");
    fs.mkdirSync(path.join(dir, "acme"));
    const site = siteFromExample({
      httpPort,
      httpsPort,
      portalPort: Number(new URL(portal.url).port),
      certificate: cert.certificate,
      certificateKey: cert.certificateKey,
      accessLog,
      acmeRoot: path.join(dir, "acme"),
    });
    nginx = await startNginx(dir, site, httpsPort);
    origin = `https://${siteName}:${httpsPort}`;
  }, 240_000);

  afterAll(async () => {
    await nginx?.stop();
    await portal?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * One request through nginx over TLS, as a browser at https://portal.example.org sends it (SNI and Host name the
   * site; the throw-away certificate is the only one trusted), on a connection of its own from `from`: a loopback
   * address standing for the client's machine.
   */
  function viaNginx(pathname: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; from?: string } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const body = init.body === undefined ? undefined : Buffer.from(init.body);
      const req = https.request(
        {
          host: "127.0.0.1",
          port: httpsPort,
          servername: siteName,
          ca: certificate,
          agent: false,
          localAddress: init.from ?? "127.0.0.1",
          method: init.method ?? "GET",
          path: pathname,
          headers: { Host: `${siteName}:${httpsPort}`, ...(body ? { "Content-Length": String(body.length) } : {}), ...init.headers },
        },
        (res) => collect(res, resolve, reject),
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  /** A request straight to the portal, past nginx. */
  function direct(pathname: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${portal.url}${pathname}`, { agent: false, method: init.method ?? "GET", headers: init.headers }, (res) => collect(res, resolve, reject));
      req.on("error", reject);
      req.end(init.body);
    });
  }

  function collect(res: http.IncomingMessage, resolve: (a: Answer) => void, reject: (e: Error) => void) {
    const chunks: Buffer[] = [];
    res.on("data", (c: Buffer) => chunks.push(c));
    res.on("error", reject);
    res.on("end", () => {
      const body = Buffer.concat(chunks);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString("utf8") });
    });
  }

  /** The access log's line for a request nginx has answered: nginx writes it once the answer is sent. */
  async function accessLogLine(containing: string): Promise<string> {
    for (let i = 0; ; i++) {
      const line = fs.readFileSync(accessLog, "utf8").split("\n").find((l) => l.includes(containing));
      if (line) return line;
      if (i > 500) throw new Error(`no access log line with ${containing}:\n${fs.readFileSync(accessLog, "utf8")}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const form = (fields: Record<string, string>) => ({
    "Content-Type": "application/x-www-form-urlencoded",
    body: new URLSearchParams(fields).toString(),
  });
  const postFeedback = (from: string, headers: Record<string, string> = {}, message = "经过 nginx 的留言") => {
    const { body, ...type } = form({ topic: "other", message });
    return viaNginx("/feedback", { method: "POST", from, body, headers: { ...type, Origin: origin, ...headers } });
  };

  it("serves the home page in Chinese and in English over TLS, with HSTS, from two workers", async () => {
    const home = await viaNginx("/");
    expect(home.status).toBe(200);
    expect(home.headers["content-type"]).toMatch(/^text\/html/);
    expect(home.text).toMatch(/<html[^>]* lang="zh-CN"/);
    expect(home.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(home.headers["content-security-policy"]).toContain("script-src 'self' 'nonce-");
    const english = await viaNginx("/en");
    expect(english.status).toBe(200);
    expect(english.text).toMatch(/<html[^>]* lang="en"/);
    // Straight to the portal over plain http: no HSTS.
    expect((await direct("/")).headers["strict-transport-security"]).toBeUndefined();
    expect(portal.output()).toContain("2 workers");
  });

  it("serves a policy page compressed by the portal, with its strong ETag, and 304 to a revalidation", async () => {
    const page = await viaNginx("/policies/barrier-free-environment-law", { headers: { "Accept-Encoding": "gzip" } });
    expect(page.status).toBe(200);
    expect(page.headers["content-encoding"]).toBe("gzip");
    const etag = page.headers.etag;
    expect(etag).toMatch(/^"[^"]+\.gz"$/);
    const again = await viaNginx("/policies/barrier-free-environment-law", { headers: { "Accept-Encoding": "gzip", "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    const plain = await viaNginx("/policies/barrier-free-environment-law");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.text).toContain("中华人民共和国无障碍环境建设法");
  });

  it("answers the health check of the JSON API", async () => {
    const health = await viaNginx("/api/v1/health");
    expect(health.status).toBe(200);
    expect(health.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(health.text)).toMatchObject({ status: "ok", database: "sqlite" });
  });

  it("accepts a form posted from the site's own origin and refuses another origin, or the site's http twin, with 403", async () => {
    const own = await postFeedback("127.0.0.5");
    expect(own.status).toBe(302);
    expect(own.headers.location).toMatch(/^\/feedback\/sent\?ref=/);
    const foreign = await postFeedback("127.0.0.5", { Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.text).toContain("不接受来自其他网站的提交");
    const plainTwin = await postFeedback("127.0.0.5", { Origin: `http://${siteName}:${httpsPort}` });
    expect(plainTwin.status).toBe(403);
  });

  it("makes cookies Secure over TLS, whatever X-Forwarded-Proto the client sends; straight over http they are not", async () => {
    const { body, ...type } = form({ textSize: "150" });
    const viaTls = await viaNginx("/settings", { method: "POST", from: "127.0.0.6", body, headers: { ...type, Origin: origin, "X-Forwarded-Proto": "http" } });
    expect(viaTls.status).toBe(302);
    const cookie = String(viaTls.headers["set-cookie"]);
    expect(cookie).toMatch(/^display=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(viaTls.headers["strict-transport-security"]).toBe("max-age=31536000");
    const plain = await direct("/settings", { method: "POST", body, headers: { ...type, Origin: portal.url } });
    expect(plain.status).toBe(302);
    expect(String(plain.headers["set-cookie"])).not.toMatch(/;\s*Secure/i);
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
  });

  it("rate-limits the client address nginx saw, not one the client claims in X-Forwarded-For", async () => {
    // Both clients reach the portal from nginx's own address; only the X-Forwarded-For nginx appends tells them apart.
    // The limit is 3 a minute in fixed windows: 7 posts hold 4 in one window even if they straddle two.
    const statuses: number[] = [];
    while (statuses.length < 7 && !statuses.includes(429)) {
      statuses.push((await postFeedback("127.0.0.2", { "X-Forwarded-For": `198.51.100.${statuses.length + 1}` })).status);
    }
    expect(statuses.slice(0, 3)).toEqual([302, 302, 302]);
    expect(statuses.at(-1)).toBe(429);
    expect((await postFeedback("127.0.0.3")).status).toBe(302);
  });

  it("lets the portal answer an oversized form with its own page, and refuses a body larger than any route takes", async () => {
    const overForm = await postFeedback("127.0.0.7", {}, "长".repeat(12_000));
    expect(overForm.status).toBe(413);
    expect(overForm.text).toContain("提交的内容太多");
    const overAll = await postFeedback("127.0.0.7", {}, "x".repeat(300 * 1024));
    expect(overAll.status).toBe(413);
    expect(overAll.text).not.toContain("提交的内容太多");
    expect((await viaNginx("/api/v1/health")).status).toBe(200);
  });

  it("redirects plain http to https, and gives a host it does not serve no answer", async () => {
    const redirect = await new Promise<Answer>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port: httpPort, path: "/policies?page=2", agent: false, headers: { Host: siteName } }, (res) => collect(res, resolve, reject))
        .on("error", reject);
    });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`https://${siteName}/policies?page=2`);
    const stranger = await new Promise<string>((resolve) => {
      http
        .get({ host: "127.0.0.1", port: httpPort, path: "/", agent: false, headers: { Host: "evil.example" } }, () => resolve("answered"))
        .on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(stranger).toBe("ECONNRESET");
  });

  it("serves the hashed assets from the build with a year's immutable caching", async () => {
    const home = await viaNginx("/");
    const asset = /\/assets\/[^"]+\.js/.exec(home.text)?.[0];
    expect(asset).toBeDefined();
    const answer = await viaNginx(asset!);
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(answer.body.equals(fs.readFileSync(path.join(__dirname, "../../build/client", decodeURIComponent(asset!))))).toBe(true);
    const gzipped = await viaNginx(asset!, { headers: { "Accept-Encoding": "gzip" } });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    const missing = await viaNginx("/assets/no-such-file-abc123.js");
    expect(missing.status).toBe(404);
    expect(missing.headers["cache-control"]).toBeUndefined();
  });

  it("fits Debian's own /etc/nginx/nginx.conf in place of its sites-enabled (nginx -t)", () => {
    const stock = fs.readFileSync("/etc/nginx/nginx.conf", "utf8");
    expect(stock).toContain("include /etc/nginx/sites-enabled/*;");
    const main = path.join(dir, "debian-nginx.conf");
    // Its logs and pid file go to the test's folder, so nginx -t needs no root.
    const here = stock
      .replace("include /etc/nginx/sites-enabled/*;", `include ${path.join(dir, "site.conf")};`)
      .replaceAll("/var/log/nginx/", `${dir}/debian-`)
      .replace(/^pid .*$/m, `pid ${dir}/debian-nginx.pid;`);
    fs.writeFileSync(main, here);
    const check = spawnSync(nginxBinary, ["-t", "-c", main, "-e", path.join(dir, "debian-error.log")], { encoding: "utf8" });
    expect(check.status, check.stderr).toBe(0);
  });

  it("logs each request with its request id, but never a query string or a booking's token: no phone number, no key to a booking", async () => {
    const lookup = await viaNginx("/api/v1/bookings/DY-ZZZZ-ZZZZ?phone=13912345678", { from: "127.0.0.8" });
    expect(lookup.status).toBe(404);
    const line = await accessLogLine("/api/v1/bookings/DY-ZZZZ-ZZZZ");
    expect(line).toMatch(/^127\.0\.0\.8 /);
    expect(line).toMatch(/ [0-9a-f]{32}$/);
    expect(fs.readFileSync(accessLog, "utf8")).not.toContain("13912345678");
    // A booking's own pages carry its access token in the path: the log keeps the reference, never the token.
    const token = "tokenThatOpensTheBooking0123456789";
    await viaNginx(`/en/cinema/booking/DY-ZZZZ-ZZZZ/${token}/ticket`, { from: "127.0.0.8" });
    const ticket = await accessLogLine("/ticket ");
    expect(ticket).toContain('"GET /en/cinema/booking/DY-ZZZZ-ZZZZ/-/ticket HTTP/1.1"');
    await viaNginx(`/cinema/booking/DY-ZZZZ-ZZZZ/${token}`, { from: "127.0.0.8" });
    await accessLogLine('"GET /cinema/booking/DY-ZZZZ-ZZZZ/- HTTP/1.1"');
    expect(fs.readFileSync(accessLog, "utf8")).not.toContain(token);
    expect(nginx.errorLog()).not.toMatch(/\[(emerg|alert|crit)\]/);
  });
});
