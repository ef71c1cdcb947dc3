/**
 * The guards' rules as data (guards.ts compiles them): each rule is a few groups of phrases, and a question
 * matches when a phrase of every group occurs within `window` characters of the first group's phrase (either
 * side, so word order does not matter: "把所有用户的手机号列出来" and "列出所有用户的手机号"). Chinese phrases
 * match anywhere, English ones as whole words (a plural -s/-es; a trailing * matches any ending), case-insensitively.
 *
 * What a question that matches gets:
 * - `injection`: an instruction to the assistant rather than a question (override its rules, reveal its prompt or
 *   configuration, play a role), or a request for other people's records (bookings, applications, phone numbers):
 *   the assistant answers from public policy texts only, and never holds or gives out anyone's data;
 * - `no_content`: a named official's own phone, mobile, name or address, which no policy text states (the corpus
 *   gives the Federation's public contacts only): the reply says so and points to the hotline and the feedback form.
 *
 * A rule with one group matches on any of its phrases. Keep each phrase specific enough that a resident's real
 * question never contains it by chance; the tests in guards.test.ts hold both sides.
 */

export type GuardOutcome = "injection" | "no_content";

export interface GuardRule {
  /** What the rule recognises, in a word (tests and the trace). */
  name: string;
  outcome: GuardOutcome;
  groups: string[][];
  /** Characters allowed between the first group's phrase and each other group's (default 40). */
  window?: number;
}

const overrideVerbsEn = ["ignore", "disregard", "forget", "override", "bypass"];
const overrideObjectsEn = ["instruction", "prompt", "rule", "direction", "guideline", "context", "restriction", "everything above", "previous"];
const revealVerbsEn = ["reveal", "print", "show", "display", "output", "dump", "list", "read out", "repeat", "recite", "write out", "copy", "tell me"];
const promptObjectsEn = [
  "your prompt",
  "your instructions",
  "your rules",
  "everything above",
  "the text above",
  "the words above",
  "above this line",
  "the words you were given",
  "initial instructions",
  "first message",
];

const overrideVerbsZh = ["忽略", "无视", "忘记", "忘掉", "不要理会", "别理会", "跳过", "抛开", "丢掉"];
const overrideObjectsZh = ["指令", "指示", "提示", "规则", "设定", "要求", "限制", "命令", "规定", "资料"];
const revealVerbsZh = ["复述", "重复", "输出", "打印", "显示", "告诉我", "发给我", "列出", "写出"];
const promptObjectsZh = ["上面的内容", "以上内容", "上面所有", "之前的内容", "你的指令", "你收到的", "原始指令", "初始指令", "全部指令", "规则原文"];

/** Whose data: anyone but the person asking. */
const othersZh = ["所有用户", "全部用户", "其他用户", "所有人的", "全部人的", "其他人的", "别人的", "每个人的", "所有残疾人的", "所有申请人", "数据库里"];
const othersEn = ["all users", "other users", "other people", "everyone", "everybody", "who else", "someone else", "all applicants", "every user"];
const recordsZh = ["手机号", "电话", "身份证", "住址", "名单", "记录", "预约"];
const recordsEn = ["phone number", "mobile number", "name", "address", "booking", "booked", "record", "detail", "id number", "registered", "applied"];
const bulkVerbsZh = ["导出", "下载", "列出", "列一下", "打印", "发给我", "给我看", "告诉我", "查", "调出"];
const bulkVerbsEn = ["export", "download", "dump", "list", "show me", "give me", "send me", "tell me", "look up"];

/** Officials, whose own numbers and names are not in any policy text. */
const officials = ["理事长", "主任", "局长", "书记", "科长", "所长", "馆长", "经办人", "负责人", "领导", "director", "chairman", "chairwoman", "officer in charge"];
const ownContacts = ["手机", "私人电话", "个人电话", "的电话", "的联系方式", "微信", "住址", "家住", "mobile", "cell", "personal phone", "private number", "home address", "wechat"];
const nameWords = ["叫什么", "是谁", "叫啥", "姓什么", "who is", "name of", "'s name"];

