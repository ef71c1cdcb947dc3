import { Fragment } from "react";
import { htmlLang } from "~/i18n/config";
import { languageRuns } from "~/i18n/language-runs";
import { useT } from "~/i18n/use-t";

/**
 * Text that may mix the two languages (an English answer quoting a Chinese guide's title, steps or words),
 * with each part not in the page's language marked with its `lang`, decided by its script (languageRuns), so
 * a screen reader reads 残疾人证 with a Chinese voice on /en (WCAG 3.1.2).
 */
export function LangText({ text }: { text: string }) {
  const { locale } = useT();
  const pageLang = htmlLang(locale);
  return (
    <>
      {languageRuns(text, locale).map((run, i) =>
        run.lang === pageLang ? (
          <Fragment key={i}>{run.text}</Fragment>
        ) : (
          <span key={i} lang={run.lang}>
            {run.text}
          </span>
        ),
      )}
    </>
  );
}
