import { useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, Flex, Segmented, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CalendarYear, CalendarYearSummary } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { FIRM_TIME_ZONE, formatDateTime } from '../../app/format';
import { LoadError } from '../../components/ErrorResults';
import { PageHeader } from '../../components/PageHeader';
import { HolidayPeriods } from './HolidayPeriods';
import { YearCalendar } from './YearCalendar';
import { YearEditor } from './YearEditor';
import { useCalendarYear, useCalendarYears } from './workingDays.api';

const STATUS_COLORS = { official: 'green', provisional: 'orange' } as const;

/** The years to offer: those in the table, this year, any gap between them and the year after the last (to enter a new notice). */
function yearChoices(items: CalendarYearSummary[], thisYear: number, shown: number): number[] {
  const years = new Set([...items.map((y) => y.year), thisYear, shown]);
  const first = Math.min(...years);
  const last = Math.max(...years) + 1;
  // a contiguous run while it stays short; otherwise only the years that matter
  if (last - first < 8) return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return [...years, last].sort((a, b) => a - b);
}

/** M-6: admins keep the statutory holidays and make-up workdays (调休) per year. */
export function WorkingDaysPage() {
  const { t } = useTranslation();
  const today = dayjs().tz(FIRM_TIME_ZONE).format('YYYY-MM-DD');
  const thisYear = Number(today.slice(0, 4));
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const [editing, setEditing] = useState(false);
  const years = useCalendarYears();
  const detail = useCalendarYear(year);
  const summaries = years.data?.items ?? [];
  const statusOf = (y: number) => summaries.find((s) => s.year === y)?.status;

  const pick = (y: number) => {
    setEditing(false);
    setParams(y === thisYear ? {} : { year: String(y) }, { replace: true });
  };

  return (
    <div data-testid="working-days-page">
      <PageHeader
        title={t('workingDays.title')}
        subtitle={t('workingDays.subtitle')}
        extra={
          <Segmented<number>
            value={year}
            onChange={pick}
            data-testid="year-switch"
            options={yearChoices(summaries, thisYear, year).map((y) => {
              const status = statusOf(y);
              return {
                value: y,
                label: <Badge status={status === 'official' ? 'success' : status === 'provisional' ? 'warning' : 'default'} text={String(y)} />,
              };
            })}
          />
        }
      />
      {detail.error && !detail.data ? (
        <LoadError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : detail.data === undefined ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : editing ? (
        <YearEditor key={year} year={year} current={detail.data} onDone={() => setEditing(false)} />
      ) : detail.data === null ? (
        <Card variant="borderless">
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <Flex vertical gap={4}>
                <Typography.Text strong>{t('workingDays.emptyTitle', { year })}</Typography.Text>
                <Typography.Text type="secondary">{t('workingDays.emptyText', { year })}</Typography.Text>
              </Flex>
            }
          >
            <Button type="primary" onClick={() => setEditing(true)} data-testid="year-create">
              {t('workingDays.enterYear', { year })}
            </Button>
          </Empty>
        </Card>
      ) : (
        <YearView data={detail.data} today={today} onEdit={() => setEditing(true)} />
      )}
    </div>
  );
}

function YearView({ data, today, onEdit }: { data: CalendarYear; today: string; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      {data.status === 'provisional' ? (
        <Alert
          type="warning"
          showIcon
          data-testid="provisional-warning"
          title={t('workingDays.provisionalTitle', { year: data.year })}
          description={t('workingDays.provisionalText', { year: data.year })}
        />
      ) : null}
      <Card variant="borderless" data-testid="year-summary">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('workingDays.yearOption', { year: data.year })}
              </Typography.Title>
              <Tag color={STATUS_COLORS[data.status]} style={{ marginInlineEnd: 0 }}>
                {t(`workingDays.status.${data.status}`)}
              </Tag>
              <Tag color="red" variant="filled">
                {t('workingDays.holidaysCount', { count: data.holidays })}
              </Tag>
              <Tag color={data.workdays ? 'blue' : 'default'} variant="filled">
                {t('workingDays.workdaysCount', { count: data.workdays })}
              </Tag>
            </Flex>
            <Typography.Text>
              <Typography.Text type="secondary">{t('workingDays.sourceLabel')}</Typography.Text>
              {data.source}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {data.updatedBy ? t('workingDays.updated', { name: data.updatedBy.name, at: formatDateTime(data.updatedAt) }) : t('workingDays.shipped')}
            </Typography.Text>
          </Flex>
          <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="year-edit">
            {t('workingDays.edit', { year: data.year })}
          </Button>
        </Flex>
      </Card>
      <Card variant="borderless" styles={{ body: { padding: 0 } }}>
        <HolidayPeriods days={data.days} />
      </Card>
      <Card variant="borderless">
        <YearCalendar year={data.year} days={data.days} today={today} />
      </Card>
    </Flex>
  );
}
