import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { CentreActivityTable } from "./tables";

/**
 * Example activities so staff on a fresh portal see how the pages work. They are generic and marked `example = 1`:
 * no real event, date or place is claimed, so the public never sees them (activities.server.ts, issue 19) until
 * staff edit one (an edit clears the mark) or replace them.
 */
const day = 86_400_000;

/** A China-time date `days` ahead of `now` at hh:mm, as UTC ISO. */
export function chinaTimeAhead(now: Date, days: number, hh: number, mm: number): string {
  const china = new Date(now.getTime() + 8 * 3600_000 + days * day);
  const y = china.getUTCFullYear();
  const m = String(china.getUTCMonth() + 1).padStart(2, "0");
  const d = String(china.getUTCDate()).padStart(2, "0");
  return new Date(`${y}-${m}-${d}T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00+08:00`).toISOString();
}

export function exampleActivities(now: Date): CentreActivityTable[] {
  const base = { example: 1, status: "published", created_at: now.toISOString(), updated_at: now.toISOString(), signup_opens_at: new Date(now.getTime() - day).toISOString() };
  return [
    {
      ...base,
      id: "example-outreach",
      type: "outreach",
      association_id: null,
      title_zh: "视障服务进社区（示例）",
      title_en: "Vision services in the community (example)",
      summary_zh: "工作人员到社区介绍视障图书馆的借阅证、助视器具的试用和借用，现场可以试用放大镜等器具。这是示例活动，具体时间和地点以残联公布为准。",
      summary_en: "Staff visit a neighbourhood to explain the library card for visually impaired readers and how to try and borrow vision aids; magnifiers and other aids can be tried on the spot. This is an example: the Federation publishes the actual date and place.",
      place_zh: "清城区某社区服务中心（示例地点）",
      place_en: "A community service centre in Qingcheng District (example place)",
      starts_at: chinaTimeAhead(now, 16, 9, 30),
      duration_minutes: 150,
      capacity: 30,
      waitlist_size: 10,
      accessibility: "audioDescription,stepFree,largePrint",
      signup_closes_at: chinaTimeAhead(now, 15, 18, 0),
    },
    {
      ...base,
      id: "example-training",
      type: "training",
      association_id: null,
      title_zh: "职业技能培训：电脑和手机读屏软件入门（示例）",
      title_en: "Job skills training: getting started with screen readers on computers and phones (example)",
      summary_zh: "面向视障人士的小班培训，学习用读屏软件收发信息、上网查找资料。这是示例活动，具体课程以残联公布为准。",
      summary_en: "A small-group course for visually impaired people: using a screen reader to send messages and find information online. This is an example: the Federation publishes the actual course.",
      place_zh: "广东辅助器具粤北区域中心（示例）",
      place_en: "Guangdong Assistive Devices Yuebei Regional Centre (example)",
      starts_at: chinaTimeAhead(now, 23, 14, 30),
      duration_minutes: 120,
      capacity: 12,
      waitlist_size: 6,
      accessibility: "audioDescription,stepFree",
      signup_closes_at: chinaTimeAhead(now, 21, 18, 0),
    },
    {
      ...base,
      id: "example-association",
      type: "association",
      association_id: "deaf",
      title_zh: "聋人协会会员交流活动（示例）",
      title_en: "Deaf Association members' meeting (example)",
      summary_zh: "会员和亲友见面交流，残联工作人员介绍近期的服务。全程手语。这是示例活动，具体安排以协会和残联公布为准。",
      summary_en: "Members and their families meet; Federation staff explain recent services. Sign language throughout. This is an example: the association and the Federation publish the actual plans.",
      place_zh: "清远市残疾人联合会（示例）",
      place_en: "Qingyuan Disabled Persons' Federation (example)",
      starts_at: chinaTimeAhead(now, 30, 15, 0),
      duration_minutes: 120,
      capacity: 40,
      waitlist_size: 10,
      accessibility: "signLanguage,stepFree",
      signup_closes_at: chinaTimeAhead(now, 28, 18, 0),
    },
  ];
}

/** Inserts the example activities once (by id); returns how many rows it added. */
export async function seedCentre(db: Kysely<Database>, now = new Date()): Promise<number> {
  let inserted = 0;
  for (const row of exampleActivities(now)) {
    const exists = await db.selectFrom("centre_activities").select("id").where("id", "=", row.id).executeTakeFirst();
    if (exists) continue;
    await db.insertInto("centre_activities").values(row).execute();
    inserted++;
  }
  return inserted;
}
