import { Form } from "@remix-run/react";
import { DateTimeField } from "~/components/DateTimeField";
import { TextAreaField, TextField } from "~/components/Fields";
import { fieldId } from "~/components/form-state";
import { useT } from "~/i18n/use-t";
import { keyUnder } from "~/i18n/keys";

export const screeningFormId = "screening";
export const screeningFieldOrder = [
  "hallId",
  "titleZh",
  "titleEn",
  "synopsisZh",
  "synopsisEn",
  "durationMinutes",
  "audioDescription",
  "startsAt",
  "bookingOpensAt",
  "bookingClosesAt",
] as const;

export type ScreeningFormValues = Record<(typeof screeningFieldOrder)[number] | "captions" | "signLanguage", string>;

/**
 * Create or edit a screening: native controls, one label each, hints and errors tied to them (the page puts the
 * error summary first, before its h1). Times are China time (DateTimeField: datetime-local without JavaScript, React Aria's DateField with it); the server checks everything and answers with the same form.
 */
export function ScreeningForm({
  action,
  values,
  fieldErrors,
  halls,
  submitLabel,
}: {
  action: string;
  values: ScreeningFormValues;
  fieldErrors: Record<string, string[]>;
  /** Shown on create only: a screening's hall cannot change once seats may be sold. */
  halls?: Array<{ id: string; name: string }>;
  submitLabel: string;
}) {
  const { t } = useT();
  const id = (name: string) => fieldId(screeningFormId, name);
  const errors = (name: string) => fieldErrors[name] ?? [];
  const text = (name: keyof ScreeningFormValues, extra: Record<string, string> = {}) => (
    <TextField
      id={id(name)}
      name={name}
      label={t(keyUnder("cinema.fields", name))}
      hint={t(`cinema.admin.hints.${name}`, { defaultValue: "" }) || undefined}
      errors={errors(name)}
      defaultValue={values[name]}
      {...extra}
    />
  );
  return (
    <>
      <Form method="post" action={action} id={screeningFormId} noValidate>
        {halls ? (
          <div className={`field${errors("hallId").length ? " field--error" : ""}`}>
            <label className="field__label" htmlFor={id("hallId")}>
              {t("cinema.fields.hallId")}
            </label>
            {errors("hallId").length ? (
              <p className="field__error" id={`${id("hallId")}-error`}>
                <span className="visually-hidden">{t("site.errorTitlePrefix")}</span>
                {errors("hallId").join(" ")}
              </p>
            ) : null}
            <select
              id={id("hallId")}
              name="hallId"
              defaultValue={values.hallId}
              aria-invalid={errors("hallId").length ? true : undefined}
              aria-describedby={errors("hallId").length ? `${id("hallId")}-error` : undefined}
            >
              {halls.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {text("titleZh", { autoComplete: "off" })}
        {text("titleEn", { autoComplete: "off", lang: "en" })}
        <TextAreaField
          id={id("synopsisZh")}
          name="synopsisZh"
          label={t("cinema.fields.synopsisZh")}
          errors={errors("synopsisZh")}
          defaultValue={values.synopsisZh}
          rows={4}
        />
        <TextAreaField
          id={id("synopsisEn")}
          name="synopsisEn"
          label={t("cinema.fields.synopsisEn")}
          errors={errors("synopsisEn")}
          defaultValue={values.synopsisEn}
          rows={4}
        />
        {text("durationMinutes", { inputMode: "numeric", autoComplete: "off", className: "input--short" })}
        <div className="field">
          <fieldset>
            <legend className="field__label">{t("cinema.admin.accessLegend")}</legend>
            <div className="checkboxes">
              {(["audioDescription", "captions", "signLanguage"] as const).map((name) => (
                <div className="checkbox" key={name}>
                  <input type="checkbox" id={id(name)} name={name} value="1" defaultChecked={values[name] === "1"} />
                  <label htmlFor={id(name)}>{t(`cinema.features.${name}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        {(["startsAt", "bookingOpensAt", "bookingClosesAt"] as const).map((name) => (
          <DateTimeField
            key={name}
            id={id(name)}
            name={name}
            label={t(keyUnder("cinema.fields", name))}
            hint={t(`cinema.admin.hints.${name}`, { defaultValue: "" }) || undefined}
            errors={errors(name)}
            defaultValue={values[name]}
          />
        ))}
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
