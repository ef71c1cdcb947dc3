import { Form, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { defaultPreferences, type Preferences } from "~/modules/preferences/preferences";
import { LocalLink } from "./LocalLink";
import { useLocale } from "./use-locale";

/** Header control: larger text and high contrast in one press each, plus a link to all display settings. */
export function QuickDisplaySettings() {
  const { t } = useT();
  const { href } = useLocale();
  const { pathname, search } = useLocation();
  const root = useRouteLoaderData<{ preferences: Preferences }>("root");
  const prefs = root?.preferences ?? defaultPreferences;
  const large = prefs.textSize !== "100";
  const high = prefs.contrast === "high";
  return (
    <Form method="post" action={href("/settings")} className="quick-settings" aria-label={t("header.quickSettingsLabel")}>
      <input type="hidden" name="redirectTo" value={pathname + search} />
      <button type="submit" name="intent" value="toggle-text-size" aria-pressed={large}>
        {t("header.largerText")}
      </button>
      <button type="submit" name="intent" value="toggle-contrast" aria-pressed={high}>
        {t("header.highContrast")}
      </button>
      <LocalLink to="/settings">{t("header.displaySettings")}</LocalLink>
    </Form>
  );
}
