// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, Form, Outlet, RouterProvider, useActionData, useFetcher } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { translated } from "../../tests/support/component";
import { ErrorSummary } from "./ErrorSummary";
import { FormErrorsProvider, hasFormErrors, ServerFormErrors, useHasFormErrors } from "./use-form-errors-state";

/**
 * The "错误：" title prefix (root.tsx) follows what the page shows: an error summary with errors, whether the
 * errors came back to a navigation or to a fetcher (the assistant's form); on the server, the action's answer.
 */
afterEach(cleanup);
// jsdom lays nothing out: the summary's scroll into view has nothing to do.
Element.prototype.scrollIntoView ??= () => {};

function Title() {
  return <h1>{(useHasFormErrors() ? "错误：" : "") + "提问"}</h1>;
}

function Root() {
  return (
    <FormErrorsProvider>
      <Title />
      <Outlet />
    </FormErrorsProvider>
  );
}

type Answer = { hasErrors: boolean; message: string | null };
async function answer({ request }: { request: Request }): Promise<Answer> {
  const question = String((await request.formData()).get("question") ?? "");
  return question ? { hasErrors: false, message: null } : { hasErrors: true, message: "请输入问题" };
}

function FetcherPage() {
  const fetcher = useFetcher<Answer>();
  return (
    <fetcher.Form method="post">
      <ErrorSummary errors={fetcher.data?.message ? [{ id: "question", text: fetcher.data.message }] : []} />
      <label htmlFor="question">问题</label>
      <input id="question" name="question" />
      <button type="submit">提问</button>
    </fetcher.Form>
  );
}

function NavigationPage() {
  const result = useActionData() as Answer | undefined;
  return (
    <Form method="post">
      <ErrorSummary errors={result?.message ? [{ id: "question", text: result.message }] : []} />
      <label htmlFor="question">问题</label>
      <input id="question" name="question" />
      <button type="submit">提问</button>
    </Form>
  );
}

function page(Page: () => JSX.Element) {
  const router = createMemoryRouter([{ path: "/", element: <Root />, children: [{ index: true, element: <Page />, action: answer }] }], {
    future: { v7_fetcherPersist: true },
  });
  render(translated(<RouterProvider router={router} future={{ v7_startTransition: false }} />));
}

async function ask(question: string) {
  fireEvent.change(screen.getByRole("textbox", { name: "问题" }), { target: { value: question } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "提问" })));
}

const title = () => screen.getByRole("heading", { level: 1 }).textContent;

describe("useHasFormErrors", () => {
  it("says so after a fetcher's post comes back with errors, and no longer once a post succeeds", async () => {
    page(FetcherPage);
    expect(title()).toBe("提问");
    await ask("");
    await screen.findByRole("group", { name: "提交前请修改以下问题" });
    expect(title()).toBe("错误：提问");
    await ask("怎么申请残疾人证？");
    await expect.poll(() => screen.queryByRole("group", { name: "提交前请修改以下问题" })).toBeNull();
    expect(title()).toBe("提问");
  });

  it("says so after a navigation's post comes back with errors", async () => {
    page(NavigationPage);
    await ask("");
    await screen.findByRole("group", { name: "提交前请修改以下问题" });
    expect(title()).toBe("错误：提问");
  });

  it("on the server, says what the action answered, before the page below is rendered", () => {
    const html = (value: boolean) =>
      renderToString(
        translated(
          <ServerFormErrors value={value}>
            <FormErrorsProvider>
              <Title />
            </FormErrorsProvider>
          </ServerFormErrors>,
        ),
      );
    expect(html(true)).toContain("错误：提问");
    expect(html(false)).not.toContain("错误：");
    expect(hasFormErrors({ root: { messages: {} }, "routes/assistant": { hasErrors: true } })).toBe(true);
    expect(hasFormErrors({ "routes/assistant": { hasErrors: false } })).toBe(false);
    expect(hasFormErrors(null)).toBe(false);
  });
});
