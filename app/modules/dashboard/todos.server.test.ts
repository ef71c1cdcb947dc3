import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "../db/connection.server";
import { seedDatabase } from "../operations/seed.server";
import { submitFeedback } from "../feedback/feedback.server";
import { staffTodos } from "./todos.server";

describe("staff dashboard", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
    await seedDatabase(conn.db);
    await submitFeedback(conn.db, { topic: "barrier", message: "按钮太小" }, "zh-CN");
  });
  afterAll(async () => conn.db.destroy());

  it("shows each role the open work of its own areas, with counts from the records", async () => {
    const content = await staffTodos(conn.db, ["content"]);
    expect(content.map((t) => t.key)).toEqual(["feedback", "unanswered"]);
    expect(content.find((t) => t.key === "feedback")?.count).toBe(1);
    expect((await staffTodos(conn.db, ["lending"])).map((t) => t.key)).toEqual(["requests", "overdue", "dueSoon"]);
    const cinema = await staffTodos(conn.db, ["cinema"]);
    expect(cinema.map((t) => t.key)).toEqual(["screenings"]);
    expect(cinema[0].count).toBeGreaterThan(0); // the seed schedules screenings from today on
    expect((await staffTodos(conn.db, ["admin"])).length).toBe(6);
  });
});
