import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import { submitted, toyFlow } from "../../../tests/support/toy-flow";
import type { Connection } from "../db/index.server";
import { z } from "zod";
import { DomainError } from "~/modules/shared/domain-error";
import { answersFrom, defineFlow, DraftGone, flowDrafts, loadStep, NoSuchStep, postStep, readDraft, startDraft } from "./index.server";

/**
 * The engine on a toy flow (tests/support/toy-flow.ts): pet → (pet name, only with a pet) → e-mail → check → done.
 * What a person would notice: which page comes next, what the check page goes back to, that an old link is dead,
 * that nothing they can type makes an error page.
 */
let conn: Connection;
beforeAll(async () => {
  conn = await createTestDb();
});
afterAll(async () => conn?.db.destroy());

const now = new Date("2026-11-20T02:00:00Z");
const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
};
const post = (draftId: string, step: string, fields: Record<string, string | string[]>, at = now) =>
  postStep(conn.db, toyFlow, { draftId, step, form: form(fields), client: "192.0.2.1" }, at);
const load = (draftId: string, step: string, at = now) => loadStep(conn.db, toyFlow, { draftId, step }, at);

describe("a flow declared as data", () => {
  it("asks a step only when earlier answers call for it, and counts it with the step before", async () => {
    const draft = await startDraft(conn.db, toyFlow, { locale: "zh-CN" }, now);
    expect(await post(draft.id, "pet", { pet: "no" })).toEqual({ kind: "goto", step: "email" });
    // The skipped step is not a page of this draft: its URL leads on to the first unanswered one.
    expect(await load(draft.id, "pet-name")).toEqual({ kind: "goto", step: "email" });
    expect(await post(draft.id, "pet", { pet: "yes" })).toEqual({ kind: "goto", step: "pet-name" });
    const page = await load(draft.id, "pet-name");
    expect(page).toMatchObject({ kind: "page", back: "pet", count: { n: 1, of: 3 } });
    expect(await load(draft.id, "email")).toEqual({ kind: "goto", step: "pet-name" });
  });

  it("goes back to the check page after a change, unless the change needs a new answer first; drops answers no longer asked", async () => {
    const draft = await startDraft(conn.db, toyFlow, { locale: "zh-CN" }, now);
    await post(draft.id, "pet", { pet: "no" });
    await post(draft.id, "email", { email: "a@example.cn" });
    expect(await load(draft.id, "check")).toMatchObject({ kind: "page", back: "email", count: { n: 3, of: 3 } });
    expect(await post(draft.id, "email", { email: "b@example.cn", returnTo: "check" })).toEqual({ kind: "goto", step: "check" });
    // Yes now needs the pet's name: that page comes first, then the check page.
    expect(await post(draft.id, "pet", { pet: "yes", returnTo: "check" })).toEqual({ kind: "goto", step: "pet-name" });
    expect(await post(draft.id, "pet-name", { petName: "小白", returnTo: "check" })).toEqual({ kind: "goto", step: "check" });
    expect((await readDraft(conn.db, toyFlow, draft.id, { now })).answers).toEqual({ pet: "yes", petName: "小白", email: "b@example.cn" });
    await post(draft.id, "pet", { pet: "no", returnTo: "check" });
    expect((await readDraft(conn.db, toyFlow, draft.id, { now })).answers).toEqual({ pet: "no", email: "b@example.cn" });
  });

  it("a button's intent answers without the form", async () => {
    const draft = await startDraft(conn.db, toyFlow, { locale: "zh-CN" }, now);
    await post(draft.id, "pet", { pet: "no" });
    expect(await post(draft.id, "email", { intent: "none", email: "x" })).toEqual({ kind: "goto", step: "check" });
    expect((await readDraft(conn.db, toyFlow, draft.id, { now })).answers.email).toBe("");
  });

  it("submits once: the done page after, every other page leads to it, a second submit changes nothing", async () => {
    const draft = await startDraft(conn.db, toyFlow, { locale: "zh-CN" }, now);
    expect(await load(draft.id, "done")).toEqual({ kind: "goto", step: "pet" });
    expect(await post(draft.id, "check", {})).toEqual({ kind: "goto", step: "pet" });
    await post(draft.id, "pet", { pet: "no" });
    await post(draft.id, "email", { email: "once@example.cn" });
    const before = submitted.length;
    const [a, b] = await Promise.all([post(draft.id, "check", {}), post(draft.id, "check", {})]);
    expect([a, b]).toEqual([{ kind: "goto", step: "done" }, { kind: "goto", step: "done" }]);
    expect(submitted.length).toBe(before + 1);
    expect((await readDraft(conn.db, toyFlow, draft.id, { now })).reference).toMatch(/^TOY-/);
    expect(await load(draft.id, "email")).toEqual({ kind: "goto", step: "done" });
    expect(await post(draft.id, "email", { email: "later@example.cn" })).toEqual({ kind: "goto", step: "done" });
    expect(await load(draft.id, "done")).toMatchObject({ kind: "page", step: "done" });
  });
});

