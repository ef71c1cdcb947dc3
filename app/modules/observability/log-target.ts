import { isIPv4, isIPv6 } from "node:net";
import { maskForLog } from "~/modules/privacy/log.server";

/**
 * What an access line may say about a request's target and its sender. The query string is never written as it
 * came: lookups carry a phone number in it (`/api/v1/bookings/DY-…?phone=…`), searches what a person typed. Only
 * the names of its parameters are kept, without their values; the path is masked (a number typed into it).
 */

const maxPathLength = 300;
const maxQueryNames = 20;
const maxNameLength = 40;

export function loggableTarget(originalUrl: string): string {
  const at = originalUrl.indexOf("?");
  const rawPath = at < 0 ? originalUrl : originalUrl.slice(0, at);
  const path = maskForLog(rawPath.length > maxPathLength ? `${rawPath.slice(0, maxPathLength)}…` : rawPath);
  if (at < 0) return path;
  const names = originalUrl
    .slice(at + 1)
    .split("&")
    .filter(Boolean)
    .map((pair) => pair.split("=")[0].slice(0, maxNameLength));
  const listed = names.slice(0, maxQueryNames).map((name) => `${maskForLog(name)}=`);
  if (names.length > maxQueryNames) listed.push("…");
  return `${path}?${listed.join("&")}`;
}

/**
 * A client's network, never its address: an IPv4 address as its /24 (`203.0.113.0/24`), an IPv6 one as its /48.
 * Enough to see that many requests come from one place, not to tell who sent them.
 */
export function clientNetwork(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIPv4(v4)) return `${v4.split(".").slice(0, 3).join(".")}.0/24`;
  if (!isIPv6(address)) return undefined;
  const [head] = address.split("::");
  const groups = head.split(":").filter(Boolean);
  // Groups after "::" are the low ones; the first three (48 bits) are those before it, padded with zeros.
  const first = [...groups, "0", "0", "0"].slice(0, 3).map((g) => g.replace(/^0+(?=.)/, "").toLowerCase());
  return `${first.join(":")}::/48`;
}
