import type { ReactNode } from 'react';
import { Flex, InputNumber, Segmented, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNextOccurrence, type PreviewDate } from './calendar.api';
import { lunarDayName, lunarMonthName } from './clientFormat';

export interface CalendarDateValue {
  calendar: 'solar' | 'lunar';
  month?: number | null;
  day?: number | null;
  leapMonth?: boolean;
  year?: number | null;
}

interface CalendarDateInputProps {
  value?: CalendarDateValue | null;
  onChange?: (value: CalendarDateValue | null) => void;
  /** whether to offer the (optional) year */
  withYear?: boolean;
  testId: string;
  id?: string;
}

/** C-5 dates: solar or lunar month and day, a leap-month switch for lunar, an optional year. */
export function CalendarDateInput({ value, onChange, withYear = true, testId, id }: CalendarDateInputProps) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en-US';
  const v: CalendarDateValue = value ?? { calendar: 'solar' };
  const lunar = v.calendar === 'lunar';
  const emit = (patch: Partial<CalendarDateValue>) => onChange?.({ ...v, ...patch });

  const months = Array.from({ length: 12 }, (_, i) => ({
    value: i + 1,
    label: lunar && zh ? lunarMonthName(i + 1) : zh ? `${i + 1}月` : String(i + 1),
  }));
  const days = Array.from({ length: lunar ? 30 : 31 }, (_, i) => ({
    value: i + 1,
    label: lunar && zh ? lunarDayName(i + 1) : zh ? `${i + 1}日` : String(i + 1),
  }));

  return (
    <Flex vertical gap={6} id={id} data-testid={testId}>
      <Flex gap={8} wrap align="center">
        <Segmented<'solar' | 'lunar'>
          value={v.calendar}
          onChange={(calendar) => emit({ calendar, leapMonth: calendar === 'lunar' ? (v.leapMonth ?? false) : false })}
          options={[
            { value: 'solar', label: t('calendarDate.solar') },
            { value: 'lunar', label: <span data-testid={`${testId}-lunar`}>{t('calendarDate.lunar')}</span> },
          ]}
        />
        {withYear ? (
          <InputNumber<number>
            min={1900}
            max={2100}
            precision={0}
            placeholder={t('calendarDate.year')}
            value={v.year ?? null}
            onChange={(year) => emit({ year })}
            style={{ width: 150 }}
            data-testid={`${testId}-year`}
          />
        ) : null}
        <Select<number>
          allowClear
          placeholder={t('calendarDate.monthPlaceholder')}
          value={v.month ?? undefined}
          onChange={(month) => emit({ month: month ?? null })}
          options={months}
          style={{ width: 92 }}
          aria-label={t('calendarDate.month')}
          data-testid={`${testId}-month`}
        />
        <Select<number>
          allowClear
          placeholder={t('calendarDate.dayPlaceholder')}
          value={v.day ?? undefined}
          onChange={(day) => emit({ day: day ?? null })}
          options={days}
          style={{ width: 92 }}
          aria-label={t('calendarDate.day')}
          data-testid={`${testId}-day`}
        />
        {lunar ? (
          <Flex align="center" gap={6}>
            <Switch
              size="small"
              checked={v.leapMonth ?? false}
              onChange={(leapMonth) => emit({ leapMonth })}
              aria-label={t('calendarDate.leapMonth')}
              data-testid={`${testId}-leap`}
            />
            <Typography.Text>{t('calendarDate.leapMonth')}</Typography.Text>
          </Flex>
        ) : null}
      </Flex>
      <NextOccurrenceLine date={previewDate(v)} lunar={lunar} testId={`${testId}-next`} />
    </Flex>
  );
}

/** What to preview: a whole date with a year the server accepts (a half-typed year waits). */
function previewDate(v: CalendarDateValue): PreviewDate | null {
  if (!v.month || !v.day) return null;
  if (v.year !== null && v.year !== undefined && (v.year < 1900 || v.year > 2100)) return null;
  return { calendar: v.calendar, month: v.month, day: v.day, leapMonth: v.calendar === 'lunar' && !!v.leapMonth, year: v.year ?? null };
}

/** C-5: "下一次：2027年9月15日（周三）" as the date is entered, or why the date does not exist. */
function NextOccurrenceLine({ date, lunar, testId }: { date: PreviewDate | null; lunar: boolean; testId: string }) {
  const { t } = useTranslation();
  const { preview, stale } = useNextOccurrence(date);
  const style = { fontSize: 12, transition: 'opacity 0.2s', opacity: stale ? 0.55 : 1 };
  let line: ReactNode = null;
  if (date && preview) {
    line = preview.ok ? (
      <Typography.Text type="secondary" style={style} title={preview.value.label} data-testid={testId}>
        {t('calendarDate.next', { date: dayjs(preview.value.nextOccurrence).format(t('calendarDate.nextDateFormat')) })}
      </Typography.Text>
    ) : (
      <Typography.Text type="danger" style={style} data-testid={testId}>
        {preview.message}
      </Typography.Text>
    );
  } else if (lunar) {
    line = (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('calendarDate.lunarHint')}
      </Typography.Text>
    );
  }
  // One live region that stays mounted, so screen readers hear each new answer.
  return <div aria-live="polite">{line}</div>;
}

/** A complete date for the API, or null when month or day is missing. */
export function toCalendarDate(v: CalendarDateValue | null | undefined) {
  if (!v?.month || !v.day) return null;
  return { calendar: v.calendar, month: v.month, day: v.day, leapMonth: v.calendar === 'lunar' && !!v.leapMonth, year: v.year ?? null };
}

/** Half-filled dates are a mistake worth telling about. */
export function calendarDateRule(message: string) {
  return {
    validator: (_: unknown, v: CalendarDateValue | null | undefined) =>
      !v || (!v.month && !v.day) || (v.month && v.day) ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}
