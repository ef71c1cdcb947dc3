import { describe, expect, it } from "vitest";
import { getFixedT } from "~/i18n/i18n.server";
import * as centre from "~/modules/centre/errors";
import * as cinema from "~/modules/cinema/errors";
import * as lending from "~/modules/lending/errors";
import { DomainError, domainErrorStatus, domainErrorsByStatus } from "~/modules/shared/domain-error";
import { domainApiError, domainErrorAnswer, domainErrorInit } from "./domain-errors.server";

/** One of every kind of domain error, with the status it must be answered with (pages and API alike). */
const cases: Array<[DomainError, number]> = [
  [new cinema.NotFound("booking"), 404],
  [new cinema.SoldOut(3), 409],
  [new cinema.SoldOut(0, "noWheelchairSpace"), 409],
  [new cinema.BookingClosed("past"), 409],
  [new cinema.InvalidInput({ phone: "invalidPhone" }), 422],
  [new cinema.HoldExpired(), 409],
  [new cinema.ExtensionLimit(), 409],
  [new cinema.SeatsTaken(["r1s1"]), 409],
  [new cinema.NotAllowed("checkedIn"), 409],
  [new cinema.HoldLimit("phone", 8), 409],
  [new cinema.OfferClosed("expired"), 409],
  [new cinema.Busy(), 503],
  [new lending.NotFound("request"), 404],
  [new lending.InvalidInput({ phone: "invalidPhone" }), 422],
  [new lending.UnitUnavailable("QY-0001", "lent"), 409],
  [new lending.InsufficientStock("braille-display", "fogang-point", -1), 409],
  [new lending.WrongState("request", "rejected"), 409],
  [new lending.RenewalRefused("waiting"), 409],
  [new lending.Busy(), 503],
  [new centre.NotFound("signup"), 404],
  [new centre.InvalidInput({ phone: "invalidPhone" }), 422],
  [new centre.ActivityFull(), 409],
  [new centre.SignupClosed("closed"), 409],
  [new centre.AlreadySignedUp("HD-7K3Q-M9TD"), 409],
  [new centre.WrongState("cancelled"), 409],
  [new centre.OfferClosed("expired"), 409],
  [new centre.Busy(), 503],
];

const zh = getFixedT("zh-CN");
const en = getFixedT("en");

describe("one answer for every domain error", () => {
  it("covers every kind of error the cinema, lending and centre modules raise", () => {
    const kinds = [cinema, lending, centre].flatMap((module) =>
      Object.values(module).filter((v) => typeof v === "function" && v.prototype instanceof DomainError && Object.getPrototypeOf(v) !== DomainError),
    );
    expect(new Set(cases.map(([error]) => error.constructor))).toEqual(new Set(kinds));
  });

  it.each(cases.map(([error, status]) => [error.name, error.code, error, status] as const))(
    "%s (%s) is %i with its own sentence in Chinese and in English",
    (_name, _code, error, status) => {
      const inChinese = domainErrorAnswer(zh, error);
      const inEnglish = domainErrorAnswer(en, error);
      expect(inChinese.status).toBe(status);
      expect(inEnglish.status).toBe(status);
      expect(domainErrorInit(error).status).toBe(status);
      for (const [answer, t] of [
        [inChinese, zh],
        [inEnglish, en],
      ] as const) {
        expect(answer.code).toBe(error.code);
        expect(answer.message.length).toBeGreaterThan(5);
        // A real sentence: not the generic "could not be processed", no key path, no placeholder left unfilled.
        expect(answer.message).not.toBe(t("errors.badRequest"));
        expect(answer.message).not.toMatch(/\{\{|\b[a-z]+\.[a-z]+\.[a-zA-Z_.]+\b/);
      }
      expect(inChinese.message).toMatch(/[\u4e00-\u9fff]/);
      expect(inEnglish.message).not.toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it("says what the error is about: how many seats are left, which unit, which reference", () => {
    expect(domainErrorAnswer(zh, new cinema.SoldOut(3)).message).toContain("3");
    expect(domainErrorAnswer(en, new lending.UnitUnavailable("QY-0001", "lent")).message).toContain("QY-0001");
    expect(domainErrorAnswer(en, new centre.AlreadySignedUp("HD-7K3Q-M9TD")).message).toContain("HD-7K3Q-M9TD");
    expect(domainErrorAnswer(en, new cinema.HoldLimit("phone", 8)).message).toMatch(/8 seats/);
  });

  it("answers busy the same way in every module: 503, Retry-After, one sentence", () => {
    const answers = [new cinema.Busy(), new lending.Busy(), new centre.Busy()].map((error) => domainErrorAnswer(en, error));
    for (const answer of answers) expect(answer).toMatchObject({ code: "busy", status: 503, headers: { "Retry-After": "1" } });
    expect(new Set(answers.map((a) => a.message)).size).toBe(1);
    expect(domainErrorAnswer(en, new lending.WrongState("request", "approved")).headers).toEqual({});
  });

  it("gives each refused field its module's sentence", () => {
    const answer = domainErrorAnswer(en, new lending.InvalidInput({ phone: "invalidPhone", name: "required" }));
    expect(Object.keys(answer.fields ?? {})).toEqual(["phone", "name"]);
    expect(answer.message).toBe(`${answer.fields!.phone} ${answer.fields!.name}`);
    expect(domainErrorAnswer(en, new lending.Busy()).fields).toBeUndefined();
  });
});

describe("the JSON API's error response", () => {
  it("is the contract's shape with the table's status, in the client's language", async () => {
    const busy = domainApiError(new lending.Busy(), "zh-CN");
    expect(busy.status).toBe(503);
    expect(busy.headers.get("Retry-After")).toBe("1");
    expect(await busy.json()).toEqual({ error: "busy", message: zh("errors.busy") });

    const invalid = domainApiError(new cinema.InvalidInput({ phone: "invalidPhone" }), "en");
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body).toMatchObject({ error: "invalid_input", fields: { phone: expect.any(String) } });
    expect(body.message).toBe(body.fields.phone);

    const soldOut = domainApiError(new cinema.SoldOut(2), "en");
    expect(soldOut.status).toBe(409);
    expect(soldOut.headers.get("Retry-After")).toBeNull();
  });

  it("rethrows anything that is not a domain error (a bug stays a 500)", () => {
    const bug = new TypeError("undefined is not a function");
    expect(() => domainApiError(bug, "en")).toThrow(bug);
  });
});

describe("the status table", () => {
  it("groups a call's codes by status for the OpenAPI document", () => {
    expect(domainErrorsByStatus("not_found", "invalid_input", "busy", "sold_out", "hold_limit", "busy")).toEqual({
      404: ["not_found"],
      422: ["invalid_input"],
      409: ["sold_out", "hold_limit"],
      503: ["busy"],
    });
  });

  it("has a status for every code the modules raise", () => {
    for (const [error] of cases) expect(domainErrorStatus[error.code]).toBeDefined();
  });
});
