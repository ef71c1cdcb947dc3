import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "../../tests/support/route-call";
import { testDatabaseUrl } from "../../tests/support/test-db";

/**
 * A flow's step route at the HTTP edge, on the toy flow (tests/support/toy-flow.ts), posted the way a browser
 * without JavaScript posts: each step a form that redirects (PRG); errors come back as 400 with Conform's reply for
 * the error summary; a draft that is gone, expired or a page the flow does not have is the 404 page; a body that is
 * not a form is a 400; the check page is rate limited (429 with Retry-After). Never a 500.
 */
process.env.DATABASE_URL = await testDatabaseUrl();
process.env.RATE_LIMIT_PER_MINUTE = "0";
const db = await import("~/modules/db/index.server");
const { flowRoute } = await import("./flow-route.server");
const { defineFlow, startDraft } = await import("~/modules/flows/index.server");
const { DomainError } = await import("~/modules/shared/domain-error");
const { toyFlow } = await import("../../tests/support/toy-flow");

beforeAll(async () => {
  await db.migrateToLatest(db.getDb());
});
afterAll(async () => db.getDb().destroy());

const route = flowRoute(toyFlow, {
  context: async (_db, params) => {
    if (params.box !== "box-1") throw new (await import("~/modules/flows/index.server")).DraftGone("missing");
    return { scope: "box-1", value: { box: "box-1" } };
  },
  path: (c, draftId, step, query = "") => `/toy/${c.box}/${draftId}/${step}${query}`,
  start: (c) => `/toy/${c.box}`,
  view: ({ draft }) => ({ answers: draft.answers }),
});

const start = async () => (await startDraft(db.getDb(), toyFlow, { locale: "en", scope: "box-1" })).id;
const call = (fn: "loader" | "action", draftId: string, step: string, options: { form?: Record<string, string>; query?: string; en?: boolean; box?: string } = {}) =>
  callRoute(route[fn], {
    url: `${options.en ? "/en" : ""}/toy/${options.box ?? "box-1"}/${draftId}/${step}${options.query ?? ""}`,
    params: { ...(options.en ? { lang: "en" } : {}), box: options.box ?? "box-1", draftId, step },
    ...(fn === "action" ? { form: options.form ?? {} } : {}),
  });

