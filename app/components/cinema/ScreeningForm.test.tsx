import { getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { describedBy, routeRendered } from "../../../tests/support/component";
import { ScreeningForm, type ScreeningFormValues } from "./ScreeningForm";

const values: ScreeningFormValues = {
  hallId: "h2",
  titleZh: "城南旧事",
  titleEn: "My Memories of Old Beijing",
  synopsisZh: "",
  synopsisEn: "",
  durationMinutes: "100",
  audioDescription: "1",
  captions: "",
  signLanguage: "1",
  startsAt: "2026-12-05T14:30",
  bookingOpensAt: "2026-11-20T09:00",
  bookingClosesAt: "",
};

describe("ScreeningForm", () => {
  it("without JavaScript is a post form of labelled native controls keeping the values, errors tied to their field", async () => {
    const root = await routeRendered(
      <ScreeningForm
        action="/admin/cinema/new"
        values={values}
        fieldErrors={{ hallId: ["请选择影厅"], bookingClosesAt: ["请填写预订截止时间"] }}
        halls={[{ id: "h1", name: "一号厅" }, { id: "h2", name: "二号厅" }]}
        submitLabel="保存放映"
      />,
      "/admin/cinema/new",
    );
    const submit = getByRole(root, "button", { name: "保存放映" }) as HTMLButtonElement;
    const form = submit.form!;
    expect(form.method).toBe("post");
    expect(form.getAttribute("action")).toBe("/admin/cinema/new");
    const hall = getByRole(form, "combobox", { name: "影厅" }) as HTMLSelectElement;
    expect([hall.id, hall.value, hall.getAttribute("aria-invalid")]).toEqual(["screening-hallId", "h2", "true"]);
    expect(describedBy(hall)).toBe("错误：请选择影厅");
    const title = getByRole(form, "textbox", { name: "中文片名" }) as HTMLInputElement;
    expect(title.value).toBe("城南旧事");
    expect(describedBy(title)).toBe("不用加书名号，例如：城南旧事");
    expect(getByRole(form, "textbox", { name: "英文片名" }).getAttribute("lang")).toBe("en");
    expect(getByRole(form, "textbox", { name: "中文简介" }).tagName).toBe("TEXTAREA");
    const access = getByRole(form, "group", { name: "无障碍服务" });
    expect((getByRole(access, "checkbox", { name: "口述影像" }) as HTMLInputElement).checked).toBe(true);
    expect((getByRole(access, "checkbox", { name: "字幕" }) as HTMLInputElement).checked).toBe(false);
    expect((getByRole(access, "checkbox", { name: "手语翻译" }) as HTMLInputElement).checked).toBe(true);
    const starts = form.querySelector<HTMLInputElement>("#screening-startsAt")!;
    expect([starts.type, starts.name, starts.value]).toEqual(["datetime-local", "startsAt", "2026-12-05T14:30"]);
    const closes = form.querySelector<HTMLInputElement>("#screening-bookingClosesAt")!;
    expect(closes.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(closes)).toBe("通常为开场前2小时，不能晚于开场时间 | 错误：请填写预订截止时间");
  });

  it("editing has no hall choice (a screening's hall does not change once seats may be sold)", async () => {
    const root = await routeRendered(<ScreeningForm action="/admin/cinema/s1/edit" values={values} fieldErrors={{}} submitLabel="保存修改" />, "/admin/cinema/s1/edit");
    expect(queryByRole(root, "combobox", { name: "影厅" })).toBeNull();
    expect(getByRole(root, "textbox", { name: "中文片名" }).hasAttribute("aria-invalid")).toBe(false);
  });
});
