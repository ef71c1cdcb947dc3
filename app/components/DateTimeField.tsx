import { parseDateTime, type CalendarDateTime } from "@internationalized/date";
import { DateField, DateInput, DateSegment, FieldError, I18nProvider, Label, Text } from "react-aria-components";
import { useState } from "react";
import { useT } from "~/i18n/use-t";
import { TextField, type FieldBase } from "./Fields";
import { useHydrated } from "./use-hydrated";

/** A field's id, name, label, hint, errors and value ("2026-12-05T14:30", as a datetime-local control takes it). */
export type DateTimeFieldProps = FieldBase;

function parseValue(value: string | undefined): CalendarDateTime | null {
  if (!value) return null;
  try {
    return parseDateTime(value);
  } catch {
    return null;
  }
}

/**
 * A date and time (China time) on a staff form. Without JavaScript, and until the page has hydrated, it is the
 * native `datetime-local` input (TextField). Then it is React Aria's DateField: year, month, day, hour and minute as
 * segments in the page's language order, each typed or changed with the arrow keys, the label, hint and error
 * message wired to the group (aria-labelledby, aria-describedby), `id` on the group so the error summary's link
 * reaches it. It posts through a hidden input with `name` in the datetime-local form ("2026-12-05T14:30"; React
 * Aria's own hidden input would add seconds), so the action parses exactly what it parses without JavaScript.
 */
export function DateTimeField({ id, name, label, hint, errors = [], defaultValue }: DateTimeFieldProps) {
  const { t, locale } = useT();
  const hydrated = useHydrated();
  const [value, setValue] = useState(() => parseValue(defaultValue));
  if (!hydrated) return <TextField id={id} name={name} label={label} hint={hint} errors={errors} defaultValue={defaultValue} type="datetime-local" />;
  return (
    <I18nProvider locale={locale}>
      <DateField
        id={id}
        className={`field date-field${errors.length ? " field--error" : ""}`}
        granularity="minute"
        hourCycle={24}
        shouldForceLeadingZeros
        value={value}
        onChange={setValue}
        isInvalid={errors.length > 0}
        validationBehavior="aria"
      >
        <Label className="field__label">{label}</Label>
        {hint ? (
          <Text slot="description" className="field__hint">
            {hint}
          </Text>
        ) : null}
        <FieldError className="field__error">
          <span className="visually-hidden">{t("site.errorTitlePrefix")}</span>
          {errors.join(" ")}
        </FieldError>
        <DateInput className="date-field__input">{(segment) => <DateSegment segment={segment} className="date-field__segment" />}</DateInput>
      </DateField>
      <input type="hidden" name={name} value={value ? value.toString().slice(0, 16) : ""} />
    </I18nProvider>
  );
}
