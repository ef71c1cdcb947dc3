/**
 * The accessibility statement's criterion-by-criterion table: every WCAG 2.2 success criterion of levels A and
 * AA, the GB/T 37668-2019 requirement it matches, and the test in this repository that checks it (none: it is
 * checked by hand). One place for the data; the page only renders it, and a unit test keeps it whole and every
 * test file named here real.
 *
 * GB/T 37668-2019 arranges its technical requirements under the four principles of WCAG 2.0 (可感知性, 可操作性,
 * 可理解性, 兼容性) and their guidelines. The table names the principle and guideline, never a clause number: the
 * numbers have not been checked against the standard's text one by one. Criteria new in WCAG 2.1 or 2.2 are
 * marked as such, with no GB/T requirement claimed for them.
 */
export type Bilingual = { zh: string; en: string };

export interface Criterion {
  /** "1.4.10" */
  id: string;
  level: "A" | "AA";
  name: Bilingual;
  /** The WCAG version that added it; "2.0" criteria have a matching GB/T 37668-2019 requirement. */
  since: "2.0" | "2.1" | "2.2";
  /** Test files (paths from the repository root) that check it; empty: checked by hand. */
  tests: string[];
  /** Why there is nothing to test, or what is checked by hand. */
  note?: Bilingual;
  /** Dropped from WCAG 2.2 (4.1.1), kept because GB/T 37668-2019, on WCAG 2.0, still asks for it. */
  removedIn22?: boolean;
}

const e2e = (name: string) => `tests/e2e/${name}.test.ts`;
const noMedia: Bilingual = { zh: "本站没有音频或视频内容。", en: "The site has no audio or video." };

const principles: Record<string, Bilingual> = {
  "1": { zh: "可感知性", en: "Perceivable" },
  "2": { zh: "可操作性", en: "Operable" },
  "3": { zh: "可理解性", en: "Understandable" },
  "4": { zh: "兼容性", en: "Robust" },
};
const guidelines: Record<string, Bilingual> = {
  "1.1": { zh: "文本替代", en: "Text alternatives" },
  "1.2": { zh: "时基媒体", en: "Time-based media" },
  "1.3": { zh: "可适应", en: "Adaptable" },
  "1.4": { zh: "可辨别", en: "Distinguishable" },
  "2.1": { zh: "键盘可访问", en: "Keyboard accessible" },
  "2.2": { zh: "充足的时间", en: "Enough time" },
  "2.3": { zh: "癫痫发作", en: "Seizures" },
  "2.4": { zh: "可导航", en: "Navigable" },
  "2.5": { zh: "输入方式", en: "Input modalities" },
  "3.1": { zh: "可读", en: "Readable" },
  "3.2": { zh: "可预测", en: "Predictable" },
  "3.3": { zh: "输入辅助", en: "Input assistance" },
  "4.1": { zh: "兼容", en: "Compatible" },
};

const c = (id: string, level: "A" | "AA", zh: string, en: string, since: Criterion["since"], tests: string[], note?: Bilingual): Criterion => ({
  id,
  level,
  name: { zh, en },
  since,
  tests,
  ...(note ? { note } : {}),
});