describe("drafts that cannot go on", () => {
  it("an expired draft is gone: its pages and posts are not found", async () => {
    const draft = await startDraft(conn.db, toyFlow, { locale: "zh-CN" }, now);
    const dayLater = new Date(now.getTime() + 24 * 3_600_000 + 1000);
    await expect(load(draft.id, "pet", dayLater)).rejects.toEqual(new DraftGone("expired"));
    await expect(post(draft.id, "pet", { pet: "no" }, dayLater)).rejects.toBeInstanceOf(DraftGone);
    // A save moves the expiry on.
    const fresh = await startDraft(conn.db, toyFlow, { locale: "zh-CN" }, now);
    await post(fresh.id, "pet", { pet: "no" }, new Date(now.getTime() + 20 * 3_600_000));
    expect(await load(fresh.id, "email", dayLater)).toMatchObject({ kind: "page" });
  });

  it("an unknown draft, another flow's or another scope's draft, and an unknown page are not found", async () => {
    await expect(load("no-such-draft", "pet")).rejects.toEqual(new DraftGone("missing"));
    await expect(load("", "pet")).rejects.toBeInstanceOf(DraftGone);
    const scoped = await startDraft(conn.db, toyFlow, { locale: "zh-CN", scope: "activity-1" }, now);
    await expect(loadStep(conn.db, toyFlow, { draftId: scoped.id, step: "pet", scope: "activity-2" }, now)).rejects.toBeInstanceOf(DraftGone);
    expect(await loadStep(conn.db, toyFlow, { draftId: scoped.id, step: "pet", scope: "activity-1" }, now)).toMatchObject({ kind: "page" });
    await expect(load(scoped.id, "../admin")).rejects.toBeInstanceOf(NoSuchStep);
    await expect(post(scoped.id, "done", {})).rejects.toBeInstanceOf(NoSuchStep);
  });

  it("a stored payload the flow can no longer read is treated as expired", async () => {
    const draft = await startDraft(conn.db, toyFlow, { locale: "zh-CN" }, now);
    await conn.db.updateTable("flow_drafts").set({ payload: '{"pet":"maybe"}' }).where("id", "=", draft.id).execute();
    await expect(load(draft.id, "pet")).rejects.toEqual(new DraftGone("expired"));
    await conn.db.updateTable("flow_drafts").set({ payload: "not json" }).where("id", "=", draft.id).execute();
    await expect(load(draft.id, "pet")).rejects.toEqual(new DraftGone("expired"));
  });
});

