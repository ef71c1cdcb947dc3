import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { availabilityText } from "~/components/devices/availability";
import { devicesLinks } from "~/components/devices/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { refuseTooManyDrafts } from "~/http/draft-limit.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { requestStepPath } from "~/modules/lending/lending-constants";
import { getDeviceType, NotFound, requestDrafts, type DeviceDetail } from "~/modules/lending/index.server";
import { metaDescription } from "~/modules/site/meta-description";
import { federationPhone } from "~/modules/site/contact-details";

export const links = devicesLinks;

const nameOf = (data: unknown, locale: string) => {
  const device = (data as { device?: DeviceDetail } | undefined)?.device;
  return device ? (locale === "en" ? device.name.en : device.name.zh) : "";
};
export const handle: PageHandle = {
  title: ({ data, locale }) => nameOf(data, locale),
  description: ({ data, locale }) => {
    const device = (data as { device?: DeviceDetail } | undefined)?.device;
    return device ? metaDescription(locale === "en" ? device.description.en : device.description.zh, locale) : "";
  },
  crumbs: ({ t, data, locale }) => [{ label: t("devices.catalogue.title"), to: "/devices" }, { label: nameOf(data, locale) }],
};

async function loadDevice(id: string) {
  try {
    return await getDeviceType(getDb(), id);
  } catch (error) {
    if (error instanceof NotFound) throw new Response("Not Found", { status: 404 });
    throw error;
  }
}

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return { device: await loadDevice(String(params.deviceId ?? "")) };
}

/**
 * "Request this device": a server-side draft, then the first question. A POST, so it works without JavaScript;
 * limited per client.
 */
export async function action({ params, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const device = await loadDevice(String(params.deviceId ?? ""));
  const refused = await refuseTooManyDrafts(context, locale);
  if (refused) return refused;
  const draft = await requestDrafts.start(getDb(), { locale, scope: device.id });
  return redirect(localePath(requestStepPath(device.id, draft.id, "contact"), locale));
}

export default function DevicePage() {
  const { t, locale } = useT();
  const { device } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const en = locale === "en";
  const loan = device.mode === "loan";
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }] : []} />
      <h1>{en ? device.name.en : device.name.zh}</h1>
      <p>
        <span className="tag">{t(`devices.categories.${device.category}`)}</span>
        <span className="tag">{t(`devices.modes.${device.mode}`)}</span>
      </p>
      <figure className="device-figure">
        <img src={device.image} alt={en ? device.imageAlt.en : device.imageAlt.zh} width={192} height={192} />
      </figure>
      <p className="lead">{en ? device.description.en : device.description.zh}</p>

      <h2>{t("devices.device.whoHeading")}</h2>
      <p>{en ? device.audience.en : device.audience.zh}</p>
      <p>{t("devices.catalogue.servesLine", { list: device.disabilities.map((x) => t(`devices.disabilities.${x}`)).join(t("devices.listSeparator")) })}</p>

      <h2>{t("devices.device.modeHeading")}</h2>
      <p>{loan ? t("devices.device.loanText", { days: device.loanDays ?? 90 }) : t("devices.device.fittingText")}</p>

      <h2>{t("devices.device.whereHeading")}</h2>
      <ul className="availability">
        {device.locations.map((l) => (
          <li key={l.locationId}>{availabilityText(t, locale, l, device.mode)}</li>
        ))}
      </ul>
      {device.available === 0 ? <p>{t("devices.device.noneAvailable")}</p> : null}

      <h2>{loan ? t("devices.device.requestHeadingLoan") : t("devices.device.requestHeadingFitting")}</h2>
      <p>{t("devices.device.requestIntro")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {loan ? t("devices.device.startLoan") : t("devices.device.startFitting")}
        </button>
      </Form>

      <h2>{t("devices.device.termsHeading")}</h2>
      <ul>
        <li>{t("devices.device.termOwnService")}</li>
        {loan ? <li>{t("devices.device.termReturn")}</li> : <li>{t("devices.device.termFitting")}</li>}
        <li>{t("devices.device.termDuplicate")}</li>
        <li>{t("devices.device.termHelp", { phone: federationPhone })}</li>
      </ul>
      <p>
        <LocalLink to="/devices">{t("devices.device.backToCatalogue")}</LocalLink>
      </p>
    </div>
  );
}
