import { useT } from "~/i18n/use-t";

/** The first Tab stop of every page: jumps past the header to the main content. */
export function SkipLink() {
  const { t } = useT();
  return (
    <a className="skip-link" href="#main">
      {t("skipLink")}
    </a>
  );
}
