import { Form, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { defaultPreferences, type Preferences } from "~/modules/preferences/preferences";
import { LocalLink } from "./LocalLink";
import { useLocale } from "./use-locale";

const formId = "quick-settings";

function usePreferences(): Preferences {
  return useRouteLoaderData<{ preferences: Preferences }>("root")?.preferences ?? defaultPreferences;
}

/**
 * The header's large-text switch. It stays in the header bar when the rest of the header folds into the menu: the
 * control that just made the text large (and turns it back) must not disappear into a menu. It submits the quick
 * settings form below (the `form` attribute), so it works without JavaScript wherever it sits.
 */
export function LargeTextToggle() {
  const { t } = useT();
  return (
    <button type="submit" form={formId} name="intent" value="toggle-text-size" aria-pressed={usePreferences().textSize !== "100"} className="quick-setting">
      {t("header.largerText")}
    </button>
  );
}

/** Header control: high contrast in one press (large text is LargeTextToggle), plus a link to all display settings. */
export function QuickDisplaySettings() {
  const { t } = useT();
  const { href } = useLocale();
  const { pathname, search } = useLocation();
  const high = usePreferences().contrast === "high";
  return (
    <Form method="post" action={href("/settings")} id={formId} className="quick-settings" aria-label={t("header.quickSettingsLabel")}>
      <input type="hidden" name="redirectTo" value={pathname + search} />
      <button type="submit" name="intent" value="toggle-contrast" aria-pressed={high} className="quick-setting">
        {t("header.highContrast")}
      </button>
      <LocalLink to="/settings">{t("header.displaySettings")}</LocalLink>
    </Form>
  );
}