export const criteria: Criterion[] = [
  c("1.1.1", "A", "非文本内容", "Non-text Content", "2.0", [e2e("pages"), e2e("devices")]),
  c("1.2.1", "A", "仅音频和仅视频（预录制）", "Audio-only and Video-only (Prerecorded)", "2.0", [], noMedia),
  c("1.2.2", "A", "字幕（预录制）", "Captions (Prerecorded)", "2.0", [], noMedia),
  c("1.2.3", "A", "音频描述或媒体替代（预录制）", "Audio Description or Media Alternative (Prerecorded)", "2.0", [], noMedia),
  c("1.2.4", "AA", "字幕（直播）", "Captions (Live)", "2.0", [], noMedia),
  c("1.2.5", "AA", "音频描述（预录制）", "Audio Description (Prerecorded)", "2.0", [], noMedia),
  c("1.3.1", "A", "信息和关系", "Info and Relationships", "2.0", [e2e("pages"), e2e("cinema")]),
  c("1.3.2", "A", "有意义的顺序", "Meaningful Sequence", "2.0", [e2e("error-summary")]),
  c("1.3.3", "A", "感官特征", "Sensory Characteristics", "2.0", []),
  c("1.3.4", "AA", "方向", "Orientation", "2.1", []),
  c("1.3.5", "AA", "识别输入目的", "Identify Input Purpose", "2.1", []),
  c("1.4.1", "A", "使用颜色", "Use of Color", "2.0", [e2e("focus"), e2e("policies")]),
  c("1.4.2", "A", "音频控制", "Audio Control", "2.0", [], noMedia),
  c("1.4.3", "AA", "对比度（最低）", "Contrast (Minimum)", "2.0", [e2e("pages")]),
  c("1.4.4", "AA", "调整文本大小", "Resize Text", "2.0", [e2e("pages")]),
  c("1.4.5", "AA", "文本图像", "Images of Text", "2.0", []),
  c("1.4.10", "AA", "重排", "Reflow", "2.1", [e2e("pages")]),
  c("1.4.11", "AA", "非文本对比度", "Non-text Contrast", "2.1", []),
  c("1.4.12", "AA", "文本间距", "Text Spacing", "2.1", []),
  c("1.4.13", "AA", "悬停或获得焦点时的内容", "Content on Hover or Focus", "2.1", []),
  c("2.1.1", "A", "键盘", "Keyboard", "2.0", [e2e("cinema"), e2e("devices"), e2e("feedback")]),
  c("2.1.2", "A", "无键盘陷阱", "No Keyboard Trap", "2.0", [e2e("cinema"), e2e("devices")]),
  c("2.1.4", "A", "字符键快捷键", "Character Key Shortcuts", "2.1", [], { zh: "本站没有单字符快捷键。", en: "The site has no single-character shortcuts." }),
  c("2.2.1", "A", "可调整的时间限制", "Timing Adjustable", "2.0", [e2e("cinema")]),
  c("2.2.2", "A", "暂停、停止、隐藏", "Pause, Stop, Hide", "2.0", [], { zh: "本站没有自动移动或闪动的内容。", en: "Nothing on the site moves or blinks by itself." }),
  c("2.3.1", "A", "三次闪光或低于阈值", "Three Flashes or Below Threshold", "2.0", [], { zh: "本站没有闪光内容。", en: "Nothing on the site flashes." }),
  c("2.4.1", "A", "绕过区块", "Bypass Blocks", "2.0", [e2e("pages")]),
  c("2.4.2", "A", "页面标题", "Page Titled", "2.0", [e2e("pages"), e2e("error-summary")]),
  c("2.4.3", "A", "焦点顺序", "Focus Order", "2.0", [e2e("focus"), e2e("navigation")]),
  c("2.4.4", "A", "链接目的（上下文中）", "Link Purpose (In Context)", "2.0", [e2e("pages"), e2e("cinema")]),
  c("2.4.5", "AA", "多种方式", "Multiple Ways", "2.0", [e2e("policies")]),
  c("2.4.6", "AA", "标题和标签", "Headings and Labels", "2.0", [e2e("pages"), e2e("feedback")]),
  c("2.4.7", "AA", "焦点可见", "Focus Visible", "2.0", [e2e("focus"), e2e("pages")]),
  c("2.4.11", "AA", "焦点不被遮挡（最低）", "Focus Not Obscured (Minimum)", "2.2", [e2e("focus")]),
  c("2.5.1", "A", "指针手势", "Pointer Gestures", "2.1", [], { zh: "本站没有多点或路径手势。", en: "The site uses no multipoint or path gestures." }),
  c("2.5.2", "A", "指针取消", "Pointer Cancellation", "2.1", []),
  c("2.5.3", "A", "名称中包含标签", "Label in Name", "2.1", []),
  c("2.5.4", "A", "动作触发", "Motion Actuation", "2.1", [], { zh: "本站没有靠晃动或倾斜设备触发的功能。", en: "Nothing on the site is operated by moving the device." }),
  c("2.5.7", "AA", "拖动动作", "Dragging Movements", "2.2", [], { zh: "本站没有拖动操作：选座位是一份座位列表。", en: "Nothing is dragged: seats are chosen from a list." }),
  c("2.5.8", "AA", "目标尺寸（最低）", "Target Size (Minimum)", "2.2", [e2e("pages")]),
  c("3.1.1", "A", "页面语言", "Language of Page", "2.0", [e2e("pages")]),
  c("3.1.2", "AA", "部分内容的语言", "Language of Parts", "2.0", [e2e("navigation"), e2e("assistant")]),
  c("3.2.1", "A", "获得焦点时", "On Focus", "2.0", []),
  c("3.2.2", "A", "输入时", "On Input", "2.0", [e2e("policies")]),
  c("3.2.3", "AA", "一致的导航", "Consistent Navigation", "2.0", [e2e("pages")]),
  c("3.2.4", "AA", "一致的识别", "Consistent Identification", "2.0", []),
  c("3.2.6", "A", "一致的帮助", "Consistent Help", "2.2", []),
  c("3.3.1", "A", "错误识别", "Error Identification", "2.0", [e2e("error-summary"), e2e("feedback")]),
  c("3.3.2", "A", "标签或说明", "Labels or Instructions", "2.0", [e2e("feedback"), e2e("devices")]),
  c("3.3.3", "AA", "错误建议", "Error Suggestion", "2.0", [e2e("cinema"), e2e("devices")]),
  c("3.3.4", "AA", "错误预防（法律、财务、数据）", "Error Prevention (Legal, Financial, Data)", "2.0", [e2e("cinema"), e2e("devices")]),
  c("3.3.7", "A", "冗余输入", "Redundant Entry", "2.2", [e2e("focus"), e2e("cinema")]),
  c("3.3.8", "AA", "无障碍身份验证（最低）", "Accessible Authentication (Minimum)", "2.2", []),
  { ...c("4.1.1", "A", "解析", "Parsing", "2.0", [e2e("html-validity")]), removedIn22: true },
  c("4.1.2", "A", "名称、角色、值", "Name, Role, Value", "2.0", [e2e("pages")]),
  c("4.1.3", "AA", "状态消息", "Status Messages", "2.1", [e2e("assistant"), e2e("policies")]),
];

/** The GB/T 37668-2019 requirement a criterion matches (its principle and guideline), or null when WCAG added it later. */
export function gbtRequirement(criterion: Criterion): { principle: Bilingual; guideline: Bilingual } | null {
  if (criterion.since !== "2.0") return null;
  const [p, g] = criterion.id.split(".");
  return { principle: principles[p!]!, guideline: guidelines[`${p}.${g}`]! };
}
