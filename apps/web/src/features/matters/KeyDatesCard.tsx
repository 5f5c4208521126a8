import { useState, type ReactNode } from 'react';
import { App, Button, Card, Empty, Flex, List, Popconfirm, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { KeyDate, KeyDateKind, Matter } from '@retainer/shared';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { LoadError } from '../../components/ErrorResults';
import { KeyDateFormDrawer } from './KeyDateFormDrawer';
import { firmToday } from './matterForm';
import { processApi, processKeys, useKeyDates } from './matterProcess.api';

export const KEY_DATE_COLORS: Record<KeyDateKind, string> = {
  hearing: 'volcano',
  filing_deadline: 'gold',
  limitation: 'purple',
  contract_renewal: 'cyan',
  other: 'default',
};

/** M-5: hearings, deadlines, limitation periods and renewals, soonest first; the lead lawyer is reminded. */
export function KeyDatesCard({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan('matters:write');
  const keyDates = useKeyDates(matter.id);
  const [drawer, setDrawer] = useState<{ open: boolean; key: number; editing: KeyDate | null }>({ open: false, key: 0, editing: null });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: processKeys.keyDates(matter.id) });
  const openDrawer = (editing: KeyDate | null) => setDrawer((d) => ({ open: true, key: d.key + 1, editing }));

  async function remove(k: KeyDate) {
    try {
      await processApi.removeKeyDate(k.id);
      message.success(t('keyDates.deleted'));
      refresh();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  }

  // upcoming first (soonest on top), then the past ones, latest first
  const today = firmToday().format('YYYY-MM-DD');
  const items = keyDates.data?.items ?? [];
  const ordered = [...items.filter((k) => k.date >= today), ...items.filter((k) => k.date < today).reverse()];

  return (
    <Card
      variant="borderless"
      title={t('keyDates.title')}
      data-testid="matter-key-dates"
      extra={
        canWrite ? (
          <Button icon={<PlusOutlined />} onClick={() => openDrawer(null)} data-testid="key-dates-new">
            {t('keyDates.add')}
          </Button>
        ) : null
      }
    >
      {keyDates.error && !keyDates.data ? (
        <LoadError error={keyDates.error} onRetry={() => void keyDates.refetch()} />
      ) : !keyDates.data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : ordered.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('keyDates.empty')} />
      ) : (
        <List<KeyDate>
          size="small"
          dataSource={ordered}
          data-testid="key-dates-list"
          renderItem={(k) => (
            <List.Item key={k.id} data-testid={`key-date-${k.id}`}>
              <KeyDateLine
                k={k}
                today={today}
                actions={
                  canWrite ? (
                    <Flex gap={2}>
                      <Tooltip title={t('common.edit')}>
                        <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => openDrawer(k)} />
                      </Tooltip>
                      <Popconfirm
                        title={t('keyDates.deleteTitle', { title: k.title })}
                        description={k.auto ? t('keyDates.deleteAuto') : t('keyDates.deleteContent')}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove(k)}
                      >
                        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                      </Popconfirm>
                    </Flex>
                  ) : null
                }
              />
            </List.Item>
          )}
        />
      )}
      <KeyDateFormDrawer
        key={drawer.key}
        open={drawer.open}
        matterId={matter.id}
        keyDate={drawer.editing}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        onSaved={refresh}
      />
    </Card>
  );
}

function KeyDateLine({ k, today, actions }: { k: KeyDate; today: string; actions: ReactNode }) {
  const { t } = useTranslation();
  const left = dayjs(k.date).diff(dayjs(today), 'day');
  const past = left < 0;
  const soon = !past && left <= k.remindDaysBefore;
  return (
    <Flex vertical gap={4} style={{ minWidth: 0, width: '100%', opacity: past ? 0.6 : 1 }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
            {k.date}
            {k.time ? ` ${k.time}` : ''}
          </Typography.Text>
          {past ? (
            <Typography.Text type="secondary">{t('keyDates.past')}</Typography.Text>
          ) : (
            <Tag color={soon ? 'orange' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {left === 0 ? t('keyDates.today') : t('keyDates.daysLeft', { count: left })}
            </Tag>
          )}
        </Flex>
        {actions}
      </Flex>
      <div style={{ wordBreak: 'break-all' }}>
        <Tag color={KEY_DATE_COLORS[k.kind]}>{t(`keyDates.kinds.${k.kind}`)}</Tag>
        <Typography.Text>{k.title}</Typography.Text>
        {k.auto ? (
          <Tooltip title={t('keyDates.autoHint')}>
            <Tag style={{ marginInlineStart: 8 }}>{t('keyDates.auto')}</Tag>
          </Tooltip>
        ) : null}
      </div>
      {k.note ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {k.note}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {k.remindedAt ? t('keyDates.reminded') : k.remindDaysBefore === 0 ? t('keyDates.remindSameDay') : t('keyDates.remindRule', { count: k.remindDaysBefore })}
      </Typography.Text>
    </Flex>
  );
}
