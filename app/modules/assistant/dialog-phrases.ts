import type { Scheme } from "./eligibility";
import type { Phrase } from "./eligibility-phrases";

/**
 * How people refer to the benefits, ask "can I get it", lean on an earlier question ("那护理补贴呢？",
 * "要带什么材料？") or answer one the assistant asked ("需要", "不是"): the data dialog.server.ts reads.
 * Matched against normalised text (simplified, half-width, lower case); strings as they are (English on word
 * boundaries), RegExps where a gap is needed.
 */

/** Names of the benefits the rules decide. */
export const schemePhrases: Record<Scheme | "both", Phrase[]> = {
  nursingAllowance: ["重度残疾人护理补贴", "护理补贴", "护理补助", "护理费", "照护补贴", "nursing allowance", "care allowance", "nursing subsidy", "care subsidy"],
  livingAllowance: [
    "困难残疾人生活补贴", "生活补贴", "生活补助", "生活费补贴", "困难补贴", "living allowance", "living subsidy", "hardship allowance",
  ],
  childRehab: [
    "残疾儿童康复救助", "儿童康复救助", "康复救助", "儿童康复", "康复补助", "康复训练补贴", "child rehabilitation", "rehabilitation assistance",
    "rehabilitation help", "rehab help", "rehab assistance", "rehabilitation support",
  ],
  both: ["两项补贴", "两补", "两个补贴", "两种补贴", "两样补贴", "two subsidies", "two allowances", "both allowances", "both subsidies"],
};

/** Words for benefits in general: with a "can I get" they ask for every scheme that fits. */
export const benefitWords: Phrase[] = [
  "补贴", "补助", "津贴", "福利", "待遇", "救助", "帮扶", "什么钱", "哪些钱", "领钱",
  "benefits", "benefit", "allowances", "allowance", "subsidies", "subsidy", "financial help", "financial support", "money", "support",
];

/** "Can I / who can get it": the question is about eligibility. */
export const eligibilityIntent: Phrase[] = [
  "能不能", "能否", "可不可以", "可以吗", "行不行", "够不够", "有没有份", "算不算", "有资格", "资格", "符合", "够条件", "条件",
  /能.{0,6}(?:领|申请|享受|拿|办|评)/, /可以.{0,6}(?:领|申请|享受|拿|办)/, /(?:领|申请|享受|拿)得?(?:到|了)/, /有(?:什么|哪些|啥)(?:补贴|补助|福利|待遇|钱)/,
  /(?:什么|哪些|哪几种|啥)(?:补贴|补助|福利|待遇|救助|帮扶|照顾政策)/, /给不给/, /有没有(?:补贴|补助|福利|救助)/, /有(?:补贴|补助|救助|福利)吗/,
  "有份", "有我的份", "轮得到", "够格", /能(?:拿|领)[^，。？?]{0,8}不[？?。]?$/,
  // Cantonese: 可唔可以, 得唔得, 有冇, 有咩补贴.
  "可唔可以", "得唔得", "能唔能", "有冇", /有(?:咩|乜|乜嘢)(?:补贴|补助|福利|救助|帮助)/,
  /\beligib/, /\bqualif/, /\bentitled\b/, /\bcan (?:i|we|he|she|they|my \w+|a [\w\s-]{1,30}?|someone|people|anyone) (?:get|apply|receive|claim|have)\b/, /\bam i able\b/,
  /\bwhat (?:benefits|allowances|subsidies|can)\b/,
  // "What help can I get?" asks who qualifies; "what help does it give?" asks what the benefit includes.
  /\bwhat (?:help|support)\b(?!\s+does\b)/, /\bwho can\b/, /\bcould (?:i|we|he|she) get\b/,
];

