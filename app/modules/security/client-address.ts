/**
 * A client address as the audit log keeps it: enough to see that attempts came from one network, not enough to
 * name a household. IPv4 keeps its first three parts (203.0.113.x), IPv6 its first three groups (2001:db8:1::/48).
 */
export function maskClientAddress(address: string): string {
  const value = address.trim();
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(value);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.x`;
  if (value === "::1") return value;
  if (value.includes(":")) {
    const [head] = value.split("::");
    const groups = (value.includes("::") ? head.split(":").filter(Boolean) : value.split(":")).slice(0, 3);
    while (groups.length < 3) groups.push("0");
    return `${groups.join(":")}::/48`;
  }
  // "local", "unknown": nothing personal to hide.
  return /^[a-z]+$/i.test(value) ? value : "?";
}
