import type { ReactNode } from "react";
import { TextField } from "./Fields";

interface Props {
  id: string;
  title: string;
  why: string;
  /** Shown when a number was given earlier: only its masked form ever comes back to the page. */
  given: string | null;
  label: string;
  hint: string;
  errors?: string[];
  defaultValue: string;
  skipLabel: string;
  /** Hidden fields and the continue button of the page's flow. */
  returnField: ReactNode;
  continueButton: ReactNode;
}

/**
 * The optional 残疾人证号 question of the request flows (devices, library card): why it is asked, what was given
 * before (masked), the field, and a way to go on without it. The number itself is never shown again.
 */
export function CertificateNumberQuestion({ id, title, why, given, label, hint, errors, defaultValue, skipLabel, returnField, continueButton }: Props) {
  return (
    <>
      <h1>{title}</h1>
      <p>{why}</p>
      {given ? <p>{given}</p> : null}
      <TextField
        id={id}
        name="certificate"
        label={label}
        hint={hint}
        errors={errors}
        defaultValue={defaultValue}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        inputMode="text"
      />
      {returnField}
      <p className="button-row">
        {continueButton}
        <button type="submit" name="intent" value="none" className="button button--secondary">
          {skipLabel}
        </button>
      </p>
    </>
  );
}