describe("a module's draft calls (flowDrafts)", () => {
  class PetGone extends Error {}
  const pets = flowDrafts(toyFlow, {
    view: (d) => ({ id: d.id, kind: d.scope, pet: d.answers.pet ?? null, petName: d.answers.petName ?? null }),
    answersOf: (patch: { pet?: "yes" | "no" | null; petName?: string | null }) => answersFrom(patch),
    gone: () => new PetGone(),
    checkScope: async (_db, scope) => {
      if (scope !== "cat") throw new PetGone();
    },
  });

  it("start checks the scope, save keeps the flow's rules, read sees the draft as stored, even expired", async () => {
    await expect(pets.start(conn.db, { locale: "zh-CN", scope: "dragon" }, now)).rejects.toBeInstanceOf(PetGone);
    const draft = await pets.start(conn.db, { locale: "zh-CN", scope: "cat" }, now);
    expect(draft).toEqual({ id: draft.id, kind: "cat", pet: null, petName: null });
    await pets.save(conn.db, draft.id, { pet: "yes", petName: "小白" }, now);
    // No pet after all: the pet's name is no longer asked, so it is dropped (as on the pages).
    await pets.save(conn.db, draft.id, { pet: "no", petName: null }, now);
    const later = new Date(now.getTime() + 48 * 60 * 60 * 1000);
    expect(await pets.read(conn.db, draft.id, { scope: "cat" })).toEqual({ id: draft.id, kind: "cat", pet: "no", petName: null });
    await expect(pets.read(conn.db, draft.id, { scope: "cat", now: later })).rejects.toBeInstanceOf(PetGone);
  });

  it("a draft that is gone is the module's own error, for reading and saving alike", async () => {
    const draft = await pets.start(conn.db, { locale: "zh-CN", scope: "cat" }, now);
    await expect(pets.read(conn.db, draft.id)).rejects.toBeInstanceOf(PetGone); // another scope
    await expect(pets.read(conn.db, "no-such-draft", { scope: "cat" })).rejects.toBeInstanceOf(PetGone);
    await expect(pets.save(conn.db, "no-such-draft", { pet: "no" }, now)).rejects.toBeInstanceOf(PetGone);
  });
});

describe("anything a person can send", () => {
  it("is a form with errors, never a thrown error: missing, wrong, repeated, control characters, the honeypot", async () => {
    const draft = await startDraft(conn.db, toyFlow, { locale: "zh-CN" }, now);
    const cases: Record<string, string | string[]>[] = [{}, { pet: "maybe" }, { pet: ["yes", "no"] }, { pet: "\u0000" }, { pet: "yes\u202e" }];
    for (const fields of cases) {
      const answer = await post(draft.id, "pet", fields);
      expect(answer.kind, JSON.stringify(fields)).toBe("invalid");
    }
    const honeypot = await post(draft.id, "pet", { pet: "yes", website: "http://spam.example" });
    expect(honeypot).toMatchObject({ kind: "invalid", lastResult: { error: { "": ["spam"] } } });
    await post(draft.id, "pet", { pet: "yes" });
    const long = await post(draft.id, "pet-name", { petName: "长".repeat(500) });
    expect(long).toMatchObject({ kind: "invalid", lastResult: { initialValue: { petName: "长".repeat(500) } } });
    // An intent the step does not have is an ordinary post of the form.
    expect((await post(draft.id, "pet-name", { intent: "constructor" })).kind).toBe("invalid");
    expect((await readDraft(conn.db, toyFlow, draft.id, { now })).answers).toEqual({ pet: "yes" });
  });
});

