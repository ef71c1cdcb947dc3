import { getLexicalIndex } from "./lexical.server";

const repair = (text: string) => getLexicalIndex().repairTypos(text);

describe("homophone typo repair against the corpus's words", () => {
  it.each([
    ["残急人两项补帖怎么申情", "残疾人两项补贴怎么申请"],
    ["残疾人证怎么办里", "残疾人证怎么办理"],
    ["办残疾证要带户口部吗", "办残疾证要带户口簿吗"],
    ["护里补贴要什么条件", "护理补贴要什么条件"],
    ["残疾证有效其是几年", "残疾证有效期是几年"],
    ["辅助器具是配怎么申请", "辅助器具适配怎么申请"],
    ["视障图书官在哪里", "视障图书馆在哪里"],
  ])("%s → %s", (typed, meant) => {
    const result = repair(typed);
    expect(result.text).toBe(meant);
    expect(result.repairs.length).toBeGreaterThan(0);
  });

  it.each([
    "残疾证在哪里办", // 证在 is not 正在: a repair never cuts through a word
    "盲人搭公交要不要买票",
    "补贴是打到银行卡上吗", // 到 is kept as typed: a function word is not half of a typo
    "残疾评定是残联做的吗", // 是 before a whole word is meant as typed
    "可以向残联借轮椅吗",
    "我是二级肢体残疾",
    "今天股市怎么样", // 股市 is a word (the corpus's 故事 is not meant)
    "四级视力残疾能领护理补贴吗",
    "无障碍环境建设法什么时候开始施行",
    "清远这边开过什么培训班", // 什么 was typed whole: 过什 is not 过身 (died)
    "残疾员工要占到多少才够格", // 到 ends the verb with its result: 占到 is not 占道
    "这样需要先找作者授权吗", // 先照 is no word, only a piece of 优先照顾
    "那还能再往上申诉吗", // a direction after 往 is said as typed: 往上 is not 网上
    "再往上还能找谁", // an adverb before a verb is said as typed: 上还 is not 上海
  ])("leaves real words alone: %s", (text) => {
    expect(repair(text)).toEqual({ text, repairs: [] });
  });
});
