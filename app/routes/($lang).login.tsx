import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Fields";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { readFormData, safeRedirectPath } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { plainText } from "~/modules/privacy/text-fields";
import { attemptLogin, currentStaff } from "~/modules/staff/index.server";

export const handle: PageHandle = {
  title: ({ t }) => t("login.title"),
  crumbs: ({ t }) => [{ label: t("login.title") }],
};

const loginSchema = z.object({
  username: plainText({ max: 64, min: 1, tooLong: "invalid" }),
  password: z.string({ required_error: "required" }).min(1, "required").max(256, "invalid"), // raw: compared with its hash, never stored
  redirectTo: z.string().optional(), // raw: only read through safeRedirectPath
});

export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  if (await currentStaff(getDb(), request)) throw redirect(localePath("/admin", locale));
  return null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const form = await readFormData(request);
  // The user name typed comes back into the form (never the password), so a failed sign-in loses nothing else.
  const typed = loginSchema.shape.username.safeParse(form.get("username"));
  const username = typed.success ? typed.data : "";
  const submission = parseWithZod(form, { schema: loginSchema });
  if (submission.status !== "success") {
    const missing = Object.values(submission.error ?? {}).some((codes) => codes?.includes("required"));
    return data({ hasErrors: true, problem: missing ? ("missing" as const) : ("invalid" as const), minutes: 0, username }, { status: 400 });
  }
  const result = await attemptLogin(getDb(), request, { ...submission.value, client: context.clientIp ?? "local" });
  if (result.status === "throttled") {
    return data(
      { hasErrors: true, problem: "throttled" as const, minutes: Math.ceil(result.retryAfterSeconds / 60), username },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (result.status === "invalid") return data({ hasErrors: true, problem: "invalid" as const, minutes: 0, username }, { status: 401 });
  const fallback = localePath("/admin", locale);
  const target = safeRedirectPath(submission.value.redirectTo ?? null, fallback);
  return redirect(/^\/(en\/)?admin(\/|$)/.test(target) ? target : fallback, { headers: { "Set-Cookie": result.cookie } });
}

export default function Login() {
  const { t } = useT();
  const { href } = useLocale();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const message = !result
    ? null
    : result.problem === "throttled"
      ? t("login.throttled", { minutes: result.minutes })
      : result.problem === "missing"
        ? t("login.missing")
        : t("login.invalid");
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={message ? [{ id: "login-username", text: message }] : []} />
      <h1>{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      <Form method="post" action={href("/login")} noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField id="login-username" name="username" label={t("login.username")} autoComplete="username" required defaultValue={result?.username ?? ""} />
        <TextField id="login-password" name="password" type="password" label={t("login.password")} autoComplete="current-password" required />
        <button type="submit" className="button">
          {t("login.submit")}
        </button>
      </Form>
    </div>
  );
}