describe("a flow that makes no record (no submit: the eligibility check)", () => {
  const quizFlow = { ...toyFlow, name: "toy-quiz", submit: undefined };
  const quizLoad = (draftId: string, step: string) => loadStep(conn.db, quizFlow, { draftId, step }, now);
  const quizPost = (draftId: string, step: string, fields: Record<string, string>) => postStep(conn.db, quizFlow, { draftId, step, form: form(fields), client: "192.0.2.1" }, now);

  it("shows its done page as the result of complete answers, which can still change", async () => {
    const draft = await startDraft(conn.db, quizFlow, { locale: "zh-CN" }, now);
    expect(await quizLoad(draft.id, "done")).toEqual({ kind: "goto", step: "pet" });
    await quizPost(draft.id, "pet", { pet: "no" });
    await quizPost(draft.id, "email", { email: "a@example.cn" });
    expect(await quizLoad(draft.id, "done")).toMatchObject({ kind: "page", step: "done" });
    // The check page's post is "see the result": nothing is claimed, the answers stay open to change.
    expect(await quizPost(draft.id, "check", {})).toEqual({ kind: "goto", step: "done" });
    expect((await readDraft(conn.db, quizFlow, draft.id, { now })).reference).toBeNull();
    expect(await quizPost(draft.id, "pet", { pet: "yes", returnTo: "check" })).toEqual({ kind: "goto", step: "pet-name" });
    expect(await quizLoad(draft.id, "done")).toEqual({ kind: "goto", step: "pet-name" });
  });
});

describe("a step whose save does more than store answers (a hold), and answers that lapse on their own", () => {
  // A toy of the cinema's seat step: "take" holds one of a few places (a record of its own, here a map with expiry),
  // limited per client; a place that ran out is no answer any more.
  class NoPlace extends DomainError {
    constructor() {
      super("sold_out", "no place");
    }
  }
  const places = new Map<string, { client: string; until: number }>();
  const holdFlow = defineFlow<{ name: string; place: string }>({
    name: "toy-hold",
    answers: z.object({ name: z.string(), place: z.string() }).partial(), // raw: a test flow's stored answers
    submitLimit: "toy",
    steps: [
      { id: "name", fields: ["name"], schema: z.object({ name: z.string().min(1) }) },
      {
        id: "take",
        fields: ["place"],
        schema: z.object({ place: z.string().min(1) }),
        limit: "toy-take",
        save: async (value: { place: string }, { client, now: at }) => {
          const held = places.get(value.place);
          if (held && held.until > at.getTime()) throw new NoPlace();
          places.set(value.place, { client, until: at.getTime() + 60_000 });
          return { place: value.place };
        },
      },
    ],
    lapsed: async ({ answers, now: at }) => (answers.place && !((places.get(answers.place)?.until ?? 0) > at.getTime()) ? ["place"] : []),
    submit: async () => "never",
  });
  const postHold = (draftId: string, step: string, fields: Record<string, string>, at = now, client = "192.0.2.7") =>
    postStep(conn.db, holdFlow, { draftId, step, form: form(fields), client }, at);

  it("saves what the step's save made, with the client and the time it was posted at", async () => {
    const draft = await startDraft(conn.db, holdFlow, { locale: "zh-CN" }, now);
    await postHold(draft.id, "name", { name: "李四" });
    expect(await postHold(draft.id, "take", { place: "A1" })).toEqual({ kind: "goto", step: "check" });
    expect(places.get("A1")).toEqual({ client: "192.0.2.7", until: now.getTime() + 60_000 });
  });

  it("answers a domain error of the save as the post's refusal (its one status and sentence), saving nothing", async () => {
    const draft = await startDraft(conn.db, holdFlow, { locale: "zh-CN" }, now);
    await postHold(draft.id, "name", { name: "王五" });
    const refused = await postHold(draft.id, "take", { place: "A1" });
    expect(refused).toMatchObject({ kind: "refused", error: { code: "sold_out" } });
    expect((await readDraft(conn.db, holdFlow, draft.id, { now })).answers).toEqual({ name: "王五" });
  });

  it("drops an answer that lapsed, says so, and asks its step again", async () => {
    const draft = await startDraft(conn.db, holdFlow, { locale: "zh-CN" }, now);
    await postHold(draft.id, "name", { name: "赵六" });
    await postHold(draft.id, "take", { place: "B2" });
    expect(await loadStep(conn.db, holdFlow, { draftId: draft.id, step: "check" }, now)).toMatchObject({ kind: "page", lapsed: false });
    const later = new Date(now.getTime() + 61_000);
    expect(await loadStep(conn.db, holdFlow, { draftId: draft.id, step: "check" }, later)).toEqual({ kind: "goto", step: "take", lapsed: true });
    expect((await readDraft(conn.db, holdFlow, draft.id, { now: later })).answers).toEqual({ name: "赵六" });
    // Said once: the page it leads to is an ordinary page now.
    expect(await loadStep(conn.db, holdFlow, { draftId: draft.id, step: "take" }, later)).toMatchObject({ kind: "page", lapsed: false });
  });

  it("a submit refused because an answer lapsed just then goes to that step and says so; any other refusal stays one", async () => {
    // The place runs out between the check page's read and the submit (the seat hold ending at the click).
    const lapsing = defineFlow({ ...holdFlow, submit: async (_db, d) => { places.delete(d.answers.place ?? ""); throw new NoPlace(); } });
    const draft = await startDraft(conn.db, lapsing, { locale: "zh-CN" }, now);
    await postStep(conn.db, lapsing, { draftId: draft.id, step: "name", form: form({ name: "孙八" }), client: "192.0.2.9" }, now);
    await postStep(conn.db, lapsing, { draftId: draft.id, step: "take", form: form({ place: "D4" }), client: "192.0.2.9" }, now);
    expect(await postStep(conn.db, lapsing, { draftId: draft.id, step: "check", form: form({}), client: "192.0.2.9" }, now)).toEqual({ kind: "goto", step: "take", lapsed: true });
    expect((await readDraft(conn.db, lapsing, draft.id, { now })).answers).toEqual({ name: "孙八" });
    const refusing = defineFlow({ ...holdFlow, submit: async () => { throw new NoPlace(); } });
    await postStep(conn.db, refusing, { draftId: draft.id, step: "take", form: form({ place: "D5" }), client: "192.0.2.9" }, now);
    expect(await postStep(conn.db, refusing, { draftId: draft.id, step: "check", form: form({}), client: "192.0.2.9" }, now)).toMatchObject({ kind: "refused", error: { code: "sold_out" } });
  });

  it("limits a step with a rate-limit scope of its own: 429 with the time to wait", async () => {
    const before = process.env.RATE_LIMIT_PER_MINUTE;
    process.env.RATE_LIMIT_PER_MINUTE = "1";
    try {
      const draft = await startDraft(conn.db, holdFlow, { locale: "zh-CN" }, now);
      await postHold(draft.id, "name", { name: "钱七" });
      const at = new Date(now.getTime() + 10 * 60_000);
      await postHold(draft.id, "take", { place: "C3" }, at, "192.0.2.8");
      expect(await postHold(draft.id, "take", { place: "C4" }, at, "192.0.2.8")).toMatchObject({ kind: "limited", retryAfterSeconds: expect.any(Number) });
    } finally {
      if (before === undefined) delete process.env.RATE_LIMIT_PER_MINUTE;
      else process.env.RATE_LIMIT_PER_MINUTE = before;
    }
  });
});

