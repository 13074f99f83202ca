import { CATALOGUE } from "../consent/catalogue.js";
import { isoTime } from "../store/time.js";

/**
 * What Zalo holds for the consent page's OAs, beyond the OA itself: the people who follow each, and the ZNS
 * templates each has on Zalo. Fixed, so that tests, the README and a frontend can name a follower or a template.
 */

/** The phones of every mock OA's admins: the only ones a development-mode ZNS reaches. */
export const ADMIN_PHONES: readonly string[] = ["84900000001", "84900000002"];

const DAY = 24 * 60 * 60 * 1000;

/** Vietnamese names for the followers, one per place in an OA's list. */
const NAMES = [
  ["Nguyễn Thị Lan", "female"],
  ["Trần Văn Minh", "male"],
  ["Lê Thị Hồng", "female"],
  ["Phạm Quốc Bảo", "male"],
  ["Hoàng Thị Mai", "female"],
  ["Vũ Đức Thắng", "male"],
  ["Đặng Thu Trang", "female"],
  ["Bùi Văn Hùng", "male"],
  ["Đỗ Thị Ngọc", "female"],
  ["Hồ Minh Tuấn", "male"],
  ["Ngô Thị Thảo", "female"],
  ["Dương Văn Long", "male"],
  ["Lý Thị Hạnh", "female"],
  ["Trịnh Công Sơn", "male"],
  ["Mai Thị Phương", "female"],
  ["Đinh Văn Khoa", "male"],
  ["Tạ Thị Yến", "female"],
  ["Lương Văn Phúc", "male"],
  ["Cao Thị Hoa", "female"],
  ["Phan Đình Nam", "male"],
  ["Châu Ngọc Anh", "other"],
  ["Tô Văn Dũng", "male"],
  ["Kiều Thị Vân", "female"],
  ["Quách Minh Nhật", "unknown"],
  ["La Thị Thu", "female"],
  ["Triệu Văn Tài", "male"],
] as const;

/** What the follower last wrote, when they did. */
const TEXTS = [
  "Shop còn hoa hồng đỏ không ạ?",
  "Cho mình hỏi giá giao hàng về Quận 7?",
  "Đơn của mình đã giao chưa shop?",
  "Mình muốn đổi size được không ạ?",
];

/**
 * An OA's followers as Zalo has them when the mock first reads them, times counted back from `now`: the first 12
 * wrote in the last 30 hours (their 48-hour reply window is open), the next 8 wrote 3 to 10 days ago (closed), 5
 * never wrote, and the last one unfollowed. `zl_user_id` is `81<k>0…0<nn>`, k the OA's place on the consent page
 * from 1 (the spec's examples use the first OA's first follower).
 */
export function followersOf(oaId: string, shopId: string, now: number): Record<string, unknown>[] {
  const k = CATALOGUE.findIndex((profile) => profile.oa_id === oaId) + 1;
  if (k === 0) return [];
  return NAMES.map(([full_name, gender], index) => {
    const n = index + 1;
    const zl_user_id = `81${k}${"0".repeat(13)}${String(n).padStart(3, "0")}`;
    const wroteAt = n <= 12 ? now - n * 150 * 60 * 1000 : n <= 20 || n === 26 ? now - (n - 10) * DAY : undefined;
    const phone = `849${k}${String(n).padStart(7, "0")}`;
    const avatar = (size: number) => `https://s${size}-ava-talk.zadn.vn/${k}/${n}/${zl_user_id}.jpg`;
    const createdAt = isoTime(now - (40 + n) * DAY);
    const lastAt = wroteAt === undefined ? undefined : isoTime(wroteAt);
    return {
      id: `116${k}${String(n).padStart(15, "0")}`,
      oa_id: oaId,
      zl_user_id,
      zl_user_id_by_app: `71${k}${"0".repeat(13)}${String(n).padStart(3, "0")}`,
      full_name,
      avatar: avatar(120),
      avatars: { "120": avatar(120), "240": avatar(240) },
      gender,
      phone,
      state: n === 26 ? "unfollow" : "follow",
      has_conversation: wroteAt !== undefined,
      shop_id: shopId,
      shared_info: { name: full_name, phone },
      tags_and_notes_info: { notes: [], tag_names: n % 4 === 1 ? ["khách quen"] : [] },
      ...(lastAt && {
        last_conversation: { direction: "in", message: TEXTS[n % TEXTS.length], sent_time: lastAt, type: "text" },
      }),
      created_at: createdAt,
      updated_at: lastAt ?? createdAt,
    };
  });
}

/** One parameter of a template: required, a string of `min` to `max` characters. */
const param = (name: string, type: string, max: number, min = 1) => ({
  name,
  type,
  require: true,
  max_length: max,
  min_length: min,
  accept_null: false,
});