/** What a question asks about a topic. The key is stored with the turn; the phrases find it. */
export const aspectPhrases: Record<string, Phrase[]> = {
  materials: ["材料", "带什么", "带哪些", "带啥", "要啥", "准备什么", "准备啥", "证件", "资料", "手续", "documents", "paperwork", "bring", "papers"],
  where: [
    // "去哪做康复" asks where the service is received after approval (the procedure's 定点机构), not where to apply.
    // ("钱打到哪里" asks how the money is paid: `payment`.)
    /(?<!(?:打|发|转|汇)到)(?:哪里|哪儿|在哪|去哪)(?!(?:里|儿)?做|家医院|个医院)/u, "什么地方", "有没有地方", "地址", "窗口", "受理机关", "受理部门", "办理机关", "哪个机关", "哪个部门", "什么部门", "哪个单位", "找谁", "找哪里", "where", "address", "office",
    // "能在广州申请吗", "可以在这边办吗": whether it can be done there is a question of where.
    // ("能不能在这边再申请配一台" asks whether it may be had again: 重复配置.)
    /(能|可以|可不可以|能不能)就?在[^，。？?\s再]{1,6}(申请|办|领|换|补)/u,
  ],
  // Where the service itself is received, after approval ("批了以后去哪做康复", "机构能自己挑吗"): the designated
  // providers and who chooses them, not the office that takes the application.
  provider: [
    /(?:哪里|哪儿|在哪|去哪)(?:里|儿)?做/u, "哪家机构", "哪个机构", "什么机构", "哪些机构", /(?:哪家|哪个|什么|哪些)医院/u, "定点", /自己(?:挑|选)/u, "选机构", "挑机构",
    /\b(?:which|choose|pick)\b[\w\s]{0,20}\b(?:centre|center|provider|clinic)s?\b/,
  ],
  // How the money is paid ("钱打到哪里", "发到什么卡上"): the sentence that says it goes to the person's bank account.
  payment: [/(?:打|发|转|汇)到(?:哪里|哪儿|哪|什么|哪个)/u, "怎么发钱", "钱怎么发", "怎么发放", "怎么打钱", "打到卡", "paid into", "how is it paid", "how is the money paid"],
  // From which month the money counts ("上个月的钱还有没有", "会补发吗"): the rule that says 从申请当月起.
  start: [
    /(?:上个?月|前几个月|之前|以前|前面|批下来之前)的(?:钱|补贴)/u, "补发", "补回", "从哪个月", "哪个月开始", "从什么时候开始", "什么时候开始算", "开始算", "起算", "计发",
    "back pay", "backdated", "from when", "which month",
  ],
  // 怎么办 after a thing one applies for ("残疾证怎么办") asks how to apply; after a situation ("不能出门怎么办",
  // "证丢了怎么办") it asks what to do, which the situation's own words find.
  how: ["怎么申请", "如何申请", "怎么办理", /(证|补贴|补助|救助|手续|评定|鉴定|改造|借用|适配)怎么办/u, /怎么办(残疾人?证|借阅证|证)/u, "如何办理", "怎么弄", "流程", "步骤", "程序", "办理", /(?<!重新|再次|再)申请/u, "how do", "how to", "how can", "process", "steps", "apply"],
  time: [
    "多久", "几耐", "多长时间", "几天", /多少个?(?:天|工作日|星期|礼拜|月|年)|几个工作日/u, "什么时候", "何时", "时间", "到账", "上班", "开门", "几点", "星期六", "星期天", "星期日", "周六", "周日", "周末",
    "节假日", "期限", "how long", "how many days", "how many weeks", "how many months", "how soon", "within", "deadline", "when", "opening hours", "open",
  ],
  proxy: ["代办", "代理", "委托", "代为", "本人去", "亲自去", "家属去", "家人去", "家里人去", "叫家里人", "让家里人", "叫家人", "让家人", "叫人帮", "找人帮",
    /(?:帮|替)(?:我|他|她|老人|我妈|我爸)(?:去|办|跑)/u, /(?:儿子|女儿|子女|孩子|老伴)(?:帮|替|代)/u,
    // "是他自己去办还是我这个当妈的去", "奶奶能帮忙去办吗": who goes to apply.
    /自己(?:去|来)?(?:办|申请)?还是/u, /(?:当妈|当爸|家长|父母|监护人)的?(?:去|来|代|帮)/u, "帮忙去办", "帮忙办", "帮忙申请", "帮忙去",
    /(?:爷爷|奶奶|外婆|外公|姥姥|姥爷|亲戚|邻居|亲属)[^，。？?]{0,3}(?:帮|替|代)/u, "someone else", "on behalf", "for him", "for her", "apply for me", "in person", "instead of me"],
  age: ["几岁", "多大", "年龄", "岁以内", "岁以下", "how old", "what age", "age limit"],
  cost: ["收费", "收不收", "要钱", "要不要钱", "交钱", "花钱", "掏钱", "付钱", "出钱", "使唔使钱", "费用", "免费", "交学费", "收学费", "免票", "cost", "fee", "free", "pay", "charge"],
  online: ["网上", "线上", "手机上", "小程序", "online", "internet"],
  contact: ["电话", "联系", "咨询", "问谁", "phone", "contact", "call", "who do i ask", "who can i ask"],
  decides: ["谁审核", "谁审批", "谁决定", "谁定", "由谁", "谁拍板", "谁来批", "谁批", "谁审", /(?:哪些|哪个|什么)部门(?:来)?(?:审|批)/u, "who decides", "who approves"],
  // (Not "多少天内", "多少人": a time, a count.)
  amount: ["多少钱", /多少(?!个?(?:天|工作日|星期|礼拜|月|年|人|次|岁|名|家|小时|分钟))/u, "几块", "标准", "how much", "amount"],
  calculation: ["怎么算", "如何算", "怎么计算", "如何计算", "计算", "算法", "公式", "how is it calculated", "calculate", "calculation", "formula"],
  booking: ["预约", "订票", "订座", "订位", "抢票", "怎么订", "订得上", "订得到", "订上", "能订", "book", "booking", "reserve", "reservation"],
  together: ["一起领", "一起拿", "一起申请", "同时领", "同时拿", "同时申请", "同时享受", "都能领", "都可以领", "两个都", "两项都", "都能拿", "只能领一", "只能拿一", "只能选一", "二选一", "either one", "only one of", "at the same time", "both at once", "together"],
  conditions: ["什么条件", "啥条件", "哪些条件", "条件", "资格", "符合什么", "requirements", "requirement", "eligibility", "criteria"],
  content: ["包括", "包含", "内容", "哪些帮助", "什么帮助", "能得到", "提供什么", /(?:能|会)?管(?:不管)?(?:配|做|买|装|报)/u, "包不包括", "管不管", /\bwhat does it (?:include|cover)\b/, "what help", "include", "cover"],
  // Which law says so ("这个是哪个法规规定的？第几条？"): the sentence that names the law and its article.
  basis: [
    /(?:哪个|哪部|哪条|哪一条|什么|哪些)(?:法规|法律|条例|规定|文件|政策|法)/u, "哪个法规", "哪部法规", "什么法规", "哪个法律", "哪部法律", "什么法律", "哪条法律", "哪个条例", "哪条规定", "哪个规定", "什么规定", "哪个文件",
    "第几条", "哪一条", "依据是什么", "什么依据", "法律依据", "政策依据", "根据什么", "出自哪",
    "which law", "which article", "what law", "legal basis", "which regulation",
  ],
};

