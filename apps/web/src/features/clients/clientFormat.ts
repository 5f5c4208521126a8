import { INDUSTRIES, type CalendarDate } from '@retainer/shared';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { FIRM_TIME_ZONE } from '../../app/format';

export type Industry = (typeof INDUSTRIES)[number];
export const isIndustry = (v: unknown): v is Industry => typeof v === 'string' && (INDUSTRIES as readonly string[]).includes(v);

export function industryLabel(t: TFunction, code: string | null | undefined): string | null {
  if (!code) return null;
  return isIndustry(code) ? t(`clients.industries.${code}`) : code;
}

// Money: entered in 元 with two decimals, stored and sent in fen (STYLE.md Do 10).
export const yuanToFen = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined || Number.isNaN(yuan) ? null : Math.round(yuan * 100);
export const fenToYuan = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** `¥12,345.00` */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `¥${yuanFormat.format(fen / 100)}`;
}

const LUNAR_MONTHS = ['正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月'];
const TENS = ['初', '十', '廿', '三'];
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 初一 … 三十 */
export function lunarDayName(day: number): string {
  if (day === 10) return '初十';
  if (day === 20) return '二十';
  if (day === 30) return '三十';
  return `${TENS[Math.floor(day / 10)] ?? ''}${DIGITS[day % 10] ?? ''}`;
}

export const lunarMonthName = (month: number): string => LUNAR_MONTHS[month - 1] ?? String(month);

type DateParts = Pick<CalendarDate, 'calendar' | 'month' | 'day' | 'leapMonth'> & { year?: number | null | undefined };

/** 3月15日 / 农历闰四月初八 (zh-CN); 3/15 / Lunar leap month 4, day 8 (en-US). */
export function formatCalendarDate(t: TFunction, lang: string, d: DateParts | null | undefined): string {
  if (!d) return '';
  const zh = lang !== 'en-US';
  if (d.calendar === 'solar') {
    const pad = (n: number) => (zh ? String(n) : String(n).padStart(2, '0'));
    return d.year
      ? t('calendarDate.format.solarWithYear', { year: d.year, month: pad(d.month), day: pad(d.day) })
      : t('calendarDate.format.solar', { month: d.month, day: d.day });
  }
  const vars = {
    year: d.year,
    leap: d.leapMonth ? t('calendarDate.format.leap') : '',
    month: zh ? lunarMonthName(d.month) : d.month,
    day: zh ? lunarDayName(d.day) : d.day,
  };
  return d.year ? t('calendarDate.format.lunarWithYear', vars) : t('calendarDate.format.lunar', vars);
}

/** Whole days from today (firm time zone) to a YYYY-MM-DD date. */
export function daysUntil(date: string): number {
  const today = dayjs().tz(FIRM_TIME_ZONE).format('YYYY-MM-DD');
  return dayjs(date).diff(dayjs(today), 'day');
}

/** 浙江省 · 杭州市; a municipality (北京市 · 北京市) once. */
export function placeLabel(region: string | null, city: string | null): string {
  if (region && city && region === city) return region;
  return [region, city].filter(Boolean).join(' · ');
}
