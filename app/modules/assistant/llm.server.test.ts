import { FakeListChatModel } from "@langchain/core/utils/testing";
import { createTestDb } from "../../../tests/support/test-db";
import { askAssistant } from "./assistant.server";
import { checkModelReply, generateAnswer, parseChatModelSetting, chatModelFromEnv } from "./llm.server";
import { ensureAssistantIndex, type AssistantIndex } from "./vector-index.server";

const sources = [
  { n: 1, title: "困难残疾人生活补贴申请指南 · 一、谁可以申请", text: "持有有效残疾人证、是低保家庭成员的残疾人可以申请。" },
  { n: 2, title: "《国务院关于…的意见》一、文件是什么", text: "从2016年1月1日起在全国建立两项补贴制度。" },
];

describe("checking a model's reply", () => {
  it("accepts JSON that cites given sources and states only their figures", () => {
    const outcome = checkModelReply('{"answer": "低保家庭的持证残疾人可以申请，制度从2016年起实施。", "sources": [1, 2]}', sources);
    expect(outcome).toEqual({ ok: true, answer: { text: "低保家庭的持证残疾人可以申请，制度从2016年起实施。", used: [1, 2] } });
  });

  it.each([
    ["a source it was not given", '{"answer": "可以申请。", "sources": [3]}', "bad_citation"],
    ["no source", '{"answer": "可以申请。", "sources": []}', "bad_citation"],
    ["an invented amount", '{"answer": "每月发217元。", "sources": [1]}', "unsupported_number"],
    ["prose instead of JSON", "可以申请。", "unparseable"],
  ])("refuses %s", (_name, raw, reason) => {
    expect(checkModelReply(raw, sources)).toEqual({ ok: false, reason });
  });
});

describe("the optional LLM mode", () => {
  let index: AssistantIndex;
  beforeAll(async () => {
    index = (await ensureAssistantIndex()).index;
  }, 60_000);

  it("uses a fake chat model's answer and cites only the sources it used", async () => {
    const model = new FakeListChatModel({ responses: ['{"answer": "持有残疾人证的低保家庭成员可以申请困难残疾人生活补贴。", "sources": [1]}'] });
    const reply = await askAssistant({ question: "困难残疾人生活补贴的对象是谁？", locale: "zh-CN" }, { index, chatModel: model });
    expect(reply.grounded).toBe(true);
    expect(reply.view.mode).toBe("llm");
    expect(reply.answer).toContain("持有残疾人证的低保家庭成员可以申请困难残疾人生活补贴。");
    expect(reply.citations).toHaveLength(1);
    expect(reply.trace.llm).toBe(true);
  });

  it("falls back to the extractive answer when the model cites something it was not given", async () => {
    const model = new FakeListChatModel({ responses: ['{"answer": "可以领。", "sources": [9]}'] });
    const reply = await askAssistant({ question: "困难残疾人生活补贴的对象是谁？", locale: "zh-CN" }, { index, chatModel: model });
    expect(reply.view.mode).toBe("extractive");
    expect(reply.trace.llm).toBe(false);
    expect(reply.citations.length).toBeGreaterThanOrEqual(2);
    expect(reply.answer).not.toContain("可以领。");
  });

  it("falls back on a timeout", async () => {
    const slow = new FakeListChatModel({ responses: ['{"answer": "x", "sources": [1]}'], sleep: 200 });
    const outcome = await generateAnswer(slow, "问题", sources, "zh-CN", 20);
    expect(outcome).toEqual({ ok: false, reason: "timeout" });
    const reply = await askAssistant({ question: "残疾证丢了怎么办？", locale: "zh-CN" }, { index, chatModel: slow, llmTimeoutMs: 20 });
    expect(reply.view.mode).toBe("extractive");
    expect(reply.grounded).toBe(true);
  });

  it("falls back on an error, and stores nothing it did not retrieve", async () => {
    const failing = new FakeListChatModel({ responses: ["x"] });
    failing.invoke = () => Promise.reject(new Error("connection refused"));
    const { db } = await createTestDb();
    const reply = await askAssistant({ question: "残疾证丢了怎么办？", locale: "zh-CN" }, { index, chatModel: failing, db, conversationId: "c" });
    expect(reply.view.mode).toBe("extractive");
    const row = await db.selectFrom("chat_questions").selectAll().executeTakeFirstOrThrow();
    for (const c of JSON.parse(row.citations) as Array<{ url: string }>) expect(c.url).toMatch(/^\/policies\/[a-z0-9-]+(#[a-z0-9-]+)?$/);
  });
});

describe("CHAT_MODEL", () => {
  it("is off by default and names the missing package for a provider that is not installed", async () => {
    expect(parseChatModelSetting(undefined)).toBeNull();
    expect(parseChatModelSetting("openai:gpt-4o-mini")).toEqual({ provider: "openai", model: "gpt-4o-mini" });
    expect(() => parseChatModelSetting("gpt4")).toThrow(/ollama:<model>/);
    await expect(chatModelFromEnv({})).resolves.toBeNull();
    await expect(chatModelFromEnv({ CHAT_MODEL: "ollama:qwen2.5" })).rejects.toThrow(/@langchain\/ollama/);
  });
});
