import { getAllByRole, getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import { CheckList, FlowDone, FlowFrame } from "./FlowPage";

/**
 * The guided forms' shared parts as the server sends them (no JavaScript): the check page's change links say what
 * they change and come back to the check page; the frame links back and says where the person is, in the page's
 * language.
 */
const rendered = routeRendered;
const stepPath = (step: string, query = "") => `/library/apply/d1/${step}${query}`;
const d = { step: "format", draftId: "d1", back: "/library/apply/d1/certificate", count: { n: 4, of: 6 }, returnTo: "" };

describe("CheckList", () => {
  it("lists each answer with a change link named for what it changes, back to the check page; a fixed row has none", async () => {
    const root = await rendered(
      <CheckList
        stepPath={stepPath}
        rows={[
          { key: "activity", label: "活动", value: "读书会", step: null },
          { key: "name", label: "姓名", value: "陈静", step: "contact" },
        ]}
      />,
    );
    expect([...root.querySelectorAll("dt")].map((e) => e.textContent)).toEqual(["活动", "姓名"]);
    const links = getAllByRole(root, "link");
    expect(links).toHaveLength(1);
    expect(links[0].textContent).toMatch(/^修改/);
    expect(links[0].textContent).toContain("姓名");
    expect(links[0].getAttribute("href")).toBe("/library/apply/d1/contact?return=check");
  });

  it("speaks the page's language and keeps it in the link", async () => {
    const root = await rendered(<CheckList stepPath={stepPath} rows={[{ key: "name", label: "Name", value: "Chen Jing", step: "contact" }]} />, "/en/library/apply/d1/check");
    const link = getByRole(root, "link");
    expect(link.textContent).toMatch(/^Change/);
    expect(link.getAttribute("href")).toBe("/en/library/apply/d1/contact?return=check");
  });
});

describe("FlowFrame", () => {
  it("links back to the step before and says which step of how many", async () => {
    const root = await rendered(
      <FlowFrame d={d} errors={[]} flowName="借阅证申请">
        <h1>问题</h1>
      </FlowFrame>,
    );
    expect(getByRole(root, "link", { name: "返回" }).getAttribute("href")).toBe("/library/apply/d1/certificate");
    expect(root.querySelector(".step-count")?.textContent).toContain("借阅证申请");
    expect(root.querySelector(".step-count")?.textContent).toMatch(/4/);
  });
});

describe("FlowDone", () => {
  it("shows the reference under one h1, what happens next, and links to look it up, withdraw it and go back, in the page's language", async () => {
    const root = await rendered(
      <FlowDone
        heading="Application sent"
        label="Your reference"
        reference="LIB-2026-0042"
        nextHeading="What happens next"
        next={["We check your application.", "We call you."]}
        status={{ to: "/library/status", text: "Check your application" }}
        withdraw="library-card"
        back={{ to: "/library", text: "Back to the library" }}
      >
        <p>For the library card.</p>
      </FlowDone>,
      "/en/library/apply/d1/done",
    );
    expect(getAllByRole(root, "heading", { level: 1 }).map((h) => h.textContent)).toEqual(["Application sent"]);
    expect(root.querySelector(".reference")?.textContent).toBe("LIB-2026-0042");
    expect(getByRole(root, "heading", { level: 2, name: "What happens next" })).toBeTruthy();
    expect(getAllByRole(root, "listitem").map((li) => li.textContent)).toEqual(["We check your application.", "We call you."]);
    expect(getByRole(root, "link", { name: "Check your application" }).getAttribute("href")).toBe("/en/library/status");
    expect(getByRole(root, "link", { name: "Back to the library" }).getAttribute("href")).toBe("/en/library");
    const withdraw = getAllByRole(root, "link").find((a) => a.getAttribute("href")?.includes("LIB-2026-0042"));
    expect(withdraw?.getAttribute("href")).toMatch(/^\/en\//);
    expect(root.textContent).toContain("For the library card.");
  });
});
