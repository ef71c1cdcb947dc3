import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { deviceErrors } from "~/components/devices/device-errors";
import { DevicesAdminNav } from "~/components/devices/DevicesAdminNav";
import { devicesLinks } from "~/components/devices/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { RadioGroupField, TextAreaField, TextField } from "~/components/Fields";
import { SearchableSelectField } from "~/components/SearchableSelectField";
import { fieldId, formState } from "~/components/form-state";
import { domainFailure, formFailure, lendingActor, type FormFailure } from "~/http/devices-admin.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { unitConditions } from "~/modules/lending/lending-constants";
import { intake, intakeSchema, listDeviceTypes, listLocations } from "~/modules/lending/index.server";
import { requireStaff } from "~/modules/staff/index.server";

export const links = devicesLinks;
export const handle: AdminHandle = {
  staffRole: "lending",
  title: ({ t }) => t("devices.admin.intake.title"),
  crumbs: ({ t }) => [
    { label: t("admin.dashboard"), to: "/admin" },
    { label: t("devices.admin.queue.title"), to: "/admin/devices" },
    { label: t("devices.admin.intake.title") },
  ],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "lending");
  const [types, locations] = await Promise.all([listDeviceTypes(getDb(), {}, { withExamplePoints: true }), listLocations(getDb())]);
  return { types: types.map((x) => ({ id: x.id, name: x.name })), locations: locations.map((x) => ({ id: x.id, name: x.name })) };
}

/** 入库: new units (purchase, donation, made to measure), each with a new asset tag and an "in" movement. */
export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const session = await requireStaff(request, "lending");
  const submission = parseWithZod(await readFormData(request), { schema: intakeSchema });
  if (submission.status !== "success") return formFailure("intake", submission.reply());
  let tags: string[];
  try {
    tags = await intake(getDb(), lendingActor(session), submission.value);
  } catch (error) {
    return domainFailure(error, "intake", locale, (fieldErrors) => submission.reply({ fieldErrors }));
  }
  const { typeId, locationId } = submission.value;
  return redirect(localePath(`/admin/devices/units?type=${encodeURIComponent(typeId)}&location=${encodeURIComponent(locationId)}&added=${tags.length}`, locale));
}

export default function Intake() {
  const { t, locale } = useT();
  const { types, locations } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const state = formState(failure?.lastResult);
  const { fieldErrors, summary } = deviceErrors(t, state, "intake", ["typeId", "locationId", "quantity", "condition", "reason"]);
  const en = locale === "en";
  const id = (name: string) => fieldId("intake", name);
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={[...(failure?.message ? [{ text: failure.message }] : []), ...summary]} />
      <h1>{t("devices.admin.intake.title")}</h1>
      <DevicesAdminNav />
      <p>{t("devices.admin.intake.intro")}</p>
      <Form method="post" id="intake" noValidate>
        <SearchableSelectField
          id={id("typeId")}
          name="typeId"
          label={t("devices.admin.col.device")}
          errors={fieldErrors.typeId}
          defaultValue={state.value("typeId")}
          options={types.map((x) => ({ value: x.id, label: en ? x.name.en : x.name.zh }))}
          placeholder={t("devices.admin.choose")}
        />
        <RadioGroupField
          id={id("locationId")}
          name="locationId"
          legend={t("devices.admin.intake.locationLegend")}
          options={locations.map((l) => ({ value: l.id, label: en ? l.name.en : l.name.zh }))}
          errors={fieldErrors.locationId}
          defaultValue={state.value("locationId")}
        />
        <TextField id={id("quantity")} name="quantity" type="number" min={1} max={50} inputMode="numeric" label={t("devices.admin.intake.quantityLabel")} hint={t("devices.admin.intake.quantityHint")} errors={fieldErrors.quantity} defaultValue={state.value("quantity") || "1"} />
        <RadioGroupField
          id={id("condition")}
          name="condition"
          legend={t("devices.admin.col.condition")}
          options={unitConditions.map((c) => ({ value: c, label: t(`devices.conditions.${c}`) }))}
          errors={fieldErrors.condition}
          defaultValue={state.value("condition") || "good"}
        />
        <TextAreaField id={id("reason")} name="reason" label={t("devices.admin.intake.reasonLabel")} hint={t("devices.admin.intake.reasonHint")} errors={fieldErrors.reason} defaultValue={state.value("reason")} rows={2} />
        <button type="submit" className="button">
          {t("devices.admin.intake.submit")}
        </button>
      </Form>
    </div>
  );
}
