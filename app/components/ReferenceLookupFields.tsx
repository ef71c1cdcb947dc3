import { TextField } from "./Fields";
import { fieldId, type FormState } from "./form-state";

interface Props {
  formId: string;
  state: FormState;
  errors: { reference?: string[]; phone?: string[] };
  referenceLabel: string;
  referenceHint?: string;
  phoneLabel: string;
  phoneHint?: string;
}

/**
 * "Your reference and the phone you gave": how a person finds their booking, request, card or sign-up again
 * without an account. The same two fields everywhere, so they read and behave alike.
 */
export function ReferenceLookupFields({ formId, state, errors, referenceLabel, referenceHint, phoneLabel, phoneHint }: Props) {
  return (
    <>
      <TextField
        id={fieldId(formId, "reference")}
        name="reference"
        label={referenceLabel}
        hint={referenceHint}
        errors={errors.reference}
        defaultValue={state.value("reference")}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
      />
      <TextField
        id={fieldId(formId, "phone")}
        name="phone"
        type="tel"
        label={phoneLabel}
        hint={phoneHint}
        errors={errors.phone}
        defaultValue={state.value("phone")}
        autoComplete="tel"
        inputMode="tel"
      />
    </>
  );
}
