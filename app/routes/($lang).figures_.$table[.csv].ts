import type { LoaderFunctionArgs } from "@remix-run/node";
import { routeLocale } from "~/http/route-locale";
import { getFixedT } from "~/i18n/i18n.server";
import { figureTables, type FigureTable } from "~/modules/centre/centre-constants";
import { computeFigures, figuresCsv } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { csvResponse } from "~/modules/shared/csv";
import { keyUnder } from "~/i18n/keys";

/** /figures/<table>.csv (or all.csv): the same numbers as the page's tables, computed now. */
export async function loader({ params }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  const id = String(params.table ?? "");
  if (id !== "all" && !(figureTables as readonly string[]).includes(id)) throw new Response("Not Found", { status: 404 });
  const now = new Date();
  const all = await computeFigures(getDb(), now);
  const tables = id === "all" ? all : all.filter((tb) => tb.id === (id as FigureTable));
  if (!tables.length) throw new Response("Not Found", { status: 404 });
  const t = getFixedT(locale);
  const body = figuresCsv(
    tables,
    {
      header: [t("centre.figures.csvHeader.table"), t("centre.figures.csvHeader.measure"), t("centre.figures.csvHeader.value"), t("centre.figures.csvHeader.at")],
      table: (tb) => t(`centre.figures.tables.${tb}`),
      row: (key) => t(keyUnder("centre.figures.rows", key)),
    },
    now,
  );
  return csvResponse(`qingyuan-figures-${id}.csv`, body);
}