describe("a step route", () => {
  it("posts without JavaScript: saved and redirected to the next page, in the page's language", async () => {
    const id = await start();
    const answer = await call("action", id, "pet", { form: { pet: "no" }, en: true });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/en/toy/box-1/${id}/email`);
    const page = await call("loader", id, "email", { en: true });
    expect(page.body).toMatchObject({ step: "email", draftId: id, back: `/toy/box-1/${id}/pet`, count: { n: 2, of: 3 }, returnTo: "", answers: { pet: "no" } });
  });

  it("says where the change link came from, and goes back to the check page", async () => {
    const id = await start();
    await call("action", id, "pet", { form: { pet: "no" } });
    await call("action", id, "email", { form: { email: "a@example.cn" } });
    expect((await call("loader", id, "email", { query: "?return=check" })).body.returnTo).toBe("check");
    expect((await call("action", id, "email", { form: { email: "b@example.cn", returnTo: "check" } })).location).toBe(`/toy/box-1/${id}/check`);
  });

  it("answers a wrong form with 400 and what was typed, a skipped page with a redirect", async () => {
    const id = await start();
    const wrong = await call("action", id, "pet", { form: { pet: "maybe\u0000" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ hasErrors: true, message: null, lastResult: { error: { pet: ["chooseOne"] } } });
    expect((await call("loader", id, "email")).location).toBe(`/toy/box-1/${id}/pet`);
  });

  it("is the 404 page for a draft that is gone, expired, of another scope, or a page the flow does not have", async () => {
    const id = await start();
    expect((await call("loader", "nope", "pet")).status).toBe(404);
    expect((await call("action", "nope", "pet", { form: { pet: "no" } })).status).toBe(404);
    expect((await call("loader", id, "secret")).status).toBe(404);
    expect((await call("loader", id, "pet", { box: "box-2" })).status).toBe(404);
    expect((await call("action", id, "done")).status).toBe(404);
    await db.getDb().updateTable("flow_drafts").set({ expires_at: "2000-01-01T00:00:00.000Z" }).where("id", "=", id).execute();
    expect((await call("loader", id, "pet")).status).toBe(404);
    expect((await call("action", id, "pet", { form: { pet: "no" } })).status).toBe(404);
  });

  it("a body that is not a form is a 400, not a 500", async () => {
    const id = await start();
    const answer = await callRoute(route.action, {
      url: `/toy/box-1/${id}/pet`,
      params: { box: "box-1", draftId: id, step: "pet" },
      json: { pet: "no" },
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
    });
    expect(answer.status).toBe(400);
  });

  it("limits the check page's submit: 429 with Retry-After and a sentence for the error summary", async () => {
    process.env.RATE_LIMIT_PER_MINUTE = "1";
    try {
      const ids = [await start(), await start()];
      for (const id of ids) {
        await call("action", id, "pet", { form: { pet: "no" } });
        await call("action", id, "email", { form: { email: "c@example.cn" } });
      }
      expect((await call("action", ids[0], "check")).location).toBe(`/toy/box-1/${ids[0]}/done`);
      const limited = await call("action", ids[1], "check");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(limited.body).toMatchObject({ hasErrors: true, message: expect.any(String) });
    } finally {
      process.env.RATE_LIMIT_PER_MINUTE = "0";
    }
  });

  it("a change from the check page that needs a new answer first goes to that page and then back to the check page", async () => {
    const id = await start();
    await call("action", id, "pet", { form: { pet: "no" } });
    await call("action", id, "email", { form: { email: "d@example.cn" } });
    expect((await call("action", id, "pet", { form: { pet: "yes", returnTo: "check" } })).location).toBe(`/toy/box-1/${id}/pet-name?return=check`);
    expect((await call("loader", id, "pet-name", { query: "?return=check" })).body.returnTo).toBe("check");
    expect((await call("action", id, "pet-name", { form: { petName: "小白", returnTo: "check" } })).location).toBe(`/toy/box-1/${id}/check`);
  });
});

describe("a step with a route of its own, and a record page of its own after the submit", () => {
  // One route file a step (`…/pet.tsx`), and the record's own page instead of the engine's done page.
  const own = (step: string) =>
    flowRoute(toyFlow, {
      step,
      context: async () => ({ scope: "box-1", value: { box: "box-1" } }),
      path: (c, draftId, to, query = "") => `/toy/${c.box}/${draftId}/${to}${query}`,
      start: (c) => `/toy/${c.box}`,
      view: ({ draft }) => ({ answers: draft.answers }),
      finished: async ({ draft }) => {
        if (draft.answers.email === "gone@example.cn") throw new (await import("~/modules/flows/index.server")).DraftGone("missing");
        return `/toy/records/${draft.reference}`;
      },
    });
  const at = (step: string, id: string) => ({ url: `/toy/box-1/${id}/${step}`, params: { box: "box-1", draftId: id } });

  it("is the step its route names, whatever the URL's parameters say", async () => {
    const id = await start();
    const pet = own("pet");
    expect((await callRoute(pet.loader, at("pet", id))).body).toMatchObject({ step: "pet", back: "/toy/box-1", count: { n: 1, of: 3 } });
    expect((await callRoute(pet.action, { ...at("pet", id), form: { pet: "no" } })).location).toBe(`/toy/box-1/${id}/email`);
    expect((await callRoute(own("email").loader, at("email", id))).body).toMatchObject({ step: "email", back: `/toy/box-1/${id}/pet` });
    // An unanswered step comes first, as with one `$step` route.
    const fresh = await start();
    expect((await callRoute(own("email").loader, at("email", fresh))).location).toBe(`/toy/box-1/${fresh}/pet`);
  });

  it("after the submit, the check page and every step lead to the record's page; a record that is gone is the 404 page", async () => {
    const id = await start();
    await callRoute(own("pet").action, { ...at("pet", id), form: { pet: "no" } });
    await callRoute(own("email").action, { ...at("email", id), form: { email: "e@example.cn" } });
    const sent = await callRoute(own("check").action, { ...at("check", id), form: {} });
    expect(sent.location).toMatch(/^\/toy\/records\/TOY-/);
    expect((await callRoute(own("pet").loader, at("pet", id))).location).toBe(sent.location);
    expect((await callRoute(own("check").action, { ...at("check", id), form: {} })).location).toBe(sent.location);

    const other = await start();
    await callRoute(own("pet").action, { ...at("pet", other), form: { pet: "no" } });
    await callRoute(own("email").action, { ...at("email", other), form: { email: "gone@example.cn" } });
    expect((await callRoute(own("check").action, { ...at("check", other), form: {} })).status).toBe(404);
    expect((await callRoute(own("email").loader, at("email", other))).status).toBe(404);
  });
});

describe("a step's post refused by a domain error", () => {
  // The toy flow whose pet step refuses "no" as a seat taken meanwhile would be (a conflict: the mapper's 409).
  class Taken extends DomainError {
    constructor() {
      super("seats_taken", "taken");
    }
  }
  const refusing = defineFlow({
    ...toyFlow,
    steps: toyFlow.steps.map((s) =>
      s.id === "pet"
        ? {
            ...s,
            save: (value: { pet: "yes" | "no" }) => {
              if (value.pet === "no") throw new Taken();
              return { pet: value.pet };
            },
          }
        : s,
    ),
  });
  const routeWith = (options: { errorFields?: (error: InstanceType<typeof DomainError>) => Record<string, string> | null }) =>
    flowRoute(refusing, { ...options, step: "pet", context: async () => ({ scope: "box-1", value: {} }), path: (_c, id, to) => `/toy/box-1/${id}/${to}`, start: () => "/toy", view: () => ({}) });
  const postPet = async (r: ReturnType<typeof routeWith>) => {
    const id = await start();
    return callRoute(r.action, { url: `/toy/box-1/${id}/pet`, params: { box: "box-1", draftId: id }, form: { pet: "no" } });
  };

  it("is the mapper's status and sentence, with what was typed kept", async () => {
    const answer = await postPet(routeWith({}));
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ hasErrors: true, message: expect.any(String), lastResult: { initialValue: { pet: "no" } } });
  });

  it("shown at a field when the page says the refusal is about it (errorFields), the status still the mapper's", async () => {
    const answer = await postPet(routeWith({ errorFields: (error) => (error.code === "seats_taken" ? { pet: "taken" } : null) }));
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ hasErrors: true, message: null, lastResult: { initialValue: { pet: "no" }, error: { pet: ["taken"] } } });
  });
});
