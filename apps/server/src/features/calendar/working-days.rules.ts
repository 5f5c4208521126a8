import { isIsoDay, type CalendarYearUpdate, type FieldError, type Locale } from '@retainer/shared';

// M-6 / issue 5 "bad input": a year's table is refused whole, with every reason at once, so an admin fixes
// a pasted notice in one pass. A holiday on a Saturday or Sunday is fine (the notices list them).

const WEEKDAYS: Record<Locale, string[]> = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  'en-US': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const MESSAGES = {
  sourceEmpty: { 'zh-CN': () => '请填写依据（通知标题）', 'en-US': () => 'Enter the source (the notice title)' },
  dateMalformed: { 'zh-CN': () => '日期应为 YYYY-MM-DD 格式的真实日期', 'en-US': () => 'Enter a real date as YYYY-MM-DD' },
  dateOutsideYear: { 'zh-CN': (y: number) => `日期不在 ${y} 年内`, 'en-US': (y: number) => `Not in ${y}` },
  dateTwice: { 'zh-CN': (row: number) => `与第 ${row} 行日期重复`, 'en-US': (row: number) => `Same date as row ${row}` },
  workdayOnWeekday: {
    'zh-CN': (day: string) => `调休上班日只能是周六或周日（这天是${day}）`,
    'en-US': (day: string) => `A make-up workday must be a Saturday or Sunday (this is a ${day})`,
  },
  nameEmpty: { 'zh-CN': () => '请填写节日名称', 'en-US': () => 'Enter the holiday name' },
};

/** 0 = Monday … 6 = Sunday, of a valid YYYY-MM-DD. */
function weekdayIndex(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Every reason the table for `year` cannot be saved (empty when it can), fields named `days.<index>.<field>`. */
export function yearTableIssues(year: number, body: CalendarYearUpdate, locale: Locale): FieldError[] {
  const issues: FieldError[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  if (body.source.trim() === '') add('source', MESSAGES.sourceEmpty[locale]());

  const firstRow = new Map<string, number>();
  body.days.forEach((d, i) => {
    const date = d.date.trim();
    if (!isIsoDay(date)) {
      add(`days.${i}.date`, MESSAGES.dateMalformed[locale]());
    } else if (Number(date.slice(0, 4)) !== year) {
      add(`days.${i}.date`, MESSAGES.dateOutsideYear[locale](year));
    } else {
      const seen = firstRow.get(date);
      if (seen !== undefined) add(`days.${i}.date`, MESSAGES.dateTwice[locale](seen + 1));
      else firstRow.set(date, i);
      const weekday = weekdayIndex(date);
      if (d.kind === 'workday' && weekday < 5) add(`days.${i}.date`, MESSAGES.workdayOnWeekday[locale](WEEKDAYS[locale][weekday]!));
    }
    if (d.name.trim() === '') add(`days.${i}.name`, MESSAGES.nameEmpty[locale]());
  });
  return issues;
}
