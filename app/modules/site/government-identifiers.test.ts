import { governmentIdentifiers, hasGovernmentIdentifiers } from "./government-identifiers";

describe("the government-site identifiers of the footer", () => {
  it("are all empty by default, so the footer shows none", () => {
    const ids = governmentIdentifiers({});
    expect(ids).toEqual({ sponsor: null, siteCode: null, icp: null, publicSecurity: null, conacUrl: null });
    expect(hasGovernmentIdentifiers(ids)).toBe(false);
    // Blank settings count as unset.
    expect(hasGovernmentIdentifiers(governmentIdentifiers({ SITE_SPONSOR: "  ", SITE_ICP_NUMBER: "" }))).toBe(false);
  });

  it("come from the environment, the filing numbers linked to their registries", () => {
    const ids = governmentIdentifiers({
      SITE_SPONSOR: "清远市残疾人联合会",
      SITE_IDENTIFIER_CODE: "4418000023",
      SITE_ICP_NUMBER: "粤ICP备12345678号",
      SITE_PUBLIC_SECURITY_NUMBER: " 粤公网安备 44180202000123号 ",
      SITE_CONAC_URL: "https://bszs.conac.cn/sitename?method=show&id=ABC123",
    });
    expect(ids).toEqual({
      sponsor: "清远市残疾人联合会",
      siteCode: "4418000023",
      icp: { text: "粤ICP备12345678号", href: "https://beian.miit.gov.cn/" },
      publicSecurity: { text: "粤公网安备 44180202000123号", href: "https://beian.mps.gov.cn/#/query/webSearch?code=44180202000123" },
      conacUrl: "https://bszs.conac.cn/sitename?method=show&id=ABC123",
    });
    expect(hasGovernmentIdentifiers(ids)).toBe(true);
  });

  it("link only what can be linked: a public-security number without digits, or a CONAC address that is not https", () => {
    const ids = governmentIdentifiers({ SITE_PUBLIC_SECURITY_NUMBER: "待备案", SITE_CONAC_URL: "javascript:alert(1)" });
    expect(ids.publicSecurity).toEqual({ text: "待备案", href: null });
    expect(ids.conacUrl).toBeNull();
  });
});
