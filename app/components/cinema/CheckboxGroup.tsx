import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";

export interface CheckboxOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

/** Several answers to one question: native checkboxes in a fieldset; the first checkbox carries the field id. */
export function CheckboxGroupField({
  id,
  name,
  legend,
  hint,
  options,
  errors = [],
  checked = [],
}: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: CheckboxOption[];
  errors?: string[];
  checked?: readonly string[];
}) {
  const { t } = useT();
  const described = [hint ? `${id}-hint` : "", errors.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${errors.length ? " field--error" : ""}`}>
      <fieldset aria-describedby={described}>
        <legend className="field__label">{legend}</legend>
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
        <div className="checkboxes">
          {options.map((option, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div className="checkbox" key={option.value}>
                <input
                  type="checkbox"
                  id={optionId}
                  name={name}
                  value={option.value}
                  defaultChecked={checked.includes(option.value)}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                />
                <label htmlFor={optionId}>{option.label}</label>
                {option.hint ? (
                  <p className="field__hint" id={`${optionId}-hint`}>
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
