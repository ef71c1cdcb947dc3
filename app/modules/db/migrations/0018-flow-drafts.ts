import type { Kysely } from "kysely";

/**
 * The guided-form engine's one drafts table (issue 15, items 1–2; app/modules/flows, docs/decisions/0014): every
 * one-question-per-page service keeps its unfinished answers here as one JSON payload, validated by the flow's own
 * schema when it is read. `flow` names the declaration (`library-card`, `activity-signup` …), `scope` what the draft
 * belongs to when the URL names it (an activity's id), `reference` what its submit made (claimed once:
 * app/modules/shared/draft-claim.server.ts). A draft is gone after `expires_at` (24 hours after its last change).
 * Times are ISO-8601 UTC strings.
 *
 * The older per-service tables (lending_request_drafts, centre_card_drafts, centre_signup_drafts) stay for now, read
 * by nothing: their drafts were abandoned on the upgrade (a day's worth at most; their links answer 404). A later
 * migration drops them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("flow_drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("flow", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("reference", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("flow_drafts_expiry").on("flow_drafts").column("expires_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("flow_drafts").execute();
}