/** The plain (string) aspect phrases, all aspects together: words that say what is asked of a topic (证件, 期限). */
export const plainAspectPhrases: string[] = Object.values(aspectPhrases).flatMap((list) => list.filter((p): p is string => typeof p === "string"));

/**
 * How a section's own heading says it answers an aspect ("三、需要带什么材料", "五、去哪里办"): such a section
 * leads an answer to that aspect. Only the aspects a heading names plainly ("how" is in every heading that says
 * 申请, so it has none).
 */
export const aspectHeadings: Record<string, string[]> = {
  materials: ["材料", "需要带什么"],
  conditions: ["谁可以", "条件", "对象", "哪些人"],
  where: ["去哪里", "哪里办", "在哪里", "哪里看"],
  time: ["要多久", "开放时间", "什么时候"],
  content: ["包括", "能得到哪些", "能看什么", "有哪些服务", "有什么"],
  proxy: ["代办", "代为"],
  online: ["网上"],
  together: ["同时领"],
  booking: ["预约"],
  // (A guide's procedure, and its first case when it has several: the certificate's 新办 before 换领 and 迁移.)
  how: ["办理流程", "怎样申请", "怎么申请", "申请流程", "怎样办理", "新办"],
  cost: ["收费", "收不收费", "费用"],
  contact: ["咨询电话", "联系方式", "怎样联系"],
  age: ["年龄", "入学年龄"],
  basis: ["法律依据", "政策依据", "有什么法律依据"],
};

