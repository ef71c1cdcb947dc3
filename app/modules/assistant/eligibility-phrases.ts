import type { AgeGroup, Care, Category, Certificate, Income, Residence } from "./eligibility";

/**
 * How people say the things the eligibility rules ask about, in Chinese and English: the data the parser in
 * stated-facts.ts reads. The text they are matched against is normalised first (simplified characters,
 * half-width, lower case). A string matches as it is (English ones on word boundaries); a RegExp is for the
 * few phrasings that need a gap or a number. Longer matches win and use up their text, so "不需要人照顾" is a
 * "no" before "需要人照顾" can be a "yes". Grow these tables from real questions (the unanswered-questions page).
 */

export type Phrase = string | RegExp;

/**
 * Names that contain a category word but say nothing about the person ("盲人电影院", "聋人协会") or a rule
 * ("重度残疾人护理补贴"): removed before anything is read.
 */
export const neutralNames: Phrase[] = [
  "重度残疾人护理补贴",
  "困难残疾人生活补贴",
  "残疾儿童康复救助",
  "重度残疾人",
  "困难残疾人",
  "盲人电影院",
  "盲人电影",
  "无障碍电影",
  "视障图书馆",
  "盲人图书馆",
  "盲文图书馆",
  "盲人协会",
  "聋人协会",
  "肢残人协会",
  "智力残疾人及其亲友协会",
  "精神残疾人及亲友协会",
  "盲人按摩",
  "盲文",
  "盲杖",
  "导盲",
  "盲道",
  "手语",
  "助听器",
  "低视力康复",
  "特殊教育",
  "特教学校",
  "残疾人证管理办法",
  "护理补贴",
  "护理补助",
  "护理费",
  "照护补贴",
  "blind cinema",
  "braille",
  "sign language",
  "hearing aid",
  "guide dog",
  "white cane",
  /\b(?:nursing|care) allowance\b/,
];

/**
 * Disability categories. `core` words (视力, 肢体 …) and `enCore` ones ("physical") count only next to
 * 残疾/障碍/类/a grade ("grade 3 physical", "physical disability"); the rest always.
 */
export const categoryPhrases: Record<Exclude<Category, "unsure">, { core?: string; enCore?: string; phrases: Phrase[] }> = {
  visual: {
    core: "视力",
    enCore: "visual|vision|sight",
    phrases: [
      "视力残疾", "视力障碍", "视力不好", "视力很差", "视力差", "视障", "盲人", "全盲", "失明", "双目失明", "眼盲",
      "看不见", "看不清", "眼睛看不见", "眼睛不好", "低视力", "弱视",
      "blind", "visually impaired", "visual impairment", "visual disability", "vision disability", "partially sighted", "low vision", "sight loss", "cannot see", "can't see",
    ],
  },
  hearing: {
    core: "听力",
    enCore: "hearing",
    phrases: [
      "听力残疾", "听力障碍", "听力不好", "听障", "聋哑", "聋人", "耳聋", "聋", "听不见", "听不清", "耳背", "重听",
      "听力损失", "听力下降", "deaf", "hearing disability", "hard of hearing", "hearing impaired", "hearing impairment", "hearing loss", "cannot hear",
      "can't hear",
    ],
  },
  speech: {
    core: "言语",
    enCore: "speech",
    phrases: [
      "言语残疾", "言语障碍", "语言障碍", "语言残疾", "哑巴", "不会说话", "说不了话", "说话困难", "失语",
      "mute", "speech impairment", "speech disability", "cannot speak", "can't speak",
    ],
  },
  physical: {
    core: "肢体",
    enCore: "physical|limb",
    phrases: [
      "肢体残疾", "肢体障碍", "肢残", "瘫痪", "偏瘫", "截瘫", "高位截瘫", "全瘫", "半身不遂", "中风", "脑梗", "脑卒中",
      "截肢", "断腿", "断手", "没有腿", "缺腿", "缺手", "腿没了", "腿没有了", "没了一条腿", "没了腿", "少了一条腿", "断了一条腿", "断了腿",
      "手没了", "没了一只手", "少了一只手", /截(?:了|掉了?)(?:一条|一只|两条|双|半条|一截)?(?:腿|脚|手|胳膊|手臂)/, /(?:腿|脚|手|胳膊)(?:被)?截(?:了|掉)/, "腿脚不便", "腿脚不好", "腿脚不灵活", "手脚不灵活", "手脚不太灵活",
      "行动不便", "走路不稳", "走不了路", "不能走路", "坐轮椅", "用轮椅", "小儿麻痹", "脑瘫", "脊髓损伤", "瘸",
      "physical disability", "physically disabled", "mobility impairment", "wheelchair user", "uses a wheelchair", "in a wheelchair",
      "paralysed", "paralyzed", "paraplegic", "quadriplegic", "tetraplegic", "amputee", "amputation", "had a stroke", "stroke",
      "cerebral palsy", "spinal cord injury",
    ],
  },
  intellectual: {
    core: "智力",
    enCore: "intellectual",
    phrases: [
      "智力残疾", "智力障碍", "智力低下", "智障", "弱智", "心智障碍", "唐氏", "唐宝",
      "intellectual disability", "intellectually disabled", "learning disability", "down syndrome", "down's syndrome",
    ],
  },
  mental: {
    core: "精神",
    enCore: "mental|psychiatric",
    phrases: [
      "精神残疾", "精神障碍", "精神疾病", "精神病", "精神分裂", "精残", "双相", "躁郁", "抑郁症",
      "mental disability", "mental illness", "mentally ill", "psychosocial disability", "schizophrenia", "bipolar",
    ],
  },
  multiple: {
    phrases: ["多重残疾", "多重", "多种残疾", "几种残疾", "multiple disabilities", "multiple disability"],
  },
  autism: {
    phrases: ["孤独症", "自闭症", "自闭", "autism", "autistic", "asd"],
  },
};

