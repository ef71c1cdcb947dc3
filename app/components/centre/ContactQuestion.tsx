import { TextField } from "../Fields";
import { Honeypot } from "../Honeypot";
import { useT } from "~/i18n/use-t";

/** The centre's "your name and mobile number" question (library card, activity sign-up), with the honeypot. */
export function ContactQuestion({
  title,
  intro,
  id,
  errors,
  value,
}: {
  title: string;
  intro: string;
  id: (name: string) => string;
  errors: Record<string, string[]>;
  value: (name: string) => string;
}) {
  const { t } = useT();
  return (
    <>
      <h1>{title}</h1>
      <p>{intro}</p>
      <TextField id={id("name")} name="name" label={t("centre.fields.name")} errors={errors.name} defaultValue={value("name")} autoComplete="name" />
      <TextField id={id("phone")} name="phone" type="tel" label={t("centre.fields.phone")} hint={t("centre.flow.phoneHint")} errors={errors.phone} defaultValue={value("phone")} autoComplete="tel" inputMode="tel" />
      <Honeypot label={t("centre.flow.website")} />
    </>
  );
}