describe("a flow action: a post that is not an answer", () => {
  // The toy flow with a "remind me" post of the e-mail step (as the seat hold's "more time" is the seat step's).
  const reminded: string[] = [];
  const withAction = defineFlow({
    ...toyFlow,
    actions: {
      remind: {
        from: "email",
        run: async ({ answers, form }) => {
          reminded.push(answers.email ?? "");
          return { step: String(form.get("returnTo") ?? ""), notice: "reminded" };
        },
      },
    },
  });
  const act = (draftId: string, fields: Record<string, string>) => postStep(conn.db, withAction, { draftId, step: "remind", form: form(fields), client: "192.0.2.1" }, now);

  it("runs on the draft and goes back to the page it names, with its notice; earlier unanswered steps come first", async () => {
    const draft = await startDraft(conn.db, withAction, { locale: "zh-CN" }, now);
    expect(await act(draft.id, { returnTo: "check" })).toEqual({ kind: "goto", step: "pet" });
    expect(reminded).toEqual([]);
    await postStep(conn.db, withAction, { draftId: draft.id, step: "pet", form: form({ pet: "no" }), client: "192.0.2.1" }, now);
    await postStep(conn.db, withAction, { draftId: draft.id, step: "email", form: form({ email: "a@example.cn" }), client: "192.0.2.1" }, now);
    expect(await act(draft.id, { returnTo: "check" })).toEqual({ kind: "goto", step: "check", notice: "reminded" });
    expect(reminded).toEqual(["a@example.cn"]);
  });

  it("a page it cannot go back to is its own step; a GET of it is that step's page; a mistyped one is not found", async () => {
    const draft = await startDraft(conn.db, withAction, { locale: "zh-CN" }, now);
    await postStep(conn.db, withAction, { draftId: draft.id, step: "pet", form: form({ pet: "no" }), client: "192.0.2.1" }, now);
    expect(await act(draft.id, { returnTo: "https://example.com/" })).toEqual({ kind: "goto", step: "email", notice: "reminded" });
    expect(await act(draft.id, { returnTo: "remind" })).toEqual({ kind: "goto", step: "email", notice: "reminded" });
    expect(await loadStep(conn.db, withAction, { draftId: draft.id, step: "remind" }, now)).toEqual({ kind: "goto", step: "email" });
    await expect(loadStep(conn.db, toyFlow, { draftId: draft.id, step: "remind" }, now)).rejects.toBeInstanceOf(NoSuchStep);
  });
});

