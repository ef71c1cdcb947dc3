import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { LocalLink } from "~/components/LocalLink";
import { WithdrawLink } from "~/components/withdrawal/Withdraw";
import type { PageHandle } from "~/components/page-handle";
import { routeLocale } from "~/http/route-locale";
import { normaliseReference } from "~/modules/shared/reference";

export const handle: PageHandle = {
  title: ({ t }) => t("feedback.sentTitle"),
  crumbs: ({ t }) => [{ label: t("feedback.title"), to: "/feedback" }, { label: t("feedback.sentTitle") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const reference = normaliseReference(new URL(request.url).searchParams.get("ref") ?? "");
  if (!/^YJ-[2-9A-Z]{4}-[2-9A-Z]{4}$/.test(reference)) throw new Response("Not Found", { status: 404 });
  return { reference };
}

export default function FeedbackSent() {
  const { t } = useT();
  const { reference } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <div className="confirmation">
        <h1>{t("feedback.sentHeading")}</h1>
        <p>
          {t("feedback.sentReference")}
          <br />
          <strong className="reference">{reference}</strong>
        </p>
      </div>
      <p>{t("feedback.sentNext")}</p>
      <ul>
        <li>
          <WithdrawLink kind="feedback" reference={reference} />
        </li>
        <li>
          <LocalLink to="/feedback">{t("feedback.sentAgain")}</LocalLink>
        </li>
        <li>
          <LocalLink to="/">{t("feedback.sentHome")}</LocalLink>
        </li>
      </ul>
    </div>
  );
}
