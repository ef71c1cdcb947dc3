import type { InputHTMLAttributes, ReactNode } from "react";
import { useT } from "~/i18n/use-t";

export interface FieldBase {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Localized error messages for this field (empty when valid). */
  errors?: string[];
  defaultValue?: string;
}

function describedBy(id: string, hint: unknown, errors: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : "", errors.length ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldMessages({ id, hint, errors }: { id: string; hint?: ReactNode; errors: string[] }) {
  const { t } = useT();
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t("site.errorTitlePrefix")}</span>
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

/** The frame of a one-control field: its label, then its hint and error (FieldMessages), then the control. */
function LabelledField({ id, label, hint, errors, children }: { id: string; label: ReactNode; hint?: ReactNode; errors: string[]; children: ReactNode }) {
  return (
    <div className={`field${errors.length ? " field--error" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} errors={errors} />
      {children}
    </div>
  );
}

/** A labelled text input with hint and error message wired to it. Native HTML: works without JavaScript. */
export function TextField({
  id,
  name,
  label,
  hint,
  errors = [],
  defaultValue,
  ...input
}: FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "defaultValue">) {
  return (
    <LabelledField id={id} label={label} hint={hint} errors={errors}>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...input}
      />
    </LabelledField>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled native select with a first "choose" option, hint and error wired to it. Works without JavaScript. */
export function SelectField({ id, name, label, hint, errors = [], defaultValue, options, placeholder }: FieldBase & { options: SelectOption[]; placeholder: string }) {
  return (
    <LabelledField id={id} label={label} hint={hint} errors={errors}>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} aria-invalid={errors.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)}>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

export function TextAreaField({
  id,
  name,
  label,
  hint,
  errors = [],
  defaultValue,
  rows = 6,
}: FieldBase & { rows?: number }) {
  return (
    <LabelledField id={id} label={label} hint={hint} errors={errors}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      />
    </LabelledField>
  );
}

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface ChoiceGroupProps extends Omit<FieldBase, "label" | "defaultValue"> {
  legend: ReactNode;
  options: ChoiceOption[];
  legendAsHeading?: boolean;
}

/** One question with native radios or checkboxes in a fieldset; the first control carries the field id. */
function ChoiceGroup({
  type,
  id,
  name,
  legend,
  hint,
  options,
  errors = [],
  selected,
  legendAsHeading = false,
}: ChoiceGroupProps & { type: "radio" | "checkbox"; selected: readonly string[] }) {
  return (
    <div className={`field${errors.length ? " field--error" : ""}`}>
      <fieldset aria-describedby={describedBy(id, hint, errors)}>
        <legend className="field__label">{legendAsHeading ? <h2 className="field__legend-heading">{legend}</h2> : legend}</legend>
        <FieldMessages id={id} hint={hint} errors={errors} />
        <div className={type === "radio" ? "radios" : "checkboxes"}>
          {options.map((option, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            // Not `${optionId}-hint`: the first option carries the group's id, and the group's hint has that name.
            const optionHintId = `${id}-option-${i}-hint`;
            return (
              <div className={type} key={option.value}>
                <input
                  type={type}
                  id={optionId}
                  name={name}
                  value={option.value}
                  defaultChecked={selected.includes(option.value)}
                  aria-describedby={option.hint ? optionHintId : undefined}
                />
                <label htmlFor={optionId}>{option.label}</label>
                {option.hint ? (
                  <p className="field__hint" id={optionHintId}>
                    {option.hint}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** One answer to one question. */
export function RadioGroupField({ defaultValue, ...props }: ChoiceGroupProps & { defaultValue?: string }) {
  return <ChoiceGroup type="radio" selected={defaultValue ? [defaultValue] : []} {...props} />;
}

/** Several answers to one question. */
export function CheckboxGroupField({ checked = [], ...props }: ChoiceGroupProps & { checked?: readonly string[] }) {
  return <ChoiceGroup type="checkbox" selected={checked} {...props} />;
}
