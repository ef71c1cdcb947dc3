import { useT } from "~/i18n/use-t";
import { LocalLink } from "./LocalLink";

/** The localized 404 and 500 pages: say what happened and what to do next, with the hotline. */
export function ErrorPage({ kind }: { kind: "notFound" | "forbidden" | "server" }) {
  const { t } = useT();
  const phone = t("footer.phone");
  if (kind === "forbidden") {
    return (
      <div className="page">
        <h1>{t("errors.forbiddenTitle")}</h1>
        <p>{t("errors.forbiddenText")}</p>
        <p>
          <LocalLink to="/admin">{t("errors.goDashboard")}</LocalLink>
        </p>
      </div>
    );
  }
  if (kind === "notFound") {
    return (
      <div className="page">
        <h1>{t("errors.notFoundHeading")}</h1>
        <p>{t("errors.notFoundText")}</p>
        <p>{t("errors.notFoundNext")}</p>
        <ul>
          <li>
            <LocalLink to="/">{t("errors.goHome")}</LocalLink>
          </li>
          <li>
            <LocalLink to="/contact">{t("errors.goContact")}</LocalLink>
          </li>
        </ul>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{t("errors.serverHeading")}</h1>
      <p>{t("errors.serverText", { phone })}</p>
      <p>
        <LocalLink to="/">{t("errors.goHome")}</LocalLink>
      </p>
    </div>
  );
}