/** Grade words: each maps to the grades it may mean (一、二级 and 重度 are both 1 or 2). */
export const gradeNumerals: Record<string, "1" | "2" | "3" | "4"> = {
  一: "1", 壹: "1", "1": "1", 二: "2", 贰: "2", "2": "2", 三: "3", 叁: "3", "3": "3", 四: "4", 肆: "4", "4": "4",
  one: "1", two: "2", three: "3", four: "4", i: "1", ii: "2", iii: "3", iv: "4", first: "1", second: "2", third: "3", fourth: "4",
};

/** Severity words (GB/T 26341-2010: 一级 极重度, 二级 重度, 三级 中度, 四级 轻度). */
export const severityPhrases: Array<{ phrases: Phrase[]; grades: Array<"1" | "2" | "3" | "4"> }> = [
  { phrases: ["极重度"], grades: ["1"] },
  { phrases: ["重度", "重残", "severely disabled", "severe disability", "severe"], grades: ["1", "2"] },
  { phrases: ["中度", "moderate"], grades: ["3"] },
  { phrases: ["轻度", "mild"], grades: ["4"] },
];

/** Grade phrases that are not grades of a disability ("二级医院", "一级响应"). */
export const notGrades: Phrase[] = [/[一二三四1-4]级(?:医院|响应|公路|建造师|教师|职称|消防|保护)/, /[一二三四1-4]级以上医院/];

export const certificatePhrases: Record<Exclude<Certificate, never>, Phrase[]> = {
  no: [
    /(?:没有|没|无|未|还没|还没有|没去)(?:办|办理|申请|领|拿到|评|评定)?(?:过)?(?:残疾人证|残疾证|残证|证件|证)/,
    "不够评残", "评不上残疾", "没评上残疾",
    /\b(?:no|not got a|haven't got a|don't have a|do not have a|without a)\s+(?:disability\s+)?(?:certificate|card)\b/,
  ],
  applying: [
    /(?:正在|在|刚)(?:办|办理|申请)(?:残疾人证|残疾证|证)/, /(?:残疾人证|残疾证|证)(?:还在|正在)?(?:办理中|办理|审核中|审批中)/,
    "证过期了", "证件过期", "残疾证过期", "残疾人证过期", "expired certificate", "certificate has expired", "certificate expired",
    /\b(?:applying|applied) for (?:a|the|my)?\s*(?:disability )?(?:certificate|card)\b/,
  ],
  yes: [
    /(?:有|持有|办了|办好了|拿到了?|领了|已经有|已有|持)\s*(?:的)?(?:残疾人证|残疾证|残证|证)/, "持证", "残疾证上", "证上写",
    /\b(?:have|hold|got) (?:a|the|my)\s*(?:disability )?(?:certificate|card)\b/,
    /\bwith (?:a|an|her|his|my|their)\s+(?:[\w-]+\s+){0,3}?(?:disability )?certificate\b/,
  ],
};

