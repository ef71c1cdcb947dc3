import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { acceptsConnections, stopChild } from "./portal-server";

/** Debian's nginx (package nginx; .ci/run installs it). */
export const nginxBinary = "/usr/sbin/nginx";

export function nginxInstalled(): boolean {
  return fs.existsSync(nginxBinary);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The example site operators install (docs/operations.md, "Behind nginx with TLS"). */
export const shippedSite = path.join(root, "deploy/nginx.conf");

export interface SiteOptions {
  /** Loopback ports nginx listens on in place of 80 and 443. */
  httpPort: number;
  httpsPort: number;
  /** The portal's port, in place of 127.0.0.1:3000. */
  portalPort: number;
  certificate: string;
  certificateKey: string;
  accessLog: string;
  acmeRoot: string;
}

/**
 * deploy/nginx.conf as it would run on a machine, with only what differs in a test replaced: the ports (80 and
 * 443 become free loopback ports; the IPv6 listens go), the portal's address, the certificate, the log file, and
 * the folders on disk (the build's assets in this checkout). Every replaced value must still be in the file, and
 * no path outside the test's folder and this checkout may remain, so the test always runs the shipped file.
 */
export function siteFromExample(options: SiteOptions, example = fs.readFileSync(shippedSite, "utf8")): string {
  let site = example
    .split("\n")
    .filter((line) => !/^\s*listen \[::\]/.test(line))
    .join("\n");
  const replacements: Array<[string, string]> = [
    ["listen 80", `listen 127.0.0.1:${options.httpPort}`],
    ["listen 443", `listen 127.0.0.1:${options.httpsPort}`],
    ["server 127.0.0.1:3000;", `server 127.0.0.1:${options.portalPort};`],
    ["/etc/ssl/qingyuan-access/fullchain.pem", options.certificate],
    ["/etc/ssl/qingyuan-access/privkey.pem", options.certificateKey],
    ["/var/log/nginx/qingyuan-access.access.log", options.accessLog],
    ["/var/www/letsencrypt", options.acmeRoot],
    ["/srv/qingyuan-access/build/client/assets/", `${path.join(root, "build/client/assets")}/`],
  ];
  for (const [from, to] of replacements) {
    if (!site.includes(from)) throw new Error(`deploy/nginx.conf no longer contains "${from}": update tests/support/nginx.ts with it`);
    site = site.split(from).join(to);
  }
  const systemPath = /(^|[\s'"])\/(etc|var|srv|run|usr)\/\S*/m.exec(site.replace(/^\s*#.*$/gm, ""));
  if (systemPath) throw new Error(`deploy/nginx.conf names ${systemPath[0].trim()}, which the test does not replace: add it to tests/support/nginx.ts`);
  return site;
}

/**
 * The main configuration around the site, as Debian's /etc/nginx/nginx.conf has it (mime types, gzip on in the
 * http context), but in the foreground with a master and two workers, and every file in `dir`.
 */
function mainConfig(dir: string, sitePath: string): string {
  // As root the workers run as nobody (nginx's default), as www-data does on a real machine.
  return `daemon off;
master_process on;
worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    gzip on;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    access_log off;
    include ${sitePath};
}
`;
}

/** A throw-away self-signed certificate for `name`, made with openssl; its files in `dir`. */
export function selfSignedCertificate(dir: string, name: string): { certificate: string; certificateKey: string } {
  const certificate = path.join(dir, "cert.pem");
  const certificateKey = path.join(dir, "key.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", `/CN=${name}`, "-addext", `subjectAltName=DNS:${name}`, "-keyout", certificateKey, "-out", certificate],
    { stdio: "pipe" },
  );
  return { certificate, certificateKey };
}

export interface RunningNginx {
  child: ChildProcess;
  errorLog: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts nginx with `site` in `dir` (`nginx -c <dir>/nginx.conf -p <dir>`), after `nginx -t` has accepted the
 * configuration, and waits until it accepts connections on `port`.
 */
export async function startNginx(dir: string, site: string, port: number, timeoutMs = 20_000): Promise<RunningNginx> {
  const sitePath = path.join(dir, "site.conf");
  const confPath = path.join(dir, "nginx.conf");
  fs.writeFileSync(sitePath, site);
  fs.writeFileSync(confPath, mainConfig(dir, sitePath));
  // nginx's workers (nobody, when the test runs as root) create and use their temp folders in here.
  fs.chmodSync(dir, 0o755);
  const args = ["-c", confPath, "-p", `${dir}/`, "-e", path.join(dir, "error.log")];
  const check = spawnSync(nginxBinary, ["-t", ...args], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}${check.stdout}`);

  let output = "";
  const child = spawn(nginxBinary, args, { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const errorLog = () => {
    const file = path.join(dir, "error.log");
    return output + (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await acceptsConnections(port))) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}\n${errorLog()}`);
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} in ${timeoutMs} ms\n${errorLog()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    errorLog,
    // SIGQUIT: nginx's graceful shutdown (finish the requests in flight); SIGKILL if it is still there after 10 s.
    stop: () => stopChild(child, "SIGQUIT"),
  };
}
