/**
 * Examples for the OpenAPI document (openapi.server.ts) and so for docs/api.md: what a call sends and answers,
 * with made-up people (the test numbers 138 0013 8000). openapi.server.test.ts checks each against its schema.
 */
const booking = {
  reference: "DY-7K3Q-M9TD",
  status: "confirmed",
  screening: { id: "scr-2026-12-05-1430", title: "我和我的祖国（口述影像版）", startsAt: "2026-12-05T06:30:00.000Z", hall: "粤北区域中心 无障碍影厅" },
  name: "张三",
  phone: "138****8000",
  tickets: 2,
  seats: ["3排5座", "3排6座"],
  needs: ["guideDog"],
  createdAt: "2026-12-02T02:15:00.000Z",
  cancelledAt: null,
};

export const examples = {
  health: { status: "ok", database: "sqlite", index: { documents: 42, chunks: 512, builtAt: "2026-12-02T01:00:00.000Z" } },
  cancelBody: { phone: "13800138000", locale: "zh-CN" },
  ready: {
    status: "ready",
    database: { kind: "sqlite", answers: true },
    index: { documents: 42, chunks: 512, builtAt: "2026-12-02T01:00:00.000Z", assistantChunks: 375 },
  },
  question: { question: "残疾人证怎么办理？", locale: "zh-CN" },
  reply: {
    answer: "申请残疾人证，先到户籍所在地的县级残联或乡镇（街道）提出申请……",
    grounded: true,
    citations: [{ title: "残疾人证办理指南 · 一、谁可以申请", url: "/guides/disability-certificate#s-1", quote: "持本地户籍、符合残疾标准的人可以申请。" }],
    conversationId: "Vb3kQ9xT2mN7pL4sR8wZ1cYe",
  },
  screenings: {
    screenings: [
      {
        id: "scr-2026-12-05-1430",
        title: "我和我的祖国（口述影像版）",
        startsAt: "2026-12-05T06:30:00.000Z",
        hall: "粤北区域中心 无障碍影厅",
        audioDescription: true,
        captions: true,
        seatsTotal: 60,
        seatsAvailable: 58,
        wheelchairSpacesAvailable: 2,
      },
    ],
  },
  bookingInput: { name: "张三", phone: "13800138000", tickets: 2, needs: ["guideDog"] },
  bookingCreated: { reference: "DY-7K3Q-M9TD", seats: ["3排5座", "3排6座"] },
  booking,
  cancelled: { ...booking, status: "cancelled", cancelledAt: "2026-12-03T08:00:00.000Z" },
  devices: {
    devices: [
      {
        id: "manual-wheelchair",
        name: "手动轮椅",
        category: "mobility",
        available: 3,
        total: 5,
        locations: [{ id: "qingcheng", name: "清城区残联辅具服务点", available: 3, total: 5 }],
      },
    ],
  },
  loanInput: { deviceId: "manual-wheelchair", name: "张三", phone: "13800138000", disabilityCategory: "physical", note: "出院后暂时用三个月" },
  loanCreated: { reference: "JY-4P8R-2HWM", status: "pending" },
  loanRequest: {
    reference: "JY-4P8R-2HWM",
    status: "pending",
    statusText: "待审核",
    device: { id: "manual-wheelchair", name: "手动轮椅", mode: "loan" },
    pickupLocation: null,
    reason: null,
    phone: "138****8000",
    createdAt: "2026-12-02T02:20:00.000Z",
    updatedAt: "2026-12-02T02:20:00.000Z",
    loan: null,
  },
} as const;
