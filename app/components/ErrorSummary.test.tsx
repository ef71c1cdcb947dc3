// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { getAllByRole, getByRole, queryByRole } from "@testing-library/dom";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { routeRendered, translated } from "../../tests/support/component";
import { ErrorSummary } from "./ErrorSummary";
import { FormErrorsProvider, useHasFormErrors } from "./use-form-errors-state";

afterEach(cleanup);
// jsdom lays nothing out, so it has no scrollIntoView.
Element.prototype.scrollIntoView ??= () => {};

const errors = [
  { id: "f-phone", text: "请填写11位手机号码" },
  { text: "这场放映已经满座" },
];

describe("ErrorSummary", () => {
  it("without JavaScript is a group named by its heading, focused on load, each field's message a link to the field", async () => {
    const root = await routeRendered(<ErrorSummary errors={errors} />, "/cinema/s1/book");
    const summary = getByRole(root, "group", { name: "提交前请修改以下问题" });
    expect(summary.hasAttribute("autofocus")).toBe(true);
    expect(summary.getAttribute("tabindex")).toBe("-1");
    const items = getAllByRole(summary, "listitem");
    expect(items.map((li) => li.textContent)).toEqual(["请填写11位手机号码", "这场放映已经满座"]);
    expect(getByRole(summary, "link", { name: "请填写11位手机号码" }).getAttribute("href")).toBe("#f-phone");
    // A message for the whole form has no field to go to.
    expect(queryByRole(items[1], "link")).toBeNull();
  });

  it("says nothing at all when there are no errors; in English on /en", async () => {
    expect((await routeRendered(<ErrorSummary errors={[]} />, "/feedback")).textContent).toBe("");
    const en = await routeRendered(<ErrorSummary errors={[{ id: "x", text: "Enter a phone number" }]} />, "/en/feedback");
    expect(getByRole(en, "group", { name: "There is a problem" })).toBeTruthy();
  });

  it("in the browser takes focus, reports the errors for the page title, and a link moves focus to its field", async () => {
    function TitleWatch() {
      return <p data-testid="title-errors">{String(useHasFormErrors())}</p>;
    }
    const router = createMemoryRouter(
      [
        {
          path: "*",
          element: (
            <FormErrorsProvider>
              <TitleWatch />
              <ErrorSummary errors={errors} />
              <label htmlFor="f-phone">手机号码</label>
              <input id="f-phone" name="phone" />
            </FormErrorsProvider>
          ),
        },
      ],
      { initialEntries: ["/cinema/s1/book"] },
    );
    render(translated(<RouterProvider router={router} future={{ v7_startTransition: true }} />));
    const summary = screen.getByRole("group", { name: "提交前请修改以下问题" });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByTestId("title-errors").textContent).toBe("true");
    fireEvent.click(within(summary).getByRole("link", { name: "请填写11位手机号码" }));
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "手机号码" }));
  });
});
