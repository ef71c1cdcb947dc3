import { inTransaction, type Db, type Trx } from "./ledger.server";
import { idCheckCharacter } from "./certificate";
import { checkOutIn, returnLoanIn } from "./loans.server";
import { createRequest, decideRequestIn } from "./requests.server";
import { seedDeviceTypes, seedLocations } from "./seed-data";
import { changeUnitIn, intakeIn } from "./units.server";

/**
 * Seed data for device lending: 4 locations (粤北区域中心 and three example county points), 24 device types,
 * their units, and a plausible year of ledger history made through the module's own functions (so it obeys the
 * same rules): intake at the centre, transfers to the points, loans out and back, a fitting, one unit in repair,
 * one written off, one being sanitised, and requests in every state — one of them flagged as a possible duplicate
 * fitting. Applicants are fictitious; certificate numbers are made-up numbers with a valid check character.
 * Idempotent: nothing happens when the catalogue has rows.
 */
const seedActor = { id: null, username: "seed" };
const staffActor = { id: null, username: "seed-staff" };

/**
 * The seed's history goes through the same changes as staff work, each in its own transaction, but not into the
 * audit log: the audit log records what staff did, and the ledger keeps the seed's movements (actor "seed").
 */
const unaudited =
  <Args extends unknown[], Result>(change: (trx: Trx, ...args: Args) => Promise<Result>) =>
  (db: Db, ...args: Args) =>
    inTransaction(db, (trx) => change(trx, ...args));
const intake = unaudited(intakeIn);
const changeUnit = unaudited(changeUnitIn);
const decideRequest = unaudited(decideRequestIn);
const checkOut = unaudited(checkOutIn);
const returnLoan = unaudited(returnLoanIn);