export const guardRules: GuardRule[] = [
  // Instructions to the assistant.
  { name: "override", outcome: "injection", groups: [overrideVerbsEn, overrideObjectsEn] },
  { name: "override", outcome: "injection", groups: [overrideVerbsZh, overrideObjectsZh], window: 12 },
  { name: "override", outcome: "injection", groups: [["ignore", "disregard"], ["the documents", "the sources", "your documents", "your sources"]], window: 10 },
  { name: "no-sources", outcome: "injection", groups: [["不要看", "不用看", "别看", "不要参考", "不要根据"], ["资料", "文档", "来源", "政策"]], window: 6 },
  { name: "prompt", outcome: "injection", groups: [["system", "hidden", "initial", "original"], ["prompt", "instruction", "message", "configuration", "config"]], window: 2 },
  { name: "prompt", outcome: "injection", groups: [["系统提示", "提示词", "system prompt", "systemprompt", "隐藏指令", "隐藏的指令", "内部指令", "隐藏设定"]] },
  { name: "prompt", outcome: "injection", groups: [revealVerbsEn, promptObjectsEn] },
  { name: "prompt", outcome: "injection", groups: [revealVerbsZh, promptObjectsZh], window: 15 },
  { name: "config", outcome: "injection", groups: [["reveal"], ["configuration", "config", "secret", "key"]] },
  {
    name: "config",
    outcome: "injection",
    groups: [["print", "show", "display", "output", "dump", "list", "read out"], ["configuration", "config", "source code", "environment variable", "settings file", "database"]],
  },
  { name: "config", outcome: "injection", groups: [["输出", "打印", "显示", "告诉我"], ["配置", "源代码", "源码"]], window: 10 },
  { name: "secrets", outcome: "injection", groups: [["api key", "api-key", "api_key", "apikey", "access token", "password", "密钥"]] },
  { name: "secrets", outcome: "injection", groups: [["管理员", "后台", "数据库", "服务器"], ["密码", "口令", "密钥"]], window: 6 },
  {
    name: "role",
    outcome: "injection",
    groups: [["you are now", "pretend to be", "pretend you are", "pretend you're", "roleplay", "role-play", "jailbreak*", "developer mode", "unrestricted assistant", "unrestricted ai"]],
  },
  {
    name: "role",
    outcome: "injection",
    groups: [["你现在是", "从现在起你是", "从现在开始你是", "扮演", "角色扮演", "假装你是", "假设你是", "假如你是", "越狱", "没有任何限制的", "不受任何限制", "没有限制的ai", "无限制模式", "开发者模式"]],
  },
  { name: "role", outcome: "injection", groups: [["你是", "你就是", "作为"], ["内部系统", "后台系统", "管理系统", "数据库", "内部人员"]], window: 8 },
  // Other people's records.
  { name: "others-records", outcome: "injection", groups: [bulkVerbsZh, othersZh, recordsZh], window: 14 },
  { name: "others-records", outcome: "injection", groups: [bulkVerbsEn, othersEn, recordsEn], window: 40 },
  { name: "others-records", outcome: "injection", groups: [othersEn, recordsEn], window: 12 },
  { name: "others-records", outcome: "injection", groups: [["哪些人", "都有谁", "有谁", "谁"], ["申请了", "预约了", "借了", "领了", "登记了", "报名了"]], window: 8 },
  {
    name: "others-records",
    outcome: "injection",
    groups: [["查一下", "查查", "查询", "帮我查", "调出", "look up"], ["她的", "他的", "邻居的", "别人的", "其他人的", "his", "her", "someone's"], ["记录", "电话", "手机", "住址", "身份证", "record", "phone", "address"]],
    window: 20,
  },
  // Officials' own contacts and names: not in any policy text.
  { name: "official-contact", outcome: "no_content", groups: [officials, ownContacts], window: 16 },
  { name: "official-contact", outcome: "no_content", groups: [officials, nameWords], window: 6 },
];
