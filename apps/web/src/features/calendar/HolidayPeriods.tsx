import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { CalendarDay, Locale } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { holidayPeriods, shortDate, weekdayName, type HolidayPeriod } from './calendarDays';

const GLOSSES = {
  元旦: 'newYear',
  春节: 'springFestival',
  清明节: 'qingming',
  劳动节: 'labourDay',
  端午节: 'dragonBoat',
  中秋节: 'midAutumn',
  国庆节: 'nationalDay',
  '国庆节、中秋节': 'nationalDayMidAutumn',
} as const;
const SUBSTITUTE = '（补假）';

/** The English name of a statutory holiday written in Chinese (names are data, typed as the notice has them). */
function glossOf(name: string, t: TFunction): string | null {
  const base = name.endsWith(SUBSTITUTE) ? name.slice(0, -SUBSTITUTE.length) : name;
  const key = GLOSSES[base as keyof typeof GLOSSES];
  if (!key) return null;
  const gloss = t(`workingDays.gloss.${key}`);
  return base === name ? gloss : `${gloss} (${t('workingDays.gloss.substitute')})`;
}

/** One line per holiday, the way the State Council notice reads: days off, how many, make-up workdays. */
export function HolidayPeriods({ days }: { days: readonly CalendarDay[] }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const withWeekday = (d: string) =>
    locale === 'en-US' ? `${shortDate(d, locale)} (${weekdayName(d, locale)})` : `${shortDate(d, locale)}（${weekdayName(d, locale)}）`;
  const run = ([a, b]: [string, string]) => (a === b ? withWeekday(a) : `${withWeekday(a)} – ${withWeekday(b)}`);

  const columns: TableColumnsType<HolidayPeriod> = [
    {
      title: t('workingDays.name'),
      dataIndex: 'name',
      width: 220,
      render: (name: string) => {
        const gloss = locale === 'en-US' ? glossOf(name, t) : null;
        return (
          <>
            <Typography.Text strong>{name}</Typography.Text>
            {gloss ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {gloss}
              </Typography.Text>
            ) : null}
          </>
        );
      },
    },
    {
      title: t('workingDays.colDates'),
      key: 'runs',
      render: (_, p) => (p.runs.length ? p.runs.map((r) => <div key={r[0]}>{run(r)}</div>) : t('common.empty')),
    },
    {
      title: t('workingDays.colCount'),
      dataIndex: 'daysOff',
      width: 130,
      render: (n: number) => (n ? <Tag color="red">{t('workingDays.periodDays', { count: n })}</Tag> : t('common.empty')),
    },
    {
      title: t('workingDays.colWorkdays'),
      key: 'workdays',
      render: (_, p) =>
        p.workdays.length ? (
          p.workdays.map((d) => (
            <Tag key={d} color="blue" style={{ marginBlock: 2 }}>
              {withWeekday(d)}
            </Tag>
          ))
        ) : (
          <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
        ),
    },
  ];
  return (
    <Table<HolidayPeriod>
      data-testid="holiday-periods"
      size="middle"
      rowKey="name"
      columns={columns}
      dataSource={holidayPeriods(days)}
      pagination={false}
      scroll={{ x: 640 }}
    />
  );
}
