import { useT } from "~/i18n/use-t";
import { LocalLink } from "./LocalLink";
import { federationPhone, federationPhoneHref } from "~/modules/site/contact-details";

/** A service whose online part is not built yet: say so plainly and give the way to reach a person now. */
export function ServicePending({ name }: { name: string }) {
  const { t } = useT();
  const phone = federationPhone;
  return (
    <div className="page page--narrow">
      <h1>{name}</h1>
      <p className="lead">{t("service.comingText")}</p>
      <p>
        <a className="big-link" href={federationPhoneHref}>
          {t("service.callUs", { phone })}
        </a>
      </p>
      <p>
        <LocalLink to="/feedback">{t("footer.feedback")}</LocalLink>
      </p>
    </div>
  );
}
