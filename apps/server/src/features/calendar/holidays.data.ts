// M-6: the holiday table shipped with the release (migration 0005 inserts it; admins replace a year later).
//
// 2025 and 2026 are copied from the State Council General Office notices, item by item: every day off (放假)
// and every make-up workday (调休上班). holidays.data.test.ts checks them against the notices' own counts
// ("共8天") and weekdays ("周日上班") and against a second source, lunar-javascript's HolidayUtil.
//
// 2027 is PROVISIONAL: its notice was not known when this table was written. It is estimated from the
// statutory holidays of 全国年节及纪念日放假办法 (2024 revision, in force from 2025-01-01):
//   元旦 1 day · 春节 4 days (除夕 to 初三) · 清明节 1 · 劳动节 2 (May 1–2) · 端午节 1 · 中秋节 1 · 国庆节 3 (Oct 1–3),
// lunar dates from calendar/lunar.ts, 清明 from the solar-term table (checked in the test), plus the substitute
// days its art. 6 requires when a holiday falls on a Saturday or Sunday (适逢星期六、星期日，应当在工作日补假),
// taken on the next working days. It has NO make-up workdays: the real notice will move days around
// (春节 8 days, 国庆节 7 days, with Saturdays worked), so the year must be replaced from the notice once published.
//
// Installs that already ran migration 0005 keep what it inserted: a corrected or new shipped year needs a new
// migration that writes it (e.g. replacing 2027 while it is still provisional), not an edit of the rows below.
import type { CalendarDayKind, CalendarYearStatus } from '@retainer/shared';
import { nextDay } from '../../plugins/days.js';

export type ShippedDay = { date: string; kind: CalendarDayKind; name: string };
export type ShippedYear = { year: number; status: CalendarYearStatus; source: string; days: ShippedDay[] };

/** updated_at of the shipped rows: when this table was compiled. */
export const SHIPPED_AT = '2026-11-26T00:00:00.000Z';

/** Days off from `from` to `to`, both included. */
function off(from: string, to: string, name: string): ShippedDay[] {
  const days: ShippedDay[] = [];
  for (let day = from; day <= to; day = nextDay(day)) days.push({ date: day, kind: 'holiday', name });
  return days;
}

/** A weekend day worked instead (调休上班). */
const work = (date: string, name: string): ShippedDay => ({ date, kind: 'workday', name });

export const SHIPPED_CALENDAR: readonly ShippedYear[] = [
  {
    year: 2025,
    status: 'official',
    source: '国务院办公厅关于2025年部分节假日安排的通知',
    days: [
      // 一、元旦：1月1日（周三）放假1天，不调休。
      ...off('2025-01-01', '2025-01-01', '元旦'),
      // 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
      work('2025-01-26', '春节'),
      ...off('2025-01-28', '2025-02-04', '春节'),
      work('2025-02-08', '春节'),
      // 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
      ...off('2025-04-04', '2025-04-06', '清明节'),
      // 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
      work('2025-04-27', '劳动节'),
      ...off('2025-05-01', '2025-05-05', '劳动节'),
      // 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
      ...off('2025-05-31', '2025-06-02', '端午节'),
      // 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
      work('2025-09-28', '国庆节、中秋节'),
      ...off('2025-10-01', '2025-10-08', '国庆节、中秋节'),
      work('2025-10-11', '国庆节、中秋节'),
    ],
  },
  {
    year: 2026,
    status: 'official',
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    days: [
      // 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
      ...off('2026-01-01', '2026-01-03', '元旦'),
      work('2026-01-04', '元旦'),
      // 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
      work('2026-02-14', '春节'),
      ...off('2026-02-15', '2026-02-23', '春节'),
      work('2026-02-28', '春节'),
      // 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
      ...off('2026-04-04', '2026-04-06', '清明节'),
      // 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
      ...off('2026-05-01', '2026-05-05', '劳动节'),
      work('2026-05-09', '劳动节'),
      // 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
      ...off('2026-06-19', '2026-06-21', '端午节'),
      // 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
      ...off('2026-09-25', '2026-09-27', '中秋节'),
      // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
      work('2026-09-20', '国庆节'),
      ...off('2026-10-01', '2026-10-07', '国庆节'),
      work('2026-10-10', '国庆节'),
    ],
  },
  {
    year: 2027,
    status: 'provisional',
    source: '暂定：按《全国年节及纪念日放假办法》（2024年修订）法定假日推算（含周末补假，无调休上班），国务院办公厅2027年节假日安排通知发布后须核对替换',
    days: [
      ...off('2027-01-01', '2027-01-01', '元旦'), // Friday
      // 除夕 (腊月廿九: lunar 2026's twelfth month has 29 days) Fri – 初三 Mon; 初一 Sat and 初二 Sun are made up Tue–Wed.
      ...off('2027-02-05', '2027-02-08', '春节'),
      ...off('2027-02-09', '2027-02-10', '春节（补假）'),
      ...off('2027-04-05', '2027-04-05', '清明节'), // Monday
      // May 1–2 are Saturday and Sunday: made up Mon–Tue.
      ...off('2027-05-01', '2027-05-02', '劳动节'),
      ...off('2027-05-03', '2027-05-04', '劳动节（补假）'),
      ...off('2027-06-09', '2027-06-09', '端午节'), // Wednesday
      ...off('2027-09-15', '2027-09-15', '中秋节'), // Wednesday
      // Oct 1 Friday; Oct 2–3 are Saturday and Sunday: made up Mon–Tue.
      ...off('2027-10-01', '2027-10-03', '国庆节'),
      ...off('2027-10-04', '2027-10-05', '国庆节（补假）'),
    ],
  },
];