/**
 * What a section headed for an aspect must also say to answer it: "孩子到了上学年龄" is headed for an age but
 * states none (it points to the school guide), so "多大的孩子可以？" is answered by the section that says "0至6岁".
 */
export const aspectStatements: Record<string, RegExp> = {
  age: /\d+\s*(?:岁|周岁)|[零一二三四五六七八九十]+(?:岁|周岁)|\b\d+\s*years?\b/,
  // "要本人去吗": the section that says someone else may go, or that staff come to the home.
  proxy: /代办|委托[^，。；]{0,6}(申请|办理|代)|代为(申请|办理|领取)|上门(评定|办证|服务)/,
  // "上个月的钱还有没有": the section that says from which month it counts.
  start: /当月|起计发|开始算|起发放|起算/,
  // "钱打到哪里": the section that says where the money goes.
  payment: /银行账户|银行卡|存折|社会保障卡|打到|按月发放/,
  // "批了以后去哪做": the section that names the designated providers, or says the family chooses.
  provider: /(?:定点|指定)[^，。；]{0,8}(?:机构|医院|单位)|自行选择/,
};

/**
 * Aspects a section that says the question's words answers by stating the fact, whatever its heading: "收到结果多少天内
 * 可以申请重评" is answered by the section on objections, which says "10个工作日内", not by the guide's "要多久" section.
 */
export const aspectAlsoStated: Record<string, RegExp> = {
  time: /(?:\d+|[一二三四五六七八九十两]+)\s*个?(?:工作日|日|天|星期|周|个月|月|年)(?:内|以内|之内)/,
  basis: /《[^》]+》第[一二三四五六七八九十百零]+条/,
};

/**
 * The corpus's own words for each aspect: added to a follow-up that borrows its topic, whose few words
 * ("要多久才能批下来？", "where do I apply?") rarely match a section heading by themselves.
 */
export const aspectWords: Record<string, string> = {
  materials: "需要带什么材料",
  conditions: "谁可以申请 条件",
  where: "去哪里办 窗口",
  how: "办理流程 申请",
  time: "要多久 时间",
  cost: "收不收费 费用",
  online: "网上办",
  contact: "咨询电话",
  decides: "审核 审定",
  amount: "标准",
  content: "包括哪些 帮助",
  calculation: "计算方法 计算公式",
  proxy: "代为申请 监护人 家属 代办人",
  age: "年龄 岁",
  together: "同时领",
  booking: "怎样预约",
  provider: "定点机构 指定 医院 自行选择",
  start: "申请当月 起计发 开始算",
  payment: "按月 银行账户 发放",
  basis: "法律依据 条例 第 条",
};

/**
 * What an eligibility answer also answers when the question asks it too ("她能申请吗？钱从什么时候开始算？"): from
 * the section of the benefit's guide (or rule document) headed for it.
 */
export const aspectsBesideEligibility = ["time", "materials", "where", "cost", "proxy", "online", "together", "contact"];

