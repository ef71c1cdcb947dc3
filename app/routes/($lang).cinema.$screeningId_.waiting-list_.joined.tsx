import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { cinemaLinks } from "~/components/cinema/styles";
import { LocalLink } from "~/components/LocalLink";
import { WithdrawLink } from "~/components/withdrawal/Withdraw";
import type { PageHandle } from "~/components/page-handle";
import { notFound } from "~/http/cinema-flow.server";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { cinemaPhone } from "~/modules/cinema/cinema-constants";
import { findWaitingEntry, getScreening, NotFound } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";

export const links = cinemaLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("cinema.waiting.joinedTitle"),
  crumbs: ({ t }) => [{ label: t("cinema.schedule.title"), to: "/cinema" }, { label: t("cinema.waiting.joinedTitle") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const ref = new URL(request.url).searchParams.get("ref") ?? "";
  try {
    const screening = await getScreening(getDb(), String(params.screeningId ?? ""));
    const entry = await findWaitingEntry(getDb(), screening.id, ref);
    return { reference: entry.id, position: entry.position, status: entry.status, title: screening.title, phone: cinemaPhone };
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

export default function WaitingJoined() {
  const { t, locale } = useT();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <div className="confirmation">
        <h1>{t("cinema.waiting.joinedHeading")}</h1>
        <p>
          {t("cinema.waiting.reference")}
          <br />
          <strong className="reference">{d.reference}</strong>
        </p>
      </div>
      <p className="lead">
        {d.position ? t("cinema.waiting.position", { n: d.position, title: locale === "en" ? d.title.en : `《${d.title.zh}》` }) : null}
      </p>
      <p>{t("cinema.waiting.next", { phone: d.phone })}</p>
      <p>
        <WithdrawLink kind="waiting-list" reference={d.reference} />
      </p>
      <p>
        <LocalLink to="/cinema">{t("cinema.flow.backToSchedule")}</LocalLink>
      </p>
    </div>
  );
}