export const incomePhrases: Record<Exclude<Income, never>, Phrase[]> = {
  neither: [
    /(?:不是|不属于|没有|没|没吃|没评上|没申请|不够|非)(?:低保|最低生活保障)/, /低保(?:没批|没评上|没通过|被取消)/,
    /\bnot (?:on |in |a |getting )?(?:the )?(?:dibao|minimum living allowance)/, /\bno dibao\b/,
  ],
  lowIncome: ["低收入", "低保边缘", "低边", "收入很低", "收入低", "收入不高", "收入很少", "收入少", "low-income", "low income"],
  unsure: [
    "特困", "五保", "不知道是不是低保", "不清楚是不是低保", "家庭困难", "家里困难", "家庭经济困难", "经济困难", "生活困难", "家里穷",
    "没有收入", "没收入", "没有固定收入", "工作也丢了", "工作丢了", "丢了工作", "没了工作", "失业了", "打零工", "靠我一个人", "揭不开锅",
    "extreme poverty", "financial hardship", "hard up", "poor family",
  ],
  dibao: [
    "低保", "最低生活保障", "dibao", "minimum living allowance", "minimum-living-allowance", "minimum livelihood guarantee",
    "subsistence allowance",
  ],
};

export const carePhrases: Record<Exclude<Care, "unsure">, Phrase[]> = {
  no: [
    "能自理", "可以自理", "生活自理", "自己能照顾自己", "能照顾自己",
    /(?:不需要|不用|不要|无需|没有)(?:人|别人|他人|家人)?(?:长期)?(?:照顾|照护|护理|照料|陪护|看护)/,
    /\b(?:can|could) (?:look after|take care of|care for) (?:myself|himself|herself|themselves)\b/,
    /\b(?:does not|doesn't|do not|don't) need (?:any )?(?:long-term |full-time )?care\b/,
  ],
  yes: [
    "卧床", "瘫痪在床", "瘫在床上", /瘫.{0,3}(?:在|喺)?床/, "躺在床上", "在家躺着", "整天躺着", "天天躺着", "一直躺着", "躺床上", "起不了床", "下不了床", "植物人", "离不开人", "全靠人",
    "生活不能自理", "不能自理", "无法自理", "自理不了", "不能照顾自己", "长期照护", "长期护理", "长期照顾",
    // "在家没人照顾不行": without someone it does not work (longer than the "no" phrase 没有人照顾, so it wins).
    /没有?人(?:照顾|照看|看着|管|陪着?|守着)(?:着)?(?:是)?(?:不行|可不行|就不行|不得|不成|不可以)/, "离不了人", "不能离人", "身边不能离人", /(?:得|要)有人(?:看着|守着|陪着|照顾)/,
    /(?:需要|要|得|离不开)(?:人|别人|他人|家人|专人)?(?:长期|一直|全天|24小时)?(?:照顾|照护|护理|照料|陪护|看护|伺候|帮忙|看着|守着|陪着)/,
    /(?:一直|全天|长期)(?:是)?(?:我|家人|家里人|我们)?(?:在)?(?:照顾|护理|伺候)/,
    "bedridden", "bed-bound", "bedbound", "confined to bed", "can't get out of bed", "cannot get out of bed",
    /\bneeds? (?:someone|help|constant|full-time|round-the-clock|long-term|24-hour)?\s*(?:to look after|care|help with (?:eating|dressing|washing|everything|daily))/,
    /\b(?:cannot|can't|unable to) (?:look after|take care of|care for) (?:myself|himself|herself|themselves)\b/, "long-term care",
    /\bi (?:look after|care for) (?:my|him|her)\b/, /\bneeds? someone (?:with (?:him|her|them|me)|around|there)\b/, "all the time",
    "round the clock", "around the clock", "24 hours a day",
  ],
};

export const residencePhrases: Record<Exclude<Residence, "unsure">, Phrase[]> = {
  elsewhere: [
    /(?:户口|户籍)(?:不在|在外地|在外省|在外市|是外地|是外省)/, /(?:不是|非)(?:清远|本地|本市)(?:户口|户籍|人)/, "外地户口", "外省户口",
    "外地户籍", "外省户籍", "外地人", /\b(?:hukou|household registration|registered) (?:is )?(?:in another|elsewhere|outside qingyuan|not in qingyuan)/,
    /\bnot registered in qingyuan\b/, /\bfrom another (?:province|city)\b/,
  ],
  qingyuan: [
    /(?:清远|本地|本市|清城|清新|英德|连州|佛冈|阳山|连山|连南)(?:区|市|县)?(?:的)?(?:户口|户籍|人)/,
    /(?:户口|户籍)(?:在|是)(?:清远|本地|本市|清城|清新|英德|连州|佛冈|阳山|连山|连南)/,
    /\b(?:hukou|household registration|registered) (?:is )?in qingyuan\b/, /\bqingyuan hukou\b/,
  ],
};

/** Living or working away from Qingyuan (the 户籍 may still be here): the answer says where to apply. */
const places =
  "外省|外地|外市|省外|市外|异地|外面|广州|深圳|东莞|佛山|珠海|中山|江门|惠州|肇庆|韶关|汕头|湛江|茂名|北京|上海|天津|重庆|" +
  "广西|湖南|湖北|江西|福建|浙江|江苏|安徽|河南|河北|山东|山西|陕西|四川|贵州|云南|海南|辽宁|吉林|黑龙江|甘肃|青海|宁夏|新疆|西藏|内蒙古|香港|澳门";
export const awayPhrases: Phrase[] = [
  new RegExp(`(?:在|去|到)(?:${places})(?:那边|那里)?(?:打工|工作|上班|居住|生活|住|定居|读书|务工)`),
  new RegExp(`(?:${places})(?:打工|务工)`),
  /\b(?:live|living|lives|work|working|works|stay|staying) (?:in another (?:province|city)|outside (?:qingyuan|guangdong)|away from qingyuan)\b/,
];

/** Who the question is about. A change of person starts the facts afresh. */
export type Subject = "self" | "child" | "parent" | "spouse" | "other";
export const subjectPhrases: Record<Subject, Phrase[]> = {
  child: [
    "孩子", "儿子", "女儿", "小孩", "宝宝", "宝贝", "闺女", "孙子", "孙女", "外孙", "娃", "个仔", "个女", "阿仔", "细路",
    /\bmy (?:son|daughter|child|kid|baby|boy|girl|grandson|granddaughter|grandchild)\b/, /\b(?:child|children|kid|toddler|baby)\b/,
  ],
  parent: [
    "我妈", "我爸", "老豆", "老窦", "阿妈", "阿爸", "老母", "妈妈", "爸爸", "母亲", "父亲", "老母亲", "老父亲", "婆婆", "公公", "岳母", "岳父", "奶奶", "爷爷", "外婆",
    "外公", "姥姥", "姥爷", "老人家", "老人",
    /\bmy (?:mum|mom|mother|dad|father|parents?|grandma|grandmother|grandpa|grandfather|mother-in-law|father-in-law)\b/,
  ],
  spouse: ["老公", "老婆", "丈夫", "妻子", "爱人", "老伴", /\bmy (?:husband|wife|partner|spouse)\b/],
  other: ["亲戚", "朋友", "邻居", "哥哥", "弟弟", "姐姐", "妹妹", /\bmy (?:brother|sister|friend|neighbou?r|relative|uncle|aunt)\b/],
  self: [/我是|我本人|本人是|我有|我属于|我家是|我现在/, /\b(?:i am|i'm|i have|i've got|i use|myself)\b/],
};

/** Age: words that place a person in an age group without a number. */
export const agePhrases: Record<AgeGroup, Phrase[]> = {
  under7: [
    "婴儿", "新生儿", "幼儿", "学龄前", "幼儿园", "上幼儿园", /(?:\d|[一二三四五六七八九十两])+个月大/, "月龄",
    "baby", "infant", "toddler", "preschool", "pre-school", "kindergarten", "nursery",
  ],
  "7to17": [
    "小学生", "上小学", "读小学", "初中", "高中", "中学生", "上中学", "读中学", "未成年",
    "primary school", "secondary school", "middle school", "high school", "teenager", "teenage",
  ],
  adult: [
    "老人", "老年人", "老年", "退休", "老太太", "老爷子", "老伴", "大学生", "上大学", "成年", "打工", "上班",
    "elderly", "retired", "pensioner", "old age", "grown-up", "adult",
  ],
};

/** Chinese numerals for ages ("八岁", "五十八岁", "六十多岁"). */
export const chineseDigits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const englishNumbers: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
};