/** The forms of a question ("…吗", "找谁", "how …"): a short one with no topic of its own asks of the earlier one. */
export const questionForms: Phrase[] = [
  /[吗呢么？?]\s*$/, /什么|怎么|怎样|如何|谁|哪|几|多少|是否|能不能|可不可以|有没有|要不要|需不需要|行不行|咋|啥/,
  /^(?:what|how|who|where|when|which|why|is|are|can|could|do|does|will|should)\b/, /\?\s*$/,
];

/** Markers of a question that only names a new topic for the earlier one ("那护理补贴呢？", "what about …"). */
export const ellipsisMarkers: Phrase[] = [
  /^(?:那|那么|那个|还有|另外|再问|如果是)/, /(?:呢|怎么样|怎么说|又如何|又怎样)[?？。!！\s]*$/, /也(?:可以|能|行|有|要|算)/,
  /^(?:and|but|also)\b/, /^(?:what|how) about\b/, /\bas well\??$/, /\btoo\??$/,
];

/**
 * Of those, the ones that ask the earlier question again of a new case ("我们只是25个人的小公司，也要交吗？" after
 * 残保金): the earlier topic stays, the case is added; "那护理补贴呢？" swaps the topic instead.
 */
export const alsoMarkers: Phrase[] = [/也(?:可以|能|行|有|要|算)/, /\bas well\??$/, /\btoo\??$/];

/** What happens if a case changes ("万一低保被取消了会怎样", "if my dibao stops, what happens?"): no new case to rule on. */
export const asksConsequence: RegExp = /(?:万一|如果|要是|假如|假设)[^？?]*(?:会怎样|会怎么样|会如何|怎么办|咋办|会有什么影响)|\bwhat happens\b/iu;

/** A death told ("我外婆上个月走了", "passed away"); not 腿没了 (a leg lost). */
export const personDied: RegExp = /去世|过世|离世|逝世|死了|死亡|不在了|(?:上个月|上个礼拜|上周|去年|前几天|前阵子|刚刚?|已经)走了|passed away|\bdied\b/iu;

/**
 * What happened in the person's case, as the glossary's terms ("我外婆上个月走了" → 去世, "户口年底要迁去广州" → 迁移):
 * told once, it stays the case the conversation is about. "她那个证要怎么处理？" two turns later asks in that case.
 */
export const caseEvents = new Set(["去世", "迁移", "挂失补办", "注销"]);

/** Words that point back to the earlier topic ("这个", "它", "it"). */
export const backReferences: Phrase[] = [
  "这个", "那个", "这项", "那项", "它", "这种", "他们", "她们", "那边", "那里", "那儿", "这样的话", "那样的话", "这么说的话", "this one", "that one", /\bit\b/, /\bthat\b/, /\bthis\b/, /\bthem\b/,
  /\bone\b/, /\bthere\b/, /\bthey\b/, /\bhe\b/, /\bshe\b/, /\bhim\b/, /\bher\b/,
];

/**
 * Words that point back to the person the conversation is about ("她那本残疾证又怎么处理？" after "我妈上个月走了"): a
 * question with a subject of its own asks it in that person's case, the earlier turn's topic beside its own.
 */
export const personReferences: Phrase[] = ["她那", "他那", "他的", "她的", "她生前", "他生前", "家属"];

/**
 * Words that, opening a question, point back to the place the conversation is about ("那边要是只有楼梯怎么办？他们
 * 要不要照顾我？" after 法律援助): however long the question, it asks about the earlier topic there.
 */
export const placeReferences: RegExp = /^(?:那边|那里|那儿|在那边|在那里)/u;

/** Words that point back to the last two topics together ("两个能一起领吗？", "can I get both?"). */
export const bothReferences: Phrase[] = ["两个", "两项", "两样", "两者", "都能", /\bboth\b/];

/**
 * Words that are never a topic of their own: question words, verbs of applying, the aspects above, and the
 * generic nouns (补贴, 政策) that need a name beside them. Compared with whole segmented words.
 */
