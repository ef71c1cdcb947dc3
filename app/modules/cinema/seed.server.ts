import type { Kysely } from "kysely";
import type { CinemaScreeningTable, Database } from "../db/schema";
import { seatCode } from "./seat-words";
import { hallPlan } from "./hall-plan";

/**
 * Seed data for the cinema: the hall of the 粤北区域中心 盲人电影院 (a plausible plan, see hall-plan.ts — the real
 * plan, opening hours and booking rules are not verified) and a month of screenings from the day the seed runs.
 * Films are well-known Chinese classics, described in our own words; runtimes are approximate slot lengths.
 * Idempotent: the hall is added when missing, screenings only when there are none yet.
 */
export const seedHallId = "yuebei-blind-cinema";

interface Film {
  zh: string;
  en: string;
  synopsisZh: string;
  synopsisEn: string;
  minutes: number;
  captions: boolean;
}

const films: Film[] = [
  {
    zh: "城南旧事",
    en: "My Memories of Old Beijing",
    synopsisZh: "经典国产影片，根据林海音的小说改编：二十年代的北京城南，小姑娘英子眼中的邻里、离别与成长。",
    synopsisEn: "A classic Chinese film after Lin Haiyin's novel: 1920s Beijing through the eyes of a young girl, Yingzi — neighbours, partings and growing up.",
    minutes: 100,
    captions: true,
  },
  {
    zh: "大闹天宫",
    en: "Havoc in Heaven",
    synopsisZh: "经典国产动画长片，取材于《西游记》：孙悟空大闹天宫的故事，口述影像讲解画面中的动作与色彩。",
    synopsisEn: "A classic Chinese animated feature from Journey to the West: the Monkey King takes on the heavenly court. The audio description follows the action and colours.",
    minutes: 110,
    captions: false,
  },
  {
    zh: "刘三姐",
    en: "Third Sister Liu",
    synopsisZh: "经典国产音乐影片：广西歌仙刘三姐以山歌为乡亲们说话，歌声贯穿全片。",
    synopsisEn: "A classic Chinese musical film: the Guangxi folk singer Third Sister Liu speaks up for her village in song.",
    minutes: 120,
    captions: true,
  },
  {
    zh: "五朵金花",
    en: "Five Golden Flowers",
    synopsisZh: "经典国产影片：大理白族青年寻找心上人“金花”，却遇到了好几位同名的姑娘，风光与民歌动人。",
    synopsisEn: "A classic Chinese film: a young Bai man in Dali looks for the girl he met, Jinhua, and meets several young women of the same name.",
    minutes: 100,
    captions: true,
  },
  {
    zh: "小兵张嘎",
    en: "Little Soldier Zhang Ga",
    synopsisZh: "经典国产影片：抗日战争时期白洋淀边的少年张嘎，在战斗中成长为一名小侦察员。",
    synopsisEn: "A classic Chinese film: during the War of Resistance, a boy from Baiyangdian, Zhang Ga, grows into a young scout.",
    minutes: 100,
    captions: true,
  },
  {
    zh: "冰山上的来客",
    en: "Visitors on the Icy Mountain",
    synopsisZh: "经典国产影片：帕米尔高原上的边防战士与潜入的敌特周旋，插曲广为传唱。",
    synopsisEn: "A classic Chinese film: border guards on the Pamir plateau outwit an infiltrating enemy agent; its songs are still widely sung.",
    minutes: 110,
    captions: true,
  },
];

/** Day of the week in China (0 = Sunday) and the calendar date, for a moment. */
function chinaDay(date: Date): { weekday: number; ymd: string } {
  const china = new Date(date.getTime() + 8 * 3600_000);
  return { weekday: china.getUTCDay(), ymd: china.toISOString().slice(0, 10) };
}

/** Screenings for 30 days from `now`: Tuesday and Thursday 14:30, Saturday 10:00 (China time). */
export function plannedScreenings(now: Date, hallId = seedHallId): CinemaScreeningTable[] {
  const rows: CinemaScreeningTable[] = [];
  const slots: Record<number, string> = { 2: "14:30", 4: "14:30", 6: "10:00" };
  let film = 0;
  for (let day = 0; day <= 30; day++) {
    const { weekday, ymd } = chinaDay(new Date(now.getTime() + day * 86_400_000));
    const time = slots[weekday];
    if (!time) continue;
    const startsAt = new Date(`${ymd}T${time}:00+08:00`);
    if (startsAt.getTime() <= now.getTime() + 3 * 3600_000) continue;
    const f = films[film % films.length];
    film++;
    rows.push({
      id: `yb-${ymd.replace(/-/g, "")}-${time.replace(":", "")}`,
      hall_id: hallId,
      title_zh: f.zh,
      title_en: f.en,
      synopsis_zh: f.synopsisZh,
      synopsis_en: f.synopsisEn,
      duration_minutes: f.minutes,
      audio_description: 1,
      captions: f.captions ? 1 : 0,
      // Once a month a sign-language interpreter introduces the film.
      sign_language: film === 3 ? 1 : 0,
      starts_at: startsAt.toISOString(),
      booking_opens_at: new Date(Math.min(now.getTime(), startsAt.getTime() - 28 * 86_400_000)).toISOString(),
      booking_closes_at: new Date(startsAt.getTime() - 2 * 3600_000).toISOString(),
      status: "scheduled",
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
  }
  return rows;
}

export async function seedCinema(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  let inserted = 0;
  const hall = await db.selectFrom("cinema_halls").select("id").where("id", "=", seedHallId).executeTakeFirst();
  if (!hall) {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("cinema_halls")
        .values({
          id: seedHallId,
          name_zh: "粤北区域中心盲人电影院",
          name_en: "Blind Cinema, Yuebei Regional Centre",
          venue_zh: "粤北区域中心",
          venue_en: "Yuebei Regional Centre",
        })
        .execute();
      await trx
        .insertInto("cinema_seats")
        .values(
          hallPlan().map((s) => ({
            id: s.id,
            hall_id: seedHallId,
            seat_row: s.row,
            seat_number: s.number,
            label: seatCode(s),
            aisle: s.aisle ? 1 : 0,
            wheelchair: s.wheelchair ? 1 : 0,
            companion: s.companion ? 1 : 0,
            low_vision: s.lowVision ? 1 : 0,
          })),
        )
        .execute();
    });
    inserted += 1;
  }
  const any = await db.selectFrom("cinema_screenings").select("id").limit(1).executeTakeFirst();
  if (!any) {
    const rows = plannedScreenings(now);
    if (rows.length) await db.insertInto("cinema_screenings").values(rows).execute();
    inserted += rows.length;
  }
  return inserted;
}
