import { describe, expect, it } from "vitest";
import { clientNetwork, loggableTarget } from "./log-target";

describe("an access line's target", () => {
  it("keeps the query's names and drops every value: a lookup's phone never reaches the log", () => {
    expect(loggableTarget("/api/v1/bookings/DY-7K3Q-M9TD?phone=13812345678")).toBe("/api/v1/bookings/DY-7K3Q-M9TD?phone=");
    expect(loggableTarget("/search?q=%E8%BD%AE%E6%A4%85&page=2")).toBe("/search?q=&page=");
    expect(loggableTarget("/cinema/booking?reference=DY-7K3Q-M9TD&phone=138%201234%205678&")).toBe("/cinema/booking?reference=&phone=");
    expect(loggableTarget("/x?flag")).toBe("/x?flag=");
    expect(loggableTarget("/policies")).toBe("/policies");
  });

  it("masks a personal number typed into the path, percent-encoded or not", () => {
    expect(loggableTarget("/policies/138%201234%205678")).toBe("/policies/138****5678");
    expect(loggableTarget("/x/44180219900101123X?a=1")).toBe("/x/**************123X?a=");
  });

  it("stays short: a long path is cut, and at most twenty names are listed", () => {
    expect(loggableTarget(`/${"a".repeat(1000)}`).length).toBeLessThanOrEqual(302);
    const many = Array.from({ length: 30 }, (_, i) => `k${i}=v`).join("&");
    const target = loggableTarget(`/x?${many}`);
    expect(target.split("&")).toHaveLength(21);
    expect(target.endsWith("&…")).toBe(true);
  });
});

describe("an access line's client", () => {
  it("is the client's network, never its address", () => {
    expect(clientNetwork("203.0.113.57")).toBe("203.0.113.0/24");
    expect(clientNetwork("::ffff:192.168.1.20")).toBe("192.168.1.0/24");
    expect(clientNetwork("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toBe("2001:db8:85a3::/48");
    expect(clientNetwork("2001:db8::1")).toBe("2001:db8:0::/48");
    expect(clientNetwork("::1")).toBe("0:0:0::/48");
    expect(clientNetwork(undefined)).toBeUndefined();
    expect(clientNetwork("not an address")).toBeUndefined();
  });
});
