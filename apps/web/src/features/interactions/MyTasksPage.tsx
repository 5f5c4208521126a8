import { useState } from 'react';
import { App, Button, DatePicker, Empty, Flex, Segmented, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Task, TaskStatus } from '@retainer/shared';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FIRM_TIME_ZONE, formatDate } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { interactionKeys, interactionsApi, useTasks } from './interactions.api';

const PAGE_SIZE = 30;

/** 我的待办: the follow-ups assigned to me, open ones by due day, with one-click 完成. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TaskStatus>('open');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const dueFrom = range?.[0]?.format('YYYY-MM-DD');
  const dueTo = range?.[1]?.format('YYYY-MM-DD');
  const pager = useCursorPager(`${status}|${dueFrom}|${dueTo}`);
  const tasks = useTasks({ status, dueFrom, dueTo, limit: PAGE_SIZE, cursor: pager.cursor });
  const items = tasks.data?.items ?? [];

  return (
    <div data-testid="tasks-page">
      <PageHeader title={t('interactions.tasks.title')} subtitle={t('interactions.tasks.subtitle')} />
      <ListCard>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Segmented<TaskStatus>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'open', label: t('interactions.tasks.open') },
              { value: 'done', label: t('interactions.tasks.done') },
            ]}
            data-testid="tasks-status"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
            allowEmpty={[true, true]}
            placeholder={[t('interactions.tasks.dueRange'), '']}
            style={{ maxWidth: 300 }}
            aria-label={t('interactions.tasks.dueRange')}
          />
        </Flex>
        {tasks.error && !tasks.data ? (
          <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : tasks.isPending ? (
          <TableSkeleton />
        ) : items.length === 0 ? (
          <Empty
            style={{ padding: '32px 0' }}
            description={
              <Flex vertical gap={4}>
                <span>{status === 'open' ? t('interactions.tasks.empty') : t('interactions.tasks.emptyDone')}</span>
                {status === 'open' ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('interactions.tasks.emptyHint')}
                  </Typography.Text>
                ) : null}
              </Flex>
            }
          />
        ) : (
          <>
            <Flex vertical>
              {items.map((task) => (
                <TaskRow key={task.id} task={task} />
              ))}
            </Flex>
            <CursorPager
              total={tasks.data?.total}
              page={pager.page}
              hasPrev={pager.hasPrev}
              nextCursor={tasks.data?.nextCursor}
              onPrev={pager.prev}
              onNext={pager.next}
              testId="tasks"
            />
          </>
        )}
      </ListCard>
    </div>
  );
}

function TaskRow({ task }: { task: Task }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const today = dayjs().tz(FIRM_TIME_ZONE).format('YYYY-MM-DD');
  const complete = useMutation({
    mutationFn: () => interactionsApi.completeTask(task.id),
    onSuccess: () => {
      message.success(t('interactions.tasks.completed', { title: task.title }));
      void queryClient.invalidateQueries({ queryKey: interactionKeys.tasks });
    },
    onError: (err) => message.error(err instanceof Error ? err.message : String(err)),
  });
  const due =
    task.status === 'done' ? null : task.overdue ? (
      <Tag color="red">{t('interactions.tasks.overdue')}</Tag>
    ) : task.dueOn === today ? (
      <Tag color="orange">{t('interactions.tasks.dueToday')}</Tag>
    ) : null;
  return (
    <Flex
      justify="space-between"
      align="center"
      gap={12}
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
      data-testid="task-row"
      data-overdue={task.overdue ? 'true' : 'false'}
    >
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Typography.Text strong delete={task.status === 'done'} style={{ wordBreak: 'break-word' }}>
          {task.title}
        </Typography.Text>
        <Flex wrap align="center" style={{ columnGap: 12, rowGap: 4, fontSize: 13 }}>
          <Link to={`/clients/${encodeURIComponent(task.clientId)}?tab=interactions`}>{task.clientName}</Link>
          <Typography.Text type={task.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
            {task.status === 'done' && task.doneAt
              ? t('interactions.tasks.doneAt', { date: formatDate(task.doneAt) })
              : t('interactions.tasks.due', { date: task.dueOn })}
          </Typography.Text>
          {due}
          {task.createdByName && task.createdBy !== task.assigneeId ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('interactions.tasks.assignedBy', { name: task.createdByName })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Flex>
      {task.status === 'open' ? (
        <Button icon={<CheckOutlined />} loading={complete.isPending} onClick={() => complete.mutate()} style={{ flex: 'none' }} data-testid="task-complete">
          {t('interactions.tasks.complete')}
        </Button>
      ) : null}
    </Flex>
  );
}
