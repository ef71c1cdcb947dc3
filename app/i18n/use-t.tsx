import { createContext, useContext, type ReactNode } from "react";
import type { TFunction } from "i18next";
import type { Locale } from "./config";

interface Translation {
  t: TFunction;
  locale: Locale;
}

const TranslationContext = createContext<Translation | null>(null);

/** Given by entry.server (i18next) and entry.client (the same messages through translator.ts). */
export function TranslationProvider({ t, locale, children }: Translation & { children: ReactNode }) {
  return <TranslationContext.Provider value={{ t, locale }}>{children}</TranslationContext.Provider>;
}

/** The page's translate function and locale. */
export function useT(): Translation {
  const value = useContext(TranslationContext);
  if (!value) throw new Error("useT() outside TranslationProvider");
  return value;
}
