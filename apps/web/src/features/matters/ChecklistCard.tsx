import { App, Card, Checkbox, Empty, Flex, List, Progress, Skeleton, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChecklistStep, Matter, MatterChecklist } from '@retainer/shared';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { formatDateTime } from '../../app/format';
import { LoadError } from '../../components/ErrorResults';
import { firmToday } from './matterForm';
import { processApi, processKeys, useChecklist } from './matterProcess.api';

/** Steps due within this many days show as due soon (orange); overdue ones are red (UI.md). */
const DUE_SOON_DAYS = 3;

/** M-3: the matter's standard process — steps with guidance and due days, ticked off as work is done. */
export function ChecklistCard({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan('matters:write');
  const checklist = useChecklist(matter.id);
  const tick = useMutation({
    mutationFn: (v: { stepId: string; done: boolean }) => processApi.tick(matter.id, v.stepId, { done: v.done }),
    onSuccess: (data) => queryClient.setQueryData<MatterChecklist>(processKeys.checklist(matter.id), data),
    onError: (err) => message.error(err instanceof Error ? err.message : String(err)),
  });
  const data = checklist.data;
  const progress = data?.progress;

  return (
    <Card
      variant="borderless"
      title={t('checklists.card.title')}
      data-testid="matter-checklist"
      extra={progress && progress.total > 0 ? <Typography.Text type="secondary">{t('checklists.card.count', progress)}</Typography.Text> : null}
    >
      {checklist.error && !data ? (
        <LoadError error={checklist.error} onRetry={() => void checklist.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : data.steps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checklists.card.empty')} />
      ) : (
        <>
          <Progress
            percent={data.progress.percent}
            status={data.progress.percent === 100 ? 'success' : 'normal'}
            aria-label={t('checklists.card.progress')}
            data-testid="checklist-progress"
          />
          <List<ChecklistStep>
            size="small"
            dataSource={data.steps}
            data-testid="checklist-steps"
            renderItem={(step) => (
              <List.Item key={step.id} data-testid={`checklist-step-${step.position}`} data-done={step.done ? 'true' : 'false'}>
                <Flex gap={12} align="flex-start" style={{ width: '100%' }}>
                  <Checkbox
                    checked={step.done}
                    disabled={!canWrite || (tick.isPending && tick.variables?.stepId === step.id)}
                    onChange={(e) => tick.mutate({ stepId: step.id, done: e.target.checked })}
                    aria-label={step.title}
                    style={{ marginTop: 2 }}
                  />
                  <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                    <Flex justify="space-between" gap={8} wrap>
                      <Typography.Text strong={!step.done} type={step.done ? 'secondary' : undefined}>
                        {step.position}. {step.title}
                      </Typography.Text>
                      <StepDue step={step} />
                    </Flex>
                    {step.guidance ? (
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {step.guidance}
                      </Typography.Text>
                    ) : null}
                    {step.done ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('checklists.card.doneBy', { name: step.doneBy?.name ?? t('common.empty'), at: formatDateTime(step.doneAt) })}
                        {step.note ? ` · ${step.note}` : ''}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}

function StepDue({ step }: { step: ChecklistStep }) {
  const { t } = useTranslation();
  if (step.done) return <Tag color="green">{t('checklists.card.done')}</Tag>;
  const left = dayjs(step.dueOn).diff(firmToday(), 'day');
  const soon = !step.overdue && left <= DUE_SOON_DAYS;
  return (
    <Flex gap={4} align="center">
      <Typography.Text type={step.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
        {t('checklists.card.dueOn', { date: step.dueOn })}
      </Typography.Text>
      {step.overdue ? <Tag color="red">{t('checklists.card.overdue')}</Tag> : soon ? <Tag color="orange">{t('checklists.card.dueSoon')}</Tag> : null}
    </Flex>
  );
}
