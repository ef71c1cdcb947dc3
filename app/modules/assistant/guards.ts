import { maskPersonalData, type MaskResult } from "~/modules/privacy/mask";

/**
 * What happens to a question before anything is stored or searched: invisible characters out, a length
 * cap, personal numbers masked (and remembered only as kinds, to tell the person), instruction-injection and
 * off-topic questions recognised. Pure: no I/O.
 */

export const maxQuestionLength = 500;

/** Every way a question gets no answer. */
export const noAnswerStatuses = ["no_content", "off_topic", "injection", "too_long", "personal_data_only", "error"] as const;
export type NoAnswerStatus = (typeof noAnswerStatuses)[number];
export type AnswerStatus = "answered" | NoAnswerStatus;

export type PersonalDataKind = MaskResult["found"][number];

/**
 * Format characters (zero-width spaces and joiners, bidi controls, the BOM, soft hyphens, tag characters
 * U+E0000–E007F …: Unicode category Cf) and control characters other than line breaks and tabs. They can
 * hide text from a reviewer or smuggle instructions; they never carry meaning in a question.
 */
const invisible = /[\p{Cf}\u2028\u2029\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
/** Variation selectors: also invisible, and useless in a question. */
const variationSelectors = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g;

export function stripInvisible(text: string): string {
  return text.replace(invisible, "").replace(variationSelectors, "");
}

/** Invisible characters removed, runs of spaces collapsed, trimmed, NFC. */
export function cleanQuestion(raw: string): string {
  return stripInvisible(raw.normalize("NFC"))
    .replace(/[ \t\u3000]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function questionLength(text: string): number {
  return [...text].length;
}

const injectionPatterns: RegExp[] = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompts?|rules|directions|guidelines|context)\b/i,
  /\b(system|hidden|initial|original)\s+(prompt|instructions?|message|configuration|config)\b/i,
  /\breveal\b.{0,40}\b(prompt|instructions?|configuration|config|secrets?|keys?)\b/i,
  /\b(api[\s_-]?keys?|access\s+tokens?|passwords?)\b/i,
  /\byou\s+are\s+now\b|\bact\s+as\b|\bpretend\s+(to\s+be|you\s+are)\b|\bjailbreak|\bdeveloper\s+mode\b|\bDAN\b/i,
  /(忽略|无视|忘记|忘掉|不要理会|跳过).{0,12}(指令|指示|提示|规则|设定|要求|限制|命令)/,
  /(系统|隐藏|初始)?提示词|系统提示|system\s*prompt/i,
  /你现在是|从现在起你是|扮演|角色扮演|越狱|没有(任何)?限制|不受(任何)?限制|开发者模式/,
  /(管理员|后台|数据库|服务器).{0,6}(密码|口令|密钥)|密钥|(输出|打印|显示|告诉我).{0,10}(配置|源代码|源码)/,
];

/** Topics the portal's assistant does not cover. Only decisive when the question has no disability topic. */
const offTopicPatterns: RegExp[] = [
  /天气|气温|下雨|下雪|台风|空气质量|weather|forecast|temperature/i,
  /股市|股票|基金|涨停|跌停|大盘|比特币|加密货币|汇率|外汇|\bstocks?\b|share\s+price|exchange\s+rate|bitcoin|crypto|forex/i,
  /彩票|双色球|中奖号码|lottery|lotto/i,
  /笑话|段子|脑筋急转弯|\bjokes?\b|\briddles?\b/i,
  /菜谱|食谱|做菜|炒菜|烹饪|红烧|怎么煮|怎么炒|\brecipes?\b|\bcook(ing)?\b|\bbake\b/i,
  /写代码|代码|编程|程序员|python|javascript|typescript|java\b|sql\b|\bcode\b|\bprogram(ming)?\b|\bscript\b/i,
  /写诗|作诗|写一首|唱首歌|歌词|写小说|\bpoems?\b|\blyrics\b|\bsong\b|\bstory\b/i,
  /世界杯|足球|篮球|比赛结果|谁会赢|奥运|world\s+cup|football|soccer|basketball|\bwho\s+will\s+win\b/i,
  /星座|算命|运势|风水|塔罗|horoscope|fortune|astrology/i,
];

/** Words that make a question the assistant's business, whatever else it mentions. */
const domainPattern =
  /残|补贴|补助|津贴|康复|无障碍|辅具|辅助器具|盲|聋|哑|轮椅|助听|低保|护理|评定|就业|教育|特教|手语|残联|政策|法规|证件|借阅|口述影像|disab|allowance|subsid|rehab|wheelchair|hearing|blind|deaf|certificate|federation|accessib/i;

export function looksLikeInjection(text: string): boolean {
  return injectionPatterns.some((p) => p.test(text));
}

export function looksOffTopic(text: string): boolean {
  return !domainPattern.test(text) && offTopicPatterns.some((p) => p.test(text));
}

/** What is left of a masked question without its masked numbers and punctuation. */
function withoutMaskedNumbers(masked: string): string {
  return masked
    .replace(/\*{3,}[\dXx]{0,4}|\d{3}\*{4}\d{4}/g, " ")
    .replace(/[\p{P}\p{S}\s]+/gu, " ")
    .trim();
}

/** Words that carry no question by themselves ("我的手机号是…，身份证…"). */
const fillerOnly =
  /^(?:我的?|你的?|是|号码?|手机号?|电话号?码?|联系电话|身份证号?|残疾人?证号?|银行卡号?|卡号|证号|my|is|number|phone|mobile|id|card|bank|certificate|and|the|登记|谢谢|请|您好|你好|\s)*$/i;

export type GuardResult =
  | { ok: false; status: "too_long" | "empty"; length: number }
  | {
      ok: true;
      /** Cleaned and masked: the only form of the question that is stored, logged or searched. */
      masked: string;
      personalData: PersonalDataKind[];
      /** Set when the question gets no search at all. */
      refusal: "injection" | "off_topic" | "personal_data_only" | null;
    };

/**
 * Cleaning drops invisible characters and collapses spaces, so a question may be longer before it than after;
 * but not this much longer. Past this the question is refused before any work on the whole text.
 */
const maxRawLength = maxQuestionLength * 8;

export function guardQuestion(raw: string): GuardResult {
  if (raw.length > maxRawLength) return { ok: false, status: "too_long", length: raw.length };
  const cleaned = cleanQuestion(raw);
  const length = questionLength(cleaned);
  if (length === 0) return { ok: false, status: "empty", length };
  if (length > maxQuestionLength) return { ok: false, status: "too_long", length };
  const { text: masked, found } = maskPersonalData(cleaned);
  let refusal: "injection" | "off_topic" | "personal_data_only" | null = null;
  if (looksLikeInjection(masked)) refusal = "injection";
  else if (found.length && fillerOnly.test(withoutMaskedNumbers(masked))) refusal = "personal_data_only";
  else if (looksOffTopic(masked)) refusal = "off_topic";
  return { ok: true, masked, personalData: found, refusal };
}
