import { useT } from "~/i18n/use-t";
import { LocalLink } from "./LocalLink";

/** A service whose online part is not built yet: say so plainly and give the way to reach a person now. */
export function ServicePending({ name }: { name: string }) {
  const { t } = useT();
  const phone = t("footer.phone");
  return (
    <div className="page page--narrow">
      <h1>{name}</h1>
      <p className="lead">{t("service.comingText")}</p>
      <p>
        <a className="big-link" href={`tel:${phone.replace(/\D/g, "")}`}>
          {t("service.callUs", { phone })}
        </a>
      </p>
      <p>
        <LocalLink to="/feedback">{t("footer.feedback")}</LocalLink>
      </p>
    </div>
  );
}
