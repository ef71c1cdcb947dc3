import { useT } from "~/i18n/use-t";
import { LocalLink } from "./LocalLink";
import { useLocale } from "./use-locale";

export function SiteFooter() {
  const { t } = useT();
  const { locale } = useLocale();
  const phone = t("footer.phone");
  return (
    <footer className="site-footer">
      <div className="site-footer__columns">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact">{t("footer.contactHeading")}</h2>
          <dl className="contact-list">
            <dt>{t("footer.addressLabel")}</dt>
            <dd>
              {t("footer.address")}
              {/* For a taxi driver or a letter: the address as written in Chinese, marked so a screen reader reads it in Chinese. */}
              {locale === "zh-CN" ? null : (
                <>
                  {" ("}
                  <span lang="zh-CN">{t("footer.addressInChinese")}</span>
                  {")"}
                </>
              )}
            </dd>
            <dt>{t("footer.phoneLabel")}</dt>
            <dd>
              <a href={`tel:${phone.replace(/\D/g, "")}`}>{phone}</a>
            </dd>
            <dt>{t("footer.emailLabel")}</dt>
            <dd>
              <a href={`mailto:${t("footer.email")}`}>{t("footer.email")}</a>
            </dd>
          </dl>
        </section>
        <nav aria-labelledby="footer-links">
          <h2 id="footer-links">{t("footer.linksHeading")}</h2>
          <ul>
            <li>
              <LocalLink to="/accessibility">{t("footer.accessibility")}</LocalLink>
            </li>
            <li>
              <LocalLink to="/feedback">{t("footer.feedback")}</LocalLink>
            </li>
            <li>
              <LocalLink to="/settings">{t("footer.settings")}</LocalLink>
            </li>
            <li>
              <LocalLink to="/contact">{t("footer.contact")}</LocalLink>
            </li>
            <li>
              <LocalLink to="/figures">{t("footer.figures")}</LocalLink>
            </li>
          </ul>
        </nav>
      </div>
      <p className="site-footer__copyright">© {new Date().getFullYear()} {t("footer.copyright")}</p>
    </footer>
  );
}
