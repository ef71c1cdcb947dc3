import type { LoaderFunctionArgs } from "@remix-run/node";
import { useT } from "~/i18n/use-t";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { routeLocale } from "~/http/route-locale";
import { metaDescription } from "~/modules/site/meta-description";
import { federationAddress, federationEmail, federationPhone, federationPhoneHref } from "~/modules/site/contact-details";

export const handle: PageHandle = {
  title: ({ t }) => t("contact.title"),
  description: ({ t, locale }) => metaDescription(t("contact.intro"), locale),
  crumbs: ({ t }) => [{ label: t("contact.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

export default function Contact() {
  const { t, locale } = useT();
  const phone = federationPhone;
  const email = federationEmail;
  const directions = t("contact.directions", { returnObjects: true }) as string[];
  return (
    <div className="page">
      <h1>{t("contact.title")}</h1>
      <p className="lead">{t("contact.intro")}</p>
      <h2>{t("contact.phoneHeading")}</h2>
      <p>
        <a className="big-link" href={federationPhoneHref}>
          {phone}
        </a>
      </p>
      <h2>{t("contact.addressHeading")}</h2>
      <address>{federationAddress[locale]}</address>
      <h2>{t("contact.emailHeading")}</h2>
      <p>
        <a href={`mailto:${email}`}>{email}</a>
      </p>
      <h2>{t("contact.hoursHeading")}</h2>
      <p>{t("contact.hoursText")}</p>
      <h2>{t("contact.directionsHeading")}</h2>
      <ul>
        {directions.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>{t("contact.writeHeading")}</h2>
      <p>{t("contact.writeText")}</p>
      <p>
        <LocalLink to="/feedback">{t("contact.writeLink")}</LocalLink>
      </p>
    </div>
  );
}
