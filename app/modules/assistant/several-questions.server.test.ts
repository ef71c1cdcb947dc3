import { describe, expect, it } from "vitest";
import type { AnswerView } from "./answer-view";
import { separateQuestions, withPartAnswers } from "./several-questions.server";

const view = (over: Partial<AnswerView>): AnswerView => ({
  status: "answered",
  grounded: true,
  mode: "extractive",
  notices: [],
  lead: "",
  points: [],
  summaries: [],
  body: "",
  passages: [],
  rule: null,
  easyRead: null,
  nextSteps: [],
  ...over,
});
const passage = (n: number, key: number) => ({ n, key, title: `第${key}节`, url: `/policies/x#s-${key}`, quote: `引文${key}` });

describe("a message with several questions", () => {
  it("is read as its questions, each as typed, when it asks more than one thing", () => {
    expect(separateQuestions("推荐要收钱吗？招了以后公司税收上有没有什么好处？").map((q) => q.asks)).toEqual(["推荐要收钱吗？", "招了以后公司税收上有没有什么好处？"]);
    // The story told in a question's sentence is answered with it, and left out of what is shown as asked.
    const [first] = separateQuestions("老师说那个中心有个图书馆，那里都有些什么书？馆具体设在哪？");
    expect(first).toEqual({ text: "老师说那个中心有个图书馆，那里都有些什么书？", asks: "那里都有些什么书？" });
    // Numbered asks, as a screen-reader user writes them.
    expect(separateQuestions("我想了解两个问题：第一，借阅证要带哪些证件；第二，图书馆有没有有声读物。请逐条回答。")).toHaveLength(2);
  });

  it("reads a later 'if not, what do I do?' as asked of the case the message told", () => {
    const [, ifNot] = separateQuestions("我的残疾人证已经过期半年，尚未换领。请问：我乘坐市内公共汽车是否仍然可以免费？如果不可以，应当怎样处理？");
    expect(ifNot.asks).toBe("如果不可以，应当怎样处理？");
    expect(ifNot.text).toContain("过期半年");
  });

  it("is one question when only one sentence asks, or the second only frames the first (是吗？)", () => {
    expect(separateQuestions("我妈瘫痪在床好几年了。每个月能领护理补贴吗？")).toEqual([]);
    expect(separateQuestions("听说护理补贴不要低保？是吗？")).toEqual([]);
    expect(separateQuestions("残疾证怎么办")).toEqual([]);
  });

  it("adds each part's answer under its question, with its passage, unless the whole already gave it", () => {
    const whole = view({ lead: "免费推荐。", passages: [passage(1, 10)] });
    const merged = withPartAnswers(whole, [
      { question: "推荐要收钱吗？", view: view({ lead: "免费推荐。", passages: [passage(1, 10)] }) },
      { question: "税收上有没有好处？", view: view({ lead: "可以享受税收优惠。", points: ["按比例安排"], passages: [passage(1, 20), passage(2, 30)] }) },
    ]);
    expect(merged.also).toEqual([{ question: "税收上有没有好处？", lead: "可以享受税收优惠。", points: ["按比例安排"], source: 2 }]);
    expect(merged.passages.map((p) => [p.n, p.key])).toEqual([[1, 10], [2, 20]]);
  });

  it("adds a part answered by another sentence of the whole's own passage, citing that passage", () => {
    const whole = view({ lead: "讲解可以提前录好，也可以在现场讲。", passages: [passage(1, 10)] });
    const merged = withPartAnswers(whole, [{ question: "去看有字幕吗", view: view({ lead: "给聋人观众加上字幕。", passages: [passage(1, 10)] }) }]);
    expect(merged.also).toEqual([{ question: "去看有字幕吗", lead: "给聋人观众加上字幕。", points: [], source: 1 }]);
    expect(merged.passages).toHaveLength(1);
  });

  it("says which part the corpus has no answer for when its refusal names what is missing, and is silent otherwise", () => {
    const whole = view({ lead: "一级最重。", passages: [passage(1, 10)] });
    const merged = withPartAnswers(whole, [
      { question: "霍金得的是什么病？", view: view({ status: "no_content", grounded: false, lead: "没有找到关于“霍金”的答案。" }), namesUnknown: true },
      { question: "周末开吗？", view: view({ status: "no_content", grounded: false, lead: "没有找到这个问题的答案。" }), namesUnknown: false },
    ]);
    expect(merged.also).toEqual([{ question: "霍金得的是什么病？", lead: "没有找到关于“霍金”的答案。", points: [], source: 0 }]);
  });
});
