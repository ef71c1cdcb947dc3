import type { LinksFunction } from "@remix-run/node";
import centreStyles from "~/styles/centre.css?url";

/** The regional centre pages' stylesheet (check answers, activity cards, figure charts). */
export const centreLinks: LinksFunction = () => [{ rel: "stylesheet", href: centreStyles }];
