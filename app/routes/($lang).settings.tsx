import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { RadioGroupField } from "~/components/Fields";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { readFormData, safeRedirectPath } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { applySettingsForm } from "~/modules/preferences/apply-settings";
import { contrasts, defaultPreferences, motions, spacings, textSizes, type Preferences } from "~/modules/preferences/preferences";
import { preferencesSetCookie, readPreferences } from "~/modules/preferences/preferences.server";
import { metaDescription } from "~/modules/site/meta-description";

export const handle: PageHandle = {
  title: ({ t }) => t("settings.title"),
  description: ({ t, locale }) => metaDescription(t("settings.intro"), locale),
  crumbs: ({ t }) => [{ label: t("settings.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const form = await readFormData(request);
  const next = applySettingsForm(await readPreferences(request), form);
  const headers = { "Set-Cookie": await preferencesSetCookie(request, next) };
  const back = form.get("redirectTo");
  if (back !== null) return redirect(safeRedirectPath(back, localePath("/", locale)), { headers });
  return redirect(`${localePath("/settings", locale)}?saved=1`, { headers });
}

export default function Settings() {
  const { t } = useT();
  const { href } = useLocale();
  const [params] = useSearchParams();
  const prefs = useRouteLoaderData<{ preferences: Preferences }>("root")?.preferences ?? defaultPreferences;
  const saved = params.get("saved") === "1";
  return (
    <div className="page page--narrow">
      <h1>{t("settings.title")}</h1>
      {saved ? (
        <div className="notice notice--success" role="status">
          <p>{t("settings.saved")}</p>
        </div>
      ) : null}
      <p className="lead">{t("settings.intro")}</p>
      <Form method="post" action={href("/settings")} key={JSON.stringify(prefs)}>
        <RadioGroupField
          id="settings-textSize"
          name="textSize"
          legend={t("settings.textSizeLegend")}
          legendAsHeading
          options={textSizes.map((v) => ({ value: v, label: t(`settings.textSize.${v}`) }))}
          defaultValue={prefs.textSize}
        />
        <RadioGroupField
          id="settings-contrast"
          name="contrast"
          legend={t("settings.contrastLegend")}
          legendAsHeading
          options={contrasts.map((v) => ({ value: v, label: t(`settings.contrast.${v}`) }))}
          defaultValue={prefs.contrast}
        />
        <RadioGroupField
          id="settings-spacing"
          name="spacing"
          legend={t("settings.spacingLegend")}
          legendAsHeading
          options={spacings.map((v) => ({ value: v, label: t(`settings.spacing.${v}`) }))}
          defaultValue={prefs.spacing}
        />
        <RadioGroupField
          id="settings-motion"
          name="motion"
          legend={t("settings.motionLegend")}
          legendAsHeading
          options={motions.map((v) => ({ value: v, label: t(`settings.motion.${v}`) }))}
          defaultValue={prefs.motion}
        />
        <p className="button-row">
          <button type="submit" className="button" name="intent" value="save">
            {t("settings.save")}
          </button>
          <button type="submit" className="button button--secondary" name="intent" value="reset">
            {t("settings.reset")}
          </button>
        </p>
      </Form>
    </div>
  );
}