function daysAgo(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
const chinaDay = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A made-up 残疾人证号 with a valid check character: area 441802 (清城区), a birth date, a sequence, category, grade. */
export function makeCertificate(birth: string, sequence: string, category: number, grade: number): string {
  const first17 = `441802${birth}${sequence}`;
  return `${first17}${idCheckCharacter(first17)}${category}${grade}`;
}

export async function seedLending(db: Db, now: Date = new Date()): Promise<number> {
  const existing = await db.selectFrom("lending_device_types").select("id").limit(1).executeTakeFirst();
  if (existing) return 0;
  const stamp = daysAgo(now, 320).toISOString();

  await db
    .insertInto("lending_locations")
    .values(
      seedLocations.map((l, i) => ({
        id: l.id,
        name_zh: l.nameZh,
        name_en: l.nameEn,
        county_zh: l.countyZh,
        county_en: l.countyEn,
        kind: l.kind,
        example: l.example ? 1 : 0,
        note_zh: l.noteZh,
        note_en: l.noteEn,
        sort: i + 1,
      })),
    )
    .execute();
  await db
    .insertInto("lending_device_types")
    .values(
      seedDeviceTypes.map((t, i) => ({
        id: t.id,
        name_zh: t.nameZh,
        name_en: t.nameEn,
        category: t.category,
        disabilities: t.disabilities.join(","),
        description_zh: t.descriptionZh,
        description_en: t.descriptionEn,
        audience_zh: t.audienceZh,
        audience_en: t.audienceEn,
        mode: t.mode,
        loan_days: t.loanDays,
        image: t.image,
        image_alt_zh: t.altZh,
        image_alt_en: t.altEn,
        sort: i + 1,
        created_at: stamp,
      })),
    )
    .execute();

  // Intake at the centre, then transfers out to the county points.
  const centre = seedLocations[0].id;
  let inserted = seedLocations.length + seedDeviceTypes.length;
  for (const type of seedDeviceTypes) {
    const total = type.units.reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    await intake(db, seedActor, { typeId: type.id, locationId: centre, quantity: total, condition: "good", reason: "2026年度辅具采购入库" }, daysAgo(now, 300));
    inserted += total;
  }
  for (const type of seedDeviceTypes) {
    const units = await db.selectFrom("lending_units").select("id").where("type_id", "=", type.id).orderBy("asset_tag", "desc").execute();
    let next = 0;
    for (let p = 1; p < seedLocations.length; p++) {
      for (let k = 0; k < type.units[p]; k++) {
        await changeUnit(db, seedActor, units[next++].id, { action: "transfer", toLocationId: seedLocations[p].id, reason: "调拨到县级借用点" }, daysAgo(now, 290));
      }
    }
  }

  const unitOf = async (typeId: string, locationId: string) => {
    const row = await db
      .selectFrom("lending_units")
      .select("id")
      .where("type_id", "=", typeId)
      .where("location_id", "=", locationId)
      .where("status", "=", "available")
      .orderBy("asset_tag")
      .executeTakeFirstOrThrow();
    return row.id;
  };

  interface Story {
    typeId: string;
    name: string;
    phone: string;
    disability: string;
    certificate?: string;
    purpose: string;
    pickup: string;
    askedDaysAgo: number;
    outcome?:
      | { kind: "loan"; outDaysAgo: number; dueInDays: number; returnedDaysAgo?: number; after?: "sanitising" | "available" }
      | { kind: "approved" }
      | { kind: "rejected"; reason: string };
  }
  const stories: Story[] = [
    {
      typeId: "manual-wheelchair",
      name: "张三",
      phone: "13800138001",
      disability: "physical",
      certificate: makeCertificate("19580312", "101", 4, 2),
      purpose: "髋关节手术后康复，出院后三个月内需要轮椅。",
      pickup: centre,
      askedDaysAgo: 125,
      outcome: { kind: "loan", outDaysAgo: 120, dueInDays: -30, returnedDaysAgo: 40, after: "available" },
    },
    {
      typeId: "walking-frame",
      name: "李四",
      phone: "13800138002",
      disability: "physical",
      certificate: makeCertificate("19620705", "212", 4, 3),
      purpose: "中风后练习走路，家里地面不平。",
      pickup: "yingde-point",
      askedDaysAgo: 22,
      outcome: { kind: "loan", outDaysAgo: 20, dueInDays: 5 },
    },
    {
      typeId: "desktop-video-magnifier",
      name: "王五",
      phone: "13800138003",
      disability: "vision",
      certificate: makeCertificate("20080914", "323", 1, 3),
      purpose: "上学看课本，普通放大镜看久了眼睛累。",
      pickup: centre,
      askedDaysAgo: 104,
      outcome: { kind: "loan", outDaysAgo: 100, dueInDays: -10 },
    },
    {
      typeId: "bte-hearing-aid",
      name: "赵六",
      phone: "13800138004",
      disability: "hearing",
      certificate: makeCertificate("19750101", "434", 2, 3),
      purpose: "听力下降，工作中听不清同事讲话。",
      pickup: centre,
      askedDaysAgo: 160,
      outcome: { kind: "loan", outDaysAgo: 150, dueInDays: 0 },
    },
    {
      typeId: "fm-system",
      name: "赵六",
      phone: "13800138004",
      disability: "hearing",
      certificate: makeCertificate("19750101", "434", 2, 3),
      purpose: "开会时听不清，想借调频系统试用。",
      pickup: centre,
      askedDaysAgo: 2,
    },
    {
      typeId: "handheld-magnifier",
      name: "孙七",
      phone: "13800138005",
      disability: "vision",
      purpose: "看药品说明书。",
      pickup: "lianzhou-point",
      askedDaysAgo: 1,
    },
    {
      typeId: "rollator",
      name: "周八",
      phone: "13800138006",
      disability: "physical",
      certificate: makeCertificate("19490220", "545", 4, 2),
      purpose: "每天到楼下散步，需要中途坐下休息。",
      pickup: centre,
      askedDaysAgo: 3,
      outcome: { kind: "approved" },
    },
    {
      typeId: "nursing-bed",
      name: "吴九",
      phone: "13800138007",
      disability: "physical",
      certificate: makeCertificate("19400611", "656", 4, 1),
      purpose: "家中老人长期卧床。",
      pickup: "fogang-point",
      askedDaysAgo: 30,
      outcome: { kind: "rejected", reason: "佛冈县借用点暂无护理床，已电话告知可到粤北区域中心借用，请重新申请并选择粤北区域中心。" },
    },
    {
      typeId: "shower-chair",
      name: "郑十",
      phone: "13800138008",
      disability: "physical",
      certificate: makeCertificate("19550823", "767", 4, 3),
      purpose: "洗澡时站不稳。",
      pickup: "lianzhou-point",
      askedDaysAgo: 62,
      outcome: { kind: "loan", outDaysAgo: 60, dueInDays: 30 },
    },
    {
      typeId: "pressure-cushion",
      name: "陈十一",
      phone: "13800138009",
      disability: "physical",
      certificate: makeCertificate("19800404", "878", 4, 1),
      purpose: "脊髓损伤，每天坐轮椅时间长。",
      pickup: centre,
      askedDaysAgo: 92,
      outcome: { kind: "loan", outDaysAgo: 90, dueInDays: -2, returnedDaysAgo: 1, after: "sanitising" },
    },
  ];

  // Everything after the intake happens in date order, so the ledger's order is also the order of time.
  const events: Array<{ at: Date; run: () => Promise<unknown> }> = [];
  for (const story of stories) {
    let reference = "";
    const asked = daysAgo(now, story.askedDaysAgo);
    events.push({
      at: asked,
      run: async () => {
        ({ reference } = await createRequest(
          db,
          {
            typeId: story.typeId,
            name: story.name,
            phone: story.phone,
            disability: story.disability,
            certificateNumber: story.certificate ?? null,
            purpose: story.purpose,
            pickupLocationId: story.pickup,
            locale: "zh-CN",
            source: "seed",
          },
          asked,
        ));
        inserted++;
      },
    });
    const outcome = story.outcome;
    if (!outcome) continue;
    const decided = daysAgo(now, story.askedDaysAgo - 1);
    if (outcome.kind === "rejected") {
      events.push({ at: decided, run: () => decideRequest(db, staffActor, reference, { decision: "reject", reason: outcome.reason }, decided) });
      continue;
    }
    if (outcome.kind === "approved") {
      events.push({ at: decided, run: async () => decideRequest(db, staffActor, reference, { decision: "approve", reserveUnitId: await unitOf(story.typeId, story.pickup) }, decided) });
      continue;
    }
    const out = daysAgo(now, outcome.outDaysAgo);
    let loanId = "";
    events.push({ at: decided < out ? decided : out, run: () => decideRequest(db, staffActor, reference, { decision: "approve" }, decided < out ? decided : out) });
    events.push({
      at: out,
      run: async () => {
        const due = chinaDay(new Date(now.getTime() + outcome.dueInDays * 86_400_000));
        ({ loanId } = await checkOut(db, staffActor, { requestReference: reference, unitId: await unitOf(story.typeId, story.pickup), dueDate: due, condition: "good" }, out));
      },
    });
    if (outcome.returnedDaysAgo !== undefined) {
      const back = daysAgo(now, outcome.returnedDaysAgo);
      events.push({ at: back, run: () => returnLoan(db, staffActor, { loanId, condition: "good", next: "sanitising" }, back) });
      if (outcome.after === "available") {
        const clean = daysAgo(now, outcome.returnedDaysAgo - 2);
        events.push({
          at: clean,
          run: async () => {
            const loan = await db.selectFrom("lending_loans").select("unit_id").where("id", "=", loanId).executeTakeFirstOrThrow();
            await changeUnit(db, staffActor, loan.unit_id, { action: "ready", reason: "清洁消毒完成" }, clean);
          },
        });
      }
    }
  }
  // One rollator goes to repair; one walking frame is written off (报废) with its approver.
  events.push({
    at: daysAgo(now, 20),
    run: async () => changeUnit(db, staffActor, await unitOf("rollator", centre), { action: "repair", reason: "刹车失灵，送修" }, daysAgo(now, 20)),
  });
  events.push({
    at: daysAgo(now, 50),
    run: async () =>
      changeUnit(
        db,
        staffActor,
        await unitOf("walking-frame", centre),
        { action: "writeOff", reason: "车架焊点断裂，维修费用超过新购价格，无法修复", approver: "康复部负责人" },
        daysAgo(now, 50),
      ),
  });
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of events) await event.run();
  return inserted;
}