/** A template as Zalo describes it, before any shop registers it. */
export interface ZaloTemplate {
  template_id: number;
  template_name: string;
  type: string;
  template_status: string;
  template_quality: string;
  template_tag: string;
  template_params: ReturnType<typeof param>[];
  price: number;
  /** Registered for the shop already when the mock starts, as if the shop had done it earlier. */
  registered: boolean;
}

/**
 * The ZNS templates every consent-page OA has on Zalo: five registered already (an OTP, an order confirmation with
 * several parameters, one pending review, one rejected, a table), and three only on Zalo, to register.
 */
export const ZALO_TEMPLATES: readonly ZaloTemplate[] = [
  {
    template_id: 230101,
    template_name: "Xác nhận đơn hàng",
    type: "text",
    template_status: "ENABLE",
    template_quality: "HIGH",
    template_tag: "IN_TRANSACTION",
    template_params: [
      param("customer_name", "CUSTOMER_NAME", 30),
      param("order_code", "TRANSACTION_CODE", 30),
      param("total", "TRANSACTION_AMOUNT", 20),
    ],
    price: 300,
    registered: true,
  },
  {
    template_id: 230102,
    template_name: "Mã xác thực OTP",
    type: "otp",
    template_status: "ENABLE",
    template_quality: "HIGH",
    template_tag: "OTP",
    template_params: [param("otp", "OTP", 6, 4)],
    price: 300,
    registered: true,
  },
  {
    template_id: 230103,
    template_name: "Khuyến mãi tháng 12",
    type: "text",
    template_status: "PENDING_REVIEW",
    template_quality: "UNDEFINED",
    template_tag: "GENERAL_UPDATE",
    template_params: [param("customer_name", "CUSTOMER_NAME", 30), param("discount", "OTHER", 10)],
    price: 300,
    registered: true,
  },
  {
    template_id: 230104,
    template_name: "Đánh giá dịch vụ",
    type: "rating",
    template_status: "REJECT",
    template_quality: "LOW",
    template_tag: "FOLLOW_UP",
    template_params: [param("customer_name", "CUSTOMER_NAME", 30)],
    price: 440,
    registered: true,
  },
  {
    template_id: 230105,
    template_name: "Hóa đơn điện tử",
    type: "table",
    template_status: "ENABLE",
    template_quality: "MEDIUM",
    template_tag: "POST_TRANSACTION",
    template_params: [
      param("customer_name", "CUSTOMER_NAME", 30),
      param("invoice_code", "TRANSACTION_CODE", 30),
      param("amount", "TRANSACTION_AMOUNT", 20),
      param("due_date", "DATE", 20),
    ],
    price: 440,
    registered: true,
  },
  {
    template_id: 230107,
    template_name: "Cập nhật giao hàng",
    type: "text",
    template_status: "ENABLE",
    template_quality: "HIGH",
    template_tag: "IN_TRANSACTION",
    template_params: [param("customer_name", "CUSTOMER_NAME", 30), param("order_code", "TRANSACTION_CODE", 30)],
    price: 300,
    registered: false,
  },
  {
    template_id: 230108,
    template_name: "Nhắc lịch hẹn",
    type: "text",
    template_status: "ENABLE",
    template_quality: "MEDIUM",
    template_tag: "ACCOUNT_UPDATE",
    template_params: [param("customer_name", "CUSTOMER_NAME", 30), param("appointment_time", "TIME", 30)],
    price: 300,
    registered: false,
  },
  {
    template_id: 230109,
    template_name: "Chăm sóc khách hàng",
    type: "text",
    template_status: "DISABLE",
    template_quality: "LOW",
    template_tag: "FOLLOW_UP",
    template_params: [param("customer_name", "CUSTOMER_NAME", 30)],
    price: 300,
    registered: false,
  },
];

/** A Zalo template as registered for a shop's OA at `at`. */
export function registeredTemplate(
  template: ZaloTemplate,
  { oaId, shopId, at }: { oaId: string; shopId: string; at: string },
): Record<string, unknown> {
  const { registered: _registered, ...fields } = template;
  return {
    ...fields,
    preview_url: `https://account.zalo.cloud/znspreview/${template.template_id}`,
    timeout: 7200,
    template_daily_quota: 500,
    template_remaining_quota: 500,
    apply_template_quota: false,
    created_at: at,
    updated_at: at,
    oa_id: oaId,
    shop_id: shopId,
    is_journey: false,
    retail_price: template.price,
    price_exceeded: false,
  };
}

/** The templates an OA has on Zalo: a consent-page OA's; none for any other. */
export function zaloTemplatesOf(oaId: string): readonly ZaloTemplate[] {
  return CATALOGUE.some((profile) => profile.oa_id === oaId) ? ZALO_TEMPLATES : [];
}
