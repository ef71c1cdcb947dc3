import { useT } from "~/i18n/use-t";
import type { FormState } from "../form-state";
import { ReferenceLookupFields } from "../ReferenceLookupFields";

/** A device request's reference and phone, as the status page and the renewal page (续借) both ask for them. */
export function RequestKeyFields({ formId, state, errors }: { formId: string; state: FormState; errors: { reference?: string[]; phone?: string[] } }) {
  const { t } = useT();
  return (
    <ReferenceLookupFields
      formId={formId}
      state={state}
      errors={errors}
      referenceLabel={t("devices.lookup.referenceLabel")}
      referenceHint={t("devices.lookup.referenceHint")}
      phoneLabel={t("devices.lookup.phoneLabel")}
      phoneHint={t("devices.lookup.phoneHint")}
    />
  );
}
