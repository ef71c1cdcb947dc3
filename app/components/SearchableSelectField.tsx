import { useState } from "react";
import { Button, ComboBox, type Key, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from "react-aria-components";
import { useT } from "~/i18n/use-t";
import { SelectField, type FieldBase, type SelectOption } from "./Fields";
import { useHydrated } from "./use-hydrated";

export type SearchableSelectFieldProps = FieldBase & {
  options: SelectOption[];
  /** The first option of the native select ("请选择"), and the input's prompt once it is searchable. */
  placeholder: string;
};

/**
 * A choice among many (the device catalogue on a staff form). Without JavaScript, and until the page has hydrated,
 * it is a native select (SelectField). Then it is React Aria's ComboBox: type part of a name and the list shows
 * what contains it (a hint under the label says so), arrow keys and Enter choose, Escape closes; the input is a `combobox` with the label's name,
 * the list a `listbox`, and the hint and error are its description. The input carries `id`, so the error summary's
 * link lands in it; the choice posts through a hidden input with `name`, the same value the select posts.
 */
export function SearchableSelectField({ id, name, label, hint, errors = [], defaultValue, options, placeholder }: SearchableSelectFieldProps) {
  const { t } = useT();
  const hydrated = useHydrated();
  const [selected, setSelected] = useState<Key | null>(options.some((o) => o.value === defaultValue) ? defaultValue! : null);
  if (!hydrated) return <SelectField id={id} name={name} label={label} hint={hint} errors={errors} defaultValue={defaultValue} options={options} placeholder={placeholder} />;
  return (
    <>
      <ComboBox
        className={`field searchable-select${errors.length ? " field--error" : ""}`}
        defaultItems={options}
        selectedKey={selected}
        onSelectionChange={setSelected}
        isInvalid={errors.length > 0}
        validationBehavior="aria"
        menuTrigger="focus"
        allowsEmptyCollection
      >
        <Label className="field__label">{label}</Label>
        <Text slot="description" className="field__hint">
          {hint ? <>{hint} </> : null}
          {t("site.searchableHint")}
        </Text>
        <FieldError className="field__error">
          <span className="visually-hidden">{t("site.errorTitlePrefix")}</span>
          {errors.join(" ")}
        </FieldError>
        <div className="searchable-select__control">
          <Input id={id} placeholder={placeholder} className="searchable-select__input" />
          <Button className="searchable-select__button" aria-label={t("site.showOptions")}>
            <span aria-hidden="true">▾</span>
          </Button>
        </div>
        <Popover className="searchable-select__popover" offset={2}>
          <ListBox<SelectOption> className="searchable-select__list" renderEmptyState={() => <p className="searchable-select__empty">{t("site.noMatchingOptions")}</p>}>
            {(option) => (
              <ListBoxItem id={option.value} textValue={option.label} className="searchable-select__option">
                {option.label}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <input type="hidden" name={name} value={selected === null ? "" : String(selected)} />
    </>
  );
}
