import { Link, NavLink, type LinkProps, type NavLinkProps } from "@remix-run/react";
import { useLocale } from "./use-locale";

/** A link to a page of this site in the current language: `to` is the locale-neutral path. */
export function LocalLink({ to, ...rest }: Omit<LinkProps, "to"> & { to: string }) {
  const { href } = useLocale();
  return <Link to={href(to)} {...rest} />;
}

export function LocalNavLink({ to, ...rest }: Omit<NavLinkProps, "to"> & { to: string }) {
  const { href } = useLocale();
  return <NavLink to={href(to)} {...rest} />;
}
