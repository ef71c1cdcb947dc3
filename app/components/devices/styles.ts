import type { LinksFunction } from "@remix-run/node";
import devicesStyles from "~/styles/devices.css?url";

/** The device pages' own stylesheet (catalogue cards, request steps, staff tables). */
export const devicesLinks: LinksFunction = () => [{ rel: "stylesheet", href: devicesStyles }];