describe("another page of a step, a step that does not depend on every earlier one, and what a refused form keeps", () => {
  // A toy of the booking's seat step and its seat list: "take" offers a place, "pick" lets the person name one (its
  // own form and check, the same answer); the contact step does not depend on the place, which may lapse.
  class Taken extends DomainError {
    constructor() {
      super("seats_taken", "taken");
    }
  }
  const places = new Map<string, number>();
  const hold = async (value: { place: string }, { now: at }: { now: Date }) => {
    if ((places.get(value.place) ?? 0) > at.getTime()) throw new Taken();
    places.set(value.place, at.getTime() + 60_000);
    return { place: value.place };
  };
  const pagesFlow = defineFlow<{ name: string; place: string; phone: string }>({
    name: "toy-pages",
    submitLimit: "toy",
    answers: z.object({ name: z.string(), place: z.string(), phone: z.string() }).partial(), // raw: a test flow's stored answers
    steps: [
      { id: "name", schema: z.object({ name: z.string().min(1) }), fields: ["name"] },
      {
        id: "take",
        limit: "toy-pick",
        fields: ["place"],
        save: hold,
        schema: z.object({ place: z.string().min(1) }),
        pages: {
          pick: {
            schema: z.object({ place: z.string().min(1), row: z.string().optional() }),
            refuse: (value: { place: string }) => (value.place.startsWith("Z") ? { place: "noSuchPlace" } : null),
            save: hold,
          },
        },
      },
      { id: "phone", fields: ["phone"], schema: z.object({ phone: z.string().min(3) }), dependsOn: ["name"] },
    ],
    lapsed: async ({ answers, now: at }) => (answers.place && !((places.get(answers.place) ?? 0) > at.getTime()) ? ["place"] : []),
    actions: { more: { from: "take", run: async ({ form }) => ({ step: String(form.get("returnTo") ?? ""), notice: "more" }) } },
    submit: async () => "never",
  });
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
  const go = (draftId: string, step: string, fields: Record<string, string>, when = now, client = "192.0.2.20") =>
    postStep(conn.db, pagesFlow, { draftId, step, form: form(fields), client }, when);
  const show = (draftId: string, step: string, when = now) => loadStep(conn.db, pagesFlow, { draftId, step }, when);

  it("another page of a step: its place in the order and number, the step's page as its back link, its own form, where the step goes next", async () => {
    const draft = await startDraft(conn.db, pagesFlow, { locale: "zh-CN" }, now);
    expect(await show(draft.id, "pick")).toEqual({ kind: "goto", step: "name" });
    await go(draft.id, "name", { name: "周九" });
    expect(await show(draft.id, "pick")).toMatchObject({ kind: "page", step: "pick", back: "take", count: { n: 2, of: 4 } });
    // Its own check: a field error, nothing saved.
    expect(await go(draft.id, "pick", { place: "Z9" })).toMatchObject({ kind: "invalid", lastResult: { error: { place: ["noSuchPlace"] } } });
    expect(await go(draft.id, "pick", { place: "E5", row: "E" })).toEqual({ kind: "goto", step: "phone" });
    expect((await readDraft(conn.db, pagesFlow, draft.id, { now })).answers).toEqual({ name: "周九", place: "E5" });
    // An action may go back to it; the steps after still wait for the step.
    expect(await go(draft.id, "more", { returnTo: "pick" })).toEqual({ kind: "goto", step: "pick", notice: "more" });
    await go(draft.id, "phone", { phone: "123" });
    expect(await go(draft.id, "pick", { place: "E6", returnTo: "check" })).toEqual({ kind: "goto", step: "check" });
    await expect(show(draft.id, "pick-me")).rejects.toBeInstanceOf(NoSuchStep);
  });

  it("a refused post keeps what was typed; a rate-limited one says so as a form error", async () => {
    const draft = await startDraft(conn.db, pagesFlow, { locale: "zh-CN" }, now);
    await go(draft.id, "name", { name: "吴十" });
    const refused = await go(draft.id, "pick", { place: "E5", row: "E" });
    expect(refused).toMatchObject({ kind: "refused", error: { code: "seats_taken" }, lastResult: { initialValue: { place: "E5", row: "E" } } });
    const before = process.env.RATE_LIMIT_PER_MINUTE;
    process.env.RATE_LIMIT_PER_MINUTE = "1";
    try {
      const later = at(20 * 60);
      // The limit counts posts that would take a place (one a minute here): a wrong form is only its errors.
      expect((await go(draft.id, "pick", { place: "" }, later, "192.0.2.21")).kind).toBe("invalid");
      expect((await go(draft.id, "pick", { place: "F1" }, later, "192.0.2.21")).kind).toBe("goto");
      expect(await go(draft.id, "take", { place: "F2" }, later, "192.0.2.21")).toMatchObject({ kind: "limited", lastResult: { error: { "": ["rateLimited"] }, initialValue: { place: "F2" } } });
    } finally {
      if (before === undefined) delete process.env.RATE_LIMIT_PER_MINUTE;
      else process.env.RATE_LIMIT_PER_MINUTE = before;
    }
  });

  it("a step that does not depend on an answer that lapsed is saved all the same, and then that step is asked again", async () => {
    const draft = await startDraft(conn.db, pagesFlow, { locale: "zh-CN" }, now);
    await go(draft.id, "name", { name: "郑十一" });
    await go(draft.id, "take", { place: "G7" });
    // The place lapses while the phone is typed: saved, then the place again, told.
    const late = at(61);
    expect(await go(draft.id, "phone", { phone: "13600001111" }, late)).toEqual({ kind: "goto", step: "take", lapsed: true });
    expect((await readDraft(conn.db, pagesFlow, draft.id, { now: late })).answers).toEqual({ name: "郑十一", phone: "13600001111" });
    // A wrong answer is nothing to keep: the open step, as before. The page itself still waits for the place.
    expect(await go(draft.id, "phone", { phone: "1" }, late)).toEqual({ kind: "goto", step: "take" });
    expect(await show(draft.id, "phone", late)).toEqual({ kind: "goto", step: "take" });
    // What it depends on comes first.
    const fresh = await startDraft(conn.db, pagesFlow, { locale: "zh-CN" }, now);
    expect(await go(fresh.id, "phone", { phone: "13600002222" })).toEqual({ kind: "goto", step: "name" });
    expect((await readDraft(conn.db, pagesFlow, fresh.id, { now })).answers).toEqual({});
  });
});
