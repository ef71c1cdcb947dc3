/**
 * What a Chinese government website shows at the foot of every page: 主办单位, 网站标识码, the ICP filing number
 * with its link to the MIIT filing system, the public-security filing number with its link to that record,
 * and the link behind the 党政机关网站标识. Only the operator knows them, so they are configuration
 * (README, "Configuration"), empty by default, and the footer shows only those that are set.
 */
export interface GovernmentIdentifiers {
  /** 主办单位: "清远市残疾人联合会". */
  sponsor: string | null;
  /** 网站标识码: "4418000023". */
  siteCode: string | null;
  /** ICP备案号: "粤ICP备12345678号", linked to the MIIT filing system. */
  icp: { text: string; href: string } | null;
  /** 公安机关备案号: "粤公网安备44180202000123号", linked to its record in the MPS filing system (found by its digits). */
  publicSecurity: { text: string; href: string | null } | null;
  /** The address of the site's 党政机关网站标识 (the CONAC certificate page). */
  conacUrl: string | null;
}

type Env = Record<string, string | undefined>;

const miitFilingSystem = "https://beian.miit.gov.cn/";
/** The MPS filing system finds a record by the number's digits. */
const publicSecurityRecord = (digits: string) => `https://beian.mps.gov.cn/#/query/webSearch?code=${digits}`;

const setting = (env: Env, name: string): string | null => env[name]?.trim() || null;

/** Only an https:// address is linked: anything else in the setting is ignored rather than put in an href. */
function httpsUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    return new URL(value).protocol === "https:" ? value : null;
  } catch {
    return null;
  }
}

export function governmentIdentifiers(env: Env = process.env): GovernmentIdentifiers {
  const icp = setting(env, "SITE_ICP_NUMBER");
  const publicSecurity = setting(env, "SITE_PUBLIC_SECURITY_NUMBER");
  const digits = publicSecurity?.replace(/\D/g, "") ?? "";
  return {
    sponsor: setting(env, "SITE_SPONSOR"),
    siteCode: setting(env, "SITE_IDENTIFIER_CODE"),
    icp: icp ? { text: icp, href: miitFilingSystem } : null,
    publicSecurity: publicSecurity ? { text: publicSecurity, href: digits ? publicSecurityRecord(digits) : null } : null,
    conacUrl: httpsUrl(setting(env, "SITE_CONAC_URL")),
  };
}

/** Whether the footer has any of them to show. */
export const hasGovernmentIdentifiers = (ids: GovernmentIdentifiers) => Object.values(ids).some((value) => value !== null);
