/**
 * The employment-security levy's band (残疾人就业保障金, 2023–2027: 财政部公告2023年第8号) for an employer whose
 * conversation says how many staff it has and how many of them are disabled: exempt (30 staff or fewer), 50% of the
 * levy (a share of at least 1%), 90% (below 1%), or at the national minimum share (1.5%: Guangdong's own ratio is
 * for its current rules to say). Read from the masked text; only counts of staff, never a personal number. Pure.
 *
 * The band picks the corpus's own sentence for it (compose.server.ts); the assistant never computes a sum.
 */

export type LevyBand = "exempt" | "half" | "ninety" | "quota";

const digits: Record<string, number> = { 零: 0, 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "120", "一", "两", "十" (small counts in words). */
function countOf(word: string): number | null {
  if (/^\d{1,6}$/.test(word)) return Number(word);
  return digits[word] ?? null;
}

const count = String.raw`(\d{1,6}|[一两二三四五六七八九十])`;
/** 120个员工, 员工120人, 职工总数45人, 45 employees, a staff of 45. */
const staffPatterns = [
  new RegExp(String.raw`${count}\s*(?:个|名|位)?\s*(?:员工|职工|工人|雇员|人的(?:公司|企业|单位|厂))`, "u"),
  new RegExp(String.raw`(?:员工|职工|工人|在职职工)(?:总数|人数)?(?:有|是|共|一共)?\s*${count}\s*(?:个|名|位)?人?`, "u"),
  /\b(\d{1,6})\s+(?:employees|staff|workers|people on (?:the )?payroll)\b/i,
  /\bstaff of\s+(\d{1,6})\b/i,
];
/** 1个残疾人, 残疾员工2名, 3 disabled employees. */
const disabledPatterns = [
  new RegExp(String.raw`${count}\s*(?:个|名|位)\s*残疾(?:人|员工|职工|工人)?`, "u"),
  new RegExp(String.raw`残疾(?:员工|职工|工人|人)(?:有|是|共|只有|招了)?\s*${count}\s*(?:个|名|位)`, "u"),
  /\b(\d{1,6})\s+disabled\s+(?:employees?|staff|workers?|people|persons?)\b/i,
];
/** No disabled staff at all (没有残疾员工, 一个残疾人都没招, no disabled staff). */
const noneDisabled = /(?:没有|没|未|无)(?:招|招过|招收|安排|雇|请)?(?:任何)?残疾(?:人|员工|职工|工人)|一个残疾(?:人|员工|职工)?都没|\bno disabled (?:staff|employees|workers|people)\b|\bnot? (?:a single|any) disabled\b/iu;

function firstCount(text: string, patterns: RegExp[]): number | null {
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    const n = m ? countOf(m[1]) : null;
    if (n !== null) return n;
  }
  return null;
}

/** A share the employer states of itself ("我们公司安排比例是1.2%", "our disabled staff came to only about 0.8%"). */
const statedShare = [
  /(?:我们|我司|本公司|公司|单位|厂)[^，。？?]{0,8}?(?:安排)?(?:比例|占比)(?:是|为|有|只有|才|大概|大约|约|只)?\s*(\d+(?:\.\d+)?)\s*%/u,
  /\b(?:our|we)\b[^.?!]{0,60}?\b(?:came to|come to|is|are|at|of|only|about|around)\s+(?:only\s+)?(?:about\s+|around\s+)?(\d+(?:\.\d+)?)\s*%/i,
];

function bandOfShare(share: number): LevyBand {
  if (share >= 0.015) return "quota";
  return share >= 0.01 ? "half" : "ninety";
}

/**
 * The band the text's counts put an employer in, or null when it does not say both (a headcount of 30 or fewer is
 * enough), nor a share of its own.
 */
export function levyBand(text: string): LevyBand | null {
  const normalized = text.normalize("NFKC");
  const staff = firstCount(normalized, staffPatterns);
  if (staff === null) {
    for (const pattern of statedShare) {
      const m = pattern.exec(normalized);
      if (m) return bandOfShare(Number(m[1]) / 100);
    }
  }
  if (staff === null || staff <= 0) return null;
  if (staff <= 30) return "exempt";
  const disabled = noneDisabled.test(normalized) ? 0 : firstCount(normalized, disabledPatterns);
  if (disabled === null || disabled > staff) return null;
  return bandOfShare(disabled / staff);
}

/** The corpus's sentence for each band (employment-security-fund.md, 三、2023年至2027年的减免政策; the guide's list). */
export const levyBandSentence: Record<LevyBand, RegExp> = {
  exempt: /30人（含）以下|30人\(含\)以下/u,
  half: /50%/u,
  ninety: /90%/u,
  quota: /不得(?:少于|低于)[^，。；]{0,12}1\.5%/u,
};

/** The documents that state the bands, and the one that states the formula the band's share is of. */
export const levyDocuments = new Set(["employment-security-fund", "employer-quota-employment-guide"]);
export const levyFormulaDocument = "employment-security-fund";
/** The formula's line: "残保金 =（上年用人单位在职职工人数 × …）× 上年用人单位在职职工年平均工资". */
export const levyFormula = /残保金\s*=/u;

/** The glossary's term for the levy: a question that names it (残保金, levy) asks about it. */
export const levyTerm = "残疾人就业保障金";

/** A question about a levy already paid ("去年已经按全额交了呢", "多缴了能退吗"): its band is not what it asks. */
export const levyPaid = /已经|已(?:按|交|缴)|多交|多缴|退还|退回|退钱|\balready paid\b|\boverpaid\b|\brefund/iu;
