import { useT } from "~/i18n/use-t";
import { hasGovernmentIdentifiers, type GovernmentIdentifiers } from "~/modules/site/government-identifiers";
import { LocalLink } from "./LocalLink";
import { useLocale } from "./use-locale";
import { federationAddress, federationEmail, federationPhone, federationPhoneHref } from "~/modules/site/contact-details";

export function SiteFooter({ identifiers }: { identifiers?: GovernmentIdentifiers }) {
  const { t } = useT();
  const { locale } = useLocale();
  const phone = federationPhone;
  return (
    <footer className="site-footer">
      <div className="site-footer__columns">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact">{t("footer.contactHeading")}</h2>
          <dl className="contact-list">
            <dt>{t("footer.addressLabel")}</dt>
            <dd>
              {federationAddress[locale]}
              {/* For a taxi driver or a letter: the address as written in Chinese, marked so a screen reader reads it in Chinese. */}
              {locale === "zh-CN" ? null : (
                <>
                  {" ("}
                  <span lang="zh-CN">{federationAddress["zh-CN"]}</span>
                  {")"}
                </>
              )}
            </dd>
            <dt>{t("footer.phoneLabel")}</dt>
            <dd>
              <a href={federationPhoneHref}>{phone}</a>
            </dd>
            <dt>{t("footer.emailLabel")}</dt>
            <dd>
              <a href={`mailto:${federationEmail}`}>{federationEmail}</a>
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
      {identifiers && hasGovernmentIdentifiers(identifiers) ? <IdentifierList ids={identifiers} /> : null}
      <p className="site-footer__copyright">© {new Date().getFullYear()} {t("footer.copyright")}</p>
    </footer>
  );
}

/**
 * 主办单位, 网站标识码, the filing numbers and the 党政机关网站标识: each only when configured. The names and
 * numbers are Chinese (粤ICP备…): on English pages they are marked so (WCAG 3.1.2).
 */
function IdentifierList({ ids }: { ids: GovernmentIdentifiers }) {
  const { t } = useT();
  const { locale } = useLocale();
  const lang = locale === "zh-CN" ? undefined : "zh-CN";
  return (
    <ul className="site-footer__identifiers" aria-label={t("footer.identifiersLabel")}>
      {ids.sponsor ? (
        <li>
          {t("footer.sponsorLabel")}
          <span lang={lang}>{ids.sponsor}</span>
        </li>
      ) : null}
      {ids.siteCode ? (
        <li>
          {t("footer.siteCodeLabel")}
          {ids.siteCode}
        </li>
      ) : null}
      {ids.icp ? (
        <li>
          <a href={ids.icp.href} lang={lang}>
            {ids.icp.text}
          </a>
        </li>
      ) : null}
      {ids.publicSecurity ? (
        <li>
          {ids.publicSecurity.href ? (
            <a href={ids.publicSecurity.href} lang={lang}>
              {ids.publicSecurity.text}
            </a>
          ) : (
            <span lang={lang}>{ids.publicSecurity.text}</span>
          )}
        </li>
      ) : null}
      {ids.conacUrl ? (
        <li>
          <a href={ids.conacUrl}>{t("footer.conacLink")}</a>
        </li>
      ) : null}
    </ul>
  );
}
