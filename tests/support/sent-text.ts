import type { Kysely } from "kysely";
import type { Database } from "~/modules/db/schema";

/**
 * The text of an outbox message as it is sent, link keys included (staff views show them as ••••:
 * app/modules/messages/link-keys.ts).
 */
export async function sentText(db: Kysely<Database>, messageId: string): Promise<string> {
  return (await db.selectFrom("outbox_messages").select("body").where("id", "=", messageId).executeTakeFirstOrThrow()).body;
}
