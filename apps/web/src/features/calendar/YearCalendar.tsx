import type { CSSProperties } from 'react';
import { Flex, Tooltip, Typography, theme } from 'antd';
import type { CalendarDay, Locale } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { isWeekend, monthName, weekdayLetters } from './calendarDays';

const pad = (n: number) => String(n).padStart(2, '0');

/** Twelve month grids, Monday first, marking days off (休) and make-up workdays (班) as Chinese calendars do. */
export function YearCalendar({ year, days, today }: { year: number; days: readonly CalendarDay[]; today: string }) {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === 'en-US' ? 'en-US' : 'zh-CN') satisfies Locale;
  const byDate = new Map(days.map((d) => [d.date, d]));
  const letters = weekdayLetters(locale);
  return (
    <div>
      <Legend />
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(236px, 1fr))', gap: 16 }}
        data-testid="year-calendar"
      >
        {Array.from({ length: 12 }, (_, i) => (
          <Month key={i} year={year} month={i + 1} byDate={byDate} letters={letters} title={monthName(i + 1, locale)} today={today} kindLabel={(k) => t(`workingDays.kind.${k}`)} />
        ))}
      </div>
    </div>
  );
}

function useDayStyles() {
  const { token } = theme.useToken();
  const base: CSSProperties = {
    position: 'relative',
    height: 30,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: token.borderRadiusSM,
    fontSize: 13,
    fontVariantNumeric: 'tabular-nums',
  };
  return {
    token,
    base,
    holiday: { ...base, background: token.red1, color: token.red7, fontWeight: 600 },
    workday: { ...base, background: token.blue1, color: token.blue7, fontWeight: 600 },
    weekend: { ...base, color: token.colorTextTertiary },
    mark: { position: 'absolute', top: 1, right: 2, fontSize: 9, lineHeight: 1, fontWeight: 600 } as CSSProperties,
  };
}

function Legend() {
  const { t } = useTranslation();
  const s = useDayStyles();
  // zh marks days as calendars do (休 / 班); en has no such marks and shows a sample day
  const swatch = (style: CSSProperties, mark: string) => (
    <span style={{ ...style, width: 26, height: 22, display: 'inline-flex' }}>
      <span style={{ fontSize: 11 }}>{mark || '8'}</span>
    </span>
  );
  return (
    <Flex gap={20} wrap style={{ marginBottom: 16 }}>
      <Flex gap={6} align="center">
        {swatch(s.holiday, t('workingDays.markHoliday'))}
        <Typography.Text type="secondary">{t('workingDays.legendHoliday')}</Typography.Text>
      </Flex>
      <Flex gap={6} align="center">
        {swatch(s.workday, t('workingDays.markWorkday'))}
        <Typography.Text type="secondary">{t('workingDays.legendWorkday')}</Typography.Text>
      </Flex>
      <Flex gap={6} align="center">
        {swatch({ ...s.weekend, border: `1px solid ${s.token.colorBorderSecondary}` }, '6')}
        <Typography.Text type="secondary">{t('workingDays.legendWeekend')}</Typography.Text>
      </Flex>
    </Flex>
  );
}

interface MonthProps {
  year: number;
  month: number;
  title: string;
  letters: string[];
  byDate: Map<string, CalendarDay>;
  today: string;
  kindLabel: (kind: CalendarDay['kind']) => string;
}

function Month({ year, month, title, letters, byDate, today, kindLabel }: MonthProps) {
  const { t } = useTranslation();
  const s = useDayStyles();
  const first = new Date(Date.UTC(year, month - 1, 1));
  const blanks = (first.getUTCDay() + 6) % 7;
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const marks = { holiday: t('workingDays.markHoliday'), workday: t('workingDays.markWorkday') };
  return (
    <div style={{ border: `1px solid ${s.token.colorBorderSecondary}`, borderRadius: s.token.borderRadiusLG, padding: '10px 12px 12px' }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        {title}
      </Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {letters.map((l, i) => (
          <Typography.Text key={i} type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
            {l}
          </Typography.Text>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <span key={`b${i}`} />
        ))}
        {Array.from({ length: count }, (_, i) => {
          const date = `${year}-${pad(month)}-${pad(i + 1)}`;
          const entry = byDate.get(date);
          const style = entry ? s[entry.kind] : isWeekend(date) ? s.weekend : s.base;
          const cell = (
            <span
              key={date}
              data-date={date}
              data-kind={entry?.kind}
              style={date === today ? { ...style, outline: `2px solid ${s.token.colorPrimary}`, outlineOffset: -2 } : style}
            >
              {i + 1}
              {entry && marks[entry.kind] ? <span style={s.mark}>{marks[entry.kind]}</span> : null}
            </span>
          );
          return entry ? (
            <Tooltip key={date} title={`${date} ${entry.name} · ${kindLabel(entry.kind)}`}>
              {cell}
            </Tooltip>
          ) : (
            cell
          );
        })}
      </div>
    </div>
  );
}
