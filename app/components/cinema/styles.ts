import type { LinksFunction } from "@remix-run/node";
import cinemaStyles from "~/styles/cinema.css?url";

/** The cinema pages' own stylesheet (seat list, hold notice, large-print ticket). */
export const cinemaLinks: LinksFunction = () => [{ rel: "stylesheet", href: cinemaStyles }];