export const genericWords = new Set(
  (
    "申请 报名 登记 办理 办 申领 领 领取 拿 享受 带 准备 需要 要 去 到 在 哪里 哪儿 哪 地方 地址 窗口 材料 资料 证件 手续 流程 步骤 程序 " +
    "多久 多长 时间 几天 什么时候 何时 收费 费用 免费 要钱 收钱 花钱 给钱 出钱 网上 线上 手机 小程序 电话 联系 咨询 谁 审核 审批 决定 多少 多少钱 " +
    "标准 金额 补贴 补助 津贴 福利 待遇 政策 规定 条件 资格 符合 情况 问题 事情 东西 还 也 再 另外 那么 如果 还有 呢 吗 啊 " +
    "一样 一起 同时 分别 区别 不同 亲自 代办 部门 以内 以下 以上 之内 为什么 为啥 为何 怎么回事 真的 确定 的人 人们 大家 " +
    "包括 包含 内容 帮助 批 批下来 下来 出来 才能 才 能够 可能 已经 一直 还是 或者 因为 所以 但是 而且 的话 回事 一般 大概 " +
    "左右 之后 以后 以前 之前 时候 多长 多快 快 慢 久 批准 通过 拿到 到手 到账 发放 发 开始 要交 交 缴 要缴 交钱 " +
    "好 好的 谢谢 您好 你好 请 请问 问 一下 知道 想 想要 想问 能 可以 行 够 份 算 不要 不会 不用 不能 不想 不行 不懂 钱 别的 其他 其它 家里 家庭 家 人 本人 自己 每个月 每月 一个月 一年 每年 现在 经过 最后 最终 首先 接下来 岁 明年 今年 去年 前年 后年 上个月 下个月 这个月 " +
    "以后 然后 就 都 只 才 又 怎么 怎样 如何 什么 啥 哪些 哪个 几 是 不是 没有 有 个 的 了 着 过 这 这个 那个 这项 它 " +
    "how long where what which when who why do does did can could would should will apply application applying need needs " +
    "documents document paperwork bring papers office address process steps step cost fee fees free online internet phone " +
    "contact call much amount money benefit allowance subsidy support help get take takes taking about also too well as " +
    "please thanks thank ok okay yes no sure one there here is are watch include includes cover covers number open opening hours today " +
    "why really sure people person persons someone family families household we they he she him her show shown need sign signup register registration enrol enroll"
  ).split(/\s+/),
);

/** A bare answer to a question the assistant asked ("需要", "有", "不是", "yes"). */
export const bareAnswers: Array<{ phrases: Phrase[]; yes: boolean; field?: "care" | "certificate" | "income" | "residence" }> = [
  { phrases: [/^(?:不需要|不用|不要)(?:的|啊|呢)?$/], yes: false, field: "care" },
  { phrases: [/^(?:需要|要|得要)(?:的|啊|呀)?$/], yes: true, field: "care" },
  { phrases: [/^(?:没有|没|无|还没有|还没)(?:的|啊|呢)?$/], yes: false, field: "certificate" },
  { phrases: [/^有(?:的|啊|呀)?$/], yes: true, field: "certificate" },
  { phrases: [/^(?:不是|不对|否|不)(?:的|啊|呢)?$/, /^no\b/, /^nope$/, /^not really$/], yes: false },
  { phrases: [/^(?:是|是的|对|对的|嗯|没错|当然)(?:的|啊|呀)?$/, /^yes\b/, /^yeah$/, /^yep$/, /^correct$/], yes: true },
];

/** Glossary terms that do not make a question about something else than the benefits (残疾人证, 残联). */
export const neutralTopics = new Set(["残疾人证", "残疾人", "残疾", "残疾人联合会", "补贴", "申请", "政策", "最低生活保障", "最低生活保障家庭"]);

/** How a heading says a section is for everyone but some people ("其他残疾人有优惠吗"): it answers "那聋人呢？". */
export const everyoneElse: string[] = ["其他残疾人", "其他人", "以外的残疾人", "other disabled people", "other people"];
