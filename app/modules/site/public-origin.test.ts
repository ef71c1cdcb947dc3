import { publicOrigin } from "./public-origin";

describe("the site's public origin", () => {
  it("is unset by default and when blank", () => {
    expect(publicOrigin({})).toBeNull();
    expect(publicOrigin({ PUBLIC_ORIGIN: "  " })).toBeNull();
  });

  it("is the origin of the configured address, without a path or trailing slash", () => {
    expect(publicOrigin({ PUBLIC_ORIGIN: "https://access.example.gov.cn/" })).toBe("https://access.example.gov.cn");
    expect(publicOrigin({ PUBLIC_ORIGIN: "http://localhost:3000/en" })).toBe("http://localhost:3000");
  });

  it("ignores anything that is not an http(s) address rather than put it in a link", () => {
    expect(publicOrigin({ PUBLIC_ORIGIN: "access.example.gov.cn" })).toBeNull();
    expect(publicOrigin({ PUBLIC_ORIGIN: "javascript:alert(1)" })).toBeNull();
  });
});
